"""The checked-in demo and search fixture files are what ``python -m scripts.make_demo`` writes today."""

from __future__ import annotations

import json
from typing import Any

import pytest

from scripts.make_demo import demo_set
from server.demo import demo_resources
from server.demo.builders import RorFactory
from tests.fixtures_check.fixture_support import communes, nos_codes, search_cases, search_dataset
from tests.fixtures_check.search_fixture_cases import build_cases
from tests.fixtures_check.search_fixture_data import build_dataset


@pytest.fixture(scope="module")
def factory() -> RorFactory:
    return RorFactory(nos_codes(), communes())


def _as_json(value: Any) -> Any:
    return json.loads(json.dumps(value))


def test_demo_file_is_up_to_date(factory: RorFactory) -> None:
    assert demo_resources() == _as_json(demo_set(factory)), "run: python -m scripts.make_demo"


def test_search_fixture_files_are_up_to_date(factory: RorFactory) -> None:
    dataset = build_dataset(factory)
    assert search_dataset() == _as_json(dataset), "run: python -m scripts.make_demo"
    assert search_cases() == _as_json(build_cases(dataset, factory.communes)), "run: python -m scripts.make_demo"
