"""The three legacy transactions, from a parsed request to the response element (transport-free).

``TR-Lecture-OffresSanteEtablissement`` and ``TR-Lecture-OffreSanteOrganisationInterne`` answer a
``careServicesResponse``; ``TR-Notif-ListeEtablissementMajApresDate`` answers the ROR-namespace
``TR-Notif-ListeEtablissementMajApresDate_Reponse``. Business failures raise ``FhirError`` (the SOAP
layer renders them as ``careServicesResponse/error`` or a SOAP fault).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from lxml import etree

from mappings import fhir
from mappings.csd.codes import CodeMapper
from mappings.csd.document import now_xs, write_directories
from mappings.csd.identifiers import IDNAT_STRUCT, STRUCTURE_KINDS, write_other_ids
from mappings.csd.xml import CSD_NS, ROR_NS, Element, q, sub
from mappings.graph import Level, OfferGraph
from mappings.profiles import AccessProfile, redact
from mappings.rules import (
    rg_alim_015_restricted,
    rg_alim_016_complete,
    rg_alim_017_changed_since,
    rg_alim_018_establishment_tree,
    rg_alim_019_facility_number,
    rg_alim_020_activity_fields,
    rg_alim_021_supported_patients,
    rg_alim_023_result_or_error,
)
from mappings.source import (
    OfferSource,
    ancestors_of,
    collect,
    find_establishment,
    last_updated_after,
    load_establishment,
    load_internal,
    search_each,
)
from mappings.versions import CsdVersion

Resource = dict[str, Any]
NOTIF_RESPONSE = "TR-Notif-ListeEtablissementMajApresDate_Reponse"


@dataclass(frozen=True, slots=True)
class Settings:
    """What a transaction needs besides its request: exchange version, OID lookups, caller's profile."""

    version: CsdVersion
    codes: CodeMapper
    profile: AccessProfile


@dataclass(frozen=True, slots=True)
class LectureEtablissement:
    code: str
    date_ref: datetime | None = None
    activity_fields: frozenset[str] = frozenset()
    supported_patients: frozenset[str] = frozenset()
    restricted: bool = False


@dataclass(frozen=True, slots=True)
class LectureOrganisationInterne:
    code: str


@dataclass(frozen=True, slots=True)
class NotifRequest:
    date_ref: datetime
    activity_fields: frozenset[str] = frozenset()
    supported_patients: frozenset[str] = frozenset()


Request = LectureEtablissement | LectureOrganisationInterne | NotifRequest


def result_response(graph: OfferGraph, settings: Settings) -> Element:
    """``careServicesResponse/result`` describing ``graph`` (checked by RG_ALIM_019 and RG_ALIM_023)."""
    response = etree.Element(q("careServicesResponse"), nsmap={"csd": CSD_NS})
    result = sub(response, "result")
    number = sub(result, "facilityNumber")
    units = write_directories(sub(result, "queryResult"), graph, settings.version, settings.codes, now_xs())
    number.text = str(units)
    rg_alim_019_facility_number(result)
    rg_alim_023_result_or_error(response)
    return response


def error_response(code: int, message: str) -> Element:
    response = etree.Element(q("careServicesResponse"), nsmap={"csd": CSD_NS})
    sub(response, "error", code=code, message=message)
    return response


async def lecture_etablissement(request: LectureEtablissement, source: OfferSource, settings: Settings) -> Element:
    establishment = await find_establishment(source, request.code)
    graph = rg_alim_018_establishment_tree(await load_establishment(source, establishment), establishment)
    graph = rg_alim_017_changed_since(graph, request.date_ref)
    graph = rg_alim_020_activity_fields(graph, set(request.activity_fields))
    graph = rg_alim_021_supported_patients(graph, set(request.supported_patients))
    graph = rg_alim_015_restricted(graph) if request.restricted else rg_alim_016_complete(graph)
    return result_response(redact(graph, settings.profile), settings)


async def lecture_organisation_interne(
    request: LectureOrganisationInterne, source: OfferSource, settings: Settings
) -> Element:
    graph, _ = await load_internal(source, request.code)
    return result_response(redact(graph, settings.profile), settings)


@dataclass
class _Change:
    establishment: Resource
    fields: dict[str, Resource] = field(default_factory=dict)
    offers: bool = False


async def notif(request: NotifRequest, source: OfferSource, settings: Settings) -> Element:
    """Establishments changed after ``dateRef``: offers (or their places, professionals) of the requested
    champs and publics, and organisations (reported with ``restrictedOrganisation`` = true when only the
    organisational tree changed)."""
    since = [last_updated_after(request.date_ref)]
    offers = {h["id"]: h for h in await collect(source, "HealthcareService", since)}
    places = [loc["id"] for loc in await collect(source, "Location", since)]
    for hcs in await search_each(source, "HealthcareService", "location", (f"Location/{i}" for i in places)):
        offers.setdefault(hcs["id"], hcs)
    roles = await collect(source, "PractitionerRole", since)
    offer_ids = [i for r in roles for i in fhir.references(r.get("healthcareService"), "HealthcareService")]
    for hcs in await search_each(source, "HealthcareService", "_id", offer_ids):
        offers.setdefault(hcs["id"], hcs)
    selected = OfferGraph.of(offers.values())
    selected = rg_alim_020_activity_fields(selected, set(request.activity_fields))
    selected = rg_alim_021_supported_patients(selected, set(request.supported_patients))
    selected = redact(selected, settings.profile)
    changes: dict[str, _Change] = {}
    cache: dict[str, list[Resource]] = {}
    for hcs in selected.services.values():
        provider_id = fhir.reference_id(hcs.get("providedBy"), "Organization")
        for establishment in await _establishments(source, provider_id, None, cache):
            change = changes.setdefault(establishment["id"], _Change(establishment))
            change.offers = True
            for coding in fhir.codings(hcs.get("type")):
                if coding.get("code"):
                    change.fields.setdefault(coding["code"], coding)
    for org in await collect(source, "Organization", since):
        for establishment in await _establishments(source, org["id"], org, cache):
            changes.setdefault(establishment["id"], _Change(establishment))
    return _notif_response(list(changes.values()), settings.codes)


async def _establishments(
    source: OfferSource, org_id: str | None, org: Resource | None, cache: dict[str, list[Resource]]
) -> list[Resource]:
    """The EG(s) concerned by a change of an organisation: itself, its EG, or every EG of an EJ (cached by
    organisation id; ``org`` spares a read when the caller already has it)."""
    if org_id is None:
        return []
    if org_id not in cache:
        org = org or await source.read("Organization", org_id)
        if org is None:
            cache[org_id] = []
            return []
        chain = [org, *await ancestors_of(source, org)]
        hierarchy = OfferGraph.of(chain).index()
        if hierarchy.level(org) is Level.EJ:
            cache[org_id] = await collect(source, "Organization", [("partof", f"Organization/{org_id}")])
        else:
            establishment = hierarchy.establishment(org)
            cache[org_id] = [establishment] if establishment else []
    return cache[org_id]


def _notif_response(changes: list[_Change], codes: CodeMapper) -> Element:
    response = etree.Element(q(NOTIF_RESPONSE, ROR_NS), nsmap={"ror": ROR_NS, "csd": CSD_NS})
    reported = 0
    for change in sorted(changes, key=lambda c: _structure_id(c.establishment) or ""):
        identifiers = [i for i in change.establishment.get("identifier", ()) if i.get("value")]
        preferred = [i for i in identifiers if IDNAT_STRUCT.matches_fhir(i)] or identifiers
        if not preferred:
            continue
        entry = sub(response, "etablissementReponseNotif")
        write_other_ids(entry, preferred[:1], STRUCTURE_KINDS, codes, name="id_etablissement")
        for code in sorted(change.fields):
            coding = change.fields[code]
            codes.coded(entry, "typeActivity", {"system": coding.get("system"), "code": code})
        sub(entry, "restrictedOrganisation", not change.offers)
        reported += 1
    sub(response, "result", reported)
    return response


def _structure_id(org: Resource) -> str | None:
    return next((i.get("value") for i in org.get("identifier", ()) if IDNAT_STRUCT.matches_fhir(i)), None)
