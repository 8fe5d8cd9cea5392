"""Opening hours: FHIR ``availableTime`` (+ ROR extensions) <-> CSD ``operatingHours``.

CSD numbers days Sunday=0 … Saturday=6; the ROR extension ``number-days-of-week`` numbers them
Monday=1 … Sunday=7; FHIR ``daysOfWeek`` uses ``mon`` … ``sun``. ``beginEffectiveDate`` is mandatory in
CSD: a slot without an effective start date is not sent (RG_EXP_002).
"""

from __future__ import annotations

from typing import Any

from mappings import fhir
from mappings.csd.codes import CodeMapper
from mappings.csd.record import Stamp, write_record, xs_date
from mappings.csd.xml import Element, child, children, sub, sub_extension, text
from mappings.versions import CsdVersion

_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _ror_days(slot: dict[str, Any]) -> list[int]:
    """Days of a slot as ROR numbers (1 = Monday … 7 = Sunday)."""
    number = fhir.ext_value(slot, fhir.EXT_TIME_DAY_NUMBER)
    if isinstance(number, int) and 1 <= number <= 7:
        return [number]
    return [_DAYS.index(day) + 1 for day in slot.get("daysOfWeek", ()) if day in _DAYS]


def write_hours(parent: Element, slot: dict[str, Any], stamp: Stamp, codes: CodeMapper, version: CsdVersion) -> None:
    effective = fhir.ext_value(slot, fhir.EXT_TIME_EFFECTIVE) or {}
    begin = xs_date(effective.get("start"))
    if begin is None:
        return
    element = sub(parent, "operatingHours")
    if version is CsdVersion.V2_4:
        sub(element, "openFlag", True)
    for day in _ror_days(slot):
        sub(element, "dayOfTheWeek", day % 7)
    if slot.get("availableStartTime"):
        sub(element, "beginningHour", slot["availableStartTime"])
    if slot.get("availableEndTime"):
        sub(element, "endingHour", slot["availableEndTime"])
    sub(element, "beginEffectiveDate", begin)
    if effective.get("end"):
        sub(element, "endEffectiveDate", xs_date(effective["end"]))
    kind = fhir.first_coding(fhir.ext_value(slot, fhir.EXT_TIME_TYPE))
    if kind:
        ext = sub_extension(element)
        codes.coded(ext, "operatingHoursType", kind)
        write_record(ext, stamp.bare())


def read_hours(element: Element, codes: CodeMapper) -> dict[str, Any] | None:
    """One ``availableTime``; ``openFlag = false`` (closed slot, 2.4) has no FHIR equivalent and is skipped."""
    if text(element, "openFlag") == "false":
        return None
    days = []
    for day in children(element, "dayOfTheWeek"):
        try:
            number = int((day.text or "").strip())
        except ValueError:
            continue
        if 0 <= number <= 6:
            days.append(number or 7)
    extensions: list[dict[str, Any]] = []
    if len(days) == 1:
        extensions.append(fhir.make_ext(fhir.EXT_TIME_DAY_NUMBER, "Integer", days[0]))
    period = {"start": text(element, "beginEffectiveDate")}
    if text(element, "endEffectiveDate"):
        period["end"] = text(element, "endEffectiveDate")
    extensions.append(fhir.make_ext(fhir.EXT_TIME_EFFECTIVE, "Period", period))
    for ext in children(element, "extension"):
        kind = codes.concept(child(ext, "operatingHoursType"))
        if kind:
            extensions.append(fhir.make_ext(fhir.EXT_TIME_TYPE, "CodeableConcept", kind))
    slot: dict[str, Any] = {"extension": extensions}
    if days:
        slot["daysOfWeek"] = [_DAYS[d - 1] for d in days]
    for key, name in (("availableStartTime", "beginningHour"), ("availableEndTime", "endingHour")):
        if text(element, name):
            slot[key] = text(element, name)
    return slot
