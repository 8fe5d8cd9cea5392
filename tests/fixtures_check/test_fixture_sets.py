"""The demo and search fixture data sets: valid R4B resources, closed references, ROR profile shape, real codes."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable

import pytest
from fhir.resources.R4B import get_fhir_model_class

from server.demo import demo_resources
from server.demo.builders import system
from tests.fixtures_check.fixture_support import (
    DATA_SETS,
    Json,
    canonicals,
    codings,
    communes,
    extension,
    key,
    nos_codes,
    references,
    search_dataset,
    system_codes,
)

REGION_SYSTEM = system("R30")
FHIR_ID = re.compile(r"^[A-Za-z0-9\-.]{1,64}$")
#: NOS systems whose codes cannot be checked from the local NOS files, and why.
UNCHECKED = {system("R210"): "TRE_R210 is published as a summary; JDV-J16 lists only part of it"}


@pytest.fixture(params=sorted(DATA_SETS), scope="module")
def resources(request: pytest.FixtureRequest) -> list[Json]:
    loader: Callable[[], list[Json]] = DATA_SETS[request.param]
    return loader()


def test_every_resource_validates_as_r4b(resources: list[Json]) -> None:
    failures = []
    for resource in resources:
        try:
            get_fhir_model_class(resource["resourceType"]).model_validate(resource)
        except Exception as exc:
            failures.append(f"{key(resource)}: {exc}")
    assert not failures, "\n".join(failures)


def test_ids_are_unique_and_valid(resources: list[Json]) -> None:
    keys = Counter(key(r) for r in resources)
    assert [k for k, n in keys.items() if n > 1] == []
    assert [k for k in keys if not FHIR_ID.match(k.split("/")[1])] == []


def test_every_reference_resolves_inside_the_set(resources: list[Json]) -> None:
    keys = {key(r) for r in resources}
    dangling = [(key(r), target) for r in resources for target in references(r) if target not in keys]
    assert dangling == []


def test_targets_come_before_the_resources_referring_to_them(resources: list[Json]) -> None:
    """So that a loader without transactions can write the set in file order."""
    position = {key(r): index for index, r in enumerate(resources)}
    position |= {r["url"]: position[key(r)] for r in resources if "url" in r}
    for index, resource in enumerate(resources):
        targets = [*references(resource), *(c.split("|")[0] for c in canonicals(resource))]
        assert all(position[target] < index for target in targets), key(resource)


def test_every_canonical_resolves_to_a_versioned_resource_of_the_set(resources: list[Json]) -> None:
    published = {r["url"]: r.get("version") for r in resources if "url" in r}
    for resource in resources:
        for canonical in canonicals(resource):
            url, _, version = canonical.partition("|")
            assert url in published, (key(resource), canonical)
            assert version in {"", published[url]}, (key(resource), canonical)


def test_every_resource_has_region_tag_and_creation_date(resources: list[Json]) -> None:
    regions = nos_codes().displays[REGION_SYSTEM]
    for resource in resources:
        tags = [t for t in resource["meta"]["tag"] if t["system"] == REGION_SYSTEM]
        assert len(tags) == 1 and tags[0]["code"] in regions, key(resource)
        created = extension(resource, "ror-meta-creation-date")
        assert len(created) == 1 and "valueDateTime" in created[0], key(resource)


def test_codes_and_displays_exist_in_nos(resources: list[Json]) -> None:
    nos = nos_codes()
    towns = communes()
    problems = []
    for resource in resources:
        for coding in codings(resource):
            url, code, display = coding["system"], coding["code"], coding.get("display")
            if url == system("R13"):
                known = towns.get(code)
                if known is None or display != known.name:
                    problems.append(f"{key(resource)}: commune {code} {display!r}")
            elif url.startswith("https://mos.esante.gouv.fr/NOS/") and url not in UNCHECKED:
                if url not in nos.checkable:
                    problems.append(f"{key(resource)}: unknown NOS system {url}")
                elif nos.displays[url].get(code) != display:
                    problems.append(f"{key(resource)}: {url}|{code} {display!r} != {nos.displays[url].get(code)!r}")
    assert problems == []


def test_places_sit_on_their_commune_centroid(resources: list[Json]) -> None:
    towns = communes()
    for place in (r for r in resources if r["resourceType"] == "Location"):
        (cog,) = [c["code"] for c in extension(place, "ror-commune-cog")[0]["valueCodeableConcept"]["coding"]]
        if "position" in place:
            town = towns[cog]
            assert math.isclose(place["position"]["latitude"], town.lat or math.nan), key(place)
            assert math.isclose(place["position"]["longitude"], town.lon or math.nan), key(place)
        assert place["address"]["postalCode"][:2] == cog[:2], key(place)


def _level(organization: Json) -> str:
    """EJ, EG or OI, from the type codings (TRE_R72 statut juridique, TRE_R66 category, TRE_R207 OI type)."""
    types = organization.get("type", [])
    levels = {name for tre, name in (("R72", "EJ"), ("R66", "EG"), ("R207", "OI")) if system_codes(types, tre)}
    assert len(levels) == 1, key(organization)
    return levels.pop()


def test_organizations_form_an_ej_eg_oi_hierarchy(resources: list[Json]) -> None:
    organizations = {key(r): r for r in resources if r["resourceType"] == "Organization"}
    allowed_parent = {"EJ": set(), "EG": {"EJ"}, "OI": {"EG", "OI"}}
    for org_key, organization in organizations.items():
        level = _level(organization)
        parent = organization.get("partOf", {}).get("reference")
        assert (parent is None) == (level == "EJ"), org_key
        if parent:
            assert _level(organizations[parent]) in allowed_parent[level], org_key
        id_nat_struct = [i for i in organization["identifier"] if i["system"] == "urn:oid:1.2.250.1.71.4.2.2"]
        assert len(id_nat_struct) == (0 if level == "OI" else 1), org_key


def test_offers_carry_the_mandatory_ror_elements(resources: list[Json]) -> None:
    for offer in (r for r in resources if r["resourceType"] == "HealthcareService"):
        name = key(offer)
        assert offer["providedBy"]["reference"].startswith("Organization/"), name
        assert system_codes([offer["identifier"][0]["type"]], "R355") == ["35"], name
        assert re.fullmatch(r"\d{2}/\d{7}", offer["identifier"][0]["value"]), name
        assert len(system_codes(offer["type"], "R227")) == 1, name
        assert len(system_codes(offer["specialty"], "R211")) >= 1, name
        assert len(system_codes(offer["characteristic"], "R213")) == 1, name
        assert len(extension(offer, "ror-healthcareservice-sensitive-unit")) == 1, name
        (patients,) = extension(offer, "ror-healthcareservice-patient-type")
        (ages,) = [e["valueRange"] for e in patients["extension"] if e["url"] == "ageRange"]
        assert 0 <= ages["low"]["value"] <= ages["high"]["value"], name


def test_capacity_indicators_are_complete_and_unique_per_place(resources: list[Json]) -> None:
    required = {"capacityType", "capacityStatus", "temporalityCapacity", "nbCapacity", "capacitySourceType",
                "capacityUpdateDate", "temporaryAssignement"}
    identity = ("capacityType", "capacityStatus", "temporalityCapacity", "genderCapacityAvailable",
                "capacityClosingType", "additionalBedType", "crisisType", "temporaryAssignement")
    for place in (r for r in resources if r["resourceType"] == "Location"):
        tuples = []
        for indicator in extension(place, "ror-location-supported-capacity"):
            parts = {p["url"]: p for p in indicator["extension"]}
            assert required <= parts.keys(), key(place)
            status = parts["capacityStatus"]["valueCodeableConcept"]["coding"][0]["code"]
            assert ("capacityClosingType" in parts) <= (status == "05"), key(place)
            tuples.append(tuple(str(parts.get(name, {}).get("valueCodeableConcept")) for name in identity))
        assert len(tuples) == len(set(tuples)), key(place)


def test_current_figures_add_up_to_installed_capacity(resources: list[Json]) -> None:
    """Per capacity type, current available + occupied + closed = installed (supplementary beds aside)."""
    for place in (r for r in resources if r["resourceType"] == "Location"):
        totals: dict[str, Counter[str]] = {}
        for indicator in extension(place, "ror-location-supported-capacity"):
            parts = {p["url"]: p for p in indicator["extension"]}
            code = {name: p["valueCodeableConcept"]["coding"][0]["code"] for name, p in parts.items()
                    if "valueCodeableConcept" in p}
            if code["temporalityCapacity"] == "01":
                by_status = totals.setdefault(code["capacityType"], Counter())
                by_status[code["capacityStatus"]] += parts["nbCapacity"]["valueInteger"]
        for capacity_type, by_status in totals.items():
            assert by_status["02"] + by_status["03"] + by_status["05"] == by_status["01"], (key(place), capacity_type)


def test_professionals_are_identified_and_linked(resources: list[Json]) -> None:
    for practitioner in (r for r in resources if r["resourceType"] == "Practitioner"):
        (id_nat_ps,) = practitioner["identifier"]
        assert id_nat_ps["system"] == "urn:oid:1.2.250.1.71.4.2.1" and re.fullmatch(r"\d{11}", id_nat_ps["value"])
    for role in (r for r in resources if r["resourceType"] == "PractitionerRole"):
        assert len(role["healthcareService"]) == 1 and len(role["code"]) == 1, key(role)
        assert len(extension(role, "ror-practitionerrole-unit-exercise-mode")) == 1, key(role)


def test_demo_set_is_a_small_complete_offer() -> None:
    resources = demo_resources()
    counts = Counter(r["resourceType"] for r in resources)
    levels = Counter(_level(r) for r in resources if r["resourceType"] == "Organization")
    assert levels["EJ"] == 2 and 3 <= levels["EG"] <= 4 and 3 <= levels["OI"] <= 5
    assert 10 <= counts["HealthcareService"] <= 16 and 8 <= counts["Location"] <= 12
    assert counts["Practitioner"] == 6 and counts["PractitionerRole"] == 8
    assert counts["Task"] >= 1 and counts["Questionnaire"] >= 1
    fields = {code for r in resources if r["resourceType"] == "HealthcareService"
              for code in system_codes(r["type"], "R227")}
    assert {"01", "02", "03", "04", "05"} <= fields
    assert any(extension(r, "ror-organization-price") for r in resources if r["resourceType"] == "Organization")
    places = [r for r in resources if r["resourceType"] == "Location"]
    for name in ("ror-location-supported-capacity", "ror-location-equipment", "ror-location-residential-capacity"):
        assert any(extension(place, name) for place in places), name


def test_demo_and_search_sets_can_be_loaded_together() -> None:
    demo, search = demo_resources(), search_dataset()
    assert {key(r) for r in demo} & {key(r) for r in search} == set()
    assert {r["url"] for r in demo if "url" in r} & {r["url"] for r in search if "url" in r} == set()
