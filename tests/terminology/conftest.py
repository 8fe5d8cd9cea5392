"""Terminology fixtures: the shipped release, and the same plus a later test release (``fixtures/``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from terminology.convert import read_release, write_release
from terminology.service import DATA_DIR, Terminology

FIXTURES = Path(__file__).with_name("fixtures")


@pytest.fixture(scope="session")
def nos() -> Terminology:
    return Terminology.default()


@pytest.fixture(scope="session")
def release_2027(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("release-2027")
    write_release(read_release([FIXTURES / "release-2027" / "fsh"]), out)
    return out


@pytest.fixture(scope="session")
def two_releases(release_2027: Path) -> Terminology:
    return Terminology([DATA_DIR, release_2027])
