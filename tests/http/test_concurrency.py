"""Concurrent writers: If-Match compare-and-set loses no update."""

from __future__ import annotations

import asyncio

import httpx

from tests.http.samples import organization
from tests.http.test_crud import FHIR_JSON, create

WRITERS = 8
INCREMENTS = 5


async def test_concurrent_if_match_writers_lose_nothing(client: httpx.AsyncClient) -> None:
    created = (await create(client, {**organization(), "alias": ["0"]})).json()
    url = f"/Organization/{created['id']}"

    async def writer() -> int:
        conflicts = 0
        done = 0
        while done < INCREMENTS:
            current = await client.get(url)
            body = current.json()
            body["alias"] = [str(int(body["alias"][0]) + 1)]
            response = await client.put(url, json=body, headers={**FHIR_JSON, "If-Match": current.headers["etag"]})
            if response.status_code in (409, 412):
                conflicts += 1
                continue
            assert response.status_code == 200, response.text
            done += 1
        return conflicts

    await asyncio.gather(*(writer() for _ in range(WRITERS)))
    final = (await client.get(url)).json()
    assert final["alias"] == [str(WRITERS * INCREMENTS)]
    assert final["meta"]["versionId"] == str(WRITERS * INCREMENTS + 1)
    history = (await client.get(f"{url}/_history", params={"_count": 200})).json()
    assert history["total"] == WRITERS * INCREMENTS + 1
