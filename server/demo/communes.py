"""French communes (INSEE COG code, name, postal codes, centroid), read from the public CSV.

A development-time helper for the demo and test data: positions are commune
centroids and commune codes must exist. File layout: ``shared/geo/README.md``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Commune:
    cog: str
    name: str
    region: str
    postal_codes: tuple[str, ...]
    lat: float | None
    lon: float | None


def read_communes(csv_path: Path) -> dict[str, Commune]:
    """Communes by COG code; a commune with several postal codes keeps them all, in file order."""
    rows: dict[str, dict[str, str]] = {}
    postal: dict[str, list[str]] = {}
    with csv_path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            cog = row["insee_com"]
            rows.setdefault(cog, row)
            postal.setdefault(cog, []).append(row["code_postal"])
    return {
        cog: Commune(
            cog=cog,
            name=row["commune_article"] or row["commune"],
            region=row["insee_reg"],
            postal_codes=tuple(dict.fromkeys(postal[cog])),
            lat=float(row["lat"]) if row["lat"] else None,
            lon=float(row["lng"]) if row["lng"] else None,
        )
        for cog, row in rows.items()
    }
