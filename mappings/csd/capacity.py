"""Places of an offer: FHIR ``Location`` (capacities, equipment, housing) <-> CSD.

3.0 carries one ``locationRealizedOffer`` per Location, with capacity indicators grouped by temporary
assignment (``capacitySupported``). 2.4 only has totals on the UE: ``accommodationCapacity`` beds/space
``@total`` (status 01 installé) and ``@avaible`` (status 02 disponible) of the current temporality (01),
and ``crisisAccomodationCapacity`` T0/T60 (status 06 supplémentaire, temporality 01 / 02 = one hour).
Equipment becomes ``deviceDirectory/device`` entries referenced by ``entityID`` in both versions.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mappings import fhir
from mappings.csd.address import Place, read_location, write_location
from mappings.csd.codes import CodeMapper
from mappings.csd.contact import contact_point_from_telecom, telecom_from_contact_point
from mappings.csd.record import Stamp, fhir_datetime, write_record, xs_datetime
from mappings.csd.xml import Element, child, children, integer, sub, sub_extension, text
from mappings.versions import CsdVersion

Resource = dict[str, Any]

# (CSD element, sub-extension url, kind, mandatory) of one capacity indicator, in XSD order
_INDICATOR = (
    ("capacityNature", "capacityType", "coded", True),
    ("capacityStatus", "capacityStatus", "coded", True),
    ("capacityTemporality", "temporalityCapacity", "coded", True),
    ("capacityNumber", "nbCapacity", "integer", True),
    ("capacitySourceType", "capacitySourceType", "coded", True),
    ("cpacityUpdateDate", "capacityUpdateDate", "dateTime", True),
    ("capacityGenderAvailability", "genderCapacityAvailable", "coded", False),
    ("capacityClosingType", "capacityClosingType", "coded", False),
    ("capacityExtraBed", "additionalBedType", "coded", False),
    ("crisisType", "crisisType", "coded", False),
)
_FHIR_KIND = {"coded": "CodeableConcept", "integer": "Integer", "dateTime": "DateTime"}
_ID_LOCATION, _ID_SYNCHRO = "25", "26"
_BEDS, _PLACES = "01", "02"
_INSTALLED, _AVAILABLE, _SUPPLEMENTARY = "01", "02", "06"
_CURRENT, _ONE_HOUR = "01", "02"
NO_ASSIGNMENT = "01"
MANUAL_SOURCE = "01"


def indicator_codes(ext: Resource) -> dict[str, str | None]:
    """Codes of a supported-capacity extension, by sub-extension url."""
    urls = [url for _, url, kind, _ in _INDICATOR if kind == "coded"] + ["temporaryAssignement"]
    return {url: fhir.code_of(fhir.ext_value(ext, url)) for url in urls}


def _capacities(locations: Iterable[Resource]) -> list[Resource]:
    return [ext for loc in locations for ext in fhir.extensions(loc, fhir.EXT_SUPPORTED_CAPACITY)]


# ---------------------------------------------------------------- place <-> Location


def place_of(location: Resource) -> Place:
    position = location.get("position") or {}
    telecoms = [t for t in map(telecom_from_contact_point, location.get("telecom", ())) if t]
    return Place(
        address=location.get("address"),
        commune=fhir.first_coding(fhir.ext_value(location, fhir.EXT_COMMUNE_COG)),
        latitude=position.get("latitude"),
        longitude=position.get("longitude"),
        reliable=fhir.ext_value(position, fhir.EXT_COORDINATE_RELIABILITY),
        name=location.get("name"),
        description=location.get("description"),
        status=location.get("operationalStatus"),
        identifier=_identifier(location, _ID_LOCATION),
        function=fhir.first_coding((location.get("type") or [None])[0]),
        telecom=telecoms[0] if telecoms else None,
    )


def _identifier(location: Resource, type_code: str) -> str | None:
    for identifier in location.get("identifier", ()):
        if fhir.code_of(identifier.get("type")) == type_code:
            return identifier.get("value")
    return None


def location_from_place(location: Resource, place: Place, synchro_id: str | None = None) -> None:
    """Fill ``location`` with the fields of ``place`` (and the synchronisation identifier)."""
    identifiers = [
        {"type": fhir.concept(fhir.coding(fhir.ID_RESOURCE_TYPE, code)), "value": value}
        for code, value in ((_ID_LOCATION, place.identifier), (_ID_SYNCHRO, synchro_id))
        if value
    ]
    if identifiers:
        location["identifier"] = identifiers
    for key, item in (("name", place.name), ("description", place.description), ("address", place.address)):
        if item:
            location[key] = item
    if place.status:
        location["operationalStatus"] = place.status
    if place.function:
        location["type"] = [fhir.concept(place.function)]
    if place.telecom:
        location["telecom"] = [contact_point_from_telecom(place.telecom)]
    if place.latitude is not None and place.longitude is not None:
        position: Resource = {"longitude": place.longitude, "latitude": place.latitude}
        if place.reliable is not None:
            position["extension"] = [fhir.make_ext(fhir.EXT_COORDINATE_RELIABILITY, "Boolean", place.reliable)]
        location["position"] = position
    if place.commune:
        location.setdefault("extension", []).append(
            fhir.make_ext(fhir.EXT_COMMUNE_COG, "CodeableConcept", fhir.concept(place.commune))
        )


# ---------------------------------------------------------------- 3.0 locationRealizedOffer


def realizable(location: Resource) -> bool:
    """Whether a Location can be a 3.0 ``locationRealizedOffer`` (its commune and function are mandatory)."""
    place = place_of(location)
    return place.commune is not None and place.function is not None


def write_realized_offer(
    parent: Element, location: Resource, devices: list[str], stamp: Stamp, codes: CodeMapper
) -> None:
    """One ``locationRealizedOffer`` for a :func:`realizable` Location."""
    element = sub(parent, "locationRealizedOffer")
    synchro = _identifier(location, _ID_SYNCHRO)
    if synchro:
        sub(element, "externalidSynchronization", entityID=synchro)
    sub(element, "externalNameSynchronization", (location.get("alias") or [""])[0])
    write_location(element, place_of(location), stamp, codes, CsdVersion.V3_0)
    for device in devices:
        sub(element, "specificEquipment", entityID=device)
    write_residential(element, [location], stamp, codes)
    groups: dict[str, tuple[Resource, list[Resource]]] = {}
    for ext in fhir.extensions(location, fhir.EXT_SUPPORTED_CAPACITY):
        assignment = fhir.first_coding(fhir.ext_value(ext, "temporaryAssignement"))
        if assignment and _complete(ext):
            groups.setdefault(assignment["code"], (assignment, []))[1].append(ext)
    for assignment, entries in groups.values():
        supported = sub(element, "capacitySupported")
        codes.coded(supported, "temporaryAssignment", assignment)
        for ext in entries:
            _write_indicator(supported, ext, stamp, codes)
        write_record(supported, stamp.bare())
    write_record(element, stamp.bare())


def _complete(ext: Resource) -> bool:
    return all(fhir.ext_value(ext, url) is not None for _, url, _, required in _INDICATOR if required)


def _write_indicator(parent: Element, ext: Resource, stamp: Stamp, codes: CodeMapper) -> None:
    element = sub(parent, "operationalAccommodationCapacity")
    for name, url, kind, _ in _INDICATOR:
        item = fhir.ext_value(ext, url)
        if item is None:
            continue
        if kind == "coded":
            codes.coded(element, name, fhir.first_coding(item) or {})
        elif kind == "dateTime":
            sub(element, name, xs_datetime(item))
        else:
            sub(element, name, item)
    write_record(element, stamp.bare())


def read_realized_offer(element: Element, codes: CodeMapper) -> tuple[Resource, list[str]]:
    """The Location fields (without id/meta) and the referenced device entities."""
    location: Resource = {"resourceType": "Location"}
    location_element = child(element, "location")
    place = read_location(location_element, codes) if location_element is not None else Place()
    synchro = child(element, "externalidSynchronization")
    location_from_place(location, place, synchro.get("entityID") if synchro is not None else None)
    alias = text(element, "externalNameSynchronization")
    if alias:
        location["alias"] = [alias]
    extensions = location.setdefault("extension", [])
    extensions.extend(read_residential(element, codes))
    for supported in children(element, "capacitySupported"):
        assignment = codes.concept(child(supported, "temporaryAssignment"))
        for indicator in children(supported, "operationalAccommodationCapacity"):
            parts = _read_indicator(indicator, codes)
            if assignment:
                parts.append(fhir.make_ext("temporaryAssignement", "CodeableConcept", assignment))
            extensions.append({"url": fhir.EXT_SUPPORTED_CAPACITY, "extension": parts})
    devices = [d.get("entityID", "") for d in children(element, "specificEquipment")]
    return location, devices


def _read_indicator(element: Element, codes: CodeMapper) -> list[Resource]:
    parts: list[Resource] = []
    for name, url, kind, _ in _INDICATOR:
        found = child(element, name)
        if found is None:
            continue
        if kind == "coded":
            item: Any = codes.concept(found)
        elif kind == "integer":
            item = integer(element, name)
        else:
            item = text(element, name)
        if item is not None:
            parts.append(fhir.make_ext(url, _FHIR_KIND[kind], item))
    return parts


# ---------------------------------------------------------------- 2.4 totals


def write_accommodation(parent: Element, locations: list[Resource], stamp: Stamp) -> None:
    """2.4 ``accommodationCapacity`` (beds/space totals) and ``crisisAccomodationCapacity``."""
    indicators = [(indicator_codes(e), e) for e in _capacities(locations)]
    totals = {}
    for nature, name in ((_BEDS, "beds"), (_PLACES, "space")):
        current = [
            (codes_, e)
            for codes_, e in indicators
            if codes_["capacityType"] == nature and codes_["temporalityCapacity"] == _CURRENT
        ]
        installed = [e for c, e in current if c["capacityStatus"] == _INSTALLED]
        available = [e for c, e in current if c["capacityStatus"] == _AVAILABLE]
        if installed or available:
            dates = [fhir.ext_value(e, "capacityUpdateDate") for e in installed + available]
            totals[name] = {
                "total": _sum(installed) if installed else None,
                "avaible": _sum(available) if available else None,
                "updateDate": xs_datetime(max(d for d in dates if d)) if any(dates) else None,
            }
    if totals:
        element = sub(parent, "accommodationCapacity")
        for name in ("beds", "space"):
            if name in totals:
                sub(element, name, **totals[name])
        write_record(element, stamp.bare())
    crisis = [(c, e) for c, e in indicators if c["capacityStatus"] == _SUPPLEMENTARY]
    if crisis:
        element = sub(parent, "crisisAccomodationCapacity")
        sub(element, "crisisCapacityT0", _sum(e for c, e in crisis if c["temporalityCapacity"] == _CURRENT))
        sub(element, "crisisCapacityT60", _sum(e for c, e in crisis if c["temporalityCapacity"] == _ONE_HOUR))
        write_record(element, stamp.bare())


def _sum(entries: Iterable[Resource]) -> int:
    return sum(int(fhir.ext_value(e, "nbCapacity") or 0) for e in entries)


def read_accommodation(facility_extension: Element, codes: CodeMapper, updated: str | None) -> list[Resource]:
    """Supported-capacity extensions rebuilt from the 2.4 totals (assignment 01 Aucune, source 01 manual)."""
    found = []
    capacity = child(facility_extension, "accommodationCapacity")
    for name, nature in (("beds", _BEDS), ("space", _PLACES)):
        element = child(capacity, name)
        if element is None:
            continue
        for attribute, status in (("total", _INSTALLED), ("avaible", _AVAILABLE)):
            number = _int_attribute(element, attribute)
            if number is not None:
                date = fhir_datetime(element.get("updateDate")) or updated
                found.append(_indicator(nature, status, _CURRENT, number, date))
    crisis = child(facility_extension, "crisisAccomodationCapacity")
    for name, temporality in (("crisisCapacityT0", _CURRENT), ("crisisCapacityT60", _ONE_HOUR)):
        number = integer(crisis, name)
        if number is not None:
            found.append(_indicator(_BEDS, _SUPPLEMENTARY, temporality, number, updated))
    return found


def _int_attribute(element: Element, name: str) -> int | None:
    try:
        return int((element.get(name) or "").strip())
    except ValueError:
        return None


def _indicator(nature: str, status: str, temporality: str, number: int, updated: str | None) -> Resource:
    parts = [
        fhir.make_ext("capacityType", "CodeableConcept", fhir.concept(fhir.coding(fhir.CAPACITY_NATURE, nature))),
        fhir.make_ext("capacityStatus", "CodeableConcept", fhir.concept(fhir.coding(fhir.CAPACITY_STATUS, status))),
        fhir.make_ext(
            "temporalityCapacity",
            "CodeableConcept",
            fhir.concept(fhir.coding(fhir.CAPACITY_TEMPORALITY, temporality)),
        ),
        fhir.make_ext("nbCapacity", "Integer", number),
        fhir.make_ext(
            "capacitySourceType", "CodeableConcept", fhir.concept(fhir.coding(fhir.CAPACITY_SOURCE, MANUAL_SOURCE))
        ),
    ]
    if updated:
        parts.append(fhir.make_ext("capacityUpdateDate", "DateTime", updated))
    parts.append(
        fhir.make_ext(
            "temporaryAssignement",
            "CodeableConcept",
            fhir.concept(fhir.coding(fhir.TEMPORARY_ASSIGNMENT, NO_ASSIGNMENT)),
        )
    )
    return {"url": fhir.EXT_SUPPORTED_CAPACITY, "extension": parts}


# ---------------------------------------------------------------- housing and equipment


def write_residential(parent: Element, locations: list[Resource], stamp: Stamp, codes: CodeMapper) -> None:
    for location in locations:
        for ext in fhir.extensions(location, fhir.EXT_RESIDENTIAL_CAPACITY):
            kind = fhir.first_coding(fhir.ext_value(ext, "residentialType"))
            if kind is None:
                continue
            element = sub(parent, "residentialCapactity")
            codes.coded(element, "residentialType", kind)
            number = fhir.ext_value(ext, "residentialNumber")
            if number is not None:
                sub(element, "residentialNumber", number)
            write_record(element, stamp.bare())


def read_residential(parent: Element, codes: CodeMapper) -> list[Resource]:
    found = []
    for element in children(parent, "residentialCapactity"):
        kind = codes.concept(child(element, "residentialType"))
        if kind is None:
            continue
        parts = [fhir.make_ext("residentialType", "CodeableConcept", kind)]
        number = integer(element, "residentialNumber")
        if number is not None:
            parts.append(fhir.make_ext("residentialNumber", "Integer", number))
        found.append({"url": fhir.EXT_RESIDENTIAL_CAPACITY, "extension": parts})
    return found


def equipment_of(location: Resource) -> list[Resource]:
    """Equipment extensions of a Location that can become a device (they have a type)."""
    return [e for e in fhir.extensions(location, fhir.EXT_EQUIPMENT) if fhir.ext_value(e, "equipmentType")]


def write_device(
    directory: Element, entity: str, equipment: Resource, stamp: Stamp, codes: CodeMapper, version: CsdVersion
) -> None:
    element = sub(directory, "device", entityID=entity)
    codes.coded(element, "codedType", fhir.first_coding(fhir.ext_value(equipment, "equipmentType")) or {})
    in_service = fhir.ext_value(equipment, "nbInService")
    limits = fhir.extensions(equipment, fhir.EXT_EQUIPMENT_LIMIT) if version is CsdVersion.V3_0 else []
    if in_service is not None or limits:
        ext = sub_extension(element)
        if in_service is not None:
            sub(ext, "nbInService", in_service)
        for limit in limits:
            feature = fhir.first_coding(fhir.ext_value(limit, "equipmentFeature"))
            quantity = fhir.ext_value(limit, "limitValue") or {}
            if feature is None or quantity.get("value") is None:
                continue
            item = sub(ext, "limitCharacteristicEquipment")
            codes.coded(item, "characteristicType", feature)
            measure = sub(item, "limitValue")
            sub(measure, "value", int(quantity["value"]))
            codes.coded(measure, "unit", {"system": quantity.get("system"), "code": quantity.get("code", "")})
    write_record(element, stamp)


def read_device(element: Element, codes: CodeMapper) -> Resource | None:
    kind = codes.concept(child(element, "codedType"))
    if kind is None:
        return None
    parts = [fhir.make_ext("equipmentType", "CodeableConcept", kind)]
    for ext in children(element, "extension"):
        in_service = integer(ext, "nbInService")
        if in_service is not None:
            parts.append(fhir.make_ext("nbInService", "Integer", in_service))
        for item in children(ext, "limitCharacteristicEquipment"):
            feature = codes.concept(child(item, "characteristicType"))
            measure = child(item, "limitValue")
            value = integer(measure, "value")
            if feature is None or value is None:
                continue
            quantity: Resource = {"value": value}
            unit = codes.coding(child(measure, "unit"))
            if unit:
                quantity.update({k: unit[k] for k in ("system", "code") if k in unit})
            parts.append(
                {
                    "url": fhir.EXT_EQUIPMENT_LIMIT,
                    "extension": [
                        fhir.make_ext("equipmentFeature", "CodeableConcept", feature),
                        fhir.make_ext("limitValue", "Quantity", quantity),
                    ],
                }
            )
    return {"url": fhir.EXT_EQUIPMENT, "extension": parts}
