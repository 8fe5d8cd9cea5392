"""The commune table behind ``near-insee-code`` and data generation, from the public COG/La Poste file.

``communes.csv`` (``/work/shared/geo``) has one row per commune and postal code, plus delegated communes
(``COMD``, sharing the code of their new commune) and the Paris/Lyon/Marseille arrondissements (``ARM``) but not
the three communes themselves. The output has one row per COG code: ``COM`` rows, ``ARM`` rows, and the three
PLM communes rebuilt from their arrondissements (population-weighted centroid, summed population).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

COLUMNS = ("cog", "name", "postal_codes", "lat", "lon", "population", "dep", "reg", "kind")


@dataclass(frozen=True, slots=True)
class CommuneRow:
    cog: str
    name: str
    postal_codes: tuple[str, ...]
    lat: float | None
    lon: float | None
    population: int
    dep: str
    reg: str
    kind: str


def _float(text: str) -> float | None:
    return float(text) if text else None


def _plm_commune(cog: str, arrondissements: list[CommuneRow]) -> CommuneRow:
    placed = [a for a in arrondissements if a.lat is not None and a.lon is not None]
    weight = sum(max(a.population, 1) for a in placed)
    lat = sum(a.lat * max(a.population, 1) for a in placed if a.lat is not None) / weight
    lon = sum(a.lon * max(a.population, 1) for a in placed if a.lon is not None) / weight
    first = arrondissements[0]
    postal_codes = sorted({p for a in arrondissements for p in a.postal_codes})
    name = first.name.split(" ")[0]
    population = sum(a.population for a in arrondissements)
    return CommuneRow(
        cog, name, tuple(postal_codes), round(lat, 5), round(lon, 5), population, first.dep, first.reg, "COM"
    )


def commune_rows(source: Path) -> list[CommuneRow]:
    """One row per COG code, sorted by code."""
    with source.open(encoding="utf-8", newline="") as f:
        raw = list(csv.DictReader(f))
    postal: dict[str, set[str]] = defaultdict(set)
    for r in raw:
        postal[r["insee_com"]].add(r["code_postal"])
    rows: dict[str, CommuneRow] = {}
    arrondissements: dict[str, list[CommuneRow]] = defaultdict(list)
    for r in raw:
        if r["commune_type"] not in ("COM", "ARM") or r["insee_com"] in rows:
            continue
        row = CommuneRow(
            r["insee_com"],
            r["commune"],
            tuple(sorted(postal[r["insee_com"]])),
            _float(r["lat"]),
            _float(r["lng"]),
            int(r["population_2021"] or 0),
            r["insee_dep"],
            r["insee_reg"],
            r["commune_type"],
        )
        rows[row.cog] = row
        if row.kind == "ARM":
            arrondissements[r["insee_parente"]].append(row)
    for cog, arms in arrondissements.items():
        rows.setdefault(cog, _plm_commune(cog, arms))
    return [rows[cog] for cog in sorted(rows)]


def write_communes(rows: Iterable[CommuneRow], target: Path) -> int:
    """Writes the compact table (postal codes space-separated); returns the row count."""
    count = 0
    with target.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in rows:
            lat = "" if row.lat is None else str(row.lat)
            lon = "" if row.lon is None else str(row.lon)
            writer.writerow(
                [
                    row.cog,
                    row.name,
                    " ".join(row.postal_codes),
                    lat,
                    lon,
                    row.population,
                    row.dep,
                    row.reg,
                    row.kind,
                ]
            )
            count += 1
    return count
