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

import asyncio
import hashlib
import multiprocessing
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from server.core.interactions import SERVED_TYPES, Writer
from server.core.request import FhirRequest
from server.errors import FhirError
from server.model import StoredResource, WriteOp
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
    warnings: list[dict[str, Any]] = field(default_factory=list)
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
            "warnings": len(self.warnings),
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


@dataclass(frozen=True, slots=True)
class Rejected:
    where: str
    resource: Any
    reason: str


@dataclass(frozen=True, slots=True)
class Accepted:
    """A resource ready to store, with what the checks had to say about it."""

    op: WriteOp
    where: str
    warnings: tuple[str, ...] = ()


Prepared = Accepted | Rejected


def _batches(items: Iterator[tuple[str, Any]], size: int) -> Iterator[list[tuple[str, Any]]]:
    batch: list[tuple[str, Any]] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def prepare_batch(writer: Writer, batch: list[tuple[str, Any]]) -> list[Prepared]:
    """Parse, validate, check codes and index each item, as version 1 (the committer re-versions existing ones)."""
    out: list[Prepared] = []
    for where, item in batch:
        if isinstance(item, bytes):
            try:
                item = orjson.loads(item)
            except orjson.JSONDecodeError as exc:
                out.append(Rejected(where, None, f"not valid JSON: {exc}"))
                continue
        if not isinstance(item, dict) or item.get("resourceType") not in SERVED_TYPES:
            kind = item.get("resourceType") if isinstance(item, dict) else type(item).__name__
            out.append(Rejected(where, item, f"'{kind}' is not a resource type this server stores"))
            continue
        resource_id = item.get("id") or _content_id(item)
        try:
            warnings = writer.check(item)
        except FhirError as exc:
            out.append(Rejected(where, item, exc.diagnostics))
            continue
        notes = tuple(w["diagnostics"] for w in warnings)
        out.append(Accepted(writer.stamp(item, resource_id, None, "PUT"), where, notes))
    return out


_worker_writer: Writer | None = None


def _init_worker(releases: str) -> None:
    """Each worker process builds its own writer (registry, terminology) once."""
    global _worker_writer
    from server.core.terminology import CodeGate, load_terminology, release_dirs
    from server.search.extract import Extractor
    from server.search.registry import load_registry

    _worker_writer = Writer(Extractor(load_registry()), CodeGate(load_terminology(release_dirs(Path(releases)))))


def prepare_in_worker(batch: list[tuple[str, Any]]) -> list[Prepared]:
    assert _worker_writer is not None, "the worker was not initialised"
    return prepare_batch(_worker_writer, batch)


class Loader:
    """Loads files through the services' store. ``workers`` > 0 prepares batches in that many processes
    (parse, validation, code checks and index extraction run in parallel with the store's writes)."""

    def __init__(self, services: Any, progress: Callable[[int], None] | None = None, workers: int = 0) -> None:
        self.services = services
        self.store = services.store
        self.writer = services.router.interactions.writer
        self.progress = progress or (lambda _: None)
        self.report = LoadReport()
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None
        if workers > 0:
            self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_init_worker,
                                            initargs=(services.settings.terminology_releases,))

    async def load(self, files: list[Path]) -> LoadReport:
        started = time.perf_counter()
        try:
            for path in files:
                await self.load_file(path)
        finally:
            if self.pool is not None:
                self.pool.shutdown(cancel_futures=True)
        self.report.seconds = time.perf_counter() - started
        return self.report

    async def load_resources(self, resources: list[dict[str, Any]], source: str) -> LoadReport:
        """Load resources built in memory (a legacy import), with the same batching and idempotence."""
        started = time.perf_counter()
        await self._load_stream((f"{source}[{i}]", r) for i, r in enumerate(resources))
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
        """(where, raw line) of every non-empty line: parsing is part of the (parallel) preparation."""
        with path.open("rb") as f:
            for number, line in enumerate(f, start=1):
                if line.strip():
                    yield f"{path}:{number}", line

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
        batches = _batches(items, BATCH_SIZE)
        if self.pool is None:
            for batch in batches:
                await self._commit(prepare_batch(self.writer, batch))
            return
        loop = asyncio.get_running_loop()
        pending: deque[asyncio.Future[list[Prepared]]] = deque()
        for batch in batches:
            pending.append(loop.run_in_executor(self.pool, prepare_in_worker, batch))
            if len(pending) > 2 * self.workers:
                await self._commit(await pending.popleft())
        while pending:
            await self._commit(await pending.popleft())

    async def _commit(self, prepared: list[Prepared]) -> None:
        """Store a prepared batch: skip what is stored already, version what exists, create the rest."""
        ops: dict[tuple[str, str], WriteOp] = {}
        for item in prepared:
            if isinstance(item, Rejected):
                self._reject(item.where, item.resource, item.reason)
                continue
            ops[(item.op.type, item.op.id)] = item.op
            self.report.warnings.extend({"source": item.where, "severity": "warning", "reason": note,
                                         "resourceType": item.op.type, "id": item.op.id} for note in item.warnings)
        existing = {(r.type, r.id): r for r in await self.store.read_many(list(ops))}
        final = [o for key, op in ops.items() if (o := self._next_version(op, existing.get(key))) is not None]
        try:
            await self.store.commit(final)
        except CommitConflict:
            # Another writer touched one of these resources meanwhile: retry them one at a time.
            for op in final:
                await self._commit_one(op)
        else:
            for op in final:
                self._count_written(op)
        self.progress(len(prepared))

    async def _commit_one(self, op: WriteOp) -> None:
        retry = self._next_version(op, await self.store.read(op.type, op.id))
        if retry is None:
            return
        try:
            await self.store.commit([retry])
        except CommitConflict as exc:
            self._reject(op.id, orjson.loads(op.body), f"changed by another writer during the load: {exc}")
            return
        self._count_written(retry)

    def _next_version(self, op: WriteOp, current: StoredResource | None) -> WriteOp | None:
        """``op`` re-versioned over what is stored, or None (counted as unchanged) when the content is the same."""
        if current is None:
            return op
        resource = orjson.loads(op.body)
        if not current.deleted and _without_meta(orjson.loads(current.body)) == _without_meta(resource):
            self.report.unchanged[op.type] += 1
            return None
        return self.writer.stamp(resource, op.id, current, "PUT", index=op.index)

    def _count_written(self, op: WriteOp) -> None:
        (self.report.updated if op.version > 1 else self.report.created)[op.type] += 1

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

    report = await Loader(services).load_resources(demo_resources(), "demo")
    return report.processed
