"""FSH -> FHIR conversion of representative NOS files, and the shipped data being what the converter makes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from terminology.convert import read_release, write_release
from terminology.convert.build import resource
from terminology.convert.fsh import FshError, parse
from terminology.service import DATA_DIR
from tests.terminology.conftest import FIXTURES
from tests.terminology.nos_urls import J16, J247, R20, R211, R302, X01

SHARED_NOS = Path(__file__).resolve().parents[3] / "shared" / "nos"
EXTRA = Path(__file__).resolve().parents[2] / "terminology" / "nos-extra"
needs_shared = pytest.mark.skipif(not (SHARED_NOS / "fsh").is_dir(), reason="needs /work/shared/nos")


def convert(path: Path) -> dict:
    [entity] = parse(path.read_text(encoding="utf-8"), str(path))
    return resource(entity)


def concept(cs: dict, code: str) -> dict:
    return next(c for c in cs["concept"] if c["code"] == code)


@needs_shared
def test_code_system_header_and_concept_properties() -> None:
    cs = convert(SHARED_NOS / "fsh" / "TRE" / "TRE_R211_ActiviteOperationnelle.fsh")
    assert cs["resourceType"] == "CodeSystem"
    assert cs["id"] == "TRE-R211-ActiviteOperationnelle"
    assert (cs["url"], cs["version"], cs["status"], cs["content"]) == (
        R211,
        "20260330120000",
        "active",
        "complete",
    )
    assert cs["identifier"] == [{"system": "urn:ietf:rfc:3986", "value": "urn:oid:1.2.250.1.213.3.3.12"}]
    assert cs["jurisdiction"] == [{"coding": [{"system": "urn:iso:std:iso:3166", "code": "FRA"}]}]
    assert cs["caseSensitive"] is False
    assert [p["code"] for p in cs["property"]] == [
        "dateValid",
        "dateMaj",
        "dateFin",
        "deprecationDate",
        "status",
        "retirementDate",
    ]
    assert len(cs["concept"]) == cs["count"] == 617
    retired = concept(cs, "002")
    assert retired["display"] == "Addictologie sans précision"
    assert {"code": "dateFin", "valueDateTime": "2019-07-05T12:00:00+01:00"} in retired["property"]
    assert {"code": "status", "valueCode": "deprecated"} in retired["property"]
    with_designation = concept(cs, "164")
    assert with_designation["definition"].startswith("Regroupent la chimiothérapie")
    assert with_designation["designation"] == [
        {
            "language": "fr-FR",
            "use": {"system": "http://snomed.info/sct", "code": "900000000000013009"},
            "value": "Traitements médicamenteux systémiques du cancer",
        }
    ]


@needs_shared
def test_string_escapes_are_resolved() -> None:
    cs = convert(SHARED_NOS / "fsh" / "TRE" / "TRE_R212_Equipement.fsh")
    assert concept(cs, "244")["definition"].endswith('besoins de FINESS.\n\nCaisson hyperbare soumis à autorisation"')


@needs_shared
def test_retired_value_set_keeps_codes_of_missing_code_systems() -> None:
    vs = convert(SHARED_NOS / "fsh" / "JDV" / "JDV_J247_Pays_ROR.fsh")
    assert (vs["url"], vs["status"], vs["version"]) == (J247, "retired", "20240126120000")
    assert vs["extension"][0]["valuePeriod"] == {
        "start": "2023-03-31T12:00:00+01:00",
        "end": "2024-01-26T12:00:00+01:00",
    }
    include = {i["system"]: i["concept"] for i in vs["compose"]["include"]}
    assert list(include) == [R20, R302]
    assert include[R20][0] == {"code": "99100", "display": "France"}
    assert len(include[R20]) == 212 and len(include[R302]) == 1


def test_nested_concepts_by_indentation_and_by_code_path() -> None:
    cs = convert(FIXTURES / "release-2027" / "fsh" / "TRE" / "TRE_X01_TestHierarchie.fsh")
    assert cs["url"] == X01 and cs["title"] == "Hiérarchie de test" and cs["hierarchyMeaning"] == "is-a"
    soins, social = cs["concept"]
    assert social["code"] == "SOCIAL"
    mco, psy = soins["concept"]
    assert (mco["code"], psy["code"]) == ("MCO", "PSY")
    chir, med = mco["concept"]
    assert chir["code"] == "CHIR"
    assert med["concept"] == [
        {"code": "GER", "display": "Gériatrie", "property": [{"code": "status", "valueCode": "deprecated"}]}
    ]


def test_soft_indexes_and_value_set_rules() -> None:
    text = """ValueSet: JDV_X99_Test
* ^url = "https://example.org/vs"
* ^useContext[0].code = http://terminology.hl7.org/CodeSystem/usage-context-type#task
* ^contact[+].name = "A"
* ^contact[+].name = "B"
* ^contact[=].telecom.value = "b@example.org"
* $TRE-R211-ActiviteOperationnelle#001 "Un"
* include codes from valueset https://example.org/other
* exclude $TRE-R211-ActiviteOperationnelle#002
"""
    [entity] = parse(text, "inline")
    vs = resource(entity)
    assert vs["contact"] == [{"name": "A"}, {"name": "B", "telecom": [{"value": "b@example.org"}]}]
    assert vs["useContext"] == [
        {"code": {"system": "http://terminology.hl7.org/CodeSystem/usage-context-type", "code": "task"}}
    ]
    assert vs["compose"] == {
        "include": [
            {"system": R211, "concept": [{"code": "001", "display": "Un"}]},
            {"valueSet": ["https://example.org/other"]},
        ],
        "exclude": [{"system": R211, "concept": [{"code": "002"}]}],
    }


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('CodeSystem: X\n* ^url = "u"\n* insert SomeRuleSet\n', "inline:3"),
        ("ValueSet: X\n* include codes from system $TRE-R1-A where concept is-a #1\n", "inline:2"),
        ('CodeSystem: X\n* #a ^designation.value = "x"\n', None),
    ],
)
def test_constructs_outside_the_subset_are_reported(text: str, where: str | None) -> None:
    with pytest.raises(FshError) as err:
        [entity] = parse(text, "inline")
        resource(entity)
    if where:
        assert where in str(err.value)


def test_release_files_and_system_tables(tmp_path: Path) -> None:
    write_release(read_release([FIXTURES / "release-2027" / "fsh"]), tmp_path)
    lines = (tmp_path / "CodeSystem.ndjson").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["TRE-R227-ChampActivite", "TRE-X01-TestHierarchie"]
    systems = json.loads((tmp_path / "systems.json").read_text(encoding="utf-8"))
    j20 = "https://mos.esante.gouv.fr/NOS/JDV_J20-ChampActivite-ROR/FHIR/JDV-J20-ChampActivite-ROR"
    r227 = "https://mos.esante.gouv.fr/NOS/TRE_R227-ChampActivite/FHIR/TRE-R227-ChampActivite"
    assert systems["valueSetSystems"][j20] == systems["valueSetSystems"][j20 + "/"] == [r227]
    assert systems["oids"]["1.2.250.1.213.3.3.17"] == {"url": r227, "kind": "CodeSystem"}
    assert systems["urlToOid"][j20] == "1.2.250.1.213.3.4.7"


def test_shipped_tables_cover_value_set_oids() -> None:
    systems = json.loads((DATA_DIR / "systems.json").read_text(encoding="utf-8"))
    assert systems["oids"]["1.2.250.1.213.3.3.65"]["kind"] == "ValueSet"  # JDV_J55, used by the legacy XML
    assert systems["oids"]["1.2.250.1.213.2.23"]["url"].endswith("TRE-R13-CommuneOM")


@needs_shared
def test_shipped_data_is_what_the_converter_makes(tmp_path: Path) -> None:
    write_release(read_release([SHARED_NOS / "fsh", EXTRA / "fsh"]), tmp_path)
    for name in ("CodeSystem.ndjson", "ValueSet.ndjson", "systems.json"):
        assert (tmp_path / name).read_bytes() == (DATA_DIR / name).read_bytes(), name
    value_sets = [json.loads(line) for line in (tmp_path / "ValueSet.ndjson").read_text(encoding="utf-8").splitlines()]
    j16 = next(v for v in value_sets if v["url"] == J16)
    assert sum(len(i["concept"]) for i in j16["compose"]["include"]) == 1264  # the complete copy in nos-extra
