"""The indexes of the MongoDB store, created idempotently, and which of them serves a filter.

Every index of a resource collection is led by one index field of the document
(see :mod:`server.store.mongo.document`), so the index a condition can use is
named by the condition's first path segment; :func:`planned_indexes` reports it
for ``explain`` (FerretDB's own plan shows table scans, MongoDB's the IXSCAN).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pymongo import IndexModel
from pymongo.asynchronous.collection import AsyncCollection


@dataclass(frozen=True, slots=True)
class IndexSpec:
    name: str
    keys: tuple[tuple[str, int], ...]
    unique: bool = False
    sparse: bool = False

    def model(self) -> IndexModel:
        return IndexModel(list(self.keys), name=self.name, unique=self.unique, sparse=self.sparse)


RESOURCE_INDEXES = (
    IndexSpec("del_pk", (("del", 1), ("pk", 1))),  # unfiltered searches in paging order
    IndexSpec("lu", (("lu", 1),)),  # _lastUpdated
    IndexSpec("tok", (("tok", 1),)),  # token: equality on a key, system| as anchored regex
    IndexSpec("str", (("str", 1),)),  # string prefix (anchored regex), :exact, :contains, token :text
    IndexSpec("txt", (("txt", 1),)),  # _content / _text word prefixes
    IndexSpec("ref", (("ref", 1),)),  # reference, chains (target ids $in), _include targets, hierarchy
    IndexSpec("uri", (("uri", 1),)),  # uri exact / :below / :above, verbatim references
    IndexSpec("dt", (("dt.p", 1), ("dt.lo", 1), ("dt.hi", 1))),  # date prefixes ($elemMatch)
    IndexSpec("num", (("num.p", 1), ("num.v", 1))),  # number prefixes ($elemMatch)
    IndexSpec("qty", (("qty.p", 1), ("qty.v", 1))),  # quantity prefixes ($elemMatch)
    IndexSpec("has", (("has", 1),)),  # :missing=false
    IndexSpec("cell", (("cell", 1),)),  # near: grid cells around the point
    IndexSpec("grp_tok", (("grp.tok", 1),)),  # correlated groups: $elemMatch over grp, led by a token
)

HISTORY_INDEXES = (
    IndexSpec("version", (("t", 1), ("i", 1), ("v", 1)), unique=True),  # vread, instance history
    IndexSpec("claim", (("t", 1), ("i", 1), ("b", 1)), unique=True),  # one successor per version
    IndexSpec("order", (("lu", 1), ("t", 1), ("i", 1), ("v", -1))),  # system history in order, _since
    IndexSpec("type_order", (("t", 1), ("lu", 1), ("i", 1), ("v", -1))),  # type history in order
    IndexSpec("pending", (("c", 1),), sparse=True),  # versions of commits in progress (recovery, undo)
)

_LEADING_FIELD = {spec.keys[0][0].split(".")[0]: spec.name for spec in RESOURCE_INDEXES}


async def ensure(collection: AsyncCollection[Any], specs: tuple[IndexSpec, ...]) -> None:
    """Create the indexes that do not exist yet."""
    # Only the missing ones: FerretDB 1.24 drops the connection on a createIndexes repeating existing indexes.
    existing = {index["name"] async for index in await collection.list_indexes()}
    missing = [spec.model() for spec in specs if spec.name not in existing]
    if missing:
        await collection.create_indexes(missing)


def planned_indexes(flt: dict[str, Any]) -> list[str]:
    """``index <name>: <path>`` for each condition of ``flt`` an index can serve (negations cannot);
    ``del_pk`` only when nothing else can: it serves the searches without criteria."""
    lines = _indexable(flt)
    selective = [line for line in lines if not line.startswith("index del_pk")]
    return selective or lines


def _indexable(flt: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for key, value in flt.items():
        if key in ("$and", "$or"):
            for branch in value:
                out.extend(_indexable(branch))
        elif key.startswith("$"):
            continue
        elif key == "_id":
            if not (isinstance(value, dict) and "$nin" in value):
                out.append("index _id_: _id")
        elif key == "grp":
            inner = value.get("$elemMatch", {}) if isinstance(value, dict) else {}
            if "tok" in inner or any("tok" in part for part in inner.get("$and", ())):
                out.append("index grp_tok: grp.tok")
        elif _negated(value):
            continue
        elif (name := _LEADING_FIELD.get(key.split(".")[0])) is not None:
            out.append(f"index {name}: {key}")
    return list(dict.fromkeys(out))


def _negated(value: Any) -> bool:
    return isinstance(value, dict) and any(op in value for op in ("$nin", "$ne", "$not", "$exists"))
