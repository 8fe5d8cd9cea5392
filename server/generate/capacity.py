"""Bed/place capacity indicators (``ror-location-supported-capacity``) for one Location, consistent by design.

For ``installed`` beds the figures satisfy: occupied + closed + available = installed, every figure >= 0,
available is split by gender, forecasts never exceed installed, and each indicator tuple (type, status,
temporality, gender, closing type, extra-bed type, crisis type, assignment) appears once.
"""

from __future__ import annotations

import random
from functools import cache

from server.generate.catalog.offers import BEDS
from server.generate.fhir import SD, Json, capacity_timestamp
from server.generate.terminology import concept

CAPACITY_URL = f"{SD}ror-location-supported-capacity"
INSTALLED, AVAILABLE, OCCUPIED, CLOSED, SUPPLEMENTARY = "01", "02", "03", "05", "06"  # TRE_R330
CURRENT, FORECAST_24H = "01", "03"  # TRE_R331
FEMALE, MALE, UNDETERMINED = "01", "02", "04"  # TRE_R332

_VALUE_SETS = {"capacityType": "J187", "capacityStatus": "J188", "temporalityCapacity": "J189",
               "genderCapacityAvailable": "J190", "capacityClosingType": "J191", "additionalBedType": "J192",
               "capacitySourceType": "J193", "crisisType": "J194", "temporaryAssignement": "J195"}


@cache
def _part(name: str, code: str) -> Json:
    return {"url": name, "valueCodeableConcept": concept(_VALUE_SETS[name], code)}


def _indicator(count: int, updated: str, unit: str, status: str, source: str, temporality: str = CURRENT,
               **qualifiers: str) -> Json:
    parts: list[Json] = [{"url": "nbCapacity", "valueInteger": count}, {"url": "capacityUpdateDate",
                                                                         "valueDateTime": updated},
                         _part("capacityStatus", status), _part("capacityType", unit),
                         _part("temporalityCapacity", temporality), _part("capacitySourceType", source)]
    parts.extend(_part(name, code) for name, code in qualifiers.items())
    parts.append(_part("temporaryAssignement", "01"))
    return {"url": CAPACITY_URL, "extension": parts}


def indicators(rng: random.Random, unit: str, installed: int, acute: bool) -> list[Json]:
    """The capacity indicators of one bed zone with ``installed`` beds or places (``unit`` is TRE_R329).

    ``acute`` zones (hospital beds) also report supplementary beds for a crisis and a 24 h forecast.
    """
    updated = capacity_timestamp(rng)
    source = rng.choices(("01", "02", "04"), weights=(6, 3, 1))[0]
    closed = rng.randint(1, max(1, installed // 5)) if rng.random() < 0.2 else 0
    occupied = min(installed - closed, round(installed * rng.uniform(0.7, 1.0)))
    available = installed - closed - occupied
    result = [_indicator(installed, updated, unit, INSTALLED, source),
              _indicator(occupied, updated, unit, OCCUPIED, source)]
    if unit == BEDS:
        female = rng.randint(0, available)
        undetermined = rng.randint(0, available - female)
        for gender, count in ((FEMALE, female), (MALE, available - female - undetermined),
                              (UNDETERMINED, undetermined)):
            result.append(_indicator(count, updated, unit, AVAILABLE, source, genderCapacityAvailable=gender))
    else:
        result.append(_indicator(available, updated, unit, AVAILABLE, source, genderCapacityAvailable=UNDETERMINED))
    if closed:
        result.append(_indicator(closed, updated, unit, CLOSED, source,
                                 capacityClosingType=rng.choice(("01", "01", "02", "03"))))
    if acute:
        result.append(_indicator(rng.randint(0, max(1, installed // 6)), updated, unit, SUPPLEMENTARY, source,
                                 additionalBedType=rng.choice(("01", "02", "03")), crisisType="02"))
        result.append(_indicator(min(installed, available + rng.randint(0, 3)), updated, unit, AVAILABLE, source,
                                 FORECAST_24H, genderCapacityAvailable=UNDETERMINED))
    return result
