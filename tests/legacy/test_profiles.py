"""Access profiles 0..3 (RG_ALIM_050..053) on the exported documents."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import etree

from mappings import fhir
from mappings.csd.codes import CodeMapper
from mappings.csd.document import build_csd
from mappings.graph import OfferGraph
from mappings.profiles import AccessProfile, redact
from mappings.versions import CsdVersion
from tests.legacy.graph_data import establishment
from tests.legacy.soap_requests import NS

Resource = dict[str, Any]


def document(resources: list[Resource], profile: AccessProfile, codes: CodeMapper) -> etree._Element:
    return build_csd(redact(OfferGraph.of(resources), profile), CsdVersion.V2_4, codes)


def values(element: etree._Element, path: str) -> set[str]:
    return set(element.xpath(path, namespaces=NS))


def telecoms(element: etree._Element) -> set[str]:
    return values(element, "//csd:contactPoint/csd:equipment/text()")


def test_regulation_sees_everything(codes: CodeMapper) -> None:
    graph = OfferGraph.of(establishment())
    assert redact(graph, AccessProfile.REGULATION) is graph
    full = document(establishment(), AccessProfile.REGULATION, codes)
    assert "06 00 00 00 99" in telecoms(full)
    assert values(full, "//csd:dropZone/text()") == {"true"}


def test_public_profile(codes: CodeMapper) -> None:
    public = document(establishment(), AccessProfile.PUBLIC, codes)
    assert telecoms(public) == {"01 01 01 01 01", "accueil@eg.fr"}
    assert not public.xpath(
        "//csd:dropZone | //csd:levelRecourseORSAN | //csd:crisisAccomodationCapacity", namespaces=NS
    )
    assert not public.xpath("//csd:resourcesSkills | //csd:specificAct | //csd:takingCareSpeciality", namespaces=NS)
    assert not public.xpath("//csd:facility/csd:extension/csd:equipment | //csd:deviceDirectory/*", namespaces=NS)
    assert public.xpath("//csd:accommodationCapacity/csd:beds/@total", namespaces=NS) == ["26"]
    assert not public.xpath("//csd:providerDirectory/*", namespaces=NS)


def test_public_profile_sees_ambulatory_professionals(codes: CodeMapper) -> None:
    resources = establishment()
    next(r for r in resources if r["id"] == "role1")["healthcareService"] = [
        {"reference": "HealthcareService/hcs-ville"}
    ]
    public = document(resources, AccessProfile.PUBLIC, codes)
    assert values(public, "//csd:providerDirectory/csd:provider/@entityID") == {"PractitionerRole/role1"}
    assert "01 44 44 44 44" not in telecoms(public)


def test_coordination_profile(codes: CodeMapper) -> None:
    coordination = document(establishment(), AccessProfile.COORDINATION, codes)
    assert "06 00 00 00 99" not in telecoms(coordination)
    assert {"01 02 03 04 05", "0199999999", "+33 1 00 00 00 01", "01 44 44 44 44"} <= telecoms(coordination)
    assert not coordination.xpath("//csd:dropZone | //csd:crisisAccomodationCapacity", namespaces=NS)
    assert coordination.xpath("//csd:specificAct", namespaces=NS)
    assert values(coordination, "//csd:providerDirectory/csd:provider/@entityID") == {"PractitionerRole/role1"}


def test_medico_social_profile(codes: CodeMapper) -> None:
    resources = establishment()
    ms = next(r for r in resources if r["id"] == "hcs-ms")
    ms["characteristic"].append(fhir.concept(fhir.coding(fhir.tre("R245-SpecialisationDePriseEnCharge"), "07")))
    ms["telecom"] = [
        {
            "extension": [
                fhir.make_ext(
                    fhir.EXT_TELECOM_CHANNEL, "CodeableConcept", fhir.concept(fhir.coding(fhir.CHANNEL, "3"))
                ),
                fhir.make_ext(
                    fhir.EXT_TELECOM_CONFIDENTIALITY,
                    "CodeableConcept",
                    fhir.concept(fhir.coding(fhir.CONFIDENTIALITY, "2")),
                ),
            ],
            "system": "email",
            "value": "ms@mss.sante.fr",
        }
    ]
    orientation = document(resources, AccessProfile.MEDICO_SOCIAL, codes)
    assert "ms@mss.sante.fr" in telecoms(orientation)
    assert "0199999999" not in telecoms(orientation) and "chir@mss.sante.fr" not in telecoms(orientation)
    assert values(orientation, "//csd:takingCareSpeciality/@code") == {"07"}
    assert not orientation.xpath("//csd:deviceDirectory/* | //csd:providerDirectory/*", namespaces=NS)


@pytest.mark.parametrize("profile", [AccessProfile.PUBLIC, AccessProfile.COORDINATION, AccessProfile.MEDICO_SOCIAL])
def test_sensitive_units_are_hidden(codes: CodeMapper, profile: AccessProfile) -> None:
    resources = establishment()
    mco = next(r for r in resources if r["id"] == "hcs-mco")
    next(e for e in mco["extension"] if e["url"] == fhir.EXT_SENSITIVE_UNIT)["valueBoolean"] = True
    hidden = document(resources, profile, codes)
    assert not hidden.xpath("//csd:facility[@entityID='HealthcareService/hcs-mco']", namespaces=NS)
    assert not hidden.xpath("//csd:providerDirectory/* | //csd:deviceDirectory/*", namespaces=NS)
    assert hidden.xpath("//csd:facility[@entityID='Organization/oi2']", namespaces=NS)
    shown = document(resources, AccessProfile.REGULATION, codes)
    assert shown.xpath("//csd:facility[@entityID='HealthcareService/hcs-mco']", namespaces=NS)


def test_redaction_does_not_modify_the_graph() -> None:
    graph = OfferGraph.of(establishment())
    redact(graph, AccessProfile.PUBLIC)
    assert list(graph.resources()) == list(OfferGraph.of(establishment()).resources())
