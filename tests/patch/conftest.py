"""Fixtures of the patch tests.

``examples/`` holds copies of ANS example files from shared/ror-examples (Location,
Task, the capacity PATCH bodies and the national server's OperationOutcome payloads).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

EXAMPLES = Path(__file__).parent / "examples"

Json = dict[str, Any]


@pytest.fixture
def example() -> Callable[[str], Json]:
    """Load ``examples/<name>.json`` (a fresh copy on every call)."""

    def load(name: str) -> Json:
        return json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))

    return load


@pytest.fixture
def parameters() -> Callable[..., Json]:
    """Build a FHIRPath Patch body: ``parameters([part, ...], [part, ...])``, one list per operation;
    a part is ``(name, key, value)`` e.g. ``("path", "valueString", "Task.status")``."""

    def build(*operations: list[tuple[str, str, Any]]) -> Json:
        return {
            "resourceType": "Parameters",
            "parameter": [
                {"name": "operation", "part": [{"name": name, key: value} for name, key, value in operation]}
                for operation in operations
            ],
        }

    return build
