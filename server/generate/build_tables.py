"""Rebuild the generator's compact reference tables from the published sources.

    python -m server.generate.build_tables --nos /work/shared/nos/fsh --geo /work/shared/geo

Writes, next to this file, ``data/nos_value_sets.json`` (the NOS ROR value sets the generator draws codes from:
``{"J17": [[system, code, display], ...]}``, in published order) and ``data/communes.tsv.gz`` (one row per
commune: COG, department, region, name, postal codes, centroid, weight). Both outputs are byte-stable for the
same inputs, so rebuilding without a source change leaves the repository untouched.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
from collections.abc import Iterable
from pathlib import Path

from server.generate.terminology import VALUE_SETS, code_system_url

DATA_DIR = Path(__file__).parent / "data"
VALUE_SETS_FILE = DATA_DIR / "nos_value_sets.json"
COMMUNES_FILE = DATA_DIR / "communes.tsv.gz"

_INCLUDE_LINE = re.compile(r'^\* \$(?P<alias>TRE-[A-Z]\d+-[^#\s]+)#(?P<code>[^\s"]+) "(?P<display>[^"]*)"\s*$')
# Arrondissement parents: their population is already counted in their ARM rows.
_ARRONDISSEMENT_PARENTS = frozenset({"75056", "13055", "69123"})
# Mayotte's communes carry no 2021 population in the source; this stands in for one (about 300 000 / 17).
_MISSING_POPULATION_WEIGHT = 18_000


def parse_value_set(lines: Iterable[str]) -> list[tuple[str, str, str]]:
    """(system, code, display) of every include line of a JDV FSH file; truncated lines are skipped."""
    entries = []
    for line in lines:
        match = _INCLUDE_LINE.match(line.rstrip("\n"))
        if match:
            entries.append((code_system_url(match["alias"]), match["code"], match["display"]))
    return entries


def value_set_file(nos_dir: Path, key: str) -> Path:
    matches = sorted((nos_dir / "JDV").glob(f"JDV_{key}_*.fsh"))
    if len(matches) != 1:
        raise SystemExit(f"expected one JDV file for {key} under {nos_dir / 'JDV'}, found {len(matches)}")
    return matches[0]


def build_value_sets(nos_dir: Path) -> dict[str, list[tuple[str, str, str]]]:
    tables = {}
    for key in sorted(VALUE_SETS, key=lambda k: int(k[1:])):
        with value_set_file(nos_dir, key).open(encoding="utf-8") as handle:
            tables[key] = parse_value_set(handle)
    return tables


def build_communes(geo_dir: Path) -> list[tuple[str, ...]]:
    """One row per commune (COM and ARM; delegated communes and arrondissement parents are dropped)."""
    communes: dict[str, list[str]] = {}
    with (geo_dir / "communes.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            insee = row["insee_com"]
            if row["commune_type"] == "COMD" or insee in _ARRONDISSEMENT_PARENTS or not row["lat"]:
                continue
            known = communes.get(insee)
            if known is not None:
                if row["code_postal"] not in known[4].split(" "):
                    known[4] = f"{known[4]} {row['code_postal']}"
                continue
            population = int(float(row["population_2021"] or 0))
            communes[insee] = [
                insee,
                row["insee_dep"],
                row["insee_reg"],
                row["commune_article"] or row["commune"],
                row["code_postal"],
                f"{float(row['lat']):.4f}",
                f"{float(row['lng']):.4f}",
                str(population or _MISSING_POPULATION_WEIGHT),
            ]
    return [tuple(communes[insee]) for insee in sorted(communes)]


def write_tables(nos_dir: Path, geo_dir: Path) -> None:
    DATA_DIR.mkdir(exist_ok=True)
    value_sets = build_value_sets(nos_dir)
    VALUE_SETS_FILE.write_text(
        json.dumps(value_sets, ensure_ascii=False, separators=(",", ":"), indent=None) + "\n", encoding="utf-8"
    )
    text = io.StringIO()
    for row in build_communes(geo_dir):
        text.write("\t".join(row) + "\n")
    with COMMUNES_FILE.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as packed:
        packed.write(text.getvalue().encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nos", type=Path, default=Path("/work/shared/nos/fsh"), help="NOS FSH folder (TRE/, JDV/)")
    parser.add_argument("--geo", type=Path, default=Path("/work/shared/geo"), help="folder holding communes.csv")
    arguments = parser.parse_args()
    write_tables(arguments.nos, arguments.geo)


if __name__ == "__main__":
    main()
