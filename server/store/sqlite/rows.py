"""Index entries turned into the rows of the embedded store's index tables, for a whole commit."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

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
from server.store.sqlite.schema import INDEX_TABLES


class IndexRows:
    """Rows collected for every resource of a commit, then written with one ``executemany`` per table."""

    def __init__(self) -> None:
        self.rows: dict[str, list[tuple]] = {t: [] for t in INDEX_TABLES}
        self.geo: list[tuple[int, float, float]] = []
        self.fulltext: list[tuple[int, str, str]] = []
        self.ftsmap: list[tuple[int, int]] = []

    def add(self, pids: dict[str, int], sids: dict[str, int], resource_type: str, pk: int,
            entries: Iterable[IndexEntry], next_fid: int) -> int:
        """Collect the rows of one resource; returns the next free full-text row id."""
        rows = self.rows
        content: list[str] = []
        narrative: list[str] = []
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
                    self.geo.append((pk, e.lat, e.lon))
                case TextEntry():
                    (narrative if e.param == "_text" else content).append(e.folded)
        if content or narrative:
            self.fulltext.append((next_fid, " ".join(content), " ".join(narrative)))
            self.ftsmap.append((next_fid, pk))
            next_fid += 1
        return next_fid

    def write(self, db: sqlite3.Connection) -> None:
        for table, values in self.rows.items():
            if values:
                marks = ",".join("?" * len(values[0]))
                db.executemany(f"INSERT OR IGNORE INTO {table} VALUES ({marks})", values)
        if self.geo:
            db.executemany("INSERT OR REPLACE INTO geo VALUES (?,?,?)", self.geo)
            db.executemany("INSERT OR REPLACE INTO geo_box VALUES (?,?,?,?,?)",
                           [(pk, lat, lat, lon, lon) for pk, lat, lon in self.geo])
        if self.fulltext:
            db.executemany("INSERT INTO fulltext (rowid, content, narrative) VALUES (?,?,?)", self.fulltext)
            db.executemany("INSERT INTO ftsmap VALUES (?,?)", self.ftsmap)
