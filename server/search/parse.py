"""A search request's URL parameters as a :class:`SearchRequest`: the plan plus result shaping.

Repeated parameters are ANDed, comma-separated values ORed (``criteria``
builds each one). ``_filter`` expressions go through the same builder. Then,
unless strict FHIR semantics are asked for, criteria on one correlation
family (capacity indicators, prices, equipment, patient type) — including
those reached through the same chain, like several ``location.capacity-*`` —
are grouped so that they must hold on the same repetition of the extension.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from typing import Literal

from server.errors import InvalidRequest
from server.search import criteria
from server.search.criteria import Context, UnknownParameter, bad_value
from server.search.filter import (
    FilterAnd,
    FilterCompare,
    FilterExpr,
    FilterNot,
    FilterOr,
    FilterSyntaxError,
    parse_filter,
    to_fhir_error,
)
from server.search.plan import (
    AllOf,
    AnyOf,
    Chain,
    Correlated,
    Criterion,
    DateMatch,
    Near,
    Not,
    NumberMatch,
    QuantityMatch,
    Query,
    ReferenceMatch,
    SortKey,
    StringMatch,
    TokenMatch,
    UriMatch,
)

RESULT_PARAMS = frozenset(
    {
        "_count",
        "_sort",
        "_include",
        "_revinclude",
        "_total",
        "_summary",
        "_elements",
        "_format",
        "_pretty",
        "_cursor",
        "_contained",
        "_containedType",
    }
)
_INCLUDE_PARAMS = ("_include", "_revinclude")
_RANGE_OPS = ("eq", "ne", "gt", "lt", "ge", "le", "sa", "eb", "ap")


@dataclass(frozen=True, slots=True)
class Include:
    """``source_type:param[:target_type]``; ``iterate`` applies it to included resources too."""

    source_type: str
    param: str
    target_type: str | None
    iterate: bool = False


@dataclass(slots=True)
class SearchRequest:
    query: Query
    includes: list[Include] = field(default_factory=list)
    revincludes: list[Include] = field(default_factory=list)
    summary: Literal["true", "text", "data", "count", "false"] | None = None
    elements: tuple[str, ...] | None = None
    ignored: list[str] = field(default_factory=list)
    params: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SearchOptions:
    default_count: int = 200
    max_count: int = 200
    lenient: bool = False
    correlate: bool = True


def parse_search(
    ctx: Context, resource_type: str, params: list[tuple[str, str]], options: SearchOptions
) -> SearchRequest:
    request = SearchRequest(Query(resource_type))
    items: list[Criterion] = []
    count = options.default_count
    sort: tuple[SortKey, ...] = ()
    cursor: bytes | None = None
    backward = False
    total: Literal["accurate", "estimate", "none"] = "accurate"
    for name, value in params:
        base = name.split(":", 1)[0]
        try:
            if base in RESULT_PARAMS:
                if base == "_count":
                    count = _count(value, options.max_count)
                elif base == "_sort":
                    sort = _sort(ctx, resource_type, value)
                elif base in _INCLUDE_PARAMS:
                    _include(ctx, request, resource_type, name, value)
                elif base == "_total":
                    if value not in ("accurate", "estimate", "none"):
                        raise bad_value(name, "expected accurate, estimate or none")
                    total = value  # type: ignore[assignment]
                elif base == "_summary":
                    if value not in ("true", "text", "data", "count", "false"):
                        raise bad_value(name, "expected true, text, data, count or false")
                    request.summary = value  # type: ignore[assignment]
                elif base == "_elements":
                    request.elements = tuple(e.strip() for e in value.split(",") if e.strip())
                elif base == "_cursor":
                    cursor, backward = _decode_cursor(value)
                if base not in ("_cursor", "_format", "_pretty"):
                    request.params.append((name, value))
                continue
            if base == "_filter":
                items.append(_filter(ctx, resource_type, value))
            else:
                items.append(criteria.build(ctx, resource_type, name, value))
            request.params.append((name, value))
        except UnknownParameter as exc:
            if not options.lenient:
                raise
            request.ignored.append(exc.name)
    where = correlate(ctx, resource_type, items) if options.correlate else AllOf(tuple(items))
    near = _find_near(where)
    if request.summary == "count":
        count = 0
    request.query = Query(resource_type, where, sort, count, cursor, total, near, backward)
    return request


def encode_cursor(raw: bytes, backward: bool = False) -> str:
    """The ``_cursor`` value of a ``next`` (or, ``backward``, ``previous``) link: the store's cursor and the
    direction, base64url."""
    return base64.urlsafe_b64encode((b"<" if backward else b">") + raw).decode().rstrip("=")


def _decode_cursor(value: str) -> tuple[bytes, bool]:
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (binascii.Error, ValueError):
        raw = b""
    if raw[:1] not in (b"<", b">"):
        raise bad_value("_cursor", "not a cursor this server issued")
    return raw[1:], raw[:1] == b"<"


def _count(value: str, maximum: int) -> int:
    if not value.isdigit():
        raise bad_value("_count", f"'{value}' is not a non-negative integer")
    return min(int(value), maximum)


def _sort(ctx: Context, resource_type: str, value: str) -> tuple[SortKey, ...]:
    keys = []
    for raw in value.split(","):
        name = raw.strip()
        descending = name.startswith("-")
        name = name.lstrip("-")
        if name in ("_id", "_lastUpdated"):
            keys.append(SortKey(name, descending, kind="date" if name == "_lastUpdated" else "string"))
            continue
        if name == "_distance":
            keys.append(SortKey(name, descending, kind="number"))
            continue
        chain = None
        owner = resource_type
        if "." in name:
            ref, name = name.split(".", 1)
            ref_def = ctx.registry.get(resource_type, ref)
            if ref_def is None or ref_def.type != "reference" or not ref_def.targets:
                raise bad_value("_sort", f"'{ref}' is not a reference parameter of {resource_type}")
            owner = ref_def.targets[0]
            chain = (ref, owner)
        definition = ctx.registry.get(owner, name)
        if definition is None or definition.type not in ("string", "date", "number", "token", "quantity"):
            raise bad_value("_sort", f"cannot sort {resource_type} by '{raw.strip()}'")
        keys.append(SortKey(definition.code, descending, chain, definition.type))
    return tuple(keys)


def _include(ctx: Context, request: SearchRequest, resource_type: str, name: str, value: str) -> None:
    kind, _, modifier = name.partition(":")
    if modifier not in ("", "iterate", "recurse"):
        raise bad_value(name, f"unknown modifier ':{modifier}'")
    parts = value.split(":")
    if value == "*":
        return
    if len(parts) not in (2, 3):
        raise bad_value(name, f"'{value}' is not SourceType:parameter[:TargetType]")
    source = _served_type(ctx, parts[0])
    if source is None:
        raise bad_value(name, f"'{parts[0]}' is not a served resource type")
    definition = ctx.registry.get(source, parts[1])
    if definition is None or definition.type != "reference":
        raise bad_value(name, f"'{parts[1]}' is not a reference search parameter of {source}")
    target = _served_type(ctx, parts[2]) if len(parts) == 3 else None
    include = Include(source, definition.code, target, modifier != "")
    if kind == "_include":
        request.includes.append(include)
    else:
        request.revincludes.append(include)


def _served_type(ctx: Context, name: str) -> str | None:
    """A served type name, tolerating the wrong casing found in ROR examples (``Healthcareservice``)."""
    for t in ctx.served_types:
        if t.lower() == name.lower():
            return t
    return None


def _filter(ctx: Context, resource_type: str, text: str) -> Criterion:
    try:
        expr = parse_filter(text)
    except FilterSyntaxError as exc:
        raise to_fhir_error(exc) from None
    return _filter_criterion(ctx, resource_type, expr)


def _filter_criterion(ctx: Context, resource_type: str, expr: FilterExpr) -> Criterion:
    match expr:
        case FilterAnd(items=items):
            return AllOf(tuple(_filter_criterion(ctx, resource_type, i) for i in items))
        case FilterOr(items=items):
            return AnyOf(tuple(_filter_criterion(ctx, resource_type, i) for i in items))
        case FilterNot(item=item):
            return Not(_filter_criterion(ctx, resource_type, item))
        case FilterCompare(param=param, op=op, values=values):
            name, prefix = _filter_operator(ctx, resource_type, param, op)
            joined = ",".join(prefix + v.replace("\\", "\\\\").replace(",", "\\,") for v in values)
            criterion = criteria.build(ctx, resource_type, name, joined)
            return Not(criterion) if op == "ne" and not prefix else criterion
    raise InvalidRequest("Invalid _filter expression", expression="_filter")


def _filter_operator(ctx: Context, resource_type: str, param: str, op: str) -> tuple[str, str]:
    """The URL-parameter name and value prefix expressing ``param op value``."""
    if op in ("pr", "po", "re"):
        raise InvalidRequest(
            f"_filter operator '{op}' is not supported", code="not-supported", expression="_filter"
        )
    kind = _param_type(ctx, resource_type, param)
    if kind in ("date", "number", "quantity") or param.rsplit(".", 1)[-1].startswith("_lastUpdated"):
        if op not in _RANGE_OPS:
            raise InvalidRequest(f"_filter operator '{op}' does not apply to {param}", expression="_filter")
        return param, op
    modifier = {
        "co": ":contains",
        "sw": "",
        "ew": ":contains",
        "ss": ":above",
        "sb": ":below",
        "in": ":in",
        "ni": ":not-in",
    }.get(op, "")
    if op in ("gt", "lt", "ge", "le", "sa", "eb", "ap"):
        raise InvalidRequest(f"_filter operator '{op}' does not apply to {param}", expression="_filter")
    return param + modifier, ""


def _param_type(ctx: Context, resource_type: str, param: str) -> str | None:
    """The type of the (possibly chained) parameter a filter path ends at."""
    owner = resource_type
    path = param.split(":", 1)[0] if not param.startswith("_has:") else param.rsplit(":", 1)[-1]
    if param.startswith("_has:"):
        owner = param.split(":")[1]
    *refs, last = path.split(".")
    for ref in refs:
        definition = ctx.registry.get(owner, ref)
        if definition is None or not definition.targets:
            return None
        owner = definition.targets[0]
    if last in ("_lastUpdated",):
        return "date"
    definition = ctx.registry.get(owner, last)
    return definition.type if definition else None


def correlate(ctx: Context, resource_type: str, items: list[Criterion]) -> AllOf:
    """Merge ANDed chains through the same reference, and group criteria of one correlation family."""
    chains: dict[tuple[str, str, bool, bool], list[Criterion]] = {}
    others: list[Criterion] = []
    for item in items:
        if isinstance(item, Chain):
            chains.setdefault((item.param, item.target_type, item.ancestors, item.descendants), []).append(
                item.inner
            )
        else:
            others.append(item)
    merged: list[Criterion] = []
    for (param, target, ancestors, descendants), inners in chains.items():
        inner = correlate(ctx, target, inners)
        merged.append(
            Chain(param, target, inner.items[0] if len(inner.items) == 1 else inner, ancestors, descendants)
        )
    families: dict[str, list[Criterion]] = {}
    rest: list[Criterion] = []
    for item in others:
        family = _family(ctx, resource_type, item)
        if family is None:
            rest.append(item)
        else:
            families.setdefault(family, []).append(item)
    for family, members in families.items():
        rest.append(members[0] if len(members) == 1 else Correlated(family, tuple(members)))
    return AllOf(tuple(rest + merged))


_CORRELATABLE = (TokenMatch, StringMatch, NumberMatch, DateMatch, QuantityMatch, ReferenceMatch, UriMatch)


def _family(ctx: Context, resource_type: str, item: Criterion) -> str | None:
    """The correlation family of a plain value criterion (``:missing``, negations and others stand alone)."""
    if not isinstance(item, _CORRELATABLE) or getattr(item, "negate", False):
        return None
    param = item.param
    definition = ctx.registry.get(resource_type, param)
    return definition.group if definition is not None else None


def _find_near(c: Criterion) -> Near | None:
    """The first ``near`` criterion of the plan, whose point distances are reported and sorted by."""
    match c:
        case Near():
            return c
        case AllOf(items=items) | AnyOf(items=items) | Correlated(items=items):
            for item in items:
                found = _find_near(item)
                if found is not None:
                    return found
        case Chain(inner=inner):
            return _find_near(inner)
    return None
