"""The storage contract every store implements (embedded SQLite, MongoDB).

The core sees only this protocol. A store keeps the current version and the
full history of every resource, applies a commit (several resource versions
with their index entries) atomically with a compare-and-set on each version,
and answers store-neutral search plans.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from server.model import StoredResource, WriteOp
from server.search.plan import Query


class CommitConflict(Exception):
    """A commit found a resource at another version than the one it expected; nothing was written."""

    def __init__(self, key: str, expected: int, actual: int) -> None:
        super().__init__(f"{key}: expected version {expected}, found {actual}")
        self.key = key
        self.expected = expected
        self.actual = actual


@dataclass(frozen=True, slots=True)
class SearchPage:
    """One page of matches; the cursors are opaque to everyone but the store that made them.

    ``next_cursor`` continues after the page, ``previous_cursor`` (used with ``Query.backward``) before it.
    """

    matches: list[StoredResource]
    total: int | None
    next_cursor: bytes | None
    previous_cursor: bytes | None = None


@dataclass(frozen=True, slots=True)
class HistoryPage:
    entries: list[StoredResource]
    total: int
    next_cursor: bytes | None


class Store(Protocol):
    """What the core needs from a database."""

    name: str

    async def open(self) -> None: ...

    async def close(self) -> None: ...

    async def ping(self) -> None:
        """Raise if the database cannot be reached."""

    async def read(self, resource_type: str, resource_id: str) -> StoredResource | None:
        """The current version, a deletion marker included; None if never written."""

    async def read_many(self, keys: Sequence[tuple[str, str]]) -> list[StoredResource]:
        """Current, non-deleted versions of the given (type, id) pairs that exist, in any order."""

    async def vread(self, resource_type: str, resource_id: str, version: int) -> StoredResource | None: ...

    async def history(
        self,
        resource_type: str | None,
        resource_id: str | None,
        since: float | None,
        count: int,
        cursor: bytes | None,
    ) -> HistoryPage:
        """Versions newest first, across the system, a type or one resource."""

    async def commit(self, ops: Sequence[WriteOp]) -> None:
        """Apply all ops or none; raise :class:`CommitConflict` when a version expectation fails."""

    async def search(self, query: Query) -> SearchPage: ...

    async def count(self, query: Query) -> int: ...

    async def explain(self, query: Query) -> list[str]:
        """The database's own plan for the query, one line per step (for index-use checks)."""
