"""EJ and EG: FHIR ``Organization`` <-> CSD ``organizationDirectory/organization``.

An EG points to its EJ with ``parent``. The address travels in ``extension/location`` (with its commune
and coordinates) when it has an INSEE commune code (mandatory there), else in ``address``.
"""

from __future__ import annotations

from typing import Any

from mappings import fhir
from mappings.csd.address import (
    address_from_place,
    place_from_address,
    read_address,
    read_location,
    write_address,
    write_location,
)
from mappings.csd.contact import contact_from_organization, organization_contact, read_contact, write_contact
from mappings.csd.context import ReadContext, WriteContext
from mappings.csd.fields import ExtField, read_field, write_date, write_field
from mappings.csd.identifiers import STRUCTURE_KINDS, read_other_ids, write_other_ids
from mappings.csd.price import read_price, write_price
from mappings.csd.record import apply_record, read_record, write_record
from mappings.csd.territory import read_division, write_divisions
from mappings.csd.xml import Element, child, children, extension_children, sub, sub_extension, text
from mappings.graph import Level

_SOCIAL = (
    ExtField("dropZone", fhir.EXT_DROP_ZONE, "boolean"),
    ExtField("financialHelpType", fhir.EXT_FINANCIAL_HELP, "coded", repeats=True),
    ExtField("accomodationFamily", fhir.EXT_ACCOMODATION_FAMILY, "boolean"),
    ExtField("nbTemporarySocialeHelpPlace", fhir.EXT_NB_TEMPORARY_SOCIAL, "integer"),
    ExtField("nbPermanentSocialHelpPlace", fhir.EXT_NB_PERMANENT_SOCIAL, "integer"),
)
_CREATION = ExtField("creationDate", fhir.EXT_ORG_CREATION_DATE, "date")
_CLOSING_REASON = ExtField("closingReason", fhir.EXT_CLOSING_TYPE, "coded")
_ACCESS = (
    ExtField("accessibilityLocation", fhir.EXT_ACCESSIBILITY, "coded"),
    ExtField("levelRecourseORSAN", fhir.EXT_ORSAN, "coded"),
)
_COMMENT = ExtField("comment", fhir.EXT_ORG_COMMENT, "string")
_ALL_FIELDS = (*_SOCIAL, _CREATION, _CLOSING_REASON, *_ACCESS, _COMMENT)


def write_organization(directory: Element, org: dict[str, Any], level: Level, ctx: WriteContext) -> None:
    codes = ctx.codes
    stamp = ctx.stamp(org, fhir.ext_value(org, fhir.EXT_META_COMMENT))
    element = sub(directory, "organization", entityID=ctx.entity(org))
    write_other_ids(element, org.get("identifier", ()), STRUCTURE_KINDS, codes)
    types = list(fhir.codings(org.get("type"))) or [fhir.coding(fhir.STRUCTURE_KIND, level.value)]
    for coding in types:
        codes.coded(element, "codedType", coding)
    sub(element, "primaryName", org.get("name", ""))
    additional = fhir.ext_value(org.get("_name"), fhir.EXT_ADDITIONAL_NAME)
    if additional:
        sub(element, "otherName", additional)
    place = place_from_address(org["address"][0]) if org.get("address") else None
    in_location = place is not None and place.commune is not None
    if place is not None and not in_location and place.address:
        write_address(element, place.address)
    parent = fhir.reference_id(org.get("partOf"), "Organization")
    if parent:
        sub(element, "parent", entityID=f"Organization/{parent}")
    ext = sub_extension(element)
    for contact in org.get("contact", ()):
        write_contact(ext, contact_from_organization(contact), stamp, codes)
    if org.get("alias"):
        sub(ext, "useName", org["alias"][0])
    write_divisions(ext, "healthCareTerritorial", org, stamp, codes)
    if in_location and place is not None:
        write_location(ext, place, stamp, codes, ctx.version)
    for price in fhir.extensions(org, fhir.EXT_PRICE):
        write_price(ext, price, stamp, codes)
    for field in _SOCIAL:
        write_field(ext, field, org, codes)
    write_field(ext, _CREATION, org, codes)
    write_date(ext, "closingDate", (fhir.ext_value(org, fhir.EXT_PERIOD) or {}).get("end"))
    if ctx.v24:
        write_field(ext, _CLOSING_REASON, org, codes)
    for field in _ACCESS:
        write_field(ext, field, org, codes)
    if not ctx.v24:
        write_field(ext, _COMMENT, org, codes)
    if len(ext) == 0:
        element.remove(ext)
    write_record(element, stamp)


def read_organization(element: Element, ctx: ReadContext) -> dict[str, Any]:
    codes = ctx.codes
    info = read_record(element)
    org: dict[str, Any] = {"resourceType": "Organization", "id": ctx.targets[element.get("entityID", "")][1]}
    apply_record(org, info, ctx.region, fhir.PROFILE_ORGANIZATION)
    extensions: list[dict[str, Any]] = org.setdefault("extension", [])
    if info.comment:
        extensions.append(fhir.make_ext(fhir.EXT_META_COMMENT, "String", info.comment))
    identifiers = read_other_ids(element, STRUCTURE_KINDS, codes)
    if identifiers:
        org["identifier"] = identifiers
    types = [c for c in (codes.concept(t) for t in children(element, "codedType")) if c]
    types = [t for t in types if t["coding"][0].get("system") != fhir.STRUCTURE_KIND]
    if types:
        org["type"] = types
    if text(element, "primaryName"):
        org["name"] = text(element, "primaryName")
    if text(element, "otherName"):
        org["_name"] = {"extension": [fhir.make_ext(fhir.EXT_ADDITIONAL_NAME, "String", text(element, "otherName"))]}
    use_names = [n.text.strip() for n in extension_children(element, "useName") if n.text and n.text.strip()]
    if use_names:
        org["alias"] = use_names[:1]
    locations = extension_children(element, "location")
    address = address_from_place(read_location(locations[0], codes)) if locations else None
    address = address or read_address(child(element, "address"))
    if address:
        org["address"] = [address]
    contacts = [organization_contact(read_contact(c, codes)) for c in extension_children(element, "contact")]
    if contacts:
        org["contact"] = contacts
    parent = child(element, "parent")
    reference = ctx.reference(parent.get("entityID") if parent is not None else None, "Organization")
    if reference:
        org["partOf"] = reference
    for ext in children(element, "extension"):
        extensions.extend(filter(None, (read_division(d, codes) for d in children(ext, "healthCareTerritorial"))))
        extensions.extend(filter(None, (read_price(p, codes) for p in children(ext, "price"))))
        for field in _ALL_FIELDS:
            extensions.extend(read_field(ext, field, codes))
        closing = text(ext, "closingDate")
        if closing:
            extensions.append(fhir.make_ext(fhir.EXT_PERIOD, "Period", {"end": closing}))
    return org
