"""SOAP 1.2 binding of the legacy web service (WSDL ``ROR_WebService``), transport-free.

:func:`handle_soap` takes the request body and returns ``(HTTP status, content type, body)``:

* a read (``careServicesRequest``) answers a ``careServicesResponse`` — its ``result`` or, for a business
  failure (unknown establishment, RG_ALIM_019, RG_ALIM_024…), its ``error`` (HTTP 200, RG_ALIM_023);
* the notification answers ``TR-Notif-ListeEtablissementMajApresDate_Reponse``; its failures are SOAP
  faults carrying the WSDL fault element ``ror:erreur``;
* a malformed, hostile or unsupported request is a SOAP ``Sender`` fault (HTTP 400), an internal failure
  a ``Receiver`` fault (HTTP 500).

:func:`wsdl` serves the WSDL of a version with its endpoint address rewritten; :func:`xsd` its schema.
"""

from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from lxml import etree

from mappings.csd.codes import CodeMapper
from mappings.csd.xml import CSD_NS, ROR_NS, SOAP_NS, Element, child, children, q, text
from mappings.oids import OidForSystem, SystemForOid
from mappings.profiles import AccessProfile
from mappings.rules import LECTURE_DEADLINE, rg_alim_024_deadline
from mappings.source import OfferSource
from mappings.transactions import (
    LectureEtablissement,
    LectureOrganisationInterne,
    NotifRequest,
    Request,
    Settings,
    error_response,
    lecture_etablissement,
    lecture_organisation_interne,
    notif,
)
from mappings.versions import CsdVersion
from mappings.xmlsafe import parse_xml
from server.errors import FhirError, InvalidRequest

logger = logging.getLogger(__name__)

SOAP_CONTENT_TYPE = "application/soap+xml; charset=utf-8"
XML_CONTENT_TYPE = "application/xml; charset=utf-8"
SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/"
WSDL_SOAP12_NS = "http://schemas.xmlsoap.org/wsdl/soap12/"
XSD_NS = "http://www.w3.org/2001/XMLSchema"
XML_NS = "http://www.w3.org/XML/1998/namespace"
LECTURE_URN = "urn:asip:ror:lecture:offreSoinEtablissement:2017"
NOTIF_REQUEST = "TR-Notif-ListeEtablissementsMajApresDate_Demande"
LEGACY_ZONE = ZoneInfo("Europe/Paris")
"""``dateRef`` values without a zone are French local times."""


class SoapVersionMismatch(InvalidRequest):
    """The envelope is not a SOAP 1.2 one."""


# ---------------------------------------------------------------- requests


def parse_request(body: bytes) -> Request:
    """The transaction asked for by a SOAP 1.2 request; ``InvalidRequest`` when it cannot be understood."""
    root = parse_xml(body)
    if root.tag == q("Envelope", SOAP11_NS):
        raise SoapVersionMismatch("Enveloppe SOAP 1.1 reçue : ce service n'accepte que SOAP 1.2")
    if root.tag != q("Envelope", SOAP_NS):
        raise InvalidRequest("Le document n'est pas une enveloppe SOAP 1.2")
    soap_body = root.find(q("Body", SOAP_NS))
    payload = next((e for e in soap_body if isinstance(e.tag, str)), None) if soap_body is not None else None
    if payload is None:
        raise InvalidRequest("Corps SOAP vide")
    if payload.tag == q("careServicesRequest"):
        return _care_services_request(payload)
    if payload.tag == q(NOTIF_REQUEST, ROR_NS):
        return _notif_request(payload)
    raise InvalidRequest(f"Opération inconnue : {etree.QName(payload).localname}", code="not-supported")


def _care_services_request(payload: Element) -> Request:
    function = child(payload, "function")
    if function is None:
        raise InvalidRequest("Seules les fonctions stockées du ROR sont prises en charge (pas d'expression XQuery)")
    if function.get("urn") not in (None, LECTURE_URN):
        raise InvalidRequest(f"Fonction inconnue : {function.get('urn')}", code="not-supported")
    establishment = child(child(function, "TR_Lecture-OffresSanteEtablissement"), "etablissementDemandeLecture")
    if establishment is not None:
        return LectureEtablissement(
            code=_required_code(child(establishment, "id_etablissement"), "id_etablissement"),
            date_ref=_date_ref(establishment, required=False),
            activity_fields=_codes(establishment, "typeActivity"),
            supported_patients=_codes(establishment, "supportedPatient"),
            restricted=_boolean(text(establishment, "restrictedOrganisation")),
        )
    internal = child(function, "TR_Lecture-OffreSanteOrganisationInterne")
    if internal is not None:
        return LectureOrganisationInterne(_required_code(child(internal, "organisationID"), "organisationID"))
    raise InvalidRequest("Transaction de lecture absente ou inconnue dans careServicesRequest/function")


def _notif_request(payload: Element) -> NotifRequest:
    params = child(payload, "params")
    if params is None:
        raise InvalidRequest("Paramètres (params) absents de la demande de notification")
    date_ref = _date_ref(params, required=True)
    assert date_ref is not None
    return NotifRequest(date_ref, _codes(params, "typeActivity"), _codes(params, "supportedPatient"))


def _required_code(element: Element | None, name: str) -> str:
    code = (element.get("code") or "").strip() if element is not None else ""
    if not code:
        raise InvalidRequest(f"Identifiant {name}/@code obligatoire")
    return code


def _codes(parent: Element, name: str) -> frozenset[str]:
    return frozenset(code for e in children(parent, name) if (code := (e.get("code") or "").strip()))


def _boolean(value: str | None) -> bool:
    if value in (None, "false", "0"):
        return False
    if value in ("true", "1"):
        return True
    raise InvalidRequest(f"Booléen invalide : {value!r}")


def _date_ref(parent: Element, required: bool) -> datetime | None:
    value = text(parent, "dateRef")
    if value is None:
        if required:
            raise InvalidRequest("dateRef obligatoire")
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidRequest(f"dateRef invalide (xs:dateTime attendu) : {value!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=LEGACY_ZONE)


# ---------------------------------------------------------------- responses


def envelope(payload: Element) -> bytes:
    root = etree.Element(q("Envelope", SOAP_NS), nsmap={"env": SOAP_NS, "csd": CSD_NS, "ror": ROR_NS})
    etree.SubElement(root, q("Body", SOAP_NS)).append(payload)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def fault(error: FhirError, node: str | None = None) -> tuple[int, str, bytes]:
    """A SOAP 1.2 fault whose detail is the WSDL fault element ``ror:erreur``."""
    if isinstance(error, SoapVersionMismatch):
        value, status = "VersionMismatch", 500
    elif error.status < 500:
        value, status = "Sender", 400
    else:
        value, status = "Receiver", 500
    root = etree.Element(q("Envelope", SOAP_NS), nsmap={"env": SOAP_NS, "ror": ROR_NS})
    element = etree.SubElement(etree.SubElement(root, q("Body", SOAP_NS)), q("Fault", SOAP_NS))
    etree.SubElement(etree.SubElement(element, q("Code", SOAP_NS)), q("Value", SOAP_NS)).text = f"env:{value}"
    reason = etree.SubElement(etree.SubElement(element, q("Reason", SOAP_NS)), q("Text", SOAP_NS))
    reason.set(q("lang", XML_NS), "fr")
    reason.text = error.diagnostics
    if node:
        etree.SubElement(element, q("Node", SOAP_NS)).text = node
    detail = etree.SubElement(element, q("Detail", SOAP_NS))
    etree.SubElement(detail, q("erreur", ROR_NS), code=str(error.status), message=error.diagnostics)
    return status, SOAP_CONTENT_TYPE, etree.tostring(root, xml_declaration=True, encoding="UTF-8")


async def _run(request: Request, source: OfferSource, settings: Settings) -> Element:
    match request:
        case LectureEtablissement():
            return await lecture_etablissement(request, source, settings)
        case LectureOrganisationInterne():
            return await lecture_organisation_interne(request, source, settings)
        case NotifRequest():
            return await notif(request, source, settings)


async def handle_soap(
    version: str | CsdVersion,
    body: bytes,
    source: OfferSource,
    base_url: str | None = None,
    *,
    profile: AccessProfile = AccessProfile.PUBLIC,
    oid_for_system: OidForSystem | None = None,
    system_for_oid: SystemForOid | None = None,
    deadline: float = LECTURE_DEADLINE,
) -> tuple[int, str, bytes]:
    """Answer one SOAP request. ``profile`` is the caller's access profile, established by the server from
    its authentication (never from the unsigned VIHF assertion of the request). ``base_url`` (the endpoint
    URL) is reported as the faulting SOAP node. OID lookups default to the built-in NOS table."""
    try:
        exchange = CsdVersion.parse(version)
        request = parse_request(body)
    except FhirError as error:
        return fault(error, base_url)
    codes = CodeMapper.of(oid_for_system, system_for_oid)
    try:
        payload = await rg_alim_024_deadline(_run(request, source, Settings(exchange, codes, profile)), deadline)
    except FhirError as error:
        if isinstance(request, NotifRequest):
            return fault(error, base_url)
        payload = error_response(error.status, error.diagnostics)
    except Exception:
        logger.exception("legacy SOAP transaction failed")
        return fault(FhirError("Erreur interne du service", status=500, code="exception"), base_url)
    return 200, SOAP_CONTENT_TYPE, envelope(payload)


def wsdl(version: str | CsdVersion, base_url: str) -> bytes:
    """The WSDL of ``version``, its ``soap:address`` set to ``base_url`` (the SOAP endpoint) and its schema
    import pointing to ``{base_url}?xsd``."""
    exchange = CsdVersion.parse(version)
    tree = parse_xml(exchange.wsdl_path.read_bytes())
    for address in tree.iter(q("address", WSDL_SOAP12_NS)):
        address.set("location", base_url)
    for schema_import in tree.iter(q("import", XSD_NS)):
        schema_import.set("schemaLocation", f"{base_url}?xsd")
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")


def xsd(version: str | CsdVersion) -> bytes:
    """The CSD + ROR extension schema of ``version``, as published."""
    exchange = CsdVersion.parse(version)
    return exchange.xsd_path.read_bytes()
