"""Every example request of the ROR spec (§4.2, §5.1-5.10) on the fixture data set, on each store.

The data set and the expected answers are data (``tests/fixtures/search``); each case states the
resources expected as matches and as includes, and sometimes totals, order and distances.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx
import pytest

from tests.conftest import STORES, make_store, running_app

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "search"
CASES = json.loads((FIXTURES / "cases.json").read_text())["cases"]
DATASET = json.loads((FIXTURES / "dataset.json").read_text())


def _split(request: str) -> tuple[str, list[tuple[str, str]]]:
    path, _, query = request.partition("?")
    params = []
    for part in query.split("&") if query else []:
        name, _, value = part.partition("=")
        params.append((unquote(name), unquote(value)))
    return "/" + path, params


def _key(entry: dict[str, Any]) -> str:
    return f"{entry['resource']['resourceType']}/{entry['resource']['id']}"


@pytest.fixture(scope="module", params=STORES)
async def loaded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[httpx.AsyncClient]:
    store = make_store(request.param, tmp_path_factory.mktemp("spec"), request)
    await store.open()
    try:
        async with running_app(request.param, store) as client:
            for resource in DATASET:
                url = f"/{resource['resourceType']}/{resource['id']}"
                response = await client.put(url, json=resource, headers={"Content-Type": "application/fhir+json"})
                assert response.status_code == 201, (url, response.text)
            yield client
    finally:
        await store.close()


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
async def test_spec_case(loaded: httpx.AsyncClient, case: dict[str, Any]) -> None:
    path, params = _split(case["request"])
    response = await loaded.get(path, params=params)
    assert response.status_code == case["status"], response.text
    body = response.json()
    if case["status"] != 200:
        assert body["resourceType"] == "OperationOutcome"
        return
    if case.get("interaction") == "read":
        assert [f"{body['resourceType']}/{body['id']}"] == case["match"]
        return
    matches = [_key(e) for e in body["entry"] if e["search"]["mode"] == "match"]
    includes = sorted(_key(e) for e in body["entry"] if e["search"]["mode"] == "include")
    assert body["total"] == case.get("total", len(case["match"]))
    if "page_size" in case:
        assert len(matches) == case["page_size"]
        assert set(matches) <= set(case["match"])
    elif case.get("ordered"):
        assert matches == case["match"]
    else:
        assert sorted(matches) == sorted(case["match"])
    if "page_size" not in case:
        assert includes == sorted(case["include"])
    if "sorted_by" in case:
        field = case["sorted_by"].lstrip("-")
        values = [
            e["resource"]["meta"]["lastUpdated"] if field == "meta.lastUpdated" else e["resource"][field]
            for e in body["entry"]
            if e["search"]["mode"] == "match"
        ]
        assert values == sorted(values, reverse=case["sorted_by"].startswith("-"))
    for key, km in case.get("distances_km", {}).items():
        entry = next(e for e in body["entry"] if _key(e) == key)
        assert entry["search"]["extension"][0]["valueDistance"]["value"] == pytest.approx(km, abs=0.05)
