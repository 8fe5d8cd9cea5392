"""JSON Patch (RFC 6902) on resources."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from server.core.patch.json_patch import apply_json_patch, json_equal
from server.errors import FhirError, InvalidRequest, Unprocessable


@pytest.fixture
def practitioner() -> dict[str, Any]:
    return {
        "resourceType": "Practitioner",
        "id": "p1",
        "meta": {"versionId": "2"},
        "name": [{"family": "MARTIN", "given": ["Anne"]}],
        "telecom": [{"system": "phone", "value": "01"}, {"system": "email", "value": "a@b.fr"}],
        "extension": [{"url": "http://example.org/a/b", "valueString": "x"}],
        "active": True,
    }


def fails(error: type[FhirError], resource: dict[str, Any], operations: Any) -> FhirError:
    with pytest.raises(error) as caught:
        apply_json_patch(resource, operations)
    return caught.value


def test_every_operation_in_sequence(practitioner) -> None:
    original = copy.deepcopy(practitioner)
    patched = apply_json_patch(
        practitioner,
        [
            {"op": "test", "path": "/name/0/family", "value": "MARTIN"},
            {"op": "add", "path": "/telecom/-", "value": {"system": "fax", "value": "02"}},
            {"op": "add", "path": "/name/0/given/0", "value": "Marie"},
            {"op": "replace", "path": "/telecom/0/value", "value": "03"},
            {"op": "remove", "path": "/telecom/1"},
            {"op": "move", "from": "/telecom/1", "path": "/telecom/0"},
            {"op": "copy", "from": "/name/0", "path": "/name/1"},
            {"op": "add", "path": "/gender", "value": "female"},
        ],
    )
    assert patched["telecom"] == [{"system": "fax", "value": "02"}, {"system": "phone", "value": "03"}]
    assert patched["name"] == [{"family": "MARTIN", "given": ["Marie", "Anne"]}] * 2
    assert patched["gender"] == "female"
    assert practitioner == original


def test_pointer_escapes_are_decoded(practitioner) -> None:
    practitioner["a/b~c"] = 1
    patched = apply_json_patch(practitioner, [{"op": "replace", "path": "/a~1b~0c", "value": 2}])
    assert patched["a/b~c"] == 2


def test_replace_keeps_member_order(practitioner) -> None:
    patched = apply_json_patch(practitioner, [{"op": "replace", "path": "/name", "value": []}])
    assert list(patched) == list(practitioner)


def test_failed_test_is_unprocessable_and_names_the_operation(practitioner) -> None:
    operations = [
        {"op": "replace", "path": "/active", "value": False},
        {"op": "test", "path": "/active", "value": 0},
    ]
    error = fails(Unprocessable, practitioner, operations)
    assert (error.status, error.code, error.expression) == (422, "processing", ["/1"])


@pytest.mark.parametrize(
    "operation",
    [
        {"op": "remove", "path": "/birthDate"},
        {"op": "replace", "path": "/telecom/5", "value": {}},
        {"op": "add", "path": "/telecom/3", "value": {}},
        {"op": "add", "path": "/nothing/here", "value": 1},
        {"op": "test", "path": "/telecom/01", "value": {}},
        {"op": "move", "from": "/name", "path": "/name/0/family"},
        {"op": "copy", "from": "/photo", "path": "/x"},
        {"op": "remove", "path": ""},
    ],
)
def test_operations_that_cannot_apply_are_unprocessable(practitioner, operation) -> None:
    error = fails(Unprocessable, practitioner, [{"op": "test", "path": "/id", "value": "p1"}, operation])
    assert (error.status, error.expression) == (422, ["/1"])


@pytest.mark.parametrize(
    ("operations", "expression"),
    [
        ({"op": "add"}, "/"),
        (["add"], "/0"),
        ([{"op": "upsert", "path": "/a"}], "/0/op"),
        ([{"op": "add", "path": "/a"}], "/0"),
        ([{"op": "move", "path": "/a"}], "/0"),
        ([{"op": "remove", "path": "name"}], "/0/path"),
        ([{"op": "remove", "path": "/a~2"}], "/0/path"),
        ([{"op": "copy", "from": 3, "path": "/a"}], "/0/from"),
    ],
)
def test_malformed_patches_are_invalid(practitioner, operations, expression) -> None:
    error = fails(InvalidRequest, practitioner, operations)
    assert (error.status, error.code, error.expression) == (400, "invalid", [expression])


@pytest.mark.parametrize(
    ("operation", "element"),
    [
        ({"op": "replace", "path": "/id", "value": "p2"}, "id"),
        ({"op": "remove", "path": "/meta"}, "meta"),
        ({"op": "add", "path": "/meta/tag", "value": [{"code": "x"}]}, "meta"),
        ({"op": "replace", "path": "/resourceType", "value": "Patient"}, "resourceType"),
        ({"op": "replace", "path": "", "value": {"resourceType": "Practitioner", "id": "p1"}}, "meta"),
    ],
)
def test_protected_elements_cannot_change(practitioner, operation, element) -> None:
    error = fails(Unprocessable, practitioner, [operation])
    assert error.expression == [f"Practitioner.{element}"]


def test_whole_document_replace_keeping_protected_elements(practitioner) -> None:
    replacement = {"resourceType": "Practitioner", "id": "p1", "meta": {"versionId": "2"}, "active": False}
    assert apply_json_patch(practitioner, [{"op": "replace", "path": "", "value": replacement}]) == replacement


def test_json_equality_distinguishes_booleans_from_numbers() -> None:
    assert json_equal({"a": [1, 2.0]}, {"a": [1.0, 2]})
    assert not json_equal(True, 1)
    assert not json_equal([0], [False])
    assert not json_equal({"a": 1}, {"a": 1, "b": 2})
