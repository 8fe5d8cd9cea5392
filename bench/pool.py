"""The data pool: values that exist on the target server, harvested from resources it returned.

Query generators draw from the pool, so every request asks for something the server holds. The pool keeps
the links between resources (an offer's places, an organisation's parent), which lets a generator combine
criteria that are satisfied together (an offer's specialty *and* the capacity of one of its places).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from bench import fhir

TEMPLATES_PER_TYPE = 20  # raw resources kept as models for the ingest workload
CLONABLE_TYPES = ("Organization", "Location")


@dataclass(frozen=True, slots=True)
class Indicator:
    """One supported-capacity indicator of a place (spec §4.1)."""

    codes: tuple[tuple[str, str], ...]  # (identity attribute, system|code), present attributes only
    count: int
    extension: dict[str, Any]  # as stored; capacity updates re-send it with a new count

    def code(self, attribute: str) -> str | None:
        return next((value for name, value in self.codes if name == attribute), None)


@dataclass(slots=True)
class Place:
    """A Location."""

    id: str
    identifiers: list[tuple[str | None, str]]  # (TRE_R354 identifier type code, value)
    postal_code: str | None
    commune: str | None  # ror-commune-cog as system|code
    position: tuple[float, float] | None  # (latitude, longitude)
    indicators: list[Indicator]


@dataclass(frozen=True, slots=True)
class Price:
    type: str  # system|code
    amount: float
    residential_type: str | None


@dataclass(slots=True)
class Structure:
    """An Organization (EJ, EG or OI)."""

    id: str
    identifiers: list[tuple[str | None, str]]  # (system, value)
    name: str | None
    parent: str | None
    prices: list[Price]


@dataclass(slots=True)
class Offer:
    """A HealthcareService."""

    id: str
    name: str | None
    specialties: list[str]  # operational activities (TRE_R211), system|code
    categories: list[str]
    characteristics: list[str]
    age_range: tuple[float, float] | None
    zones: list[str]  # intervention zone communes, system|code
    provider: str | None  # Organization id
    places: list[str]  # Location ids
    last_updated: str | None


@dataclass(slots=True)
class Role:
    """A PractitionerRole."""

    id: str
    identifiers: list[str]


@dataclass(slots=True)
class DataPool:
    offers: dict[str, Offer] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    structures: dict[str, Structure] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    ids: dict[str, set[str]] = field(default_factory=dict)
    tags: set[str] = field(default_factory=set)
    templates: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, resource: dict[str, Any]) -> None:
        """Harvest one resource (a match or an included resource of any type)."""
        kind, rid = resource.get("resourceType"), resource.get("id")
        if not isinstance(kind, str) or not isinstance(rid, str):
            return
        self.ids.setdefault(kind, set()).add(rid)
        self.tags.update(t for t in fhir.tokens((resource.get("meta") or {}).get("tag")) if fhir.REGION in t)
        if kind in CLONABLE_TYPES:
            kept = self.templates.setdefault(kind, [])
            if len(kept) < TEMPLATES_PER_TYPE and all(t.get("id") != rid for t in kept):
                kept.append(resource)
        harvest = _HARVESTERS.get(kind)
        if harvest is not None:
            harvest(self, resource)

    def counts(self) -> dict[str, int]:
        return {kind: len(ids) for kind, ids in sorted(self.ids.items())}

    def places_of(self, offer: Offer) -> list[Place]:
        return [self.places[pid] for pid in offer.places if pid in self.places]

    def lineage(self, structure_id: str | None) -> list[Structure]:
        """The structure and its known ``partOf`` ancestors, nearest first."""
        chain: list[Structure] = []
        while structure_id in self.structures and all(s.id != structure_id for s in chain):
            chain.append(self.structures[structure_id])
            structure_id = chain[-1].parent
        return chain

    def unique_place_identifiers(self) -> set[str]:
        """Identifier values carried by exactly one known place (a conditional request on them is unambiguous)."""
        seen = Counter(value for place in self.places.values() for _, value in set(place.identifiers))
        return {value for value, n in seen.items() if n == 1}


def _offer(pool: DataPool, r: dict[str, Any]) -> None:
    age_range = None
    for patient_type in fhir.extensions(r, fhir.PATIENT_TYPE_URL):
        ages = fhir.sub_value(patient_type, "ageRange") or {}
        low, high = (ages.get("low") or {}).get("value"), (ages.get("high") or {}).get("value")
        if isinstance(low, int | float) and isinstance(high, int | float) and low <= high:
            age_range = (float(low), float(high))
    zones = [
        t
        for division in fhir.extensions(r, fhir.TERRITORIAL_DIVISION_URL)
        for t in fhir.tokens(fhir.sub_value(division, "codeTerritorialDivision"))
    ]
    pool.offers[r["id"]] = Offer(
        id=r["id"],
        name=r.get("name"),
        specialties=[
            fhir.token(c)
            for c in fhir.codings(r.get("specialty"))
            if "R211" in str(c.get("system")) or "J17-" in str(c.get("system"))
        ],
        categories=fhir.tokens(r.get("category")),
        characteristics=fhir.tokens(r.get("characteristic")),
        age_range=age_range,
        zones=zones,
        provider=fhir.reference_id(r.get("providedBy"), "Organization"),
        places=[pid for ref in r.get("location") or [] if (pid := fhir.reference_id(ref, "Location"))],
        last_updated=(r.get("meta") or {}).get("lastUpdated"),
    )


def _indicator(extension: dict[str, Any]) -> Indicator | None:
    count = fhir.sub_value(extension, "nbCapacity")
    if not isinstance(count, int) or isinstance(count, bool):
        return None
    codes = []
    for attribute in fhir.INDICATOR_IDENTITY:
        found = fhir.tokens(fhir.sub_value(extension, attribute))
        if found:
            codes.append((attribute, found[0]))
    return Indicator(tuple(codes), count, extension)


def _place(pool: DataPool, r: dict[str, Any]) -> None:
    identifiers = []
    for identifier in r.get("identifier") or []:
        if isinstance(identifier, dict) and isinstance(identifier.get("value"), str):
            type_codes = [c["code"] for c in fhir.codings(identifier.get("type"))]
            identifiers.append((type_codes[0] if type_codes else None, identifier["value"]))
    communes = [
        t for cog in fhir.extensions(r, fhir.COMMUNE_COG_URL) for t in fhir.tokens(cog.get("valueCodeableConcept"))
    ]
    position = r.get("position") or {}
    lat, lon = position.get("latitude"), position.get("longitude")
    indicators = [i for e in fhir.extensions(r, fhir.SUPPORTED_CAPACITY_URL) if (i := _indicator(e))]
    pool.places[r["id"]] = Place(
        id=r["id"],
        identifiers=identifiers,
        postal_code=(r.get("address") or {}).get("postalCode"),
        commune=communes[0] if communes else None,
        position=(float(lat), float(lon)) if isinstance(lat, int | float) and isinstance(lon, int | float) else None,
        indicators=indicators,
    )


def _price(extension: dict[str, Any]) -> Price | None:
    types = fhir.tokens(fhir.sub_value(extension, "priceType"))
    amount = (fhir.sub_value(extension, "amount") or {}).get("value")
    if not types or not isinstance(amount, int | float):
        return None
    residential = fhir.tokens(fhir.sub_value(extension, "residentialType"))
    return Price(types[0], float(amount), residential[0] if residential else None)


def _structure(pool: DataPool, r: dict[str, Any]) -> None:
    pool.structures[r["id"]] = Structure(
        id=r["id"],
        identifiers=[
            (i.get("system"), i["value"])
            for i in r.get("identifier") or []
            if isinstance(i, dict) and isinstance(i.get("value"), str)
        ],
        name=r.get("name"),
        parent=fhir.reference_id(r.get("partOf"), "Organization"),
        prices=[p for e in fhir.extensions(r, fhir.PRICE_URL) if (p := _price(e))],
    )


def _role(pool: DataPool, r: dict[str, Any]) -> None:
    values = [i["value"] for i in r.get("identifier") or [] if isinstance(i, dict) and isinstance(i.get("value"), str)]
    pool.roles[r["id"]] = Role(r["id"], values)


_HARVESTERS = {
    "HealthcareService": _offer,
    "Location": _place,
    "Organization": _structure,
    "PractitionerRole": _role,
}
