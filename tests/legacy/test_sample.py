"""Import of the real ME 2.x response of a regional ROR (PACA pre-production, 2021)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from mappings import fhir
from mappings.csd.codes import CodeMapper
from mappings.csd.document import build_csd, import_csd
from mappings.graph import OfferGraph
from mappings.versions import CsdVersion
from tests.legacy.compare import by_key, renamed
from tests.legacy.schemas import errors

SAMPLES = Path("/work/shared/legacy-xml/samples/platines-schematron-plugin-tests")
pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="shared legacy samples not available")

Resource = dict[str, Any]


@pytest.fixture(scope="module")
def imported() -> list[Resource]:
    return import_csd((SAMPLES / "reponse.xml").read_bytes(), CodeMapper.of(), region="93")


def one(resources: list[Resource], resource_type: str, name: str | None = None) -> Resource:
    found = [r for r in resources if r["resourceType"] == resource_type and (name is None or r.get("name") == name)]
    assert len(found) == 1, (resource_type, name, len(found))
    return found[0]


def test_every_entity_is_imported(imported: list[Resource]) -> None:
    kinds = sorted(r["resourceType"] for r in imported)
    assert kinds == [
        "HealthcareService",
        "Location",
        "Organization",
        "Organization",
        "Practitioner",
        "PractitionerRole",
    ]
    assert len({r["id"] for r in imported}) == len(imported)


def test_legal_entity_and_establishment(imported: list[Resource]) -> None:
    ej = one(imported, "Organization", "STRUCTURE CABINET INDIVIDUEL INFIRMIER RAISON SOCIALE")
    eg = one(imported, "Organization", "ETABLISSEMENT CABINET INDIVIDUEL INFIRMIER RAISON SOCIALE")
    assert eg["partOf"] == {"reference": f"Organization/{ej['id']}"}
    assert "partOf" not in ej
    assert [i["value"] for i in ej["identifier"]] == ["83602013100", "407702521"]
    assert [(i["system"], fhir.code_of(i["type"])) for i in eg["identifier"]] == [
        (fhir.IDNAT_STRUCT_SYSTEM, "40"),
        (fhir.SIRENE_SYSTEM, "3"),
    ]
    assert [fhir.code_of(t) for t in eg["type"]] == ["SA07", "109"]
    assert eg["type"][0]["coding"][0]["system"] == fhir.tre("R66-CategorieEtablissement")
    address = eg["address"][0]
    assert (address["postalCode"], address["city"], address["line"]) == (
        "83800",
        "HYERES",
        ["145 CHE Du Palyvestre 39"],
    )
    assert fhir.ext_value(address, fhir.EXT_ADDRESS_INSEE)["code"] == "83069"
    standard = eg["contact"][0]
    assert fhir.code_of(standard["purpose"]) == "06"
    assert [(t["system"], t["value"]) for t in standard["telecom"]] == [
        ("phone", "+33 4 94 08 00 80"),
        ("email", "public@test.com"),
        ("fax", "+33 4 94 08 00 83"),
    ]
    assert eg["meta"]["tag"] == [{"system": fhir.REGION, "code": "93"}]
    assert eg["meta"]["lastUpdated"] == "2021-01-07T16:17:29+01:00"


def test_elementary_unit(imported: list[Resource]) -> None:
    eg = one(imported, "Organization", "ETABLISSEMENT CABINET INDIVIDUEL INFIRMIER RAISON SOCIALE")
    offer = one(imported, "HealthcareService")
    assert offer["name"] == "UNITÉ CABINET INDIVIDUEL INFIRMIER"
    assert offer["providedBy"] == {"reference": f"Organization/{eg['id']}"}
    assert [fhir.code_of(s) for s in offer["specialty"]] == ["001", "003"]
    assert [fhir.code_of(t) for t in offer["type"]] == ["05"]
    care_modes = [c for c in offer["characteristic"] if fhir.first_coding(c)["system"] == fhir.CARE_MODE]
    assert [fhir.code_of(c) for c in care_modes] == ["29"]
    ages = fhir.ext_value(fhir.extension(offer, fhir.EXT_PATIENT_TYPE), "ageRange")
    assert (ages["low"]["value"], ages["high"]["value"], ages["low"]["code"]) == (18, 65, "a")
    assert fhir.ext_value(offer, fhir.EXT_SENSITIVE_UNIT) is False
    contact = fhir.extension(offer, fhir.EXT_HCS_CONTACT)
    assert fhir.ext_value(contact, "name") == {"text": "Secrétariat"}
    professions = [
        c for c in offer["characteristic"] if fhir.first_coding(c)["system"] == fhir.tre("G15-ProfessionSante")
    ]
    assert [fhir.code_of(c) for c in professions] == ["60"]


def test_place_capacities(imported: list[Resource]) -> None:
    offer = one(imported, "HealthcareService")
    place = one(imported, "Location")
    assert offer["location"] == [{"reference": f"Location/{place['id']}"}]
    beds = fhir.extension(place, fhir.EXT_SUPPORTED_CAPACITY)
    assert fhir.ext_value(beds, "nbCapacity") == 26
    assert [
        fhir.code_of(fhir.ext_value(beds, u)) for u in ("capacityType", "capacityStatus", "temporalityCapacity")
    ] == [
        "01",
        "01",
        "01",
    ]
    housing = fhir.extension(place, fhir.EXT_RESIDENTIAL_CAPACITY)
    assert (fhir.code_of(fhir.ext_value(housing, "residentialType")), fhir.ext_value(housing, "residentialNumber")) == (
        "02",
        6,
    )


def test_professional(imported: list[Resource]) -> None:
    person = one(imported, "Practitioner")
    role = one(imported, "PractitionerRole")
    assert person["name"] == [{"family": "INFIMIER", "given": ["SA-07/08"]}]
    assert role["practitioner"] == {"reference": f"Practitioner/{person['id']}"}
    assert [fhir.code_of(c) for c in role["code"]] == ["60"]


def test_sample_survives_a_24_round_trip(imported: list[Resource], codes: CodeMapper) -> None:
    document = build_csd(OfferGraph.of(imported), CsdVersion.V2_4, codes)
    assert errors(CsdVersion.V2_4, document) == []
    again = import_csd(etree.tostring(document), codes)
    assert by_key(again) == by_key(renamed(imported, again))


def test_error_response_imports_nothing() -> None:
    assert import_csd((SAMPLES / "bad_response.xml").read_bytes()) == []
