"""Store-level fixtures: an empty, opened store of each kind named by ``ROR_TEST_STORES``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import make_store


@pytest.fixture
async def store(store_kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> AsyncIterator[Any]:
    opened = make_store(store_kind, tmp_path, request)
    await opened.open()
    try:
        yield opened
    finally:
        await opened.close()
