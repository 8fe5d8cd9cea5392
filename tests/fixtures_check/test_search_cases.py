"""The search conformance cases are well formed and agree with the data set they run against."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.fixtures_check.fixture_support import Json, communes, key, search_cases, search_dataset
from tests.fixtures_check.search_fixture_cases import INC
from tests.fixtures_check.search_fixture_facts import haversine_km

FIELDS = {"name", "spec", "interaction", "request", "status", "match", "ordered", "include", "total", "page_size",
          "sorted_by", "distances_km", "corrections", "notes"}
#: Parameters that shape the result without selecting resources.
RESULT_PARAMETERS = {"_include", "_include:iterate", "_revinclude", "_count", "_sort", "_summary", "_elements",
                     "_lastUpdated"}
#: Sections of spec §4-§5 with example GET requests (5.8 only has writes).
SECTIONS = ("4.2", "5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7", "5.9", "5.10")
FILTER_PARAMETER = re.compile(r"([\w.:-]+)\s*(?:=|\s(?:eq|ne|gt|ge|lt|le|sa|eb|sw|co|ew)\s)")
PLACEHOLDER = re.compile(r"\[BASE\]|\bX{2,3}R?\b|\bYYY\b")


@pytest.fixture(scope="module")
def cases() -> list[Json]:
    return list(search_cases()["cases"])


@pytest.fixture(scope="module")
def resources() -> dict[str, Json]:
    return {key(r): r for r in search_dataset()}


def _type(case: Json) -> str:
    return re.split(r"[?/]", case["request"], maxsplit=1)[0]


def _parameters(case: Json) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(case["request"]).query, keep_blank_values=True)


def test_cases_have_known_fields_and_unique_names(cases: list[Json]) -> None:
    assert len({case["name"] for case in cases}) == len(cases)
    for case in cases:
        assert {"name", "spec", "request", "status"} <= case.keys() <= FIELDS, case["name"]
        assert case["status"] in {200, 400}, case["name"]
        assert ("match" in case) == (case["status"] == 200), case["name"]


def test_requests_are_relative_and_free_of_placeholders(cases: list[Json]) -> None:
    for case in cases:
        request = case["request"]
        assert not request.startswith(("/", "http")) and " " not in request.split("?")[0], case["name"]
        assert not PLACEHOLDER.search(request), case["name"]
        assert "__include" not in request and "Healthcareservice:" not in request, case["name"]


def test_every_example_section_is_covered(cases: list[Json]) -> None:
    covered = {case["spec"].split()[0].rstrip(":") for case in cases}
    assert set(SECTIONS) <= {section for spec in covered for section in spec.split("/")}


def test_every_expected_resource_exists_and_has_the_searched_type(cases: list[Json],
                                                                  resources: dict[str, Json]) -> None:
    for case in (c for c in cases if c["status"] == 200):
        assert set(case["match"]) <= resources.keys(), case["name"]
        assert set(case["include"]) <= resources.keys(), case["name"]
        assert not set(case["match"]) & set(case["include"]), case["name"]
        assert all(k.startswith(_type(case) + "/") for k in case["match"]), case["name"]
        if case.get("interaction") == "read":
            assert case["match"] == [case["request"]], case["name"]


def _selects(name: str, value: str) -> bool:
    """True for a criterion other than the load-time ``_lastUpdated`` (direct, chained or inside _filter)."""
    if name == "_filter":
        return any(_selects(param, "") for param in FILTER_PARAMETER.findall(value))
    return name not in RESULT_PARAMETERS and not name.split(".")[-1].startswith("_lastUpdated")


def test_selective_requests_discriminate(cases: list[Json], resources: dict[str, Json]) -> None:
    """A request with a selection criterion must leave out at least one resource of its type."""
    for case in cases:
        criteria = [name for name, value in _parameters(case) if _selects(name, value)]
        if case["status"] == 200 and criteria and case.get("interaction") != "read":
            every = {k for k in resources if k.startswith(_type(case) + "/")}
            assert set(case["match"]) < every, case["name"]


def test_criteria_examples_carry_the_extraction_includes(cases: list[Json]) -> None:
    for case in (c for c in cases if c["spec"].startswith("5.3")):
        assert INC[1:] in case["request"], case["name"]


def test_paging_sorting_and_totals_are_consistent(cases: list[Json]) -> None:
    for case in (c for c in cases if c["status"] == 200):
        if "page_size" in case:
            assert 0 < case["page_size"] < case["total"] == len(case["match"]), case["name"]
        if case.get("ordered"):
            assert len(set(case["match"])) == len(case["match"]) > 1, case["name"]
            assert any(name == "_sort" for name, _ in _parameters(case)), case["name"]
        if "sorted_by" in case:
            assert case["sorted_by"].lstrip("-") == "meta.lastUpdated", case["name"]


def _reference_point(case: Json) -> tuple[tuple[float, float], float]:
    (value,) = [v for name, v in _parameters(case) if name.split(".")[-1] in {"near", "near-insee-code"}]
    parts = value.split("|")
    if len(parts) == 4:
        return (float(parts[0]), float(parts[1])), float(parts[2])
    town = communes()[parts[0]]
    assert town.lat is not None and town.lon is not None
    return (town.lat, town.lon), float(parts[1])


def test_distances_match_the_positions(cases: list[Json], resources: dict[str, Json]) -> None:
    near_cases = [c for c in cases if "distances_km" in c]
    assert near_cases
    for case in near_cases:
        point, radius = _reference_point(case)
        for place, km in case["distances_km"].items():
            position = resources[place]["position"]
            assert abs(haversine_km(point, (position["latitude"], position["longitude"])) - km) < 0.05
            if place in case["match"]:
                assert km <= radius, (case["name"], place)
