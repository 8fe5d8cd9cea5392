"""Atomic commits on MongoDB: a transaction where the deployment has them, a commit log elsewhere.

The arbiter of concurrent writers is the unique ``claim`` index of ``history``
on ``(type, id, base version)``: every version names the version it replaces,
so two commits replacing the same version cannot both insert their history
document, whatever the server's isolation (FerretDB's conditional updates are
read-then-write and let several writers win; a unique insert has one winner).

Without transactions (standalone server, FerretDB) a commit runs in steps, each
idempotent, so that a crash at any point is completed or undone by recovery:

1. check the expected versions (a mismatch fails at once, nothing written);
2. write the ``commit_log`` entry: the ids of the history documents to come;
3. insert the history documents (the claims), each carrying the commit id ``c``
   and ``redo``, the complete new current document; a duplicate claim means a
   concurrent commit won: this commit deletes its claims and its log entry;
4. insert ``commit_decision`` ``{_id: commit id, committed: true}``: the commit
   point. Recovery aborts an undecided commit by inserting ``committed: false``
   under the same id, so commit and abort cannot both happen;
5. apply the current documents, type by type (an update replaces the version it
   claimed, a creation inserts: replaying is a no-op);
6. drop ``c``/``redo`` from the history documents, then the decision, then the log entry.

Recovery (:meth:`CommitLog.recover`, at start-up; and for a claim that blocks a
writer) takes each log entry older than the lease: decided committed, it redoes
steps 5-6; otherwise it records the abort and deletes the claims. Until step 6
a version is not served by ``vread`` or ``history``; current documents change
only after the commit point, so a failed or abandoned commit is never visible.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from bson import ObjectId
from pymongo import InsertOne, ReplaceOne
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import BulkWriteError, DuplicateKeyError, OperationFailure

from server.model import WriteOp
from server.store.base import CommitConflict
from server.store.mongo.document import current_document, history_document

Collection = AsyncCollection[dict[str, Any]]
CollectionFor = Callable[[str], Awaitable[Collection]]

DUPLICATE_KEY = 11000


class SimulatedCrash(BaseException):
    """Raised at :attr:`CommitLog.crash_at` (tests): the commit stops there without cleaning up."""


class CommitAborted(RuntimeError):
    """Recovery judged this commit abandoned and undid it before it reached its commit point."""


class CommitLog:
    def __init__(
        self, db: AsyncDatabase[dict[str, Any]], collection_for: CollectionFor, transactions: bool, lease: float
    ) -> None:
        self._db = db
        self._collection_for = collection_for
        self.transactions = transactions
        self.lease = lease
        self.history: Collection = db["history"]
        self.log: Collection = db["commit_log"]
        self.decisions: Collection = db["commit_decision"]
        self.crash_at: str | None = None

    async def commit(self, ops: Sequence[WriteOp]) -> None:
        if not ops:
            return
        if self.transactions:
            await self._commit_in_transaction(ops)
        else:
            await self._commit_logged(ops)

    # -- without transactions ------------------------------------------------------------------------------

    async def _commit_logged(self, ops: Sequence[WriteOp]) -> None:
        versions = await self._prepare(ops, None)
        cid = ObjectId()
        for version in versions:
            version["c"] = cid
        ids = [v["_id"] for v in versions]
        await self.log.insert_one({"_id": cid, "at": time.time(), "h": ids})
        self._step("logged")
        try:
            await self._claim(ops, versions, None)
            self._step("claimed")
            await self.decisions.insert_one({"_id": cid, "committed": True})
        except DuplicateKeyError:
            raise CommitAborted("the commit was abandoned and undone by recovery; nothing was written") from None
        except Exception:
            await self._undo(cid, ids)
            raise
        self._step("decided")
        await self._apply(versions, None)
        await self._finish(cid, ids)

    async def _prepare(self, ops: Sequence[WriteOp], session: Any) -> list[dict[str, Any]]:
        """The history documents of ``ops``, each with its new current document under ``redo``."""
        pks = await self._check(ops, session)
        versions = []
        for op in ops:
            doc = history_document(op)
            doc["redo"] = current_document(op, pks.get((op.type, op.id)) or ObjectId())
            versions.append(doc)
        return versions

    async def _claim(self, ops: Sequence[WriteOp], versions: list[dict[str, Any]], session: Any) -> None:
        """Insert the history documents; a duplicate claim raises :class:`CommitConflict`."""
        try:
            await self.history.insert_many(versions, ordered=True, session=session)
        except BulkWriteError as exc:
            errors = exc.details.get("writeErrors", [])
            if not errors or errors[0].get("code") != DUPLICATE_KEY:
                raise
            op = ops[errors[0]["index"]]
            if session is None:
                await self._recover_stale_claim(op)
            raise await self._conflict(op.type, op.id, op.expected_version, session) from None

    async def _apply(self, versions: list[dict[str, Any]], session: AsyncClientSession | None) -> None:
        """Write the current documents (``redo``); replayed, a write that already happened changes nothing."""
        by_type: dict[str, list[dict[str, Any]]] = {}
        for version in versions:
            by_type.setdefault(version["t"], []).append(version)
        for n, (resource_type, group) in enumerate(by_type.items()):
            if n:
                self._step("applied-part")
            writes = [
                InsertOne(v["redo"]) if v["b"] == 0 else ReplaceOne({"_id": v["i"], "v": v["b"]}, v["redo"])
                for v in group
            ]
            collection = await self._collection_for(resource_type)
            try:
                result = await collection.bulk_write(writes, ordered=session is not None, session=session)
            except BulkWriteError as exc:
                errors = exc.details.get("writeErrors", [])
                if session is not None or any(e.get("code") != DUPLICATE_KEY for e in errors):
                    raise
                continue
            if session is not None and result.matched_count + result.inserted_count != len(writes):
                first = group[0]  # claims make this unreachable; never commit a lost update if it is not
                raise await self._conflict(resource_type, first["i"], first["b"], session)

    async def _finish(self, cid: ObjectId, ids: list[ObjectId]) -> None:
        await self.history.update_many({"_id": {"$in": ids}}, {"$unset": {"c": "", "redo": ""}})
        await self.decisions.delete_one({"_id": cid})
        await self.log.delete_one({"_id": cid})

    async def _undo(self, cid: ObjectId, ids: list[ObjectId]) -> None:
        await self.history.delete_many({"_id": {"$in": ids}, "c": cid})
        await self.decisions.delete_one({"_id": cid})
        await self.log.delete_one({"_id": cid})

    # -- recovery ------------------------------------------------------------------------------------------

    async def recover(self, older_than: float | None = None) -> int:
        """Complete or undo the logged commits started more than ``older_than`` seconds ago (default: the lease)."""
        cutoff = time.time() - (self.lease if older_than is None else older_than)
        entries = await self.log.find({"at": {"$lte": cutoff}}).to_list()
        for entry in entries:
            await self._resolve(entry)
        return len(entries)

    async def _resolve(self, entry: dict[str, Any]) -> None:
        cid, ids = entry["_id"], entry["h"]
        with contextlib.suppress(DuplicateKeyError):  # already decided: keep that decision
            await self.decisions.insert_one({"_id": cid, "committed": False})
        decision = await self.decisions.find_one({"_id": cid})
        if decision is not None and decision["committed"]:
            pending = await self.history.find({"_id": {"$in": ids}, "c": cid}).to_list()
            await self._apply(pending, None)
            await self._finish(cid, ids)
        else:
            await self._undo(cid, ids)

    async def _recover_stale_claim(self, op: WriteOp) -> None:
        """A claim of an abandoned commit blocks ``op``'s resource: resolve that commit (the writer retries)."""
        claim = await self.history.find_one({"t": op.type, "i": op.id, "b": op.expected_version}, {"c": 1})
        if claim is None or "c" not in claim:
            return
        entry = await self.log.find_one({"_id": claim["c"], "at": {"$lte": time.time() - self.lease}})
        if entry is not None:
            await self._resolve(entry)

    # -- with transactions ---------------------------------------------------------------------------------

    async def _commit_in_transaction(self, ops: Sequence[WriteOp]) -> None:
        async with self._db.client.start_session() as session:
            try:
                async with await session.start_transaction():
                    versions = await self._prepare(ops, session)
                    currents = [v["redo"] for v in versions]
                    for version in versions:
                        del version["redo"]
                    await self._claim(ops, versions, session)
                    await self._apply([{**v, "redo": c} for v, c in zip(versions, currents, strict=True)], session)
            except OperationFailure as exc:
                if not exc.has_error_label("TransientTransactionError"):
                    raise
                op = ops[0]  # a write conflict with a concurrent transaction
                raise await self._conflict(op.type, op.id, op.expected_version, None) from None

    # -- shared --------------------------------------------------------------------------------------------

    async def _check(self, ops: Sequence[WriteOp], session: Any) -> dict[tuple[str, str], ObjectId]:
        """The ``pk`` of each existing resource; :class:`CommitConflict` on a version other than expected."""
        by_type: dict[str, list[WriteOp]] = {}
        for op in ops:
            by_type.setdefault(op.type, []).append(op)
        pks: dict[tuple[str, str], ObjectId] = {}
        for resource_type, group in by_type.items():
            collection = await self._collection_for(resource_type)
            found = {
                d["_id"]: d
                async for d in collection.find(
                    {"_id": {"$in": [op.id for op in group]}}, {"v": 1, "pk": 1}, session=session
                )
            }
            for op in group:
                current = found.get(op.id)
                version = current["v"] if current else 0
                if version != op.expected_version:
                    raise CommitConflict(f"{op.type}/{op.id}", op.expected_version, version)
                if current:
                    pks[(op.type, op.id)] = current["pk"]
        return pks

    async def _conflict(self, resource_type: str, resource_id: str, expected: int, session: Any) -> CommitConflict:
        collection = await self._collection_for(resource_type)
        current = await collection.find_one({"_id": resource_id}, {"v": 1}, session=session)
        return CommitConflict(f"{resource_type}/{resource_id}", expected, current["v"] if current else 0)

    def _step(self, name: str) -> None:
        if self.crash_at == name:
            raise SimulatedCrash(name)
