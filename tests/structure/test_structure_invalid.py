"""A battery of invalid resources: each names the first element at fault and why."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from structure_support import Json, failure, load_example, mutated

from server.core.structure import MAX_ISSUES, structure_issues, validate_structure
from server.errors import InvalidRequest

HS = "HealthcareService-1234564"
LOC = "Location-ror-location-exemple"
ORG = "Organization-eg-post-example"
TASK = "Task-ror-task-exemple"


def put(path: str, value: Any) -> Callable[[Json], None]:
    """A change setting ``value`` at a dotted ``path`` (list indexes as numbers)."""
    *parents, last = [int(step) if step.isdigit() else step for step in path.split(".")]

    def change(resource: Json) -> None:
        target: Any = resource
        for step in parents:
            target = target[step]
        target[last] = value

    return change


def drop(path: str) -> Callable[[Json], None]:
    *parents, last = [int(step) if step.isdigit() else step for step in path.split(".")]

    def change(resource: Json) -> None:
        target: Any = resource
        for step in parents:
            target = target[step]
        del target[last]

    return change


def extension(**value: Any) -> Callable[[Json], None]:
    """A change appending ``{"url": "http://example.org/x", **value}`` to the resource's extensions."""
    return lambda resource: resource.setdefault("extension", []).append({"url": "http://example.org/x", **value})


# (case, example, change, expression of the first issue, words of its message)
CASES: list[tuple[str, str, Callable[[Json], Any], str, str]] = [
    ("unknown element", HS, put("foo", 1), "HealthcareService.foo", "unknown element 'foo'"),
    ("fhir_comments", HS, put("fhir_comments", ["x"]), "HealthcareService.fhir_comments", "unknown element"),
    ("unknown nested", HS, put("specialty.0.coding.0.version2", "1"),
     "HealthcareService.specialty[0].coding[0].version2", "unknown element 'version2' in Coding"),
    ("array for a single value", HS, put("name", ["a"]), "HealthcareService.name", "found an array"),
    ("object for an array", HS, lambda r: r["specialty"][0].update(coding=r["specialty"][0]["coding"][0]),
     "HealthcareService.specialty[0].coding", "expected an array, found object"),
    ("empty string", HS, put("name", ""), "HealthcareService.name", "empty string"),
    ("empty array", HS, put("specialty", []), "HealthcareService.specialty", "empty array"),
    ("empty object", HS, put("providedBy", {}), "HealthcareService.providedBy", "empty Reference object"),
    ("null value", HS, put("name", None), "HealthcareService.name", "expected a JSON string, found null"),
    ("boolean as string", HS, put("active", "true"), "HealthcareService.active", "true or false"),
    ("boolean as number", HS, put("active", 1), "HealthcareService.active", "found number"),
    ("code with a leading space", HS, put("specialty.0.coding.0.code", " 040"),
     "HealthcareService.specialty[0].coding[0].code", "' 040' is not a valid code"),
    ("code as number", HS, put("specialty.0.coding.0.code", 40),
     "HealthcareService.specialty[0].coding[0].code", "expected a JSON string (code), found number"),
    ("uri with a space", HS, put("specialty.0.coding.0.system", "http://a b"),
     "HealthcareService.specialty[0].coding[0].system", "is not a valid uri"),
    ("id pattern", HS, put("id", "a b"), "HealthcareService.id", "is not a valid id"),
    ("id longer than 64", HS, put("id", "a" * 65), "HealthcareService.id", "is not a valid id"),
    ("extension without url", HS, drop("extension.0.url"), "HealthcareService.extension[0].url",
     "missing required element 'url'"),
    ("extension url empty", HS, put("extension.0.url", ""), "HealthcareService.extension[0].url", "empty uri"),
    ("extension with two values", HS, extension(valueString="a", valueInteger=1),
     "HealthcareService.extension[5].value", "value[x] takes one value, found valueInteger, valueString"),
    ("extension value of unknown type", HS, extension(valueFoo="a"),
     "HealthcareService.extension[5].valueFoo", "not a type of value[x]"),
    ("extension value without suffix", HS, extension(value="a"), "HealthcareService.extension[5].value",
     "unknown element 'value'"),
    ("nested extension value", LOC, put("extension.0.valueCodeableConcept.coding.0.code", ""),
     "Location.extension[0].valueCodeableConcept.coding[0].code", "empty code"),
    ("month 13", HS, put("meta", {"lastUpdated": "2023-13-01T00:00:00Z"}), "HealthcareService.meta.lastUpdated",
     "is not a valid instant"),
    ("instant without zone", HS, put("meta", {"lastUpdated": "2023-02-03T10:00:00"}),
     "HealthcareService.meta.lastUpdated", "is not a valid instant"),
    ("dateTime without zone", HS, extension(valueDateTime="2023-02-03T10:00:00"),
     "HealthcareService.extension[5].valueDateTime", "is not a valid dateTime"),
    ("dateTime hour only", HS, extension(valueDateTime="2023-02-03T10Z"),
     "HealthcareService.extension[5].valueDateTime", "is not a valid dateTime"),
    ("February 30", HS, extension(valueDate="2023-02-30"), "HealthcareService.extension[5].valueDate",
     "no such day"),
    ("February 29 of a common year", HS, extension(valueDateTime="2023-02-29T10:00:00Z"),
     "HealthcareService.extension[5].valueDateTime", "no such day"),
    ("year 0000", HS, extension(valueDate="0000"), "HealthcareService.extension[5].valueDate",
     "is not a valid date"),
    ("time 25h", HS, put("availableTime.0.availableStartTime", "25:00:00"),
     "HealthcareService.availableTime[0].availableStartTime", "is not a valid time"),
    ("time without seconds", HS, put("availableTime.0.availableStartTime", "10:00"),
     "HealthcareService.availableTime[0].availableStartTime", "is not a valid time"),
    ("integer as string", HS, extension(valueInteger="3"), "HealthcareService.extension[5].valueInteger",
     "expected a JSON integer (integer), found string"),
    ("integer with a fraction", HS, extension(valueInteger=3.5), "HealthcareService.extension[5].valueInteger",
     "found number"),
    ("integer beyond 32 bits", HS, extension(valueInteger=2**31), "HealthcareService.extension[5].valueInteger",
     "out of the range of integer"),
    ("positiveInt 0", HS, extension(valuePositiveInt=0), "HealthcareService.extension[5].valuePositiveInt",
     "out of the range of positiveInt (1..2147483647)"),
    ("unsignedInt -1", HS, extension(valueUnsignedInt=-1), "HealthcareService.extension[5].valueUnsignedInt",
     "out of the range of unsignedInt (0..2147483647)"),
    ("decimal as string", HS, extension(valueDecimal="1.5"), "HealthcareService.extension[5].valueDecimal",
     "expected a JSON number (decimal), found string"),
    ("base64Binary", HS, extension(valueBase64Binary="abc"), "HealthcareService.extension[5].valueBase64Binary",
     "is not a valid base64Binary"),
    ("oid", HS, extension(valueOid="1.2.3"), "HealthcareService.extension[5].valueOid", "is not a valid oid"),
    ("uuid", HS, extension(valueUuid="urn:uuid:ABC"), "HealthcareService.extension[5].valueUuid",
     "is not a valid uuid"),
    ("string with a vertical tab", ORG, put("name", "a\x0bb"), "Organization.name", "is not a valid string"),
    ("required element", TASK, drop("status"), "Task.status", "missing required element 'status'"),
    ("required choice", TASK, put("input", [{"type": {"text": "x"}}]), "Task.input[0].value",
     "missing required element 'value[x]'"),
    ("required in a backbone", LOC, put("position", {"longitude": 2.1}), "Location.position.latitude",
     "missing required element 'latitude'"),
    ("contained resource", HS, put("contained", [{"resourceType": "Location", "foo": 1}]),
     "HealthcareService.contained[0].foo", "unknown element 'foo' in Location"),
    ("contained without resourceType", HS, put("contained", [{"id": "x"}]),
     "HealthcareService.contained[0].resourceType", "missing resourceType"),
    ("contained of an unsupported type", HS, put("contained", [{"resourceType": "Patient"}]),
     "HealthcareService.contained[0].resourceType", "unknown or unsupported resourceType 'Patient'"),
    ("resourceType in a datatype", HS, put("providedBy.resourceType", "Reference"),
     "HealthcareService.providedBy.resourceType", "unknown element 'resourceType' in Reference"),
    ("_name of a complex element", LOC, put("address._period", {"id": "x"}), "Location.address._period",
     "unknown element '_period'"),
    ("_name of an attribute", ORG, put("extension", [{"url": "http://x", "_url": {"id": "a"}, "valueString": "y"}]),
     "Organization.extension[0]._url", "unknown element '_url'"),
    ("content of _name", LOC, put("address._city", {"foo": 1}), "Location.address._city.foo",
     "unknown element 'foo'"),
    ("_name not aligned", LOC, lambda r: r["address"]["_line"].append({"id": "x"}), "Location.address._line",
     "does not have as many entries as 'line'"),
    ("null without _name", ORG, put("alias", ["a", None]), "Organization.alias[1]", "null entry"),
    ("null in _name and value", LOC, lambda r: r["address"].update(line=[None], _line=[None]),
     "Location.address.line[0]", "null entry"),
    ("null in _name without value", LOC, lambda r: r["address"].pop("line") and r["address"].update(_line=[None]),
     "Location.address._line[0]", "null entry and no value"),
    ("Meta.project is Medplum's, not R4", ORG, put("meta", {"project": "x"}), "Organization.meta.project",
     "unknown element 'project' in Meta"),
    ("recursive backbone", "Parameters-patch-task-businessstatus",
     put("parameter.0.part.0.part", [{"name": "x", "valueCode": "a b "}]),
     "Parameters.parameter[0].part[0].part[0].valueCode", "is not a valid code"),
]


@pytest.mark.parametrize(("example", "change", "expression", "words"),
                         [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_invalid_resource(example: str, change: Callable[[Json], Any], expression: str, words: str) -> None:
    error = failure(validate_structure, mutated(example, change))
    assert error is not None
    assert error.code == "structure"
    assert error.expression == [expression]
    assert words in error.diagnostics


VALID_EDGES: list[tuple[str, str, Callable[[Json], Any]]] = [
    ("_name with an extension", LOC, put("address._city", {"extension": [{"url": "http://x", "valueString": "y"}]})),
    ("_name alone", LOC, put("_language", {"extension": [{"url": "http://x", "valueCode": "fr"}]})),
    ("null aligned with _name", LOC, put("address.line", [None])),
    ("primitive given only by _name, required", TASK,
     lambda r: r.update(_status={"extension": [{"url": "http://x", "valueString": "y"}]}, status=None)
     or r.pop("status")),
    ("non-breaking space in a string", ORG, put("name", "A\u00a0B")),
    ("non-ASCII in a uri", ORG, put("telecom", [{"system": "url", "value": "https://exemple.fr/été"}])),
    ("decimal with exponent", ORG, extension(valueDecimal=1e-7)),
    ("dateTime year only", ORG, extension(valueDateTime="2020")),
    ("leap second", ORG, extension(valueDateTime="2020-01-01T10:00:60Z")),
    ("February 29 of a leap year", ORG, extension(valueDate="2024-02-29")),
    ("contained resource", HS, put("contained", [{"resourceType": "Location", "id": "l1", "name": "x"}])),
    ("choice among several", TASK, put("input", [{"type": {"text": "x"}, "valueReference": {"display": "y"}}])),
    ("deep Reference and Identifier", ORG,
     put("identifier", [{"assigner": {"identifier": {"assigner": {"display": "x"}}}}])),
]


@pytest.mark.parametrize(("example", "change"), [case[1:] for case in VALID_EDGES],
                         ids=[case[0] for case in VALID_EDGES])
def test_valid_edge(example: str, change: Callable[[Json], Any]) -> None:
    error = failure(validate_structure, mutated(example, change))
    assert error is None, error.diagnostics


def test_resources_from_scratch() -> None:
    bundle = {"resourceType": "Bundle", "type": "transaction", "entry": [
        {"fullUrl": "urn:uuid:0f4d3c1e-2a4b-4c5d-8e9f-0a1b2c3d4e5f",
         "resource": {"resourceType": "Organization", "name": "x"},
         "request": {"method": "POST", "url": "Organization"}},
        {"resource": {"resourceType": "Location", "status": "on"}, "request": {"method": "PUT"}},
    ]}
    error = failure(validate_structure, bundle)
    assert error is not None
    assert error.expression == ["Bundle.entry[1].request.url"]
    assert validate_structure(
        {"resourceType": "Questionnaire", "status": "draft", "item": [
            {"linkId": "1", "type": "group", "item": [{"linkId": "1.1", "type": "boolean",
                                                      "enableWhen": [{"question": "1", "operator": "exists",
                                                                      "answerBoolean": True}]}]}]}) is None
    error = failure(validate_structure, {"resourceType": "ValueSet", "status": "active", "compose": {"inactive": True}})
    assert error is not None and error.expression == ["ValueSet.compose.include"]


def test_many_issues_are_reported_up_to_twenty() -> None:
    resource = load_example(ORG)
    resource["alias"] = [""] * 25
    resource["active"] = "yes"
    error = failure(validate_structure, resource)
    assert error is not None
    assert error.diagnostics.endswith("(and 25 more)")
    assert len(error.extra_issues) == MAX_ISSUES - 1
    assert [issue["expression"] for issue in error.extra_issues[:2]] == [["Organization.alias[1]"],
                                                                        ["Organization.alias[2]"]]
    assert all(issue["code"] == "structure" for issue in error.extra_issues)


@pytest.mark.parametrize(("body", "diagnostics", "expression"), [
    ({"name": "x"}, "The body is not a FHIR resource: 'resourceType' is missing", []),
    ({"resourceType": "Patient"}, "Unknown resource type 'Patient'", ["resourceType"]),
    ({"resourceType": "Foo"}, "Unknown resource type 'Foo'", ["resourceType"]),
])
def test_not_a_known_resource(body: Json, diagnostics: str, expression: list[str]) -> None:
    with pytest.raises(InvalidRequest) as caught:
        validate_structure(body)
    assert (caught.value.diagnostics, caught.value.expression, caught.value.code) == (
        diagnostics, expression, "structure")


def test_nesting_too_deep_is_a_client_error() -> None:
    resource: Json = {"resourceType": "Organization", "extension": []}
    level = resource
    for _ in range(2000):
        child: Json = {"url": "http://x", "extension": []}
        level["extension"].append(child)
        level = child
    level["valueString"] = "x"
    with pytest.raises(InvalidRequest, match="nested too deeply"):
        validate_structure(resource)


def test_structure_issues_lists_every_issue_without_raising() -> None:
    resource = load_example(ORG)
    resource["alias"] = ["a", "", "b "]
    resource["telecom"] = {"system": "phone"}
    resource_type, found = structure_issues(resource)
    assert resource_type == "Organization"
    assert found == [("Organization.alias[1]", "empty string: an absent value is left out, not empty"),
                     ("Organization.telecom", "expected an array, found object")]
    assert structure_issues(load_example(ORG)) == ("Organization", [])
