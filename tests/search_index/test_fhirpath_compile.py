"""The compiled FHIRPath subset, checked on small resources and against fhirpathpy on the ROR examples."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import fhirpathpy
import pytest
from fhirpathpy.models import models

from server.search.fhirpath_compile import (
    UnsupportedExpression,
    compile_extension_rooted,
    compile_path,
    entry_points,
    leading_type,
    split_union,
)
from server.search.registry import load_registry

EXAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "ror-examples"
CHOICES = ("value", "bounds")
EXT = "https://example.org/ext"

LOCATION: dict[str, Any] = {
    "resourceType": "Location",
    "id": "l1",
    "name": "Lits USINV",
    "alias": ["USINV", "Lits USINV"],
    "status": "active",
    "telecom": [{"system": "phone", "value": "01"}, {"system": "email", "value": "a@b.fr"}],
    "managingOrganization": {"reference": "Organization/7"},
    "extension": [
        {"url": EXT, "valueCodeableConcept": {"coding": [{"system": "s", "code": "1"}]}},
        {"url": EXT, "valueCode": "2"},
        {"url": "other", "valueString": "x", "extension": [{"url": "sub", "valueInteger": 3}]},
    ],
}


def run(expression: str, resource: dict[str, Any] = LOCATION) -> list[Any]:
    return compile_path(expression, CHOICES)([resource])


def test_paths_and_unions() -> None:
    assert run("Location.name") == ["Lits USINV"]
    assert run("Location.name | Location.alias") == ["Lits USINV", "USINV"]  # a union has no duplicates
    assert run("Location.telecom.value") == ["01", "a@b.fr"]
    assert run("Location.nothing.at.all") == []
    assert run("name") == ["Lits USINV"]  # implicit context


def test_leading_type_name() -> None:
    assert run("Resource.id") == ["l1"]
    assert run("DomainResource.id") == ["l1"]
    assert run("Patient.id") == []
    assert compile_path("Patient.id | Location.id", CHOICES, "Location")([LOCATION]) == ["l1"]


def test_where_extension_and_choice_values() -> None:
    assert run("Location.telecom.where(system='email').value") == ["a@b.fr"]
    assert run("Location.telecom.where(system = 'email' or value = '01').value") == ["01", "a@b.fr"]
    assert run("Location.telecom.where(system = 'email' and value = '01')") == []
    assert run(f"Location.extension.where(url='{EXT}').value") == [{"coding": [{"system": "s", "code": "1"}]}, "2"]
    assert run(f"Location.extension('{EXT}').value.as(code)") == ["2"]
    assert run(f"Location.extension('{EXT}').value.as(CodeableConcept).coding.code") == ["1"]
    concept = {"coding": [{"system": "s", "code": "1"}]}
    assert run(f"(Location.extension('{EXT}').value as CodeableConcept)") == [concept]
    assert run(f"Location.extension('{EXT}').value.ofType(CodeableConcept)") == [concept]
    assert run("Location.extension('other').extension('sub').value.as(integer)") == [3]


def test_functions_and_indexers() -> None:
    assert run("Location.alias.first()") == ["USINV"]
    assert run("Location.alias[1]") == ["Lits USINV"]
    assert run("Location.alias.exists()") == [True]
    assert run("Location.partOf.exists()") == [False]
    assert run("Location.partOf.empty()") == [True]
    assert run("Location.telecom.where(value.exists().not())") == []
    assert run("Location.telecom.where(system != 'phone').value") == ["a@b.fr"]
    assert run("Location.managingOrganization.where(resolve() is Organization)") == [
        {"reference": "Organization/7"}
    ]
    assert run("Location.managingOrganization.where(resolve() is Patient)") == []
    assert run("Location.managingOrganization.resolve()") == [{"reference": "Organization/7"}]


@pytest.mark.parametrize(
    "expression",
    ["Location.name.substring(0, 3)", "Location.name + 'x'", "%resource.id", "Location.alias[$this]", "Location.("],
)
def test_outside_the_subset(expression: str) -> None:
    with pytest.raises(UnsupportedExpression):
        compile_path(expression)


def test_split_union_and_leading_type() -> None:
    expression = "(Measure.useContext.value as Quantity) | Measure.where(x = 'a|b').id | Patient.name"
    members = split_union(expression)
    assert members == ["(Measure.useContext.value as Quantity)", "Measure.where(x = 'a|b').id", "Patient.name"]
    assert [leading_type(m) for m in members] == ["Measure", "Measure", "Patient"]
    assert leading_type("name.given") is None


def test_entry_points() -> None:
    points = entry_points(f"Location.extension.where(url='{EXT}').value | Location.address.city | Location.name")
    assert points is not None
    assert points.elements == {"address", "name"}
    assert points.extension_urls == {EXT}
    assert entry_points("Resource") is None


def test_extension_rooted_paths_select_one_repetition_and_sub_extension() -> None:
    rooted = compile_extension_rooted("Location.extension('other').extension.where(url='sub').value", CHOICES)
    assert (rooted.url, rooted.sub_url) == ("other", "sub")
    sub = LOCATION["extension"][2]["extension"]
    assert rooted.rest(sub) == [3]
    plain = compile_extension_rooted("Location.extension.where(url='other').value", CHOICES)
    assert (plain.url, plain.sub_url) == ("other", None)
    assert plain.rest([LOCATION["extension"][2]]) == ["x"]
    with pytest.raises(UnsupportedExpression):
        compile_extension_rooted("Location.address.city")


def _examples() -> list[dict[str, Any]]:
    return [
        json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(EXAMPLES.glob("*.json"))
        if path.name.split("-", 1)[0] in ("HealthcareService", "Location", "Organization", "Task")
    ]


def test_same_values_as_fhirpathpy_on_the_ror_examples() -> None:
    """Every type-rooted expression of the registry, where fhirpathpy can evaluate it, agrees with it."""
    registry = load_registry()
    compared = 0
    for resource in _examples():
        resource_type = resource["resourceType"]
        for code, definition in registry.for_type(resource_type).items():
            expression = definition.expression
            if expression is None or code != definition.code or leading_type(expression) != resource_type:
                continue  # fhirpathpy does not match Resource/DomainResource roots
            mine = compile_path(expression, registry.choice_elements, resource_type)([resource])
            reference = fhirpathpy.evaluate(resource, expression, model=models["r4"])
            if "_line" in json.dumps(reference):  # fhirpathpy drops primitive extensions
                continue
            assert mine == reference, (resource_type, code)
            compared += 1
    assert compared > 100
