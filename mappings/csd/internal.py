"""Internal organisations (pôle, service, UF): FHIR ``Organization`` <-> CSD ``facility`` (codedType 1–3).

The parent (EG or higher OI) is ``organizations/organization/@entityID``. The CSD makes ``typeActivity``,
``careMode`` and ``patientsType`` mandatory in every facility extension; an OI has none of its own, so they
are derived from the offers below it (RG_ALIM_006: an activity field present at a level is present on all
its ancestors), with an empty ``careMode`` (RG_ALIM_015). Derived values are ignored on import.
"""

from __future__ import annotations

from typing import Any

from mappings import fhir
from mappings.csd.address import read_address, write_address
from mappings.csd.contact import (
    contact_from_organization,
    mailboxes_of,
    organization_contact,
    read_contact,
    read_mailboxes,
    write_contact,
    write_mailbox,
)
from mappings.csd.context import Directories, ReadContext, WriteContext
from mappings.csd.fields import ExtField, read_field, write_date, write_field
from mappings.csd.identifiers import INTERNAL_KINDS, read_other_ids, write_other_ids
from mappings.csd.offer import age_range, exportable, write_patients
from mappings.csd.record import Stamp, apply_record, read_record, write_record
from mappings.csd.xml import Element, child, children, sub, sub_extension, text

Resource = dict[str, Any]

_CLOSING_REASON = ExtField("closingReason", fhir.EXT_CLOSING_TYPE, "coded")
_REOPENING = ExtField("ProvisionalReopeningDate", fhir.EXT_REOPENING_DATE, "date")


def write_internal(dirs: Directories, org: Resource, ctx: WriteContext) -> None:
    codes = ctx.codes
    stamp = ctx.stamp(org, fhir.ext_value(org, fhir.EXT_META_COMMENT))
    facility = sub(dirs.facilities, "facility", entityID=ctx.entity(org))
    write_other_ids(facility, org.get("identifier", ()), INTERNAL_KINDS, codes)
    types = list(fhir.codings(org.get("type"))) or [fhir.coding(fhir.OI_TYPE, "")]
    for coding in types:
        codes.coded(facility, "codedType", coding)
    sub(facility, "primaryName", org.get("name", ""))
    if org.get("address"):
        write_address(facility, org["address"][0])
    parent = fhir.reference_id(org.get("partOf"), "Organization")
    if parent:
        sub(sub(facility, "organizations"), "organization", entityID=f"Organization/{parent}")
    offers = [hcs for hcs in ctx.hierarchy.offers_below(org) if exportable(hcs)]
    if offers:
        _extension(sub_extension(facility), org, offers, stamp, ctx)
    write_record(facility, stamp)


def _extension(ext: Element, org: Resource, offers: list[Resource], stamp: Stamp, ctx: WriteContext) -> None:
    codes = ctx.codes
    period = fhir.ext_value(org, fhir.EXT_PERIOD) or {}
    if not ctx.v24:
        for telecom in mailboxes_of(org):
            write_mailbox(ext, telecom, stamp, codes)
        write_field(ext, _CLOSING_REASON, org, codes)
    for contact in org.get("contact", ()):
        write_contact(ext, contact_from_organization(contact), stamp, codes)
    if ctx.v24:
        for telecom in mailboxes_of(org):
            write_mailbox(ext, telecom, stamp, codes)
    write_date(ext, "finalClosingDate" if ctx.v24 else "closingDate", period.get("end"))
    write_date(ext, "creationDate", period.get("start"))
    for coding in _distinct(c for hcs in offers for c in fhir.codings(hcs.get("type"))):
        codes.coded(ext, "typeActivity", coding)
    codes.coded(ext, "careMode", {"system": fhir.CARE_MODE, "code": ""})
    supported = _distinct(
        fhir.first_coding(v)
        for hcs in offers
        for v in fhir.ext_values(fhir.extension(hcs, fhir.EXT_PATIENT_TYPE), "supportedPatientInfo")
    )
    ranges = [r for r in map(age_range, offers) if r]
    low = min((r[0] for r in ranges), key=lambda q: q["value"])
    high = max((r[1] for r in ranges), key=lambda q: q["value"])
    write_patients(ext, supported, low, high, stamp, codes)
    if not ctx.v24:
        write_field(ext, _REOPENING, org, codes)
    sub(ext, "sensitiveUnit", False)


def _distinct(codings: Any) -> list[Resource]:
    seen: list[Resource] = []
    for coding in codings:
        if coding and not any(c.get("system") == coding.get("system") and c["code"] == coding["code"] for c in seen):
            seen.append(coding)
    return seen


def read_internal(element: Element, ctx: ReadContext) -> Resource:
    codes = ctx.codes
    info = read_record(element)
    org: Resource = {"resourceType": "Organization", "id": ctx.targets[element.get("entityID", "")][1]}
    apply_record(org, info, ctx.region, fhir.PROFILE_ORGANIZATION)
    extensions: list[Resource] = org.setdefault("extension", [])
    if info.comment:
        extensions.append(fhir.make_ext(fhir.EXT_META_COMMENT, "String", info.comment))
    identifiers = read_other_ids(element, INTERNAL_KINDS, codes)
    if identifiers:
        org["identifier"] = identifiers
    types = [c for c in (codes.concept(t) for t in children(element, "codedType")) if c]
    if types:
        org["type"] = types
    if text(element, "primaryName"):
        org["name"] = text(element, "primaryName")
    address = read_address(child(element, "address"))
    if address:
        org["address"] = [address]
    parents = children(child(element, "organizations"), "organization")
    reference = ctx.reference(parents[0].get("entityID") if parents else None, "Organization")
    if reference:
        org["partOf"] = reference
    contacts: list[Resource] = []
    telecoms: list[Resource] = []
    for ext in children(element, "extension"):
        contacts.extend(organization_contact(read_contact(c, codes)) for c in children(ext, "contact"))
        telecoms.extend(read_mailboxes(children(ext, "mailBoxMSS"), codes))
        period = {
            key: text(ext, name)
            for key, name in (("start", "creationDate"), ("end", "finalClosingDate"), ("end", "closingDate"))
            if text(ext, name)
        }
        if period:
            extensions.append(fhir.make_ext(fhir.EXT_PERIOD, "Period", period))
        for field in (_CLOSING_REASON, _REOPENING):
            extensions.extend(read_field(ext, field, codes))
    if contacts:
        org["contact"] = contacts
    if telecoms:
        org["telecom"] = telecoms
    return org
