"""Read workloads: the ROR consultation use cases of spec §4.2 and §5, with values from the data pool.

Each generator picks one real resource (an offer, a place, a structure) and builds its criteria from that
resource, so the query has at least one match at discovery time; the request shapes are the ones the spec
quotes, using only standard FHIR R4 search syntax and the ROR search parameters.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from random import Random

from bench import fhir
from bench.call import Call
from bench.pool import DataPool, Indicator, Offer, Place, Price
from bench.workload import Workload

NEAR_KM = 15  # the radius of the spec's examples
POINT_JITTER_DEGREES = 0.02  # about 2 km, so that near-point queries are not all on the exact same spot
_WORD = re.compile(r"[^\W\d_]{5,}")
_PLAIN_TOKEN = re.compile(r"^[^,|\\$]+$")  # no character that would need escaping in a token value


def _offer_search(*params: tuple[str, str]) -> Call:
    return Call("GET", "HealthcareService", (*params, *fhir.INC))


def _offers(pool: DataPool, keep: Callable[[Offer], bool]) -> list[Offer]:
    return [offer for _, offer in sorted(pool.offers.items()) if keep(offer)]


def _offer_places(pool: DataPool, keep: Callable[[Offer, Place], bool]) -> list[tuple[Offer, Place]]:
    return [(o, p) for _, o in sorted(pool.offers.items()) for p in pool.places_of(o) if keep(o, p)]


def _quantity(value: int) -> str:
    return f"{value}|{fhir.UCUM_QUERY_SYSTEM}|a"


# --- read ---------------------------------------------------------------------------------------------


def _read_candidates(pool: DataPool) -> list[tuple[str, tuple[str, ...]]]:
    return [(kind, tuple(sorted(ids))) for kind, ids in sorted(pool.ids.items()) if ids]


def _read(candidate: tuple[str, tuple[str, ...]], pool: DataPool, rng: Random) -> Call:
    kind, ids = candidate
    return Call("GET", f"{kind}/{rng.choice(ids)}", searchset=False)


# --- offers by activity -------------------------------------------------------------------------------


def _specialty(offer: Offer, pool: DataPool, rng: Random) -> Call:
    return _offer_search(("specialty", rng.choice(offer.specialties)))


def _specialty_pairs(pool: DataPool) -> list[tuple[str, tuple[str, ...]]]:
    every = tuple(sorted({s for o in pool.offers.values() for s in o.specialties}))
    return [(s, every) for s in every] if len(every) >= 2 else []


def _specialty_or(candidate: tuple[str, tuple[str, ...]], pool: DataPool, rng: Random) -> Call:
    first, every = candidate
    second = rng.choice([s for s in every if s != first])
    return _offer_search(("_filter", f"(specialty eq {first} or {second})"))


def _and_criteria(offer: Offer, pool: DataPool, rng: Random) -> Call:
    return _offer_search(
        ("service-category", rng.choice(offer.categories)), ("characteristic", rng.choice(offer.characteristics))
    )


def _age_filter(offer: Offer, pool: DataPool, rng: Random) -> Call:
    assert offer.age_range is not None
    low, high = offer.age_range
    age = rng.randint(math.ceil(low), max(math.ceil(low), math.floor(min(high, low + 100))))
    branches = [f"(service-category eq {c})" for c in offer.categories[:1]]
    branches += [f"(specialty eq {s})" for s in offer.specialties[:1]]
    ages = f"(age-range-low le {_quantity(age)} and age-range-high ge {_quantity(age)})"
    return _offer_search(("_filter", f"(({' or '.join(branches)}) and {ages})"))


# --- offers by geography ------------------------------------------------------------------------------


def _near_commune(candidate: tuple[Offer, Place], pool: DataPool, rng: Random) -> Call:
    offer, place = candidate
    assert place.commune is not None
    return _offer_search(
        ("specialty", rng.choice(offer.specialties)),
        ("location.near-insee-code", f"{fhir.code_of(place.commune)}|{NEAR_KM}|km"),
    )


def _near_point(candidate: tuple[Offer, Place], pool: DataPool, rng: Random) -> Call:
    offer, place = candidate
    assert place.position is not None
    lat, lon = (c + rng.uniform(-POINT_JITTER_DEGREES, POINT_JITTER_DEGREES) for c in place.position)
    return _offer_search(
        ("specialty", rng.choice(offer.specialties)), ("location.near", f"{lat:.6f}|{lon:.6f}|{NEAR_KM}|km")
    )


def _department(candidate: tuple[Offer, Place], pool: DataPool, rng: Random) -> Call:
    offer, place = candidate
    assert place.postal_code is not None
    chosen = rng.sample(offer.characteristics, min(2, len(offer.characteristics)))
    return _offer_search(
        ("location.address-postalcode", place.postal_code[:2]),
        ("service-category", rng.choice(offer.categories)),
        *(("characteristic", c) for c in chosen),
    )


def _commune_candidates(pool: DataPool) -> list[tuple[Offer, Place, tuple[str, ...]]]:
    pairs = _offer_places(pool, lambda o, p: bool(o.specialties and o.characteristics and p.commune))
    communes = tuple(sorted({p.commune for _, p in pairs if p.commune}))
    return [(o, p, communes) for o, p in pairs]


def _commune(candidate: tuple[Offer, Place, tuple[str, ...]], pool: DataPool, rng: Random) -> Call:
    offer, place, communes = candidate
    other = rng.choice(communes)
    care_modes = [c for c in offer.characteristics if c.startswith(fhir.CARE_MODE)]
    return _offer_search(
        ("_filter", f"(location.commune-cog eq {place.commune} OR location.commune-cog eq {other})"),
        ("specialty", rng.choice(offer.specialties)),
        ("characteristic", rng.choice(care_modes or offer.characteristics)),
    )


def _intervention_zone(offer: Offer, pool: DataPool, rng: Random) -> Call:
    return _offer_search(
        ("intervention-zone", rng.choice(offer.zones)),
        ("specialty", rng.choice(offer.specialties)),
        ("service-category", rng.choice(offer.categories)),
    )


# --- capacity -----------------------------------------------------------------------------------------


def _free_bed_candidates(pool: DataPool) -> list[tuple[Offer, Indicator]]:
    return [
        (o, i)
        for o, p in _offer_places(pool, lambda o, p: bool(o.specialties))
        for i in p.indicators
        if i.count > 0 and fhir.code_of(i.code("capacityStatus") or "") == fhir.CAPACITY_STATUS_AVAILABLE
    ]


def _free_bed(candidate: tuple[Offer, Indicator], pool: DataPool, rng: Random) -> Call:
    """The signature query of spec §4.2: offers with a free bed of the given kind, now."""
    offer, indicator = candidate
    criteria = [
        (f"location.{param}", value)
        for param, attribute in (
            ("capacity-type", "capacityType"),
            ("gender-capacity-available", "genderCapacityAvailable"),
            ("temporality-capacity", "temporalityCapacity"),
            ("capacity-status", "capacityStatus"),
        )
        if (value := indicator.code(attribute))
    ]
    params = (
        ("specialty", rng.choice(offer.specialties)),
        *criteria,
        ("location.nb-capacity", "gt0"),
        ("_include", "HealthcareService:location"),
    )
    return Call("GET", "HealthcareService", params)


def _place_identifiers(pool: DataPool) -> list[tuple[str, tuple[str, ...]]]:
    """Each place's own identifier (idLocation first) when unambiguous, with the whole list for a second pick."""
    unique = pool.unique_place_identifiers()
    chosen = []
    for _, place in sorted(pool.places.items()):
        values = [v for t, v in place.identifiers if t == fhir.LOCATION_ID_TYPE] or [v for _, v in place.identifiers]
        chosen += [v for v in values[:1] if v in unique and _PLAIN_TOKEN.match(v)]
    every = tuple(chosen)
    return [(value, every) for value in every]


def _location_capacity(candidate: tuple[str, tuple[str, ...]], pool: DataPool, rng: Random) -> Call:
    """Spec §5.1 #2 (one place) or #5 (two places, comma OR)."""
    first, every = candidate
    values = [first, rng.choice(every)] if rng.random() < 0.5 else [first]
    return Call("GET", "Location", (("identifier", ",".join(values)), ("_revinclude", "HealthcareService:location")))


def _region(tag: str, pool: DataPool, rng: Random) -> Call:
    """Spec §5.1 #1ter: the places of a region (tag code without system), with their offers."""
    return Call("GET", "Location", (("_tag", fhir.code_of(tag)), ("_revinclude", "HealthcareService:location")))


# --- extraction ---------------------------------------------------------------------------------------


def _recent_updates(pool: DataPool) -> list[str]:
    """The most recent tenth of the offers' distinct ``meta.lastUpdated``: a delta asks for recent changes."""
    values = sorted({o.last_updated for o in pool.offers.values() if o.last_updated})
    return values[-max(1, len(values) // 10) :] if values else []


def _delta(since: str, pool: DataPool, rng: Random) -> Call:
    return _offer_search(("_lastUpdated", "ge" + re.sub(r"\.\d+", "", since)))  # second precision, offset kept


def _establishment_candidates(pool: DataPool) -> list[str]:
    values = {
        value
        for offer in pool.offers.values()
        for structure in pool.lineage(offer.provider)
        for _, value in structure.identifiers
        if _PLAIN_TOKEN.match(value)
    }
    return sorted(values)


def _establishment(identifier: str, pool: DataPool, rng: Random) -> Call:
    return _offer_search(("organization.identifier:above", identifier))


# --- structures, prices, text, professionals ----------------------------------------------------------


def _name_words(pool: DataPool) -> list[str]:
    return sorted({w.lower() for s in pool.structures.values() for w in _WORD.findall(s.name or "")})


def _organization_name(word: str, pool: DataPool, rng: Random) -> Call:
    return Call("GET", "Organization", (("name:contains", word[: rng.randint(4, len(word))]),))


def _price_candidates(pool: DataPool) -> list[Price]:
    providers = {o.provider for o in pool.offers.values()}
    return [price for sid, s in sorted(pool.structures.items()) if sid in providers for price in s.prices]


def _price(price: Price, pool: DataPool, rng: Random) -> Call:
    """Spec §5.5 #1 (and #2 when the price has a residential type), without the non-standard chained sort."""
    params = [
        ("organization.price-type", price.type),
        ("organization.price-amount-value", f"lt{math.floor(price.amount) + 1}"),
    ]
    if price.residential_type and rng.random() < 0.5:
        params.append(("organization.price-residential-type", price.residential_type))
    return Call("GET", "HealthcareService", (*params, ("_include", "HealthcareService:location")))


def _offer_words(pool: DataPool) -> list[str]:
    return sorted({w.lower() for o in pool.offers.values() for w in _WORD.findall(o.name or "")})


def _full_text(word: str, pool: DataPool, rng: Random) -> Call:
    return _offer_search(("_content", word))


def _role_identifiers(pool: DataPool) -> list[str]:
    return sorted({v for r in pool.roles.values() for v in r.identifiers if _PLAIN_TOKEN.match(v)})


def _practitioner_role(identifier: str, pool: DataPool, rng: Random) -> Call:
    return Call(
        "GET",
        "PractitionerRole",
        (
            ("identifier", identifier),
            ("_include", "PractitionerRole:practitioner"),
            ("_include", "PractitionerRole:organization"),
        ),
    )


SEARCHES = (
    Workload("read", "GET [type]/[id], types mixed evenly (spec §5.7)", "any resource", _read_candidates, _read),
    Workload(
        "specialty",
        "HealthcareService?specialty=TRE_R211|code + INC (spec §5.3 #1)",
        "offer with an operational activity",
        lambda pool: _offers(pool, lambda o: bool(o.specialties)),
        _specialty,
    ),
    Workload(
        "specialty-or-filter",
        "HealthcareService?_filter=(specialty eq A or B) + INC (spec §5.3 #2)",
        "two distinct operational activities",
        _specialty_pairs,
        _specialty_or,
    ),
    Workload(
        "and-criteria",
        "HealthcareService?service-category=…&characteristic=… + INC (spec §5.3 #3)",
        "offer with a category and a characteristic",
        lambda pool: _offers(pool, lambda o: bool(o.categories and o.characteristics)),
        _and_criteria,
    ),
    Workload(
        "age-filter",
        "HealthcareService?_filter=((category or specialty) and age-range-low le A and age-range-high ge A)"
        " + INC (spec §5.3 #4)",
        "offer with an age range and a category or activity",
        lambda pool: _offers(pool, lambda o: bool(o.age_range and (o.categories or o.specialties))),
        _age_filter,
    ),
    Workload(
        "near-commune",
        "HealthcareService?specialty=…&location.near-insee-code=COG|15|km + INC (spec §5.3 #6)",
        "offer with an activity at a place with a commune COG",
        lambda pool: _offer_places(pool, lambda o, p: bool(o.specialties and p.commune)),
        _near_commune,
    ),
    Workload(
        "near-point",
        "HealthcareService?specialty=…&location.near=lat|lon|15|km + INC (spec §5.3 #6)",
        "offer with an activity at a place with a position",
        lambda pool: _offer_places(pool, lambda o, p: bool(o.specialties and p.position)),
        _near_point,
    ),
    Workload(
        "department",
        "HealthcareService?location.address-postalcode=DD&service-category=…&characteristic=…(x2) + INC (spec §5.3 #8)",
        "offer with a category and characteristics at a place with a postal code",
        lambda pool: _offer_places(
            pool, lambda o, p: bool(o.categories and o.characteristics and p.postal_code and len(p.postal_code) >= 2)
        ),
        _department,
    ),
    Workload(
        "commune",
        "HealthcareService?_filter=(location.commune-cog eq A OR location.commune-cog eq B)&specialty=…"
        "&characteristic=… + INC (spec §5.3 #10)",
        "offer with an activity and a characteristic at a place with a commune COG",
        _commune_candidates,
        _commune,
    ),
    Workload(
        "intervention-zone",
        "HealthcareService?intervention-zone=COG&specialty=…&service-category=… + INC (spec §5.3 #7)",
        "offer with an intervention zone, an activity and a category",
        lambda pool: _offers(pool, lambda o: bool(o.zones and o.specialties and o.categories)),
        _intervention_zone,
    ),
    Workload(
        "free-bed",
        "HealthcareService?specialty=…&location.capacity-type/gender-capacity-available/temporality-capacity"
        "&location.capacity-status=02&location.nb-capacity=gt0&_include=HealthcareService:location (spec §4.2)",
        "offer with an activity at a place with an available (status 02) indicator with nbCapacity > 0",
        _free_bed_candidates,
        _free_bed,
    ),
    Workload(
        "location-capacity",
        "Location?identifier=ID[,ID2]&_revinclude=HealthcareService:location (spec §5.1 #2, #5)",
        "place with an identifier no other known place carries",
        _place_identifiers,
        _location_capacity,
    ),
    Workload(
        "region",
        "Location?_tag=REGION&_revinclude=HealthcareService:location (spec §5.1 #1ter)",
        "resource with a region tag (TRE_R30)",
        lambda pool: sorted(pool.tags),
        _region,
    ),
    Workload(
        "delta",
        "HealthcareService?_lastUpdated=geT + INC, T among the latest tenth of offers' lastUpdated (spec §5.2 #4)",
        "offer with meta.lastUpdated",
        _recent_updates,
        _delta,
    ),
    Workload(
        "establishment",
        "HealthcareService?organization.identifier:above=ID + INC (spec §5.2 #2)",
        "identifier of an organisation providing an offer, or of its parents",
        _establishment_candidates,
        _establishment,
    ),
    Workload(
        "organization-name",
        "Organization?name:contains=WORD (spec §5.7)",
        "organisation with a name",
        _name_words,
        _organization_name,
    ),
    Workload(
        "price",
        "HealthcareService?organization.price-type=…&organization.price-amount-value=ltX"
        "[&organization.price-residential-type=…]&_include=HealthcareService:location (spec §5.5 #1, #2)",
        "price on an organisation providing an offer",
        _price_candidates,
        _price,
    ),
    Workload(
        "full-text",
        "HealthcareService?_content=WORD + INC, WORD from offer names (spec §5.6)",
        "offer with a name",
        _offer_words,
        _full_text,
    ),
    Workload(
        "practitioner-role",
        "PractitionerRole?identifier=ID&_include=PractitionerRole:practitioner"
        "&_include=PractitionerRole:organization (spec §5.7)",
        "practitioner role with an identifier",
        _role_identifiers,
        _practitioner_role,
    ),
)
