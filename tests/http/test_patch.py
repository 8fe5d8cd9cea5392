"""PATCH through HTTP: FHIRPath Patch (with the shapes ROR clients send), JSON Patch, the bed-capacity protocol."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import httpx

from tests.http.samples import R211, healthcare_service, location, organization
from tests.http.test_crud import FHIR_JSON, create

EXAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "ror-examples"
CAPACITY = "https://interop.esante.gouv.fr/ig/fhir/ror/StructureDefinition/ror-location-supported-capacity"


def example(name: str) -> dict:
    return json.loads((EXAMPLES / name).read_text())


def operation(kind: str, path: str, **parts: object) -> dict:
    part = [{"name": "type", "valueString": kind}, {"name": "path", "valueString": path}]
    for name, value in parts.items():
        part.append({"name": name, **value} if isinstance(value, dict) else {"name": name, "valueString": value})
    return {"name": "operation", "part": part}


def parameters(*operations: dict) -> dict:
    return {"resourceType": "Parameters", "parameter": list(operations)}


async def test_fhirpath_patch_replace_and_add_by_name(client: httpx.AsyncClient) -> None:
    org = (await create(client, organization())).json()
    hcs = (await create(client, healthcare_service(f"Organization/{org['id']}"))).json()
    body = parameters(
        operation("replace", "HealthcareService.name", value={"valueString": "Cardiologie pédiatrique"}),
        operation(
            "add",
            "HealthcareService",
            name="specialty",
            value={"valueCodeableConcept": {"coding": {"system": R211, "code": "040"}}},
        ),
    )
    response = await client.patch(f"/HealthcareService/{hcs['id']}", json=body, headers=FHIR_JSON)
    assert response.status_code == 200, response.text
    patched = response.json()
    assert patched["name"] == "Cardiologie pédiatrique"
    assert patched["specialty"][-1] == {"coding": [{"system": R211, "code": "040"}]}
    assert patched["meta"]["versionId"] == "2"
    assert response.headers["etag"] == 'W/"2"'
    found = (await client.get("/HealthcareService", params={"specialty": f"{R211}|040"})).json()
    assert found["total"] == 1


async def test_delete_by_value_and_reference_as_parts(client: httpx.AsyncClient) -> None:
    org = (await create(client, organization())).json()
    loc = (await create(client, location())).json()
    hcs = (await create(client, healthcare_service(f"Organization/{org['id']}"))).json()
    body = parameters(
        operation(
            "delete",
            "HealthcareService",
            name="specialty",
            value={"valueCodeableConcept": {"coding": [{"system": R211, "code": "227"}]}},
        ),
        operation(
            "add",
            "HealthcareService",
            name="location",
            value={"part": [{"name": "reference", "valueString": f"Location/{loc['id']}"}]},
        ),
        operation(
            "add",
            "HealthcareService",
            name="specialty",
            value={"valueCodeableConcept": {"coding": [{"system": R211, "code": "013"}]}},
        ),
    )
    response = await client.patch(f"/HealthcareService/{hcs['id']}", json=body, headers=FHIR_JSON)
    assert response.status_code == 200, response.text
    patched = response.json()
    assert [c["coding"][0]["code"] for c in patched["specialty"]] == ["013"]
    assert patched["location"] == [{"reference": f"Location/{loc['id']}"}]


async def test_json_patch(client: httpx.AsyncClient) -> None:
    org = (await create(client, organization())).json()
    ops = [{"op": "replace", "path": "/name", "value": "Nouveau nom"}, {"op": "add", "path": "/alias", "value": ["NN"]}]
    response = await client.patch(
        f"/Organization/{org['id']}", content=json.dumps(ops), headers={"Content-Type": "application/json-patch+json"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["name"] == "Nouveau nom" and response.json()["alias"] == ["NN"]
    failing = [{"op": "test", "path": "/name", "value": "autre"}]
    refused = await client.patch(
        f"/Organization/{org['id']}",
        content=json.dumps(failing),
        headers={"Content-Type": "application/json-patch+json"},
    )
    assert refused.status_code == 422
    assert (await client.get(f"/Organization/{org['id']}")).json()["meta"]["versionId"] == "2"


async def test_patch_failures_change_nothing(client: httpx.AsyncClient) -> None:
    org = (await create(client, organization())).json()
    url = f"/Organization/{org['id']}"
    nowhere = await client.patch(
        url, json=parameters(operation("replace", "Organization.alias", value={"valueString": "x"})), headers=FHIR_JSON
    )
    assert nowhere.status_code == 422
    unknown_type = await client.patch(
        url, json=parameters(operation("explode", "Organization.name")), headers=FHIR_JSON
    )
    assert unknown_type.status_code == 400
    breaks_resource = await client.patch(
        url, json=parameters(operation("replace", "Organization.name", value={"valueBoolean": True})), headers=FHIR_JSON
    )
    assert breaks_resource.status_code in (400, 422)
    wrong_media = await client.patch(url, content=b"name=x", headers={"Content-Type": "text/plain"})
    assert wrong_media.status_code == 415
    missing = await client.patch("/Organization/none", json=parameters(), headers=FHIR_JSON)
    assert missing.status_code == 404
    stored = (await client.get(url)).json()
    assert stored == org


async def test_bed_capacity_protocol_replace_404_then_add_then_replace_then_delete(client: httpx.AsyncClient) -> None:
    await client.put("/Location/zone-1", json={**location("1350054680/SSR38888"), "id": "zone-1"}, headers=FHIR_JSON)
    url = "/ws-synchro-dispo-lits-fhir/Location?identifier=1350054680/SSR38888"
    replace = example("Parameters-patch-capacity-replace.json")
    first = await client.patch(url, json=replace, headers=FHIR_JSON)
    assert first.status_code == 404
    expected = example("OperationOutcome-patch-capacity-indicator-not-found.json")["issue"][0]
    issue = first.json()["issue"][0]
    assert issue["code"] == "not-found"
    assert issue["diagnostics"] == expected["diagnostics"]
    assert f"url='{CAPACITY}'" in str(issue["expression"])
    added = await client.patch(url, json=example("Parameters-patch-capacity-add.json"), headers=FHIR_JSON)
    assert added.status_code == 200, added.text
    assert len([e for e in added.json()["extension"] if e["url"] == CAPACITY]) == 1
    again = await client.patch(url, json=example("Parameters-patch-capacity-add.json"), headers=FHIR_JSON)
    assert again.status_code == 400 and again.json()["issue"][0]["code"] == "business-rule"
    replaced = await client.patch(url, json=replace, headers=FHIR_JSON)
    assert replaced.status_code == 200, replaced.text
    indicator = next(e for e in replaced.json()["extension"] if e["url"] == CAPACITY)
    nb = next(x["valueInteger"] for x in indicator["extension"] if x["url"] == "nbCapacity")
    replace_value = json.dumps(replace)
    assert str(nb) in replace_value
    free_beds = await client.get("/Location", params={"capacity-status": "02", "nb-capacity": f"eq{nb}"})
    assert free_beds.json()["total"] == 1
    deleted = await client.patch(url, json=example("Parameters-patch-capacity-delete.json"), headers=FHIR_JSON)
    assert deleted.status_code == 200, deleted.text
    assert not [e for e in deleted.json().get("extension", []) if e["url"] == CAPACITY]
    history = (await client.get("/Location/zone-1/_history")).json()
    assert history["total"] == 4


async def test_capacity_replace_changing_the_indicator_identity_is_a_business_rule(client: httpx.AsyncClient) -> None:
    await create(client, location("1350054680/SSR1"))
    url = "/Location?identifier=1350054680/SSR1"
    assert (await client.patch(url, json=example("Parameters-patch-capacity-add.json"), headers=FHIR_JSON)).is_success
    replace = copy.deepcopy(example("Parameters-patch-capacity-replace.json"))
    indicator = replace["parameter"][0]["part"][2]["part"][0]["extension"][0]
    temporality = next(x for x in indicator["extension"] if x["url"] == "temporalityCapacity")
    temporality["valueCodeableConcept"]["coding"][0]["code"] = "03"
    response = await client.patch(url, json=replace, headers=FHIR_JSON)
    assert response.status_code == 400
    issue = response.json()["issue"][0]
    assert issue["code"] == "business-rule"
    assert "temporaliteCapacite" in issue["diagnostics"]
