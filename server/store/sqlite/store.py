"""The embedded store: one SQLite file in WAL mode, nothing to install.

Calls run on the event loop's thread: each is a handful of indexed
statements that take well under a millisecond, cheaper than a thread hop.
Several server processes may share one file; SQLite serialises their writes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

import orjson

from server.errors import InvalidRequest
from server.geo import distance_km
from server.model import StoredResource, WriteOp
from server.search.index import (
    TokenEntry,
)
from server.search.normalize import date_range
from server.search.plan import Query
from server.store.base import CommitConflict, HistoryPage, SearchPage
from server.store.sqlite.compile import SqlCompiler
from server.store.sqlite.rows import IndexRows
from server.store.sqlite.schema import DDL, INDEX_TABLES, SCHEMA_VERSION

_RESOURCE_COLUMNS = "type, id, version, last_updated, deleted, body, method"


def _history_cursor(cursor: bytes) -> list[object]:
    try:
        values = orjson.loads(cursor)
    except orjson.JSONDecodeError:
        values = None
    if not isinstance(values, list) or len(values) != 4:
        raise InvalidRequest("_cursor: not a cursor this server issued", code="value", expression="_cursor")
    return values


def _stored(row: sqlite3.Row | tuple) -> StoredResource:
    """A resource from a row starting with type, id, version, last_updated, deleted, body, method."""
    return StoredResource(row[0], row[1], row[2], row[3], bool(row[4]), bytes(row[5]), row[6])


class SqliteStore:
    """The default store. ``path`` ``:memory:`` gives a private in-memory database (tests)."""

    name = "sqlite"

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._db: sqlite3.Connection | None = None
        self._pids: dict[str, int] = {}
        self._sids: dict[str, int] = {}
        self._compiler = SqlCompiler(self._pid_lookup, self._sid_lookup)

    # -- lifecycle ---------------------------------------------------------------------------------------

    async def open(self) -> None:
        self.open_sync()

    def open_sync(self) -> None:
        if self._db is not None:
            return
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30.0)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA temp_store=MEMORY")
        db.execute("PRAGMA cache_size=-262144")
        db.execute("PRAGMA mmap_size=1073741824")
        db.create_function("distance_km", 4, distance_km, deterministic=True)
        db.executescript(DDL)
        db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        self._db = db
        self._pids = dict(db.execute("SELECT name, pid FROM param").fetchall())
        self._sids = dict(db.execute("SELECT url, sid FROM sys").fetchall())

    async def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    async def ping(self) -> None:
        self.db.execute("SELECT 1").fetchone()

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            raise RuntimeError("store is not open")
        return self._db

    # -- dictionaries of parameter and system ids ---------------------------------------------------------

    def _pid_lookup(self, name: str) -> int | None:
        pid = self._pids.get(name)
        if pid is None:
            row = self.db.execute("SELECT pid FROM param WHERE name = ?", (name,)).fetchone()
            if row:
                pid = self._pids[name] = row[0]
        return pid

    def _sid_lookup(self, url: str) -> int | None:
        sid = self._sids.get(url)
        if sid is None:
            row = self.db.execute("SELECT sid FROM sys WHERE url = ?", (url,)).fetchone()
            if row:
                sid = self._sids[url] = row[0]
        return sid

    def _ensure_ids(self, ops: Sequence[WriteOp]) -> None:
        """Register new parameter names and systems before the commit's transaction.

        Done apart so that a rolled-back commit never leaves the in-memory
        dictionaries pointing at rows that do not exist.
        """
        names: set[str] = set()
        urls: set[str] = set()
        for op in ops:
            params = {e.param for e in op.index}
            params.update(f"{e.param}:text" for e in op.index if isinstance(e, TokenEntry) and e.text)
            names.update(f"{op.type}.{p}" for p in params)
            urls.update(getattr(e, "system", None) or "" for e in op.index)
        urls.discard("")
        new_names = [n for n in names if n not in self._pids]
        new_urls = [u for u in urls if u not in self._sids]
        if not new_names and not new_urls:
            return
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.executemany("INSERT OR IGNORE INTO param (name) VALUES (?)", [(n,) for n in new_names])
            db.executemany("INSERT OR IGNORE INTO sys (url) VALUES (?)", [(u,) for u in new_urls])
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        for name in new_names:
            self._pid_lookup(name)
        for url in new_urls:
            self._sid_lookup(url)

    # -- reads -------------------------------------------------------------------------------------------

    async def read(self, resource_type: str, resource_id: str) -> StoredResource | None:
        row = self.db.execute(
            f"SELECT {_RESOURCE_COLUMNS} FROM resource WHERE type = ? AND id = ?",
            (resource_type, resource_id),
        ).fetchone()
        return _stored(row) if row else None

    async def read_many(self, keys: Sequence[tuple[str, str]]) -> list[StoredResource]:
        out: list[StoredResource] = []
        by_type: dict[str, list[str]] = {}
        for t, i in keys:
            by_type.setdefault(t, []).append(i)
        for t, ids in by_type.items():
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self.db.execute(
                    f"SELECT {_RESOURCE_COLUMNS} FROM resource WHERE type = ? AND id IN ({marks}) AND +deleted = 0",
                    (t, *chunk),
                ).fetchall()
                out.extend(_stored(r) for r in rows)
        return out

    async def vread(self, resource_type: str, resource_id: str, version: int) -> StoredResource | None:
        row = self.db.execute(
            "SELECT type, id, version, last_updated, deleted, body, method FROM versions "
            "WHERE type = ? AND id = ? AND version = ?",
            (resource_type, resource_id, version),
        ).fetchone()
        return _stored(row) if row else None

    async def history(
        self,
        resource_type: str | None,
        resource_id: str | None,
        since: float | None,
        count: int,
        cursor: bytes | None,
    ) -> HistoryPage:
        where: list[str] = []
        args: list[object] = []
        if resource_type is not None:
            where.append("type = ?")
            args.append(resource_type)
        if resource_id is not None:
            where.append("id = ?")
            args.append(resource_id)
        if since is not None:
            where.append("lu >= ?")
            args.append(since)
        clause = (" WHERE " + " AND ".join(where)) if where else ""
        total = self.db.execute(f"SELECT count(*) FROM versions{clause}", args).fetchone()[0]
        if cursor is not None:
            where.append("(lu, type, id, -version) < (?, ?, ?, ?)")
            args.extend(_history_cursor(cursor))
            clause = " WHERE " + " AND ".join(where)
        # Each table is read newest first through its own lu index; only 2 x count rows get sorted.
        order = "ORDER BY lu DESC, type DESC, id DESC, version ASC LIMIT ?"
        columns = "type, id, version, last_updated, deleted, body, method, lu"
        rows = self.db.execute(
            f"SELECT * FROM (SELECT {columns} FROM resource{clause} {order}) UNION ALL "
            f"SELECT * FROM (SELECT {columns} FROM history{clause} {order}) {order}",
            (*args, count + 1, *args, count + 1, count + 1),
        ).fetchall()
        more = len(rows) > count
        rows = rows[:count]
        next_cursor = orjson.dumps([rows[-1][7], rows[-1][0], rows[-1][1], -rows[-1][2]]) if more and rows else None
        return HistoryPage([_stored(r) for r in rows], total, next_cursor)

    # -- writes ------------------------------------------------------------------------------------------

    async def commit(self, ops: Sequence[WriteOp]) -> None:
        self.commit_sync(ops)

    def commit_sync(self, ops: Sequence[WriteOp]) -> None:
        """Apply ``ops`` in one transaction (also used directly by the bulk loader).

        Statements are batched over the whole commit (one ``executemany`` per table), and new
        resources get their keys from the current maximum, which is safe under ``BEGIN IMMEDIATE``.
        """
        self._ensure_ids(ops)
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            self._apply(db, ops)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _apply(self, db: sqlite3.Connection, ops: Sequence[WriteOp]) -> None:
        current = self._current_rows(db, ops)
        next_pk = (db.execute("SELECT max(pk) FROM resource").fetchone()[0] or 0) + 1
        next_fid = (db.execute("SELECT max(fid) FROM ftsmap").fetchone()[0] or 0) + 1
        inserts: list[tuple] = []
        updates: list[tuple] = []
        replaced: list[tuple[int]] = []
        index = IndexRows()
        for op in ops:
            pk, version = current.get((op.type, op.id), (None, 0))
            if version != op.expected_version:
                raise CommitConflict(f"{op.type}/{op.id}", op.expected_version, version)
            lu = date_range(op.last_updated)[0]
            if pk is None:
                pk = next_pk
                next_pk += 1
                inserts.append((pk, op.type, op.id, op.version, op.last_updated, lu, int(op.deleted), op.method,
                                op.body))
            else:
                replaced.append((pk,))
                updates.append((op.version, op.last_updated, lu, int(op.deleted), op.method, op.body, pk))
            current[(op.type, op.id)] = (pk, op.version)
            if not op.deleted:
                next_fid = index.add(self._pids, self._sids, op.type, pk, op.index, next_fid)
        if replaced:
            # The replaced versions move to history (a resource written twice in one commit moves twice).
            for table in (*INDEX_TABLES, "geo", "geo_box", "ftsmap"):
                db.executemany(f"DELETE FROM {table} WHERE pk = ?", replaced)
        db.executemany("INSERT INTO resource (pk, type, id, version, last_updated, lu, deleted, method, body) "
                       "VALUES (?,?,?,?,?,?,?,?,?)", inserts)
        for update in updates:
            db.execute("INSERT INTO history (type, id, version, last_updated, lu, deleted, method, body) "
                       "SELECT type, id, version, last_updated, lu, deleted, method, body FROM resource WHERE pk = ?",
                       (update[-1],))
            db.execute("UPDATE resource SET version = ?, last_updated = ?, lu = ?, deleted = ?, method = ?, body = ? "
                       "WHERE pk = ?", update)
        index.write(db)

    @staticmethod
    def _current_rows(db: sqlite3.Connection, ops: Sequence[WriteOp]) -> dict[tuple[str, str], tuple[int, int]]:
        """(type, id) -> (pk, version) of the resources the commit touches."""
        by_type: dict[str, list[str]] = {}
        for op in ops:
            by_type.setdefault(op.type, []).append(op.id)
        found: dict[tuple[str, str], tuple[int, int]] = {}
        for resource_type, ids in by_type.items():
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                rows = db.execute(
                    f"SELECT id, pk, version FROM resource WHERE type = ? AND id IN ({','.join('?' * len(chunk))})",
                    (resource_type, *chunk),
                ).fetchall()
                found.update(((resource_type, i), (pk, v)) for i, pk, v in rows)
        return found

    # -- search ------------------------------------------------------------------------------------------

    async def search(self, query: Query) -> SearchPage:
        sql = self._compiler.page(query)
        rows = self.db.execute(sql.text, sql.args).fetchall()
        more = len(rows) > query.count
        rows = rows[: query.count]
        if query.backward:
            rows.reverse()
        matches = [_stored(r) for r in rows]
        after_page = more or query.backward  # a backward page came from the page after it
        before_page = more if query.backward else query.cursor is not None
        next_cursor = self._compiler.cursor_for(rows[-1], query) if after_page and rows else None
        previous_cursor = self._compiler.cursor_for(rows[0], query) if before_page and rows else None
        total: int | None = None
        if query.total != "none":
            if query.cursor is None and not more:
                total = len(matches)
            else:
                total = await self.count(query)
        return SearchPage(matches, total, next_cursor, previous_cursor)

    async def count(self, query: Query) -> int:
        sql = self._compiler.count(query)
        return int(self.db.execute(sql.text, sql.args).fetchone()[0])

    async def explain(self, query: Query) -> list[str]:
        sql = self._compiler.page(query)
        return [row[3] for row in self.db.execute("EXPLAIN QUERY PLAN " + sql.text, sql.args).fetchall()]
