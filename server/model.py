"""Plain values exchanged between the core and the stores."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from server.search.index import IndexEntry


@dataclass(frozen=True, slots=True)
class StoredResource:
    """One version of a resource as the store holds it.

    ``body`` is the resource's JSON, exactly as served (``meta`` filled in);
    it is empty for a deletion marker.
    """

    type: str
    id: str
    version: int
    last_updated: str
    deleted: bool
    body: bytes
    method: str = "PUT"

    @property
    def key(self) -> str:
        return f"{self.type}/{self.id}"


@dataclass(frozen=True, slots=True)
class WriteOp:
    """One write of a commit: the new version of one resource and its index entries.

    ``expected_version`` is the version that must be current when the commit
    applies (0: the resource must not exist at all). A store applies every op of
    a commit or none, and refuses the whole commit when an expectation fails.
    """

    type: str
    id: str
    version: int
    expected_version: int
    last_updated: str
    body: bytes
    deleted: bool = False
    method: str = "PUT"
    index: tuple[IndexEntry, ...] = field(default_factory=tuple)

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        # Shipped between processes by the bulk loader: plain field values pickle far faster.
        return WriteOp, (self.type, self.id, self.version, self.expected_version, self.last_updated, self.body,
                         self.deleted, self.method, self.index)

    def stored(self) -> StoredResource:
        return StoredResource(
            self.type, self.id, self.version, self.last_updated, self.deleted, self.body, self.method
        )
