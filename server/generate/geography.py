"""French communes grouped by region and department, with population-weighted draws.

Loaded from ``data/communes.tsv.gz`` (built by ``build_tables.py`` from the INSEE/La Poste commune list).
Draws take an explicit ``random.Random`` so that the caller controls determinism.
"""

from __future__ import annotations

import gzip
import heapq
import math
import random
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Literal

_TABLE = Path(__file__).parent / "data" / "communes.tsv.gz"

#: How strongly a draw favours populous communes: "pop" follows population (a cabinet, an EHPAD), "urban"
#: follows population squared (hospitals sit in towns), "top" picks among the few largest communes (CHU).
DrawMode = Literal["pop", "urban", "top"]
_TOP_COMMUNES = 3


@dataclass(frozen=True, slots=True)
class Commune:
    insee: str
    department: str
    region: str
    name: str
    postal_codes: tuple[str, ...]
    latitude: float
    longitude: float
    population: int

    @property
    def city(self) -> str:
        """The postal city: an arrondissement (``Paris 15e Arrondissement``) belongs to its city (``Paris``)."""
        return self.name.partition(" ")[0] if self.name.endswith(" Arrondissement") else self.name


@dataclass(slots=True)
class _WeightedCommunes:
    communes: list[Commune] = field(default_factory=list)
    _by_population: list[float] = field(default_factory=list)
    _by_square: list[float] = field(default_factory=list)
    _largest: list[Commune] = field(default_factory=list)

    def finish(self) -> None:
        self.communes.sort(key=lambda commune: commune.insee)
        self._by_population = list(accumulate(float(c.population) for c in self.communes))
        self._by_square = list(accumulate(float(c.population) ** 2 for c in self.communes))
        self._largest = sorted(self.communes, key=lambda c: (-c.population, c.insee))[:_TOP_COMMUNES]

    def draw(self, rng: random.Random, mode: DrawMode) -> Commune:
        if mode == "top":
            return self._largest[rng.randrange(len(self._largest))]
        weights = self._by_population if mode == "pop" else self._by_square
        return rng.choices(self.communes, cum_weights=weights)[0]


class Department(_WeightedCommunes):
    """The communes of one department (``insee_dep``)."""


@dataclass(slots=True)
class Region(_WeightedCommunes):
    """The communes of one region; ``code`` is the TRE_R30-RegionOM code used in ``meta.tag``."""

    code: str = ""
    departments: dict[str, Department] = field(default_factory=dict)

    @property
    def population(self) -> int:
        return sum(commune.population for commune in self.communes)


@lru_cache(maxsize=1)
def regions() -> tuple[Region, ...]:
    """All regions, ordered by code, each with its departments."""
    by_code: dict[str, Region] = {}
    with gzip.open(_TABLE, "rt", encoding="utf-8") as handle:
        for line in handle:
            insee, department, region_code, name, postal, lat, lng, population = line.rstrip("\n").split("\t")
            commune = Commune(insee, department, region_code, name, tuple(postal.split(" ")), float(lat),
                              float(lng), int(population))
            target = by_code.setdefault(region_code, Region(code=region_code))
            target.communes.append(commune)
            target.departments.setdefault(department, Department()).communes.append(commune)
    for region in by_code.values():
        region.finish()
        for department_communes in region.departments.values():
            department_communes.finish()
    return tuple(by_code[code] for code in sorted(by_code))


class Neighbourhoods:
    """Nearest communes of the same department, computed once per commune (a bounded cache: one per commune)."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._cache: dict[str, tuple[Commune, ...]] = {}

    def around(self, commune: Commune, department: Department) -> tuple[Commune, ...]:
        """``commune`` first, then its nearest neighbours in ``department`` (up to the configured size)."""
        found = self._cache.get(commune.insee)
        if found is None:
            latitude, longitude = commune.latitude, commune.longitude
            shrink = math.cos(math.radians(latitude))  # a degree of longitude is shorter away from the equator

            def rank(other: Commune) -> tuple[float, str]:
                return (other.latitude - latitude) ** 2 + ((other.longitude - longitude) * shrink) ** 2, other.insee

            found = self._cache[commune.insee] = tuple(heapq.nsmallest(self._size, department.communes, key=rank))
        return found
