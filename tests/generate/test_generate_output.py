"""The generator's contract: files, manifest, determinism, scale behaviour."""

from __future__ import annotations

import hashlib
from pathlib import Path

import orjson
import pytest
from generate_support import Generated

from server.generate import LOAD_ORDER, generate
from server.generate.geography import regions
from server.generate.plan import LEGAL_ENTITIES_AT_SCALE_1, legal_entities_per_region


def _digests(out: Path) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(out.iterdir())}


def test_same_scale_and_seed_give_the_same_bytes(tmp_path: Path) -> None:
    first = generate(0.001, 5, tmp_path / "a")
    second = generate(0.001, 5, tmp_path / "b")
    assert first == second
    assert _digests(tmp_path / "a") == _digests(tmp_path / "b")


def test_another_seed_gives_other_data(tmp_path: Path) -> None:
    generate(0.001, 5, tmp_path / "a")
    generate(0.001, 6, tmp_path / "b")
    assert _digests(tmp_path / "a")["HealthcareService.ndjson"] != _digests(tmp_path / "b")["HealthcareService.ndjson"]


def test_files_manifest_and_counts_agree(generated: Generated) -> None:
    manifest = orjson.loads((generated.out / "manifest.json").read_bytes())
    assert manifest["order"] == list(LOAD_ORDER) == [
        "Organization", "Location", "Practitioner", "HealthcareService", "PractitionerRole"]
    for entry in manifest["files"]:
        assert entry["count"] == generated.counts[entry["type"]] == len(generated.resources[entry["type"]])
        assert all(r["resourceType"] == entry["type"] for r in generated.resources[entry["type"]])
    assert sorted(path.name for path in generated.out.iterdir()) == sorted(
        [f"{t}.ndjson" for t in LOAD_ORDER] + ["manifest.json"])


def test_ids_are_unique_numeric_strings_per_type(generated: Generated) -> None:
    for resource_type in LOAD_ORDER:
        ids = [r["id"] for r in generated.resources[resource_type]]
        assert len(ids) == len(set(ids))
        assert all(i.isdigit() for i in ids)


def test_no_server_managed_meta(generated: Generated) -> None:
    for resource in generated.all():
        assert "versionId" not in resource["meta"] and "lastUpdated" not in resource["meta"]


def test_the_smallest_scale_still_has_every_type(tmp_path: Path) -> None:
    counts = generate(0.0001, 3, tmp_path)
    assert all(counts[resource_type] >= 1 for resource_type in LOAD_ORDER), counts


def test_progress_reports_each_region_with_a_growing_total(tmp_path: Path) -> None:
    calls: list[tuple[str, int]] = []
    counts = generate(0.001, 2, tmp_path, progress=lambda region, written: calls.append((region, written)))
    planned = [region.code for region, _ in legal_entities_per_region(0.001, regions())]
    assert [region for region, _ in calls] == planned
    totals = [written for _, written in calls]
    assert totals == sorted(totals) and totals[-1] == sum(counts.values())


@pytest.mark.parametrize("scale", [0, -1, float("nan"), float("inf")])
def test_scale_must_be_positive(tmp_path: Path, scale: float) -> None:
    with pytest.raises(ValueError, match="scale"):
        generate(scale, 1, tmp_path)


def test_counts_grow_in_proportion_to_scale(tmp_path: Path) -> None:
    small = generate(0.004, 9, tmp_path / "small")
    large = generate(0.016, 9, tmp_path / "large")
    for resource_type in LOAD_ORDER:
        assert 2.5 <= large[resource_type] / small[resource_type] <= 5.5, (resource_type, small, large)


def test_legal_entities_are_shared_by_population() -> None:
    plan = dict((region.code, count) for region, count in legal_entities_per_region(0.05, regions()))
    assert sum(plan.values()) == round(LEGAL_ENTITIES_AT_SCALE_1 * 0.05)
    assert plan["11"] > plan["84"] > plan["53"] > plan["94"] > 0  # Ile-de-France > ARA > Bretagne > Corse
    assert sum(count for _, count in legal_entities_per_region(1e-9, regions())) == 1
