"""The table-driven validator against the pydantic one (``fhir.resources`` R4B models, server.core.validate).

On every case below both say the same thing (valid or invalid, and the pydantic expression is ours or a
prefix of ours: ours points at the element inside a choice or an ``_name`` sibling), except the deliberate
differences of ``LAX_IN_PYDANTIC`` and ``R4_NOT_R4B``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pydantic_oracle as validate
import pytest
from structure_support import Json, failure, mutated
from test_structure_invalid import CASES, ORG, TASK, VALID_EDGES, extension, put

from server.core.structure import validate_structure

# Cases of test_structure_invalid that pydantic accepts although FHIR R4 JSON forbids them, and why.
LAX_IN_PYDANTIC = {
    # fhir.resources validates in pydantic's lax mode, which coerces JSON types that R4 JSON fixes
    "boolean as string", "boolean as number", "integer as string", "decimal as string",
    # "JSON objects, arrays and strings SHALL NOT be empty; null appears only in arrays of primitives, aligned
    # with the _name array": not checked by fhir.resources
    "null value", "empty array", "empty object", "extension url empty", "null without _name",
    "null in _name and value", "null in _name without value", "_name not aligned",
    # fhir.resources keeps the DSTU2-era fhir_comments on every model
    "fhir_comments",
    # its regexes are searched, not matched whole, and its id has no length limit
    "uri with a space", "string with a vertical tab", "id longer than 64",
    # contained resources: any R4B type, and a resource without resourceType is taken for a plain object;
    # a resourceType key is ignored in a datatype
    "contained without resourceType", "contained of an unsupported type", "resourceType in a datatype",
}

# Extension.value[x] is the only structural difference between R4 and R4B on the types we serve.
R4_NOT_R4B: list[tuple[str, str, Callable[[Json], Any], bool]] = [
    ("valueMeta is R4 only", ORG, extension(valueMeta={"versionId": "1"}), True),
    ("valueCodeableReference is R4B only", ORG, extension(valueCodeableReference={"concept": {"text": "x"}}), False),
    ("valueRatioRange is R4B only", ORG, extension(valueRatioRange={"lowNumerator": {"value": 1}}), False),
]

SAME = [case[:3] for case in CASES if case[0] not in LAX_IN_PYDANTIC] + VALID_EDGES + [
    ("capacity add body", "Parameters-patch-capacity-add", lambda r: None),
    ("task with an output", TASK, put("output", [{"type": {"text": "x"}, "valueBoolean": False}])),
    ("empty string in an array", ORG, put("alias", ["a", ""])),
]
LAX = [case for case in CASES if case[0] in LAX_IN_PYDANTIC]


@pytest.mark.parametrize(("example", "change"), [case[1:] for case in SAME], ids=[case[0] for case in SAME])
def test_same_verdict(example: str, change: Callable[[Json], Any]) -> None:
    resource = mutated(example, change)
    ours, theirs = failure(validate_structure, resource), failure(validate.validate_structure, resource)
    assert (ours is None) == (theirs is None), (ours and ours.diagnostics, theirs and theirs.diagnostics)
    if ours is not None and theirs is not None:
        assert ours.expression[0].startswith(theirs.expression[0]), (ours.expression, theirs.expression)


def test_lax_cases_exist() -> None:
    assert set(LAX_IN_PYDANTIC) <= {case[0] for case in CASES}


@pytest.mark.parametrize(("example", "change", "expression"), [case[1:4] for case in LAX],
                         ids=[case[0] for case in LAX])
def test_stricter_than_pydantic(example: str, change: Callable[[Json], Any], expression: str) -> None:
    resource = mutated(example, change)
    assert failure(validate.validate_structure, resource) is None
    ours = failure(validate_structure, resource)
    assert ours is not None and ours.expression == [expression]


@pytest.mark.parametrize(("example", "change", "valid_in_r4"), [case[1:] for case in R4_NOT_R4B],
                         ids=[case[0] for case in R4_NOT_R4B])
def test_r4_differs_from_r4b(example: str, change: Callable[[Json], Any], valid_in_r4: bool) -> None:
    resource = mutated(example, change)
    assert (failure(validate_structure, resource) is None) is valid_in_r4
    assert (failure(validate.validate_structure, resource) is None) is not valid_in_r4


def test_examples_same_verdict(examples: dict[str, Json]) -> None:
    verdicts = {name: (failure(validate_structure, resource) is None,
                       failure(validate.validate_structure, resource) is None)
                for name, resource in examples.items()}
    assert all(ours == theirs for ours, theirs in verdicts.values()), verdicts
