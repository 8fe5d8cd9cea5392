"""Location resources: an establishment's site, and the bed/place zones that carry capacities and equipment."""

from __future__ import annotations

import random

from server.generate.capacity import indicators
from server.generate.catalog.offers import BEDS, OfferKind
from server.generate.context import Context
from server.generate.fhir import (
    PROFILE_LOCATION,
    SD,
    UCUM,
    Json,
    commune_concept,
    creation_extension,
    meta,
    reference,
)
from server.generate.organizations import Establishment
from server.generate.terminology import coding, concept

PLACE_ID, ZONE_ID = "25", "26"  # TRE_R354: ROR place identifier, establishment's own bed-zone code
_EQUIPMENT_PROBABILITY = 0.35
_HOUSING_MODES = frozenset({"28", "34", "13", "46"})
#: Equipment with a tolerance limit: (TRE_R340 feature, limit value, UCUM unit).
_EQUIPMENT_LIMITS: dict[str, tuple[str, int, str]] = {
    "088": ("001", 250, "kg"), "072": ("001", 350, "kg"), "083": ("001", 250, "kg"), "084": ("001", 350, "kg"),
    "089": ("001", 350, "kg"), "090": ("001", 450, "kg"), "091": ("001", 250, "kg"), "092": ("001", 350, "kg"),
    "052": ("002", 70, "cm"), "085": ("002", 80, "cm"),
}


def draw_equipment(rng: random.Random, kind: OfferKind) -> tuple[str, ...]:
    """The specific equipment (TRE_R212) an offer's place holds, drawn from what its kind may have."""
    return tuple(code for code in kind.equipment if rng.random() < _EQUIPMENT_PROBABILITY)


def _identifier(type_code: str, value: str) -> Json:
    return {"type": concept("J236", type_code), "value": value}


def _equipment(rng: random.Random, code: str) -> Json:
    parts: list[Json] = [{"url": "equipmentType", "valueCodeableConcept": concept("J18", code)},
                         {"url": "nbInService", "valueInteger": rng.randint(1, 3)}]
    limit = _EQUIPMENT_LIMITS.get(code)
    if limit:
        feature, value, unit = limit
        parts.append({"url": f"{SD}ror-location-equipment-limit", "extension": [
            {"url": "equipmentFeature", "valueCodeableConcept": concept("J228", feature)},
            {"url": "limitValue", "valueQuantity": {"value": value, "unit": unit, "system": UCUM, "code": unit}},
        ]})
    return {"url": f"{SD}ror-location-equipment", "extension": parts}


def _housing(kind: OfferKind, installed: int) -> list[Json]:
    """Residential capacity: most dwellings of the kind's first housing type, the rest shared by the others."""
    if not kind.housing:
        return []
    shares: list[tuple[str, int]] = []
    remaining = installed
    for housing in kind.housing[:-1]:
        count = remaining // 2 if shares else remaining * 4 // 5
        shares.append((housing, count))
        remaining -= count
    shares.append((kind.housing[-1], remaining))
    return [{"url": f"{SD}ror-location-residential-capacity", "extension": [
        {"url": "residentialType", "valueCodeableConcept": concept("J32", housing)},
        {"url": "residentialNumber", "valueInteger": count},
    ]} for housing, count in shares]


def _location(ctx: Context, eg: Establishment, *, name: str, identifiers: list[Json], extensions: list[Json],
              latitude: float, longitude: float, created: int, function: bool, managed: bool) -> str:
    location_id = ctx.ids.resource_id("Location")
    closed = eg.closed is not None
    resource: Json = {
        "resourceType": "Location",
        "id": location_id,
        "meta": meta(PROFILE_LOCATION, ctx.region_code),
        "extension": [{"url": f"{SD}ror-commune-cog", "valueCodeableConcept": commune_concept(eg.commune.insee,
                                                                                           eg.commune.name)},
                      *extensions, creation_extension(ctx.rng, created)],
        "identifier": identifiers,
        "status": "inactive" if closed else "active",
        "operationalStatus": coding("J224", "1" if closed else "3"),
        "name": name,
        "address": eg.address,
        "position": {"extension": [{"url": f"{SD}ror-coordinate-reliability", "valueBoolean": True}],
                     "longitude": longitude, "latitude": latitude},
    }
    if function:
        resource["type"] = [concept("J198", "001")]
    if managed:
        resource["managingOrganization"] = reference("Organization", eg.id)
    ctx.writer.write(resource)
    return location_id


def site(ctx: Context, eg: Establishment) -> str:
    """The establishment's own site (its address), where offers without beds take place."""
    return _location(ctx, eg, name=eg.name,
                     identifiers=[_identifier(PLACE_ID, ctx.ids.regional("location", ctx.region_code))],
                     extensions=[], latitude=eg.latitude, longitude=eg.longitude, created=eg.created,
                     function=False, managed=True)


def zone(ctx: Context, eg: Establishment, kind: OfferKind, *, name: str, created: int,
         equipment: tuple[str, ...]) -> str:
    """A bed/place zone of ``eg`` for one offer, with its capacity indicators, equipment and housing."""
    rng = ctx.rng
    extensions: list[Json] = []
    if kind.capacity:
        installed = rng.randint(*kind.size)
        extensions.extend(indicators(rng, kind.capacity, installed, acute=kind.capacity == BEDS and
                                     kind.champ in ("01", "02", "03")))
        extensions.extend(_housing(kind, installed))
    extensions.extend(_equipment(rng, code) for code in equipment)
    identifiers = [_identifier(PLACE_ID, ctx.ids.regional("location", ctx.region_code))]
    if kind.bed_zone:
        identifiers.append(_identifier(ZONE_ID, f"{eg.national_id}/{ctx.ids.local_code(kind.bed_zone)}"))
    return _location(ctx, eg, name=name, identifiers=identifiers, extensions=extensions,
                     latitude=round(eg.latitude + rng.uniform(-0.0008, 0.0008), 6),
                     longitude=round(eg.longitude + rng.uniform(-0.0008, 0.0008), 6), created=created,
                     function=kind.care_mode in _HOUSING_MODES, managed=False)
