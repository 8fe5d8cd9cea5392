"""One search parameter of a URL (name with modifiers or chain, and its value) as a plan criterion.

Handles every parameter type, the modifiers, prefixes, OR lists, chains
(``organization.type``, ``organization:Organization.type``,
``focus:HealthcareService:identifier``), reverse chains (``_has``) and the ROR
reading of ``:above`` on a chained Organization parameter.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from server.errors import InvalidRequest
from server.search import normalize
from server.search.plan import (
    AnyOf,
    Chain,
    Criterion,
    DateMatch,
    Has,
    IdMatch,
    LastUpdatedMatch,
    Missing,
    Near,
    NumberMatch,
    QuantityMatch,
    RangeCondition,
    ReferenceMatch,
    StringMatch,
    TextMatch,
    TokenMatch,
    TokenValue,
    UriMatch,
)
from server.search.registry import Registry, SearchParamDef

PREFIXES = ("eq", "ne", "gt", "lt", "ge", "le", "sa", "eb", "ap")
_NUMBER = re.compile(r"^[+-]?(\d+)(\.(\d+))?([eE][+-]?\d+)?$")
_UCUM_SYSTEMS = ("unitsofmeasure.org", "TRE_R247-UcumUniteMesure")
_KM_PER_UNIT = {"km": 1.0, "m": 0.001, "mi": 1.609344, "[mi_i]": 1.609344}


class TerminologyHook(Protocol):
    """What search needs from the terminology module."""

    def normalize_system(self, url: str) -> str: ...

    def codes_in(self, valueset_url: str) -> frozenset[tuple[str, str]]: ...

    def below(self, system: str, code: str) -> frozenset[str]: ...

    def above(self, system: str, code: str) -> frozenset[str]: ...


CentroidLookup = Callable[[str], "tuple[float, float] | None"]


@dataclass(frozen=True, slots=True)
class Context:
    registry: Registry
    terminology: TerminologyHook | None
    centroid: CentroidLookup | None
    served_types: tuple[str, ...]


def bad_value(name: str, message: str) -> InvalidRequest:
    return InvalidRequest(f"Search parameter '{name}': {message}", code="value", expression=name)


class UnknownParameter(InvalidRequest):
    """A parameter name the server does not know for the type (lenient mode may ignore it)."""

    def __init__(self, resource_type: str, name: str) -> None:
        super().__init__(
            f"Unknown search parameter '{name}' for {resource_type}", code="not-supported", expression=name
        )
        self.name = name


def build(ctx: Context, resource_type: str, name: str, value: str) -> Criterion:
    """The criterion for ``name=value`` on ``resource_type``."""
    if name.startswith("_has:"):
        return _has(ctx, resource_type, name, value)
    base, modifier = _split_modifier(name)
    chain = _split_chain(ctx, base, modifier)
    if chain is not None:
        return _chain(ctx, resource_type, name, *chain, value)
    return _simple(ctx, resource_type, name, base, modifier, value)


def _split_modifier(name: str) -> tuple[str, str | None]:
    head, _, modifier = name.partition(":")
    return head, (modifier or None)


def _split_chain(ctx: Context, base: str, modifier: str | None) -> tuple[str, str | None, str] | None:
    """(reference param, target type or None, rest) for a chained name, else None."""
    if "." in base:
        ref, rest = base.split(".", 1)
        return ref, None, rest + (f":{modifier}" if modifier else "")
    if modifier and "." in modifier:
        target, rest = modifier.split(".", 1)
        if target in ctx.served_types:
            return base, target, rest
    if modifier and ":" in modifier:
        target, rest = modifier.split(":", 1)
        if target in ctx.served_types:  # the ROR doc's ``focus:HealthcareService:identifier``
            return base, target, rest
    return None


def _has(ctx: Context, resource_type: str, name: str, value: str) -> Criterion:
    parts = name.split(":", 3)
    if len(parts) != 4 or not all(parts[1:]):
        raise bad_value(name, "the reverse chain form is _has:Type:reference:parameter")
    _, source_type, ref_param, rest = parts
    if source_type not in ctx.served_types:
        raise bad_value(name, f"'{source_type}' is not a served resource type")
    definition = ctx.registry.get(source_type, ref_param)
    if definition is None or definition.type != "reference":
        raise bad_value(name, f"'{ref_param}' is not a reference parameter of {source_type}")
    if (
        definition.targets
        and resource_type not in definition.targets
        and "Resource" not in definition.targets
    ):
        raise bad_value(name, f"{source_type}.{ref_param} cannot point at {resource_type}")
    return Has(source_type, ref_param, build(ctx, source_type, rest, value))


def _chain(
    ctx: Context, resource_type: str, name: str, ref_param: str, target: str | None, rest: str, value: str
) -> Criterion:
    definition = ctx.registry.get(resource_type, ref_param)
    if definition is None:
        raise UnknownParameter(resource_type, name)
    if definition.type != "reference":
        raise bad_value(name, f"'{ref_param}' is not a reference parameter, it cannot be chained")
    targets = [target] if target else [t for t in definition.targets if t in ctx.served_types]
    if (
        target
        and definition.targets
        and target not in definition.targets
        and "Resource" not in definition.targets
    ):
        raise bad_value(name, f"{resource_type}.{ref_param} cannot point at {target}")
    inner_base, inner_modifier = _split_modifier(rest)
    hierarchy = inner_modifier == "above" and "." not in inner_base
    if hierarchy:
        rest = inner_base
    options = []
    for t in targets:
        inner_name = rest.split(":", 1)[0].split(".", 1)[0]
        if inner_name.startswith("_") or ctx.registry.get(t, inner_name) is not None:
            inner = build(ctx, t, rest, value)
            options.append(Chain(ref_param, t, inner, ancestors=hierarchy))
    if not options:
        raise UnknownParameter(targets[0] if len(targets) == 1 else resource_type, name)
    return options[0] if len(options) == 1 else AnyOf(tuple(options))


def _simple(
    ctx: Context, resource_type: str, name: str, base: str, modifier: str | None, value: str
) -> Criterion:
    values = normalize.split_list(value)
    if modifier == "missing":
        if value not in ("true", "false"):
            raise bad_value(name, "':missing' takes true or false")
        if base in ("_id", "_lastUpdated"):
            return IdMatch((), negate=value == "false")
        if ctx.registry.get(resource_type, base) is None:
            raise UnknownParameter(resource_type, name)
        return Missing(base, value == "true")
    if not values or any(v == "" for v in values):
        raise bad_value(name, "empty value")
    if base == "_id":
        if modifier not in (None, "not", "exact"):
            raise bad_value(name, f"modifier ':{modifier}' is not supported on _id")
        return IdMatch(tuple(values), negate=modifier == "not")
    if base == "_lastUpdated":
        return LastUpdatedMatch(tuple(_range_condition(name, v, "date") for v in values))
    if base in ("_content", "_text"):
        return TextMatch(base, tuple(normalize.fold(v) for v in values))
    definition = ctx.registry.get(resource_type, base)
    if definition is None:
        raise UnknownParameter(resource_type, name)
    return _typed(ctx, definition, name, modifier, values)


def _typed(ctx: Context, d: SearchParamDef, name: str, modifier: str | None, values: list[str]) -> Criterion:
    match d.type:
        case "token":
            return _token(ctx, d, name, modifier, values)
        case "string":
            if modifier not in (None, "exact", "contains"):
                raise bad_value(name, f"modifier ':{modifier}' is not supported on a string parameter")
            if modifier == "exact":
                return StringMatch(d.code, tuple(values), "exact")
            return StringMatch(d.code, tuple(normalize.fold(v) for v in values), modifier or "prefix")
        case "date" | "number" | "quantity":
            if modifier is not None:
                raise bad_value(name, f"modifier ':{modifier}' is not supported on a {d.type} parameter")
            conditions = tuple(_range_condition(name, v, d.type) for v in values)
            cls = {"date": DateMatch, "number": NumberMatch, "quantity": QuantityMatch}[d.type]
            return cls(d.code, conditions)
        case "reference":
            return _reference(ctx, d, name, modifier, values)
        case "uri":
            if modifier not in (None, "below", "above"):
                raise bad_value(name, f"modifier ':{modifier}' is not supported on a uri parameter")
            return UriMatch(d.code, tuple(values), modifier or "exact")
        case "special":
            return _special(ctx, d, name, values)
    raise bad_value(name, f"parameters of type {d.type} are not searchable here")


def _token(ctx: Context, d: SearchParamDef, name: str, modifier: str | None, values: list[str]) -> Criterion:
    if modifier == "text":
        return TextMatch(d.code, tuple(normalize.fold(v) for v in values))
    if modifier == "of-type":
        parsed = []
        for v in values:
            parts = normalize.split_token(v)
            system, rest = parts
            type_code, _, ident = (rest or "").partition("|")
            if not system or not type_code or not ident:
                raise bad_value(name, "':of-type' takes system|type-code|value")
            parsed.append(TokenValue(system, f"{type_code}|{ident}"))
        return TokenMatch(f"{d.code}:of-type", tuple(parsed))
    if modifier in ("in", "not-in"):
        if ctx.terminology is None:
            raise bad_value(name, f"':{modifier}' needs the terminology module")
        codes: set[tuple[str, str]] = set()
        for v in values:
            codes.update(ctx.terminology.codes_in(v))
        match = TokenMatch(d.code, tuple(TokenValue(s, c) for s, c in sorted(codes)))
        return match if modifier == "in" else TokenMatch(d.code, match.values, negate=True)
    if modifier not in (None, "not", "below", "above", "exact"):
        raise bad_value(name, f"modifier ':{modifier}' is not supported on a token parameter")
    tokens: list[TokenValue] = []
    for v in values:
        system, code = normalize.split_token(v)
        if system and ctx.terminology is not None:
            system = ctx.terminology.normalize_system(system)
        if system and d.code == "identifier" and "mos.esante.gouv.fr/NOS/" in system:
            system = None  # ROR §9 #9: an identifier-type system in the system slot; match the value
        if modifier in ("below", "above") and system and code and ctx.terminology is not None:
            related = (ctx.terminology.below if modifier == "below" else ctx.terminology.above)(system, code)
            tokens.extend(TokenValue(system, c) for c in sorted(related | {code}))
            continue
        tokens.append(TokenValue(system, code))
    return TokenMatch(d.code, tuple(tokens), negate=modifier == "not")


def _reference(
    ctx: Context, d: SearchParamDef, name: str, modifier: str | None, values: list[str]
) -> Criterion:
    if modifier == "identifier":
        tokens = tuple(TokenValue(*normalize.split_token(v)) for v in values)
        return TokenMatch(f"{d.code}:identifier", tokens)
    if modifier is not None and modifier not in ctx.served_types:
        raise bad_value(name, f"modifier ':{modifier}' is not supported on a reference parameter")
    targets: list[tuple[str | None, str]] = []
    urls: list[str] = []
    for v in values:
        if "/" not in v:
            targets.append((modifier, v))
            continue
        ref_type, ref_id = normalize.parse_reference(v)
        if ref_id is None:
            urls.append(v)
        elif modifier and ref_type != modifier:
            raise bad_value(name, f"'{v}' is not a {modifier}")
        else:
            targets.append((ref_type, ref_id))
    if urls and targets:
        return AnyOf((ReferenceMatch(d.code, tuple(targets)), ReferenceMatch(d.code, urls=tuple(urls))))
    return ReferenceMatch(d.code, tuple(targets), tuple(urls))


def _special(ctx: Context, d: SearchParamDef, name: str, values: list[str]) -> Criterion:
    if d.code not in ("near", "near-insee-code"):
        raise bad_value(name, "this special parameter is not searchable here")
    options = [_near(ctx, d.code, name, v) for v in values]
    return options[0] if len(options) == 1 else AnyOf(tuple(options))


def _near(ctx: Context, code: str, name: str, value: str) -> Near:
    parts = value.split("|")
    if code == "near-insee-code":
        if not 1 <= len(parts) <= 3 or not parts[0]:
            raise bad_value(name, "expected INSEE|distance|unit, e.g. 44162|15|km")
        centroid = ctx.centroid(parts[0]) if ctx.centroid else None
        if centroid is None:
            raise bad_value(name, f"unknown commune INSEE code '{parts[0]}'")
        lat, lon = centroid
        rest = parts[1:]
    else:
        if not 2 <= len(parts) <= 4:
            raise bad_value(name, "expected latitude|longitude|distance|unit")
        try:
            lat, lon = float(parts[0]), float(parts[1])
        except ValueError:
            raise bad_value(name, "latitude and longitude must be decimal numbers") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise bad_value(name, "latitude or longitude out of range")
        rest = parts[2:]
    distance = rest[0] if rest and rest[0] else "50"
    unit = rest[1] if len(rest) > 1 and rest[1] else "km"
    if unit not in _KM_PER_UNIT:
        raise bad_value(name, f"distance unit '{unit}' is not supported (km, m, mi)")
    try:
        km = float(distance) * _KM_PER_UNIT[unit]
    except ValueError:
        raise bad_value(name, f"'{distance}' is not a distance") from None
    return Near("near", lat, lon, km)


def _range_condition(name: str, raw: str, kind: str) -> RangeCondition:
    prefix = "eq"
    text = raw
    if len(raw) > 2 and raw[:2] in PREFIXES and (raw[2].isdigit() or raw[2] in "-+."):
        prefix, text = raw[:2], raw[2:]
    if kind == "date":
        try:
            low, high = normalize.date_range(text)
        except ValueError:
            raise bad_value(name, f"'{text}' is not a FHIR date or dateTime") from None
        return RangeCondition(prefix, low, high)  # type: ignore[arg-type]
    number_text, system, code = text, None, None
    if kind == "quantity" and "|" in text:
        parts = text.split("|")
        if len(parts) != 3:
            raise bad_value(name, f"'{text}' is not number|system|code")
        number_text, system, code = parts[0], parts[1] or None, parts[2] or None
        if system and any(u in system for u in _UCUM_SYSTEMS):
            system = None  # UCUM is spelled several ways (http, https, TRE_R247): compare the unit code
    low, high = _number_range(name, number_text)
    return RangeCondition(prefix, low, high, system, code)  # type: ignore[arg-type]


def _number_range(name: str, text: str) -> tuple[float, float]:
    """The range implied by the value's precision: ``100`` is [99.5, 100.5)."""
    m = _NUMBER.match(text)
    if not m:
        raise bad_value(name, f"'{text}' is not a number")
    value = float(text)
    decimals = len(m.group(3) or "")
    exponent = int(m.group(4)[1:]) if m.group(4) else 0
    half = 0.5 * 10.0 ** (exponent - decimals)
    return value - half, value + half
