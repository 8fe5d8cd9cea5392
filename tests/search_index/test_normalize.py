"""The shared normaliser: folding, date precision ranges, references and token query forms."""

from __future__ import annotations

import math
from datetime import UTC, datetime

import pytest

from server.search.normalize import date_range, fold, parse_reference, period_range, split_list, split_token


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> float:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC).timestamp()


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Chirurgie GYNÉCOLOGIQUE", "chirurgie gynecologique"),
        ("  Centre   Hospitalier\tde\nNantes ", "centre hospitalier de nantes"),
        ("Cœur ÆTHER", "coeur aether"),
        ("Straße", "strasse"),
        ("ﬁchier", "fichier"),  # NFKD compatibility ligature
        ("Île-de-France", "ile-de-france"),
        ("a\u00a0b", "a b"),  # no-break space is whitespace
        ("", ""),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_is_idempotent() -> None:
    once = fold("Établissement « Cœur » — Saint-Étienne")
    assert fold(once) == once


@pytest.mark.parametrize(
    ("value", "low", "high"),
    [
        ("2024", utc(2024, 1, 1), utc(2025, 1, 1)),
        ("0001", utc(1, 1, 1), utc(2, 1, 1)),
        ("9999", utc(9999, 1, 1), utc(9999, 12, 31) + 86400),
        ("2024-02", utc(2024, 2, 1), utc(2024, 3, 1)),
        ("2024-12", utc(2024, 12, 1), utc(2025, 1, 1)),
        ("2024-02-29", utc(2024, 2, 29), utc(2024, 3, 1)),
        ("2022-11-06T15:00", utc(2022, 11, 6, 15), utc(2022, 11, 6, 15) + 60),
        ("2022-11-06T15:00:30", utc(2022, 11, 6, 15, 0, 30), utc(2022, 11, 6, 15, 0, 31)),
        ("2022-11-06T15:00:30Z", utc(2022, 11, 6, 15, 0, 30), utc(2022, 11, 6, 15, 0, 31)),
        ("2022-11-06T15:00+01:00", utc(2022, 11, 6, 14), utc(2022, 11, 6, 14) + 60),
        ("2022-11-06T15:00:00-05:30", utc(2022, 11, 6, 20, 30), utc(2022, 11, 6, 20, 30, 1)),
        ("2025-04-08T13:05:27.000+00:00", utc(2025, 4, 8, 13, 5, 27), utc(2025, 4, 8, 13, 5, 27) + 0.001),
        ("2025-04-08T13:05:27.5Z", utc(2025, 4, 8, 13, 5, 27) + 0.5, utc(2025, 4, 8, 13, 5, 28)),
        ("9999-12", utc(9999, 12, 1), utc(9999, 12, 31) + 86400),
    ],
)
def test_date_range_follows_precision(value: str, low: float, high: float) -> None:
    assert date_range(value) == pytest.approx((low, high))


def test_date_range_offsets_name_the_same_instant() -> None:
    assert date_range("2024-03-01T10:00:00+02:00") == date_range("2024-03-01T08:00:00Z")
    assert date_range("2024-03-01T08:00:00") == date_range("2024-03-01T08:00:00Z")


@pytest.mark.parametrize(
    "value",
    [
        "", "24", "2024-1", "2024-13", "2024-00", "2023-02-29", "2024-04-31", "0000", "2024-01-01T25:00",
        "2024-01-01T10", "2024-01-01T10:60", "2024-01-01T10:00:61", "2024-01-01T10:00+1",
        "2024-01-01T10:00+15:00", "2024-01-01Z", "2024-01-01 10:00", "tomorrow", "2024-01-01T10:00:00.Z", "٢٠٢٤",
    ],
)
def test_date_range_rejects_malformed_values(value: str) -> None:
    with pytest.raises(ValueError):
        date_range(value)


def test_period_range_open_ends() -> None:
    assert period_range("2024-01", None) == (utc(2024, 1, 1), math.inf)
    assert period_range(None, "2024-01-15") == (-math.inf, utc(2024, 1, 16))
    assert period_range("2024", "2024-06") == (utc(2024, 1, 1), utc(2024, 7, 1))
    assert period_range(None, None) == (-math.inf, math.inf)


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("Organization/999999", ("Organization", "999999")),
        ("Location/ror-location-exemple/_history/3", ("Location", "ror-location-exemple")),
        ("https://ror.example/fhir/Organization/12", ("Organization", "12")),
        ("http://host/ws-diffusion-fhir/Location/5/_history/1", ("Location", "5")),
        ("https://interop.esante.gouv.fr/ig/fhir/ror/Questionnaire/MS-141|1", ("Questionnaire", "MS-141")),
        ("#contained-1", (None, None)),
        ("urn:uuid:6f1c9c3e-0000-4000-8000-000000000000", (None, None)),
        ("Organization?identifier=123", (None, None)),
        ("Organization", (None, None)),
        ("organization/12", (None, None)),
        ("Organization/has space", (None, None)),
        ("", (None, None)),
    ],
)
def test_parse_reference(ref: str, expected: tuple[str | None, str | None]) -> None:
    assert parse_reference(ref) == expected


def test_parse_reference_with_base_urls_keeps_only_local_absolute_references() -> None:
    bases = ["https://ror.example/fhir/", "https://other.example/ws-diffusion-fhir"]
    assert parse_reference("https://ror.example/fhir/Location/7", bases) == ("Location", "7")
    assert parse_reference("https://other.example/ws-diffusion-fhir/Location/7", bases) == ("Location", "7")
    assert parse_reference("https://elsewhere.example/fhir/Location/7", bases) == (None, None)
    assert parse_reference("Location/7", bases) == ("Location", "7")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("022", (None, "022")),
        ("https://mos.esante.gouv.fr/NOS/TRE_R211|022", ("https://mos.esante.gouv.fr/NOS/TRE_R211", "022")),
        ("|022", ("", "022")),
        ("http://sirene.fr|", ("http://sirene.fr", None)),
        ("|", ("", None)),
        ("", (None, None)),
        ("52/192675", (None, "52/192675")),
        ("a\\|b", (None, "a|b")),
        ("sys|a\\|b", ("sys", "a|b")),
        ("s\\|y|c", ("s|y", "c")),
        ("sys|a|b", ("sys", "a|b")),
        ("x\\,y\\$z\\\\w", (None, "x,y$z\\w")),
        ("keep\\q", (None, "keep\\q")),
    ],
)
def test_split_token(value: str, expected: tuple[str | None, str | None]) -> None:
    assert split_token(value) == expected


def test_split_list_honours_escaped_commas() -> None:
    assert split_list("140,141") == ["140", "141"]
    assert split_list("a\\,b,c") == ["a\\,b", "c"]
    assert [split_token(v) for v in split_list("s|a\\,b,|c")] == [("s", "a,b"), ("", "c")]
    assert split_list("") == [""]
