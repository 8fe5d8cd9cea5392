"""The benchmark harness against the real application served over HTTP.

uvicorn serves ``server.app`` on a free loopback port from a background thread, on a temporary SQLite
database; the demo data set is loaded with HTTP PUTs. The harness then runs as a user would run it.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from random import Random
from typing import Any

import httpx
import pytest
import uvicorn

from bench.__main__ import main
from bench.call import send
from bench.catalog import WORKLOADS
from bench.discovery import discover
from bench.fhir import SUPPORTED_CAPACITY_URL
from bench.pool import Indicator
from bench.target import TargetRefused, check_target, rebase
from bench.writes import WRITES
from server.app import create_app
from server.config import Settings
from server.demo import demo_resources

CAPACITY_UPDATE = next(w for w in WRITES if w.name == "capacity-update")


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """The application on a free loopback port, in a background thread; yields its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(Settings(db=str(db))), log_level="warning", ws="none", lifespan="on")
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(tmp_path_factory.mktemp("demo") / "demo.db") as base_url:
        with httpx.Client(base_url=base_url, headers={"Content-Type": "application/fhir+json"}) as client:
            for resource in demo_resources():
                response = client.put(f"/{resource['resourceType']}/{resource['id']}", json=resource)
                assert response.status_code in (200, 201), response.text
        yield base_url


@pytest.fixture(scope="module")
def empty_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(tmp_path_factory.mktemp("empty") / "empty.db") as base_url:
        yield base_url


def run_cli(tmp_path: Path, *args: str) -> dict[str, Any]:
    out = tmp_path / "result.json"
    assert main([*args, "--out", str(out)]) == 0
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return result


def test_every_class_runs_on_the_demo_data_without_error(demo_server: str, tmp_path: Path) -> None:
    settings = ["--classes", "all", "--concurrency", "2", "--duration", "0.6", "--warmup", "0"]
    result = run_cli(tmp_path, "--base-url", demo_server, *settings)
    classes = result["classes"]
    assert list(classes) == list(WORKLOADS)
    for name, record in classes.items():
        assert record["status"] == "ran", (name, record.get("reason"))
        assert record["count"] > 0, name
        assert record["errors"] == 0, (name, record["error_samples"])
        assert set(record["latency_ms"]) >= {"p50", "p95", "p99", "max"}
        assert 0 < record["latency_ms"]["p50"] <= record["latency_ms"]["p95"] <= record["latency_ms"]["p99"]
    # the signature query (spec §4.2) found free beds: the generator combines values that exist together
    assert classes["free-bed"]["results"]["nonempty_ratio"] > 0
    assert classes["specialty"]["results"]["avg_total"] >= 1
    assert result["server"]["metadata_status"] == 200
    assert result["machine"]["cpu_count"] >= 1
    assert result["harness"]["command"][:3] == ["python", "-m", "bench"]


def test_mix_interleaves_the_classes(demo_server: str, tmp_path: Path) -> None:
    result = run_cli(
        tmp_path,
        "--base-url",
        demo_server,
        "--classes",
        "read,specialty,free-bed",
        "--mix",
        "--duration",
        "1",
        "--warmup",
        "0",
    )
    counts = [record["count"] for record in result["classes"].values()]
    assert all(n > 0 for n in counts)
    assert result["mix"]["count"] == sum(counts)
    assert result["mix"]["errors"] == 0


def test_a_class_without_data_is_skipped_and_sends_nothing(empty_server: str, tmp_path: Path) -> None:
    result = run_cli(tmp_path, "--base-url", empty_server, "--classes", "all", "--duration", "1", "--warmup", "0")
    assert result["discovery"]["resources"] == {}
    for name, record in result["classes"].items():
        assert record["status"] == "skipped", name
        assert record["reason"].startswith("no data: ")
        assert "count" not in record


async def test_capacity_update_adds_the_indicator_the_server_lacks(demo_server: str) -> None:
    """The ANS client algorithm: replace first; on 404 not-found for the indicator, add."""
    async with httpx.AsyncClient(base_url=demo_server + "/") as client:
        pool, _ = await discover(client, demo_server, Random(1), 1)
        prepared = CAPACITY_UPDATE.prepare(pool)
        assert prepared is not None
        identifier, known = prepared.candidates[0]
        # the same indicator, as a 7-day forecast: a tuple the Location does not have yet
        forecast = [(n, v[:-2] + "05" if n == "temporalityCapacity" else v) for n, v in known.codes]
        subs = [
            {**s, "valueCodeableConcept": {"coding": [{**s["valueCodeableConcept"]["coding"][0], "code": "05"}]}}
            if s["url"] == "temporalityCapacity"
            else s
            for s in known.extension["extension"]
        ]
        missing = Indicator(tuple(forecast), 4, {**known.extension, "extension": subs})
        first = await send(client, CAPACITY_UPDATE.draw((identifier, missing), pool, Random(2)))
        second = await send(client, CAPACITY_UPDATE.draw((identifier, missing), pool, Random(3)))
        assert (first.status, first.fell_back) == (200, True), first.error
        assert (second.status, second.fell_back) == (200, False), second.error
        located = (await client.get("Location", params={"identifier": identifier})).json()
        indicators = [e for e in located["entry"][0]["resource"]["extension"] if e["url"] == SUPPORTED_CAPACITY_URL]
        temporalities = [
            s["valueCodeableConcept"]["coding"][0]["code"]
            for e in indicators
            for s in e["extension"]
            if s["url"] == "temporalityCapacity"
        ]
        assert "05" in temporalities


def test_only_loopback_targets_are_accepted_by_default(tmp_path: Path) -> None:
    assert check_target("http://127.0.0.1:8080/fhir/", allow_remote=False) == "http://127.0.0.1:8080/fhir"
    assert check_target("http://[::1]:8080", allow_remote=False) == "http://[::1]:8080"
    with pytest.raises(TargetRefused):
        check_target("http://192.0.2.10:8080", allow_remote=False)
    assert check_target("http://192.0.2.10:8080", allow_remote=True) == "http://192.0.2.10:8080"
    with pytest.raises(TargetRefused):
        check_target("ftp://127.0.0.1/", allow_remote=False)
    assert main(["--base-url", "http://192.0.2.10:8080", "--out", str(tmp_path / "r.json")]) == 2
    assert not (tmp_path / "r.json").exists()


def test_next_links_are_followed_on_the_given_host_only() -> None:
    link = "http://proxy.example:9000/fhir/HealthcareService?_cursor=abc"
    assert rebase(link, "http://127.0.0.1:8080/fhir") == "http://127.0.0.1:8080/fhir/HealthcareService?_cursor=abc"
