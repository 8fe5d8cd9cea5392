"""Profile-level checks on the generated resources (ROR IG 0.7 rules the server and its users rely on)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from fhir.resources.R4B.healthcareservice import HealthcareService
from fhir.resources.R4B.location import Location
from fhir.resources.R4B.organization import Organization
from fhir.resources.R4B.practitioner import Practitioner
from fhir.resources.R4B.practitionerrole import PractitionerRole
from generate_support import Generated, codes, extensions, part

from server.generate.geography import regions

R4B_MODELS: dict[str, Any] = {"Organization": Organization, "Location": Location, "Practitioner": Practitioner,
              "HealthcareService": HealthcareService, "PractitionerRole": PractitionerRole}
SAMPLE = 150


@pytest.mark.parametrize("resource_type", list(R4B_MODELS))
def test_a_sample_validates_against_r4b(generated: Generated, resource_type: str) -> None:
    resources = generated.resources[resource_type]
    step = max(1, len(resources) // SAMPLE)
    for resource in resources[::step]:
        R4B_MODELS[resource_type].model_validate(resource)


def test_every_resource_has_a_region_tag_and_a_creation_date(generated: Generated) -> None:
    region_codes = {region.code for region in regions()}
    for resource in generated.all():
        (tag,) = resource["meta"]["tag"]
        assert tag["system"].endswith("TRE-R30-RegionOM") and tag["code"] in region_codes
        (created,) = extensions(resource, "/ror-meta-creation-date")
        assert created["valueDateTime"][:2] == "20"


def test_locations_sit_in_a_commune_of_their_tagged_region(generated: Generated) -> None:
    commune_region = {c.insee: c.region for region in regions() for c in region.communes}
    for location in generated.resources["Location"]:
        (cog,) = extensions(location, "/ror-commune-cog")
        (commune,) = codes([cog["valueCodeableConcept"]], "TRE_R13-CommuneOM")
        assert commune_region[commune] == location["meta"]["tag"][0]["code"]
        assert location["address"]["postalCode"] and location["address"]["city"]
        assert -180 <= location["position"]["longitude"] <= 180


def test_healthcare_services_carry_the_mandatory_elements(generated: Generated) -> None:
    for service in generated.resources["HealthcareService"]:
        assert service["providedBy"]["reference"].startswith("Organization/")
        assert service["name"]
        assert len(codes(service["specialty"], "TRE_R211-ActiviteOperationnelle")) == 1
        assert len(codes(service["type"], "TRE_R227-ChampActivite")) == 1
        assert len(codes(service["characteristic"], "TRE_R213-ModePriseEnCharge")) == 1
        (patient,) = extensions(service, "/ror-healthcareservice-patient-type")
        (age,) = part(patient, "ageRange")
        low, high = age["valueRange"]["low"], age["valueRange"]["high"]
        assert low["code"] == high["code"] == "a" and 0 <= low["value"] < high["value"] <= 120
        (sensitive,) = extensions(service, "/ror-healthcareservice-sensitive-unit")
        assert isinstance(sensitive["valueBoolean"], bool)
        (identifier,) = service["identifier"]
        assert identifier["value"].startswith(service["meta"]["tag"][0]["code"] + "/")


def test_every_champ_is_represented(generated: Generated) -> None:
    champs = Counter(code for s in generated.resources["HealthcareService"] for code in codes(s["type"], "R227"))
    assert set(champs) == {"01", "02", "03", "04", "05", "06"}


def test_specific_acts_are_typed(generated: Generated) -> None:
    acts = [c for s in generated.resources["HealthcareService"] for c in s["characteristic"]
            if codes([c], "TRE_R210-ActeSpecifique")]
    assert acts
    for act in acts:
        assert [e["valueCode"] for e in extensions(act, "/ror-act-type")] == ["specificAct"]


def test_intervention_zones_are_communes_of_the_department(generated: Generated) -> None:
    department = {c.insee: c.department for region in regions() for c in region.communes}
    zones = 0
    for service in generated.resources["HealthcareService"]:
        divisions = extensions(service, "/ror-territorial-division")
        communes = [code for d in divisions for code in codes([part(d, "codeTerritorialDivision")[0][
            "valueCodeableConcept"]], "TRE_R13-CommuneOM")]
        assert len(communes) == len(divisions) == len(set(communes))
        zones += bool(communes)
        assert len({department[c] for c in communes}) <= 1
    assert zones


def _indicators(location: dict[str, Any]) -> list[tuple[dict[str, str], int]]:
    """Each capacity indicator as (its coded qualifiers by sub-extension name, its count)."""
    result = []
    for indicator in extensions(location, "/ror-location-supported-capacity"):
        qualifiers = {sub["url"]: coding["code"] for sub in indicator["extension"]
                      for coding in sub.get("valueCodeableConcept", {}).get("coding", [])}
        (count,) = [sub["valueInteger"] for sub in indicator["extension"] if sub["url"] == "nbCapacity"]
        result.append((qualifiers, count))
    return result


def test_capacities_are_consistent(generated: Generated) -> None:
    zones = 0
    for location in generated.resources["Location"]:
        indicators = _indicators(location)
        if not indicators:
            continue
        zones += 1
        keys = [tuple(sorted(qualifiers.items())) for qualifiers, _ in indicators]
        assert len(keys) == len(set(keys)), "one indicator per tuple"
        assert all(count >= 0 for _, count in indicators)
        current: dict[str, list[int]] = {}
        for qualifiers, count in indicators:
            if qualifiers["temporalityCapacity"] == "01":
                current.setdefault(qualifiers["capacityStatus"], []).append(count)
        (installed,) = current["01"]
        available, occupied, closed = (sum(current.get(status, [])) for status in ("02", "03", "05"))
        assert available <= installed
        assert available + occupied + closed == installed
        assert all(count <= installed for q, count in indicators if q["temporalityCapacity"] != "01")
        assert all(("capacityClosingType" in q) == (q["capacityStatus"] == "05") for q, _ in indicators)
        assert all(("additionalBedType" in q) == (q["capacityStatus"] == "06") for q, _ in indicators)
    assert zones


def test_equipment_limits_are_nested(generated: Generated) -> None:
    limits = [limit for location in generated.resources["Location"]
              for equipment in extensions(location, "/ror-location-equipment")
              for limit in part(equipment, "ror-location-equipment-limit")]
    assert limits
    for limit in limits:
        (value,) = part(limit, "limitValue")
        assert value["valueQuantity"]["system"] == "http://unitsofmeasure.org" and value["valueQuantity"]["value"] > 0
    assert not any(extensions(loc, "/ror-location-equipment-limit") for loc in generated.resources["Location"])


def test_location_identifiers(generated: Generated) -> None:
    establishments = {i["value"] for o in generated.resources["Organization"] for i in o["identifier"]
                      if i.get("system") == "urn:oid:1.2.250.1.71.4.2.2"}
    values: list[str] = []
    for location in generated.resources["Location"]:
        by_type = {code: i["value"] for i in location["identifier"] for code in codes([i["type"]], "TRE_R354")}
        assert by_type["25"].startswith(location["meta"]["tag"][0]["code"] + "/")
        if "26" in by_type:
            assert by_type["26"].split("/")[0] in establishments
        values.extend(by_type.values())
    assert len(values) == len(set(values))


def test_ehpads_publish_prices_and_medico_social_places_have_housing(generated: Generated) -> None:
    ehpads = [o for o in generated.resources["Organization"] if "500" in codes(o["type"], "TRE_R66")]
    assert ehpads
    for ehpad in ehpads:
        prices = extensions(ehpad, "/ror-organization-price")
        assert {code for p in prices for code in codes([part(p, "priceType")[0]["valueCodeableConcept"]], "R246")} \
            == {"02", "03"}
        for price in prices:
            (amount,) = part(price, "amount")
            assert amount["valueMoney"]["currency"] == "EUR" and amount["valueMoney"]["value"] > 0
    assert any(extensions(location, "/ror-location-residential-capacity")
               for location in generated.resources["Location"])


def test_practitioners_and_roles(generated: Generated) -> None:
    rpps = [i["value"] for p in generated.resources["Practitioner"] for i in p["identifier"]
            if i["system"] == "urn:oid:1.2.250.1.71.4.2.1"]
    assert len(rpps) == len(set(rpps)) == len(generated.resources["Practitioner"])
    assert all(len(value) == 11 and value.isdigit() and value[0] == "1" for value in rpps)
    for role in generated.resources["PractitionerRole"]:
        assert len(codes(role["code"], "ProfessionSante")) == 1
        assert len(extensions(role, "/ror-practitionerrole-unit-exercise-mode")) == 1
        (name,) = extensions(role, "/ror-practitionerrole-name")
        assert part(name, "exerciseLastName")
