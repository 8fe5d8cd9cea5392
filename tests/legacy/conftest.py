"""Fixtures of the legacy adapter tests: the test establishment, a code mapper, the in-memory source."""

from __future__ import annotations

import pytest

from mappings.csd.codes import CodeMapper
from mappings.graph import OfferGraph
from tests.legacy.graph_data import establishment
from tests.legacy.memory_source import MemorySource


@pytest.fixture(scope="session")
def codes() -> CodeMapper:
    return CodeMapper.of()


@pytest.fixture
def resources() -> list[dict]:
    return establishment()


@pytest.fixture
def graph(resources: list[dict]) -> OfferGraph:
    return OfferGraph.of(resources)


@pytest.fixture
def source(resources: list[dict]) -> MemorySource:
    return MemorySource(resources)
