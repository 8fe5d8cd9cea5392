"""A search plan translated into a MongoDB filter on one resource collection.

Simple criteria become conditions on the document's index fields (see
:mod:`server.store.mongo.document`), written relative to a *container* so that
the same condition applies to the whole resource or, inside
``grp: {$elemMatch: ...}``, to one repetition of a correlated group. Criteria
that need other collections (chains, ``_has``, the ``partof`` hierarchy) first
query those for ids, then match them with ``$in``: no ``$lookup``. Comparisons
follow the embedded store's (``server.store.sqlite.compile``) exactly.

The filters are plain MongoDB; a server that lacks some operator gets them
evaluated through :mod:`server.store.mongo.match` by the store, not here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Awaitable, Callable
from typing import Any

from server.geo import EARTH_RADIUS_KM
from server.search.normalize import fold
from server.search.plan import (
    AllOf,
    AnyOf,
    Chain,
    Correlated,
    Criterion,
    DateMatch,
    Has,
    IdMatch,
    LastUpdatedMatch,
    Missing,
    Near,
    Not,
    NumberMatch,
    QuantityMatch,
    RangeCondition,
    ReferenceMatch,
    StringMatch,
    TextMatch,
    TokenMatch,
    UriMatch,
)
from server.store.mongo.document import (
    SEP,
    cells_covering,
    reference_key,
    string_key,
    token_key,
    token_system_key,
    words,
)

Filter = dict[str, Any]
FindIds = Callable[[str, Filter], Awaitable[list[str]]]
FindDocs = Callable[[str, Filter, dict[str, Any]], Awaitable[list[dict[str, Any]]]]

NEVER: Filter = {"_id": {"$in": []}}
LIVE: Filter = {"del": False}
_REGEX_SPECIAL = re.compile(r"[\\^$.|?*+()\[\]{}]")
PARTOF = "partof"


def regex_literal(text: str) -> str:
    """``text`` as a regex matching itself, in the syntax MongoDB (PCRE) and FerretDB (RE2) share."""
    return _REGEX_SPECIAL.sub(lambda m: "\\" + m.group(), text)


def all_of(parts: list[Filter]) -> Filter:
    flat: list[Filter] = []
    for part in parts:
        flat.extend(part["$and"] if list(part) == ["$and"] else [part] if part else [])
    if not flat:
        return {}
    return flat[0] if len(flat) == 1 else {"$and": flat}


def any_of(parts: list[Filter]) -> Filter:
    if not parts:
        return NEVER
    if any(not p for p in parts):
        return {}
    return parts[0] if len(parts) == 1 else {"$or": parts}


def _conditions(*pairs: tuple[str, str, Any]) -> Filter:
    """``(field, operator, value)`` triples ANDed into one condition document."""
    out: Filter = {}
    for path, op, value in pairs:
        out.setdefault(path, {})[op] = value
    return out


def range_condition(k: RangeCondition, lo: str, hi: str) -> Filter:
    """FHIR date prefixes on a stored range ``[lo, hi)`` against the searched range (``_range`` in SQL)."""
    match k.prefix:
        case "eq":
            return _conditions((lo, "$gte", k.low), (hi, "$lte", k.high))
        case "ne":
            return {"$or": [{lo: {"$lt": k.low}}, {hi: {"$gt": k.high}}]}
        case "gt":
            return {hi: {"$gt": k.high}}
        case "sa":
            return {lo: {"$gte": k.high}}
        case "lt":
            return {lo: {"$lt": k.low}}
        case "eb":
            return {hi: {"$lte": k.low}}
        case "ge":
            return {hi: {"$gt": k.low}}
        case "le":
            return {lo: {"$lt": k.high}}
    width = max(k.high - k.low, 1.0)  # ap: overlaps the searched range widened by its own width
    return _conditions((lo, "$lt", k.high + width), (hi, "$gt", k.low - width))


def point_condition(k: RangeCondition, path: str) -> Filter:
    """FHIR number prefixes on a stored value; ``low``/``high`` is the searched value's precision range."""
    mid = (k.low + k.high) / 2
    match k.prefix:
        case "eq":
            return {path: {"$gte": k.low, "$lt": k.high}}
        case "ne":
            return {"$or": [{path: {"$lt": k.low}}, {path: {"$gte": k.high}}]}
        case "gt" | "sa":
            return {path: {"$gt": mid}}
        case "lt" | "eb":
            return {path: {"$lt": mid}}
        case "ge":
            return {path: {"$gte": mid}}
        case "le":
            return {path: {"$lte": mid}}
    spread = abs(mid) * 0.1  # ap: within 10 % of the value
    return {path: {"$gte": mid - spread, "$lte": mid + spread}}


def _element(field: str, param: str, condition: Filter) -> Filter:
    """Some entry of ``field`` (``dt``, ``num``, ``qty``) belongs to ``param`` and satisfies ``condition``."""
    return {field: {"$elemMatch": {"p": param, **condition}}}


def entry_condition(c: Criterion) -> Filter | None:
    """A simple criterion as a condition on a container's index fields; None if ``c`` is not simple."""
    match c:
        case TokenMatch(param=p, values=values):
            keys: list[str] = []
            prefixes: list[str] = []
            for v in values:
                if v.code is not None:
                    keys.append(token_key(p, v.code) if v.system is None else token_system_key(p, v.system, v.code))
                else:
                    prefixes.append(f"{p}{SEP}" if v.system is None else f"{p}{SEP}{v.system}{SEP}")
            parts = [{"tok": {"$in": keys}}] if keys else []
            parts += [{"tok": {"$regex": "^" + regex_literal(x)}} for x in prefixes]
            return any_of(parts)
        case TextMatch(param=p, values=values):
            start = "^" + regex_literal(string_key(f"{p}:text", ""))
            return any_of([{"str": {"$regex": f"{start}.*{regex_literal(v)}"}} for v in values])
        case StringMatch(param=p, values=values, mode=mode):
            return any_of([_string(p, v, mode) for v in values])
        case DateMatch(param=p, conditions=conditions):
            return any_of([_element("dt", p, range_condition(k, "lo", "hi")) for k in conditions])
        case NumberMatch(param=p, conditions=conditions):
            return any_of([_element("num", p, point_condition(k, "v")) for k in conditions])
        case QuantityMatch(param=p, conditions=conditions):
            return any_of([_element("qty", p, _quantity(k)) for k in conditions])
        case ReferenceMatch(param=p, targets=targets, urls=urls):
            if urls:
                return {"uri": {"$in": [string_key(p, u) for u in urls]}}
            typed = [reference_key(p, i, t) for t, i in targets if t]
            parts = [{"ref": {"$in": typed}}] if typed else []
            parts += [{"ref": {"$regex": "^" + regex_literal(f"{p}{SEP}{i}{SEP}")}} for t, i in targets if not t]
            return any_of(parts)
        case UriMatch(param=p, values=values, mode=mode):
            if mode == "exact":
                return {"uri": {"$in": [string_key(p, v) for v in values]}}
            if mode == "below":
                return any_of([{"uri": {"$regex": "^" + regex_literal(string_key(p, v))}} for v in values])
            return {"uri": {"$in": sorted({string_key(p, v[:n]) for v in values for n in range(len(v) + 1)})}}
    return None


def _string(param: str, value: str, mode: str) -> Filter:
    if mode == "exact":
        return {"str": string_key(param, fold(value)), "sx": string_key(param, value)}
    if mode == "contains":
        return {"str": {"$regex": "^" + regex_literal(string_key(param, "")) + ".*" + regex_literal(value)}}
    return {"str": {"$regex": "^" + regex_literal(string_key(param, value))}}


def _quantity(k: RangeCondition) -> Filter:
    value = point_condition(k, "v")
    if k.code is None:
        return value
    if k.system:
        return {**value, "s": k.system, "c": k.code}
    return {**value, "c": k.code}


class FilterCompiler:
    """Translates criteria; ``find_ids``/``find_docs`` run the sub-queries, each logged in ``trace``."""

    def __init__(self, find_ids: FindIds, find_docs: FindDocs) -> None:
        self._find_ids = find_ids
        self._find_docs = find_docs
        self.trace: list[tuple[str, Filter]] = []

    async def criterion(self, c: Criterion, resource_type: str) -> Filter:
        match c:
            case AllOf(items=items):
                return all_of([await self.criterion(i, resource_type) for i in items])
            case AnyOf(items=items):
                return any_of([await self.criterion(i, resource_type) for i in items])
            case Not(item=item):
                inner = await self.criterion(item, resource_type)
                return {"$nor": [inner]} if inner else NEVER
            case IdMatch(ids=ids, negate=negate):
                return {"_id": {"$nin" if negate else "$in": list(ids)}}
            case LastUpdatedMatch(conditions=conditions):
                return any_of([range_condition(k, "lu", "lu") for k in conditions])
            case TextMatch(param="_content" | "_text"):
                return _fulltext(c)
            case Missing(param=param, missing=missing):
                return {"has": {"$ne": param}} if missing else {"has": param}
            case Near():
                return near_condition(c)
            case Chain():
                return await self._chain(c)
            case Has():
                return await self._has(c, resource_type)
            case Correlated(items=items):
                return await self._correlated(items, resource_type)
            case TokenMatch(negate=True):
                positive = entry_condition(TokenMatch(c.param, c.values))
                return {"$nor": [positive]} if positive else NEVER
        simple = entry_condition(c)
        if simple is None:
            raise TypeError(f"criterion not translated: {c!r}")
        return simple

    async def _correlated(self, items: tuple[Criterion, ...], resource_type: str) -> Filter:
        """Items holding on one repetition: one ``$elemMatch`` over the group sub-documents."""
        same_repetition: list[Filter] = []
        elsewhere: list[Filter] = []
        for item in items:
            condition = entry_condition(item)
            if condition is None:
                elsewhere.append(await self.criterion(item, resource_type))
            elif condition == NEVER:
                return NEVER
            else:
                same_repetition.append(condition)
        group = {"grp": {"$elemMatch": all_of(same_repetition)}} if same_repetition else {}
        return all_of([group, *elsewhere])

    async def target_ids(self, c: Chain) -> list[str]:
        """Ids of live ``c.target_type`` resources matching the inner criterion, with their descendants
        through ``partof`` when the chain reads the hierarchy (iterated ``$in`` queries up to a fixpoint)."""
        inner = await self.criterion(c.inner, c.target_type)
        ids = await self._ids(c.target_type, all_of([LIVE, inner]))
        if not (c.ancestors or c.descendants):
            return ids
        seen = set(ids)
        frontier = ids
        while frontier:
            keys = [reference_key(PARTOF, i, c.target_type) for i in frontier]
            children = await self._ids(c.target_type, {**LIVE, "ref": {"$in": keys}})
            frontier = [i for i in children if i not in seen]
            seen.update(frontier)
            ids.extend(frontier)
        return ids

    async def _chain(self, c: Chain) -> Filter:
        targets = await self.target_ids(c)
        return {"ref": {"$in": [reference_key(c.param, i, c.target_type) for i in targets]}}

    async def _has(self, c: Has, resource_type: str) -> Filter:
        """Sources matching ``c.inner`` point at us by literal reference, or by canonical to our ``url``."""
        inner = await self.criterion(c.inner, c.source_type)
        prefix = f"{c.param}{SEP}"
        flt = all_of([LIVE, inner])
        self.trace.append((c.source_type, flt))
        referenced: set[str] = set()
        canonicals: set[str] = set()
        for doc in await self._find_docs(c.source_type, flt, {"ref": 1, "uri": 1}):
            for key in doc.get("ref", ()):
                if key.startswith(prefix):
                    _, target_id, target_type = key.split(SEP)
                    if target_type == resource_type:
                        referenced.add(target_id)
            urls = (key[len(prefix) :] for key in doc.get("uri", ()) if key.startswith(prefix))
            canonicals.update(string_key("url", url) for url in urls)
        by_id = {"_id": {"$in": sorted(referenced)}}
        return {"$or": [by_id, {"uri": {"$in": sorted(canonicals)}}]} if canonicals else by_id

    async def _ids(self, resource_type: str, flt: Filter) -> list[str]:
        self.trace.append((resource_type, flt))
        return await self._find_ids(resource_type, flt)


def _fulltext(c: TextMatch) -> Filter:
    """Every word of a value starts a word of the text (the embedded store's FTS ``"word"*``), any value."""
    terms = []
    for value in c.values:
        prefixes = [{"txt": {"$regex": "^" + regex_literal(string_key(c.param, w))}} for w in words(value)]
        if prefixes:
            terms.append(all_of(prefixes))
    return any_of(terms)


def near_condition(n: Near) -> Filter:
    """Within ``km`` of the point: the embedded store's bounding box, narrowed by grid cells, then the sphere."""
    dlat = n.km / 111.2
    dlon = n.km / max(0.01, 111.2 * math.cos(math.radians(n.lat)))
    box = (n.lat - dlat, n.lat + dlat, n.lon - dlon, n.lon + dlon)
    cells = cells_covering(*box)  # grid cells, not a 2dsphere index: FerretDB has no geo index
    out: Filter = {"cell": {"$in": cells}} if cells is not None else {}
    out["geo.lat"] = {"$gte": box[0], "$lte": box[1]}
    out["geo.lon"] = {"$gte": box[2], "$lte": box[3]}
    out["geo"] = {"$geoWithin": {"$centerSphere": [[n.lon, n.lat], n.km / EARTH_RADIUS_KM]}}
    return out
