"""Business rules of the legacy read transactions (RG_ALIM_015 to RG_ALIM_024).

Rules 015, 016, 018, 019, 020, 023 and 024 are quoted by PLATINES (legacy-xml §1.6). The texts of 017, 021
and 022 were not found; those functions implement the request semantics described in legacy-xml §2.2
(``dateRef``, ``supportedPatient``, identification of the establishment) and say so.
Each rule is a function over an :class:`OfferGraph` (or over the built response), applied by
:mod:`mappings.transactions`.
"""

from __future__ import annotations

import asyncio
import copy
from collections.abc import Awaitable
from datetime import datetime
from typing import Any, TypeVar

from mappings import fhir
from mappings.csd.offer import UE_TYPE
from mappings.csd.slices import slice_of
from mappings.csd.xml import Element, child, children, text
from mappings.graph import Level, OfferGraph
from mappings.profiles import MEDICO_SOCIAL, activity_fields
from server.errors import FhirError, InvalidRequest, NotFound

Resource = dict[str, Any]
T = TypeVar("T")

LECTURE_DEADLINE = 5.0
EXTRACTION_DEADLINE = 2 * 3600.0
_UE_ONLY_SLICES = (
    "receptionType",
    "receptionModality",
    "specificAct",
    "outsideOfficeAct",
    "takingCareSpeciality",
    "annualOpening",
    "ressourceProfession",
    "specificCompetence",
)
_UE_ONLY_EXTENSIONS = (fhir.EXT_TERRITORIAL_DIVISION, fhir.EXT_PSYCHIATRIC_SECTOR)


def rg_alim_015_restricted(graph: OfferGraph) -> OfferGraph:
    """RG_ALIM_015 — ``restrictedOrganisation`` = 1: the organisational tree only.

    EJ, EG and OI without prices; UEs keep their identity, type, champ d'activité, mode de prise en charge,
    patientèle and ages, MSS mailboxes, creation date and sensitivity, but lose the UE-specific attributes
    and instances (capacities, skills, reception type, acts, care specialisations, annual opening,
    intervention zones, opening hours, places, psychiatric sectors; the offer type is kept for médico-social
    offers only). Places, equipment and professionals are not returned."""
    result = OfferGraph()
    for org in graph.organizations.values():
        copied = copy.deepcopy(org)
        copied["extension"] = [e for e in copied.get("extension", ()) if e.get("url") != fhir.EXT_PRICE]
        result.add(copied)
    for hcs in graph.services.values():
        copied = copy.deepcopy(hcs)
        for key in ("availableTime", "location"):
            copied.pop(key, None)
        if MEDICO_SOCIAL not in activity_fields(hcs):
            copied.pop("category", None)
        copied["characteristic"] = [c for c in hcs.get("characteristic", ()) if slice_of(c) not in _UE_ONLY_SLICES]
        copied["extension"] = [e for e in copied.get("extension", ()) if e.get("url") not in _UE_ONLY_EXTENSIONS]
        result.add(copied)
    return result


def rg_alim_016_complete(graph: OfferGraph) -> OfferGraph:
    """RG_ALIM_016 — ``restrictedOrganisation`` = 0 or absent: the complete offer (EJ, EG, OI, UE with all their
    attributes, prices, places, equipment and professionals), i.e. the graph as loaded."""
    return graph


def rg_alim_017_changed_since(graph: OfferGraph, date_ref: datetime | None) -> OfferGraph:
    """RG_ALIM_017 [rule text not found; legacy-xml §2.2] — with ``dateRef``, only the offers modified after
    that instant are returned (an offer counts as modified when it, one of its places or one of its
    professionals was updated). The organisational tree is kept whole (RG_ALIM_018)."""
    if date_ref is None:
        return graph

    def changed(resource: Resource) -> bool:
        updated = parse_instant(resource.get("meta", {}).get("lastUpdated"))
        return updated is not None and updated > date_ref

    hierarchy = graph.index()
    kept = {
        hcs["id"]
        for hcs in graph.services.values()
        if changed(hcs)
        or any(
            changed(graph.locations[i])
            for i in fhir.references(hcs.get("location"), "Location")
            if i in graph.locations
        )
        or any(changed(role) for role in hierarchy.roles(hcs))
    }
    return _keep_offers(graph, kept)


def rg_alim_018_establishment_tree(graph: OfferGraph, establishment: Resource) -> OfferGraph:
    """RG_ALIM_018 — the whole tree EJ -> EG -> OI is returned, even the OIs without any UE: the EJ, the EG, every
    internal organisation below the EG, their offers with their places and professionals."""
    hierarchy = graph.index()
    result = OfferGraph()
    parent = hierarchy.parent(establishment)
    if parent is not None:
        result.add(parent)
    result.add(establishment)
    organizations = [establishment, *hierarchy.descendants(establishment)]
    for org in organizations[1:]:
        result.add(org)
    for org in organizations:
        for hcs in hierarchy.services(org):
            _add_offer(result, graph, hierarchy.roles(hcs), hcs)
    return result


def rg_alim_019_facility_number(result: Element) -> None:
    """RG_ALIM_019 — ``result/facilityNumber`` equals the number of UE in ``queryResult``, else error 405."""
    declared = text(result, "facilityNumber")
    facilities = children(child(child(result, "queryResult"), "facilityDirectory"), "facility")
    units = sum(1 for f in facilities if any(t.get("code") == UE_TYPE for t in children(f, "codedType")))
    if declared is not None and declared != str(units):
        raise FhirError(
            f"Nombre d'unités élémentaires incohérent : facilityNumber={declared}, UE retournées={units}",
            status=405,
            code="business-rule",
        )


def rg_alim_020_activity_fields(graph: OfferGraph, fields: set[str]) -> OfferGraph:
    """RG_ALIM_020 — with ``typeActivity`` filters (OR), only the branches of those champs d'activité are
    returned: offers of another champ are removed, and so are the OIs with no remaining offer below them."""
    if not fields:
        return graph
    kept = {h["id"] for h in graph.services.values() if activity_fields(h) & fields}
    filtered = _keep_offers(graph, kept)
    hierarchy = filtered.index()
    for org in list(filtered.organizations.values()):
        if hierarchy.level(org) is Level.OI and not any(True for _ in hierarchy.offers_below(org)):
            del filtered.organizations[org["id"]]
    return filtered


def rg_alim_021_supported_patients(graph: OfferGraph, patients: set[str]) -> OfferGraph:
    """RG_ALIM_021 [rule text not found; legacy-xml §2.2] — ``supportedPatient`` filters (OR) narrow the
    médico-social offers to those taking in one of these publics; other offers are unaffected."""
    if not patients:
        return graph

    def accepted(hcs: Resource) -> bool:
        if MEDICO_SOCIAL not in activity_fields(hcs):
            return True
        patient_type = fhir.extension(hcs, fhir.EXT_PATIENT_TYPE)
        codes = {fhir.code_of(v) for v in fhir.ext_values(patient_type, "supportedPatientInfo")}
        return bool(codes & patients)

    return _keep_offers(graph, {h["id"] for h in graph.services.values() if accepted(h)})


def rg_alim_022_single_establishment(candidates: list[Resource], code: str) -> Resource:
    """RG_ALIM_022 [rule text not found; legacy-xml §1.5, §2.2] — ``id_etablissement`` designates exactly
    one EG: unknown -> error 404; several -> the one whose national structure id (idNatStruct) matches."""
    if not candidates:
        raise NotFound(f"Établissement inconnu : {code}")
    if len(candidates) == 1:
        return candidates[0]
    exact = [
        org
        for org in candidates
        if any(
            i.get("system") == fhir.IDNAT_STRUCT_SYSTEM and i.get("value") == code for i in org.get("identifier", ())
        )
    ]
    if len(exact) == 1:
        return exact[0]
    raise InvalidRequest(f"Identifiant d'établissement ambigu : {code} désigne {len(candidates)} établissements")


def rg_alim_023_result_or_error(response: Element) -> None:
    """RG_ALIM_023 — a ``careServicesResponse`` holds either a ``result`` or an ``error``, never both."""
    if (child(response, "result") is None) == (child(response, "error") is None):
        raise FhirError(
            "Réponse invalide : exactement un élément result ou error attendu", status=500, code="exception"
        )


async def rg_alim_024_deadline(work: Awaitable[T], seconds: float = LECTURE_DEADLINE) -> T:
    """RG_ALIM_024 — a read answers within 5 s (an extraction within 2 h), else error 504."""
    try:
        return await asyncio.wait_for(work, timeout=seconds)
    except TimeoutError:
        raise FhirError(f"Délai de traitement dépassé ({seconds:g} s)", status=504, code="timeout") from None


# ---------------------------------------------------------------- helpers


def parse_instant(value: str | None) -> datetime | None:
    """A FHIR instant/dateTime as an aware datetime (``None`` when absent, partial or without a zone)."""
    if not value or "T" not in value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else None


def _add_offer(result: OfferGraph, graph: OfferGraph, roles: list[Resource], hcs: Resource) -> None:
    result.add(hcs)
    for location_id in fhir.references(hcs.get("location"), "Location"):
        if location_id in graph.locations:
            result.add(graph.locations[location_id])
    for role in roles:
        result.add(role)
        practitioner = graph.get("Practitioner", fhir.reference_id(role.get("practitioner"), "Practitioner"))
        if practitioner:
            result.add(practitioner)


def _keep_offers(graph: OfferGraph, kept: set[str]) -> OfferGraph:
    """``graph`` with only the offers ``kept`` (and their places and professionals); organisations unchanged."""
    hierarchy = graph.index()
    result = OfferGraph(organizations=dict(graph.organizations))
    for hcs in graph.services.values():
        if hcs["id"] in kept:
            _add_offer(result, graph, hierarchy.roles(hcs), hcs)
    return result
