"""Tables of the embedded store.

``resource`` holds the current version of every resource (``pk`` is a stable
integer key, assigned at creation, kept on update, and the default paging
order); ``history`` the earlier versions (an update moves the replaced row
there), so a bulk load writes each body once; ``versions`` shows both. Index tables are keyed by a small integer
parameter id (``pid``, per resource type and parameter, see ``param``) and,
for tokens, by an integer system id (``sys``), so that the national volume of
index rows stays compact. Each index table is a WITHOUT ROWID b-tree ordered
for lookups by value, plus one secondary index by resource for updates and for
correlated (same ``grp``) matching.
"""

from __future__ import annotations

SCHEMA_VERSION = 2

DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS param (pid INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS sys (sid INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE);

CREATE TABLE IF NOT EXISTS resource (
    pk INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    last_updated TEXT NOT NULL,
    lu REAL NOT NULL,
    deleted INTEGER NOT NULL,
    method TEXT NOT NULL,
    body BLOB NOT NULL,
    UNIQUE (type, id)
);
CREATE INDEX IF NOT EXISTS resource_type_pk ON resource (type, deleted, pk);
CREATE INDEX IF NOT EXISTS resource_type_lu ON resource (type, lu);
CREATE INDEX IF NOT EXISTS resource_lu ON resource (lu);

CREATE TABLE IF NOT EXISTS history (
    seq INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    last_updated TEXT NOT NULL,
    lu REAL NOT NULL,
    deleted INTEGER NOT NULL,
    method TEXT NOT NULL,
    body BLOB NOT NULL,
    UNIQUE (type, id, version)
);
CREATE INDEX IF NOT EXISTS history_lu ON history (lu);
CREATE INDEX IF NOT EXISTS history_type_lu ON history (type, lu);

CREATE VIEW IF NOT EXISTS versions AS
    SELECT type, id, version, last_updated, lu, deleted, method, body FROM resource
    UNION ALL
    SELECT type, id, version, last_updated, lu, deleted, method, body FROM history;

CREATE TABLE IF NOT EXISTS tok (
    pid INTEGER NOT NULL, code TEXT NOT NULL, sid INTEGER NOT NULL, pk INTEGER NOT NULL, grp INTEGER NOT NULL,
    PRIMARY KEY (pid, code, sid, pk, grp)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS tok_pk ON tok (pk, pid, grp);

CREATE TABLE IF NOT EXISTS str (
    pid INTEGER NOT NULL, folded TEXT NOT NULL, exact TEXT NOT NULL, pk INTEGER NOT NULL, grp INTEGER NOT NULL,
    PRIMARY KEY (pid, folded, exact, pk, grp)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS str_pk ON str (pk, pid, grp);

CREATE TABLE IF NOT EXISTS dt (
    pid INTEGER NOT NULL, lo REAL NOT NULL, hi REAL NOT NULL, pk INTEGER NOT NULL, grp INTEGER NOT NULL,
    PRIMARY KEY (pid, lo, hi, pk, grp)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS dt_pk ON dt (pk, pid, grp);

CREATE TABLE IF NOT EXISTS num (
    pid INTEGER NOT NULL, val REAL NOT NULL, pk INTEGER NOT NULL, grp INTEGER NOT NULL,
    PRIMARY KEY (pid, val, pk, grp)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS num_pk ON num (pk, pid, grp);

CREATE TABLE IF NOT EXISTS qty (
    pid INTEGER NOT NULL, val REAL NOT NULL, sid INTEGER NOT NULL, code TEXT NOT NULL, pk INTEGER NOT NULL,
    grp INTEGER NOT NULL,
    PRIMARY KEY (pid, val, sid, code, pk, grp)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS qty_pk ON qty (pk, pid, grp);

CREATE TABLE IF NOT EXISTS ref (
    pid INTEGER NOT NULL, tid TEXT NOT NULL, ttype TEXT NOT NULL, pk INTEGER NOT NULL, grp INTEGER NOT NULL,
    PRIMARY KEY (pid, tid, ttype, pk, grp)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS ref_pk ON ref (pk, pid, grp);

CREATE TABLE IF NOT EXISTS uri (
    pid INTEGER NOT NULL, uri TEXT NOT NULL, pk INTEGER NOT NULL, grp INTEGER NOT NULL,
    PRIMARY KEY (pid, uri, pk, grp)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS uri_pk ON uri (pk, pid, grp);

CREATE TABLE IF NOT EXISTS geo (pk INTEGER PRIMARY KEY, lat REAL NOT NULL, lon REAL NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS geo_box USING rtree (pk, lat_lo, lat_hi, lon_lo, lon_hi);

-- Contentless full text: rows are never deleted from ``fulltext`` (that would need the old text); an
-- update maps a new row to the resource and unmaps the old one, so stale rows no longer match.
CREATE VIRTUAL TABLE IF NOT EXISTS fulltext USING fts5 (content, narrative, content='', tokenize='unicode61');
CREATE TABLE IF NOT EXISTS ftsmap (fid INTEGER PRIMARY KEY, pk INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS ftsmap_pk ON ftsmap (pk);
"""

# Index tables holding one row per entry, with the columns each entry kind fills.
INDEX_TABLES = ("tok", "str", "dt", "num", "qty", "ref", "uri")
