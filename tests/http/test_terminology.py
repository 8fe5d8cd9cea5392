"""The NOS terminology through HTTP: operations, CodeSystem/ValueSet endpoints, write checks, code search modifiers."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import httpx
import pytest

from server.cli import main
from tests.http.samples import NOS, R211, healthcare_service, organization
from tests.http.test_crud import FHIR_JSON, create

J17 = f"{NOS}/JDV_J17-ActiviteOperationnelle-ROR/FHIR/JDV-J17-ActiviteOperationnelle-ROR"
R213 = f"{NOS}/TRE_R213-ModePriseEnCharge/FHIR/TRE-R213-ModePriseEnCharge"
J19 = f"{NOS}/JDV_J19-ModePriseEnCharge-ROR/FHIR/JDV-J19-ModePriseEnCharge-ROR"


def parameter(parameters: dict, name: str) -> object:
    for p in parameters["parameter"]:
        if p["name"] == name:
            return next(v for k, v in p.items() if k.startswith("value"))
    raise KeyError(name)


async def test_lookup_known_and_unknown_codes(client: httpx.AsyncClient) -> None:
    found = await client.get("/CodeSystem/$lookup", params={"system": R211, "code": "227"})
    assert found.status_code == 200
    assert parameter(found.json(), "display")
    unknown = await client.get("/CodeSystem/$lookup", params={"system": R211, "code": "99999"})
    assert unknown.status_code in (400, 404)
    assert unknown.json()["resourceType"] == "OperationOutcome"
    post = await client.post("/CodeSystem/$lookup", json={"resourceType": "Parameters", "parameter": [
        {"name": "system", "valueUri": R211}, {"name": "code", "valueCode": "227"}]}, headers=FHIR_JSON)
    assert post.status_code == 200 and parameter(post.json(), "display") == parameter(found.json(), "display")


async def test_validate_code_against_value_sets(client: httpx.AsyncClient) -> None:
    ok = await client.get("/ValueSet/$validate-code", params={"url": J19, "system": R213, "code": "28"})
    assert parameter(ok.json(), "result") is True
    outside = await client.get("/ValueSet/$validate-code", params={"url": J19, "system": R213, "code": "22"})
    assert parameter(outside.json(), "result") is False
    wrong_system = await client.get("/ValueSet/$validate-code", params={"url": J19, "system": R211, "code": "28"})
    assert parameter(wrong_system.json(), "result") is False
    inactive = await client.get("/CodeSystem/$validate-code", params={"url": R211, "code": "002"})
    assert inactive.status_code == 200
    assert "002" in str(inactive.json())


async def test_expand_pages_and_filters(client: httpx.AsyncClient) -> None:
    page = (await client.get("/ValueSet/$expand", params={"url": J17, "count": "10", "offset": "5"})).json()
    expansion = page["expansion"]
    assert expansion["total"] > 100 and expansion["offset"] == 5 and len(expansion["contains"]) == 10
    filtered = (await client.get("/ValueSet/$expand", params={"url": J17, "filter": "cardiologie"})).json()
    assert 0 < filtered["expansion"]["total"] < expansion["total"]
    assert all("ardio" in c["display"] for c in filtered["expansion"]["contains"])


async def test_code_system_and_value_set_endpoints(client: httpx.AsyncClient) -> None:
    bundle = (await client.get("/ValueSet", params={"url": J17})).json()
    assert bundle["total"] == 1
    vs_id = bundle["entry"][0]["resource"]["id"]
    assert (await client.get(f"/ValueSet/{vs_id}")).json()["url"] == J17
    by_name = (await client.get("/CodeSystem", params={"name": "TRE_R211"})).json()
    assert by_name["total"] >= 1
    instance = await client.get(f"/ValueSet/{vs_id}/$expand", params={"count": "1"})
    assert instance.status_code == 200 and len(instance.json()["expansion"]["contains"]) == 1
    assert (await client.delete(f"/ValueSet/{vs_id}")).status_code == 405
    assert "CodeSystem" in {r["type"] for r in (await client.get("/metadata")).json()["rest"][0]["resource"]}


async def test_writes_with_codes_outside_the_bound_value_set_are_refused(client: httpx.AsyncClient) -> None:
    org = (await create(client, organization())).json()
    hcs = healthcare_service(f"Organization/{org['id']}")
    hcs["characteristic"] = [{"coding": [{"system": R213, "code": "22"}]}]
    refused = await client.post("/HealthcareService", json=hcs, headers=FHIR_JSON)
    assert refused.status_code == 400
    issue = refused.json()["issue"][0]
    assert issue["code"] == "code-invalid"
    assert issue["expression"] == ["HealthcareService.characteristic[0].coding[0]"]
    assert "'22'" in issue["diagnostics"] and "JDV_J19" in issue["diagnostics"]
    unknown = healthcare_service(f"Organization/{org['id']}", activity="99999")
    assert (await client.post("/HealthcareService", json=unknown, headers=FHIR_JSON)).status_code == 400
    assert (await client.get("/HealthcareService", params={"_summary": "count"})).json()["total"] == 0


async def test_jdv_systems_are_normalised_to_tre_on_write(client: httpx.AsyncClient) -> None:
    org = (await create(client, organization())).json()
    hcs = healthcare_service(f"Organization/{org['id']}")
    hcs["specialty"][0]["coding"][0]["system"] = J17 + "/"
    stored = (await create(client, hcs)).json()
    assert stored["specialty"][0]["coding"][0]["system"] == R211
    found = await client.get("/HealthcareService", params={"specialty": f"{J17}|227"})
    assert found.json()["total"] == 1


async def test_in_and_not_in_search_modifiers(client: httpx.AsyncClient) -> None:
    org = (await create(client, organization())).json()
    await create(client, healthcare_service(f"Organization/{org['id']}", activity="227"))
    in_vs = await client.get("/HealthcareService", params={"specialty:in": J17})
    assert in_vs.json()["total"] == 1
    not_in = await client.get("/HealthcareService", params={"specialty:not-in": J17})
    assert not_in.json()["total"] == 0
    unknown_vs = await client.get("/HealthcareService", params={"specialty:in": "http://example.org/vs"})
    assert unknown_vs.status_code == 400


def test_audit_finds_codes_retired_by_a_new_release(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Offers stored under one NOS release, then a quarterly release retires one of their codes."""
    monkeypatch.setenv("ROR_TERMINOLOGY_RELEASES", str(tmp_path / "releases"))
    offers = [{**healthcare_service("Organization/x", activity=code), "id": f"hcs-{code}"} for code in ("227", "013")]
    source = tmp_path / "offers.ndjson"
    source.write_text("".join(json.dumps(o) + "\n" for o in offers))
    db = str(tmp_path / "audit.db")
    assert main(["load", "--db", db, "--rejects", str(tmp_path / "rejects.ndjson"), str(source)]) == 0
    report = tmp_path / "before.csv"
    assert main(["terminology", "audit", "--db", db, "--out", str(report)]) == 0
    assert list(csv.DictReader(io.StringIO(report.read_text()))) == []

    release = tmp_path / "nos-2027"
    release.mkdir()
    shipped = Path(__file__).resolve().parents[2] / "terminology" / "data" / "CodeSystem.ndjson"
    r211 = next(json.loads(line) for line in shipped.read_text().splitlines() if "TRE_R211-" in line)
    r211["version"] = "20270101000000"
    concept = next(c for c in r211["concept"] if c["code"] == "227")
    concept["property"] = [p for p in concept.get("property", []) if p["code"] != "status"] + [
        {"code": "status", "valueCode": "deprecated"}, {"code": "dateFin", "valueDateTime": "2026-12-31T00:00:00Z"}]
    (release / "CodeSystem.ndjson").write_text(json.dumps(r211) + "\n")
    assert main(["terminology", "load", str(release)]) == 0
    capsys.readouterr()
    assert main(["terminology", "audit", "--db", db, "--out", str(report), "--date", "2027-02-01"]) == 0
    rows = list(csv.DictReader(io.StringIO(report.read_text())))
    assert [(r["id"], r["code"], r["problem"]) for r in rows] == [("hcs-227", "227", "inactive-code")]
