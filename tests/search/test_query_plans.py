"""Every spec query is answered from indexes on the embedded store: no full scan in its SQLite plan."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from server.store.sqlite.store import SqliteStore
from tests.conftest import running_app
from tests.search.test_spec_cases import CASES, DATASET, _split

SEARCHES = [c for c in CASES if c["status"] == 200 and c.get("interaction") != "read"]
# Plan lines that are not a scan of stored data: constant rows, value lists, the full-text index itself, and
# the queue of a recursive hierarchy walk (named h...).
_HARMLESS = ("SCAN CONSTANT ROW", "SCAN json_each", "VIRTUAL TABLE INDEX", "SCAN ht")


@pytest.fixture(scope="module")
async def services(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[object]:
    store = SqliteStore(tmp_path_factory.mktemp("plans") / "plans.db")
    await store.open()
    try:
        async with running_app("sqlite", store) as client:
            for resource in DATASET:
                url = f"/{resource['resourceType']}/{resource['id']}"
                await client.put(url, json=resource, headers={"Content-Type": "application/fhir+json"})
            yield client._transport.app.state.services["services"]  # type: ignore[attr-defined]
    finally:
        await store.close()


@pytest.mark.parametrize("case", SEARCHES, ids=[c["name"] for c in SEARCHES])
async def test_spec_query_uses_indexes(services: object, case: dict) -> None:
    path, params = _split(case["request"])
    request = services.router.searcher.parse(path.strip("/"), params)  # type: ignore[attr-defined]
    plan = await services.store.explain(request.query)  # type: ignore[attr-defined]
    scans = [line for line in plan if line.startswith("SCAN") and not any(h in line for h in _HARMLESS)]
    assert not scans, "\n".join(plan)
