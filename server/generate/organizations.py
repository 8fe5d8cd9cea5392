"""Organization resources: legal entities (EJ), establishments (EG) and internal organisations (OI)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from server.generate.catalog.structures import EstablishmentKind
from server.generate.context import Context
from server.generate.fhir import (
    PROFILE_INTERNAL_ORGANIZATION,
    PROFILE_ORGANIZATION,
    PROFILE_UF,
    SD,
    Json,
    address,
    creation_extension,
    day,
    extension,
    geolocation,
    jitter,
    meta,
    phone,
    reference,
)
from server.generate.geography import Commune
from server.generate.terminology import concept

STRUCTURE_ID_SYSTEM = "urn:oid:1.2.250.1.71.4.2.2"
FINESS_SYSTEM = "http://finess.esante.gouv.fr"
SIRENE_SYSTEM = "http://sirene.fr"
OI_SYSTEM = "https://oi.esante.gouv.fr"
POLE, SERVICE, UF = "1", "2", "3"  # TRE_R207
_CABINET_CATEGORIES = frozenset({"SA07", "SA08"})


@dataclass(frozen=True, slots=True)
class Establishment:
    """What the rest of the hierarchy needs to know about a written EG."""

    id: str
    national_id: str  # idNatStruct: prefix 1 + FINESS, or 3 + SIRET for cabinets
    name: str
    commune: Commune
    latitude: float
    longitude: float
    address: Json
    created: int
    closed: int | None  # day the establishment closed for good, if it did


@cache
def _identifier_type(code: str) -> Json:
    return concept("J236", code)


def _identifier(type_code: str, system: str, value: str) -> Json:
    return {"type": _identifier_type(type_code), "system": system, "value": value}


def legal_entity(ctx: Context, *, name: str, status: tuple[str, str], siren: str | None, commune: Commune,
                 created: int) -> str:
    """Write an EJ; return its id."""
    rng = ctx.rng
    finess = ctx.ids.finess(commune.department)
    identifiers = [_identifier("40", STRUCTURE_ID_SYSTEM, f"1{finess}"), _identifier("1", FINESS_SYSTEM, finess)]
    if siren:
        identifiers.append(_identifier("2", SIRENE_SYSTEM, siren))
    ej_id = ctx.ids.resource_id("Organization")
    ctx.writer.write({
        "resourceType": "Organization",
        "id": ej_id,
        "meta": meta(PROFILE_ORGANIZATION, ctx.region_code),
        "extension": [creation_extension(rng, created),
                      {"url": f"{SD}ror-organization-creation-date", "valueDate": day(created)}],
        "identifier": identifiers,
        "type": [concept("J199", status[0]), concept("J200", status[1]), concept("J203", "EJ")],
        "name": name,
        "telecom": [phone(rng, ctx.region_code)],
        "address": [address(rng, commune)],
    })
    return ej_id


def _standard_contact(ctx: Context) -> Json:
    return {
        "extension": [extension(f"{SD}ror-contact-confidentiality-level", "valueCodeableConcept", "J222", "1")],
        "purpose": concept("J221", "06"),
        "telecom": [phone(ctx.rng, ctx.region_code)],
    }


def _department_division(department: str) -> Json:
    return {"url": f"{SD}ror-territorial-division",
            "extension": [{"url": "typeTerritorialDivision", "valueCodeableConcept": concept("J223", "2")},
                          {"url": "codeTerritorialDivision", "valueCodeableConcept": concept("J248", department)}]}


def _price(amount: float, price_type: str, unit: str, start: str, **parts: Json) -> Json:
    extensions: list[Json] = [
        {"url": "priceType", "valueCodeableConcept": concept("J36", price_type)},
        {"url": "priceUnit", "valueCodeableConcept": concept("J205", unit)},
        {"url": "amount", "valueMoney": {"value": round(amount, 2), "currency": "EUR"}},
        {"url": "startDate", "valueDateTime": start},
    ]
    extensions.extend({"url": name, "valueCodeableConcept": value} for name, value in parts.items())
    return {"url": f"{SD}ror-organization-price", "extension": extensions}


def _prices(ctx: Context, kind: EstablishmentKind) -> list[Json]:
    """Daily tariffs of an EHPAD-like establishment: accommodation (public / social-aid) and dependency (GIR)."""
    rng = ctx.rng
    start = f"{rng.choice(('2024', '2025'))}-01-01T00:00:00+01:00"
    base = rng.uniform(58, 95) * (1.25 if ctx.region_code == "11" else 1.0)
    housing = concept("J32", "02" if kind.category == "500" else "03")
    welcome = concept("J30", "02")
    prices = [_price(base, "02", "2", start, residentialType=housing, specialPrice=concept("J39", "01"),
                     welcomeType=welcome)]
    if kind.social_help:
        prices.append(_price(base * 0.86, "02", "2", start, residentialType=housing,
                             specialPrice=concept("J39", "02" if kind.category == "500" else "03"),
                             welcomeType=welcome))
    if kind.category == "500":
        for level, amount in (("01", rng.uniform(19, 27)), ("02", rng.uniform(12, 17)), ("03", rng.uniform(5, 8))):
            prices.append(_price(amount, "03", "2", start, dependencyLevel=concept("J27", level),
                                 welcomeType=welcome))
    return prices


def establishment(ctx: Context, *, parent: str, kind: EstablishmentKind, name: str, commune: Commune,
                  created: int, siren: str | None, closed: int | None) -> Establishment:
    """Write an EG below EJ ``parent``."""
    rng = ctx.rng
    latitude, longitude = jitter(rng, commune)
    where = address(rng, commune)
    eg_id = ctx.ids.resource_id("Organization")
    siret = f"{siren or ctx.ids.siren()}{rng.randrange(1, 10**5):05d}"
    if kind.category in _CABINET_CATEGORIES:
        national_id = f"3{siret}"
        identifiers = [_identifier("40", STRUCTURE_ID_SYSTEM, national_id), _identifier("3", SIRENE_SYSTEM, siret)]
    else:
        finess = ctx.ids.finess(commune.department)
        national_id = f"1{finess}"
        identifiers = [_identifier("40", STRUCTURE_ID_SYSTEM, national_id), _identifier("1", FINESS_SYSTEM, finess)]
        if siren:
            identifiers.append(_identifier("3", SIRENE_SYSTEM, siret))
    types = [concept("J55", kind.category), concept("J203", "EG")]
    if kind.sph:
        types.append(concept("J202", kind.sph))
    period: Json = {"start": day(created)}
    extensions = [creation_extension(rng, created), _department_division(commune.department)]
    if closed is not None:
        period["end"] = day(closed)
        extensions.append(extension(f"{SD}ror-organization-closing-type", "valueCodeableConcept", "J201", "DEF"))
    extensions.append({"url": "http://hl7.org/fhir/StructureDefinition/organization-period", "valuePeriod": period})
    if kind.prices:
        extensions.extend(_prices(ctx, kind))
    if kind.social_help:
        extensions.append(extension(f"{SD}ror-organization-financial-help-type", "valueCodeableConcept", "J31",
                                    "02" if kind.category == "500" else "01"))
        extensions.append({"url": f"{SD}ror-organization-nb-permanent-social-help-place",
                           "valueInteger": rng.randint(0, 60)})
    if kind.drop_zone:
        extensions.append({"url": f"{SD}ror-organization-drop-zone", "valueBoolean": rng.random() < 0.7})
    extensions.append(extension(f"{SD}ror-organization-accessibility-location", "valueCodeableConcept", "J50",
                                rng.choice(("1", "1", "1", "5", "6"))))
    ctx.writer.write({
        "resourceType": "Organization",
        "id": eg_id,
        "meta": meta(PROFILE_ORGANIZATION, ctx.region_code),
        "extension": extensions,
        "identifier": identifiers,
        "type": types,
        "name": name,
        "telecom": [phone(rng, ctx.region_code)],
        "address": [{**where, "extension": [geolocation(latitude, longitude)]}],
        "partOf": reference("Organization", parent),
        "contact": [_standard_contact(ctx)],
    })
    return Establishment(eg_id, national_id, name, commune, latitude, longitude, where, created, closed)


def internal_organization(ctx: Context, *, parent: str, level: str, name: str, created: int,
                          closed: int | None) -> str:
    """Write an OI (pole, service or unite fonctionnelle) below ``parent``; return its id."""
    oi_id = ctx.ids.resource_id("Organization")
    period: Json = {"start": day(created)}
    if closed is not None:
        period["end"] = day(closed)
    ctx.writer.write({
        "resourceType": "Organization",
        "id": oi_id,
        "meta": meta(PROFILE_UF if level == UF else PROFILE_INTERNAL_ORGANIZATION, ctx.region_code),
        "extension": [creation_extension(ctx.rng, created),
                      {"url": "http://hl7.org/fhir/StructureDefinition/organization-period", "valuePeriod": period}],
        "identifier": [_identifier("42", OI_SYSTEM, ctx.ids.regional("oi", ctx.region_code))],
        "type": [concept("J203", level)],
        "name": name,
        "partOf": reference("Organization", parent),
    })
    return oi_id
