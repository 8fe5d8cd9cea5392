"""Loading and walking the demo and search fixture data sets, for the checks of this directory."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from server.demo import demo_resources
from server.demo.communes import Commune, read_communes
from server.demo.nos_codes import NosCodes, read_nos

Json = dict[str, Any]

ROOT = Path(__file__).resolve().parents[2]
SEARCH_DIR = ROOT / "tests" / "fixtures" / "search"
SHARED = Path(os.environ.get("ROR_SHARED_DIR", "/work/shared"))
NOS_DIR = SHARED / "nos" / "fsh"
COMMUNES_CSV = SHARED / "geo" / "communes.csv"


def search_dataset() -> list[Json]:
    data: list[Json] = json.loads((SEARCH_DIR / "dataset.json").read_text(encoding="utf-8"))
    return data


def search_cases() -> Json:
    data: Json = json.loads((SEARCH_DIR / "cases.json").read_text(encoding="utf-8"))
    return data


DATA_SETS = {"demo": demo_resources, "search": search_dataset}


@lru_cache(maxsize=1)
def nos_codes() -> NosCodes:
    if not NOS_DIR.is_dir():
        pytest.skip(f"NOS FSH files not found under {NOS_DIR} (set ROR_SHARED_DIR)")
    return read_nos(NOS_DIR)


@lru_cache(maxsize=1)
def communes() -> dict[str, Commune]:
    if not COMMUNES_CSV.is_file():
        pytest.skip(f"commune table not found at {COMMUNES_CSV} (set ROR_SHARED_DIR)")
    return read_communes(COMMUNES_CSV)


def key(resource: Json) -> str:
    return f"{resource['resourceType']}/{resource['id']}"


def walk(value: Any) -> Iterator[Json]:
    """Every JSON object nested in ``value`` (itself included)."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)


def references(resource: Json) -> Iterator[str]:
    """The literal references (``Reference.reference``) of a resource."""
    for node in walk(resource):
        if isinstance(node.get("reference"), str):
            yield node["reference"]


def canonicals(resource: Json) -> Iterator[str]:
    """The canonical references of a resource: template extensions and ``MeasureReport.measure``."""
    for node in walk(resource):
        if isinstance(node.get("valueCanonical"), str):
            yield node["valueCanonical"]
    if resource["resourceType"] == "MeasureReport":
        yield resource["measure"]


def codings(resource: Json) -> Iterator[Json]:
    """Every Coding (an object with ``system`` and ``code`` that is not a Quantity)."""
    for node in walk(resource):
        if "system" in node and "code" in node and "value" not in node:
            yield node


def extension(resource: Json, name: str) -> list[Json]:
    url = "https://interop.esante.gouv.fr/ig/fhir/ror/StructureDefinition/" + name
    return [e for e in resource.get("extension", []) if e["url"] == url]


def system_codes(concepts: list[Json], tre: str) -> list[str]:
    """Codes of the CodeableConcepts ``concepts`` whose system is the NOS code system ``TRE_<tre>-...``."""
    return [c["code"] for concept in concepts for c in concept["coding"] if f"/TRE_{tre}-" in c["system"]]
