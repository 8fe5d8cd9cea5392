"""A search plan compiled to SQL for the embedded store.

Each criterion becomes a boolean expression on the candidate row ``r`` of
``resource``, almost always ``r.pk IN (SELECT pk FROM <index table> WHERE pid
= ? AND ...)`` so that SQLite drives the query from the index b-trees. Every
value is bound as a parameter, never spliced into the SQL text.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import orjson

from server.errors import InvalidRequest
from server.search.plan import (
    AllOf,
    AnyOf,
    Chain,
    Correlated,
    Criterion,
    DateMatch,
    Has,
    IdMatch,
    LastUpdatedMatch,
    Missing,
    Near,
    Not,
    NumberMatch,
    QuantityMatch,
    Query,
    RangeCondition,
    ReferenceMatch,
    SortKey,
    StringMatch,
    TextMatch,
    TokenMatch,
    TokenValue,
    UriMatch,
)
from server.store.sqlite.schema import INDEX_TABLES

NEVER = "0"
ALWAYS = "1"
_MAX_TEXT = "\U0010ffff"
_BIG = 1e300


@dataclass(slots=True)
class Sql:
    text: str
    args: list[object] = field(default_factory=list)


@dataclass(slots=True)
class _EntryCondition:
    """A condition on one index table row (alias ``a``): table, parameter id and the row predicate."""

    table: str
    pid: int
    where: str
    args: list[object]


class SqlCompiler:
    def __init__(self, pid: Callable[[str], int | None], sid: Callable[[str], int | None]) -> None:
        self._pid = pid
        self._sid = sid
        self._alias = 0

    # -- statements --------------------------------------------------------------------------------------

    def page(self, query: Query) -> Sql:
        where = self._base_where(query)
        keys = [self._sort_expr(k, query) for k in query.sort]
        columns = ["r.type", "r.id", "r.version", "r.last_updated", "r.deleted", "r.body", "r.method", "r.pk"]
        args: list[object] = []
        for i, (expr, expr_args) in enumerate(keys):
            columns.append(f"{expr} AS k{i}")
            args.extend(expr_args)
        args.extend(where.args)
        conditions = [where.text]
        if query.cursor is not None:
            keyset = self._keyset(query, _cursor_values(query))
            conditions.append(keyset.text)
            args.extend(keyset.args)
        # A backward page reads the rows before the cursor in reverse order; the store turns them back.
        ascending = [not k.descending for k in query.sort] + [True]
        if query.backward:
            ascending = [not a for a in ascending]
        names = [f"k{i}" for i in range(len(query.sort))] + ["r.pk"]
        order = [f"{n} {'ASC' if a else 'DESC'}" for n, a in zip(names, ascending, strict=True)]
        args.append(query.count + 1)
        text = (
            f"SELECT {', '.join(columns)} FROM resource r WHERE {' AND '.join(conditions)} "
            f"ORDER BY {', '.join(order)} LIMIT ?"
        )
        return Sql(text, args)

    def count(self, query: Query) -> Sql:
        where = self._base_where(query)
        return Sql(f"SELECT count(*) FROM resource r WHERE {where.text}", where.args)

    def cursor_for(self, row: tuple, query: Query) -> bytes:
        """The cursor at ``row``: its sort key values, then its pk."""
        return orjson.dumps([*row[8 : 8 + len(query.sort)], row[7]])

    def _base_where(self, query: Query) -> Sql:
        inner = self.criterion(query.where, query.resource_type, "r")
        return Sql(f"r.type = ? AND r.deleted = 0 AND {inner.text}", [query.resource_type, *inner.args])

    # -- keyset paging and sorting --------------------------------------------------------------------------

    def _keyset(self, query: Query, values: list) -> Sql:
        """Rows strictly after (or, backward, before) the cursor in (k0, k1, ..., pk) order."""
        *key_values, last_pk = values
        text = f"r.pk {'<' if query.backward else '>'} ?"
        args: list[object] = [last_pk]
        for i in reversed(range(len(query.sort))):
            op = "<" if query.sort[i].descending != query.backward else ">"
            text = f"(k{i} {op} ? OR (k{i} = ? AND {text}))"
            args = [key_values[i], key_values[i], *args]
        return Sql(text, args)

    def _sort_expr(self, key: SortKey, query: Query) -> tuple[str, list[object]]:
        null = (-_BIG if key.descending else _BIG) if key.kind != "string" else ("" if key.descending else _MAX_TEXT)
        if key.param == "_id":
            return "r.id", []
        if key.param == "_lastUpdated":
            return "r.lu", []
        if key.param == "_distance" and query.near is not None:
            near = query.near
            return (
                "COALESCE((SELECT distance_km(g.lat, g.lon, ?, ?) FROM geo g WHERE g.pk = r.pk), ?)",
                [near.lat, near.lon, null],
            )
        agg = "max" if key.descending else "min"
        column = {
            "string": "folded",
            "date": "lo" if not key.descending else "hi",
            "number": "val",
            "token": "code",
            "quantity": "val",
        }[key.kind]
        table = {"string": "str", "date": "dt", "number": "num", "token": "tok", "quantity": "qty"}[key.kind]
        if key.chain is None:
            pid = self._pid(f"{query.resource_type}.{key.param}") or -1
            return (
                f"COALESCE((SELECT {agg}(s.{column}) FROM {table} s WHERE s.pk = r.pk AND s.pid = ?), ?)",
                [pid, null],
            )
        ref_param, target_type = key.chain
        ref_pid = self._pid(f"{query.resource_type}.{ref_param}") or -1
        pid = self._pid(f"{target_type}.{key.param}") or -1
        return (
            f"COALESCE((SELECT {agg}(s.{column}) FROM ref x JOIN resource t ON t.type = ? AND t.id = x.tid "
            f"JOIN {table} s ON s.pk = t.pk AND s.pid = ? WHERE x.pk = r.pk AND x.pid = ?), ?)",
            [target_type, pid, ref_pid, null],
        )

    # -- criteria ----------------------------------------------------------------------------------------

    def criterion(self, c: Criterion, resource_type: str, alias: str, per_row: bool = False) -> Sql:
        """``c`` as a condition on ``alias``.

        By default each criterion is a list of matching keys (``alias.pk IN (SELECT ...)``) that SQLite can
        drive the query from. ``per_row`` instead checks it for one candidate row through the per-resource
        indexes (``EXISTS``): used for broad criteria (correlated groups, chains to them) ANDed with a direct
        criterion, so that "this activity, with a free bed" probes the places of the offers of that activity
        rather than listing every free bed of the country first. A selective chain (a distance, a postal
        code, an identifier) stays a list: the few places it finds are cheaper to start from.
        """
        match c:
            case AllOf(items=items):
                driven = per_row or any(_drives(i) for i in items)
                parts = [self.criterion(i, resource_type, alias, driven and _broad(i)) for i in items]
                return self._join(parts, "AND", ALWAYS)
            case AnyOf(items=items):
                parts = [self.criterion(i, resource_type, alias, per_row) for i in items]
                return self._join(parts, "OR", NEVER)
            case Not(item=item):
                inner = self.criterion(item, resource_type, alias, per_row)
                return Sql(f"NOT ({inner.text})", inner.args)
            case IdMatch(ids=ids, negate=negate):
                marks = ",".join("?" * len(ids))
                return Sql(f"{alias}.id {'NOT IN' if negate else 'IN'} ({marks})", list(ids))
            case LastUpdatedMatch(conditions=conditions):
                parts = [self._range(cond, f"{alias}.lu", f"{alias}.lu") for cond in conditions]
                return self._join(parts, "OR", NEVER)
            case TextMatch(param=param) if param in ("_content", "_text"):
                return self._fulltext(c, alias)
            case Missing(param=param, missing=missing):
                return self._missing(resource_type, param, missing, alias)
            case Near():
                return self._near(c, alias)
            case Chain() if per_row and not (c.ancestors or c.descendants):
                return self._chain_per_row(c, resource_type, alias)
            case Chain():
                return self._chain(c, resource_type, alias)
            case Has():
                return self._has(c, resource_type, alias)
            case Correlated(items=items):
                return self._correlated(items, resource_type, alias, per_row)
            case TokenMatch(negate=True):
                positive = self.criterion(TokenMatch(c.param, c.values), resource_type, alias, per_row)
                return Sql(f"NOT ({positive.text})", positive.args)
            case _ if per_row:
                cond = self._entry_condition(c, resource_type, "a")
                if cond is None:
                    return Sql(NEVER)
                return Sql(
                    f"EXISTS (SELECT 1 FROM {cond.table} a WHERE a.pk = {alias}.pk AND a.pid = ? AND {cond.where})",
                    [cond.pid, *cond.args],
                )
            case _:
                entry = self._entry(c, resource_type)
                return Sql(f"{alias}.pk IN ({entry.text})", entry.args)

    @staticmethod
    def _join(parts: list[Sql], op: str, empty: str) -> Sql:
        if not parts:
            return Sql(empty)
        if len(parts) == 1:
            return parts[0]
        args: list[object] = []
        for p in parts:
            args.extend(p.args)
        return Sql("(" + f" {op} ".join(p.text for p in parts) + ")", args)

    def _entry(self, c: Criterion, resource_type: str) -> Sql:
        """``SELECT pk`` of index rows satisfying a simple criterion."""
        cond = self._entry_condition(c, resource_type, "a")
        if cond is None:
            return Sql("SELECT NULL WHERE 0")
        return Sql(f"SELECT a.pk FROM {cond.table} a WHERE a.pid = ? AND {cond.where}", [cond.pid, *cond.args])

    def _entry_condition(self, c: Criterion, resource_type: str, a: str) -> _EntryCondition | None:
        param = getattr(c, "param", "")
        name = f"{resource_type}.{param}:text" if isinstance(c, TextMatch) else f"{resource_type}.{param}"
        pid = self._pid(name)
        if pid is None:
            return None
        match c:
            case TokenMatch(values=values):
                joined = self._join(self._token_groups(values, a), "OR", NEVER)
                return _EntryCondition("tok", pid, joined.text, joined.args)
            case TextMatch(values=values):
                parts = [Sql(f"{a}.folded LIKE ? ESCAPE '\\'", [f"%{_like_escape(v)}%"]) for v in values]
                joined = self._join(parts, "OR", NEVER)
                return _EntryCondition("str", pid, joined.text, joined.args)
            case StringMatch(values=values, mode=mode):
                parts = [self._string(v, mode, a) for v in values]
                joined = self._join(parts, "OR", NEVER)
                return _EntryCondition("str", pid, joined.text, joined.args)
            case DateMatch(conditions=conditions):
                joined = self._join([self._range(k, f"{a}.lo", f"{a}.hi") for k in conditions], "OR", NEVER)
                return _EntryCondition("dt", pid, joined.text, joined.args)
            case NumberMatch(conditions=conditions):
                joined = self._join([self._point(k, f"{a}.val") for k in conditions], "OR", NEVER)
                return _EntryCondition("num", pid, joined.text, joined.args)
            case QuantityMatch(conditions=conditions):
                joined = self._join([self._quantity(k, a) for k in conditions], "OR", NEVER)
                return _EntryCondition("qty", pid, joined.text, joined.args)
            case ReferenceMatch(targets=targets, urls=urls):
                if urls:
                    return _EntryCondition("uri", pid, f"{a}.uri IN {_value_list()}", [_json(urls)])
                by_type: dict[str | None, list[str]] = {}
                for target_type, target_id in targets:
                    by_type.setdefault(target_type, []).append(target_id)
                parts = [
                    Sql(f"{a}.tid IN {_value_list()} AND {a}.ttype = ?", [_json(ids), t])
                    if t else Sql(f"{a}.tid IN {_value_list()}", [_json(ids)])
                    for t, ids in by_type.items()
                ]
                joined = self._join(parts, "OR", NEVER)
                return _EntryCondition("ref", pid, joined.text, joined.args)
            case UriMatch(values=values, mode=mode):
                parts = []
                for v in values:
                    if mode == "exact":
                        parts.append(Sql(f"{a}.uri = ?", [v]))
                    elif mode == "below":
                        parts.append(Sql(f"{a}.uri >= ? AND {a}.uri < ?", [v, v + _MAX_TEXT]))
                    else:
                        parts.append(Sql(f"substr(?, 1, length({a}.uri)) = {a}.uri", [v]))
                joined = self._join(parts, "OR", NEVER)
                return _EntryCondition("uri", pid, joined.text, joined.args)
        raise TypeError(f"not a simple criterion: {c!r}")

    def _token_groups(self, values: tuple[TokenValue, ...], a: str) -> list[Sql]:
        """One condition per system, its codes as one IN list (value sets expand to hundreds of codes)."""
        by_system: dict[str | None, list[str | None]] = {}
        for v in values:
            by_system.setdefault(v.system, []).append(v.code)
        parts: list[Sql] = []
        for system, codes in by_system.items():
            conds: list[str] = []
            args: list[object] = []
            if system == "":
                conds.append(f"{a}.sid = 0")
            elif system is not None:
                sid = self._sid(system)
                if sid is None:
                    continue
                conds.append(f"{a}.sid = ?")
                args.append(sid)
            if None not in codes:
                listed = sorted(set(codes))  # type: ignore[type-var]
                if len(listed) == 1:
                    conds.append(f"{a}.code = ?")
                    args.append(listed[0])
                else:
                    conds.append(f"{a}.code IN {_value_list()}")
                    args.append(_json(listed))
            parts.append(Sql(" AND ".join(conds) or ALWAYS, args))
        return parts

    @staticmethod
    def _string(value: str, mode: str, a: str) -> Sql:
        if mode == "exact":
            from server.search.normalize import fold

            return Sql(f"{a}.folded = ? AND {a}.exact = ?", [fold(value), value])
        if mode == "contains":
            return Sql(f"{a}.folded LIKE ? ESCAPE '\\'", [f"%{_like_escape(value)}%"])
        return Sql(f"{a}.folded >= ? AND {a}.folded < ?", [value, value + _MAX_TEXT])

    @staticmethod
    def _range(k: RangeCondition, lo: str, hi: str) -> Sql:
        """Prefix semantics of FHIR dates: the stored range [lo, hi) against the searched range."""
        match k.prefix:
            case "eq":
                return Sql(f"({lo} >= ? AND {hi} <= ?)", [k.low, k.high])
            case "ne":
                return Sql(f"NOT ({lo} >= ? AND {hi} <= ?)", [k.low, k.high])
            case "gt" | "sa":
                return Sql(f"{hi} > ?" if k.prefix == "gt" else f"{lo} >= ?", [k.high])
            case "lt" | "eb":
                return Sql(f"{lo} < ?" if k.prefix == "lt" else f"{hi} <= ?", [k.low])
            case "ge":
                return Sql(f"{hi} > ?", [k.low])
            case "le":
                return Sql(f"{lo} < ?", [k.high])
            case _:  # ap: overlaps the searched range widened by its own width
                width = max(k.high - k.low, 1.0)
                return Sql(f"({lo} < ? AND {hi} > ?)", [k.high + width, k.low - width])

    @staticmethod
    def _point(k: RangeCondition, col: str) -> Sql:
        """Prefix semantics of numbers: ``low``/``high`` is the searched value's precision range."""
        match k.prefix:
            case "eq":
                return Sql(f"({col} >= ? AND {col} < ?)", [k.low, k.high])
            case "ne":
                return Sql(f"NOT ({col} >= ? AND {col} < ?)", [k.low, k.high])
            case "gt" | "sa":
                return Sql(f"{col} > ?", [(k.low + k.high) / 2])
            case "lt" | "eb":
                return Sql(f"{col} < ?", [(k.low + k.high) / 2])
            case "ge":
                return Sql(f"{col} >= ?", [(k.low + k.high) / 2])
            case "le":
                return Sql(f"{col} <= ?", [(k.low + k.high) / 2])
            case _:  # ap: within 10 % of the value
                mid = (k.low + k.high) / 2
                spread = abs(mid) * 0.1
                return Sql(f"({col} >= ? AND {col} <= ?)", [mid - spread, mid + spread])

    def _quantity(self, k: RangeCondition, a: str) -> Sql:
        value = self._point(k, f"{a}.val")
        if k.code is None:
            return value
        if k.system:
            sid = self._sid(k.system)
            if sid is None:
                return Sql(NEVER)
            return Sql(f"({value.text} AND {a}.sid = ? AND {a}.code = ?)", [*value.args, sid, k.code])
        return Sql(f"({value.text} AND {a}.code = ?)", [*value.args, k.code])

    def _fulltext(self, c: TextMatch, alias: str) -> Sql:
        column = "narrative" if c.param == "_text" else "content"
        terms = []
        for value in c.values:
            words = [w for w in "".join(ch if ch.isalnum() else " " for ch in value).split() if w]
            if words:
                terms.append(" AND ".join(f'{column} : "{w}"*' for w in words))
        if not terms:
            return Sql(NEVER)
        expr = " OR ".join(f"({t})" for t in terms)
        return Sql(
            f"{alias}.pk IN (SELECT m.pk FROM fulltext f JOIN ftsmap m ON m.fid = f.rowid WHERE fulltext MATCH ?)",
            [expr],
        )

    def _missing(self, resource_type: str, param: str, missing: bool, alias: str) -> Sql:
        pid = self._pid(f"{resource_type}.{param}")
        if pid is None:
            return Sql(ALWAYS if missing else NEVER)
        union = " UNION ALL ".join(f"SELECT pk FROM {t} WHERE pid = ?" for t in INDEX_TABLES)
        return Sql(f"{alias}.pk {'NOT IN' if missing else 'IN'} ({union})", [pid] * len(INDEX_TABLES))

    @staticmethod
    def _near(n: Near, alias: str) -> Sql:
        dlat = n.km / 111.2
        dlon = n.km / max(0.01, 111.2 * math.cos(math.radians(n.lat)))
        return Sql(
            f"{alias}.pk IN (SELECT g.pk FROM geo_box b JOIN geo g ON g.pk = b.pk "
            "WHERE b.lat_lo >= ? AND b.lat_hi <= ? AND b.lon_lo >= ? AND b.lon_hi <= ? "
            "AND distance_km(g.lat, g.lon, ?, ?) <= ?)",
            [n.lat - dlat, n.lat + dlat, n.lon - dlon, n.lon + dlon, n.lat, n.lon, n.km],
        )

    def _targets(self, c: Chain) -> Sql:
        """Ids of ``c.target_type`` resources matching the chain's inner criterion (with the hierarchy)."""
        t = self._next_alias()
        inner = self.criterion(c.inner, c.target_type, t)
        base = Sql(
            f"SELECT {t}.id FROM resource {t} WHERE {t}.type = ? AND {t}.deleted = 0 AND {inner.text}",
            [c.target_type, *inner.args],
        )
        if not (c.ancestors or c.descendants):
            return base
        partof = self._pid(f"{c.target_type}.partof")
        if partof is None:
            return base
        h = "h" + self._next_alias()
        # CROSS JOIN keeps the queue as the outer loop: each step is one index probe per queued id.
        return Sql(
            f"WITH RECURSIVE {h}(id) AS ({base.text} UNION SELECT ch.id FROM {h} "
            f"CROSS JOIN ref p ON p.pid = ? AND p.tid = {h}.id AND p.ttype = ? "
            f"JOIN resource ch ON ch.pk = p.pk AND ch.deleted = 0) SELECT id FROM {h}",
            [*base.args, partof, c.target_type],
        )

    def _chain(self, c: Chain, resource_type: str, alias: str) -> Sql:
        pid = self._pid(f"{resource_type}.{c.param}")
        if pid is None:
            return Sql(NEVER)
        targets = self._targets(c)
        return Sql(
            f"{alias}.pk IN (SELECT x.pk FROM ref x WHERE x.pid = ? AND x.tid IN ({targets.text}) AND x.ttype = ?)",
            [pid, *targets.args, c.target_type],
        )

    def _has(self, c: Has, resource_type: str, alias: str) -> Sql:
        """Sources matching ``c.inner`` point at us by literal reference, or by canonical to our ``url``."""
        pid = self._pid(f"{c.source_type}.{c.param}")
        if pid is None:
            return Sql(NEVER)
        s = self._next_alias()
        inner = self.criterion(c.inner, c.source_type, s)
        sources = f"FROM resource {s} JOIN {{table}} x ON x.pk = {s}.pk AND x.pid = ? {{extra}}" \
                  f"WHERE {s}.type = ? AND {s}.deleted = 0 AND {inner.text}"
        by_id = Sql(
            f"{alias}.id IN (SELECT x.tid {sources.format(table='ref', extra='AND x.ttype = ? ')})",
            [pid, resource_type, c.source_type, *inner.args],
        )
        url_pid = self._pid(f"{resource_type}.url")
        if url_pid is None:
            return by_id
        by_canonical = Sql(
            f"{alias}.pk IN (SELECT u.pk FROM uri u WHERE u.pid = ? AND u.uri IN "
            f"(SELECT x.uri {sources.format(table='uri', extra='')}))",
            [url_pid, pid, c.source_type, *inner.args],
        )
        return Sql(f"({by_id.text} OR {by_canonical.text})", [*by_id.args, *by_canonical.args])

    def _correlated(self, items: tuple[Criterion, ...], resource_type: str, alias: str, per_row: bool) -> Sql:
        """All items hold on index rows of one resource that share one ``grp`` (one repetition).

        Equality criteria come first and the join order is kept (CROSS JOIN): a range such as
        ``nb-capacity=gt0`` matches most indicators and must not drive the join.
        """
        ordered = sorted(items, key=lambda i: not isinstance(i, TokenMatch | ReferenceMatch | StringMatch))
        conditions = []
        for i, item in enumerate(ordered):
            cond = self._entry_condition(item, resource_type, f"c{i}")
            if cond is None:
                return Sql(NEVER)
            conditions.append(cond)
        first, *rest = conditions
        joins = []
        args: list[object] = []
        for i, cond in enumerate(rest, start=1):
            joins.append(
                f"CROSS JOIN {cond.table} c{i} ON c{i}.pk = c0.pk AND c{i}.pid = ? AND c{i}.grp = c0.grp "
                f"AND {cond.where}"
            )
            args.extend([cond.pid, *cond.args])
        tables = f"{first.table} c0 {' '.join(joins)}"
        if per_row:
            return Sql(f"EXISTS (SELECT 1 FROM {tables} WHERE c0.pk = {alias}.pk AND c0.pid = ? AND {first.where})",
                       [*args, first.pid, *first.args])
        text = f"SELECT c0.pk FROM {tables} WHERE c0.pid = ? AND {first.where}"
        return Sql(f"{alias}.pk IN ({text})", [*args, first.pid, *first.args])

    def _chain_per_row(self, c: Chain, resource_type: str, alias: str) -> Sql:
        """The candidate row's ``c.param`` targets, checked one by one (see :meth:`criterion`)."""
        pid = self._pid(f"{resource_type}.{c.param}")
        if pid is None:
            return Sql(NEVER)
        t = self._next_alias()
        inner = self.criterion(c.inner, c.target_type, t, per_row=True)
        return Sql(
            f"EXISTS (SELECT 1 FROM ref x CROSS JOIN resource {t} ON {t}.type = ? AND {t}.id = x.tid "
            f"AND {t}.deleted = 0 WHERE x.pk = {alias}.pk AND x.pid = ? AND x.ttype = ? AND {inner.text})",
            [c.target_type, pid, c.target_type, *inner.args],
        )

    def _next_alias(self) -> str:
        self._alias += 1
        return f"t{self._alias}"


def _drives(c: Criterion) -> bool:
    """Whether a criterion is a direct, usually selective index lookup that can drive a query."""
    match c:
        case TokenMatch(negate=False) | ReferenceMatch() | IdMatch(negate=False) | Near() | TextMatch():
            return True
        case StringMatch(mode=mode):
            return mode != "contains"
    return False


def _broad(c: Criterion) -> bool:
    """Whether a criterion is likely to match a large share of its type: only correlated groups and ranges,
    possibly behind a chain (``location.capacity-status=..&location.nb-capacity=gt0``)."""
    match c:
        case Correlated() | NumberMatch() | DateMatch() | QuantityMatch():
            return True
        case Chain(inner=inner):
            return _broad(inner)
        case AllOf(items=items):
            return bool(items) and all(_broad(i) for i in items)
    return False


def _value_list() -> str:
    """A list of values bound as one JSON parameter: no limit on its length, still an indexed IN."""
    return "(SELECT value FROM json_each(?))"


def _json(values: object) -> str:
    return orjson.dumps(values).decode()


def _cursor_values(query: Query) -> list:
    """The key values a cursor holds; a cursor this store did not issue for this sort is a client error."""
    try:
        values = orjson.loads(query.cursor or b"")
    except orjson.JSONDecodeError:
        values = None
    if not isinstance(values, list) or len(values) != len(query.sort) + 1:
        raise InvalidRequest(
            "_cursor: not a cursor this server issued for this search", code="value", expression="_cursor"
        )
    return values


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
