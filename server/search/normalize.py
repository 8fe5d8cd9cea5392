"""The one normaliser shared by index extraction (write side) and query parsing (read side).

Whatever a query value is compared with was produced by the same function on
the resource side, so the index and the query cannot disagree:

* :func:`fold` — accent-, case- and whitespace-insensitive form of a string;
* :func:`date_range` / :func:`period_range` — FHIR date/dateTime/instant of any
  precision as an epoch-seconds range (low inclusive, high exclusive);
* :func:`parse_reference` — ``(type, id)`` of a literal reference;
* :func:`split_token` / :func:`split_list` — the query forms of a token value,
  honouring FHIR search escaping (``\\|``, ``\\,``, ``\\$``, ``\\\\``).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from functools import lru_cache


def _combining_marks() -> re.Pattern[str]:
    """A character class of every combining mark of the Basic Multilingual Plane."""
    ranges: list[str] = []
    start: int | None = None
    for codepoint in range(0x10001):
        combining = codepoint < 0x10000 and unicodedata.combining(chr(codepoint))
        if combining and start is None:
            start = codepoint
        elif not combining and start is not None:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(codepoint - 1))}")
            start = None
    return re.compile(f"[{''.join(ranges)}]")


_COMBINING = _combining_marks()


def fold(text: str) -> str:
    """NFKD, combining accents removed, casefolded, ``œ``/``æ`` expanded, whitespace collapsed and stripped."""
    if text.isascii():
        return " ".join(text.lower().split())
    stripped = _COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()
    if "œ" in stripped or "æ" in stripped:  # not decomposed by NFKD; str.translate would be slower
        stripped = stripped.replace("œ", "oe").replace("æ", "ae")
    return " ".join(stripped.split())


_DATE = re.compile(
    r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})"
    r"(?:T(?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.(?P<f>\d{1,9}))?)?"
    r"(?P<tz>Z|[+-]\d{2}:\d{2})?)?)?)?",
    re.ASCII,
)


_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def _day_start(year: int, month: int, day: int = 1) -> float:
    """Epoch seconds at 00:00Z of a day; ``(10000, 1, 1)`` is allowed as the end of year 9999."""
    if year == 10000:
        return float((date(9999, 12, 31).toordinal() + 1 - _EPOCH_ORDINAL) * 86400)
    return float((date(year, month, day).toordinal() - _EPOCH_ORDINAL) * 86400)


@lru_cache(maxsize=8192)
def date_range(value: str) -> tuple[float, float]:
    """The instants covered by a FHIR date/dateTime/instant, as ``(low, high)`` epoch seconds.

    Precision follows the value: ``2024`` covers the whole year, ``2024-03-01T10:15``
    one minute, ``…:15.250`` one millisecond. A time without offset is taken as UTC.
    Raises ``ValueError`` on anything else (including impossible dates).
    """
    match = _DATE.fullmatch(value)
    if match is None:
        raise ValueError(f"not a FHIR date/dateTime: {value!r}")
    parts = match.groupdict()
    year = int(parts["y"])
    if year == 0:
        raise ValueError(f"year 0000 does not exist: {value!r}")
    if parts["m"] is None:
        return _day_start(year, 1), _day_start(year + 1, 1)
    month = int(parts["m"])
    if not 1 <= month <= 12:
        raise ValueError(f"month out of range: {value!r}")
    if parts["d"] is None:
        return _day_start(year, month), _day_start(year + 1, 1) if month == 12 else _day_start(year, month + 1)
    day_start = _day_start(year, month, int(parts["d"]))  # raises ValueError on an impossible day
    if parts["H"] is None:
        return day_start, day_start + 86400.0
    hour, minute = int(parts["H"]), int(parts["M"])
    second = int(parts["S"]) if parts["S"] is not None else 0
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError(f"time out of range: {value!r}")
    low = day_start + hour * 3600 + minute * 60 + second - _offset_seconds(parts["tz"])
    if parts["S"] is None:
        return low, low + 60.0
    fraction = parts["f"]
    if fraction is None:
        return low, low + 1.0
    scale = 10 ** len(fraction)
    return low + int(fraction) / scale, low + (int(fraction) + 1) / scale


def _offset_seconds(tz: str | None) -> int:
    if tz is None or tz == "Z":
        return 0
    hours, minutes = int(tz[1:3]), int(tz[4:6])
    if hours > 14 or minutes > 59:
        raise ValueError(f"time-zone offset out of range: {tz!r}")
    seconds = hours * 3600 + minutes * 60
    return -seconds if tz[0] == "-" else seconds


def period_range(start: str | None, end: str | None) -> tuple[float, float]:
    """The instants covered by a Period; a missing bound is open (``-inf`` / ``+inf``)."""
    low = date_range(start)[0] if start else -math.inf
    high = date_range(end)[1] if end else math.inf
    return low, high


_TYPE = re.compile(r"[A-Z][A-Za-z]+")
_ID = re.compile(r"[A-Za-z0-9\-.]{1,64}")


def parse_reference(ref: str, base_urls: Iterable[str] | None = None) -> tuple[str | None, str | None]:
    """``(type, id)`` of a literal reference, or ``(None, None)`` when it names no resource of a server.

    Accepts ``Type/id``, ``Type/id/_history/n`` and absolute ``http(s)://…/Type/id[/_history/n]``;
    a canonical's ``|version`` is ignored. ``#contained``, ``urn:…`` and conditional references give
    ``(None, None)``. With ``base_urls``, an absolute URL must start with one of them to count.
    """
    if not ref or ref.startswith(("#", "urn:")) or "?" in ref:
        return None, None
    ref = ref.split("|", 1)[0]
    if ref.startswith(("http://", "https://")):
        if base_urls is not None and not any(ref.startswith(base.rstrip("/") + "/") for base in base_urls):
            return None, None
        ref = ref.split("://", 1)[1]
    segments = ref.rstrip("/").split("/")
    if len(segments) >= 4 and segments[-2] == "_history":
        segments = segments[:-2]
    if len(segments) < 2:
        return None, None
    type_, id_ = segments[-2], segments[-1]
    if _TYPE.fullmatch(type_) and _ID.fullmatch(id_):
        return type_, id_
    return None, None


_ESCAPES = {"|": "|", ",": ",", "$": "$", "\\": "\\"}


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    out: list[str] = []
    chars = iter(text)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            out.append(_ESCAPES.get(following, "\\" + following))
        else:
            out.append(char)
    return "".join(out)


def _split_unescaped(text: str, separator: str, maxsplit: int = -1) -> list[str]:
    """Split on ``separator`` where it is not escaped by a backslash; escapes are kept."""
    pieces: list[str] = []
    start = 0
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == separator and (maxsplit < 0 or len(pieces) < maxsplit):
            pieces.append(text[start:index])
            start = index + 1
        index += 1
    pieces.append(text[start:])
    return pieces


def split_list(value: str) -> list[str]:
    """The comma-separated (OR) values of one query parameter; escapes are kept for :func:`split_token`."""
    return _split_unescaped(value, ",")


def split_token(value: str) -> tuple[str | None, str | None]:
    """``(system, code)`` of a token query value.

    ``code`` → ``(None, code)`` (any system); ``system|code``; ``|code`` → ``("", code)``
    (no system); ``system|`` → ``(system, None)`` (any code). Empty parts are ``None``
    except the empty system of ``|code``. FHIR escapes are resolved.
    """
    pieces = _split_unescaped(value, "|", maxsplit=1)
    if len(pieces) == 1:
        code = _unescape(value)
        return None, code or None
    system, code = _unescape(pieces[0]), _unescape(pieces[1])
    return system, code or None
