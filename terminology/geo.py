"""French communes by COG (INSEE) code: centroids for ``near-insee-code``, attributes for data generation.

The table (``data/communes.csv``, built by ``python -m terminology.convert``) has one row per code: communes,
Paris/Lyon/Marseille arrondissements, and the three PLM communes themselves. It is read on first use.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import NamedTuple

DATA_FILE = Path(__file__).with_name("data") / "communes.csv"


class Commune(NamedTuple):
    cog: str
    name: str
    postal_codes: tuple[str, ...]
    lat: float | None
    lon: float | None
    population: int
    dep: str
    reg: str


def _float(text: str) -> float | None:
    return float(text) if text else None


@cache
def _table() -> dict[str, Commune]:
    with DATA_FILE.open(encoding="utf-8", newline="") as f:
        return {
            row["cog"]: Commune(
                row["cog"],
                row["name"],
                tuple(row["postal_codes"].split()),
                _float(row["lat"]),
                _float(row["lon"]),
                int(row["population"] or 0),
                row["dep"],
                row["reg"],
            )
            for row in csv.DictReader(f)
        }


def commune(cog: str) -> Commune | None:
    """The commune with that COG code (surrounding blanks ignored), if known."""
    return _table().get(cog.strip())


def commune_centroid(cog: str) -> tuple[float, float] | None:
    """(latitude, longitude) of the commune's centroid; None for an unknown code or one without coordinates."""
    found = commune(cog)
    if found is None or found.lat is None or found.lon is None:
        return None
    return (found.lat, found.lon)


def communes() -> Iterator[Commune]:
    """Every commune in COG order: (cog, name, postal codes, lat, lon, population, dep, reg)."""
    return iter(_table().values())
