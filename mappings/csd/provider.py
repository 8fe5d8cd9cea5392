"""Professionals: FHIR ``PractitionerRole`` (+ its ``Practitioner``) <-> CSD ``providerDirectory/provider``.

One provider per operational situation (PractitionerRole), linked to its UE (``facilities/facility``) and
EG (``organizations/organization``). Savoir-faire (``credential``) pairs a type (TRE_R04) with the value
of the matching ``PractitionerRole.specialty`` slice.
"""

from __future__ import annotations

from typing import Any

from mappings import fhir
from mappings.csd.codes import CodeMapper
from mappings.csd.contact import (
    contact_point_from_telecom,
    mailboxes_of,
    read_contact_point,
    read_mailboxes,
    telecom_from_contact_point,
    write_contact_point,
    write_mailbox,
)
from mappings.csd.context import Directories, ReadContext, WriteContext
from mappings.csd.hours import read_hours, write_hours
from mappings.csd.identifiers import PERSON_KINDS, read_other_ids, write_other_ids
from mappings.csd.record import Stamp, apply_record, read_record, write_record
from mappings.csd.xml import Element, boolean, child, children, sub, sub_extension, text

Resource = dict[str, Any]

# credential extension element -> (specialty code system, TRE_R04 savoir-faire type), in XSD order
CREDENTIALS = {
    "speciality": (fhir.tre("R38-SpecialiteOrdinale"), "S"),
    "competence": (fhir.tre("R39-Competence"), "C"),
    "exclusiveCompetence": (fhir.tre("R40-CompetenceExclusive"), "CEX"),
    "particularSkills": (fhir.tre("G13-OrientationParticuliere"), "OP"),
    "capacity": (fhir.tre("R43-CapaciteSavoirFaire"), "CAPA"),
    "qualificationPAC": (fhir.tre("R44-QualificationPAC"), "PAC"),
    "DESCNonQualifiant": (fhir.tre("R42-DESCnonQualifiant"), "DNQ"),
    "complementarySkills": (fhir.tre("R97-DroitExerciceCompl"), "DEC"),
}
_CREDENTIAL_BY_SYSTEM = {system: (element, kind) for element, (system, kind) in CREDENTIALS.items()}
SPECIFIC_COMPETENCE = fhir.tre("R243-CompetenceSpecifique")


def write_provider(dirs: Directories, role: Resource, ctx: WriteContext) -> bool:
    """``False`` (nothing written) without a profession or an exercise name (both mandatory)."""
    codes = ctx.codes
    practitioner = ctx.hierarchy.graph.get("Practitioner", fhir.reference_id(role.get("practitioner"), "Practitioner"))
    name = _exercise_name(role, practitioner)
    professions = list(fhir.codings(role.get("code")))
    if not professions or not name["last"]:
        return False
    stamp = ctx.stamp(role, fhir.ext_value(role, fhir.EXT_META_COMMENT))
    provider = sub(dirs.providers, "provider", entityID=ctx.entity(role))
    write_other_ids(provider, (practitioner or {}).get("identifier", ()), PERSON_KINDS, codes)
    for coding in professions:
        codes.coded(provider, "codedType", coding)
    person = sub(sub(provider, "demographic"), "name")
    sub(person, "commonName", name["last"])
    if name["title"]:
        codes.coded(person, "honorific", name["title"])
    if name["first"]:
        sub(person, "forename", name["first"])
    organization = fhir.reference_id(role.get("organization"), "Organization")
    if organization:
        sub(sub(provider, "organizations"), "organization", entityID=f"Organization/{organization}")
    services = fhir.references(role.get("healthcareService"), "HealthcareService")
    if services:
        facilities = sub(provider, "facilities")
        for service in services:
            sub(facilities, "facility", entityID=f"HealthcareService/{service}")
    _write_credentials(provider, role, stamp, codes)
    mode = fhir.first_coding(fhir.ext_value(role, fhir.EXT_UNIT_EXERCISE_MODE))
    if mode:
        _write_situation(sub_extension(provider), role, practitioner, mode, stamp, ctx)
    write_record(provider, stamp)
    return True


def _exercise_name(role: Resource, practitioner: Resource | None) -> dict[str, Any]:
    ext = fhir.extension(role, fhir.EXT_PRACTITIONERROLE_NAME)
    civil = ((practitioner or {}).get("name") or [{}])[0]
    return {
        "last": fhir.ext_value(ext, "exerciseLastName") or civil.get("family"),
        "first": fhir.ext_value(ext, "exerciseFirstName") or " ".join(civil.get("given", ())) or None,
        "title": fhir.first_coding(fhir.ext_value(ext, "exerciseTitle")),
    }


def _write_credentials(provider: Element, role: Resource, stamp: Stamp, codes: CodeMapper) -> None:
    specialties = list(fhir.codings(role.get("specialty")))
    types = [c for c in specialties if c.get("system") == fhir.SAVOIR_FAIRE_TYPE]
    covered = set()
    for coding in specialties:
        slot = _CREDENTIAL_BY_SYSTEM.get(coding.get("system", ""))
        if slot is None:
            continue
        element, type_code = slot
        covered.add(type_code)
        type_coding = next(
            (t for t in types if t.get("code") == type_code), fhir.coding(fhir.SAVOIR_FAIRE_TYPE, type_code)
        )
        credential = _credential(provider, type_coding, codes)
        ext = sub_extension(credential)
        codes.coded(ext, element, coding)
        write_record(ext, stamp.bare())
    for type_coding in types:
        if type_coding.get("code") not in covered:
            _credential(provider, type_coding, codes)


def _credential(provider: Element, type_coding: Resource, codes: CodeMapper) -> Element:
    credential = sub(provider, "credential")
    codes.coded(credential, "codedType", type_coding)
    sub(credential, "number", "")
    return credential


def _write_situation(
    ext: Element, role: Resource, practitioner: Resource | None, mode: Resource, stamp: Stamp, ctx: WriteContext
) -> None:
    codes = ctx.codes
    status = sub(ext, "operationalStatus")
    codes.coded(status, "exerciceModeInUnit", mode)
    telecoms = [t for t in map(telecom_from_contact_point, role.get("telecom", ())) if t]
    for telecom in telecoms[:1] if ctx.v24 else telecoms:
        write_contact_point(status, telecom, stamp, codes)
    for coding in fhir.codings(role.get("specialty")):
        if coding.get("system") == SPECIFIC_COMPETENCE:
            codes.coded(status, "specificSkills", coding)
    slots = role.get("availableTime", ())
    for slot in slots[:1] if ctx.v24 else slots:
        write_hours(status, slot, stamp, codes, ctx.version)
    sector = fhir.first_coding(fhir.ext_value(role, fhir.EXT_CONTRACTED))
    if sector:
        codes.coded(status, "agreementSector", sector)
    for element, url in (
        ("contractOptionHealthCareAccess", fhir.EXT_HAS_CAS),
        ("vitaleCardAccepted", fhir.EXT_VITALE_ACCEPTED),
    ):
        flag = fhir.ext_value(role, url)
        if flag is not None:
            sub(status, element, flag)
    write_record(status, stamp.bare())
    mailboxes = mailboxes_of(practitioner or {})
    if mailboxes:
        write_mailbox(ext, mailboxes[0], stamp, codes)


def read_provider(element: Element, ctx: ReadContext, practitioner_id: str) -> tuple[Resource, Resource]:
    """(PractitionerRole, Practitioner) of a provider."""
    codes = ctx.codes
    info = read_record(element)
    role: Resource = {"resourceType": "PractitionerRole", "id": ctx.targets[element.get("entityID", "")][1]}
    apply_record(role, info, ctx.region, fhir.PROFILE_PRACTITIONERROLE)
    practitioner: Resource = {"resourceType": "Practitioner", "id": practitioner_id}
    apply_record(practitioner, info, ctx.region, fhir.PROFILE_PRACTITIONER)
    identifiers = read_other_ids(element, PERSON_KINDS, codes)
    if identifiers:
        practitioner["identifier"] = identifiers
    extensions: list[Resource] = role.setdefault("extension", [])
    if info.comment:
        extensions.append(fhir.make_ext(fhir.EXT_META_COMMENT, "String", info.comment))
    name = child(child(element, "demographic"), "name")
    last, first = text(name, "commonName"), text(name, "forename")
    title = codes.concept(child(name, "honorific"))
    if last:
        parts = [fhir.make_ext("exerciseLastName", "String", last)]
        if first:
            parts.append(fhir.make_ext("exerciseFirstName", "String", first))
        if title:
            parts.append(fhir.make_ext("exerciseTitle", "CodeableConcept", title))
        extensions.append({"url": fhir.EXT_PRACTITIONERROLE_NAME, "extension": parts})
        practitioner["name"] = [{"family": last, **({"given": [first]} if first else {})}]
    role["practitioner"] = {"reference": f"Practitioner/{practitioner_id}"}
    organizations = children(child(element, "organizations"), "organization")
    organization = ctx.reference(organizations[0].get("entityID") if organizations else None, "Organization")
    if organization:
        role["organization"] = organization
    units = children(child(element, "facilities"), "facility")
    services = [ctx.reference(unit.get("entityID"), "HealthcareService") for unit in units]
    if any(services):
        role["healthcareService"] = [s for s in services if s]
    professions = [c for c in map(codes.concept, children(element, "codedType")) if c]
    if professions:
        role["code"] = professions
    specialties = _read_credentials(element, codes)
    for ext in children(element, "extension"):
        _read_situation(child(ext, "operationalStatus"), role, specialties, codes)
        telecoms = read_mailboxes(children(ext, "mailBoxMSS"), codes)
        if telecoms:
            practitioner["telecom"] = telecoms
    if specialties:
        role["specialty"] = specialties
    return role, practitioner


def _read_credentials(element: Element, codes: CodeMapper) -> list[Resource]:
    specialties: list[Resource] = []
    for credential in children(element, "credential"):
        kind = codes.concept(child(credential, "codedType"))
        values = [codes.concept(child(ext, name)) for ext in children(credential, "extension") for name in CREDENTIALS]
        for concept in (kind, *values):
            if concept and concept not in specialties:
                specialties.append(concept)
    return specialties


def _read_situation(status: Element | None, role: Resource, specialties: list[Resource], codes: CodeMapper) -> None:
    if status is None:
        return
    extensions = role["extension"]
    mode = codes.concept(child(status, "exerciceModeInUnit"))
    if mode:
        extensions.append(fhir.make_ext(fhir.EXT_UNIT_EXERCISE_MODE, "CodeableConcept", mode))
    telecoms = [t for t in (read_contact_point(p, codes) for p in children(status, "contactPoint")) if t]
    if telecoms:
        role["telecom"] = [contact_point_from_telecom(t) for t in telecoms]
    specialties.extend(c for c in map(codes.concept, children(status, "specificSkills")) if c and c not in specialties)
    hours = [h for h in (read_hours(e, codes) for e in children(status, "operatingHours")) if h]
    if hours:
        role["availableTime"] = hours
    sector = codes.concept(child(status, "agreementSector"))
    if sector:
        extensions.append(fhir.make_ext(fhir.EXT_CONTRACTED, "CodeableConcept", sector))
    for name, url in (
        ("contractOptionHealthCareAccess", fhir.EXT_HAS_CAS),
        ("vitaleCardAccepted", fhir.EXT_VITALE_ACCEPTED),
    ):
        flag = boolean(status, name)
        if flag is not None:
            extensions.append(fhir.make_ext(url, "Boolean", flag))
