"""The NOS OID table and the code mapper's reversible fallbacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mappings import fhir
from mappings.build_oid_table import EXTRA_PAIRS, OUTPUT, read_pairs
from mappings.csd.codes import CodeMapper
from mappings.oids import OidTable, nos_oid_table

NOS_FSH = Path("/work/shared/nos/fsh")


@pytest.mark.skipif(not NOS_FSH.is_dir(), reason="NOS FSH files not available")
def test_table_is_generated_from_the_fsh_files() -> None:
    committed = [tuple(pair) for pair in json.loads(OUTPUT.read_text(encoding="utf-8"))]
    assert committed == read_pairs(NOS_FSH) + list(EXTRA_PAIRS)


def test_known_oids() -> None:
    table = nos_oid_table()
    assert table.oid_for_system(fhir.ACTIVITY_FIELD) == "1.2.250.1.213.3.3.17"
    assert table.oid_for_system(fhir.CONFIDENTIALITY) == "1.2.250.1.213.1.1.4.344"
    assert table.system_for_oid("1.2.250.1.213.3.3.12") == fhir.OPERATIONAL_ACTIVITY
    assert table.system_for_oid("2.16.840.1.113883.6.8") == fhir.UCUM


def test_first_system_of_an_oid_is_preferred() -> None:
    table = OidTable.from_pairs([("urn:a", "1.2.3"), ("urn:b", "1.2.3")])
    assert (table.system_for_oid("1.2.3"), table.oid_for_system("urn:b")) == ("urn:a", "1.2.3")


def test_fallbacks_are_reversible() -> None:
    codes = CodeMapper(lambda _: None, lambda _: None)
    for system in ("https://example.org/cs", "urn:oid:1.2.250.1.999"):
        assert codes.system(codes.scheme(system)) == system
    assert codes.scheme("urn:oid:1.2.250.1.999") == "1.2.250.1.999"
    assert codes.system("") is None


def test_injected_lookups_win() -> None:
    codes = CodeMapper.of(
        lambda system: "1.9.9" if system == "urn:x" else None, lambda oid: "urn:x" if oid == "1.9.9" else None
    )
    assert (codes.scheme("urn:x"), codes.system("1.9.9")) == ("1.9.9", "urn:x")
    assert codes.scheme(fhir.ACTIVITY_FIELD) == fhir.ACTIVITY_FIELD
