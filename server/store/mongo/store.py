"""The MongoDB store, on PyMongo's asyncio driver (``AsyncMongoClient``).

One collection per resource type holds the current versions with their index
fields (:mod:`~server.store.mongo.document`); ``history`` every version, and
``commit_decision`` the outcome of the commits in progress
(:mod:`~server.store.mongo.commit`). Searches are translated by
:mod:`~server.store.mongo.compile` and ordered by :mod:`~server.store.mongo.order`.
Tested on FerretDB 1.24 and written for MongoDB ≥ 6: operators the connected
server lacks are measured at start-up and evaluated in Python on an indexed
superset (:mod:`~server.store.mongo.match`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson
from bson import json_util
from pymongo import AsyncMongoClient
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.asynchronous.database import AsyncDatabase

from server.errors import InvalidRequest
from server.model import StoredResource, WriteOp
from server.search.plan import Query
from server.store.base import HistoryPage, SearchPage
from server.store.mongo import indexes
from server.store.mongo.capabilities import Capabilities, probe
from server.store.mongo.commit import SERVED, CommitLog
from server.store.mongo.compile import LIVE, Filter, FilterCompiler, all_of
from server.store.mongo.document import SEP, stored_current, stored_version
from server.store.mongo.match import matches, relax, unsupported
from server.store.mongo.order import (
    OrderKey,
    after,
    key_values,
    make_cursor,
    order_keys,
    projection,
    read_cursor,
    read_path,
    sort_spec,
    sort_tuple,
)

RECOVERY_LEASE_SECONDS = 60.0
_RESOURCE_FIELDS = {"v": 1, "lut": 1, "del": 1, "m": 1, "body": 1}
_VERSION_FIELDS = {"t": 1, "i": 1, "v": 1, "lut": 1, "del": 1, "m": 1, "body": 1}

Collection = AsyncCollection[dict[str, Any]]


class MongoStore:
    """``drop_on_close`` drops the database at :meth:`close` (tests); ``recovery_lease`` is how old an
    unfinished logged commit must be before recovery takes it for abandoned."""

    name = "mongodb"

    def __init__(
        self, uri: str, db: str, *, drop_on_close: bool = False, recovery_lease: float = RECOVERY_LEASE_SECONDS
    ) -> None:
        self.uri = uri
        self.db_name = db
        self.drop_on_close = drop_on_close
        self.recovery_lease = recovery_lease
        self._client: AsyncMongoClient[dict[str, Any]] | None = None
        self._db: AsyncDatabase[dict[str, Any]] | None = None
        self._indexed: set[str] = set()
        self._commits: CommitLog | None = None
        self.capabilities = Capabilities(False, frozenset())

    # -- lifecycle ---------------------------------------------------------------------------------------

    async def open(self) -> None:
        if self._client is not None:
            return
        self._client = AsyncMongoClient(self.uri, serverSelectionTimeoutMS=10_000)
        self._db = self._client[self.db_name]
        self.capabilities = await probe(self._db)
        await indexes.ensure(self._db["history"], indexes.HISTORY_INDEXES)
        for name in await self._db.list_collection_names():
            if name[:1].isupper():
                await self._collection_for(name)
        self._commits = CommitLog(self._db, self._collection_for, self.capabilities.transactions, self.recovery_lease)
        await self._commits.recover()

    async def close(self) -> None:
        if self._client is None:
            return
        if self.drop_on_close:
            await self._client.drop_database(self.db_name)
        await self._client.close()
        self._client = self._db = self._commits = None
        self._indexed.clear()

    async def ping(self) -> None:
        await self.db.command("ping")

    @property
    def db(self) -> AsyncDatabase[dict[str, Any]]:
        if self._db is None:
            raise RuntimeError("store is not open")
        return self._db

    @property
    def commits(self) -> CommitLog:
        if self._commits is None:
            raise RuntimeError("store is not open")
        return self._commits

    async def _collection_for(self, resource_type: str) -> Collection:
        """The collection of ``resource_type``, its indexes created on first use."""
        collection = self.db[resource_type]
        if resource_type not in self._indexed:
            await indexes.ensure(collection, indexes.RESOURCE_INDEXES)
            self._indexed.add(resource_type)
        return collection

    # -- reads -------------------------------------------------------------------------------------------

    async def read(self, resource_type: str, resource_id: str) -> StoredResource | None:
        doc = await self.db[resource_type].find_one({"_id": resource_id}, _RESOURCE_FIELDS)
        return stored_current(resource_type, doc) if doc else None

    async def read_many(self, keys: Sequence[tuple[str, str]]) -> list[StoredResource]:
        by_type: dict[str, list[str]] = {}
        for resource_type, resource_id in keys:
            by_type.setdefault(resource_type, []).append(resource_id)
        out: list[StoredResource] = []
        for resource_type, ids in by_type.items():
            found = self.db[resource_type].find({"_id": {"$in": ids}, **LIVE}, _RESOURCE_FIELDS)
            out.extend([stored_current(resource_type, d) async for d in found])
        return out

    async def vread(self, resource_type: str, resource_id: str, version: int) -> StoredResource | None:
        doc = await self.db["history"].find_one(
            {"t": resource_type, "i": resource_id, "v": version, **SERVED}, _VERSION_FIELDS
        )
        return stored_version(doc) if doc else None

    async def history(
        self,
        resource_type: str | None,
        resource_id: str | None,
        since: float | None,
        count: int,
        cursor: bytes | None,
    ) -> HistoryPage:
        """Versions newest first (``lastUpdated``, then type and id descending, then version), as the
        embedded store orders them."""
        flt: Filter = dict(SERVED)
        order = [("lu", -1), ("t", -1), ("i", -1), ("v", 1)]
        if resource_type is not None:
            flt["t"] = resource_type
            order.remove(("t", -1))
        if resource_id is not None:
            flt["i"] = resource_id
            order.remove(("i", -1))
        if since is not None:
            flt["lu"] = {"$gte": since}
        history = self.db["history"]
        total = await history.count_documents(flt)
        if cursor is not None:
            flt = {"$and": [flt, _history_after(cursor)]}
        docs = await history.find(flt, _VERSION_FIELDS | {"lu": 1}, sort=order, limit=count + 1).to_list()
        more = len(docs) > count
        docs = docs[:count]
        next_cursor = None
        if more and docs:
            last = docs[-1]
            next_cursor = orjson.dumps([last["lu"], last["t"], last["i"], -last["v"]])
        return HistoryPage([stored_version(d) for d in docs], total, next_cursor)

    # -- writes ------------------------------------------------------------------------------------------

    async def commit(self, ops: Sequence[WriteOp]) -> None:
        await self.commits.commit(ops)

    # -- search ------------------------------------------------------------------------------------------

    async def search(self, query: Query) -> SearchPage:
        flt = await self._runnable(query.resource_type, await self._filter(query, self._compiler()))
        keys = order_keys(query)
        if all(k.in_document for k in keys):
            docs, total_known = await self._page_in_database(query, flt, keys)
        else:
            docs, total_known = await self._page_in_python(query, flt, keys)
        more = len(docs) > query.count
        docs = docs[: query.count]
        if query.backward:
            docs.reverse()
        found = [stored_current(query.resource_type, d) for d in docs]
        after_page = more or query.backward  # a backward page came from the page after it
        before_page = more if query.backward else query.cursor is not None
        next_cursor = make_cursor(docs[-1]["_keys"], docs[-1]["pk"]) if after_page and docs else None
        previous_cursor = make_cursor(docs[0]["_keys"], docs[0]["pk"]) if before_page and docs else None
        total: int | None = None
        if query.total != "none":
            if total_known is not None:
                total = total_known
            elif query.cursor is None and not more:
                total = len(found)
            else:
                total = await self.db[query.resource_type].count_documents(flt)
        return SearchPage(found, total, next_cursor, previous_cursor)

    async def _page_in_database(
        self, query: Query, flt: Filter, keys: list[OrderKey]
    ) -> tuple[list[dict[str, Any]], int | None]:
        sort = sort_spec(keys)
        if query.cursor is not None:
            values, pk = read_cursor(query.cursor, keys)
            if query.backward:
                # Strictly before the cursor row = neither after it nor it; read in exactly reversed order.
                flt = all_of([flt, {"$nor": [after(keys, values, pk), {"pk": pk}]}])
                sort = [(path, -direction) for path, direction in sort]
            else:
                flt = all_of([flt, after(keys, values, pk)])
        docs = await self.db[query.resource_type].find(
            flt, {**_RESOURCE_FIELDS, **projection(keys)}, sort=sort, limit=query.count + 1
        ).to_list()
        for d in docs:
            d["_keys"] = [read_path(d, k.path) for k in keys]
        return docs, None

    async def _page_in_python(
        self, query: Query, flt: Filter, keys: list[OrderKey]
    ) -> tuple[list[dict[str, Any]], int]:
        """Order every match here (``_distance``, chained keys), then read the bodies of one page."""
        collection = self.db[query.resource_type]
        docs = await collection.find(flt, projection(keys)).to_list()
        chained = await self._chained_sort_values(docs, keys)
        rows = []
        for d in docs:
            d["_keys"] = key_values(keys, d, query.near, chained)
            rows.append((sort_tuple(keys, d["_keys"], d["pk"]), d))
        rows.sort(key=lambda r: r[0])
        if query.cursor is not None:
            values, pk = read_cursor(query.cursor, keys)
            bound = sort_tuple(keys, values, pk)
            rows = [r for r in rows if r[0] < bound][::-1] if query.backward else [r for r in rows if bound < r[0]]
        page = [d for _, d in rows[: query.count + 1]]
        bodies = {
            d["_id"]: d
            async for d in collection.find({"_id": {"$in": [d["_id"] for d in page]}}, _RESOURCE_FIELDS)
        }
        return [{**d, **bodies[d["_id"]]} for d in page if d["_id"] in bodies], len(docs)

    async def _chained_sort_values(
        self, docs: list[dict[str, Any]], keys: list[OrderKey]
    ) -> dict[tuple[str, str], dict[str, Any]]:
        out: dict[tuple[str, str], dict[str, Any]] = {}
        for key in keys:
            if key.chain is None:
                continue
            param, target_type = key.chain
            prefix = f"{param}{SEP}"
            ids = {ref.split(SEP)[1] for d in docs for ref in d.get("ref", ()) if ref.startswith(prefix)}
            found = self.db[target_type].find({"_id": {"$in": sorted(ids)}}, {key.path: 1})
            async for target in found:
                out.setdefault((target_type, target["_id"]), {}).update(target)
        return out

    async def count(self, query: Query) -> int:
        flt = await self._runnable(query.resource_type, await self._filter(query, self._compiler()))
        return await self.db[query.resource_type].count_documents(flt)

    async def explain(self, query: Query) -> list[str]:
        """The translated filter, the index each of its conditions (and sub-queries) is planned on, what is
        evaluated in Python, and the server's own plan."""
        compiler = self._compiler()
        flt = await self._filter(query, compiler)
        lines = [f"find {query.resource_type} {json_util.dumps(flt)}"]
        lines += indexes.planned_indexes(flt)
        for resource_type, sub in compiler.trace:
            lines.append(f"subquery {resource_type} {json_util.dumps(sub)}")
            lines += [f"  {line}" for line in indexes.planned_indexes(sub)]
        emulated = sorted(op for op in self.capabilities.emulated if unsupported(flt, frozenset([op])))
        if emulated:
            lines.append(f"evaluated in Python on the indexed superset: {', '.join(emulated)}")
        runnable = await self._runnable(query.resource_type, flt)
        in_database = [k for k in order_keys(query) if k.in_document]
        plan = await self.db.command(
            "explain", {"find": query.resource_type, "filter": runnable, "sort": dict(sort_spec(in_database))}
        )
        lines += [f"server {line}" for line in _server_plan(plan.get("queryPlanner", {}))]
        return lines

    async def _filter(self, query: Query, compiler: FilterCompiler) -> Filter:
        return all_of([LIVE, await compiler.criterion(query.where, query.resource_type)])

    def _compiler(self) -> FilterCompiler:
        return FilterCompiler(self._find_ids, self._find_docs)

    async def _find_ids(self, resource_type: str, flt: Filter) -> list[str]:
        return [d["_id"] for d in await self._find_docs(resource_type, flt, {"_id": 1})]

    async def _find_docs(self, resource_type: str, flt: Filter, fields: dict[str, Any]) -> list[dict[str, Any]]:
        runnable = await self._runnable(resource_type, flt)
        return await self.db[resource_type].find(runnable, fields).to_list()

    async def _runnable(self, resource_type: str, flt: Filter) -> Filter:
        """``flt``, or where it uses operators the server lacks, the ids it matches computed here from the
        candidates of its indexed superset."""
        emulated = self.capabilities.emulated  # FerretDB: $elemMatch over sub-documents and ranges, $geoWithin
        if not emulated or not unsupported(flt, emulated):
            return flt
        candidates = self.db[resource_type].find(relax(flt), {"body": 0})
        return {"_id": {"$in": [d["_id"] async for d in candidates if matches(d, flt)]}}


def _history_after(cursor: bytes) -> Filter:
    """Versions after the cursor ``[lu, type, id, -version]`` in history order."""
    try:
        lu, resource_type, resource_id, negated_version = orjson.loads(cursor)
    except (orjson.JSONDecodeError, ValueError, TypeError):
        raise InvalidRequest("_cursor: not a cursor this server issued", code="value", expression="_cursor") from None
    same_id = {"i": resource_id, "v": {"$gt": -negated_version}}
    same_type = {"t": resource_type, "$or": [{"i": {"$lt": resource_id}}, same_id]}
    same_time = {"lu": lu, "$or": [{"t": {"$lt": resource_type}}, same_type]}
    return {"$or": [{"lu": {"$lt": lu}}, same_time]}


def _server_plan(planner: dict[str, Any]) -> list[str]:
    """One line per stage of the winning plan (MongoDB), or FerretDB's SQL plan lines."""
    if "Plan" in planner:
        return [str(line) for line in planner["Plan"]]
    out: list[str] = []
    stage = planner.get("winningPlan", {})
    stage = stage.get("queryPlan", stage)  # slot-based engine
    while stage:
        name = stage.get("stage", "?")
        out.append(f"{name} {stage['indexName']}" if "indexName" in stage else name)
        inputs = stage.get("inputStages") or ([stage["inputStage"]] if "inputStage" in stage else [])
        for extra in inputs[1:]:
            out += _server_plan({"winningPlan": extra})
        stage = inputs[0] if inputs else None
    return out
