"""The legacy adapter's data access (:class:`mappings.OfferSource`) over the server's search."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import orjson

from server.core.search import Searcher
from server.search.plan import Query


class StoreOfferSource:
    """FHIR read and search (every page, no includes) for the CSD mapping, straight from the store."""

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher

    async def read(self, resource_type: str, resource_id: str) -> dict[str, Any] | None:
        found = await self.searcher.store.read(resource_type, resource_id)
        return None if found is None or found.deleted else orjson.loads(found.body)

    async def search(self, resource_type: str, params: list[tuple[str, str]]) -> AsyncIterator[dict[str, Any]]:
        where = self.searcher.parse(resource_type, params).query.where
        cursor: bytes | None = None
        while True:
            page = await self.searcher.store.search(Query(resource_type, where, (), 500, cursor, "none"))
            for match in page.matches:
                yield orjson.loads(match.body)
            cursor = page.next_cursor
            if cursor is None:
                return
