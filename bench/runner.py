"""The benchmark run: discovery, then each class (or the mix) at a fixed concurrency for a fixed time."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from random import Random
from typing import Any

import httpx
import orjson

from bench.call import FHIR_JSON, Call, send
from bench.catalog import select
from bench.discovery import discover
from bench.report import machine_info
from bench.stats import Recorder
from bench.target import check_target
from bench.workload import Prepared

Progress = Callable[[str], None]


class TargetUnavailable(RuntimeError):
    """The server did not answer its CapabilityStatement request."""


@dataclass(frozen=True, slots=True)
class BenchConfig:
    base_url: str
    classes: str = "reads"  # see catalog.select
    concurrency: int = 4
    duration_s: float = 10.0
    warmup_s: float = 2.0
    mix: bool = False  # all classes interleaved in one run instead of one after the other
    seed: int = 1
    discovery_pages: int = 3
    max_requests: int = 100_000  # per measured window
    timeout_s: float = 30.0
    allow_remote: bool = False
    headers: tuple[tuple[str, str], ...] = ()  # extra request headers (e.g. authorisation); values never recorded
    command: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.concurrency < 1 or self.duration_s <= 0 or self.warmup_s < 0 or self.max_requests < 1:
            raise ValueError("concurrency, duration and max-requests must be positive, warmup not negative")

    def recorded(self) -> dict[str, Any]:
        settings = asdict(self)
        settings["headers"] = [name for name, _ in self.headers]
        del settings["command"]  # recorded beside the settings
        return settings


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


async def _server_info(client: httpx.AsyncClient) -> dict[str, Any]:
    try:
        response = await client.get("metadata")
    except httpx.HTTPError as exc:
        raise TargetUnavailable(f"no answer to GET metadata: {type(exc).__name__}: {exc}") from exc
    info: dict[str, Any] = {"metadata_status": response.status_code}
    try:
        capability = orjson.loads(response.content)
    except orjson.JSONDecodeError:
        return info
    if isinstance(capability, dict) and capability.get("resourceType") == "CapabilityStatement":
        software = capability.get("software") or {}
        info |= {
            "software": {"name": software.get("name"), "version": software.get("version")},
            "fhirVersion": capability.get("fhirVersion"),
            "implementation": (capability.get("implementation") or {}).get("description"),
        }
    return info


Pick = Callable[[Random], tuple[str, Call]]


async def _drive(
    client: httpx.AsyncClient,
    pick: Pick,
    recorders: dict[str, Recorder] | None,
    config: BenchConfig,
    seconds: float,
    seed_key: str,
) -> float:
    """Run ``config.concurrency`` workers for ``seconds`` (at most ``max_requests`` requests in all); the
    elapsed time, in-flight requests included."""
    deadline = time.perf_counter() + seconds
    budget = config.max_requests

    async def worker(index: int) -> None:
        nonlocal budget
        rng = Random(f"{config.seed}:{seed_key}:{index}")
        while budget > 0 and time.perf_counter() < deadline:
            budget -= 1
            name, call = pick(rng)
            outcome = await send(client, call)
            if recorders is not None:
                recorders[name].add(call, outcome)

    start = time.perf_counter()
    await asyncio.gather(*(worker(i) for i in range(config.concurrency)))
    return time.perf_counter() - start


async def _measure(
    client: httpx.AsyncClient, prepared: list[Prepared], config: BenchConfig, key: str
) -> tuple[dict[str, Recorder], float, float]:
    """Warm up, then measure ``prepared`` (one class, or the mix); recorders, elapsed and client CPU seconds."""

    def pick(rng: Random) -> tuple[str, Call]:
        chosen = prepared[0] if len(prepared) == 1 else rng.choice(prepared)
        return chosen.workload.name, chosen.next_call(rng)

    if config.warmup_s > 0:
        await _drive(client, pick, None, config, config.warmup_s, f"{key}:warmup")
    recorders = {p.workload.name: Recorder() for p in prepared}
    cpu = time.process_time()
    elapsed = await _drive(client, pick, recorders, config, config.duration_s, key)
    return recorders, elapsed, time.process_time() - cpu


def _client(config: BenchConfig, base_url: str) -> httpx.AsyncClient:
    headers = {"Accept": FHIR_JSON, **dict(config.headers)}
    limits = httpx.Limits(max_connections=config.concurrency, max_keepalive_connections=config.concurrency)
    # trust_env=False: no proxy from the environment may carry the load elsewhere.
    return httpx.AsyncClient(
        base_url=base_url + "/",
        headers=headers,
        limits=limits,
        timeout=config.timeout_s,
        follow_redirects=False,
        trust_env=False,
    )


async def run_benchmark(config: BenchConfig, progress: Progress | None = None) -> dict[str, Any]:
    """Run the benchmark described by ``config`` and return the result document."""
    say = progress or (lambda _: None)
    base_url = check_target(config.base_url, config.allow_remote)
    workloads = select(config.classes)
    started = _now()
    async with _client(config, base_url) as client:
        server = await _server_info(client) | {"base_url": base_url}
        say(f"server: {server.get('software')}; discovering data")
        pool, discovery = await discover(client, base_url, Random(config.seed), config.discovery_pages)
        say(f"discovered {pool.counts()} in {discovery.requests} requests")
        classes: dict[str, dict[str, Any]] = {}
        prepared: list[Prepared] = []
        for workload in workloads:
            bound = workload.prepare(pool)
            entry: dict[str, Any] = {"summary": workload.summary, "writes": workload.writes}
            if bound is None:
                classes[workload.name] = entry | {"status": "skipped", "reason": f"no data: {workload.needs}"}
                continue
            example = bound.next_call(Random(f"{config.seed}:{workload.name}:example")).describe()
            classes[workload.name] = entry | {"status": "ran", "example": example}
            prepared.append(bound)
        mix: dict[str, Any] | None = None
        if config.mix and prepared:
            say(f"mix of {len(prepared)} classes")
            recorders, elapsed, cpu = await _measure(client, prepared, config, "mix")
            for name, recorder in recorders.items():
                classes[name] |= recorder.summary(elapsed)
            mix = Recorder.merged(recorders.values()).summary(elapsed) | {"client_cpu_s": round(cpu, 3)}
        else:
            for bound in prepared:
                name = bound.workload.name
                say(f"class {name}")
                recorders, elapsed, cpu = await _measure(client, [bound], config, name)
                classes[name] |= recorders[name].summary(elapsed) | {"client_cpu_s": round(cpu, 3)}
    result: dict[str, Any] = {
        "harness": {
            "command": list(config.command),
            "config": config.recorded(),
            "started": started,
            "finished": _now(),
        },
        "machine": machine_info(),
        "server": server,
        "discovery": discovery.as_dict(pool),
        "classes": classes,
    }
    if mix is not None:
        result["mix"] = mix
    return result
