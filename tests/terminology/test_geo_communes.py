"""The commune table: COG -> centroid, and the rows data generation uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from terminology.convert.communes import commune_rows
from terminology.geo import commune, commune_centroid, communes

SHARED_COMMUNES = Path(__file__).resolve().parents[3] / "shared" / "geo" / "communes.csv"


def test_saint_herblain_centroid() -> None:
    assert commune_centroid("44162") == pytest.approx((47.2246, -1.63056))
    assert commune_centroid(" 44162 ") == commune_centroid("44162")


def test_unknown_code_or_missing_coordinates() -> None:
    assert commune_centroid("00000") is None
    assert commune("85165") is not None and commune_centroid("85165") is None  # published without coordinates


def test_plm_communes_are_rebuilt_from_their_arrondissements() -> None:
    paris = commune("75056")
    assert paris is not None and paris.name == "Paris" and len(paris.postal_codes) >= 20
    assert commune("75101") is not None  # arrondissements stay addressable
    lat, lon = commune_centroid("75056") or (0.0, 0.0)
    assert 48.8 < lat < 48.9 and 2.2 < lon < 2.45


def test_rows_for_data_generation() -> None:
    rows = list(communes())
    assert len(rows) > 34_000 and len({r.cog for r in rows}) == len(rows)
    herblain = next(r for r in rows if r.cog == "44162")
    assert (herblain.name, herblain.postal_codes, herblain.dep, herblain.reg) == (
        "Saint-Herblain",
        ("44800",),
        "44",
        "52",
    )
    assert herblain.population > 40_000


@pytest.mark.skipif(not SHARED_COMMUNES.exists(), reason="needs /work/shared/geo")
def test_one_row_per_code_with_every_postal_code() -> None:
    rows = {r.cog: r for r in commune_rows(SHARED_COMMUNES)}
    assert rows["97101"].postal_codes == ("97139", "97142")
    assert rows["01015"].name == "Arboys en Bugey"  # the commune row wins over its delegated communes
