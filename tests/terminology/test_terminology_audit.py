"""Auditing stored resources for unknown and retired NOS codes."""

from __future__ import annotations

from typing import Any

from terminology.audit import audit
from terminology.service import Terminology
from tests.terminology.nos_urls import G15, J17, R211, R227

UNKNOWN_TRE = "https://mos.esante.gouv.fr/NOS/TRE_R999-Rien/FHIR/TRE-R999-Rien"


def healthcare_service() -> dict[str, Any]:
    return {
        "resourceType": "HealthcareService",
        "id": "hs-1",
        "specialty": [
            {"coding": [{"system": R211, "code": "164"}, {"system": R211, "code": "002"}]},  # 002: retired in 2019
            {"coding": [{"system": J17 + "/", "code": "230"}, {"system": R211, "code": "X42"}]},
        ],
        "extension": [
            {"url": "https://example.org/ext", "valueCoding": {"system": G15, "code": "10"}},
            {"url": "https://example.org/ext", "valueCoding": {"system": G15, "code": "nope"}},
            {"url": "https://example.org/ext", "valueCoding": {"system": UNKNOWN_TRE, "code": "1"}},
            {
                "url": "https://example.org/q",
                "valueQuantity": {"value": 3, "system": UNKNOWN_TRE, "code": "d"},
            },
        ],
        "type": [{"coding": [{"system": "http://snomed.info/sct", "code": "1"}]}],
    }


def test_problems_with_their_locations(nos: Terminology) -> None:
    rows = audit([healthcare_service()], nos)
    found = {(r["path"], r["code"], r["problem"]) for r in rows}
    assert found == {
        ("HealthcareService.specialty[0].coding[1]", "002", "inactive-code"),
        ("HealthcareService.specialty[1].coding[1]", "X42", "unknown-code"),
        ("HealthcareService.extension[1].valueCoding", "nope", "unverified-code"),
        ("HealthcareService.extension[2].valueCoding", "1", "unknown-system"),
    }
    retired = next(r for r in rows if r["code"] == "002")
    assert (retired["resourceType"], retired["id"], retired["system"]) == ("HealthcareService", "hs-1", R211)
    assert "2019-07-05" in retired["message"]


def test_a_retired_code_was_fine_before_its_end_date(nos: Terminology) -> None:
    rows = audit([healthcare_service()], nos, date="2018-01-01")
    assert "002" not in {r["code"] for r in rows}


def test_a_code_retired_by_a_later_release(nos: Terminology, two_releases: Terminology) -> None:
    organization = {
        "resourceType": "Organization",
        "id": "o-1",
        "type": [{"coding": [{"system": R227, "code": "05"}]}],
    }
    assert audit([organization], nos) == []
    [row] = audit([organization], two_releases)
    assert (row["path"], row["problem"]) == ("Organization.type[0].coding[0]", "inactive-code")


def test_clean_resources_give_no_rows(nos: Terminology) -> None:
    clean = {"resourceType": "Location", "id": "l-1", "type": [{"coding": [{"system": R211, "code": "164"}]}]}
    assert audit([clean, {"resourceType": "Basic"}], nos) == []
