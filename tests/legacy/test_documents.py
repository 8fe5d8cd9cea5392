"""FHIR -> CSD documents: schema validity (XSD 1.1, offline), element names and mapped values."""

from __future__ import annotations

import pytest
from lxml import etree

from mappings import fhir
from mappings.csd.codes import CodeMapper
from mappings.csd.document import build_csd
from mappings.graph import OfferGraph
from mappings.profiles import AccessProfile, redact
from mappings.versions import CsdVersion
from tests.legacy.graph_data import establishment, offer_mco
from tests.legacy.schemas import errors

NS = {"csd": "urn:ihe:iti:csd:2013"}
VERSIONS = list(CsdVersion)


def xpath(element: etree._Element, path: str) -> list:
    return element.xpath(path, namespaces=NS)


@pytest.mark.parametrize("version", VERSIONS)
def test_complete_establishment_is_valid(graph: OfferGraph, codes: CodeMapper, version: CsdVersion) -> None:
    document = build_csd(graph, version, codes)
    assert errors(version, document) == []
    assert len(xpath(document, "//csd:organizationDirectory/csd:organization")) == 3
    assert len(xpath(document, "//csd:facilityDirectory/csd:facility")) == 5
    assert len(xpath(document, "//csd:serviceDirectory/csd:service")) == 3
    assert len(xpath(document, "//csd:providerDirectory/csd:provider")) == 1
    assert len(xpath(document, "//csd:deviceDirectory/csd:device")) == 1


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("profile", list(AccessProfile))
def test_every_profile_view_is_valid(
    graph: OfferGraph, codes: CodeMapper, version: CsdVersion, profile: AccessProfile
) -> None:
    assert errors(version, build_csd(redact(graph, profile), version, codes)) == []


def test_historical_misspellings_of_24(graph: OfferGraph, codes: CodeMapper) -> None:
    document = build_csd(graph, CsdVersion.V2_4, codes)
    beds = xpath(document, "//csd:accommodationCapacity/csd:beds")[0]
    assert (beds.get("total"), beds.get("avaible")) == ("26", "3")
    assert xpath(document, "//csd:crisisAccomodationCapacity/csd:crisisCapacityT0/text()") == ["4"]
    assert xpath(document, "//csd:crisisAccomodationCapacity/csd:crisisCapacityT60/text()") == ["6"]
    space = xpath(document, "//csd:accommodationCapacity/csd:space")[0]
    assert space.get("total") == "5" and space.get("avaible") is None
    for name in (
        "residentialCapactity",
        "annualOpenning",
        "accomodationFamily",
        "nbTemporarySocialeHelpPlace",
        "recognation",
    ):
        assert xpath(document, f"//csd:{name}"), name
    assert xpath(document, "//csd:facility/csd:extension/csd:equipment/@entityID") == ["Location/loc1_equipment_0"]
    assert xpath(document, "//csd:maternityHospitalType/@code") == ["04"]


def test_capacities_of_30_are_indicators(graph: OfferGraph, codes: CodeMapper) -> None:
    document = build_csd(graph, CsdVersion.V3_0, codes)
    supported = xpath(document, "//csd:locationRealizedOffer/csd:capacitySupported")
    assert [s.find("csd:temporaryAssignment", NS).get("code") for s in supported] == ["01", "02"]
    indicators = xpath(document, "//csd:operationalAccommodationCapacity")
    assert len(indicators) == 5
    assert all(i.find("csd:cpacityUpdateDate", NS) is not None for i in indicators)
    assert xpath(document, "//csd:ProvisionalReopeningDate/text()") == ["2026-08-31"]
    assert xpath(document, "//csd:locationRealizedOffer/csd:location/csd:functionLocation/@code") == ["001"]
    assert xpath(document, "//csd:locationRealizedOffer/csd:specificEquipment/@entityID") == [
        "Location/loc1_equipment_0"
    ]
    assert xpath(document, "//csd:limitCharacteristicEquipment/csd:limitValue/csd:value/text()") == ["300"]


@pytest.mark.parametrize("version", VERSIONS)
def test_codes_carry_legacy_oids(graph: OfferGraph, codes: CodeMapper, version: CsdVersion) -> None:
    document = build_csd(graph, version, codes)
    ue = xpath(document, "//csd:facility[@entityID='HealthcareService/hcs-mco']")[0]
    assert xpath(ue, "csd:codedType/@codingScheme") == ["1.2.250.1.213.3.3.8"]
    assert xpath(ue, "csd:extension/csd:typeActivity/@codingScheme") == ["1.2.250.1.213.3.3.17"]
    assert xpath(ue, "csd:extension/csd:careMode/@codingScheme") == ["1.2.250.1.213.3.3.13"]
    assert xpath(document, "//csd:serviceDirectory/csd:service/csd:codedType[@code='022']/@codingScheme") == [
        "1.2.250.1.213.3.3.12"
    ]
    ej = xpath(document, "//csd:organization[@entityID='Organization/ej1']")[0]
    assert xpath(ej, "csd:otherID/@assigningAuthorityName") == ["1.2.250.1.71.4.2.2", "1.3.2"]
    assert xpath(ej, ".//csd:cityNumber/@codingScheme") == ["1.2.250.1.213.2.23"]
    confidentiality = set(xpath(document, "//csd:confidentialityLevel/@codingScheme"))
    assert confidentiality == {"1.2.250.1.213.1.1.4.344"}


@pytest.mark.parametrize("version", VERSIONS)
def test_tree_links(graph: OfferGraph, codes: CodeMapper, version: CsdVersion) -> None:
    document = build_csd(graph, version, codes)
    assert xpath(document, "//csd:organization[@entityID='Organization/eg1']/csd:parent/@entityID") == [
        "Organization/ej1"
    ]
    parent_of = {
        f.get("entityID"): xpath(f, "csd:organizations/csd:organization/@entityID")[0]
        for f in xpath(document, "//csd:facilityDirectory/csd:facility")
    }
    assert parent_of["Organization/oi1"] == "Organization/eg1"
    assert parent_of["Organization/oi2"] == "Organization/oi1"
    assert parent_of["HealthcareService/hcs-mco"] == "Organization/oi2"
    order = [f.get("entityID") for f in xpath(document, "//csd:facilityDirectory/csd:facility")]
    assert order.index("Organization/oi2") < order.index("HealthcareService/hcs-mco")
    provider = xpath(document, "//csd:providerDirectory/csd:provider")[0]
    assert xpath(provider, "csd:facilities/csd:facility/@entityID") == ["HealthcareService/hcs-mco"]
    assert xpath(provider, "csd:organizations/csd:organization/@entityID") == ["Organization/eg1"]


@pytest.mark.parametrize("version", VERSIONS)
def test_internal_organisations_derive_their_activity_fields(
    graph: OfferGraph, codes: CodeMapper, version: CsdVersion
) -> None:
    """RG_ALIM_006: an OI carries the champs of the offers below it; its careMode is empty."""
    document = build_csd(graph, version, codes)
    pole = xpath(document, "//csd:facility[@entityID='Organization/oi1']/csd:extension")[0]
    assert xpath(pole, "csd:typeActivity/@code") == ["01"]
    assert xpath(pole, "csd:careMode/@code") == [""]
    assert xpath(pole, "csd:patientsType/csd:patientTypeAgeMin/csd:value/text()") == ["15"]


@pytest.mark.parametrize("version", VERSIONS)
def test_offer_without_mandatory_element_is_not_sent(codes: CodeMapper, version: CsdVersion) -> None:
    """RG_EXP_002: a UE without mode de prise en charge is left out, with its activities and professionals."""
    resources = establishment()
    mco = next(r for r in resources if r["id"] == "hcs-mco")
    mco["characteristic"] = [c for c in mco["characteristic"] if fhir.first_coding(c)["system"] != fhir.CARE_MODE]
    document = build_csd(OfferGraph.of(resources), version, codes)
    assert errors(version, document) == []
    assert not xpath(document, "//csd:facility[@entityID='HealthcareService/hcs-mco']")
    assert not xpath(
        document, "//csd:serviceDirectory/csd:service[starts-with(@entityID, 'HealthcareService/hcs-mco')]"
    )
    assert not xpath(document, "//csd:providerDirectory/csd:provider")


@pytest.mark.parametrize("version", VERSIONS)
def test_resources_without_metadata_still_get_records(codes: CodeMapper, version: CsdVersion) -> None:
    resources = establishment()
    for resource in resources:
        resource.pop("meta")
        resource["extension"] = [e for e in resource["extension"] if e["url"] != fhir.EXT_CREATION_DATE]
    document = build_csd(OfferGraph.of(resources), version, codes, now="2025-01-02T03:04:05Z")
    assert errors(version, document) == []
    assert set(xpath(document, "//csd:record/@updated")) == {"2025-01-02T03:04:05Z"}


def test_sensitive_unit_contacts_are_very_restricted(codes: CodeMapper) -> None:
    """RG_EXP_039: in a sensitive UE every contact is "très restreint"."""
    mco = offer_mco()
    next(e for e in mco["extension"] if e["url"] == fhir.EXT_SENSITIVE_UNIT)["valueBoolean"] = True
    document = build_csd(OfferGraph.of([mco]), CsdVersion.V3_0, codes)
    levels = xpath(document, "//csd:facility/csd:extension/csd:contact//csd:confidentialityLevel/@code")
    assert levels == ["3", "3"]


def test_telecom_is_at_least_as_confidential_as_its_contact(codes: CodeMapper) -> None:
    """RG_EXP_034: a public telecom of a restricted contact is sent as restricted."""
    resources = establishment()
    ej = resources[0]
    ej["contact"][0]["telecom"][0]["extension"][1]["valueCodeableConcept"]["coding"][0]["code"] = "1"
    document = build_csd(OfferGraph.of(resources), CsdVersion.V2_4, codes)
    contact = xpath(document, "//csd:organization[@entityID='Organization/ej1']//csd:contact")[0]
    assert xpath(contact, "csd:confidentialityLevel/@code") == ["2"]
    assert xpath(contact, "csd:contactPoint//csd:confidentialityLevel/@code") == ["2"]


def test_unknown_code_system_keeps_its_url(codes: CodeMapper) -> None:
    mco = offer_mco()
    mco["type"] = [fhir.concept(fhir.coding("https://example.org/champs", "01"))]
    document = build_csd(OfferGraph.of([mco]), CsdVersion.V3_0, codes)
    assert xpath(document, "//csd:typeActivity/@codingScheme") == ["https://example.org/champs"]


def test_place_without_function_is_not_sent_in_30(codes: CodeMapper) -> None:
    """RG_EXP_002: ``functionLocation`` is mandatory in 3.0; the place (and its equipment) is left out."""
    resources = establishment()
    del next(r for r in resources if r["id"] == "loc1")["type"]
    document = build_csd(OfferGraph.of(resources), CsdVersion.V3_0, codes)
    assert errors(CsdVersion.V3_0, document) == []
    assert not xpath(document, "//csd:locationRealizedOffer | //csd:deviceDirectory/csd:device")
    with_24 = build_csd(OfferGraph.of(resources), CsdVersion.V2_4, codes)
    assert xpath(with_24, "//csd:facility/csd:extension/csd:location/csd:cityNumber/@code") == ["92009"]
