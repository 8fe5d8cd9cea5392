"""The store-neutral search plan: what to find, in which order, how many.

A plan is a value: the query parser builds it from URL parameters (or a
``_filter`` expression), each store compiles it into its own query (SQL for
the embedded store, a filter for MongoDB). Every value is already normalised
here (folded strings, date ranges in epoch seconds, resolved terminology and
commune centroids), so stores only translate, never interpret.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Prefix = Literal["eq", "ne", "gt", "lt", "ge", "le", "sa", "eb", "ap"]


@dataclass(frozen=True, slots=True)
class TokenValue:
    """``system`` None: any system; ``""``: no system. ``code`` None: any code."""

    system: str | None
    code: str | None


@dataclass(frozen=True, slots=True)
class TokenMatch:
    param: str
    values: tuple[TokenValue, ...]
    negate: bool = False


@dataclass(frozen=True, slots=True)
class TextMatch:
    """``:text`` on a token, or ``_content``/``_text``: folded prefix of any word or display."""

    param: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StringMatch:
    param: str
    values: tuple[str, ...]
    mode: Literal["prefix", "exact", "contains"] = "prefix"


@dataclass(frozen=True, slots=True)
class RangeCondition:
    """One prefixed comparison on a range-valued index (date, number, quantity).

    ``low``/``high`` is the search value's own range (implicit precision);
    ``system``/``code`` restrict quantity units when given.
    """

    prefix: Prefix
    low: float
    high: float
    system: str | None = None
    code: str | None = None


@dataclass(frozen=True, slots=True)
class DateMatch:
    param: str
    conditions: tuple[RangeCondition, ...]


@dataclass(frozen=True, slots=True)
class NumberMatch:
    param: str
    conditions: tuple[RangeCondition, ...]


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    param: str
    conditions: tuple[RangeCondition, ...]


@dataclass(frozen=True, slots=True)
class ReferenceMatch:
    """Targets as (type or None, id); ``urls`` for canonical/absolute references kept verbatim."""

    param: str
    targets: tuple[tuple[str | None, str], ...] = ()
    urls: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class UriMatch:
    param: str
    values: tuple[str, ...]
    mode: Literal["exact", "below", "above"] = "exact"


@dataclass(frozen=True, slots=True)
class Missing:
    param: str
    missing: bool


@dataclass(frozen=True, slots=True)
class Near:
    param: str
    lat: float
    lon: float
    km: float


@dataclass(frozen=True, slots=True)
class IdMatch:
    ids: tuple[str, ...]
    negate: bool = False


@dataclass(frozen=True, slots=True)
class LastUpdatedMatch:
    conditions: tuple[RangeCondition, ...]


@dataclass(frozen=True, slots=True)
class Chain:
    """``param.inner``: the reference ``param`` points at a ``target_type`` resource matching ``inner``.

    ``ancestors``: the ROR ``:above`` reading — the reference target or any of
    its ``partof`` ancestors (transitively) matches; ``descendants``: the
    target or any organisation below a matching one.
    """

    param: str
    target_type: str
    inner: Criterion
    ancestors: bool = False
    descendants: bool = False


@dataclass(frozen=True, slots=True)
class Has:
    """``_has:source_type:param:inner``: some ``source_type`` matching ``inner`` references us via ``param``."""

    source_type: str
    param: str
    inner: Criterion


@dataclass(frozen=True, slots=True)
class Correlated:
    """Criteria that must all hold on the same repetition (index group) of one repeating element."""

    family: str
    items: tuple[Criterion, ...]


@dataclass(frozen=True, slots=True)
class AllOf:
    items: tuple[Criterion, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    items: tuple[Criterion, ...]


@dataclass(frozen=True, slots=True)
class Not:
    item: Criterion


Criterion = (
    TokenMatch
    | TextMatch
    | StringMatch
    | DateMatch
    | NumberMatch
    | QuantityMatch
    | ReferenceMatch
    | UriMatch
    | Missing
    | Near
    | IdMatch
    | LastUpdatedMatch
    | Chain
    | Has
    | Correlated
    | AllOf
    | AnyOf
    | Not
)

MATCH_ALL = AllOf(())


@dataclass(frozen=True, slots=True)
class SortKey:
    """``param`` is ``_id``, ``_lastUpdated``, ``_distance`` or a string/date/number/token parameter;
    ``chain`` the reference parameter to follow first (ROR ``-organization.price-validity-start-date``)."""

    param: str
    descending: bool = False
    chain: tuple[str, str] | None = None  # (reference param, target type)
    kind: str = "string"


@dataclass(frozen=True, slots=True)
class Query:
    resource_type: str
    where: Criterion = MATCH_ALL
    sort: tuple[SortKey, ...] = ()
    count: int = 200
    cursor: bytes | None = None
    total: Literal["accurate", "estimate", "none"] = "accurate"
    near: Near | None = field(default=None)
    backward: bool = False
    """With ``cursor``: the page of rows just before the cursor (a ``previous`` link), in the usual order."""
