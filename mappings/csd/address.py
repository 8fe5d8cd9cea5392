"""Addresses and places: FHIR ``Address`` <-> CSD ``address``, and the CSD ``location`` type.

Each FHIR ``line`` becomes one ``addressLine`` whose text is the line and whose attributes are the
ISO 21090 components of ``_line`` (``postCode``/``cityName``/``countryName`` on the first line).
The CSD ``location`` (lieu) groups an address with a commune code (mandatory), coordinates and, in 3.0,
an identifier, a function (mandatory) and a telecom; :class:`Place` is its neutral form, filled from an
Organization address (EJ/EG lieu) or from a Location (lieu de réalisation).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from mappings import fhir
from mappings.csd.codes import CodeMapper
from mappings.csd.contact import Telecom, read_contact_point, write_contact_point
from mappings.csd.record import Stamp, write_record
from mappings.csd.xml import Element, boolean, child, children, decimal, sub, sub_extension, text
from mappings.versions import CsdVersion

_COMPONENTS = (
    (fhir.ADXP + "careOf", "inHouseMail"),
    (fhir.ADXP + "additionalLocator", "buildingName"),
    (fhir.ADXP + "houseNumber", "buildingNumber"),
    (fhir.ADXP + "buildingNumberSuffix", "streetSuffix"),
    (fhir.ADXP + "streetNameType", "streetType"),
    (fhir.ADXP + "streetNameBase", "streetName"),
    (fhir.ADXP + "postBox", "postOfficeBox"),
    (fhir.EXT_LIEU_DIT, "citySubDivisionName"),
)
_POSTAL = (("postalCode", "postCode"), ("city", "cityName"), ("country", "countryName"))
_COMPOSED_LINE = ("buildingNumber", "streetSuffix", "streetType", "streetName", "citySubDivisionName")
COORDINATE_SYSTEM = "WGS84"
UNKNOWN_FUNCTION = {"system": fhir.tre("R343-FonctionLieu"), "code": ""}
"""3.0 requires ``functionLocation`` even for the lieu of an EJ/EG, which has none: sent with an empty code."""


def write_address(parent: Element, address: dict[str, Any]) -> Element | None:
    lines: list[str | None] = list(address.get("line") or [])
    line_parts: list[dict[str, Any] | None] = list(address.get("_line") or [])
    postal = {attr: address.get(key) for key, attr in _POSTAL if address.get(key)}
    if not (lines or line_parts or postal):
        return None
    element = sub(parent, "address")
    for index in range(max(len(lines), len(line_parts), 1)):
        parts = line_parts[index] if index < len(line_parts) else None
        attrs = {attr: fhir.ext_value(parts, url) for url, attr in _COMPONENTS}
        if index == 0:
            attrs.update(postal)
        sub(element, "addressLine", lines[index] if index < len(lines) else None, **attrs)
    return element


def read_address(element: Element | None) -> dict[str, Any] | None:
    if element is None:
        return None
    lines: list[str] = []
    line_parts: list[dict[str, Any] | None] = []
    result: dict[str, Any] = {}
    for line in children(element, "addressLine"):
        parts = [fhir.make_ext(url, "String", line.get(attr)) for url, attr in _COMPONENTS if line.get(attr)]
        content = (line.text or "").strip() or " ".join(line.get(a) for a in _COMPOSED_LINE if line.get(a))
        if content or parts:
            lines.append(content)
            line_parts.append({"extension": parts} if parts else None)
        for key, attr in _POSTAL:
            if line.get(attr) and key not in result:
                result[key] = line.get(attr)
    if lines:
        result["line"] = lines
    if any(line_parts):
        result["_line"] = line_parts
    return result or None


@dataclass(frozen=True, slots=True)
class Place:
    address: dict[str, Any] | None = None
    commune: dict[str, Any] | None = None
    latitude: float | None = None
    longitude: float | None = None
    reliable: bool | None = None
    name: str | None = None
    description: str | None = None
    status: dict[str, Any] | None = None
    identifier: str | None = None
    function: dict[str, Any] | None = None
    telecom: Telecom | None = None


def write_location(
    parent: Element, place: Place, stamp: Stamp, codes: CodeMapper, version: CsdVersion
) -> Element | None:
    """The CSD ``location``; ``None`` (nothing written) without its mandatory commune / 3.0 function."""
    if place.commune is None or (version is CsdVersion.V3_0 and place.function is None):
        return None
    element = sub(parent, "location")
    if version is CsdVersion.V3_0 and place.identifier:
        sub(element, "identifier", entityID=place.identifier)
    if place.name:
        sub(element, "name", place.name)
    if place.description:
        sub(element, "description", place.description)
    if place.status:
        codes.coded(element, "status", place.status)
    if place.address:
        write_address(element, place.address)
    if place.latitude is not None and place.longitude is not None:
        geo = sub(element, "geoCoordinates")
        sub(geo, "latitude", place.latitude)
        sub(geo, "longitude", place.longitude)
        sub(geo, "coordinateSystem", COORDINATE_SYSTEM)
        if place.reliable is not None:
            ext = sub_extension(geo)
            sub(ext, "coordonneesFiables", place.reliable)
            write_record(ext, stamp.bare())
        write_record(geo, stamp.bare())
    if version is CsdVersion.V3_0 and place.function:
        codes.coded(element, "functionLocation", place.function)
    codes.coded(element, "cityNumber", place.commune)
    if version is CsdVersion.V3_0 and place.telecom:
        write_contact_point(element, place.telecom, stamp, codes)
    write_record(element, stamp.bare())
    return element


def read_location(element: Element, codes: CodeMapper) -> Place:
    geo = child(element, "geoCoordinates")
    reliable = None
    for ext in children(geo, "extension"):
        reliable = boolean(ext, "coordonneesFiables") if reliable is None else reliable
    identifier = child(element, "identifier")
    point = child(element, "contactPoint")
    return Place(
        address=read_address(child(element, "address")),
        commune=codes.coding(child(element, "cityNumber")),
        latitude=decimal(geo, "latitude"),
        longitude=decimal(geo, "longitude"),
        reliable=reliable,
        name=text(element, "name"),
        description=text(element, "description"),
        status=codes.coding(child(element, "status")),
        identifier=identifier.get("entityID") if identifier is not None else None,
        function=codes.coding(child(element, "functionLocation")),
        telecom=read_contact_point(point, codes) if point is not None else None,
    )


# ---------------------------------------------------------------- Organization.address <-> Place


def place_from_address(address: dict[str, Any]) -> Place:
    """An Organization address: commune from the FR Core INSEE code, coordinates from ``geolocation``."""
    geolocation = fhir.extension(address, fhir.EXT_GEOLOCATION)
    plain = copy.deepcopy(address)
    plain["extension"] = [
        e for e in address.get("extension", ()) if e.get("url") not in (fhir.EXT_ADDRESS_INSEE, fhir.EXT_GEOLOCATION)
    ]
    if not plain["extension"]:
        del plain["extension"]
    return Place(
        address=plain,
        function=UNKNOWN_FUNCTION,
        commune=fhir.ext_value(address, fhir.EXT_ADDRESS_INSEE),
        latitude=fhir.ext_value(geolocation, "latitude"),
        longitude=fhir.ext_value(geolocation, "longitude"),
        reliable=fhir.ext_value(geolocation, fhir.EXT_CONFIDENCE_GEOLOCATION),
    )


def address_from_place(place: Place) -> dict[str, Any]:
    address = copy.deepcopy(place.address or {})
    extensions = address.pop("extension", [])
    if place.commune:
        extensions.append(fhir.make_ext(fhir.EXT_ADDRESS_INSEE, "Coding", place.commune))
    if place.latitude is not None and place.longitude is not None:
        parts = [
            fhir.make_ext("latitude", "Decimal", place.latitude),
            fhir.make_ext("longitude", "Decimal", place.longitude),
        ]
        if place.reliable is not None:
            parts.append(fhir.make_ext(fhir.EXT_CONFIDENCE_GEOLOCATION, "Boolean", place.reliable))
        extensions.append({"url": fhir.EXT_GEOLOCATION, "extension": parts})
    return {"extension": extensions, **address} if extensions else address
