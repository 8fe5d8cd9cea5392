"""Index entries: what a resource contributes to the search indexes.

Entries are extracted once per write (``server.search.extract``) and stored by
the store in the same atomic commit as the resource. ``group`` ties together
the entries that come from one repetition of a repeating element (one
supported-capacity indicator, one price, one equipment) so that several
criteria can be required to hold on the same repetition; 0 means "not part of
a correlated group".

Dates are ranges in epoch seconds: ``low`` inclusive, ``high`` exclusive.
Strings carry both the folded form (accent- and case-insensitive) and the
exact form.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TokenEntry:
    param: str
    system: str | None
    code: str | None
    text: str | None = None
    group: int = 0


@dataclass(frozen=True, slots=True)
class StringEntry:
    param: str
    folded: str
    exact: str
    group: int = 0


@dataclass(frozen=True, slots=True)
class DateEntry:
    param: str
    low: float
    high: float
    group: int = 0


@dataclass(frozen=True, slots=True)
class NumberEntry:
    param: str
    value: float
    group: int = 0


@dataclass(frozen=True, slots=True)
class QuantityEntry:
    param: str
    value: float
    system: str | None
    code: str | None
    unit: str | None = None
    group: int = 0


@dataclass(frozen=True, slots=True)
class ReferenceEntry:
    param: str
    target_type: str | None
    target_id: str | None
    url: str
    group: int = 0


@dataclass(frozen=True, slots=True)
class UriEntry:
    param: str
    uri: str
    group: int = 0


@dataclass(frozen=True, slots=True)
class GeoEntry:
    param: str
    lat: float
    lon: float
    group: int = 0


@dataclass(frozen=True, slots=True)
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
