"""The ANS examples: the valid ones pass, the "fictive" ones fail for the reason found by reading them."""

from __future__ import annotations

import pytest
from structure_support import Json, failure

from server.core.structure import validate_structure

# ANS warns that several examples are "fictive, not validated against the profiles". Structurally:
INVALID_EXAMPLES = {
    # OperationOutcome.issue.expression is 0..* string: a JSON array is required even for one expression.
    "OperationOutcome-patch-capacity-indicator-not-found": (
        "OperationOutcome.issue[0].expression", "expected an array, found string"),
    # The capacity indicator is sent as a part holding only an extension: Parameters.parameter.name is 1..1
    # (and a part holding an extension has no place in FHIRPath Patch either).
    "Parameters-patch-capacity-add": (
        "Parameters.parameter[0].part[2].part[0].name", "missing required element 'name'"),
    "Parameters-patch-capacity-replace": (
        "Parameters.parameter[0].part[2].part[0].name", "missing required element 'name'"),
}


def test_every_example_is_classified(examples: dict[str, Json]) -> None:
    assert set(INVALID_EXAMPLES) < set(examples)
    assert len(examples) - len(INVALID_EXAMPLES) >= 10


def test_valid_examples_pass(examples: dict[str, Json]) -> None:
    rejected = {name: error.diagnostics for name, resource in examples.items()
                if name not in INVALID_EXAMPLES and (error := failure(validate_structure, resource))}
    assert rejected == {}


@pytest.mark.parametrize("name", sorted(INVALID_EXAMPLES))
def test_fictive_examples_fail_precisely(examples: dict[str, Json], name: str) -> None:
    expression, message = INVALID_EXAMPLES[name]
    error = failure(validate_structure, examples[name])
    assert error is not None
    assert error.code == "structure"
    assert error.expression == [expression]
    assert error.diagnostics == f"Invalid {name.split('-')[0]}: {expression}: {message}"
    assert error.extra_issues == []
