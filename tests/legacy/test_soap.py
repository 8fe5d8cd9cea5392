"""The SOAP 1.2 binding: the three transactions, errors and faults, WSDL and XSD serving."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from lxml import etree

from mappings.soap import wsdl, xsd
from mappings.versions import CsdVersion
from server.errors import NotFound
from tests.legacy import soap_requests as soap
from tests.legacy.hostile_xml import BILLION_LAUGHS, EXTERNAL_ENTITY
from tests.legacy.memory_source import MemorySource
from tests.legacy.schemas import errors
from tests.legacy.soap_requests import NS, call, entity_ids, fault_of

VERSIONS = list(CsdVersion)


@pytest.mark.parametrize("version", VERSIONS)
async def test_lecture_etablissement(source: MemorySource, version: CsdVersion) -> None:
    status, response = await call(source, soap.lecture_etablissement(), version)
    assert status == 200
    assert errors(version, response) == []
    assert response.xpath("csd:result/csd:facilityNumber/text()", namespaces=NS) == ["3"]
    assert entity_ids(response, "organizationDirectory") == {"Organization/ej1", "Organization/eg1"}
    assert entity_ids(response, "facilityDirectory") == {
        "Organization/oi1",
        "Organization/oi2",
        "HealthcareService/hcs-mco",
        "HealthcareService/hcs-ms",
        "HealthcareService/hcs-ville",
    }
    assert entity_ids(response, "providerDirectory") == {"PractitionerRole/role1"}
    assert entity_ids(response, "deviceDirectory") == {"Location/loc1_equipment_0"}


async def test_establishment_found_by_finess(source: MemorySource) -> None:
    _, response = await call(source, soap.lecture_etablissement(code="920000018"))
    assert "Organization/eg1" in entity_ids(response, "organizationDirectory")


@pytest.mark.parametrize("version", VERSIONS)
async def test_lecture_organisation_interne(source: MemorySource, version: CsdVersion) -> None:
    status, response = await call(source, soap.lecture_organisation_interne("11/1001"), version)
    assert status == 200
    assert errors(version, response) == []
    assert entity_ids(response, "organizationDirectory") == {"Organization/ej1", "Organization/eg1"}
    assert entity_ids(response, "facilityDirectory") == {
        "Organization/oi1",
        "Organization/oi2",
        "HealthcareService/hcs-mco",
    }


async def test_lecture_of_an_elementary_unit(source: MemorySource) -> None:
    _, response = await call(source, soap.lecture_organisation_interne("11/0000001"), CsdVersion.V2_4)
    assert errors(CsdVersion.V2_4, response) == []
    assert entity_ids(response, "organizationDirectory") == {"Organization/ej1", "Organization/eg1"}
    assert entity_ids(response, "facilityDirectory") == {
        "Organization/oi1",
        "Organization/oi2",
        "HealthcareService/hcs-mco",
    }
    assert entity_ids(response, "deviceDirectory") == {"Location/loc1_equipment_0"}


async def test_unknown_internal_organisation(source: MemorySource) -> None:
    status, response = await call(source, soap.lecture_organisation_interne("11/9999"))
    assert status == 200
    assert response.find("csd:error", NS).get("code") == "404"


@pytest.mark.parametrize("version", VERSIONS)
async def test_notif(source: MemorySource, version: CsdVersion) -> None:
    status, response = await call(source, soap.notif(), version)
    assert status == 200
    assert errors(version, response) == []
    entries = response.findall("csd:etablissementReponseNotif", NS)
    summary = [
        (
            e.find("csd:id_etablissement", NS).get("code"),
            [t.get("code") for t in e.findall("csd:typeActivity", NS)],
            e.findtext("csd:restrictedOrganisation", namespaces=NS),
        )
        for e in entries
    ]
    assert summary == [("1920000018", ["01", "04", "05"], "false"), ("1920000026", [], "true")]
    assert response.findtext("csd:result", namespaces=NS) == "2"
    assert entries[0].find("csd:id_etablissement", NS).get("assigningAuthorityName") == "1.2.250.1.71.4.2.2"


async def test_notif_filters_and_date(resources: list[dict]) -> None:
    for resource in resources:
        resource["meta"]["lastUpdated"] = "2020-01-01T00:00:00+01:00"
    resources[6]["meta"]["lastUpdated"] = "2024-06-01T00:00:00+02:00"  # hcs-ms
    source = MemorySource(resources)
    _, response = await call(source, soap.notif(date_ref="2024-01-01T00:00:00"))
    assert response.xpath("//csd:id_etablissement/@code", namespaces=NS) == ["1920000018"]
    assert response.xpath("//csd:typeActivity/@code", namespaces=NS) == ["04"]
    _, response = await call(source, soap.notif(date_ref="2024-01-01T00:00:00", fields=("01",)))
    assert response.findtext("csd:result", namespaces=NS) == "0"
    _, response = await call(source, soap.notif(date_ref="2024-01-01T00:00:00", patients=("03",)))
    assert response.findtext("csd:result", namespaces=NS) == "0"


async def test_notif_error_is_a_fault(source: MemorySource) -> None:
    status, response = await call(source, soap.notif(date_ref=None))
    assert status == 400
    assert fault_of(response) == ("env:Sender", "400")
    detail = response.find("env:Detail/ror:erreur", NS)
    assert errors(CsdVersion.V3_0, detail) == []


async def test_unknown_establishment_is_an_error_result(source: MemorySource) -> None:
    status, response = await call(source, soap.lecture_etablissement(code="1999999999"))
    assert status == 200
    assert errors(CsdVersion.V3_0, response) == []
    error = response.find("csd:error", NS)
    assert (error.get("code"), error.get("message")) == ("404", "Établissement inconnu : 1999999999")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"not xml at all", ("env:Sender", "400")),
        (b'<a xmlns="urn:x"/>', ("env:Sender", "400")),
        (soap.envelope(""), ("env:Sender", "400")),
        (
            soap.envelope(
                "<urn:getModificationsRequest><urn:lastModified>2020-01-01T00:00:00</urn:lastModified></urn:getModificationsRequest>"
            ),
            ("env:Sender", "400"),
        ),
        (
            soap.envelope(
                "<urn:careServicesRequest>"
                '<urn:expression encapsulated="true" content-type="text/xml"/>'
                "</urn:careServicesRequest>"
            ),
            ("env:Sender", "400"),
        ),
        (soap.lecture_etablissement(restricted="peut-être"), ("env:Sender", "400")),
        (soap.lecture_etablissement(date_ref="hier"), ("env:Sender", "400")),
        (
            b'<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body/></s:Envelope>',
            ("env:VersionMismatch", "400"),
        ),
    ],
    ids=["not-xml", "not-soap", "empty-body", "unknown-operation", "xquery", "bad-boolean", "bad-date", "soap11"],
)
async def test_bad_requests_are_faults(source: MemorySource, body: bytes, expected: tuple[str, str]) -> None:
    status, response = await call(source, body)
    assert fault_of(response) == expected
    assert status == (400 if expected[0] == "env:Sender" else 500)
    assert response.findtext("env:Node", namespaces=NS) == "https://ror.example/csd/3.0"
    assert source.searches == []


@pytest.mark.parametrize("body", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "external-entity"])
async def test_hostile_requests_are_refused_untouched(source: MemorySource, body: bytes) -> None:
    status, response = await call(source, body)
    assert (status, fault_of(response)) == (400, ("env:Sender", "400"))
    assert source.searches == []


async def test_unknown_version_is_a_fault(source: MemorySource) -> None:
    status, response = await call(source, soap.lecture_etablissement(), version="9.9")  # type: ignore[arg-type]
    assert (status, fault_of(response)) == (400, ("env:Sender", "404"))


class BrokenSource:
    async def read(self, resource_type: str, resource_id: str) -> dict | None:
        raise RuntimeError("store unavailable")

    async def search(self, resource_type: str, params: list[tuple[str, str]]) -> AsyncIterator[dict]:
        raise RuntimeError("store unavailable")
        yield {}


async def test_internal_failure_is_a_receiver_fault() -> None:
    status, response = await call(BrokenSource(), soap.lecture_etablissement())
    assert (status, fault_of(response)) == (500, ("env:Receiver", "500"))
    assert "store unavailable" not in etree.tostring(response).decode()


@pytest.mark.parametrize("version", VERSIONS)
def test_wsdl_address_is_rewritten(version: CsdVersion) -> None:
    document = etree.fromstring(wsdl(version.value, "https://ror.example/csd/" + version.value))
    wsdl_ns = {"w": "http://schemas.xmlsoap.org/wsdl/", "soap": "http://schemas.xmlsoap.org/wsdl/soap12/"}
    assert document.xpath("//soap:address/@location", namespaces=wsdl_ns) == [
        f"https://ror.example/csd/{version.value}"
    ]
    imports = document.xpath("//*[local-name()='import']/@schemaLocation")
    assert imports == [f"https://ror.example/csd/{version.value}?xsd"]
    assert document.xpath("//w:documentation/text()", namespaces=wsdl_ns) == [f"Version: {version.value}"]
    assert xsd(version) == version.xsd_path.read_bytes()


def test_wsdl_of_unknown_version() -> None:
    with pytest.raises(NotFound):
        wsdl("1.0", "https://ror.example/csd/1.0")
