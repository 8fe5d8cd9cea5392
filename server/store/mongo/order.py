"""Search order and keyset paging for the MongoDB store.

The order is the embedded store's: each sort key in its direction with
resources lacking a value last, then the stable ``pk``. Parameter keys are read
from ``sa.<param>`` (ascending) or ``sd.<param>`` (descending), both stored so
that a descending MongoDB sort gives the wanted order and sorts missing values
last; ``_id`` and ``_lastUpdated`` are plain fields. A cursor holds the sort
values of the last resource of a page and its ``pk``; the next page is what
sorts strictly after them, so inserts and updates between pages neither repeat
nor skip the resources that did not move.

``_distance`` and chained keys (``organization.name``) are not document fields:
such searches are ordered here, in Python, over all matches.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson
from bson import ObjectId
from bson.errors import InvalidId

from server.errors import InvalidRequest
from server.geo import EARTH_RADIUS_KM, central_angle
from server.search.plan import Near, Query, SortKey
from server.store.mongo.document import SEP, field_name


@dataclass(frozen=True, slots=True)
class OrderKey:
    """One sort key: ``path`` in the document (or in each chained target), MongoDB ``direction``."""

    path: str
    direction: int
    nullable: bool = True
    chain: tuple[str, str] | None = None  # (reference param, target type)
    distance: str | None = None  # "asc" or "desc": the distance to the near point

    @property
    def in_document(self) -> bool:
        return self.chain is None and self.distance is None


def order_keys(query: Query) -> list[OrderKey]:
    keys: list[OrderKey] = []
    for k in query.sort:
        direction = -1 if k.descending else 1
        if k.param == "_id":
            keys.append(OrderKey("_id", direction, nullable=False))
        elif k.param == "_lastUpdated":
            keys.append(OrderKey("lu", direction, nullable=False))
        elif k.param == "_distance":
            if query.near is not None:
                keys.append(OrderKey("geo", -1, distance="desc" if k.descending else "asc"))
            # without a near point every resource has the same distance: the key orders nothing
        else:
            keys.append(OrderKey(_sort_path(k), -1, chain=k.chain))
    return keys


def _sort_path(k: SortKey) -> str:
    return f"{'sd' if k.descending else 'sa'}.{field_name(k.param)}"


def sort_spec(keys: list[OrderKey]) -> list[tuple[str, int]]:
    return [(k.path, k.direction) for k in keys] + [("pk", 1)]


def projection(keys: list[OrderKey]) -> dict[str, int]:
    """The fields a search reads besides the body, for ordering and cursors."""
    out = {"pk": 1}
    for k in keys:
        if k.chain is not None:
            out["ref"] = 1
        else:
            out[k.path] = 1
    return out


def read_path(doc: dict[str, Any], path: str) -> Any:
    value: Any = doc
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


# -- cursors -----------------------------------------------------------------------------------------------


def make_cursor(values: list[Any], pk: ObjectId) -> bytes:
    return orjson.dumps([*values, str(pk)])


def read_cursor(cursor: bytes, keys: list[OrderKey]) -> tuple[list[Any], ObjectId]:
    try:
        *values, pk = orjson.loads(cursor)
        if len(values) != len(keys):
            raise ValueError("cursor of another sort")
        return values, ObjectId(pk)
    except (ValueError, TypeError, InvalidId):
        raise InvalidRequest(
            "_cursor: not a cursor this server issued for this search", code="value", expression="_cursor"
        ) from None


def after(keys: list[OrderKey], values: list[Any], pk: ObjectId) -> dict[str, Any]:
    """The filter of documents sorting strictly after the cursor ``(values, pk)``."""
    rest: dict[str, Any] = {"pk": {"$gt": pk}}
    for key, value in reversed(list(zip(keys, values, strict=True))):
        if value is None:  # the cursor is among the resources without a value: they come last
            rest = {"$and": [{key.path: {"$exists": False}}, rest]}
            continue
        options: list[dict[str, Any]] = [{key.path: {"$gt" if key.direction == 1 else "$lt": value}}]
        if key.nullable:
            options.append({key.path: {"$exists": False}})
        options.append({"$and": [{key.path: value}, rest]})
        rest = {"$or": options}
    return rest


# -- ordering in Python ------------------------------------------------------------------------------------


class _Reversed:
    """Wraps a value so that it sorts in reverse."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __lt__(self, other: _Reversed) -> bool:
        return bool(self.value > other.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Reversed) and bool(self.value == other.value)

    __hash__ = None  # type: ignore[assignment]


def sort_tuple(keys: list[OrderKey], values: list[Any], pk: ObjectId) -> tuple[Any, ...]:
    """A Python sort key giving MongoDB's order for ``sort_spec(keys)`` (missing values last)."""
    out: list[Any] = []
    for key, value in zip(keys, values, strict=True):
        if value is None:
            out.append((1, None))
        else:
            out.append((0, value if key.direction == 1 else _Reversed(value)))
    return (*out, pk)


def key_values(
    keys: list[OrderKey], doc: dict[str, Any], near: Near | None, chained: dict[tuple[str, str], dict[str, Any]]
) -> list[Any]:
    """The values of the sort keys of one matching document.

    ``chained`` maps ``(target type, id)`` to the target's sort fields; a chained
    key takes the largest value over the targets, which is the smallest
    (ascending) or largest (descending) target value in the stored encoding.
    """
    out: list[Any] = []
    for key in keys:
        if key.distance is not None:
            out.append(_distance(doc.get("geo"), near, key.distance))
        elif key.chain is not None:
            param, target_type = key.chain
            prefix = f"{param}{SEP}"
            found = [
                read_path(chained.get((target_type, ref.split(SEP)[1]), {}), key.path)
                for ref in doc.get("ref", ())
                if ref.startswith(prefix)
            ]
            present = [v for v in found if v is not None]
            out.append(max(present) if present else None)
        else:
            out.append(read_path(doc, key.path))
    return out


def _distance(geo: Any, near: Near | None, direction: str) -> float | None:
    """The distance in km, negated for an ascending order (keys are all sorted descending)."""
    if near is None or not isinstance(geo, dict):
        return None
    km = central_angle(geo["lat"], geo["lon"], near.lat, near.lon) * EARTH_RADIUS_KM
    return -km if direction == "asc" else km
