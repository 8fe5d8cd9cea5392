"""Index extraction: a resource's search-parameter values as :mod:`server.search.index` entries.

An :class:`Extractor` compiles every parameter expression of the registry once
(:mod:`server.search.fhirpath_compile`; an expression outside the compiled subset
falls back to ``fhirpathpy`` and is logged) and then turns a resource into its
entries. Values are read by JSON shape, per parameter type:

* token — code/id/uri/string/boolean (``"true"``/``"false"``); Coding (``text`` = folded
  display); CodeableConcept (one entry per coding, plus a code-less entry holding the
  folded ``text``); Identifier and ContactPoint (``system``/``value``). Each
  Identifier with a type also gives ``<code>:of-type`` entries, system = the type
  coding's system and code = ``<type code>|<value>``;
* string — folded and exact forms; HumanName and Address give one entry per part;
* date — date/dateTime/instant, Period, Timing events (epoch-second ranges);
* number — integer/decimal (or the ``value`` of a Quantity/Money);
* quantity — Quantity; Money as value + currency in ``urn:iso:std:iso:4217``; Range as both ends;
* reference — ``Reference.reference`` (and canonicals) parsed to type/id; ``Reference.identifier``
  gives a ``<code>:identifier`` token entry (logical references such as ``Task.focus``);
* uri — uri/url/canonical strings;
* special — ``near`` from ``Location.position`` (``near-insee-code`` reads the same
  position: queries resolve the commune's centroid and match the ``near`` entries, so it
  has none of its own), ``_content`` (the folded words of every human-readable string of
  the resource) and ``_text`` (the narrative's words). Composite parameters give no
  entries: their components are indexed by their own parameters.

Correlation: the parameters of one family (``SearchParamDef.group``) read values from
repetitions of a top-level extension; the entries coming from one repetition share a
group number, unique within the resource (``family ordinal × 100000 + repetition + 1``),
other entries have group 0. Values that cannot be indexed (a malformed date) are skipped:
validation is not this module's concern.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from server.search.fhirpath_compile import (
    EntryPoints,
    Evaluator,
    UnsupportedExpression,
    compile_extension_rooted,
    compile_path,
    entry_points,
    split_union,
)
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
from server.search.normalize import date_range, fold, parse_reference, period_range
from server.search.registry import Registry, SearchParamDef

log = logging.getLogger(__name__)

CURRENCY_SYSTEM = "urn:iso:std:iso:4217"
GROUP_STRIDE = 100_000
_STRING_PARTS = ("text", "family", "given", "prefix", "suffix", "line", "city", "district", "state",
                 "postalCode", "country")

Converter = Callable[[str, Any, int, list[IndexEntry]], None]

_fold = lru_cache(maxsize=65536)(fold)
"""Displays and names recur across resources: folding each distinct one once pays in bulk loads."""


# ---------------------------------------------------------------------------------------------- converters


def _token(code: str, value: Any, group: int, out: list[IndexEntry]) -> None:
    kind = type(value)
    if kind is str:
        if value:
            out.append(TokenEntry(code, None, value, None, group))
    elif kind is bool:
        out.append(TokenEntry(code, None, "true" if value else "false", None, group))
    elif kind is int:
        out.append(TokenEntry(code, None, str(value), None, group))
    elif kind is dict:
        if "coding" in value or ("text" in value and "value" not in value):
            for coding in value.get("coding", ()):
                _coding(code, coding, group, out)
            if value.get("text"):
                out.append(TokenEntry(code, None, None, _fold(value["text"]), group))
        elif "value" in value:
            _identifier(code, value, group, out)
        elif "code" in value or "system" in value:
            _coding(code, value, group, out)


def _coding(code: str, coding: dict[str, Any], group: int, out: list[IndexEntry]) -> None:
    display = coding.get("display")
    if coding.get("code") is not None or coding.get("system") is not None:
        out.append(TokenEntry(code, coding.get("system"), coding.get("code"), _fold(display) if display else None,
                              group))


def _identifier(code: str, identifier: dict[str, Any], group: int, out: list[IndexEntry]) -> None:
    """Identifier and ContactPoint: ``system|value``; an Identifier's type gives ``:of-type`` entries."""
    value = identifier.get("value")
    if value is None or value == "":
        return
    value = str(value)
    out.append(TokenEntry(code, identifier.get("system"), value, None, group))
    identifier_type = identifier.get("type")
    if type(identifier_type) is dict:
        for coding in identifier_type.get("coding", ()):
            out.append(TokenEntry(f"{code}:of-type", coding.get("system"), f"{coding.get('code', '')}|{value}",
                                  None, group))


def _string(code: str, value: Any, group: int, out: list[IndexEntry]) -> None:
    if type(value) is str:
        if value:
            out.append(StringEntry(code, _fold(value), value, group))
    elif type(value) is dict:
        for part in _STRING_PARTS:
            part_value = value.get(part)
            for text in part_value if type(part_value) is list else (part_value,):
                if type(text) is str and text:
                    out.append(StringEntry(code, _fold(text), text, group))


def _date(code: str, value: Any, group: int, out: list[IndexEntry]) -> None:
    try:
        if type(value) is str:
            low, high = date_range(value)
            out.append(DateEntry(code, low, high, group))
        elif type(value) is dict:
            if "start" in value or "end" in value:
                low, high = period_range(value.get("start"), value.get("end"))
                out.append(DateEntry(code, low, high, group))
            else:  # Timing: its events and the outer bounds of its repeat
                for event in value.get("event", ()):
                    _date(code, event, group, out)
                bounds = value.get("repeat", {}).get("boundsPeriod")
                if bounds:
                    _date(code, bounds, group, out)
    except ValueError:
        log.debug("unindexable date %r for %s", value, code)


def _numeric(value: Any) -> float | None:
    if type(value) in (int, float):
        return float(value)
    return None


def _number(code: str, value: Any, group: int, out: list[IndexEntry]) -> None:
    number = _numeric(value.get("value")) if type(value) is dict else _numeric(value)
    if number is not None:
        out.append(NumberEntry(code, number, group))


def _quantity(code: str, value: Any, group: int, out: list[IndexEntry]) -> None:
    if type(value) is not dict:
        number = _numeric(value)
        if number is not None:
            out.append(QuantityEntry(code, number, None, None, None, group))
        return
    number = _numeric(value.get("value"))
    if number is None:
        for end in ("low", "high"):  # Range
            if type(value.get(end)) is dict:
                _quantity(code, value[end], group, out)
    elif "currency" in value and "code" not in value:
        out.append(QuantityEntry(code, number, CURRENCY_SYSTEM, value["currency"], None, group))
    else:
        out.append(QuantityEntry(code, number, value.get("system"), value.get("code"), value.get("unit"), group))


def _reference(code: str, value: Any, group: int, out: list[IndexEntry]) -> None:
    if type(value) is str:  # canonical / uri
        if value:
            target_type, target_id = parse_reference(value)
            out.append(ReferenceEntry(code, target_type, target_id, value, group))
        return
    if type(value) is not dict:
        return
    reference = value.get("reference")
    if reference:
        target_type, target_id = parse_reference(reference)
        out.append(ReferenceEntry(code, target_type, target_id, reference, group))
    identifier = value.get("identifier")
    if type(identifier) is dict and identifier.get("value"):
        out.append(TokenEntry(f"{code}:identifier", identifier.get("system"), str(identifier["value"]), None, group))


def _uri(code: str, value: Any, group: int, out: list[IndexEntry]) -> None:
    if type(value) is str and value:
        out.append(UriEntry(code, value, group))


def _geo(code: str, value: Any, group: int, out: list[IndexEntry]) -> None:
    if type(value) is dict:
        latitude, longitude = _numeric(value.get("latitude")), _numeric(value.get("longitude"))
        if latitude is not None and longitude is not None:
            out.append(GeoEntry(code, latitude, longitude, group))


_WORD = re.compile(r"[\w\u0300-\u036f]+")  # combining accents kept inside words until folded
_TAG = re.compile(r"<[^>]*>")
_DATE_LIKE = re.compile(r"\d{4}(-\d\d(-\d\d(T[\d:.]+(Z|[+-]\d\d:\d\d)?)?)?)?|\d\d:\d\d(:\d\d(\.\d+)?)?")
_NOT_TEXT_KEYS = frozenset({
    "resourceType", "id", "url", "system", "code", "reference", "div", "profile", "versionId", "lastUpdated",
    "status", "use", "language", "contentType", "expression",
})


def _words(folded: str) -> str:
    """The distinct words of a folded text, in first-seen order, space-separated."""
    return " ".join(dict.fromkeys(_WORD.findall(folded)))


def _human_strings(resource: dict[str, Any]) -> list[str]:
    """The distinct strings of ``resource`` that read as text: no codes, systems, URLs, ids or dates."""
    found: dict[str, None] = {}
    stack: list[dict[str, Any]] = [resource]
    pop, push, skipped = stack.pop, stack.append, _NOT_TEXT_KEYS  # a hot loop: locals are faster
    while stack:
        for key, value in pop().items():
            if key in skipped:
                continue
            kind = type(value)
            if kind is str:
                found[value] = None
            elif kind is dict:
                push(value)
            elif kind is list:
                for item in value:
                    kind = type(item)
                    if kind is dict:
                        push(item)
                    elif kind is str:
                        found[item] = None
    return [
        text for text in found
        if not text.startswith(("http://", "https://", "urn:"))
        and not (text[:2].isdigit() and _DATE_LIKE.fullmatch(text))
    ]


def _content(code: str, value: Any, group: int, out: list[IndexEntry]) -> None:
    words = _words(" ".join(map(_fold, _human_strings(value))))  # strings recur: fold each through the cache
    if words:
        out.append(TextEntry(code, words, group))


def _narrative(code: str, value: Any, group: int, out: list[IndexEntry]) -> None:
    if type(value) is str:
        text = html.unescape(_TAG.sub(" ", value))
        distinct = " ".join(dict.fromkeys(_WORD.findall(text)))  # fold only the distinct words
        words = " ".join(dict.fromkeys(fold(distinct).split()))
        if words:
            out.append(TextEntry(code, words, group))


_BY_TYPE: dict[str, Converter] = {
    "token": _token,
    "string": _string,
    "date": _date,
    "number": _number,
    "quantity": _quantity,
    "reference": _reference,
    "uri": _uri,
}
_SPECIAL_BY_CODE: dict[str, Converter] = {
    "near": _geo,
    "_content": _content,
    "_text": _narrative,
}


def _converter(param: SearchParamDef) -> Converter | None:
    if param.type == "special":
        return _SPECIAL_BY_CODE.get(param.code)
    return _BY_TYPE.get(param.type)


# ---------------------------------------------------------------------------------------------- plans


@dataclass(frozen=True, slots=True)
class _Param:
    """``entry``: when known, what the resource must have at its top for the path to yield anything."""

    code: str
    evaluate: Evaluator
    convert: Converter
    entry: EntryPoints | None

    def may_apply(self, resource: dict[str, Any], extension_urls: dict[str | None, list[Any]]) -> bool:
        entry = self.entry
        if entry is None:
            return True
        for element in entry.elements:
            if element in resource:
                return True
        return any(url in extension_urls for url in entry.extension_urls)


@dataclass(frozen=True, slots=True)
class _Member:
    """One union member of a family parameter: values read from each repetition of ``root``.

    ``evaluate`` applies to the repetition's ``sub_url`` sub-extensions, or to ``[repetition]``
    when ``sub_url`` is ``None``.
    """

    code: str
    root: str
    sub_url: str | None
    evaluate: Evaluator
    convert: Converter


@dataclass(frozen=True, slots=True)
class _Family:
    base_group: int
    roots: tuple[str, ...]
    members: tuple[_Member, ...]


@dataclass(frozen=True, slots=True)
class _TypePlan:
    params: tuple[_Param, ...]
    families: tuple[_Family, ...]


def _by_url(element: dict[str, Any]) -> dict[str | None, list[Any]]:
    """The extensions of ``element`` grouped by url."""
    grouped: dict[str | None, list[Any]] = {}
    for extension in element.get("extension", ()):
        grouped.setdefault(extension.get("url"), []).append(extension)
    return grouped


def _interpreted(expression: str) -> Evaluator:
    """``expression`` run by fhirpathpy (imported only when needed: it is slow to load and to run)."""
    import fhirpathpy
    from fhirpathpy.models import models

    evaluate = fhirpathpy.compile(expression, models["r4"])
    return lambda items: [value for item in items for value in evaluate(item, {})]


class Extractor:
    """Turns resources into index entries for every search parameter of their type."""

    def __init__(self, registry: Registry) -> None:
        self._choice_elements = registry.choice_elements
        self._plans = {type_: self._plan(type_, registry) for type_ in registry.resource_types()}

    def extract(self, resource: dict[str, Any]) -> tuple[IndexEntry, ...]:
        plan = self._plans.get(resource.get("resourceType", ""))
        if plan is None:
            return ()
        out: list[IndexEntry] = []
        context = [resource]
        extensions = _by_url(resource)
        for param in plan.params:
            if param.may_apply(resource, extensions):
                for value in param.evaluate(context):
                    param.convert(param.code, value, 0, out)
        if plan.families and extensions:
            self._extract_families(extensions, plan.families, out)
        return tuple(dict.fromkeys(out))

    def extract_param(self, resource: dict[str, Any], code: str) -> list[IndexEntry]:
        """The entries of one (non-family) parameter only: what ``_include`` needs to follow references."""
        plan = self._plans.get(resource.get("resourceType", ""))
        out: list[IndexEntry] = []
        for param in plan.params if plan is not None else ():
            if param.code == code:
                for value in param.evaluate([resource]):
                    param.convert(param.code, value, 0, out)
        return out

    @staticmethod
    def _extract_families(
        by_url: dict[str | None, list[Any]], families: tuple[_Family, ...], out: list[IndexEntry]
    ) -> None:
        for family in families:
            repetitions: dict[str, list[tuple[dict[str, Any], dict[str | None, list[Any]], int]]] = {}
            group = family.base_group
            for root in family.roots:
                for extension in by_url.get(root, ()):
                    group += 1
                    repetitions.setdefault(root, []).append((extension, _by_url(extension), group))
            if not repetitions:
                continue
            for member in family.members:
                for extension, subs, member_group in repetitions.get(member.root, ()):
                    items = [extension] if member.sub_url is None else subs.get(member.sub_url)
                    if items:
                        for value in member.evaluate(items):
                            member.convert(member.code, value, member_group, out)

    def _plan(self, resource_type: str, registry: Registry) -> _TypePlan:
        params: list[_Param] = []
        family_members: dict[str, list[_Member]] = {}
        for code, definition in registry.for_type(resource_type).items():
            if code != definition.code or definition.expression is None:
                continue  # an alias, or nothing to read
            convert = _converter(definition)
            if convert is None:
                continue  # composite, or a special without values of its own (_query…)
            if definition.group is not None:
                members = self._family_members(resource_type, definition, convert)
                if members is not None:
                    family_members.setdefault(definition.group, []).extend(members)
                    continue
            evaluate, entry = self._evaluator(resource_type, definition)
            params.append(_Param(code, evaluate, convert, entry))
        families = []
        for ordinal, group_name in enumerate(sorted(family_members), start=1):
            members = family_members[group_name]
            roots = tuple(dict.fromkeys(member.root for member in members))
            families.append(_Family(ordinal * GROUP_STRIDE, roots, tuple(members)))
        return _TypePlan(tuple(params), tuple(families))

    def _family_members(
        self, resource_type: str, definition: SearchParamDef, convert: Converter
    ) -> list[_Member] | None:
        assert definition.expression is not None
        try:
            rooted = [compile_extension_rooted(m, self._choice_elements) for m in split_union(definition.expression)]
        except UnsupportedExpression as error:
            log.warning("%s:%s is indexed without correlation groups: %s", resource_type, definition.code, error)
            return None
        return [_Member(definition.code, member.url, member.sub_url, member.rest, convert) for member in rooted]

    def _evaluator(self, resource_type: str, definition: SearchParamDef) -> tuple[Evaluator, EntryPoints | None]:
        expression = definition.expression
        assert expression is not None
        try:
            return compile_path(expression, self._choice_elements, resource_type), entry_points(expression)
        except UnsupportedExpression as error:
            log.warning("%s:%s falls back to fhirpathpy (%s): %s", resource_type, definition.code, error, expression)
            return _interpreted(expression), None

