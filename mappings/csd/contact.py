"""Contacts and telecommunications, with their confidentiality levels (TRE_R283: 1 public, 2 restreint,
3 très restreint).

FHIR carries them in three shapes (``Organization.contact`` + ``ContactPoint``, the HealthcareService
extension ``ror-healthcareservice-contact``, plain ``telecom`` for MSS mailboxes); the CSD in one
(``extension/contact`` with ``contactPoint`` children, ``mailBoxMSS/contactPoint``). :class:`Contact` and
:class:`Telecom` are the neutral form between them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from mappings import fhir
from mappings.csd.codes import CodeMapper
from mappings.csd.record import Stamp, write_record
from mappings.csd.xml import Element, child, children, sub, sub_extension, text

_CHANNEL_BY_SYSTEM = {"phone": "2", "fax": "6", "email": "3", "url": "4"}
_SYSTEM_BY_CHANNEL = {"1": "phone", "2": "phone", "8": "phone", "3": "email", "9": "email", "4": "url", "6": "fax"}


@dataclass(frozen=True, slots=True)
class Telecom:
    value: str
    channel: dict[str, Any] | None = None
    usage: str | None = None
    confidentiality: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class Contact:
    name: str | None = None
    function: dict[str, Any] | None = None
    nature: dict[str, Any] | None = None
    description: str | None = None
    confidentiality: dict[str, Any] | None = None
    telecoms: list[Telecom] = field(default_factory=list)


def level(confidentiality: dict[str, Any] | None) -> int:
    """Numeric confidentiality level; unknown counts as the most restrictive (3)."""
    code = (confidentiality or {}).get("code")
    return int(code) if code in ("1", "2", "3") else 3


def effective_telecoms(contact: Contact) -> list[Telecom]:
    """RG_EXP_034: a telecom is at least as confidential as its contact."""
    if contact.confidentiality is None:
        return list(contact.telecoms)
    floor = level(contact.confidentiality)
    return [
        t if level(t.confidentiality) >= floor else replace(t, confidentiality=contact.confidentiality)
        for t in contact.telecoms
    ]


def very_restricted(contact: Contact) -> Contact:
    """RG_EXP_039: in a sensitive unit every contact (and telecom) is "très restreint"."""
    top = fhir.coding(fhir.CONFIDENTIALITY, "3")
    return replace(contact, confidentiality=top, telecoms=[replace(t, confidentiality=top) for t in contact.telecoms])


# ---------------------------------------------------------------- FHIR side


def telecom_from_contact_point(point: dict[str, Any]) -> Telecom | None:
    if not point.get("value"):
        return None
    channel = fhir.first_coding(fhir.ext_value(point, fhir.EXT_TELECOM_CHANNEL))
    if channel is None and point.get("system") in _CHANNEL_BY_SYSTEM:
        channel = fhir.coding(fhir.CHANNEL, _CHANNEL_BY_SYSTEM[point["system"]])
    return Telecom(
        value=point["value"],
        channel=channel,
        usage=fhir.ext_value(point, fhir.EXT_TELECOM_USAGE),
        confidentiality=fhir.first_coding(fhir.ext_value(point, fhir.EXT_TELECOM_CONFIDENTIALITY)),
    )


def contact_point_from_telecom(telecom: Telecom) -> dict[str, Any]:
    extensions = []
    if telecom.channel:
        extensions.append(fhir.make_ext(fhir.EXT_TELECOM_CHANNEL, "CodeableConcept", fhir.concept(telecom.channel)))
    if telecom.usage:
        extensions.append(fhir.make_ext(fhir.EXT_TELECOM_USAGE, "String", telecom.usage))
    if telecom.confidentiality:
        extensions.append(
            fhir.make_ext(fhir.EXT_TELECOM_CONFIDENTIALITY, "CodeableConcept", fhir.concept(telecom.confidentiality))
        )
    point: dict[str, Any] = {"extension": extensions} if extensions else {}
    point["system"] = _SYSTEM_BY_CHANNEL.get((telecom.channel or {}).get("code", ""), "other")
    point["value"] = telecom.value
    return point


def contact_from_organization(contact: dict[str, Any]) -> Contact:
    return Contact(
        name=(contact.get("name") or {}).get("text"),
        function=fhir.first_coding(fhir.ext_value(contact, fhir.EXT_CONTACT_FUNCTION)),
        nature=fhir.first_coding(contact.get("purpose")),
        description=fhir.ext_value(contact, fhir.EXT_CONTACT_DESCRIPTION),
        confidentiality=fhir.first_coding(fhir.ext_value(contact, fhir.EXT_CONTACT_CONFIDENTIALITY)),
        telecoms=[t for t in map(telecom_from_contact_point, contact.get("telecom", ())) if t],
    )


def organization_contact(contact: Contact) -> dict[str, Any]:
    extensions = []
    if contact.function:
        extensions.append(fhir.make_ext(fhir.EXT_CONTACT_FUNCTION, "CodeableConcept", fhir.concept(contact.function)))
    if contact.description:
        extensions.append(fhir.make_ext(fhir.EXT_CONTACT_DESCRIPTION, "String", contact.description))
    if contact.confidentiality:
        extensions.append(
            fhir.make_ext(fhir.EXT_CONTACT_CONFIDENTIALITY, "CodeableConcept", fhir.concept(contact.confidentiality))
        )
    result: dict[str, Any] = {"extension": extensions} if extensions else {}
    if contact.nature:
        result["purpose"] = fhir.concept(contact.nature)
    if contact.name:
        result["name"] = {"text": contact.name}
    if contact.telecoms:
        result["telecom"] = [contact_point_from_telecom(t) for t in contact.telecoms]
    return result


def contact_from_service_extension(ext: dict[str, Any]) -> Contact:
    telecoms = []
    for sub_ext in fhir.extensions(ext, fhir.EXT_HCS_CONTACT_TELECOM):
        address = fhir.ext_value(sub_ext, "telecomAddress")
        if address:
            telecoms.append(
                Telecom(
                    value=address,
                    channel=fhir.first_coding(fhir.ext_value(sub_ext, fhir.EXT_TELECOM_CHANNEL)),
                    usage=fhir.ext_value(sub_ext, fhir.EXT_TELECOM_USAGE),
                    confidentiality=fhir.first_coding(fhir.ext_value(sub_ext, fhir.EXT_TELECOM_CONFIDENTIALITY)),
                )
            )
    return Contact(
        name=(fhir.ext_value(ext, "name") or {}).get("text"),
        function=fhir.first_coding(fhir.ext_value(ext, fhir.EXT_CONTACT_FUNCTION)),
        nature=fhir.first_coding(fhir.ext_value(ext, "purposeContact")),
        description=fhir.ext_value(ext, "description"),
        confidentiality=fhir.first_coding(fhir.ext_value(ext, fhir.EXT_CONFIDENTIALITY)),
        telecoms=telecoms,
    )


def service_contact_extension(contact: Contact) -> dict[str, Any]:
    parts = []
    if contact.name:
        parts.append(fhir.make_ext("name", "HumanName", {"text": contact.name}))
    if contact.function:
        parts.append(fhir.make_ext(fhir.EXT_CONTACT_FUNCTION, "CodeableConcept", fhir.concept(contact.function)))
    if contact.nature:
        parts.append(fhir.make_ext("purposeContact", "CodeableConcept", fhir.concept(contact.nature)))
    if contact.description:
        parts.append(fhir.make_ext("description", "String", contact.description))
    if contact.confidentiality:
        parts.append(fhir.make_ext(fhir.EXT_CONFIDENTIALITY, "CodeableConcept", fhir.concept(contact.confidentiality)))
    for telecom in contact.telecoms:
        telecom_parts = []
        if telecom.channel:
            telecom_parts.append(
                fhir.make_ext(fhir.EXT_TELECOM_CHANNEL, "CodeableConcept", fhir.concept(telecom.channel))
            )
        if telecom.usage:
            telecom_parts.append(fhir.make_ext(fhir.EXT_TELECOM_USAGE, "String", telecom.usage))
        if telecom.confidentiality:
            telecom_parts.append(
                fhir.make_ext(
                    fhir.EXT_TELECOM_CONFIDENTIALITY, "CodeableConcept", fhir.concept(telecom.confidentiality)
                )
            )
        telecom_parts.append(fhir.make_ext("telecomAddress", "String", telecom.value))
        parts.append({"url": fhir.EXT_HCS_CONTACT_TELECOM, "extension": telecom_parts})
    return {"url": fhir.EXT_HCS_CONTACT, "extension": parts}


# ---------------------------------------------------------------- CSD side


def write_contact_point(parent: Element, telecom: Telecom, stamp: Stamp, codes: CodeMapper) -> None:
    """``contactPoint``; skipped without a channel (mandatory ``codedType``, RG_EXP_002)."""
    if telecom.channel is None:
        return
    point = sub(parent, "contactPoint")
    codes.coded(point, "codedType", telecom.channel)
    sub(point, "equipment", telecom.value)
    if telecom.usage:
        sub(point, "purpose", telecom.usage)
    if telecom.confidentiality:
        ext = sub_extension(point)
        codes.coded(ext, "confidentialityLevel", telecom.confidentiality)
        write_record(ext, stamp.bare())


def read_contact_point(point: Element, codes: CodeMapper) -> Telecom | None:
    value = text(point, "equipment")
    if not value:
        return None
    confidentiality = None
    for ext in children(point, "extension"):
        confidentiality = confidentiality or codes.coding(child(ext, "confidentialityLevel"))
    return Telecom(
        value=value,
        channel=codes.coding(child(point, "codedType")),
        usage=text(point, "purpose"),
        confidentiality=confidentiality,
    )


def write_contact(parent: Element, contact: Contact, stamp: Stamp, codes: CodeMapper) -> None:
    """``contact``; skipped without a confidentiality level (mandatory, RG_EXP_002)."""
    if contact.confidentiality is None:
        return
    element = sub(parent, "contact")
    if contact.name:
        sub(element, "name", contact.name)
    if contact.function:
        codes.coded(element, "function", contact.function)
    if contact.nature:
        codes.coded(element, "nature", contact.nature)
    if contact.description:
        sub(element, "description", contact.description)
    codes.coded(element, "confidentialityLevel", contact.confidentiality)
    for telecom in effective_telecoms(contact):
        write_contact_point(element, telecom, stamp, codes)
    write_record(element, stamp.bare())


def read_contact(element: Element, codes: CodeMapper) -> Contact:
    return Contact(
        name=text(element, "name"),
        function=codes.coding(child(element, "function")),
        nature=codes.coding(child(element, "nature")),
        description=text(element, "description"),
        confidentiality=codes.coding(child(element, "confidentialityLevel")),
        telecoms=[t for t in (read_contact_point(p, codes) for p in children(element, "contactPoint")) if t],
    )


def write_mailbox(parent: Element, telecom: Telecom, stamp: Stamp, codes: CodeMapper) -> None:
    """``mailBoxMSS`` (an MSS address is an e-mail ``contactPoint``)."""
    box = sub(parent, "mailBoxMSS")
    write_contact_point(box, telecom, stamp, codes)
    write_record(box, stamp.bare())


def read_mailboxes(elements: list[Element], codes: CodeMapper) -> list[dict[str, Any]]:
    """``telecom`` entries of the ``mailBoxMSS`` elements."""
    telecoms: list[dict[str, Any]] = []
    for box in elements:
        point = child(box, "contactPoint")
        telecom = read_contact_point(point, codes) if point is not None else None
        if telecom:
            telecoms.append(contact_point_from_telecom(telecom))
    return telecoms


def mailboxes_of(resource: dict[str, Any]) -> list[Telecom]:
    return [t for t in map(telecom_from_contact_point, resource.get("telecom", ())) if t]
