"""The embedded store: one SQLite file in WAL mode, nothing to install.

Calls run on the event loop's thread: each is a handful of indexed
statements that take well under a millisecond, cheaper than a thread hop.
Several server processes may share one file; SQLite serialises their writes.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from server.model import StoredResource, WriteOp
from server.search.index import (
    DateEntry,
    GeoEntry,
    IndexEntry,
    NumberEntry,
    QuantityEntry,
    ReferenceEntry,
    StringEntry,
    TextEntry,
    TokenEntry,
    UriEntry,
)
from server.search.plan import Query
from server.store.base import CommitConflict, HistoryPage, SearchPage
from server.store.sqlite.compile import SqlCompiler
from server.store.sqlite.schema import DDL, INDEX_TABLES, SCHEMA_VERSION

_RESOURCE_COLUMNS = "type, id, version, last_updated, deleted, body"


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _stored(row: sqlite3.Row | tuple, method: str = "PUT") -> StoredResource:
    return StoredResource(row[0], row[1], row[2], row[3], bool(row[4]), bytes(row[5]), method)


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
        db.create_function("distance_km", 4, _haversine_km, deterministic=True)
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
            for entry in op.index:
                names.add(f"{op.type}.{entry.param}")
                if isinstance(entry, TokenEntry) and entry.text:
                    names.add(f"{op.type}.{entry.param}:text")
                system = getattr(entry, "system", None)
                if system:
                    urls.add(system)
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
                    f"SELECT {_RESOURCE_COLUMNS} FROM resource WHERE type = ? AND id IN ({marks}) AND deleted = 0",
                    (t, *chunk),
                ).fetchall()
                out.extend(_stored(r) for r in rows)
        return out

    async def vread(self, resource_type: str, resource_id: str, version: int) -> StoredResource | None:
        row = self.db.execute(
            "SELECT type, id, version, last_updated, deleted, body, method FROM history "
            "WHERE type = ? AND id = ? AND version = ?",
            (resource_type, resource_id, version),
        ).fetchone()
        return _stored(row, row[6]) if row else None

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
        total = self.db.execute(f"SELECT count(*) FROM history{clause}", args).fetchone()[0]
        if cursor is not None:
            where.append("seq < ?")
            args.append(int(cursor))
            clause = " WHERE " + " AND ".join(where)
        rows = self.db.execute(
            f"SELECT type, id, version, last_updated, deleted, body, method, seq FROM history{clause} "
            "ORDER BY seq DESC LIMIT ?",
            (*args, count + 1),
        ).fetchall()
        more = len(rows) > count
        rows = rows[:count]
        next_cursor = str(rows[-1][7]).encode() if more and rows else None
        return HistoryPage([_stored(r, r[6]) for r in rows], total, next_cursor)

    # -- writes ------------------------------------------------------------------------------------------

    async def commit(self, ops: Sequence[WriteOp]) -> None:
        self.commit_sync(ops)

    def commit_sync(self, ops: Sequence[WriteOp]) -> None:
        """Apply ``ops`` in one transaction (also used directly by the bulk loader)."""
        self._ensure_ids(ops)
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            for op in ops:
                self._apply(db, op)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _apply(self, db: sqlite3.Connection, op: WriteOp) -> None:
        from server.search.normalize import date_range

        lu = date_range(op.last_updated)[0]
        row = db.execute("SELECT pk, version FROM resource WHERE type = ? AND id = ?", (op.type, op.id)).fetchone()
        current = row[1] if row else 0
        if current != op.expected_version:
            raise CommitConflict(f"{op.type}/{op.id}", op.expected_version, current)
        if row:
            pk = row[0]
            db.execute(
                "UPDATE resource SET version = ?, last_updated = ?, lu = ?, deleted = ?, body = ? WHERE pk = ?",
                (op.version, op.last_updated, lu, int(op.deleted), op.body, pk),
            )
            self._drop_index(db, pk)
        else:
            pk = db.execute(
                "INSERT INTO resource (type, id, version, last_updated, lu, deleted, body) VALUES (?,?,?,?,?,?,?)",
                (op.type, op.id, op.version, op.last_updated, lu, int(op.deleted), op.body),
            ).lastrowid
        db.execute(
            "INSERT INTO history (type, id, version, last_updated, lu, deleted, method, body) VALUES (?,?,?,?,?,?,?,?)",
            (op.type, op.id, op.version, op.last_updated, lu, int(op.deleted), op.method, op.body),
        )
        if not op.deleted:
            self._write_index(db, op.type, pk, op.index)

    @staticmethod
    def _drop_index(db: sqlite3.Connection, pk: int) -> None:
        for table in INDEX_TABLES:
            db.execute(f"DELETE FROM {table} WHERE pk = ?", (pk,))
        db.execute("DELETE FROM geo WHERE pk = ?", (pk,))
        db.execute("DELETE FROM geo_box WHERE pk = ?", (pk,))
        db.execute("DELETE FROM ftsmap WHERE pk = ?", (pk,))

    def _write_index(self, db: sqlite3.Connection, resource_type: str, pk: int, entries: Iterable[IndexEntry]) -> None:
        rows: dict[str, list[tuple]] = {t: [] for t in INDEX_TABLES}
        content: list[str] = []
        narrative: list[str] = []
        pids = self._pids
        sids = self._sids
        for e in entries:
            pid = pids[f"{resource_type}.{e.param}"]
            match e:
                case TokenEntry():
                    if e.code is not None:
                        rows["tok"].append((pid, e.code, sids[e.system] if e.system else 0, pk, e.group))
                    if e.text:
                        rows["str"].append((pids[f"{resource_type}.{e.param}:text"], e.text, e.text, pk, e.group))
                case StringEntry():
                    rows["str"].append((pid, e.folded, e.exact, pk, e.group))
                case DateEntry():
                    rows["dt"].append((pid, e.low, e.high, pk, e.group))
                case NumberEntry():
                    rows["num"].append((pid, e.value, pk, e.group))
                case QuantityEntry():
                    rows["qty"].append((pid, e.value, sids[e.system] if e.system else 0, e.code or "", pk, e.group))
                case ReferenceEntry():
                    if e.target_id is not None:
                        rows["ref"].append((pid, e.target_id, e.target_type or "", pk, e.group))
                    if e.target_id is None or e.url.startswith(("http://", "https://")):
                        # Absolute and canonical references are also matched by URL (canonical -> url).
                        rows["uri"].append((pid, e.url, pk, e.group))
                case UriEntry():
                    rows["uri"].append((pid, e.uri, pk, e.group))
                case GeoEntry():
                    db.execute("INSERT OR REPLACE INTO geo VALUES (?,?,?)", (pk, e.lat, e.lon))
                    db.execute("INSERT OR REPLACE INTO geo_box VALUES (?,?,?,?,?)", (pk, e.lat, e.lat, e.lon, e.lon))
                case TextEntry():
                    (narrative if e.param == "_text" else content).append(e.folded)
        for table, values in rows.items():
            if values:
                marks = ",".join("?" * len(values[0]))
                db.executemany(f"INSERT OR IGNORE INTO {table} VALUES ({marks})", values)
        if content or narrative:
            fid = db.execute(
                "INSERT INTO fulltext (content, narrative) VALUES (?, ?)",
                (" ".join(content), " ".join(narrative)),
            ).lastrowid
            db.execute("INSERT INTO ftsmap VALUES (?, ?)", (fid, pk))

    # -- search ------------------------------------------------------------------------------------------

    async def search(self, query: Query) -> SearchPage:
        sql = self._compiler.page(query)
        rows = self.db.execute(sql.text, sql.args).fetchall()
        more = len(rows) > query.count
        rows = rows[: query.count]
        matches = [_stored(r) for r in rows]
        next_cursor = self._compiler.cursor_for(rows[-1], query) if more and rows else None
        total: int | None = None
        if query.total != "none":
            if query.cursor is None and not more:
                total = len(matches)
            else:
                total = await self.count(query)
        return SearchPage(matches, total, next_cursor)

    async def count(self, query: Query) -> int:
        sql = self._compiler.count(query)
        return int(self.db.execute(sql.text, sql.args).fetchone()[0])

    async def explain(self, query: Query) -> list[str]:
        sql = self._compiler.page(query)
        return [row[3] for row in self.db.execute("EXPLAIN QUERY PLAN " + sql.text, sql.args).fetchall()]
