"""Operational offers: FHIR ``HealthcareService`` (+ its Locations) <-> CSD UE ``facility`` (codedType 4).

The UE carries the offer attributes in ``facility/extension`` (element order and names differ between
2.4 and 3.0), its activities as ``serviceDirectory/service`` entries and its equipment as
``deviceDirectory/device`` entries. Most attributes are ``characteristic`` slices told apart by their
code system (:mod:`mappings.csd.slices`). A UE lacking a mandatory element (champ d'activité, mode de prise en
charge, patient ages) is not sent (RG_EXP_002).
"""

from __future__ import annotations

from typing import Any

from mappings import fhir
from mappings.csd.address import read_location, write_location
from mappings.csd.capacity import (
    equipment_of,
    location_from_place,
    place_of,
    read_accommodation,
    read_device,
    read_realized_offer,
    read_residential,
    realizable,
    write_accommodation,
    write_device,
    write_realized_offer,
    write_residential,
)
from mappings.csd.codes import CodeMapper
from mappings.csd.contact import (
    contact_from_service_extension,
    mailboxes_of,
    read_contact,
    read_mailboxes,
    service_contact_extension,
    very_restricted,
    write_contact,
    write_mailbox,
)
from mappings.csd.context import Directories, ReadContext, WriteContext
from mappings.csd.fields import write_date
from mappings.csd.hours import read_hours, write_hours
from mappings.csd.identifiers import OFFER_KINDS, read_other_ids, write_other_ids
from mappings.csd.ids import activity_entity, device_entity, legacy_id
from mappings.csd.record import RecordInfo, Stamp, apply_record, read_record, write_record
from mappings.csd.slices import as_characteristic, characteristics
from mappings.csd.territory import read_division, write_divisions
from mappings.csd.xml import Element, boolean, child, children, integer, sub, sub_extension, text
from mappings.versions import CsdVersion

Resource = dict[str, Any]

UE_TYPE = "4"
UE_CODING = fhir.coding(fhir.OI_TYPE, UE_TYPE)
_MATERNITY = fhir.tre("R253-TypeMaternite")
_CLOSING_PERIOD = "closingReopeningDate"

# CSD element -> characteristic slice, for the plain coded attributes, per version
_COMMON = {
    "receptionType": "receptionType",
    "takingCareSpeciality": "takingCareSpeciality",
    "annualOpenning": "annualOpening",
    "specificAct": "specificAct",
    "managementType": "managementType",
}
SLICE_ELEMENTS = {
    CsdVersion.V2_4: {**_COMMON, "maternityHospitalType": "expertiseLevel"},
    CsdVersion.V3_0: {
        **_COMMON,
        "homeMode": "receptionModality",
        "professionalResource": "ressourceProfession",
        "specificSkill": "specificCompetence",
        "expertLevel": "expertiseLevel",
        "actRealizedOutsideOffice": "outsideOfficeAct",
        "closingReason": "temporalityStopService",
    },
}
_SKILLS_24 = {"profession": "ressourceProfession", "specificSkills": "specificCompetence"}


def age_range(hcs: Resource) -> tuple[Resource, Resource] | None:
    ages = fhir.ext_value(fhir.extension(hcs, fhir.EXT_PATIENT_TYPE), "ageRange") or {}
    low, high = ages.get("low") or {}, ages.get("high") or {}
    if low.get("value") is None or high.get("value") is None:
        return None
    return low, high


def exportable(hcs: Resource) -> bool:
    """Whether the offer has the elements a UE cannot do without (RG_EXP_002)."""
    return bool(list(fhir.codings(hcs.get("type")))) and bool(characteristics(hcs, "careMode")) and bool(age_range(hcs))


def locations_of(hcs: Resource, ctx: WriteContext) -> list[Resource]:
    found = (ctx.hierarchy.graph.get("Location", fhir.reference_id(ref, "Location")) for ref in hcs.get("location", ()))
    return [loc for loc in found if loc]


# ---------------------------------------------------------------- FHIR -> CSD


def write_offer(dirs: Directories, hcs: Resource, ctx: WriteContext) -> bool:
    """Write the UE, its activities and its equipment; ``False`` when the offer cannot be sent."""
    if not exportable(hcs):
        return False
    codes = ctx.codes
    stamp = ctx.stamp(hcs, hcs.get("comment"))
    entity = ctx.entity(hcs)
    locations = [loc for loc in locations_of(hcs, ctx) if ctx.v24 or realizable(loc)]
    devices = _write_devices(dirs, locations, ctx)
    facility = sub(dirs.facilities, "facility", entityID=entity)
    write_other_ids(facility, hcs.get("identifier", ()), OFFER_KINDS, codes)
    codes.coded(facility, "codedType", UE_CODING)
    sub(facility, "primaryName", hcs.get("name", ""))
    provider = fhir.reference_id(hcs.get("providedBy"), "Organization")
    if provider:
        parents = sub(sub(facility, "organizations"), "organization", entityID=f"Organization/{provider}")
        for activity in _write_activities(dirs, hcs, entity, stamp, codes):
            sub(parents, "service", entityID=activity)
    for slot in hcs.get("availableTime", ()):
        write_hours(facility, slot, stamp, codes, ctx.version)
    ext = sub_extension(facility)
    if ctx.v24:
        _extension_24(ext, hcs, locations, devices, stamp, ctx)
    else:
        _extension_30(ext, hcs, locations, devices, stamp, ctx)
    write_record(facility, stamp)
    return True


def _write_activities(dirs: Directories, hcs: Resource, entity: str, stamp: Stamp, codes: CodeMapper) -> list[str]:
    specialties = list(fhir.codings(hcs.get("specialty")))
    activities = [c for c in specialties if c.get("system") == fhir.OPERATIONAL_ACTIVITY]
    families = [c for c in specialties if c.get("system") != fhir.OPERATIONAL_ACTIVITY]
    entities = []
    for activity in activities:
        activity_id = activity_entity(entity, activity.get("code", ""))
        if activity_id in entities:
            continue
        entities.append(activity_id)
        service = sub(dirs.services, "service", entityID=activity_id)
        codes.coded(service, "codedType", activity)
        if families:
            ext = sub_extension(service)
            for family in families:
                codes.coded(ext, "actFamily", family)
        write_record(service, stamp.bare())
    return entities


def _write_devices(dirs: Directories, locations: list[Resource], ctx: WriteContext) -> list[list[str]]:
    """Device entities per location (each device is written once per document)."""
    per_location = []
    for location in locations:
        entities = []
        for index, equipment in enumerate(equipment_of(location)):
            entity = device_entity(ctx.entity(location), index)
            entities.append(entity)
            if entity not in dirs.devices_written:
                dirs.devices_written.add(entity)
                write_device(dirs.devices, entity, equipment, ctx.stamp(location), ctx.codes, ctx.version)
        per_location.append(entities)
    return per_location


def _contacts(ext: Element, hcs: Resource, stamp: Stamp, codes: CodeMapper) -> None:
    sensitive = bool(fhir.ext_value(hcs, fhir.EXT_SENSITIVE_UNIT))
    for contact_ext in fhir.extensions(hcs, fhir.EXT_HCS_CONTACT):
        contact = contact_from_service_extension(contact_ext)
        write_contact(ext, very_restricted(contact) if sensitive else contact, stamp, codes)


def _mailboxes(ext: Element, hcs: Resource, stamp: Stamp, codes: CodeMapper) -> None:
    for telecom in mailboxes_of(hcs):
        write_mailbox(ext, telecom, stamp, codes)


def _coded(parent: Element, element: str, codings: list[Resource], codes: CodeMapper, single: bool = False) -> None:
    for coding in codings[:1] if single else codings:
        codes.coded(parent, element, coding)


def _slice(parent: Element, element: str, hcs: Resource, ctx: WriteContext, single: bool = False) -> None:
    _coded(parent, element, characteristics(hcs, SLICE_ELEMENTS[ctx.version][element]), ctx.codes, single)


def _core(ext: Element, hcs: Resource, stamp: Stamp, codes: CodeMapper) -> None:
    """``typeActivity`` and ``careMode`` (the elements both versions put right after ``creationDate``)."""
    _coded(ext, "typeActivity", list(fhir.codings(hcs.get("type"))), codes)
    _coded(ext, "careMode", characteristics(hcs, "careMode"), codes, single=True)


def write_patients(
    ext: Element, supported: list[Resource], low: Resource, high: Resource, stamp: Stamp, codes: CodeMapper
) -> None:
    element = sub(ext, "patientsType")
    _coded(element, "supportedPatient", supported, codes)
    for name, bound in (("patientTypeAgeMin", low), ("patientTypeAgeMax", high)):
        measure = sub(element, name)
        sub(measure, "value", int(bound["value"]))
        codes.coded(measure, "unit", {"system": bound.get("system", fhir.UCUM), "code": bound.get("code", "a")})
    write_record(element, stamp.bare())


def _patients(ext: Element, hcs: Resource, stamp: Stamp, codes: CodeMapper) -> None:
    patient_type = fhir.extension(hcs, fhir.EXT_PATIENT_TYPE)
    supported = [c for c in map(fhir.first_coding, fhir.ext_values(patient_type, "supportedPatientInfo")) if c]
    low, high = age_range(hcs) or ({}, {})
    write_patients(ext, supported, low, high, stamp, codes)


def _closing(hcs: Resource) -> Resource:
    for period in hcs.get("notAvailable", ()):
        if period.get("id", _CLOSING_PERIOD) == _CLOSING_PERIOD:
            return period.get("during") or {}
    return {}


def _tail(ext: Element, hcs: Resource, stamp: Stamp, ctx: WriteContext) -> None:
    """From ``facilityType`` (excluded) the elements shared by both versions up to ``psychiatricSector``."""
    write_divisions(ext, "interventionZone", hcs, stamp, ctx.codes)
    _slice(ext, "annualOpenning", hcs, ctx, single=True)
    for sector in fhir.ext_values(hcs, fhir.EXT_PSYCHIATRIC_SECTOR):
        sub(ext, "psychiatricSector", sector)


def _extension_24(
    ext: Element, hcs: Resource, locations: list[Resource], devices: list[list[str]], stamp: Stamp, ctx: WriteContext
) -> None:
    codes = ctx.codes
    _contacts(ext, hcs, stamp, codes)
    _mailboxes(ext, hcs, stamp, codes)
    write_date(ext, "finalClosingDate", _closing(hcs).get("start"))
    write_date(ext, "creationDate", fhir.ext_value(hcs, fhir.EXT_CREATION_DATE))
    _core(ext, hcs, stamp, codes)
    _patients(ext, hcs, stamp, codes)
    write_accommodation(ext, locations, stamp)
    write_residential(ext, locations, stamp, codes)
    skills = {element: characteristics(hcs, name) for element, name in _SKILLS_24.items()}
    if any(skills.values()):
        element = sub(ext, "resourcesSkills")
        _coded(element, "profession", skills["profession"], codes)
        _coded(element, "specificSkills", skills["specificSkills"], codes)
    for entity in (e for per_location in devices for e in per_location):
        sub(ext, "equipment", entityID=entity)
    _slice(ext, "receptionType", hcs, ctx, single=True)
    _slice(ext, "takingCareSpeciality", hcs, ctx)
    _coded(ext, "facilityType", list(fhir.codings(hcs.get("category"))), codes, single=True)
    if locations:
        write_location(ext, place_of(locations[0]), ctx.stamp(locations[0]), codes, ctx.version)
    _tail(ext, hcs, stamp, ctx)
    _slice(ext, "specificAct", hcs, ctx)
    _slice(ext, "managementType", hcs, ctx)
    maternity = [c for c in characteristics(hcs, "expertiseLevel") if c.get("system") == _MATERNITY]
    _coded(ext, "maternityHospitalType", maternity, codes, single=True)
    sub(ext, "sensitiveUnit", bool(fhir.ext_value(hcs, fhir.EXT_SENSITIVE_UNIT)))


def _extension_30(
    ext: Element, hcs: Resource, locations: list[Resource], devices: list[list[str]], stamp: Stamp, ctx: WriteContext
) -> None:
    codes = ctx.codes
    _mailboxes(ext, hcs, stamp, codes)
    _slice(ext, "closingReason", hcs, ctx, single=True)
    _contacts(ext, hcs, stamp, codes)
    closing = _closing(hcs)
    write_date(ext, "closingDate", closing.get("start"))
    write_date(ext, "creationDate", fhir.ext_value(hcs, fhir.EXT_CREATION_DATE))
    _core(ext, hcs, stamp, codes)
    _slice(ext, "homeMode", hcs, ctx)
    _patients(ext, hcs, stamp, codes)
    _slice(ext, "receptionType", hcs, ctx, single=True)
    _slice(ext, "takingCareSpeciality", hcs, ctx)
    _coded(ext, "facilityType", list(fhir.codings(hcs.get("category"))), codes, single=True)
    write_date(ext, "ProvisionalReopeningDate", closing.get("end"))
    _tail(ext, hcs, stamp, ctx)
    _slice(ext, "professionalResource", hcs, ctx)
    _slice(ext, "specificSkill", hcs, ctx)
    _slice(ext, "expertLevel", hcs, ctx, single=True)
    _slice(ext, "specificAct", hcs, ctx)
    _slice(ext, "actRealizedOutsideOffice", hcs, ctx)
    _slice(ext, "managementType", hcs, ctx)
    sub(ext, "sensitiveUnit", bool(fhir.ext_value(hcs, fhir.EXT_SENSITIVE_UNIT)))
    no_consent = fhir.ext_value(hcs, fhir.EXT_NO_CONSENT)
    if no_consent is not None:
        sub(ext, "careWithoutPatientApproval", no_consent)
    for location, location_devices in zip(locations, devices, strict=True):
        write_realized_offer(ext, location, location_devices, ctx.stamp(location), codes)


# ---------------------------------------------------------------- CSD -> FHIR


def read_offer(element: Element, ctx: ReadContext) -> list[Resource]:
    """The HealthcareService of a UE facility, followed by its Locations."""
    codes = ctx.codes
    info = read_record(element)
    hcs_id = ctx.targets[element.get("entityID", "")][1]
    hcs: Resource = {"resourceType": "HealthcareService", "id": hcs_id}
    apply_record(hcs, info, ctx.region, fhir.PROFILE_HEALTHCARESERVICE)
    identifiers = read_other_ids(element, OFFER_KINDS, codes)
    if identifiers:
        hcs["identifier"] = identifiers
    if text(element, "primaryName"):
        hcs["name"] = text(element, "primaryName")
    parents = children(child(element, "organizations"), "organization")
    if parents:
        reference = ctx.reference(parents[0].get("entityID"), "Organization")
        if reference:
            hcs["providedBy"] = reference
        hcs["specialty"] = _read_activities(parents[0], ctx)
    hours = [h for h in (read_hours(e, codes) for e in children(element, "operatingHours")) if h]
    if hours:
        hcs["availableTime"] = hours
    if info.comment:
        hcs["comment"] = info.comment
    locations: list[Resource] = []
    for ext in children(element, "extension"):
        _read_extension(ext, hcs, locations, info.updated, ctx)
    for key in ("specialty", "characteristic", "telecom"):
        if key in hcs and not hcs[key]:
            del hcs[key]
    if locations:
        hcs["location"] = [{"reference": f"Location/{location['id']}"} for location in locations]
    return [hcs, *locations]


def _read_activities(parent: Element, ctx: ReadContext) -> list[Resource]:
    specialties: list[Resource] = []
    for service in children(parent, "service"):
        definition = ctx.services.get(service.get("entityID", ""))
        if definition is None:
            continue
        activity = ctx.codes.concept(child(definition, "codedType"))
        families = [
            ctx.codes.concept(f) for ext in children(definition, "extension") for f in children(ext, "actFamily")
        ]
        for concept in (activity, *families):
            if concept and concept not in specialties:
                specialties.append(concept)
    return specialties


def _read_extension(
    ext: Element, hcs: Resource, locations: list[Resource], updated: str | None, ctx: ReadContext
) -> None:
    codes = ctx.codes
    extensions = hcs.setdefault("extension", [])
    characteristic = hcs.setdefault("characteristic", [])
    extensions.extend(service_contact_extension(read_contact(c, codes)) for c in children(ext, "contact"))
    hcs.setdefault("telecom", []).extend(read_mailboxes(children(ext, "mailBoxMSS"), codes))
    types = [c for c in (codes.concept(t) for t in children(ext, "typeActivity")) if c]
    if types:
        hcs["type"] = types
    care_mode = codes.concept(child(ext, "careMode"))
    if care_mode:
        characteristic.append(care_mode)
    for name in ("maternityHospitalType", *SLICE_ELEMENTS[CsdVersion.V3_0]):
        slice_name = SLICE_ELEMENTS[CsdVersion.V2_4].get(name) or SLICE_ELEMENTS[CsdVersion.V3_0][name]
        characteristic.extend(as_characteristic(c, slice_name) for c in map(codes.concept, children(ext, name)) if c)
    for skills in children(ext, "resourcesSkills"):
        for name, slice_name in _SKILLS_24.items():
            characteristic.extend(
                as_characteristic(c, slice_name) for c in map(codes.concept, children(skills, name)) if c
            )
    category = codes.concept(child(ext, "facilityType"))
    if category:
        hcs["category"] = [category]
    _read_patients(ext, extensions, codes)
    extensions.extend(filter(None, (read_division(d, codes) for d in children(ext, "interventionZone"))))
    for sector in children(ext, "psychiatricSector"):
        if sector.text and sector.text.strip():
            extensions.append(fhir.make_ext(fhir.EXT_PSYCHIATRIC_SECTOR, "String", sector.text.strip()))
    sensitive = boolean(ext, "sensitiveUnit")
    if sensitive is not None:
        extensions.append(fhir.make_ext(fhir.EXT_SENSITIVE_UNIT, "Boolean", sensitive))
    no_consent = boolean(ext, "careWithoutPatientApproval")
    if no_consent is not None:
        extensions.append(fhir.make_ext(fhir.EXT_NO_CONSENT, "Boolean", no_consent))
    closing = {
        key: text(ext, name)
        for key, name in (("start", "finalClosingDate"), ("start", "closingDate"), ("end", "ProvisionalReopeningDate"))
        if text(ext, name)
    }
    if closing:
        hcs["notAvailable"] = [
            {
                "id": _CLOSING_PERIOD,
                "description": "Période de fermeture et de réouverture prévisionnelle",
                "during": closing,
            }
        ]
    _read_places(ext, hcs, locations, updated, ctx)


def _read_patients(ext: Element, extensions: list[Resource], codes: CodeMapper) -> None:
    patients = child(ext, "patientsType")
    if patients is None:
        return
    parts = [
        fhir.make_ext("supportedPatientInfo", "CodeableConcept", c)
        for c in map(codes.concept, children(patients, "supportedPatient"))
        if c
    ]
    bounds: dict[str, Resource] = {}
    for key, name in (("low", "patientTypeAgeMin"), ("high", "patientTypeAgeMax")):
        measure = child(patients, name)
        value = integer(measure, "value")
        unit = codes.coding(child(measure, "unit")) or {}
        if value is not None:
            bounds[key] = {"value": value, **{k: unit[k] for k in ("system", "code") if k in unit}}
    if bounds:
        parts.append(fhir.make_ext("ageRange", "Range", bounds))
    extensions.append({"url": fhir.EXT_PATIENT_TYPE, "extension": parts})


def _read_places(ext: Element, hcs: Resource, locations: list[Resource], updated: str | None, ctx: ReadContext) -> None:
    """3.0 ``locationRealizedOffer`` entries, or the 2.4 UE-level location/capacities/equipment."""
    for realized in children(ext, "locationRealizedOffer"):
        realized_place, device_entities = read_realized_offer(realized, ctx.codes)
        realized_place["extension"].extend(_devices(device_entities, ctx))
        key = _realized_key(realized) or f"{hcs['id']}#{len(locations)}"
        realized_place["id"] = legacy_id("Location", key)
        _stamp_location(realized_place, read_record(realized), ctx)
        locations.append(realized_place)
    location_element = child(ext, "location")
    capacities = read_accommodation(ext, ctx.codes, updated)
    residential = read_residential(ext, ctx.codes)
    equipment = _devices([e.get("entityID", "") for e in children(ext, "equipment")], ctx)
    if location_element is None and not (capacities or residential or equipment):
        return
    location: Resource = {"resourceType": "Location", "id": legacy_id("Location", f"{hcs['id']}#ue")}
    if location_element is not None:
        location_from_place(location, read_location(location_element, ctx.codes))
    location.setdefault("extension", []).extend([*capacities, *residential, *equipment])
    info = read_record(location_element) if location_element is not None else read_record(ext.getparent())
    _stamp_location(location, info, ctx)
    locations.append(location)


def _stamp_location(location: Resource, info: RecordInfo, ctx: ReadContext) -> None:
    """Metadata first in the resource, as for the other imported resources."""
    fields = {k: location.pop(k) for k in list(location) if k not in ("resourceType", "id")}
    apply_record(location, info, ctx.region, fhir.PROFILE_LOCATION)
    location["extension"] = location.get("extension", []) + fields.pop("extension", [])
    location.update(fields)


def _realized_key(realized: Element) -> str | None:
    identifier = child(child(realized, "location"), "identifier")
    synchro = child(realized, "externalidSynchronization")
    for element, prefix in ((identifier, "id"), (synchro, "synchro")):
        if element is not None and element.get("entityID"):
            return f"{prefix}|{element.get('entityID')}"
    return None


def _devices(entities: list[str], ctx: ReadContext) -> list[Resource]:
    found = (ctx.devices.get(entity) for entity in entities)
    return [e for e in (read_device(d, ctx.codes) for d in found if d is not None) if e]
