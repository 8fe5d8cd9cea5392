"""What the connected server can do, measured at start-up rather than inferred from its name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bson import ObjectId
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import PyMongoError

PROBE_COLLECTION = "_capabilities_probe"


@dataclass(frozen=True, slots=True)
class Capabilities:
    """``transactions``: multi-document transactions (replica set, sharded cluster);
    ``emulated``: query operators the server lacks or gets wrong, evaluated by the store in Python."""

    transactions: bool
    emulated: frozenset[str]


async def probe(db: AsyncDatabase[dict[str, Any]]) -> Capabilities:
    """Run each operator on a document of our own (several servers may start at once on one database)."""
    probes = db[PROBE_COLLECTION]
    own = ObjectId()
    await probes.insert_one(
        {"_id": own, "a": [{"p": "x", "v": 1}, {"p": "y", "v": 5}], "s": [1, 10], "g": {"lon": 2.35, "lat": 48.85}}
    )
    try:
        emulated = set()
        correlated = (
            ({"a": {"$elemMatch": {"p": "y", "v": {"$gte": 3}}}}, True),
            ({"a": {"$elemMatch": {"p": "x", "v": {"$gte": 3}}}}, False),
            ({"s": {"$elemMatch": {"$gte": 2, "$lt": 5}}}, False),
        )
        if not all([await _finds(probes, own, flt) == expected for flt, expected in correlated]):
            emulated.add("$elemMatch")  # FerretDB 1.x: rejected on sub-documents, not correlated on scalars
        near = {"g": {"$geoWithin": {"$centerSphere": [[2.35, 48.85], 0.001]}}}
        if await _finds(probes, own, near) is not True:
            emulated.add("$geoWithin")  # FerretDB 1.x: no geo operators
        transactions = await _transactions_work(db, probes)
    finally:
        await probes.delete_one({"_id": own})
    return Capabilities(transactions, frozenset(emulated))


async def _finds(collection: Any, own: ObjectId, flt: dict[str, Any]) -> bool | None:
    """Whether our probe document matches ``flt``; None if the server refuses the filter."""
    try:
        return await collection.find_one({"_id": own, **flt}, {"_id": 1}) is not None
    except PyMongoError:
        return None


async def _transactions_work(db: AsyncDatabase[dict[str, Any]], collection: Any) -> bool:
    """A real transaction round trip: FerretDB can announce a replica set yet refuse transactions."""
    hello = await db.client.admin.command("hello")
    if "setName" not in hello and hello.get("msg") != "isdbgrid":
        return False
    written = ObjectId()
    try:
        async with db.client.start_session() as session, await session.start_transaction():
            await collection.insert_one({"_id": written}, session=session)
    except PyMongoError:
        return False
    await collection.delete_one({"_id": written})
    return True
