"""Fixtures of the structural validator tests."""

from __future__ import annotations

import pytest
from structure_support import EXAMPLES, Json, load_example


@pytest.fixture(scope="session")
def examples() -> dict[str, Json]:
    """Every ANS example, by file stem."""
    if not EXAMPLES.is_dir():
        pytest.skip(f"{EXAMPLES} is not there")
    return {path.stem: load_example(path.stem) for path in sorted(EXAMPLES.glob("*.json"))}
