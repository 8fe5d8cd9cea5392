"""Path reading and FHIRPath evaluation used by the patch engine."""

from __future__ import annotations

import pytest

from server.core.patch.fhirpath_eval import evaluate
from server.core.patch.path_steps import ElementPath, designates_root, element_path
from server.errors import Unprocessable

URL = "https://example.org/StructureDefinition/a.b"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("Task.businessStatus", ElementPath("Task", "businessStatus", filtered=False)),
        ("name", ElementPath(None, "name", filtered=False)),
        ("Organization.telecom[0]", ElementPath("Organization", "telecom", filtered=True)),
        (
            f"Location.extension.where(url='{URL}' and extension.where(url = 'x.y')).extension.where(url='n')",
            ElementPath(
                f"Location.extension.where(url='{URL}' and extension.where(url = 'x.y'))", "extension", filtered=True
            ),
        ),
        (f"Location.extension('{URL}')", ElementPath("Location", "extension", filtered=True)),
        ("Location.`type`.first()", ElementPath("Location", "type", filtered=True)),
        ("Location.name = 'x'", None),
        ("Location.name | Location.alias", None),
        ("Location.first()", None),
        ("Location", None),
    ],
)
def test_element_path(path, expected) -> None:
    assert element_path(path) == expected


def test_designates_root() -> None:
    assert designates_root("Location")
    assert not designates_root("Location.name")
    assert not designates_root("name")


@pytest.fixture
def location() -> dict:
    def ext(code: str) -> dict:
        return {"url": URL, "extension": [{"url": "kind", "valueCode": code}, {"url": "count", "valueInteger": 1}]}

    return {"resourceType": "Location", "extension": [ext("a"), ext("b")]}


def test_selected_complex_nodes_are_the_resource_own_objects(location) -> None:
    selected = evaluate(location, f"Location.extension.where(url='{URL}')")
    assert [id(node) for node in selected] == [id(ext) for ext in location["extension"]]


def test_extension_function_returns_every_matching_extension(location) -> None:
    assert len(evaluate(location, f"Location.extension('{URL}')")) == 2


@pytest.mark.parametrize(
    ("criteria", "codes"),
    [
        ("extension.where(url='kind' and valueCode='b') and extension.where(url='count')", ["b"]),
        ("extension.where(url='kind' and valueCode='b') or extension.where(url='kind' and valueCode='a')", ["a", "b"]),
        ("extension.where(url='kind' and valueCode='b').exists() xor extension.where(url='count')", ["a"]),
        ("extension.where(url='kind' and valueCode='a').exists() implies extension.where(url='none')", ["b"]),
        ("extension.where(url='kind' and valueCode='b') xor extension.where(url='count')", []),
        ("extension.where(url='none') and true", []),
    ],
)
def test_logical_operators_use_singleton_evaluation(location, criteria, codes) -> None:
    selected = evaluate(location, f"Location.extension.where({criteria})")
    assert [node["extension"][0]["valueCode"] for node in selected] == codes


@pytest.mark.parametrize("path", ["Location..name", "Location.name)", "Location.where(", "Location.name +"])
def test_syntax_errors_are_unprocessable(location, path) -> None:
    with pytest.raises(Unprocessable) as caught:
        evaluate(location, path)
    assert caught.value.expression == [path]
