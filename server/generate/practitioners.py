"""Practitioner and PractitionerRole resources, and the per-establishment staff they are drawn from."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache

from server.generate.catalog.names import FAMILY_NAMES, GIVEN_FEMALE, GIVEN_MALE
from server.generate.catalog.offers import Staff
from server.generate.context import Context
from server.generate.fhir import (
    PROFILE_PRACTITIONER,
    PROFILE_ROLE,
    SD,
    Json,
    creation_extension,
    draw_day,
    extension,
    later,
    mail,
    meta,
    reference,
)
from server.generate.terminology import concept

PRACTITIONER_ID_SYSTEM = "urn:oid:1.2.250.1.71.4.2.1"
#: Share of a new role that goes to someone already working in the establishment (about 2.6 roles each).
_REUSE = 0.9
_MAIL_DOMAINS = {"10": "medecin.mssante.fr", "21": "pharmacien.mssante.fr", "40": "chirurgien-dentiste.mssante.fr",
                 "50": "sage-femme.mssante.fr"}
TITLED = frozenset({"10", "40"})  # professions addressed as "Docteur"


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    profession: str
    family: str
    given: str
    created: int


@dataclass(slots=True)
class StaffPool:
    """The practitioners of one establishment, by profession and specialty."""

    members: dict[Staff, list[Person]] = field(default_factory=dict)


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().replace(" ", "-").replace("'", "")


def new_practitioner(ctx: Context, staff: Staff) -> Person:
    """Write a Practitioner practising ``staff``'s profession; return who they are."""
    rng = ctx.rng
    female = rng.random() < (0.75 if staff.profession not in TITLED else 0.55)
    given = rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)
    family = rng.choice(FAMILY_NAMES)
    created = draw_day(rng)
    person = Person(ctx.ids.resource_id("Practitioner"), staff.profession, family, given, created)
    resource: Json = {
        "resourceType": "Practitioner",
        "id": person.id,
        "meta": meta(PROFILE_PRACTITIONER, ctx.region_code),
        "extension": [creation_extension(rng, created)],
        "identifier": [{"system": PRACTITIONER_ID_SYSTEM, "value": ctx.ids.rpps()}],
        "name": [{"family": family, "given": [given], "prefix": ["MME" if female else "M"]}],
        "gender": "female" if female else "male",
    }
    if rng.random() < 0.6:
        domain = _MAIL_DOMAINS.get(staff.profession, "pro.mssante.fr")
        resource["telecom"] = [mail(f"{_ascii(given)}.{_ascii(family)}@{domain}")]
    ctx.writer.write(resource)
    return person


def staff_member(ctx: Context, pool: StaffPool, staff: Staff, busy: set[str]) -> Person:
    """Someone of ``pool`` with that profession and specialty not in ``busy``, or a newcomer (who joins)."""
    members = pool.members.setdefault(staff, [])
    free = [member for member in members if member.id not in busy]
    if free and ctx.rng.random() < _REUSE:
        return free[ctx.rng.randrange(len(free))]
    person = new_practitioner(ctx, staff)
    members.append(person)
    return person


@cache
def _specialty(staff: Staff) -> list[Json]:
    if staff.specialty is None:
        return []
    return [concept("J209", "S"), concept("J210", staff.specialty)]


def role(ctx: Context, person: Person, staff: Staff, *, service: str, organization: str, location: str,
         created: int, salaried: bool, professor: bool) -> None:
    """Write the PractitionerRole of ``person`` in offer ``service``."""
    rng = ctx.rng
    name: list[Json] = []
    if staff.profession in TITLED:
        name.append({"url": "exerciseTitle", "valueCodeableConcept": concept("J208", "PR" if professor else "DR")})
    name.append({"url": "exerciseLastName", "valueString": person.family})
    name.append({"url": "exerciseFirstName", "valueString": person.given})
    resource: Json = {
        "resourceType": "PractitionerRole",
        "id": ctx.ids.resource_id("PractitionerRole"),
        "meta": meta(PROFILE_ROLE, ctx.region_code),
        "extension": [
            creation_extension(rng, later(rng, max(created, person.created), 30)),
            extension(f"{SD}ror-practitionerrole-unit-exercise-mode", "valueCodeableConcept", "J217",
                      "S" if salaried else "L"),
            {"url": f"{SD}ror-practitionerrole-name", "extension": name},
        ],
        "identifier": [{"type": concept("J236", "30"), "value": ctx.ids.role_number()}],
        "practitioner": reference("Practitioner", person.id),
        "organization": reference("Organization", organization),
        "location": [reference("Location", location)],
        "healthcareService": [reference("HealthcareService", service)],
        "code": [concept("J229", staff.profession)],
    }
    specialty = _specialty(staff)
    if specialty:
        resource["specialty"] = specialty
    ctx.writer.write(resource)
