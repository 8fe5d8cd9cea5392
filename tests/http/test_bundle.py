"""Transaction and batch Bundles at the base URL."""

from __future__ import annotations

import httpx

from tests.http.samples import IDNST, healthcare_service, location, organization
from tests.http.test_crud import FHIR_JSON, create


def entry(method: str, url: str, resource: dict | None = None, full_url: str | None = None, **request: str) -> dict:
    e: dict = {"request": {"method": method, "url": url, **request}}
    if resource is not None:
        e["resource"] = resource
    if full_url:
        e["fullUrl"] = full_url
    return e


async def count(client: httpx.AsyncClient, resource_type: str) -> int:
    return (await client.get(f"/{resource_type}", params={"_summary": "count"})).json()["total"]


async def test_transaction_resolves_urn_uuid_references(client: httpx.AsyncClient) -> None:
    org_urn, loc_urn = "urn:uuid:8f3a4e6c-1111-4c1e-9f00-000000000001", "urn:uuid:8f3a4e6c-1111-4c1e-9f00-000000000002"
    hcs = healthcare_service(org_urn)
    hcs["location"] = [{"reference": loc_urn}]
    bundle = {
        "resourceType": "Bundle",
        "type": "transaction",
        "entry": [
            entry("POST", "HealthcareService", hcs, "urn:uuid:8f3a4e6c-1111-4c1e-9f00-000000000003"),
            entry("POST", "Organization", organization(), org_urn),
            entry("POST", "Location", location(), loc_urn),
        ],
    }
    response = await client.post("/", json=bundle, headers=FHIR_JSON)
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["type"] == "transaction-response"
    statuses = [e["response"]["status"] for e in result["entry"]]
    assert statuses == ["201", "201", "201"]
    hcs_location = result["entry"][0]["response"]["location"]
    stored = (await client.get(hcs_location.split("/_history")[0])).json()
    org_id = result["entry"][1]["response"]["location"].split("/")[-3]
    assert stored["providedBy"]["reference"] == f"Organization/{org_id}"
    assert stored["location"][0]["reference"].startswith("Location/")
    found = (await client.get("/HealthcareService", params={"organization": f"Organization/{org_id}"})).json()
    assert found["total"] == 1


async def test_transaction_is_all_or_nothing(client: httpx.AsyncClient) -> None:
    existing = (await create(client, organization("1"))).json()
    bundle = {
        "resourceType": "Bundle",
        "type": "transaction",
        "entry": [
            entry("POST", "Organization", organization("2")),
            entry("PUT", f"Organization/{existing['id']}", {**existing, "name": "changed"}),
            entry("POST", "Organization", {**organization("3"), "name": 42}),
        ],
    }
    response = await client.post("/", json=bundle, headers=FHIR_JSON)
    assert response.status_code == 400
    assert "Bundle.entry[2]" in response.json()["issue"][0]["diagnostics"]
    assert await count(client, "Organization") == 1
    assert (await client.get(f"/Organization/{existing['id']}")).json()["name"] == existing["name"]
    stale = {
        "resourceType": "Bundle",
        "type": "transaction",
        "entry": [
            entry("POST", "Organization", organization("4")),
            entry("PUT", f"Organization/{existing['id']}", {**existing, "name": "x"}, ifMatch='W/"7"'),
        ],
    }
    refused = await client.post("/", json=stale, headers=FHIR_JSON)
    assert refused.status_code == 412
    assert await count(client, "Organization") == 1


async def test_transaction_conditional_create_and_delete(client: httpx.AsyncClient) -> None:
    existing = (await create(client, organization("1440000001"))).json()
    doomed = (await create(client, organization("9"))).json()
    org_urn = "urn:uuid:0d0e5a0a-2222-4c1e-9f00-000000000001"
    bundle = {
        "resourceType": "Bundle",
        "type": "transaction",
        "entry": [
            entry(
                "POST",
                "Organization",
                organization("1440000001"),
                org_urn,
                ifNoneExist=f"identifier={IDNST}|1440000001",
            ),
            entry("POST", "HealthcareService", healthcare_service(org_urn)),
            entry("DELETE", f"Organization/{doomed['id']}"),
        ],
    }
    response = await client.post("/", json=bundle, headers=FHIR_JSON)
    assert response.status_code == 200, response.text
    assert response.json()["entry"][0]["response"]["status"] == "200"
    hcs = (await client.get("/HealthcareService")).json()["entry"][0]["resource"]
    assert hcs["providedBy"]["reference"] == f"Organization/{existing['id']}"
    assert (await client.get(f"/Organization/{doomed['id']}")).status_code == 410


async def test_batch_runs_entries_independently(client: httpx.AsyncClient) -> None:
    bundle = {
        "resourceType": "Bundle",
        "type": "batch",
        "entry": [
            entry("POST", "Organization", organization("1")),
            entry("POST", "Organization", {**organization("2"), "bogus": True}),
            entry("GET", "Organization/missing"),
            entry("GET", "Organization?identifier=1"),
        ],
    }
    response = await client.post("/", json=bundle, headers=FHIR_JSON)
    assert response.status_code == 200
    result = response.json()
    assert result["type"] == "batch-response"
    assert [e["response"]["status"] for e in result["entry"]] == ["201", "400", "404", "200"]
    assert result["entry"][1]["response"]["outcome"]["resourceType"] == "OperationOutcome"
    assert result["entry"][3]["resource"]["total"] == 1
    assert await count(client, "Organization") == 1


async def test_bad_bundles_are_refused(client: httpx.AsyncClient) -> None:
    not_a_bundle = await client.post("/", json=organization(), headers=FHIR_JSON)
    assert not_a_bundle.status_code == 400
    collection = await client.post("/", json={"resourceType": "Bundle", "type": "collection"}, headers=FHIR_JSON)
    assert collection.status_code == 400
    no_request = await client.post(
        "/",
        json={"resourceType": "Bundle", "type": "transaction", "entry": [{"resource": organization()}]},
        headers=FHIR_JSON,
    )
    assert no_request.status_code == 400
    assert no_request.json()["issue"][0]["expression"] == ["Bundle.entry[0].request"]
