"""Reading a generated directory back, for the generator tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from server.generate import LOAD_ORDER


@dataclass(frozen=True)
class Generated:
    out: Path
    counts: dict[str, int]
    resources: dict[str, list[dict[str, Any]]]  # by type, in file order

    def by_id(self, resource_type: str) -> dict[str, dict[str, Any]]:
        return {resource["id"]: resource for resource in self.resources[resource_type]}

    def all(self) -> Iterator[dict[str, Any]]:
        for resource_type in LOAD_ORDER:
            yield from self.resources[resource_type]


def read_ndjson(path: Path) -> list[dict[str, Any]]:
    with path.open("rb") as handle:
        return [orjson.loads(line) for line in handle]


def extensions(element: dict[str, Any], url_suffix: str) -> list[dict[str, Any]]:
    """The extensions of ``element`` whose URL ends with ``url_suffix``."""
    return [e for e in element.get("extension", []) if e["url"].endswith(url_suffix)]


def part(extension: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """Sub-extensions of a complex extension by (relative or absolute) URL."""
    return [e for e in extension.get("extension", []) if e["url"] == name or e["url"].endswith(f"/{name}")]


def codes(concepts: list[dict[str, Any]], system_fragment: str) -> list[str]:
    return [c["code"] for concept in concepts for c in concept.get("coding", []) if system_fragment in c["system"]]
