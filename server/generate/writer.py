"""One NDJSON file per resource type, written as resources stream in, plus the load-order manifest."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import IO, Any

import orjson

#: Loading the files in this order resolves every reference (and, within Organization, parents come first).
LOAD_ORDER = ("Organization", "Location", "Practitioner", "HealthcareService", "PractitionerRole")
MANIFEST = "manifest.json"
_BUFFER = 1 << 20


class NdjsonWriter:
    """Appends serialised resources to ``<out>/<Type>.ndjson`` and counts them."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.counts = dict.fromkeys(LOAD_ORDER, 0)
        self._files: dict[str, IO[bytes]] = {}

    def __enter__(self) -> NdjsonWriter:
        self.out.mkdir(parents=True, exist_ok=True)
        for resource_type in LOAD_ORDER:
            self._files[resource_type] = (self.out / f"{resource_type}.ndjson").open("wb", buffering=_BUFFER)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        for handle in self._files.values():
            handle.close()

    def write(self, resource: dict[str, Any]) -> None:
        resource_type = resource["resourceType"]
        self._files[resource_type].write(orjson.dumps(resource, option=orjson.OPT_APPEND_NEWLINE))
        self.counts[resource_type] += 1

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def write_manifest(self, scale: float, seed: int) -> None:
        manifest = {
            "generator": "server.generate",
            "scale": scale,
            "seed": seed,
            "order": list(LOAD_ORDER),
            "files": [{"type": t, "path": f"{t}.ndjson", "count": self.counts[t]} for t in LOAD_ORDER],
        }
        (self.out / MANIFEST).write_bytes(orjson.dumps(manifest, option=orjson.OPT_INDENT_2) + b"\n")
