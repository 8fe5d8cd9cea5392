"""The shape of the documents the MongoDB store writes, and the keys its queries look up.

A resource type has one collection of current versions; a document holds the
resource's exact JSON bytes (``body``, served as stored) and its search index
entries, so that every search is one indexed query on one collection:

* ``tok``  token keys ``param␟code`` (any system) and ``param␟system␟code``
  (``system`` empty when the coding has none), so the forms ``code``,
  ``system|code`` and ``|code`` are one equality each and ``system|`` an anchored
  regex over the second form;
* ``str``  ``param␟folded`` (prefix search: anchored regex), ``sx`` ``param␟exact``
  (``:exact``, not indexed: ``str`` narrows first); ``:text`` of tokens under ``param:text``;
* ``txt``  distinct folded words of ``_content`` / ``_text`` as ``param␟word``;
* ``ref``  ``param␟id␟Type`` (a type-less target is an anchored regex on ``param␟id␟``),
  ``uri`` ``param␟uri`` (also references without a target id, and absolute or canonical ones by URL);
* ``dt`` / ``num`` / ``qty``  range-valued entries as ``{p, lo, hi}``, ``{p, v}``,
  ``{p, v, s, c}`` sub-documents, matched with ``$elemMatch``;
* ``has``  parameters with at least one value (``:missing``);
* ``geo``  ``{lon, lat}`` and ``cell`` grid keys (0.1° and 1°) to narrow ``near``;
* ``grp``  one sub-document per repetition of a correlated group, holding that
  repetition's entries in the same fields (``$elemMatch`` over it = same repetition);
* ``sa`` / ``sd``  per-parameter sort keys for ascending / descending order, both
  made so that a *descending* MongoDB sort gives the wanted order and puts
  resources without a value last, as the embedded store does.

``␟`` is U+001F, a character no code, system, id or folded text contains.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from bson import ObjectId

from server.model import StoredResource, WriteOp
from server.search.index import (
    DateEntry,
    GeoEntry,
    IndexEntry,
    NumberEntry,
    QuantityEntry,
    ReferenceEntry,
    StringEntry,
    TextEntry,
    TokenEntry,
    UriEntry,
)
from server.search.normalize import date_range

SEP = "\x1f"
CELL_LEVELS = ((0, 0.1), (1, 1.0))
"""Grid levels of the ``cell`` keys: (level, cell size in degrees), finest first."""

_SCALARS = 0x110000 - 0x800  # Unicode scalar values: code points less the surrogates
_TEXT_END = chr(0x10FFFF)


# -- keys --------------------------------------------------------------------------------------------------


def token_key(param: str, code: str) -> str:
    return f"{param}{SEP}{code}"


def token_system_key(param: str, system: str, code: str) -> str:
    return f"{param}{SEP}{system}{SEP}{code}"


def string_key(param: str, text: str) -> str:
    return f"{param}{SEP}{text}"


def reference_key(param: str, target_id: str, target_type: str) -> str:
    return f"{param}{SEP}{target_id}{SEP}{target_type}"


def words(text: str) -> list[str]:
    """The words of folded text: runs of letters and digits (the embedded store's full-text tokens)."""
    return "".join(ch if ch.isalnum() else " " for ch in text).split()


def cell_key(level: int, size: float, lat: float, lon: float) -> str:
    return f"{level}:{math.floor(lat / size)}:{math.floor(lon / size)}"


def cells_covering(lat_lo: float, lat_hi: float, lon_lo: float, lon_hi: float, limit: int = 400) -> list[str] | None:
    """Cell keys of the finest level covering a box with at most ``limit`` cells; None if none is coarse enough."""
    for level, size in CELL_LEVELS:
        rows = range(math.floor(lat_lo / size), math.floor(lat_hi / size) + 1)
        cols = range(math.floor(lon_lo / size), math.floor(lon_hi / size) + 1)
        if len(rows) * len(cols) <= limit:
            return [f"{level}:{r}:{c}" for r in rows for c in cols]
    return None


def field_name(param: str) -> str:
    """``param`` usable as a field name (``sa.<param>``): MongoDB reserves ``.`` and a leading ``$``."""
    return param.replace(".", "\uff0e").replace("$", "\uff04")


def reverse_text(text: str) -> str:
    """An order-reversing image of ``text``: ``a < b`` iff ``reverse_text(a) > reverse_text(b)``.

    Each code point is replaced by its mirror among the Unicode scalar values
    (surrogates skipped, so the result is valid UTF-8 and MongoDB's binary
    string order is code point order); U+10FFFF closes the string so that a
    prefix sorts after its extensions. U+0000, whose mirror is that terminator,
    is dropped.
    """
    out = []
    for ch in text:
        rank = ord(ch)
        if rank == 0:
            continue
        if rank >= 0xE000:
            rank -= 0x800
        mirror = _SCALARS - 1 - rank
        out.append(chr(mirror + 0x800 if mirror >= 0xD800 else mirror))
    out.append(_TEXT_END)
    return "".join(out)


# -- documents ---------------------------------------------------------------------------------------------


KEY_FIELDS = ("tok", "str", "sx", "ref", "uri")
"""Index fields holding string keys (one multikey array each)."""


@dataclass(slots=True)
class _Entries:
    """The index fields of one container: the whole resource, or one repetition of a group."""

    keys: dict[str, set[str]] = field(default_factory=lambda: {name: set() for name in KEY_FIELDS})
    dt: set[tuple[str, float, float]] = field(default_factory=set)
    num: set[tuple[str, float]] = field(default_factory=set)
    qty: set[tuple[str, float, str, str]] = field(default_factory=set)

    def add(self, e: IndexEntry) -> None:
        keys = self.keys
        match e:
            case TokenEntry():
                if e.code is not None:
                    keys["tok"].add(token_key(e.param, e.code))
                    keys["tok"].add(token_system_key(e.param, e.system or "", e.code))
                if e.text:
                    keys["str"].add(string_key(f"{e.param}:text", e.text))
            case StringEntry():
                keys["str"].add(string_key(e.param, e.folded))
                keys["sx"].add(string_key(e.param, e.exact))
            case DateEntry():
                self.dt.add((e.param, e.low, e.high))
            case NumberEntry():
                self.num.add((e.param, e.value))
            case QuantityEntry():
                self.qty.add((e.param, e.value, e.system or "", e.code or ""))
            case ReferenceEntry():
                if e.target_id is not None:
                    keys["ref"].add(reference_key(e.param, e.target_id, e.target_type or ""))
                if e.target_id is None or e.url.startswith(("http://", "https://")):
                    keys["uri"].add(string_key(e.param, e.url))  # absolute and canonical: also by URL
            case UriEntry():
                keys["uri"].add(string_key(e.param, e.uri))

    def fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {name: sorted(values) for name, values in self.keys.items() if values}
        if self.dt:
            out["dt"] = [{"p": p, "lo": lo, "hi": hi} for p, lo, hi in sorted(self.dt)]
        if self.num:
            out["num"] = [{"p": p, "v": v} for p, v in sorted(self.num)]
        if self.qty:
            out["qty"] = [{"p": p, "v": v, "s": s, "c": c} for p, v, s, c in sorted(self.qty)]
        return out


@dataclass(slots=True)
class _SortValues:
    """Per parameter, the smallest and largest value an ascending / descending sort uses."""

    low: dict[str, Any] = field(default_factory=dict)
    high: dict[str, Any] = field(default_factory=dict)

    def add(self, param: str, low: Any, high: Any) -> None:
        if param not in self.low or low < self.low[param]:
            self.low[param] = low
        if param not in self.high or high > self.high[param]:
            self.high[param] = high

    def fields(self) -> dict[str, Any]:
        if not self.low:
            return {}
        ascending = {field_name(p): reverse_text(v) if isinstance(v, str) else -v for p, v in self.low.items()}
        return {"sa": ascending, "sd": {field_name(p): v for p, v in self.high.items()}}


def index_fields(entries: tuple[IndexEntry, ...]) -> dict[str, Any]:
    """Every index field of a current-version document (see the module docstring)."""
    whole = _Entries()
    groups: dict[int, _Entries] = {}
    present: set[str] = set()
    text: set[str] = set()
    sort = _SortValues()
    geo: GeoEntry | None = None
    for e in entries:
        match e:
            case GeoEntry():
                geo = e
                continue
            case TextEntry():
                text.update(string_key(e.param, w) for w in words(e.folded))
                continue
            case TokenEntry(code=None):
                pass
            case TokenEntry():
                sort.add(e.param, e.code, e.code)
            case StringEntry():
                sort.add(e.param, e.folded, e.folded)
            case DateEntry():
                sort.add(e.param, e.low, e.high)
            case NumberEntry() | QuantityEntry():
                sort.add(e.param, e.value, e.value)
        if not (isinstance(e, TokenEntry) and e.code is None):
            present.add(e.param)
        whole.add(e)
        if e.group:
            groups.setdefault(e.group, _Entries()).add(e)
    out = whole.fields()
    if present:
        out["has"] = sorted(present)
    if text:
        out["txt"] = sorted(text)
    if groups:
        out["grp"] = [{"g": g, **groups[g].fields()} for g in sorted(groups)]
    if geo is not None:
        out["geo"] = {"lon": geo.lon, "lat": geo.lat}
        out["cell"] = [cell_key(level, size, geo.lat, geo.lon) for level, size in CELL_LEVELS]
    out.update(sort.fields())
    return out


def current_document(op: WriteOp, pk: ObjectId) -> dict[str, Any]:
    """The current-version document of ``op``'s resource; ``pk`` is its stable paging key."""
    doc: dict[str, Any] = {
        "_id": op.id,
        "pk": pk,
        "v": op.version,
        "lu": date_range(op.last_updated)[0],
        "lut": op.last_updated,
        "del": op.deleted,
        "m": op.method,
        "body": op.body,
    }
    if not op.deleted:
        doc.update(index_fields(op.index))
    return doc


def history_document(op: WriteOp) -> dict[str, Any]:
    """One version in ``history``; ``b`` is the base version, the one it replaces (0 for a creation)."""
    return {
        "_id": ObjectId(),
        "t": op.type,
        "i": op.id,
        "v": op.version,
        "b": op.expected_version,
        "lu": date_range(op.last_updated)[0],
        "lut": op.last_updated,
        "del": op.deleted,
        "m": op.method,
        "body": op.body,
    }


def stored_current(resource_type: str, doc: dict[str, Any]) -> StoredResource:
    return StoredResource(resource_type, doc["_id"], doc["v"], doc["lut"], doc["del"], bytes(doc["body"]), doc["m"])


def stored_version(doc: dict[str, Any]) -> StoredResource:
    return StoredResource(doc["t"], doc["i"], doc["v"], doc["lut"], doc["del"], bytes(doc["body"]), doc["m"])
