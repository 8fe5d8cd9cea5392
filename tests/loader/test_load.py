"""``ror load``: bulk import of generated NDJSON, idempotent and resumable, with rejects reported."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx
import pytest

from server.cli import main
from server.generate import generate
from server.store.sqlite.store import SqliteStore
from tests.conftest import running_app


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    out = tmp_path_factory.mktemp("gen")
    counts = generate(0.0005, 7, out)
    return out, counts


def load(
    db: Path,
    *paths: Path,
    workers: int = 0,
    rejects: Path | None = None,
    capsys: pytest.CaptureFixture[str] | None = None,
) -> dict:
    rejects = rejects or db.with_suffix(".rejects.ndjson")
    args = ["load", "--db", str(db), "--workers", str(workers), "--rejects", str(rejects), *map(str, paths)]
    main(args)
    assert capsys is not None
    return json.loads(capsys.readouterr().out)


async def stored_counts(db: Path) -> dict[str, int]:
    store = SqliteStore(db)
    await store.open()
    try:
        async with running_app("sqlite", store) as client:
            out = {}
            for resource_type in ("Organization", "Location", "Practitioner", "HealthcareService", "PractitionerRole"):
                response = await client.get(f"/{resource_type}", params={"_summary": "count"})
                out[resource_type] = response.json()["total"]
            return out
    finally:
        await store.close()


def test_load_is_complete_and_idempotent(
    dataset: tuple[Path, dict[str, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, counts = dataset
    db = tmp_path / "load.db"
    first = load(db, out, capsys=capsys)
    assert first["created"] == counts and first["rejected"] == 0
    assert asyncio.run(stored_counts(db)) == counts
    again = load(db, out, capsys=capsys)
    assert again["created"] == {} and again["updated"] == {}
    assert again["unchanged"] == counts


def test_load_resumes_after_an_interruption(
    dataset: tuple[Path, dict[str, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, counts = dataset
    partial = tmp_path / "partial"
    partial.mkdir()
    source = (out / "Organization.ndjson").read_bytes().splitlines(keepends=True)
    half = len(source) // 2
    (partial / "Organization.ndjson").write_bytes(b"".join(source[:half]))
    db = tmp_path / "resume.db"
    load(db, partial, capsys=capsys)
    resumed = load(db, out, capsys=capsys)
    assert resumed["unchanged"]["Organization"] == half
    assert resumed["created"]["Organization"] == counts["Organization"] - half
    assert asyncio.run(stored_counts(db)) == counts


def test_rejects_are_reported_and_the_rest_loaded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = {"resourceType": "Organization", "id": "ok-1", "name": "Centre de santé"}
    lines = [
        json.dumps(good),
        "{broken",
        json.dumps({"resourceType": "Patient", "id": "p"}),
        json.dumps({"resourceType": "Organization", "id": "bad", "name": 12}),
    ]
    source = tmp_path / "mixed.ndjson"
    source.write_text("\n".join(lines) + "\n")
    rejects = tmp_path / "rejects.ndjson"
    report = load(tmp_path / "r.db", source, rejects=rejects, capsys=capsys)
    assert report["created"] == {"Organization": 1}
    assert report["rejected"] == 3
    rows = [json.loads(line) for line in rejects.read_text().splitlines()]
    assert [r["source"].rsplit(":", 1)[1] for r in rows] == ["2", "3", "4"]
    assert "not valid JSON" in rows[0]["reason"]
    assert "Patient" in rows[1]["reason"]
    assert "Organization.name" in rows[2]["reason"]


def test_parallel_preparation_gives_the_same_store(
    dataset: tuple[Path, dict[str, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, counts = dataset
    db = tmp_path / "parallel.db"
    report = load(db, out, workers=1, capsys=capsys)
    assert report["created"] == counts
    assert asyncio.run(stored_counts(db)) == counts


def test_loaded_data_is_searchable(
    dataset: tuple[Path, dict[str, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, _ = dataset
    db = tmp_path / "search.db"
    load(db, out, capsys=capsys)
    asyncio.run(_search_loaded(db))


async def _search_loaded(db: Path) -> None:
    store = SqliteStore(db)
    await store.open()
    try:
        async with running_app("sqlite", store) as client:
            some = (await client.get("/HealthcareService", params={"_count": "1"})).json()["entry"][0]["resource"]
            coding = some["specialty"][0]["coding"][0]
            found = await client.get(
                "/HealthcareService",
                params={
                    "specialty": f"{coding['system']}|{coding['code']}",
                    "_include": "HealthcareService:organization",
                },
            )
            assert found.status_code == 200
            bundle = found.json()
            assert some["id"] in [e["resource"]["id"] for e in bundle["entry"]]
            assert any(e["search"]["mode"] == "include" for e in bundle["entry"])
            assert isinstance(client, httpx.AsyncClient)
    finally:
        await store.close()
