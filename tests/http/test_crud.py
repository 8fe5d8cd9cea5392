"""Read, vread, create, update, delete and their headers and failures, through HTTP."""

from __future__ import annotations

from email.utils import parsedate_to_datetime

import httpx

from tests.http.samples import organization

FHIR_JSON = {"Content-Type": "application/fhir+json"}


async def create(client: httpx.AsyncClient, resource: dict, **headers: str) -> httpx.Response:
    response = await client.post(f"/{resource['resourceType']}", json=resource, headers={**FHIR_JSON, **headers})
    assert response.status_code in (200, 201), response.text
    return response


async def test_create_returns_201_with_location_etag_and_last_modified(client: httpx.AsyncClient) -> None:
    response = await client.post("/Organization", json=organization(), headers=FHIR_JSON)
    assert response.status_code == 201
    body = response.json()
    assert body["meta"]["versionId"] == "1"
    assert response.headers["location"] == f"http://test/Organization/{body['id']}/_history/1"
    assert response.headers["etag"] == 'W/"1"'
    assert parsedate_to_datetime(response.headers["last-modified"]).year >= 2026
    assert response.headers["content-type"].startswith("application/fhir+json")


async def test_read_serves_the_stored_resource_with_version_headers(client: httpx.AsyncClient) -> None:
    created = (await create(client, organization())).json()
    response = await client.get(f"/Organization/{created['id']}")
    assert response.status_code == 200
    assert response.json() == created
    assert response.headers["etag"] == 'W/"1"'
    again = await client.get(f"/Organization/{created['id']}", headers={"If-None-Match": 'W/"1"'})
    assert again.status_code == 304


async def test_read_unknown_is_404_outcome(client: httpx.AsyncClient) -> None:
    response = await client.get("/Organization/nope")
    assert response.status_code == 404
    outcome = response.json()
    assert outcome["resourceType"] == "OperationOutcome"
    assert outcome["issue"][0]["code"] == "not-found"


async def test_unknown_resource_type_is_404(client: httpx.AsyncClient) -> None:
    response = await client.get("/Patient/1")
    assert response.status_code == 404
    assert response.json()["issue"][0]["code"] == "not-supported"


async def test_update_bumps_version_and_vread_keeps_old_versions(client: httpx.AsyncClient) -> None:
    created = (await create(client, organization())).json()
    changed = {**created, "name": "CHU de Nantes - Hôtel-Dieu"}
    response = await client.put(f"/Organization/{created['id']}", json=changed, headers=FHIR_JSON)
    assert response.status_code == 200
    assert response.json()["meta"]["versionId"] == "2"
    assert response.headers["etag"] == 'W/"2"'
    v1 = await client.get(f"/Organization/{created['id']}/_history/1")
    assert v1.status_code == 200 and v1.json()["name"] == "CHU de Nantes"
    v2 = await client.get(f"/Organization/{created['id']}/_history/2")
    assert v2.json()["name"] == "CHU de Nantes - Hôtel-Dieu"
    missing = await client.get(f"/Organization/{created['id']}/_history/9")
    assert missing.status_code == 404


async def test_update_as_create_with_client_id(client: httpx.AsyncClient) -> None:
    response = await client.put("/Organization/eg-1", json={**organization(), "id": "eg-1"}, headers=FHIR_JSON)
    assert response.status_code == 201
    assert response.headers["location"].endswith("/Organization/eg-1/_history/1")
    assert (await client.get("/Organization/eg-1")).status_code == 200


async def test_update_refuses_mismatched_id_and_type(client: httpx.AsyncClient) -> None:
    response = await client.put("/Organization/a", json={**organization(), "id": "b"}, headers=FHIR_JSON)
    assert response.status_code == 400
    assert response.json()["issue"][0]["expression"] == ["Organization.id"]
    wrong_type = await client.put("/Location/a", json={**organization(), "id": "a"}, headers=FHIR_JSON)
    assert wrong_type.status_code == 400
    assert (await client.get("/Location/a")).status_code == 404


async def test_if_match_optimistic_locking(client: httpx.AsyncClient) -> None:
    created = (await create(client, organization())).json()
    url = f"/Organization/{created['id']}"
    ok = await client.put(url, json={**created, "name": "A"}, headers={**FHIR_JSON, "If-Match": 'W/"1"'})
    assert ok.status_code == 200
    stale = await client.put(url, json={**created, "name": "B"}, headers={**FHIR_JSON, "If-Match": 'W/"1"'})
    assert stale.status_code == 412
    assert stale.json()["issue"][0]["code"] == "conflict"
    assert (await client.get(url)).json()["name"] == "A"
    bad = await client.put(url, json={**created, "name": "C"}, headers={**FHIR_JSON, "If-Match": "yesterday"})
    assert bad.status_code == 400


async def test_delete_is_logical_then_410_and_history_keeps_it(client: httpx.AsyncClient) -> None:
    created = (await create(client, organization())).json()
    url = f"/Organization/{created['id']}"
    response = await client.delete(url)
    assert response.status_code == 204
    gone = await client.get(url)
    assert gone.status_code == 410
    assert gone.json()["issue"][0]["code"] == "deleted"
    assert (await client.delete(url)).status_code == 204
    assert (await client.get(f"{url}/_history/1")).status_code == 200
    assert (await client.get(f"{url}/_history/2")).status_code == 410
    history = (await client.get(f"{url}/_history")).json()
    assert [e["request"]["method"] for e in history["entry"]] == ["DELETE", "POST"]
    assert (await client.delete("/Organization/never")).status_code == 404
    recreated = await client.put(url, json={**created}, headers=FHIR_JSON)
    assert recreated.status_code == 201
    assert recreated.json()["meta"]["versionId"] == "3"


async def test_history_type_and_system_with_since_and_count(client: httpx.AsyncClient) -> None:
    first = (await create(client, organization("1"))).json()
    await create(client, organization("2"))
    await client.put(f"/Organization/{first['id']}", json={**first, "name": "X"}, headers=FHIR_JSON)
    type_history = (await client.get("/Organization/_history")).json()
    assert type_history["type"] == "history"
    assert type_history["total"] == 3
    page = (await client.get("/Organization/_history", params={"_count": 2})).json()
    assert len(page["entry"]) == 2
    next_url = next(link["url"] for link in page["link"] if link["relation"] == "next")
    rest = (await client.get(next_url)).json()
    assert len(rest["entry"]) == 1
    ids = [e["fullUrl"] for e in page["entry"] + rest["entry"]]
    assert len(ids) == 3
    since = first["meta"]["lastUpdated"]
    recent = (await client.get("/_history", params={"_since": since})).json()
    assert recent["total"] == 3
    future = (await client.get("/_history", params={"_since": "2999-01-01"})).json()
    assert future["total"] == 0 and future["entry"] == []
    bad = await client.get("/_history", params={"_since": "yesterday"})
    assert bad.status_code == 400


async def test_invalid_resource_is_refused_with_expression_and_nothing_stored(
    client: httpx.AsyncClient,
) -> None:
    bad = {**organization(), "name": ["not", "a", "string"]}
    response = await client.post("/Organization", json=bad, headers=FHIR_JSON)
    assert response.status_code == 400
    issue = response.json()["issue"][0]
    assert issue["expression"] == ["Organization.name"]
    assert "name" in issue["diagnostics"]
    unknown = await client.post("/Organization", json={**organization(), "colour": "blue"}, headers=FHIR_JSON)
    assert unknown.status_code == 400
    assert unknown.json()["issue"][0]["expression"] == ["Organization.colour"]
    assert (await client.get("/Organization")).json()["total"] == 0


async def test_media_types_and_malformed_bodies(client: httpx.AsyncClient) -> None:
    xml = await client.post("/Organization", content=b"<Organization/>", headers={"Content-Type": "application/xml"})
    assert xml.status_code == 415
    broken = await client.post("/Organization", content=b"{not json", headers=FHIR_JSON)
    assert broken.status_code == 400
    assert broken.json()["issue"][0]["code"] == "structure"
    empty = await client.post("/Organization", content=b"", headers=FHIR_JSON)
    assert empty.status_code == 400
    array = await client.post("/Organization", json=[1, 2], headers=FHIR_JSON)
    assert array.status_code == 400
    plain_json = await client.post("/Organization", json=organization(), headers={"Content-Type": "application/json"})
    assert plain_json.status_code == 201
    wants_xml = await client.get("/metadata", params={"_format": "xml"})
    assert wants_xml.status_code == 406
    json_format = await client.get("/metadata", params={"_format": "json"})
    assert json_format.status_code == 200


async def test_method_not_allowed_and_unknown_routes(client: httpx.AsyncClient) -> None:
    assert (await client.post("/Organization/123", json=organization(), headers=FHIR_JSON)).status_code == 405
    assert (await client.get("/Organization/1/foo")).status_code == 404
    assert (await client.delete("/")).status_code == 405


async def test_pretty_and_prefer_return(client: httpx.AsyncClient) -> None:
    created = await client.post("/Organization", json=organization(), headers={**FHIR_JSON, "Prefer": "return=minimal"})
    assert created.status_code == 201 and created.content == b""
    location = created.headers["location"].split("/_history")[0]
    pretty = await client.get(location, params={"_pretty": "true"})
    assert b"\n  " in pretty.content


async def test_national_base_paths_serve_the_same_api(client: httpx.AsyncClient) -> None:
    created = await client.post("/ws-diffusion-fhir/Organization", json=organization(), headers=FHIR_JSON)
    assert created.status_code == 201
    assert created.headers["location"].startswith("http://test/ws-diffusion-fhir/Organization/")
    rid = created.json()["id"]
    assert (await client.get(f"/ws-synchro-dispo-lits-fhir/Organization/{rid}")).status_code == 200
    bundle = (await client.get("/ws-diffusion-fhir/Organization")).json()
    assert bundle["entry"][0]["fullUrl"] == f"http://test/ws-diffusion-fhir/Organization/{rid}"


async def test_metadata_is_generated_from_the_server(client: httpx.AsyncClient) -> None:
    response = await client.get("/metadata")
    assert response.status_code == 200
    cs = response.json()
    assert cs["resourceType"] == "CapabilityStatement" and cs["fhirVersion"] == "4.0.1"
    types = {r["type"]: r for r in cs["rest"][0]["resource"]}
    assert {
        "Organization",
        "Location",
        "HealthcareService",
        "PractitionerRole",
        "Practitioner",
        "Task",
        "Questionnaire",
        "Measure",
        "MeasureReport",
    } <= set(types)
    location_params = {p["name"] for p in types["Location"]["searchParam"]}
    assert {"capacity-status", "near", "near-insee-code", "commune-cog", "identifier"} <= location_params
    assert "HealthcareService:organization" in types["HealthcareService"]["searchInclude"]
    assert {"code": "transaction"} in cs["rest"][0]["interaction"]


async def test_health_endpoints(client: httpx.AsyncClient) -> None:
    assert (await client.get("/health")).json() == {"status": "ok"}
    ready = await client.get("/health/ready")
    assert ready.status_code == 200 and ready.json()["status"] == "ready"
