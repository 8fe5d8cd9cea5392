"""One test (at least) per business rule RG_ALIM_015 … RG_ALIM_024, through the SOAP entry point."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from lxml import etree

from mappings import fhir
from mappings.csd.xml import CSD_NS
from mappings.rules import rg_alim_019_facility_number, rg_alim_022_single_establishment, rg_alim_023_result_or_error
from mappings.versions import CsdVersion
from server.errors import FhirError, InvalidRequest, NotFound
from tests.legacy import soap_requests as soap
from tests.legacy.graph_data import internal
from tests.legacy.memory_source import MemorySource
from tests.legacy.schemas import errors
from tests.legacy.soap_requests import NS, call, entity_ids

Resource = dict[str, Any]
UE = "facilityDirectory/csd:facility[csd:codedType/@code='4']"


def units(response: etree._Element) -> set[str]:
    return set(response.xpath(f"//csd:{UE}/@entityID", namespaces=NS))


@pytest.mark.parametrize("version", list(CsdVersion))
async def test_rg_alim_015_restricted_organisation(resources: list[Resource], version: CsdVersion) -> None:
    next(r for r in resources if r["id"] == "hcs-ms")["category"] = [
        fhir.concept(fhir.coding(fhir.tre("R244-CategorieOrganisation"), "209"))
    ]
    _, response = await call(MemorySource(resources), soap.lecture_etablissement(restricted="1"), version)
    assert errors(version, response) == []
    assert units(response) == {"HealthcareService/hcs-mco", "HealthcareService/hcs-ms", "HealthcareService/hcs-ville"}
    assert not response.xpath(
        "//csd:price | //csd:operatingHours | //csd:interventionZone | //csd:psychiatricSector", namespaces=NS
    )
    assert not response.xpath(
        "//csd:receptionType | //csd:specificAct | //csd:takingCareSpeciality | //csd:annualOpenning", namespaces=NS
    )
    assert not response.xpath(
        "//csd:accommodationCapacity | //csd:locationRealizedOffer | //csd:facility/csd:extension/csd:location",
        namespaces=NS,
    )
    assert entity_ids(response, "deviceDirectory") == set() and entity_ids(response, "providerDirectory") == set()
    mco = response.xpath("//csd:facility[@entityID='HealthcareService/hcs-mco']/csd:extension", namespaces=NS)[0]
    assert mco.xpath("csd:typeActivity/@code | csd:careMode/@code", namespaces=NS) == ["01", "07"]
    assert mco.xpath("csd:patientsType/csd:patientTypeAgeMax/csd:value/text()", namespaces=NS) == ["120"]
    assert mco.xpath("csd:mailBoxMSS/csd:contactPoint/csd:equipment/text()", namespaces=NS) == ["chir@mss.sante.fr"]
    assert mco.xpath("csd:creationDate/text()", namespaces=NS) == ["2021-01-07"]
    assert not mco.xpath("csd:facilityType", namespaces=NS)
    assert response.xpath(
        "//csd:facility[@entityID='HealthcareService/hcs-ms']/csd:extension/csd:facilityType/@code", namespaces=NS
    ) == ["209"]


async def test_rg_alim_016_complete_offer(source: MemorySource) -> None:
    _, explicit = await call(source, soap.lecture_etablissement(restricted="0"))
    _, default = await call(source, soap.lecture_etablissement())
    assert etree.tostring(explicit) == etree.tostring(default)
    assert explicit.xpath("//csd:price", namespaces=NS)
    assert entity_ids(explicit, "providerDirectory") == {"PractitionerRole/role1"}


async def test_rg_alim_017_date_ref(resources: list[Resource]) -> None:
    for resource in resources:
        resource["meta"]["lastUpdated"] = "2020-01-01T00:00:00+01:00"
    next(r for r in resources if r["id"] == "loc1")["meta"]["lastUpdated"] = "2024-06-01T12:00:00+02:00"
    source = MemorySource(resources)
    _, response = await call(source, soap.lecture_etablissement(date_ref="2024-01-01T00:00:00"))
    assert units(response) == {"HealthcareService/hcs-mco"}
    assert response.xpath("csd:result/csd:facilityNumber/text()", namespaces=NS) == ["1"]
    assert {"Organization/oi1", "Organization/oi2"} <= entity_ids(response, "facilityDirectory")
    _, response = await call(source, soap.lecture_etablissement(date_ref="2024-07-01T00:00:00+02:00"))
    assert units(response) == set()
    _, response = await call(source, soap.lecture_etablissement(date_ref="2019-01-01T00:00:00"))
    assert len(units(response)) == 3


async def test_rg_alim_018_whole_tree_without_units(resources: list[Resource]) -> None:
    resources.append(internal("oi3", "eg1", "2", "11/1003"))
    source = MemorySource(resources)
    _, response = await call(source, soap.lecture_etablissement())
    assert "Organization/oi3" in entity_ids(response, "facilityDirectory")
    _, empty = await call(source, soap.lecture_etablissement(code="1920000026"))
    assert errors(CsdVersion.V3_0, empty) == []
    assert entity_ids(empty, "organizationDirectory") == {"Organization/ej1", "Organization/eg2"}
    assert empty.xpath("csd:result/csd:facilityNumber/text()", namespaces=NS) == ["0"]


def _result(number: int, unit_codes: list[str]) -> etree._Element:
    result = etree.Element(f"{{{CSD_NS}}}result")
    etree.SubElement(result, f"{{{CSD_NS}}}facilityNumber").text = str(number)
    directory = etree.SubElement(etree.SubElement(result, f"{{{CSD_NS}}}queryResult"), f"{{{CSD_NS}}}facilityDirectory")
    for code in unit_codes:
        facility = etree.SubElement(directory, f"{{{CSD_NS}}}facility")
        etree.SubElement(facility, f"{{{CSD_NS}}}codedType", code=code)
    return result


async def test_rg_alim_019_facility_number(source: MemorySource) -> None:
    rg_alim_019_facility_number(_result(2, ["4", "1", "4"]))
    with pytest.raises(FhirError) as mismatch:
        rg_alim_019_facility_number(_result(3, ["4", "1", "4"]))
    assert mismatch.value.status == 405
    _, response = await call(source, soap.lecture_etablissement())
    declared = response.xpath("csd:result/csd:facilityNumber/text()", namespaces=NS)
    assert declared == [str(len(units(response)))]


async def test_rg_alim_020_activity_fields(source: MemorySource) -> None:
    _, medico_social = await call(source, soap.lecture_etablissement(fields=("04",)))
    assert units(medico_social) == {"HealthcareService/hcs-ms"}
    assert not {"Organization/oi1", "Organization/oi2"} & entity_ids(medico_social, "facilityDirectory")
    assert entity_ids(medico_social, "providerDirectory") == set()
    _, several = await call(source, soap.lecture_etablissement(fields=("01", "05")))
    assert units(several) == {"HealthcareService/hcs-mco", "HealthcareService/hcs-ville"}
    assert {"Organization/oi1", "Organization/oi2"} <= entity_ids(several, "facilityDirectory")


async def test_rg_alim_021_supported_patients(source: MemorySource) -> None:
    _, disabled = await call(source, soap.lecture_etablissement(patients=("02",)))
    assert "HealthcareService/hcs-ms" in units(disabled)
    _, autonomous = await call(source, soap.lecture_etablissement(patients=("03",)))
    assert units(autonomous) == {"HealthcareService/hcs-mco", "HealthcareService/hcs-ville"}


async def test_rg_alim_022_establishment_identification(source: MemorySource) -> None:
    _, by_siret = await call(source, soap.lecture_etablissement(code="92131725800020"))
    assert by_siret.find("csd:error", NS).get("code") == "400"
    _, by_id = await call(source, soap.lecture_etablissement(code="1920000026"))
    assert "Organization/eg2" in entity_ids(by_id, "organizationDirectory")
    _, legal_entity = await call(source, soap.lecture_etablissement(code="2921317258"))
    assert legal_entity.find("csd:error", NS).get("code") == "404"
    with pytest.raises(NotFound):
        rg_alim_022_single_establishment([], "x")
    twins = [{"identifier": [{"system": fhir.FINESS_SYSTEM, "value": "1"}]}] * 2
    with pytest.raises(InvalidRequest):
        rg_alim_022_single_establishment(twins, "1")


def test_rg_alim_023_result_or_error() -> None:
    response = etree.Element(f"{{{CSD_NS}}}careServicesResponse")
    with pytest.raises(FhirError):
        rg_alim_023_result_or_error(response)
    etree.SubElement(response, f"{{{CSD_NS}}}result")
    rg_alim_023_result_or_error(response)
    etree.SubElement(response, f"{{{CSD_NS}}}error", code="500")
    with pytest.raises(FhirError):
        rg_alim_023_result_or_error(response)


class SlowSource(MemorySource):
    async def search(self, resource_type: str, params: list[tuple[str, str]]) -> AsyncIterator[Resource]:
        await asyncio.sleep(0.2)
        async for resource in super().search(resource_type, params):
            yield resource


async def test_rg_alim_024_deadline(resources: list[Resource]) -> None:
    status, response = await call(SlowSource(resources), soap.lecture_etablissement(), deadline=0.05)
    assert status == 200
    assert response.find("csd:error", NS).get("code") == "504"
    status, response = await call(SlowSource(resources), soap.notif(), deadline=0.05)
    assert status == 500
