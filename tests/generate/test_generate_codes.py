"""Codes come from the NOS value sets; the packaged tables match their published sources; the catalogue is whole."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from generate_support import Generated

from server.generate.build_tables import (
    COMMUNES_FILE,
    VALUE_SETS_FILE,
    build_communes,
    build_value_sets,
    parse_value_set,
)
from server.generate.catalog.offers import DISCIPLINES, KINDS, KINDS_BY_KEY
from server.generate.catalog.structures import CABINET_OFFERS, ESTABLISHMENTS, ESTABLISHMENTS_BY_KEY, GROUPS
from server.generate.geography import regions
from server.generate.runner import compile_catalogue
from server.generate.terminology import COMMUNE_SYSTEM, VALUE_SETS

NOS_SOURCE = Path("/work/shared/nos/fsh")
GEO_SOURCE = Path("/work/shared/geo")


def _codings(value: Any) -> list[dict[str, Any]]:
    """Every Coding in a resource (dicts with system and code; Quantities, which carry a value, excluded)."""
    if isinstance(value, dict):
        found = [value] if "system" in value and "code" in value and "value" not in value else []
        return found + [coding for item in value.values() for coding in _codings(item)]
    if isinstance(value, list):
        return [coding for item in value for coding in _codings(item)]
    return []


def test_every_coding_is_a_nos_code_with_its_display(generated: Generated) -> None:
    published = {(system, code): display
                 for entries in json.loads(VALUE_SETS_FILE.read_text(encoding="utf-8")).values()
                 for system, code, display in entries}
    communes = {c.insee: c.name for region in regions() for c in region.communes}
    systems = set()
    for resource in generated.all():
        for coding in _codings(resource):
            systems.add(coding["system"])
            if coding["system"] == COMMUNE_SYSTEM:
                expected = communes[coding["code"]]
            else:
                expected = published[(coding["system"], coding["code"])]
            assert coding.get("display", expected) == expected, coding  # meta.tag codings carry no display
    for expected in ("TRE_R211", "TRE_R213", "TRE_R244", "TRE_R239", "TRE_R66", "TRE_R207", "TRE_R210", "TRE_R245",
                     "TRE_R243", "TRE_R212", "TRE_R329", "TRE_R330", "TRE_R331", "TRE_R332", "TRE_R335",
                     "TRE_R337", "TRE_R30"):
        assert any(f"/{expected}-" in system for system in systems), expected


@pytest.mark.skipif(not NOS_SOURCE.is_dir(), reason="NOS FSH sources not available")
def test_packaged_value_sets_are_those_published() -> None:
    packaged = json.loads(VALUE_SETS_FILE.read_text(encoding="utf-8"))
    assert packaged == {key: [list(entry) for entry in entries]
                        for key, entries in build_value_sets(NOS_SOURCE).items()}
    assert set(packaged) == set(VALUE_SETS)


@pytest.mark.skipif(not GEO_SOURCE.is_dir(), reason="commune sources not available")
def test_packaged_communes_are_those_published() -> None:
    import gzip

    with gzip.open(COMMUNES_FILE, "rt", encoding="utf-8") as handle:
        packaged = [tuple(line.rstrip("\n").split("\t")) for line in handle]
    assert packaged == build_communes(GEO_SOURCE)


def test_value_set_parsing_skips_truncated_lines() -> None:
    lines = ['* ^url = "https://example"',
             '* $TRE-R211-ActiviteOperationnelle#013 "Cardiologie générale"',
             '* $TRE-R67-TypeStructure-EJ-EG#EG "Etablissement géographique"',
             '* $TRE-R210-ActeSpecifique#0377 "Pose de chambre implantabl']
    assert parse_value_set(lines) == [
        ("https://mos.esante.gouv.fr/NOS/TRE_R211-ActiviteOperationnelle/FHIR/TRE-R211-ActiviteOperationnelle",
         "013", "Cardiologie générale"),
        ("https://mos.esante.gouv.fr/NOS/TRE_R67-TypeStructure-EJ-EG/FHIR/TRE-R67-TypeStructure-EJ-EG", "EG",
         "Etablissement géographique"),
    ]


def test_catalogue_codes_resolve() -> None:
    compile_catalogue()  # raises KeyError on a code missing from its value set


def test_catalogue_is_connected() -> None:
    """Every group, establishment, discipline and offer kind is reachable, and every key it names exists."""
    establishments = {name for group in GROUPS for name, _ in group.establishments} | {
        group.first for group in GROUPS if group.first}
    assert establishments == set(ESTABLISHMENTS_BY_KEY)
    offers = {name for kind in ESTABLISHMENTS for name, _ in kind.offers}
    cabinet_kinds = {name for mix in CABINET_OFFERS.values() for name, _ in mix}
    assert offers - set(CABINET_OFFERS) | cabinet_kinds == {d.key for d in DISCIPLINES} | set(KINDS_BY_KEY)
    for kind in ESTABLISHMENTS:
        hospital = kind.structure != "flat"
        assert all((name in {d.key for d in DISCIPLINES}) == hospital for name, _ in kind.offers), kind.key
        assert all(0 < probability <= 1 for _, probability in kind.offers)
    assert all(kind.staff or kind.staff_count == (0, 0) for kind in KINDS)
    assert all(low <= high for kind in KINDS for low, high in (kind.ages, kind.size, kind.staff_count))
