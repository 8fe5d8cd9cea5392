"""SOAP 1.2 requests as PLATINES sends them (legacy-xml §2.2–2.4), and a client calling :func:`handle_soap`."""

from __future__ import annotations

from typing import Any

from lxml import etree

from mappings.csd.xml import SOAP_NS
from mappings.profiles import AccessProfile
from mappings.soap import SOAP_CONTENT_TYPE, handle_soap
from mappings.versions import CsdVersion

NS = {"csd": "urn:ihe:iti:csd:2013", "ror": "urn:asip:ror:2015", "env": SOAP_NS}
_ENVELOPE = """<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns:urn="urn:ihe:iti:csd:2013"
  xmlns:ror="urn:asip:ror:2015"><soap:Header/><soap:Body>{}</soap:Body></soap:Envelope>"""
_FUNCTION = """<urn:careServicesRequest>
  <urn:function urn="urn:asip:ror:lecture:offreSoinEtablissement:2017" encapsulated="true">{}</urn:function>
</urn:careServicesRequest>"""


def envelope(body: str) -> bytes:
    return _ENVELOPE.format(body).encode()


def _coded(name: str, codes: tuple[str, ...], scheme: str) -> str:
    return "".join(f'<urn:{name} code="{c}" codingScheme="{scheme}"/>' for c in codes)


def lecture_etablissement(
    code: str = "1920000018",
    date_ref: str | None = None,
    fields: tuple[str, ...] = (),
    patients: tuple[str, ...] = (),
    restricted: str | None = None,
) -> bytes:
    parts = [f'<urn:id_etablissement code="{code}" assigningAuthorityName="1.2.250.1.71.1.2.14"/>']
    if date_ref:
        parts.append(f"<urn:dateRef>{date_ref}</urn:dateRef>")
    parts.append(_coded("typeActivity", fields, "1.2.250.1.213.3.3.17"))
    parts.append(_coded("supportedPatient", patients, "1.2.250.1.213.3.3.29"))
    if restricted is not None:
        parts.append(f"<urn:restrictedOrganisation>{restricted}</urn:restrictedOrganisation>")
    request = "".join(parts)
    return envelope(
        _FUNCTION.format(
            "<urn:TR_Lecture-OffresSanteEtablissement><urn:etablissementDemandeLecture>"
            f"{request}</urn:etablissementDemandeLecture></urn:TR_Lecture-OffresSanteEtablissement>"
        )
    )


def lecture_organisation_interne(code: str) -> bytes:
    return envelope(
        _FUNCTION.format(
            "<urn:TR_Lecture-OffreSanteOrganisationInterne>"
            f'<urn:organisationID code="{code}" assigningAuthorityName="1.2.250.1.213.6.1.1.1.1.76"/>'
            "</urn:TR_Lecture-OffreSanteOrganisationInterne>"
        )
    )


def notif(
    date_ref: str | None = "2024-01-01T07:00:00", fields: tuple[str, ...] = (), patients: tuple[str, ...] = ()
) -> bytes:
    date = f"<urn:dateRef>{date_ref}</urn:dateRef>" if date_ref else ""
    params = (
        date
        + _coded("typeActivity", fields, "1.2.250.1.213.3.3.17")
        + _coded("supportedPatient", patients, "1.2.250.1.213.3.3.29")
    )
    return envelope(
        f"<ror:TR-Notif-ListeEtablissementsMajApresDate_Demande><urn:params>{params}</urn:params>"
        "</ror:TR-Notif-ListeEtablissementsMajApresDate_Demande>"
    )


def payload(body: bytes) -> etree._Element:
    """The first element of the SOAP body of a response."""
    root = etree.fromstring(body)
    assert root.tag == f"{{{SOAP_NS}}}Envelope"
    return root.find(f"{{{SOAP_NS}}}Body")[0]


def entity_ids(response: etree._Element, directory: str) -> set[str]:
    return set(response.xpath(f"//csd:{directory}/*/@entityID", namespaces=NS))


async def call(
    source: Any, body: bytes, version: CsdVersion = CsdVersion.V3_0, **options: Any
) -> tuple[int, etree._Element]:
    options.setdefault("profile", AccessProfile.REGULATION)
    status, content_type, response = await handle_soap(version, body, source, "https://ror.example/csd/3.0", **options)
    assert content_type == SOAP_CONTENT_TYPE
    return status, payload(response)


def fault_of(element: etree._Element) -> tuple[str, str]:
    """(Code/Value, erreur/@code) of a SOAP fault."""
    assert element.tag == f"{{{SOAP_NS}}}Fault"
    value = element.find("env:Code/env:Value", NS).text
    return value, element.find("env:Detail/ror:erreur", NS).get("code")
