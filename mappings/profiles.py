"""Access profiles of the legacy exchange (RG_ALIM_050..053, legacy-xml §1.6 / §2.6) applied to an
:class:`OfferGraph` before it is mapped to CSD.

=========  ==============================  =====================================================
profile    use case (VIHF ``Profil_Utilisateur``)  what it sees
=========  ==============================  =====================================================
0          CU23 public information          public contacts only; no drop zone / ORSAN level; no
                                            crisis capacity; no resource skills, equipment, specific
                                            acts, care specialisations; no sensitive unit;
                                            professionals of ambulatory offers (champ 05) only
1          CU22 unscheduled-care regulation everything
2          CU20 coordination                no "très restreint" data; no drop zone / ORSAN level; no
                                            crisis capacity; no sensitive unit
3          CU19 medico-social orientation   restricted data of médico-social (champ 04) offers,
                                            public data elsewhere; skills/equipment/acts of MS
                                            offers only; no drop zone / ORSAN; no crisis capacity;
                                            no sensitive unit; professionals of champs 04 and 05
=========  ==============================  =====================================================

A sensitive unit is also hidden from profile 3 (the ME 3.0 policy shows it to profile 1 only). An
organisation counts as médico-social for profile 3 when all the offers below it are.
"""

from __future__ import annotations

import copy
from enum import IntEnum
from typing import Any

from mappings import fhir
from mappings.csd.contact import contact_from_service_extension, level, telecom_from_contact_point
from mappings.csd.slices import slice_of
from mappings.graph import Hierarchy, OfferGraph
from server.errors import NotFound

Resource = dict[str, Any]

MEDICO_SOCIAL = "04"
AMBULATORY = "05"
_SUPPLEMENTARY = "06"
_SKILL_SLICES = ("ressourceProfession", "specificCompetence", "specificAct", "outsideOfficeAct", "takingCareSpeciality")


class AccessProfile(IntEnum):
    PUBLIC = 0
    REGULATION = 1
    COORDINATION = 2
    MEDICO_SOCIAL = 3

    @classmethod
    def parse(cls, value: int | str) -> AccessProfile:
        """``0``..``3`` (int or text); another value is a 404 (it names an extraction resource)."""
        try:
            return cls(int(value))
        except ValueError:
            raise NotFound(f"Profil d'accès inconnu : {value!r} (profils : 0, 1, 2, 3)") from None


def max_confidentiality(profile: AccessProfile, medico_social: bool) -> int:
    """RG_ALIM_050..053: highest confidentiality level (TRE_R283) the profile may read."""
    if profile is AccessProfile.REGULATION:
        return 3
    if profile is AccessProfile.COORDINATION or (profile is AccessProfile.MEDICO_SOCIAL and medico_social):
        return 2
    return 1


def sees_sensitive_units(profile: AccessProfile) -> bool:
    """RG_ALIM_050..053: sensitive units are visible to the regulation profile only."""
    return profile is AccessProfile.REGULATION


def sees_crisis_data(profile: AccessProfile) -> bool:
    """RG_ALIM_050..053: drop zone, ORSAN level and crisis (supplementary) capacity: profile 1 only."""
    return profile is AccessProfile.REGULATION


def sees_skills(profile: AccessProfile, medico_social: bool) -> bool:
    """RG_ALIM_050..053: resource skills, equipment, specific acts, care specialisations: not profile 0;
    profile 3 for médico-social offers only."""
    return profile in (AccessProfile.REGULATION, AccessProfile.COORDINATION) or (
        profile is AccessProfile.MEDICO_SOCIAL and medico_social
    )


def sees_professionals(profile: AccessProfile, fields: set[str]) -> bool:
    """RG_ALIM_050..053: professionals of ambulatory offers for profile 0, of MS and ambulatory offers for
    profile 3, all for profiles 1 and 2."""
    if profile is AccessProfile.PUBLIC:
        return AMBULATORY in fields
    if profile is AccessProfile.MEDICO_SOCIAL:
        return bool(fields & {MEDICO_SOCIAL, AMBULATORY})
    return True


def activity_fields(hcs: Resource) -> set[str]:
    return {c["code"] for c in fhir.codings(hcs.get("type")) if c.get("code")}


def redact(graph: OfferGraph, profile: AccessProfile) -> OfferGraph:
    """A copy of ``graph`` holding only what ``profile`` may see (``graph`` is not modified)."""
    if profile is AccessProfile.REGULATION:
        return graph
    hierarchy = graph.index()
    services = {
        i: h
        for i, h in graph.services.items()
        if fhir.ext_value(h, fhir.EXT_SENSITIVE_UNIT) is not True or sees_sensitive_units(profile)
    }
    users: dict[str, list[Resource]] = {}
    for hcs in graph.services.values():
        for location_id in fhir.references(hcs.get("location"), "Location"):
            users.setdefault(location_id, []).append(hcs)
    result = OfferGraph()
    for org in graph.organizations.values():
        result.add(_organization(org, profile, _medico_social_org(org, hierarchy, services)))
    for hcs in services.values():
        result.add(_offer(hcs, profile))
    for location in graph.locations.values():
        visible = [h for h in users.get(location["id"], ()) if h["id"] in services]
        if visible or location["id"] not in users:
            medico_social = bool(visible) and all(MEDICO_SOCIAL in activity_fields(h) for h in visible)
            result.add(_location(location, profile, medico_social))
    for role in graph.roles.values():
        ids = fhir.references(role.get("healthcareService"), "HealthcareService")
        offers = [services[i] for i in ids if i in services]
        fields = set().union(*map(activity_fields, offers))
        if offers and sees_professionals(profile, fields):
            result.add(_telecoms_only(role, max_confidentiality(profile, MEDICO_SOCIAL in fields)))
    practitioners = {fhir.reference_id(r.get("practitioner"), "Practitioner") for r in result.roles.values()}
    for practitioner in graph.practitioners.values():
        if practitioner["id"] in practitioners:
            result.add(_telecoms_only(practitioner, max_confidentiality(profile, False)))
    return result


def _medico_social_org(org: Resource, hierarchy: Hierarchy, services: dict[str, Resource]) -> bool:
    offers = [h for h in hierarchy.offers_below(org) if h["id"] in services]
    return bool(offers) and all(MEDICO_SOCIAL in activity_fields(h) for h in offers)


def _allowed_telecoms(points: list[Resource], ceiling: int, floor: Resource | None = None) -> list[Resource]:
    kept = []
    for point in points:
        telecom = telecom_from_contact_point(point)
        if telecom is None:
            continue
        effective = max(level(telecom.confidentiality), level(floor) if floor else 0)
        if effective <= ceiling:
            kept.append(point)
    return kept


def _telecoms_only(resource: Resource, ceiling: int) -> Resource:
    copied = copy.deepcopy(resource)
    if "telecom" in copied:
        copied["telecom"] = _allowed_telecoms(copied["telecom"], ceiling)
    return copied


def _organization(org: Resource, profile: AccessProfile, medico_social: bool) -> Resource:
    ceiling = max_confidentiality(profile, medico_social)
    copied = _telecoms_only(org, ceiling)
    contacts = []
    for contact in copied.get("contact", ()):
        floor = fhir.first_coding(fhir.ext_value(contact, fhir.EXT_CONTACT_CONFIDENTIALITY))
        if level(floor) <= ceiling:
            contacts.append({**contact, "telecom": _allowed_telecoms(contact.get("telecom", []), ceiling, floor)})
    if "contact" in copied:
        copied["contact"] = contacts
    if not sees_crisis_data(profile):
        copied["extension"] = [
            e for e in copied.get("extension", ()) if e.get("url") not in (fhir.EXT_DROP_ZONE, fhir.EXT_ORSAN)
        ]
    return copied


def _offer(hcs: Resource, profile: AccessProfile) -> Resource:
    medico_social = MEDICO_SOCIAL in activity_fields(hcs)
    ceiling = max_confidentiality(profile, medico_social)
    copied = _telecoms_only(hcs, ceiling)
    extensions = []
    for ext in copied.get("extension", ()):
        if ext.get("url") == fhir.EXT_HCS_CONTACT:
            floor = level(contact_from_service_extension(ext).confidentiality)
            if floor > ceiling:
                continue
            ext = {
                **ext,
                "extension": [p for p in ext.get("extension", ()) if _telecom_part_allowed(p, floor, ceiling)],
            }
        extensions.append(ext)
    copied["extension"] = extensions
    if not sees_skills(profile, medico_social):
        copied["characteristic"] = [c for c in copied.get("characteristic", ()) if slice_of(c) not in _SKILL_SLICES]
    return copied


def _telecom_part_allowed(part: Resource, floor: int, ceiling: int) -> bool:
    """A telecom of a HealthcareService contact is at least as confidential as the contact (RG_EXP_034)."""
    if part.get("url") != fhir.EXT_HCS_CONTACT_TELECOM:
        return True
    own = level(fhir.first_coding(fhir.ext_value(part, fhir.EXT_TELECOM_CONFIDENTIALITY)))
    return max(own, floor) <= ceiling


def _location(location: Resource, profile: AccessProfile, medico_social: bool) -> Resource:
    copied = _telecoms_only(location, max_confidentiality(profile, medico_social))
    extensions = copied.get("extension", [])
    if not sees_skills(profile, medico_social):
        extensions = [e for e in extensions if e.get("url") != fhir.EXT_EQUIPMENT]
    if not sees_crisis_data(profile):
        extensions = [
            e
            for e in extensions
            if e.get("url") != fhir.EXT_SUPPORTED_CAPACITY
            or fhir.code_of(fhir.ext_value(e, "capacityStatus")) != _SUPPLEMENTARY
        ]
    copied["extension"] = extensions
    return copied
