"""MongoDB query semantics in Python, for servers that do not implement part of them.

FerretDB 1.x rejects or mis-evaluates ``$elemMatch`` over sub-documents (and
evaluates it non-correlated over ranges on scalar arrays) and has no geo
operators. There the store asks the server for a superset (:func:`relax`: the
same filter without those operators) and keeps the candidates :func:`matches`
accepts. Only the operators the query translator emits are implemented, with
MongoDB's semantics: a condition on a path reaching arrays holds when some
reached value satisfies it, and each operator of a condition is tested on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from bson import ObjectId

from server.geo import central_angle

_MISSING = object()


def unsupported(flt: dict[str, Any], operators: frozenset[str]) -> bool:
    """Whether ``flt`` uses any of ``operators`` (``$elemMatch``, ``$geoWithin``) anywhere."""
    for key, value in flt.items():
        if key in operators:
            return True
        if isinstance(value, dict) and unsupported(value, operators):
            return True
        if isinstance(value, list) and any(isinstance(v, dict) and unsupported(v, operators) for v in value):
            return True
    return False


# -- relaxing ----------------------------------------------------------------------------------------------


def relax(flt: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """A filter matching at least what ``flt`` matches, without ``$elemMatch``, ``$geoWithin`` or negations."""
    parts: list[dict[str, Any]] = []
    for key, value in flt.items():
        if key == "$and":
            parts.extend(relax(v, prefix) for v in value)
        elif key == "$or":
            branches = [relax(v, prefix) for v in value]
            if all(branches):
                parts.append({"$or": branches})
        elif key.startswith("$"):  # $nor and other negations: no superset short of everything
            continue
        else:
            parts.append(_relax_condition(prefix + key, value))
    parts = [p for p in parts if p]
    if not parts:
        return {}
    return parts[0] if len(parts) == 1 else {"$and": parts}


def _relax_condition(path: str, cond: Any) -> dict[str, Any]:
    if not isinstance(cond, dict) or not any(k.startswith("$") for k in cond):
        return {path: cond}
    kept: dict[str, Any] = {}
    parts: list[dict[str, Any]] = []
    for op, arg in cond.items():
        if op == "$elemMatch":
            if any(k.startswith("$") and k not in ("$and", "$or", "$nor") for k in arg):
                kept.update(arg)  # operators on scalar elements, tested apart: a superset
            else:
                parts.append(relax(arg, path + "."))
        elif op in ("$geoWithin", "$not", "$nin", "$ne"):
            continue
        else:
            kept[op] = arg
    if kept:
        parts.append({path: kept})
    parts = [p for p in parts if p]
    if not parts:
        return {}
    return parts[0] if len(parts) == 1 else {"$and": parts}


# -- matching ----------------------------------------------------------------------------------------------


def matches(doc: dict[str, Any], flt: dict[str, Any]) -> bool:
    for key, value in flt.items():
        if key == "$and":
            if not all(matches(doc, v) for v in value):
                return False
        elif key == "$or":
            if not any(matches(doc, v) for v in value):
                return False
        elif key == "$nor":
            if any(matches(doc, v) for v in value):
                return False
        elif not _condition(list(_reach(doc, key.split("."))), value):
            return False
    return True


def _reach(value: Any, path: list[str]) -> Iterator[Any]:
    """The values a dotted path reaches, descending into arrays; ``_MISSING`` where it reaches nothing."""
    if not path:
        yield value
        return
    if isinstance(value, list):
        found = False
        for item in value:
            if isinstance(item, dict):
                for v in _reach(item, path):
                    if v is not _MISSING:
                        found = True
                        yield v
        if not found:
            yield _MISSING
        return
    if not isinstance(value, dict) or path[0] not in value:
        yield _MISSING
        return
    yield from _reach(value[path[0]], path[1:])


def _leaves(values: list[Any]) -> Iterator[Any]:
    """Each reached value, and the elements of reached arrays."""
    for v in values:
        if isinstance(v, list):
            yield from v
        yield v


def _condition(values: list[Any], cond: Any) -> bool:
    if not (isinstance(cond, dict) and cond and all(k.startswith("$") for k in cond)):
        return any(_equal(v, cond) for v in _leaves(values))
    return all(_operator(values, op, arg) for op, arg in cond.items())


def _operator(values: list[Any], op: str, arg: Any) -> bool:
    match op:
        case "$eq":
            return any(_equal(v, arg) for v in _leaves(values))
        case "$ne":
            return not any(_equal(v, arg) for v in _leaves(values))
        case "$in":
            return any(_equal(v, a) for v in _leaves(values) for a in arg)
        case "$nin":
            return not any(_equal(v, a) for v in _leaves(values) for a in arg)
        case "$exists":
            return any(v is not _MISSING for v in values) == bool(arg)
        case "$gt" | "$gte" | "$lt" | "$lte":
            return any(_compare(v, op, arg) for v in _leaves(values))
        case "$regex":
            pattern = _regex(arg)
            return any(isinstance(v, str) and pattern.search(v) is not None for v in _leaves(values))
        case "$not":
            return not _condition(values, arg)
        case "$elemMatch":
            return any(isinstance(v, list) and any(_element(e, arg) for e in v) for v in values)
        case "$geoWithin":
            (lon, lat), radius = arg["$centerSphere"]
            return any(_within(v, lat, lon, radius) for v in values)
    raise ValueError(f"operator {op} is not evaluated here")


def _element(element: Any, cond: dict[str, Any]) -> bool:
    if any(k.startswith("$") and k not in ("$and", "$or", "$nor") for k in cond):
        return all(_operator([element], op, arg) for op, arg in cond.items())
    return isinstance(element, dict) and matches(element, cond)


def _within(point: Any, lat: float, lon: float, radius: float) -> bool:
    if not isinstance(point, dict) or "lat" not in point or "lon" not in point:
        return False
    return central_angle(point["lat"], point["lon"], lat, lon) <= radius


def _kind(value: Any) -> type | None:
    if isinstance(value, bool) or value is None or value is _MISSING:
        return None
    if isinstance(value, int | float):
        return float
    if isinstance(value, str | ObjectId):
        return type(value)
    return None


def _equal(value: Any, other: Any) -> bool:
    if value is _MISSING:
        return other is None
    if isinstance(value, bool) or isinstance(other, bool):
        return isinstance(value, bool) and isinstance(other, bool) and value == other
    return bool(value == other)


def _compare(value: Any, op: str, arg: Any) -> bool:
    kind = _kind(value)
    if kind is None or kind is not _kind(arg):
        return False
    match op:
        case "$gt":
            return bool(value > arg)
        case "$gte":
            return bool(value >= arg)
        case "$lt":
            return bool(value < arg)
    return bool(value <= arg)


@lru_cache(maxsize=1024)
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)
