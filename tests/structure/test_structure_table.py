"""``profiles/structures-r4.json``, the script that builds it, and the lexical checks compiled from it."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fhir.resources.R4B import get_fhir_model_class

from server.core import structure
from server.core.structure import TABLE_PATH

PROFILES = Path(__file__).resolve().parents[2] / "profiles"
TABLE: dict[str, Any] = json.loads(TABLE_PATH.read_text(encoding="utf-8"))


def json_names(elements: dict[str, Any]) -> dict[str, bool]:
    """JSON name -> is an array, choice elements expanded."""
    names = {}
    for name, rule in elements.items():
        for json_name in ([name[:-3] + t[0].upper() + t[1:] for t in rule["types"]] if name.endswith("[x]")
                          else [name]):
            names[json_name] = rule["max"] == "*"
    return names


def r4b_model(type_name: str) -> Any:
    """The fhir.resources R4B model of a type or backbone element (``Task.input`` -> ``TaskInput``)."""
    head, *steps = type_name.split(".")
    if not steps:
        return get_fhir_model_class(head)
    module = importlib.import_module(f"fhir.resources.R4B.{head.lower()}")
    return getattr(module, head + "".join(step[0].upper() + step[1:] for step in steps))


def r4b_names(model: Any) -> dict[str, bool]:
    names = {}
    for name, field in model.model_fields.items():
        json_name = field.alias or name
        if not json_name.startswith("_") and json_name not in ("fhir_comments", "resourceType", "resource_type"):
            names[json_name] = "List[" in str(field.annotation)
    return names


def test_table_matches_the_r4b_models_but_for_extension_values() -> None:
    differences = {}
    for type_name, elements in TABLE["types"].items():
        ours, theirs = json_names(elements), r4b_names(r4b_model(type_name))
        if ours != theirs:
            differences[type_name] = (sorted(ours.items() - theirs.items()), sorted(theirs.items() - ours.items()))
    assert differences == {"Extension": ([("valueMeta", False)],
                                         [("valueCodeableReference", False), ("valueRatioRange", False)])}


def test_table_content() -> None:
    types, primitives = TABLE["types"], TABLE["primitives"]
    assert TABLE["fhirVersion"] == "4.0.1"
    assert set(TABLE["resources"]) >= {"HealthcareService", "Organization", "Location", "Bundle", "Parameters"}
    assert types["HealthcareService"]["id"] == {"min": 0, "max": "1", "bare": True, "types": ["id"]}
    assert types["Extension"]["url"] == {"min": 1, "max": "1", "bare": True, "types": ["uri"]}
    assert "project" not in types["Meta"]
    assert types["Questionnaire.item"]["item"]["types"] == ["Questionnaire.item"]
    assert types["HealthcareService"]["availableTime"]["types"] == ["HealthcareService.availableTime"]
    assert primitives["positiveInt"] == {"json": "integer", "min": 1, "max": 2**31 - 1}
    assert primitives["unsignedInt"]["min"] == 0
    assert primitives["decimal"] == {"json": "number"}
    assert primitives["string"]["maxLength"] == 1024 * 1024
    known = set(types) | set(primitives) | {"Resource"}
    assert {t for elements in types.values() for rule in elements.values() for t in rule["types"]} <= known


SAMPLES = ["", " ", "a", "a b", " a", "a ", "a\u00a0b", "a\x0bb", "été", "040", "1.2", "-0", "+1", "2024-02-29",
           "2024-02-29T10:00:00Z", "2024-02-29T10:00:00.123+14:00", "10:00:00", "urn:oid:1.2.250",
           "urn:uuid:0f4d3c1e-2a4b-4c5d-8e9f-0a1b2c3d4e5f", "QUJD", "a" * 64, "a" * 65, "http://x.org/a|1"]


@pytest.mark.parametrize("type_name", sorted(n for n, r in TABLE["primitives"].items() if r["json"] == "string"))
def test_lexical_verdicts_are_the_spec_regex(type_name: str) -> None:
    rule = TABLE["primitives"][type_name]
    verdicts = structure._LexicalVerdicts(type_name, rule)
    pattern = re.compile(rule.get("regex", ".+"), re.ASCII | re.DOTALL)
    expected = {sample: not sample or pattern.fullmatch(sample) is None for sample in SAMPLES}
    assert {sample: verdicts[sample] for sample in expected} == expected  # computed
    assert {sample: verdicts[sample] for sample in expected} == expected  # remembered
    assert verdicts[12] and verdicts[None] and verdicts[True]


def test_lexical_verdicts_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(structure, "MEMO_SIZE", 3)
    verdicts = structure._LexicalVerdicts("code", TABLE["primitives"]["code"])
    for code in ("a", "b", "c", "d", "e", "f f", " g", "x" * (structure.MEMO_MAX_LENGTH + 1)):
        verdicts[code]
        assert len(verdicts) <= 3
    assert "x" * (structure.MEMO_MAX_LENGTH + 1) not in verdicts


@pytest.fixture
def build_structures(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(PROFILES))
    return importlib.import_module("build_structures")


def element(path: str, *codes: str, min: int = 0, max: str = "1", base: str | None = None,
            medplum: bool = False) -> dict[str, Any]:
    found: dict[str, Any] = {"path": path, "min": min, "max": max, "base": {"path": base or path},
                             "type": [{"code": code} for code in codes]}
    if not medplum:
        found["isModifier"] = False
    return found


def test_build_reads_a_structure_definition(build_structures: ModuleType) -> None:
    system_string = {"code": "http://hl7.org/fhirpath/System.String", "extension": [
        {"url": "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type", "valueUrl": "string"}]}
    sd = {"name": "Thing", "snapshot": {"element": [
        element("Thing"),
        {**element("Thing.id", base="Resource.id"), "type": [system_string]},
        element("Thing.part", "BackboneElement", max="*"),
        element("Thing.part.code", "code", min=1),
        element("Thing.part.part", max="*") | {"contentReference": "#Thing.part"},
        element("Thing.value[x]", "string", "Quantity"),
        element("Thing.project", "uri", medplum=True),
    ]}}
    rows = list(build_structures.element_rows(sd))
    assert rows == [
        ("Thing", "id", {"min": 0, "max": "1", "bare": True, "types": ["id"]}),
        ("Thing", "part", {"min": 0, "max": "*", "types": ["Thing.part"]}),
        ("Thing.part", "code", {"min": 1, "max": "1", "types": ["code"]}),
        ("Thing.part", "part", {"min": 0, "max": "*", "types": ["Thing.part"]}),
        ("Thing", "value[x]", {"min": 0, "max": "1", "types": ["string", "Quantity"]}),
    ]


def test_build_reads_a_primitive(build_structures: ModuleType) -> None:
    def primitive(name: str, base: str, regex: str) -> dict[str, Any]:
        value_type = {"code": "http://hl7.org/fhirpath/System.String", "extension": [
            {"url": "http://hl7.org/fhir/StructureDefinition/regex", "valueString": regex}]}
        return {"name": name, "baseDefinition": f"http://hl7.org/fhir/StructureDefinition/{base}",
                "snapshot": {"element": [{"path": name}, {"path": f"{name}.value", "type": [value_type]}]}}

    sds = {"integer": primitive("integer", "Element", "-?([0]|([1-9][0-9]*))"),
           "positiveInt": primitive("positiveInt", "integer", "[1-9][0-9]*"),
           "code": primitive("code", "string", r"[^\s]+(\s[^\s]+)*"),
           "string": primitive("string", "Element", r"[ \r\n\t\S]+")}
    assert build_structures.primitive_rule(sds["positiveInt"], sds) == {"json": "integer", "min": 1,
                                                                        "max": 2**31 - 1}
    assert build_structures.primitive_rule(sds["integer"], sds)["min"] == -(2**31)
    assert build_structures.primitive_rule(sds["code"], sds) == {"json": "string", "regex": r"[^\s]+(\s[^\s]+)*"}
