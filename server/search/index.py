"""Index entries: what a resource contributes to the search indexes.

Entries are extracted once per write (``server.search.extract``) and stored by
the store in the same atomic commit as the resource. ``group`` ties together
the entries that come from one repetition of a repeating element (one
supported-capacity indicator, one price, one equipment) so that several
criteria can be required to hold on the same repetition; 0 means "not part of
a correlated group".

Dates are ranges in epoch seconds: ``low`` inclusive, ``high`` exclusive.
Entries are slotted, unfrozen dataclasses: cheaper to build by the thousand in bulk loads.
Strings carry both the folded form (accent- and case-insensitive) and the
exact form.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import Any


def _fast_pickle(cls: Any) -> Any:
    """Pickle as (class, field values): the bulk loader ships entries between processes, and the
    default pickling of slotted dataclasses is an order of magnitude slower."""
    fields = attrgetter(*cls.__slots__)
    cls.__reduce__ = lambda self: (cls, fields(self))
    return cls


@_fast_pickle
@dataclass(slots=True, unsafe_hash=True)
class TokenEntry:
    param: str
    system: str | None
    code: str | None
    text: str | None = None
    group: int = 0


@_fast_pickle
@dataclass(slots=True, unsafe_hash=True)
class StringEntry:
    param: str
    folded: str
    exact: str
    group: int = 0


@_fast_pickle
@dataclass(slots=True, unsafe_hash=True)
class DateEntry:
    param: str
    low: float
    high: float
    group: int = 0


@_fast_pickle
@dataclass(slots=True, unsafe_hash=True)
class NumberEntry:
    param: str
    value: float
    group: int = 0


@_fast_pickle
@dataclass(slots=True, unsafe_hash=True)
class QuantityEntry:
    param: str
    value: float
    system: str | None
    code: str | None
    unit: str | None = None
    group: int = 0


@_fast_pickle
@dataclass(slots=True, unsafe_hash=True)
class ReferenceEntry:
    param: str
    target_type: str | None
    target_id: str | None
    url: str
    group: int = 0


@_fast_pickle
@dataclass(slots=True, unsafe_hash=True)
class UriEntry:
    param: str
    uri: str
    group: int = 0


@_fast_pickle
@dataclass(slots=True, unsafe_hash=True)
class GeoEntry:
    param: str
    lat: float
    lon: float
    group: int = 0


@_fast_pickle
@dataclass(slots=True, unsafe_hash=True)
class TextEntry:
    """Folded words of the resource's text (``_content``) or narrative (``_text``)."""

    param: str
    folded: str
    group: int = 0


IndexEntry = (
    TokenEntry
    | StringEntry
    | DateEntry
    | NumberEntry
    | QuantityEntry
    | ReferenceEntry
    | UriEntry
    | GeoEntry
    | TextEntry
)
