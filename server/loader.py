"""``ror load``: FHIR JSON files, Bundles and NDJSON streams into the store, in batches.

Memory stays bounded (NDJSON is streamed line by line, a batch at a time).
Loading is idempotent, hence resumable: a resource whose content (``meta``
aside) is already stored is skipped, so re-running after a crash or Ctrl-C
finishes the job without new versions or duplicates. Resources without an id
get one derived from their content, for the same reason. Transaction and batch
Bundles go through the FHIR bundle processor (urn:uuid references, atomicity).
Rejected resources are written, with the reason, to a rejects file.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from server.core.interactions import SERVED_TYPES
from server.core.request import FhirRequest
from server.errors import FhirError
from server.store.base import CommitConflict

BATCH_SIZE = 1000
# Referenced types first, so that a partial load is as consistent as it can be.
TYPE_ORDER = (
    "Organization",
    "Location",
    "Practitioner",
    "HealthcareService",
    "PractitionerRole",
    "Task",
    "Questionnaire",
    "Measure",
    "MeasureReport",
)


@dataclass(slots=True)
class LoadReport:
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    rejected: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def processed(self) -> int:
        return (
            sum(self.created.values())
            + sum(self.updated.values())
            + sum(self.unchanged.values())
            + len(self.rejected)
        )

    def summary(self) -> dict[str, Any]:
        rate = self.processed / self.seconds if self.seconds else 0.0
        return {
            "created": dict(self.created),
            "updated": dict(self.updated),
            "unchanged": dict(self.unchanged),
            "rejected": len(self.rejected),
            "seconds": round(self.seconds, 2),
            "resources_per_second": round(rate),
        }


def _sort_key(path: Path) -> tuple[int, str]:
    stem = path.name.split(".")[0]
    return (TYPE_ORDER.index(stem) if stem in TYPE_ORDER else len(TYPE_ORDER), path.name)


def input_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = [
                p for p in path.rglob("*") if p.suffix in (".json", ".ndjson") and p.name != "manifest.json"
            ]
            files.extend(sorted(found, key=_sort_key))
        elif path.exists():
            files.append(path)
        else:
            raise FileNotFoundError(f"{path} does not exist")
    return files


def count_items(path: Path) -> int:
    """How many resources a file holds (lines of NDJSON; entries of a Bundle), for the progress bar."""
    if path.suffix == ".ndjson":
        with path.open("rb") as f:
            return sum(1 for line in f if line.strip())
    data = orjson.loads(path.read_bytes())
    if isinstance(data, list):
        return len(data)
    return len(data.get("entry", [])) if data.get("resourceType") == "Bundle" else 1


def _content_id(resource: dict[str, Any]) -> str:
    return hashlib.sha256(orjson.dumps(resource, option=orjson.OPT_SORT_KEYS)).hexdigest()[:32]


def _without_meta(resource: dict[str, Any]) -> bytes:
    return orjson.dumps({k: v for k, v in resource.items() if k != "meta"}, option=orjson.OPT_SORT_KEYS)


class Loader:
    def __init__(self, services: Any, progress: Callable[[int], None] | None = None) -> None:
        self.services = services
        self.store = services.store
        self.writer = services.router.interactions.writer
        self.progress = progress or (lambda _: None)
        self.report = LoadReport()

    async def load(self, files: list[Path]) -> LoadReport:
        started = time.perf_counter()
        for path in files:
            await self.load_file(path)
        self.report.seconds = time.perf_counter() - started
        return self.report

    async def load_file(self, path: Path) -> None:
        if path.suffix == ".ndjson":
            await self._load_stream(self._ndjson(path))
            return
        try:
            data = orjson.loads(path.read_bytes())
        except orjson.JSONDecodeError as exc:
            self._reject(str(path), None, f"not valid JSON: {exc}")
            return
        if (
            isinstance(data, dict)
            and data.get("resourceType") == "Bundle"
            and data.get("type") in ("transaction", "batch")
        ):
            await self._load_bundle(path, data)
        elif isinstance(data, dict) and data.get("resourceType") == "Bundle":
            await self._load_stream(
                (f"{path}#entry[{i}]", e.get("resource")) for i, e in enumerate(data.get("entry", []))
            )
        elif isinstance(data, list):
            await self._load_stream((f"{path}[{i}]", r) for i, r in enumerate(data))
        else:
            await self._load_stream(iter([(str(path), data)]))

    @staticmethod
    def _ndjson(path: Path) -> Iterator[tuple[str, Any]]:
        with path.open("rb") as f:
            for number, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                where = f"{path}:{number}"
                try:
                    yield where, orjson.loads(line)
                except orjson.JSONDecodeError as exc:
                    yield where, exc

    async def _load_bundle(self, path: Path, bundle: dict[str, Any]) -> None:
        request = FhirRequest("POST", "", [], {}, bundle, "")
        try:
            response = await self.services.router.dispatch(request)
        except FhirError as exc:
            self._reject(str(path), None, exc.diagnostics)
            return
        for entry in (response.body or {}).get("entry", []):  # type: ignore[union-attr]
            status = entry.get("response", {}).get("status", "")
            kind = "Bundle entry"
            if status.startswith("201"):
                self.report.created[kind] += 1
            elif status.startswith("200"):
                self.report.updated[kind] += 1
            else:
                self._reject(str(path), None, f"entry failed with status {status}")
        self.progress(len(bundle.get("entry", [])))

    async def _load_stream(self, items: Iterator[tuple[str, Any]]) -> None:
        batch: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {}
        for where, resource in items:
            if isinstance(resource, Exception):
                self._reject(where, None, f"not valid JSON: {resource}")
                continue
            if not isinstance(resource, dict) or resource.get("resourceType") not in SERVED_TYPES:
                kind = resource.get("resourceType") if isinstance(resource, dict) else type(resource).__name__
                self._reject(where, resource, f"'{kind}' is not a resource type this server stores")
                continue
            resource_id = resource.get("id") or _content_id(resource)
            batch[(resource["resourceType"], resource_id)] = (where, resource)
            if len(batch) >= BATCH_SIZE:
                await self._flush(batch)
                batch = {}
        if batch:
            await self._flush(batch)

    async def _flush(self, batch: dict[tuple[str, str], tuple[str, dict[str, Any]]]) -> None:
        ops = []
        outcome: list[tuple[str, bool]] = []
        for (resource_type, resource_id), (where, resource) in batch.items():
            current = await self.store.read(resource_type, resource_id)
            try:
                self.writer.check(resource)
            except FhirError as exc:
                self._reject(where, resource, exc.diagnostics)
                continue
            if (
                current is not None
                and not current.deleted
                and _without_meta(orjson.loads(current.body))
                == _without_meta({**resource, "id": resource_id})
            ):
                self.report.unchanged[resource_type] += 1
                continue
            ops.append(self.writer.stamp(resource, resource_id, current, "PUT"))
            outcome.append((resource_type, current is not None and not current.deleted))
        try:
            await self.store.commit(ops)
        except CommitConflict:
            # Another writer touched one of these resources meanwhile: retry them one at a time.
            self.progress(len(batch) - len(ops))
            for key in [(op.type, op.id) for op in ops]:
                await self._flush({key: batch[key]})
            return
        for resource_type, existed in outcome:
            (self.report.updated if existed else self.report.created)[resource_type] += 1
        self.progress(len(batch))

    def _reject(self, where: str, resource: Any, reason: str) -> None:
        entry: dict[str, Any] = {"source": where, "reason": reason}
        if isinstance(resource, dict):
            entry["resourceType"] = resource.get("resourceType")
            entry["id"] = resource.get("id")
        self.report.rejected.append(entry)


async def load_demo_if_empty(services: Any) -> int:
    """Load the demo set when the store holds no Organization yet; returns how many were loaded."""
    from server.search.plan import Query

    if (await services.store.search(Query("Organization", count=1, total="none"))).matches:
        return 0
    from server.demo import demo_resources

    loader = Loader(services)
    await loader._load_stream((f"demo[{i}]", r) for i, r in enumerate(demo_resources()))
    return loader.report.processed
