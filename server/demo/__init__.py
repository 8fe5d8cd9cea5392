"""Demo data set: a small, realistic ROR offer around Nantes (``demo.json``).

Regenerate it with ``python -m scripts.make_demo``; the builders and the NOS / commune readers in this package
are the development-time tools used to write it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DEMO_PATH = Path(__file__).with_name("demo.json")

__all__ = ["DEMO_PATH", "demo_resources"]


def demo_resources() -> list[dict[str, Any]]:
    """The demo resources (fresh dicts on every call), in load order."""
    data: list[dict[str, Any]] = json.loads(DEMO_PATH.read_text(encoding="utf-8"))
    return data
