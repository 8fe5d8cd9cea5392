"""FHIR search semantics through HTTP on a small data set built per test."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from tests.http.samples import IDNST, R30, R211, healthcare_service, location, organization
from tests.http.test_crud import FHIR_JSON

CAP = "https://interop.esante.gouv.fr/ig/fhir/ror/StructureDefinition/ror-location-supported-capacity"
NOS = "https://mos.esante.gouv.fr/NOS"
R330 = f"{NOS}/TRE_R330-TypeStatutCapacite/FHIR/TRE-R330-TypeStatutCapacite"
R332 = f"{NOS}/TRE_R332-GenreCapacite/FHIR/TRE-R332-GenreCapacite"


def indicator(status: str, gender: str, nb: int) -> dict:
    def cc(url: str, system: str, code: str) -> dict:
        return {"url": url, "valueCodeableConcept": {"coding": [{"system": system, "code": code}]}}

    return {
        "url": CAP,
        "extension": [
            cc("capacityType", f"{NOS}/TRE_R329-NatureCapacite/FHIR/TRE-R329-NatureCapacite", "01"),
            cc("capacityStatus", R330, status),
            cc("temporalityCapacity", f"{NOS}/TRE_R331-TemporaliteCapacite/FHIR/TRE-R331-TemporaliteCapacite", "01"),
            cc("genderCapacityAvailable", R332, gender),
            {"url": "nbCapacity", "valueInteger": nb},
            {"url": "capacityUpdateDate", "valueDateTime": "2026-11-01T10:00:00Z"},
        ],
    }


async def put(client: httpx.AsyncClient, resource: dict) -> dict:
    response = await client.put(f"/{resource['resourceType']}/{resource['id']}", json=resource, headers=FHIR_JSON)
    assert response.status_code in (200, 201), response.text
    return response.json()


@pytest.fixture
async def data(client: httpx.AsyncClient) -> httpx.AsyncClient:
    await put(client, {**organization("1440000001", "Centre Hospitalier Universitaire de Nantes"), "id": "ej"})
    await put(client, {**organization("1440000002", "Hôpital Nord Laënnec", part_of="Organization/ej"), "id": "eg"})
    await put(client, {**organization("1750000003", "Clinique Saint-Jean", region="11"), "id": "other"})
    nantes = {
        **location("52/1", "Nantes"),
        "id": "loc-nantes",
        "address": {"postalCode": "44000", "city": "Nantes"},
        "extension": [indicator("02", "02", 3), indicator("01", "01", 10)],
    }
    paris = {
        **location("11/2", "Paris"),
        "id": "loc-paris",
        "position": {"latitude": 48.8566, "longitude": 2.3522},
        "address": {"postalCode": "75001", "city": "Paris"},
        "extension": [indicator("02", "01", 2)],
    }
    await put(client, nantes)
    await put(client, paris)
    await put(
        client,
        {
            **healthcare_service("Organization/eg", "227", "Cardiologie"),
            "id": "hcs-cardio",
            "location": [{"reference": "Location/loc-nantes"}],
        },
    )
    await put(
        client,
        {
            **healthcare_service("Organization/other", "013", "Pédiatrie"),
            "id": "hcs-pedia",
            "location": [{"reference": "Location/loc-paris"}],
        },
    )
    await put(
        client,
        {
            "resourceType": "Practitioner",
            "id": "pr-1",
            "identifier": [{"system": "urn:oid:1.2.250.1.71.4.2.1", "value": "10001234567"}],
        },
    )
    await put(
        client,
        {
            "resourceType": "PractitionerRole",
            "id": "role-1",
            "practitioner": {"reference": "Practitioner/pr-1"},
            "healthcareService": [{"reference": "HealthcareService/hcs-cardio"}],
        },
    )
    return client


async def ids(client: httpx.AsyncClient, url: str, mode: str = "match", **params: str) -> list[str]:
    response = await client.get(url, params=params)
    assert response.status_code == 200, response.text
    bundle = response.json()
    return sorted(e["resource"]["id"] for e in bundle["entry"] if e["search"]["mode"] == mode)


async def test_string_search_is_prefix_accent_and_case_insensitive(data: httpx.AsyncClient) -> None:
    assert await ids(data, "/Organization", name="hopital nord") == ["eg"]
    assert await ids(data, "/Organization", **{"name:contains": "laen"}) == ["eg"]
    assert await ids(data, "/Organization", **{"name:exact": "Hôpital Nord Laënnec"}) == ["eg"]
    assert await ids(data, "/Organization", **{"name:exact": "hôpital nord laënnec"}) == []
    assert await ids(data, "/Organization", name="centre hospitalier,clinique") == ["ej", "other"]
    assert await ids(data, "/Location", **{"address-postalcode": "44"}) == ["loc-nantes"]


async def test_token_forms_and_modifiers(data: httpx.AsyncClient) -> None:
    assert await ids(data, "/Organization", identifier=f"{IDNST}|1440000002") == ["eg"]
    assert await ids(data, "/Organization", identifier="1440000002") == ["eg"]
    assert await ids(data, "/Organization", identifier=f"{IDNST}|") == ["eg", "ej", "other"]
    assert await ids(data, "/Organization", identifier="|1440000002") == []
    assert await ids(data, "/Organization", **{"identifier:not": "1440000002"}) == ["ej", "other"]
    assert await ids(data, "/Organization", _tag="52") == ["eg", "ej"]
    assert await ids(data, "/Organization", _tag=f"{R30}|11") == ["other"]
    assert await ids(data, "/Organization", **{"partof:missing": "true"}) == ["ej", "other"]
    assert await ids(data, "/Organization", **{"partof:missing": "false"}) == ["eg"]
    assert await ids(data, "/Organization", _id="ej,other") == ["ej", "other"]
    assert await ids(data, "/HealthcareService", specialty=f"{R211}|227") == ["hcs-cardio"]


async def test_dates_numbers_and_last_updated(data: httpx.AsyncClient) -> None:
    assert await ids(data, "/Location", **{"nb-capacity": "gt9"}) == ["loc-nantes"]
    assert await ids(data, "/Location", **{"nb-capacity": "le2"}) == ["loc-paris"]
    assert await ids(data, "/Location", **{"capacity-update-date": "2026-11"}) == ["loc-nantes", "loc-paris"]
    assert await ids(data, "/Location", **{"capacity-update-date": "lt2026-11-01"}) == []
    assert len(await ids(data, "/Organization", _lastUpdated="ge2020-01-01")) == 3
    assert await ids(data, "/Organization", _lastUpdated="ge2999-01-01") == []
    bad = await data.get("/Location", params={"nb-capacity": "lots"})
    assert bad.status_code == 400 and bad.json()["issue"][0]["expression"] == ["nb-capacity"]


async def test_references_chains_and_reverse_chains(data: httpx.AsyncClient) -> None:
    assert await ids(data, "/HealthcareService", organization="Organization/eg") == ["hcs-cardio"]
    assert await ids(data, "/HealthcareService", organization="eg") == ["hcs-cardio"]
    assert await ids(data, "/HealthcareService", **{"organization.name": "clinique"}) == ["hcs-pedia"]
    assert await ids(data, "/HealthcareService", **{"organization:Organization.name": "clinique"}) == ["hcs-pedia"]
    assert await ids(data, "/HealthcareService", **{"location.address-city": "paris"}) == ["hcs-pedia"]
    has = {"_has:PractitionerRole:service:practitioner.identifier": "10001234567"}
    assert await ids(data, "/HealthcareService", **has) == ["hcs-cardio"]
    above = {"organization.identifier:above": "1440000001"}
    assert await ids(data, "/HealthcareService", **above) == ["hcs-cardio"]
    bad = await data.get("/HealthcareService", params={"organization.nope": "x"})
    assert bad.status_code == 400


async def test_correlated_capacity_matching_and_strict_switch(data: httpx.AsyncClient) -> None:
    free_female = {"capacity-status": f"{R330}|02", "gender-capacity-available": f"{R332}|01", "nb-capacity": "gt0"}
    # loc-nantes has an available male indicator and an installed female one: plain FHIR would match it.
    assert await ids(data, "/Location", **free_female) == ["loc-paris"]
    chained = {f"location.{k}": v for k, v in free_female.items()}
    assert await ids(data, "/HealthcareService", **chained) == ["hcs-pedia"]


async def test_includes_and_revincludes(data: httpx.AsyncClient) -> None:
    params = {
        "_id": "hcs-cardio",
        "_include": "HealthcareService:organization",
        "_include:iterate": "Organization:partof",
    }
    response = await data.get("/HealthcareService", params=params)
    bundle = response.json()
    assert bundle["total"] == 1
    included = sorted(e["resource"]["id"] for e in bundle["entry"] if e["search"]["mode"] == "include")
    assert included == ["eg", "ej"]
    rev = await ids(
        data,
        "/HealthcareService",
        "include",
        _id="hcs-cardio",
        _revinclude="PractitionerRole:service",
        **{"_include": "PractitionerRole:practitioner"},
    )
    assert rev == ["pr-1", "role-1"]
    locations = await ids(data, "/Location", "include", _revinclude="HealthcareService:location")
    assert locations == ["hcs-cardio", "hcs-pedia"]
    wrong_case = await data.get("/HealthcareService", params={"_include": "Healthcareservice:location"})
    assert wrong_case.status_code == 200
    invalid = await data.get("/HealthcareService", params={"_revinclude": "Organization:healthcareservice"})
    assert invalid.status_code == 400


async def test_near_and_distance(data: httpx.AsyncClient) -> None:
    near_nantes = {"near": "47.2184|-1.5536|20|km"}
    response = await data.get("/Location", params=near_nantes)
    bundle = response.json()
    assert [e["resource"]["id"] for e in bundle["entry"]] == ["loc-nantes"]
    distance = bundle["entry"][0]["search"]["extension"][0]
    assert distance["url"] == "http://hl7.org/fhir/StructureDefinition/location-distance"
    assert distance["valueDistance"]["value"] < 0.01
    far = await ids(data, "/Location", near="47.2184|-1.5536|400|km")
    assert far == ["loc-nantes", "loc-paris"]
    insee = await data.get(
        "/HealthcareService",
        params={"location.near-insee-code": "44162|15|km", "_include": "HealthcareService:location"},
    )
    assert insee.status_code == 200
    entries = insee.json()["entry"]
    assert [e["resource"]["id"] for e in entries] == ["hcs-cardio", "loc-nantes"]
    assert entries[1]["search"]["extension"][0]["valueDistance"]["value"] < 15
    unknown = await data.get("/Location", params={"near-insee-code": "00000|15|km"})
    assert unknown.status_code == 400


async def test_filter_parameter(data: httpx.AsyncClient) -> None:
    assert await ids(data, "/Location", _filter='(address-postalcode eq "44" or "75")') == ["loc-nantes", "loc-paris"]
    assert await ids(data, "/Location", _filter="_id eq loc-nantes or loc-paris") == ["loc-nantes", "loc-paris"]
    assert await ids(data, "/HealthcareService", _filter=f"specialty eq {R211}|227 and not (name sw pedi)") == [
        "hcs-cardio"
    ]
    assert await ids(data, "/Organization", _filter="name co laen") == ["eg"]
    bad = await data.get("/Organization", params={"_filter": "(name eq"})
    assert bad.status_code == 400 and bad.json()["issue"][0]["expression"] == ["_filter"]


async def test_full_text(data: httpx.AsyncClient) -> None:
    assert await ids(data, "/HealthcareService", _content="cardio") == ["hcs-cardio"]
    assert await ids(data, "/HealthcareService", _filter="_content=pediat") == ["hcs-pedia"]


async def test_sort_count_paging_total_summary_elements(data: httpx.AsyncClient) -> None:
    page = (await data.get("/Organization", params={"_sort": "-name", "_count": "2"})).json()
    assert page["total"] == 3
    assert [e["resource"]["name"][:5] for e in page["entry"]] == ["Hôpit", "Clini"]
    next_url = next(link["url"] for link in page["link"] if link["relation"] == "next")
    assert "_cursor" in parse_qs(urlsplit(next_url).query)
    rest = (await data.get(next_url)).json()
    assert [e["resource"]["id"] for e in rest["entry"]] == ["ej"]
    assert not [link for link in rest["link"] if link["relation"] == "next"]
    count_only = (await data.get("/Organization", params={"_summary": "count"})).json()
    assert count_only["total"] == 3 and count_only["entry"] == []
    no_total = (await data.get("/Organization", params={"_total": "none", "_count": "1"})).json()
    assert "total" not in no_total
    elements = (await data.get("/Organization", params={"_elements": "name", "_id": "ej"})).json()
    resource = elements["entry"][0]["resource"]
    assert set(resource) == {"resourceType", "id", "meta", "name"}
    assert resource["meta"]["tag"][-1]["code"] == "SUBSETTED"
    big = (await data.get("/Organization", params={"_count": "5000"})).json()
    assert big["total"] == 3


async def test_paging_is_stable_under_concurrent_writes(data: httpx.AsyncClient) -> None:
    for i in range(7):
        await put(data, {**organization(f"9{i}", f"Extra {i}"), "id": f"x{i}"})
    seen: list[str] = []
    url: str | None = "/Organization?_count=3"
    inserted = 0
    while url:
        bundle = (await data.get(url)).json()
        seen.extend(e["resource"]["id"] for e in bundle["entry"])
        if inserted < 3:
            await put(data, {**organization(f"8{inserted}", f"Late {inserted}"), "id": f"late{inserted}"})
            await put(
                data, {**organization("1440000001", "Centre Hospitalier Universitaire de Nantes (maj)"), "id": "ej"}
            )
            inserted += 1
        url = next((link["url"] for link in bundle["link"] if link["relation"] == "next"), None)
    before = {"ej", "eg", "other", *(f"x{i}" for i in range(7))}
    assert len(seen) == len(set(seen)), "a resource was returned twice"
    assert before <= set(seen), "a resource present before paging was skipped"


async def test_unknown_parameters_strict_and_lenient(data: httpx.AsyncClient) -> None:
    strict = await data.get("/Organization", params={"colour": "blue"})
    assert strict.status_code == 400
    issue = strict.json()["issue"][0]
    assert issue["code"] == "not-supported" and issue["expression"] == ["colour"]
    lenient = await data.get("/Organization", params={"colour": "blue"}, headers={"Prefer": "handling=lenient"})
    assert lenient.status_code == 200
    bundle = lenient.json()
    assert bundle["total"] == 3
    outcome = [e for e in bundle["entry"] if e["search"]["mode"] == "outcome"]
    assert "colour" in outcome[0]["resource"]["issue"][0]["diagnostics"]
    for bad in (
        {"_count": "-1"},
        {"_sort": "colour"},
        {"_total": "maybe"},
        {"_include": "Nope:x"},
        {"near": "north|south"},
        {"name:fuzzy": "x"},
        {"_cursor": "%%%"},
    ):
        response = await data.get("/Location" if "near" in bad else "/Organization", params=bad)
        assert response.status_code == 400, (bad, response.text)
        assert response.json()["resourceType"] == "OperationOutcome"


async def test_search_via_post(data: httpx.AsyncClient) -> None:
    response = await data.post(
        "/Organization/_search", content=b"name=clinique", headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 200
    assert [e["resource"]["id"] for e in response.json()["entry"]] == ["other"]


async def test_search_parameter_resources_are_served(client: httpx.AsyncClient) -> None:
    bundle = (await client.get("/SearchParameter", params={"code": "capacity-status"})).json()
    assert bundle["total"] == 1
    sp = bundle["entry"][0]["resource"]
    assert sp["url"].endswith("/ror-sp-capacity-status")
    assert ".value.as(code)" not in sp["expression"]
    read = await client.get(f"/SearchParameter/{sp['id']}")
    assert read.status_code == 200
    assert (await client.put(f"/SearchParameter/{sp['id']}", json=sp, headers=FHIR_JSON)).status_code == 405


async def test_missing_on_a_correlated_family_parameter_stands_alone(data: httpx.AsyncClient) -> None:
    response = await data.get("/Location", params={"capacity-status": f"{R330}|02", "crisis-type:missing": "true"})
    assert response.status_code == 200
    assert sorted(e["resource"]["id"] for e in response.json()["entry"]) == ["loc-nantes", "loc-paris"]


@pytest.mark.parametrize("sort", ["", "-name", "_lastUpdated,-_id"])
async def test_previous_links_walk_back_through_the_same_pages(data: httpx.AsyncClient, sort: str) -> None:
    for i in range(5):
        await put(data, {**organization(f"7{i}", f"Autre {i}"), "id": f"y{i}"})
    params = {"_count": "3", **({"_sort": sort} if sort else {})}
    pages: list[list[str]] = []
    bundle = (await data.get("/Organization", params=params)).json()
    assert not [link for link in bundle["link"] if link["relation"] == "previous"]
    while True:
        pages.append([e["resource"]["id"] for e in bundle["entry"]])
        following = next((link["url"] for link in bundle["link"] if link["relation"] == "next"), None)
        if following is None:
            break
        bundle = (await data.get(following)).json()
    assert sum(len(p) for p in pages) == 8 and len(pages) == 3
    back: list[list[str]] = []
    while True:
        previous = next((link["url"] for link in bundle["link"] if link["relation"] == "previous"), None)
        if previous is None:
            break
        bundle = (await data.get(previous)).json()
        back.append([e["resource"]["id"] for e in bundle["entry"]])
        assert any(link["relation"] == "next" for link in bundle["link"])
    assert back == pages[-2::-1]
    assert bundle["total"] == 8
