"""HealthcareService resources (offres operationnelles), built from precompiled per-kind templates."""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache

from server.generate.catalog.offers import OfferKind
from server.generate.context import Context
from server.generate.fhir import (
    LAST_DAY,
    PROFILE_SERVICE,
    SD,
    Json,
    commune_concept,
    creation_extension,
    day,
    extension,
    meta,
    phone_number,
    reference,
    telecom_extensions,
)
from server.generate.organizations import Establishment
from server.generate.terminology import UCUM_YEARS_SYSTEM, concept, display

_ACT_TYPE = f"{SD}ror-act-type"
_CLOSING = "Période de fermeture et de réouverture prévisionnelle"
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_ZONE_SIZE = (3, 12)
#: schedule -> (days 1..7, start, end, TRE_R252 type of time, TRE_R238 annual opening)
_SCHEDULES: dict[str, tuple[range, str, str, str, str]] = {
    "h24": (range(1, 8), "00:00:00", "23:59:00", "01", "03"),
    "week": (range(1, 6), "00:00:00", "23:59:00", "01", "04"),
    "week7": (range(1, 8), "08:00:00", "20:00:00", "02", "03"),
    "day": (range(1, 6), "08:30:00", "17:30:00", "02", "04"),
    "weekdays": (range(1, 6), "09:00:00", "17:00:00", "01", "04"),
    "office": (range(1, 6), "09:00:00", "19:00:00", "07", "04"),
}


@dataclass(frozen=True, slots=True)
class ServiceTemplate:
    """Everything about an offer kind that does not vary per offer, as shared FHIR fragments."""

    kind: OfferKind
    service_type: list[Json]
    category: list[Json] | None
    activities: tuple[Json, ...]
    activity_labels: tuple[str, ...]
    care_mode_label: str
    fixed_characteristics: tuple[Json, ...]
    acts: tuple[Json, ...]
    specialisations: tuple[Json, ...]
    competences: tuple[Json, ...]
    modalities: tuple[Json, ...]
    expertise: tuple[Json, ...]
    management: tuple[Json, ...]
    families: tuple[Json, ...]
    patient_type: Json


def _age(value: int) -> Json:
    return {"value": value, "system": UCUM_YEARS_SYSTEM, "code": "a"}


@cache
def template(kind: OfferKind) -> ServiceTemplate:
    """Compile ``kind``; raises ``KeyError`` if one of its codes is not in its NOS value set."""
    fixed = [concept("J19", kind.care_mode)]
    if kind.reception:
        fixed.append(concept("J30", kind.reception))
    fixed.append(concept("J28", _SCHEDULES[kind.schedule][4]))
    patient_info: list[Json] = [{"url": "supportedPatientInfo", "valueCodeableConcept": concept("J29", public)}
                                for public in kind.publics]
    patient_info.append({"url": "ageRange", "valueRange": {"low": _age(kind.ages[0]), "high": _age(kind.ages[1])}})
    mode_label = display("J19", kind.care_mode)
    return ServiceTemplate(
        kind=kind,
        service_type=[concept("J20", kind.champ)],
        category=[concept("J238", kind.category)] if kind.category else None,
        activities=tuple(concept("J17", code) for code in kind.activities),
        activity_labels=tuple(display("J17", code) for code in kind.activities),
        care_mode_label=mode_label.split(" (")[0] if mode_label.endswith(")") else mode_label,
        fixed_characteristics=tuple(fixed),
        acts=tuple({"extension": [{"url": _ACT_TYPE, "valueCode": "specificAct"}], **concept("J16", code)}
                   for code in kind.acts),
        specialisations=tuple(concept("J35", code) for code in kind.specialisations),
        competences=tuple(concept("J33", code) for code in kind.competences),
        modalities=tuple(concept("J226", code) for code in kind.modalities),
        expertise=tuple(concept("J227", code) for code in kind.expertise),
        management=(concept("J26", "01"), concept("J26", "02")) if kind.management else (),
        families=tuple(concept("J51", code) for code in kind.family),
        patient_type={"url": f"{SD}ror-healthcareservice-patient-type", "extension": patient_info},
    )


@cache
def available_time(schedule: str, since: str) -> list[Json]:
    """Weekly opening hours, effective since ``since`` (one shared list per schedule and month)."""
    days, start, end, time_type, _ = _SCHEDULES[schedule]
    effective = {"url": f"{SD}ror-available-time-effective-opening-closing-date", "valuePeriod": {"start": since}}
    type_of_time = extension(f"{SD}ror-available-time-type-of-time", "valueCodeableConcept", "J41", time_type)
    slots = [{"extension": [{"url": f"{SD}ror-available-time-number-days-of-week", "valueInteger": number},
                            effective, type_of_time],
              "daysOfWeek": [_DAYS[number - 1]], "availableStartTime": start, "availableEndTime": end}
             for number in days]
    if schedule == "office":
        slots.append({"extension": [{"url": f"{SD}ror-available-time-number-days-of-week", "valueInteger": 6},
                                    effective, type_of_time],
                      "daysOfWeek": ["sat"], "availableStartTime": "09:00:00", "availableEndTime": "12:00:00"})
    return slots


@cache
def _flag(name: str, value: bool) -> Json:
    return {"url": f"{SD}{name}", "valueBoolean": value}


@cache
def _intervention_commune(insee: str, name: str) -> Json:
    return {"url": f"{SD}ror-territorial-division",
            "extension": [{"url": "typeTerritorialDivision", "valueCodeableConcept": concept("J223", "3")},
                          {"url": "codeTerritorialDivision", "valueCodeableConcept": commune_concept(insee, name)}]}


def _contact(rng: random.Random, region: str) -> Json:
    return {"url": f"{SD}ror-healthcareservice-contact", "extension": [
        {"url": "purposeContact", "valueCodeableConcept": concept("J221", rng.choice(("01", "02", "03", "06")))},
        extension(f"{SD}ror-confidentiality-level", "valueCodeableConcept", "J222", "1"),
        {"url": f"{SD}ror-healthcareservice-contact-telecom",
         "extension": [*telecom_extensions("2", "1"), {"url": "telecomAddress",
                                                       "valueString": phone_number(rng, region)}]},
    ]}


def _sample(rng: random.Random, pool: tuple[Json, ...], low: int, high: int) -> list[Json]:
    return rng.sample(pool, rng.randint(min(low, len(pool)), min(high, len(pool)))) if pool else []


def _characteristics(rng: random.Random, tpl: ServiceTemplate, stop: str | None) -> list[Json]:
    result = list(tpl.fixed_characteristics)
    result.extend(modality for modality in tpl.modalities if rng.random() < 0.5)
    result.extend(_sample(rng, tpl.acts, 0, 3))
    result.extend(_sample(rng, tpl.specialisations, 1, 2))
    result.extend(_sample(rng, tpl.competences, 0, 2))
    result.extend(_sample(rng, tpl.management, 1, 2))
    if tpl.expertise and rng.random() < 0.5:
        result.append(rng.choice(tpl.expertise))
    if stop:
        result.append(concept("J185", stop))
    return result


def service(ctx: Context, tpl: ServiceTemplate, *, activity: int, name: str, provided_by: str, location: str,
            eg: Establishment, created: int) -> str:
    """Write one HealthcareService of kind ``tpl`` provided by Organization ``provided_by``; return its id."""
    rng = ctx.rng
    kind = tpl.kind
    region = ctx.region_code
    extensions: list[Json] = [creation_extension(rng, created),
                              _flag("ror-healthcareservice-sensitive-unit", rng.random() < kind.sensitive),
                              tpl.patient_type]
    if kind.psy_sector:
        sector = "I" if kind.ages[1] <= 18 else "G"
        extensions.append({"url": f"{SD}ror-healthcareservice-psychiatric-sector",
                           "valueString": f"{eg.commune.department}{sector}{rng.randint(1, 24):02d}"})
    if kind.no_consent:
        extensions.append(_flag("ror-healthcareservice-no-consent-habilitation", True))
    if kind.zone:
        department = ctx.region.departments[eg.commune.department]
        around = ctx.neighbourhoods.around(eg.commune, department)
        extensions.extend(_intervention_commune(c.insee, c.name) for c in around[: rng.randint(*_ZONE_SIZE)])
    if rng.random() < 0.6:
        extensions.append(_contact(rng, region))
    specialty = [tpl.activities[activity]]
    if tpl.families:
        specialty.append(rng.choice(tpl.families))
    stop, not_available = _closure(rng, eg)
    service_id = ctx.ids.resource_id("HealthcareService")
    resource: Json = {
        "resourceType": "HealthcareService",
        "id": service_id,
        "meta": meta(PROFILE_SERVICE, region),
        "extension": extensions,
        "identifier": [{"type": concept("J236", "35"), "value": ctx.ids.regional("offer", region, 7)}],
        "providedBy": reference("Organization", provided_by),
        "type": tpl.service_type,
        "specialty": specialty,
        "location": [reference("Location", location)],
        "name": name,
        "characteristic": _characteristics(rng, tpl, stop),
        "availableTime": available_time(kind.schedule, day(created)[:8] + "01"),
    }
    if tpl.category:
        resource["category"] = tpl.category
    if not_available:
        resource["notAvailable"] = not_available
    ctx.writer.write(resource)
    return service_id


def _closure(rng: random.Random, eg: Establishment) -> tuple[str | None, list[Json] | None]:
    """Closed for good with its establishment, or (rarely) closed for a while with a planned reopening."""
    if eg.closed is not None:
        during: Json = {"start": day(eg.closed)}
        return "DEF", [{"id": "closingReopeningDate", "description": _CLOSING, "during": during}]
    if rng.random() < 0.01:
        start = rng.randint(LAST_DAY - 60, LAST_DAY)
        during = {"start": day(start), "end": day(start + rng.randint(14, 120))}
        return "PRO", [{"id": "closingReopeningDate", "description": _CLOSING, "during": during}]
    return None, None
