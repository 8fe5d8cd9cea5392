"""Small FHIR building blocks shared by the resource builders: URLs, meta, dates, addresses, telecoms.

Everything that does not vary per resource is built once and shared between resources (the dicts are never
mutated after construction), which keeps generation fast: a resource is mostly references to shared parts.
"""

from __future__ import annotations

import datetime as dt
import random
from functools import cache, lru_cache
from typing import Any

from server.generate.catalog.names import STREET_NAMES, STREET_TYPES
from server.generate.geography import Commune
from server.generate.terminology import COMMUNE_SYSTEM, concept

Json = dict[str, Any]

SD = "https://interop.esante.gouv.fr/ig/fhir/ror/StructureDefinition/"
REGION_SYSTEM = "https://mos.esante.gouv.fr/NOS/TRE_R30-RegionOM/FHIR/TRE-R30-RegionOM"
ADXP = "http://hl7.org/fhir/StructureDefinition/iso21090-ADXP-"
UCUM = "http://unitsofmeasure.org"

PROFILE_ORGANIZATION = f"{SD}ror-organization"
PROFILE_INTERNAL_ORGANIZATION = f"{SD}ror-internal-organization"
PROFILE_UF = f"{SD}ror-core-organization-uf"
PROFILE_SERVICE = f"{SD}ror-healthcareservice"
PROFILE_LOCATION = f"{SD}ror-location"
PROFILE_PRACTITIONER = f"{SD}ror-practitioner"
PROFILE_ROLE = f"{SD}ror-practitionerrole"

# First day of the creation-date window and its length: records were created between 2014 and autumn 2025.
_EPOCH = dt.date(2014, 1, 1)
LAST_DAY = (dt.date(2025, 9, 30) - _EPOCH).days
# Capacity figures are "current": updated during the weeks before the generated snapshot.
_CAPACITY_WINDOW = ((dt.date(2025, 10, 15) - _EPOCH).days, (dt.date(2025, 11, 20) - _EPOCH).days)


@cache
def meta(profile: str, region: str) -> Json:
    """``meta`` with the profile and the region-source tag (TRE_R30); no versionId/lastUpdated (server-set)."""
    return {"profile": [profile], "tag": [{"system": REGION_SYSTEM, "code": region}]}


@lru_cache(maxsize=8192)
def day(index: int) -> str:
    """ISO date of day ``index`` of the creation window."""
    return (_EPOCH + dt.timedelta(days=index)).isoformat()


def draw_day(rng: random.Random, after: int = 0) -> int:
    """A day index in the creation window, not before ``after`` (uniform)."""
    return rng.randint(min(after, LAST_DAY), LAST_DAY)


def later(rng: random.Random, after: int, mean_delay: int) -> int:
    """A day shortly after ``after`` (exponential delay): children are entered soon after their parent."""
    return min(LAST_DAY, after + int(rng.expovariate(1 / mean_delay)))


def timestamp(rng: random.Random, day_index: int, suffix: str = "+00:00") -> str:
    seconds = rng.randrange(7 * 3600, 20 * 3600)
    return f"{day(day_index)}T{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}{suffix}"


def creation_extension(rng: random.Random, day_index: int) -> Json:
    return {"url": f"{SD}ror-meta-creation-date", "valueDateTime": timestamp(rng, day_index)}


def capacity_timestamp(rng: random.Random) -> str:
    return timestamp(rng, rng.randint(*_CAPACITY_WINDOW), "Z")


def reference(resource_type: str, resource_id: str) -> Json:
    return {"reference": f"{resource_type}/{resource_id}"}


@cache
def commune_concept(insee: str, name: str) -> Json:
    """CodeableConcept of a commune in TRE_R13-CommuneOM (its COG code)."""
    return {"coding": [{"system": COMMUNE_SYSTEM, "code": insee, "display": name}]}


@cache
def extension(url: str, value_type: str, value_key: str, value_code: str) -> Json:
    """A shared simple extension whose value is a NOS CodeableConcept (``value_key`` is the JDV)."""
    return {"url": url, value_type: concept(value_key, value_code)}


@cache
def _street_parts(type_code: str, base: str) -> tuple[Json, Json]:
    return ({"url": f"{ADXP}streetNameType", "valueString": type_code},
            {"url": f"{ADXP}streetNameBase", "valueString": base})


def jitter(rng: random.Random, commune: Commune) -> tuple[float, float]:
    """A point within about a kilometre of the commune centroid (latitude, longitude)."""
    return (round(commune.latitude + rng.uniform(-0.009, 0.009), 6),
            round(commune.longitude + rng.uniform(-0.012, 0.012), 6))


def address(rng: random.Random, commune: Commune) -> Json:
    """A French postal address in ``commune``, with its ISO 21090 line parts."""
    number = rng.randint(1, 180)
    type_code, type_label = rng.choice(STREET_TYPES)
    base = rng.choice(STREET_NAMES)
    street_type, street_base = _street_parts(type_code, base)
    return {
        "line": [f"{number} {type_label} {base}"],
        "_line": [{"extension": [{"url": f"{ADXP}houseNumber", "valueString": str(number)}, street_type,
                                 street_base]}],
        "city": commune.city,
        "postalCode": commune.postal_codes[rng.randrange(len(commune.postal_codes))],
    }


def geolocation(latitude: float, longitude: float) -> Json:
    return {"url": "http://hl7.org/fhir/StructureDefinition/geolocation",
            "extension": [{"url": "latitude", "valueDecimal": latitude},
                          {"url": "longitude", "valueDecimal": longitude}]}


_PHONE_PREFIX = {"01": "0590", "02": "0596", "03": "0594", "04": "0262", "06": "0269", "11": "01", "24": "02",
                 "27": "03", "28": "02", "32": "03", "44": "03", "52": "02", "53": "02", "75": "05", "76": "05",
                 "84": "04", "93": "04", "94": "04"}


def phone_number(rng: random.Random, region: str) -> str:
    prefix = _PHONE_PREFIX[region]
    digits = 10 - len(prefix)
    return f"{prefix}{rng.randrange(10 ** (digits - 1), 10 ** digits)}"


@cache
def telecom_extensions(channel: str, confidentiality: str) -> list[Json]:
    """The two mandatory ROR telecom extensions: channel (TRE_R200) and confidentiality level (TRE_R283)."""
    return [extension(f"{SD}ror-telecom-communication-channel", "valueCodeableConcept", "J225", channel),
            extension(f"{SD}ror-telecom-confidentiality-level", "valueCodeableConcept", "J222", confidentiality)]


def phone(rng: random.Random, region: str, confidentiality: str = "1") -> Json:
    return {"extension": telecom_extensions("2", confidentiality), "system": "phone",
            "value": phone_number(rng, region)}


def mail(value: str, confidentiality: str = "2") -> Json:
    return {"extension": telecom_extensions("3", confidentiality), "system": "email", "value": value}
