"""Atomic commits on MongoDB: a transaction where the deployment has them, a logged protocol elsewhere.

The arbiter of concurrent writers is the unique ``claim`` index of ``history``
on ``(type, id, base version)``: every version names the version it replaces,
so two commits replacing the same version cannot both insert their history
document, whatever the server's isolation (FerretDB's conditional updates are
read-then-write and let several writers win; a unique insert has one winner).

Without transactions (standalone server, FerretDB) a commit runs in steps, each
idempotent, so that a crash at any point is completed or undone by recovery.
The history documents of a commit in progress are its log:

1. check the expected versions (a mismatch fails at once, nothing written);
2. insert the history documents (the claims), each marked with the commit id
   ``c``, its start time ``ca``, its number of versions ``cn`` and ``redo``, the
   new current document less the body it shares with the version. A duplicate
   claim means a concurrent commit won: this commit deletes the claims it made
   and fails;
3. insert ``commit_decision`` ``{_id: commit id, committed: true}``: the commit
   point. Recovery aborts an undecided commit by inserting ``committed: false``
   under the same id, so commit and abort cannot both happen. A commit of one
   version skips this step: its single claim, one insert, is its commit point;
4. apply the current documents, type by type (an update replaces the version
   it claimed, a creation inserts: replaying changes nothing);
5. drop ``c``, ``ca``, ``cn`` and ``redo`` from the history documents, then the decision.

Recovery (:meth:`CommitLog.recover`, at start-up, and for a claim that blocks a
writer) takes the commits whose claims are older than the lease: decided
committed (or of one version), it redoes steps 4-5; otherwise it records the
abort and deletes the claims. ``vread`` and ``history`` skip versions still marked ``c``; current
documents change only after the commit point, so a failed or abandoned commit
is never visible, and a commit interrupted after it completes at recovery.
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
SERVED = {"c": {"$exists": False}}
"""The history documents of finished commits: those ``vread`` and ``history`` serve."""


class SimulatedCrash(BaseException):
    """Raised at :attr:`CommitLog.crash_at` (tests): the commit stops there, cleaning nothing up."""


class CommitAborted(RuntimeError):
    """Recovery took this commit for abandoned and undid it before it reached its commit point."""


class CommitLog:
    """Applies commits; ``lease``: seconds after which an unfinished logged commit counts as abandoned."""

    def __init__(
        self, db: AsyncDatabase[dict[str, Any]], collection_for: CollectionFor, transactions: bool, lease: float
    ) -> None:
        self._db = db
        self._collection_for = collection_for
        self.transactions = transactions
        self.lease = lease
        self.history: Collection = db["history"]
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
        started = time.time()
        for version in versions:
            version.update(c=cid, ca=started, cn=len(versions))
        try:
            await self._claim(ops, versions, None)
            self._step("claimed")
            if len(versions) > 1:  # a single claim is its own commit point: one insert, all or nothing
                await self.decisions.insert_one({"_id": cid, "committed": True})
        except CommitConflict:
            raise
        except DuplicateKeyError:
            raise CommitAborted("the commit was abandoned and undone by recovery; nothing was written") from None
        except Exception:
            await self._undo(cid)
            raise
        self._step("decided")
        await self._apply(versions, None)
        await self._finish(cid, len(versions))

    async def _prepare(self, ops: Sequence[WriteOp], session: AsyncClientSession | None) -> list[dict[str, Any]]:
        """The history documents of ``ops``, each with its new current document (less the body) as ``redo``."""
        pks = await self._check(ops, session)
        versions = []
        for op in ops:
            doc = history_document(op)
            doc["redo"] = current_document(op, pks.get((op.type, op.id)) or ObjectId())
            del doc["redo"]["body"]
            versions.append(doc)
        return versions

    async def _claim(
        self, ops: Sequence[WriteOp], versions: list[dict[str, Any]], session: AsyncClientSession | None
    ) -> None:
        """Insert the history documents; a duplicate claim raises :class:`CommitConflict` (outside a
        transaction, after deleting the claims made)."""
        try:
            # A unique insert, not a conditional update: FerretDB's updates read then write, several win.
            await self.history.insert_many(versions, ordered=True, session=session)
        except BulkWriteError as exc:
            errors = exc.details.get("writeErrors", [])
            if not errors or errors[0].get("code") != DUPLICATE_KEY:
                raise
            failed = errors[0]["index"]
            op = ops[failed]
            conflict = await self._conflict(op.type, op.id, op.expected_version)
            if session is None:
                if failed:
                    await self.history.delete_many({"_id": {"$in": [v["_id"] for v in versions[:failed]]}})
                if conflict.actual == conflict.expected:  # the winning claim is not applied yet: abandoned?
                    await self._recover_stale_claim(op)
            raise conflict from None

    async def _apply(self, versions: list[dict[str, Any]], session: AsyncClientSession | None) -> None:
        """Write the current documents; replayed, a write that already happened changes nothing."""
        by_type: dict[str, list[dict[str, Any]]] = {}
        for version in versions:
            by_type.setdefault(version["t"], []).append(version)
        for n, (resource_type, group) in enumerate(by_type.items()):
            if n:
                self._step("applied-part")
            currents = [{**v["redo"], "body": v["body"]} for v in group]
            writes = [
                InsertOne(c) if v["b"] == 0 else ReplaceOne({"_id": v["i"], "v": v["b"]}, c)
                for v, c in zip(group, currents, strict=True)
            ]
            collection = await self._collection_for(resource_type)
            try:
                result = await collection.bulk_write(writes, ordered=session is not None, session=session)
            except BulkWriteError as exc:
                errors = exc.details.get("writeErrors", [])
                if session is not None or any(e.get("code") != DUPLICATE_KEY for e in errors):
                    raise
                continue  # replayed creations: already there
            if session is not None and result.matched_count + result.inserted_count != len(writes):
                first = group[0]  # claims make this unreachable; never commit a lost update if it is not
                raise await self._conflict(resource_type, first["i"], first["b"])

    async def _finish(self, cid: ObjectId, size: int) -> None:
        await self.history.update_many({"c": cid}, {"$unset": {"c": "", "ca": "", "cn": "", "redo": ""}})
        if size > 1:
            await self.decisions.delete_one({"_id": cid})

    async def _undo(self, cid: ObjectId) -> None:
        await self.history.delete_many({"c": cid})
        await self.decisions.delete_one({"_id": cid})

    # -- recovery ------------------------------------------------------------------------------------------

    async def recover(self, older_than: float | None = None) -> int:
        """Complete or undo the logged commits started more than ``older_than`` seconds ago (default: the
        lease); returns how many."""
        cutoff = time.time() - (self.lease if older_than is None else older_than)
        pending = self.history.find({"c": {"$exists": True}, "ca": {"$lte": cutoff}}, {"c": 1})
        commits = {doc["c"] async for doc in pending}
        for cid in sorted(commits):
            await self._resolve(cid)
        return len(commits)

    async def _resolve(self, cid: ObjectId) -> None:
        pending = await self.history.find({"c": cid}).to_list()
        if not pending:
            await self.decisions.delete_one({"_id": cid})
            return
        size = pending[0]["cn"]
        if size > 1:
            with contextlib.suppress(DuplicateKeyError):  # already decided: that decision stands
                await self.decisions.insert_one({"_id": cid, "committed": False})
            decision = await self.decisions.find_one({"_id": cid})
            if decision is None or not decision["committed"]:
                await self._undo(cid)
                return
        await self._apply(pending, None)
        await self._finish(cid, size)

    async def _recover_stale_claim(self, op: WriteOp) -> None:
        """A claim of an abandoned commit blocks ``op``'s resource: resolve that commit (the writer retries)."""
        claim = await self.history.find_one({"t": op.type, "i": op.id, "b": op.expected_version}, {"c": 1, "ca": 1})
        if claim is not None and "c" in claim and claim["ca"] <= time.time() - self.lease:
            await self._resolve(claim["c"])

    # -- with transactions ---------------------------------------------------------------------------------

    async def _commit_in_transaction(self, ops: Sequence[WriteOp]) -> None:
        async with self._db.client.start_session() as session:
            try:
                async with await session.start_transaction():
                    versions = await self._prepare(ops, session)
                    redo = [v.pop("redo") for v in versions]  # committed at once: nothing to redo
                    await self._claim(ops, versions, session)
                    await self._apply([{**v, "redo": r} for v, r in zip(versions, redo, strict=True)], session)
            except OperationFailure as exc:
                if not exc.has_error_label("TransientTransactionError"):
                    raise
                op = ops[0]  # a write conflict with a concurrent transaction
                raise await self._conflict(op.type, op.id, op.expected_version) from None

    # -- shared --------------------------------------------------------------------------------------------

    async def _check(
        self, ops: Sequence[WriteOp], session: AsyncClientSession | None
    ) -> dict[tuple[str, str], ObjectId]:
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

    async def _conflict(self, resource_type: str, resource_id: str, expected: int) -> CommitConflict:
        """The conflict on one resource, with its version read outside any transaction (a failed write
        has aborted it)."""
        collection = await self._collection_for(resource_type)
        current = await collection.find_one({"_id": resource_id}, {"v": 1})
        return CommitConflict(f"{resource_type}/{resource_id}", expected, current["v"] if current else 0)

    def _step(self, name: str) -> None:
        if self.crash_at == name:
            raise SimulatedCrash(name)
