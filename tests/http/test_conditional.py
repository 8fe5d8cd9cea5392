"""Conditional create, update, patch and delete through HTTP."""

from __future__ import annotations

import httpx

from tests.http.samples import IDNST, location, organization
from tests.http.test_crud import FHIR_JSON, create


async def test_if_none_exist_creates_once(client: httpx.AsyncClient) -> None:
    headers = {**FHIR_JSON, "If-None-Exist": f"identifier={IDNST}|1440000001"}
    first = await client.post("/Organization", json=organization(), headers=headers)
    assert first.status_code == 201
    second = await client.post("/Organization", json=organization(), headers=headers)
    assert second.status_code == 200
    assert second.json()["id"] == first.json()["id"]
    assert (await client.get("/Organization")).json()["total"] == 1
    await create(client, organization("1440000001", name="Duplicate"))
    third = await client.post("/Organization", json=organization(), headers=headers)
    assert third.status_code == 412
    assert third.json()["issue"][0]["code"] == "multiple-matches"


async def test_conditional_update_by_identifier(client: httpx.AsyncClient) -> None:
    url = f"/Organization?identifier={IDNST}|1440000001"
    none = await client.put(url, json=organization(name="X"), headers=FHIR_JSON)
    assert none.status_code == 404
    created = (await create(client, organization())).json()
    one = await client.put(url, json=organization(name="Renamed"), headers=FHIR_JSON)
    assert one.status_code == 200
    assert one.json()["id"] == created["id"] and one.json()["meta"]["versionId"] == "2"
    await create(client, organization("1440000001", name="Twin"))
    many = await client.put(url, json=organization(name="Y"), headers=FHIR_JSON)
    assert many.status_code == 412
    assert many.json()["issue"][0]["code"] == "multiple-matches"
    no_criteria = await client.put("/Organization", json=organization(), headers=FHIR_JSON)
    assert no_criteria.status_code == 400


async def test_conditional_patch_location_by_identifier_uses_the_national_messages(
    client: httpx.AsyncClient,
) -> None:
    patch = {
        "resourceType": "Parameters",
        "parameter": [
            {
                "name": "operation",
                "part": [
                    {"name": "type", "valueString": "replace"},
                    {"name": "path", "valueString": "Location.name"},
                    {"name": "value", "valueString": "Zone B"},
                ],
            }
        ],
    }
    missing = await client.patch("/Location?identifier=1350054680/SSR38888", json=patch, headers=FHIR_JSON)
    assert missing.status_code == 404
    issue = missing.json()["issue"][0]
    assert issue["code"] == "not-found" and issue["expression"] == ["Location"]
    assert "'1350054680/SSR38888' n'a pas été trouvée" in issue["diagnostics"]
    await create(client, location("1350054680/SSR38888"))
    ok = await client.patch(
        "/ws-synchro-dispo-lits-fhir/Location?identifier=1350054680/SSR38888", json=patch, headers=FHIR_JSON
    )
    assert ok.status_code == 200, ok.text
    assert ok.json()["name"] == "Zone B"
    await create(client, location("1350054680/SSR38888", "twin"))
    many = await client.patch("/Location?identifier=1350054680/SSR38888", json=patch, headers=FHIR_JSON)
    assert many.status_code == 412
    assert many.json()["issue"][0]["diagnostics"] == "La Location recherchée n'est pas unique, il y a '2' résultats"


async def test_conditional_delete(client: httpx.AsyncClient) -> None:
    created = (await create(client, organization())).json()
    response = await client.delete(f"/Organization?identifier={IDNST}|1440000001")
    assert response.status_code == 204
    assert (await client.get(f"/Organization/{created['id']}")).status_code == 410
