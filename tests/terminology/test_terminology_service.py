"""The terminology service against the shipped NOS release (and a later test release for versions)."""

from __future__ import annotations

import time

import pytest

from server.errors import InvalidRequest, NotFound, Unprocessable
from terminology.service import Terminology
from tests.terminology.nos_urls import (
    G15,
    J16,
    J17,
    J20,
    J55,
    J186,
    J247,
    NEW,
    OLD,
    R11,
    R20,
    R210,
    R211,
    R212,
    R227,
    R302,
    X01,
    X02,
)


def test_loading_the_release_is_fast() -> None:
    started = time.perf_counter()
    loaded = Terminology.default()
    elapsed = time.perf_counter() - started
    assert len(loaded.code_systems()) == 65 and len(loaded.value_sets()) == 74
    assert elapsed < 1.0, f"loading took {elapsed:.2f}s"


class TestLookup:
    def test_active_concept_with_designation_and_properties(self, nos: Terminology) -> None:
        found = nos.lookup(R211, "164")
        assert found["display"] == "Traitements médicamenteux systémiques du cancer (chimiothérapie)"
        assert found["version"] == OLD and found["name"] == "TRE_R211_ActiviteOperationnelle"
        assert found["designation"][0]["value"] == "Traitements médicamenteux systémiques du cancer"
        assert {"code": "status", "valueCode": "active"} in found["property"]
        assert {"code": "inactive", "valueBoolean": False} in found["property"]
        assert found["definition"].startswith("Regroupent")

    def test_retired_concept_is_inactive_now_but_not_before_its_end(self, nos: Terminology) -> None:
        assert nos.lookup(R211, "002")["inactive"] is True
        assert nos.lookup(R211, "002", date="2018-06-01")["inactive"] is False
        assert nos.lookup(R211, "002", date="2019-07-05")["inactive"] is True

    def test_codes_of_a_case_insensitive_system_match_in_any_case(self, nos: Terminology) -> None:
        assert nos.lookup(R11, "dr")["code"] == "DR"

    def test_value_set_url_as_system_is_normalised(self, nos: Terminology) -> None:
        assert nos.lookup(J17 + "/", "164")["system"] == R211

    def test_code_system_known_only_through_a_value_set(self, nos: Terminology) -> None:
        found = nos.lookup(R210, "0377")  # R210 is a not-present stub; J16 lists the code
        assert found["display"] == "Pose de chambre implantable (CIP) percutanée"
        assert found["property"] == [{"code": "inactive", "valueBoolean": False}]
        assert nos.lookup(G15, "10")["system"] == G15  # no G15 file at all

    @pytest.mark.parametrize(
        ("system", "code"),
        [
            (R211, "9999"),
            ("https://mos.esante.gouv.fr/NOS/TRE_R999-Rien/FHIR/TRE-R999-Rien", "1"),
            (R210, "9999"),
        ],
    )
    def test_unknown_code_or_system_is_not_found(self, nos: Terminology, system: str, code: str) -> None:
        with pytest.raises(NotFound):
            nos.lookup(system, code)

    def test_bad_date_is_a_client_error(self, nos: Terminology) -> None:
        with pytest.raises(InvalidRequest):
            nos.lookup(R211, "164", date="yesterday")


class TestValidateCode:
    def test_code_system(self, nos: Terminology) -> None:
        assert nos.validate_code(system=R211, code="164") == (True, None, nos.lookup(R211, "164")["display"])
        ok, message, _ = nos.validate_code(system=R211, code="9999")
        assert not ok and "9999" in message

    def test_inactive_code_is_valid_with_a_message(self, nos: Terminology) -> None:
        ok, message, display = nos.validate_code(system=R211, code="002")
        assert ok and "inactive" in message and "2019-07-05" in message
        assert display == "Addictologie sans précision"

    def test_display_is_checked_against_display_and_designations(self, nos: Terminology) -> None:
        assert nos.validate_code(system=R211, code="164", display="traitements medicamenteux systemiques du cancer")[0]
        ok, message, display = nos.validate_code(system=R211, code="164", display="Chimio")
        assert not ok and "Chimio" in message and display.startswith("Traitements")

    def test_value_set_membership(self, nos: Terminology) -> None:
        assert nos.validate_code(url=J17, system=R211, code="164")[0]
        assert nos.validate_code(url=J17 + "/", code="164")[0]  # no system: the code is unambiguous
        ok, message, _ = nos.validate_code(url=J17, system=R211, code="002")  # retired, not in J17
        assert not ok and "not in value set" in message

    def test_wrong_system_for_a_value_set_code(self, nos: Terminology) -> None:
        assert not nos.validate_code(url=J17, system=R212, code="164")[0]

    def test_inactive_member_of_a_value_set(self, nos: Terminology) -> None:
        inactive = next(c for c in nos.expand(J186)["expansion"]["contains"] if c.get("inactive"))
        ok, message, _ = nos.validate_code(url=J186, system=inactive["system"], code=inactive["code"])
        assert ok and "inactive" in message

    def test_unknown_value_set_or_system(self, nos: Terminology) -> None:
        with pytest.raises(NotFound):
            nos.validate_code(url="https://example.org/none", code="1")
        with pytest.raises(NotFound):
            nos.validate_code(system="https://example.org/none", code="1")


class TestExpand:
    def test_pages_are_slices_of_one_expansion(self, nos: Terminology) -> None:
        whole = nos.expand(J17)["expansion"]
        assert whole["total"] == len(whole["contains"]) == 537
        first = nos.expand(J17, count=10)["expansion"]
        second = nos.expand(J17, count=10, offset=10)["expansion"]
        assert first["total"] == second["total"] == 537 and second["offset"] == 10
        assert first["contains"] + second["contains"] == whole["contains"][:20]
        empty = nos.expand(J17, count=0)["expansion"]
        assert empty["total"] == 537 and "contains" not in empty

    def test_the_expansion_is_computed_once(self, nos: Terminology) -> None:
        vs = nos.value_set_version(J17)
        nos.expand(J17, count=5)
        assert nos._all_entries(vs) is nos._all_entries(vs)

    def test_value_set_resource_and_contains_shape(self, nos: Terminology) -> None:
        result = nos.expand(J17, count=1)
        assert (result["resourceType"], result["id"], result["url"]) == (
            "ValueSet",
            "JDV-J17-ActiviteOperationnelle-ROR",
            J17,
        )
        assert result["expansion"]["contains"] == [
            {
                "system": R211,
                "version": OLD,
                "code": "001",
                "display": "Addictologie comportementale (sans substance)",
            }
        ]
        assert {"name": "used-codesystem", "valueUri": f"{R211}|{OLD}"} in result["expansion"]["parameter"]

    def test_text_filter_ignores_case_and_accents(self, nos: Terminology) -> None:
        found = nos.expand(J17, filter="PSYCHIATRIE perinat")["expansion"]
        assert [c["display"] for c in found["contains"]] == ["Psychiatrie périnatale"]

    def test_active_only_drops_retired_codes(self, nos: Terminology) -> None:
        everything = nos.expand(J55)["expansion"]
        active = nos.expand(J55, active_only=True)["expansion"]
        retired = [c for c in everything["contains"] if c.get("inactive")]
        assert retired and active["total"] == everything["total"] - len(retired)

    def test_value_set_of_a_retired_status_and_several_systems(self, nos: Terminology) -> None:
        found = nos.expand(J247)
        assert found["status"] == "retired" and found["expansion"]["total"] == 213
        assert {c["system"] for c in found["expansion"]["contains"]} == {R20, R302}

    def test_bad_paging_and_unknown_value_set(self, nos: Terminology) -> None:
        with pytest.raises(InvalidRequest):
            nos.expand(J17, offset=-1)
        with pytest.raises(NotFound):
            nos.expand("https://example.org/none")


class TestHierarchy:
    def test_subsumption(self, two_releases: Terminology) -> None:
        assert two_releases.subsumes(X01, "MCO", "MCO") == "equivalent"
        assert two_releases.subsumes(X01, "SOINS", "GER") == "subsumes"
        assert two_releases.subsumes(X01, "GER", "MCO") == "subsumed-by"
        assert two_releases.subsumes(X01, "PSY", "CHIR") == "not-subsumed"
        assert two_releases.subsumes(R211, "001", "002") == "not-subsumed"  # NOS TREs are flat

    def test_subsumption_needs_known_codes(self, two_releases: Terminology) -> None:
        with pytest.raises(InvalidRequest):
            two_releases.subsumes(X01, "MCO", "NOPE")
        with pytest.raises(NotFound):
            two_releases.subsumes(R210, "0001", "0002")  # content not loaded

    def test_below_and_above(self, two_releases: Terminology) -> None:
        assert two_releases.below(X01, "MCO") == {"MCO", "CHIR", "MED", "GER"}
        assert two_releases.above(X01, "GER") == {"GER", "MED", "MCO", "SOINS"}
        assert two_releases.below(R211, "001") == {"001"}
        assert two_releases.below(X01, "UNKNOWN") == {"UNKNOWN"}

    def test_value_set_of_a_whole_hierarchical_system(self, two_releases: Terminology) -> None:
        codes = [c["code"] for c in two_releases.expand(X02)["expansion"]["contains"]]
        assert codes == ["SOINS", "MCO", "CHIR", "MED", "GER", "PSY"]  # SOCIAL excluded

    def test_value_set_of_a_system_without_content_cannot_be_expanded(self) -> None:
        fresh = Terminology.default()
        fresh.add(
            [
                {
                    "resourceType": "ValueSet",
                    "url": "https://example.org/all-r210",
                    "status": "active",
                    "compose": {"include": [{"system": R210}]},
                }
            ]
        )
        with pytest.raises(Unprocessable):
            fresh.expand("https://example.org/all-r210")


class TestSystems:
    def test_value_set_urls_normalise_to_their_code_system(self, nos: Terminology) -> None:
        assert nos.normalize_system(J17) == nos.normalize_system(J17 + "/") == R211
        assert nos.normalize_system(R211 + "/") == R211
        assert nos.normalize_system("http://snomed.info/sct") == "http://snomed.info/sct"

    def test_value_set_with_several_systems_uses_the_code(self, nos: Terminology) -> None:
        assert nos.normalize_system(J247, "99100") == R20
        [(_, r302_code)] = [(s, c) for s, c in nos.codes_in(J247) if s == R302]
        assert nos.normalize_system(J247, r302_code) == R302

    def test_codes_in_value_set(self, nos: Terminology) -> None:
        assert nos.codes_in(J20) == {(R227, c) for c in ("01", "02", "03", "04", "05", "06")}
        assert len(nos.codes_in(J16)) == 1264
        with pytest.raises(InvalidRequest):
            nos.codes_in("https://example.org/none")

    def test_oids(self, nos: Terminology) -> None:
        assert nos.oid_for_system(R211) == "1.2.250.1.213.3.3.12"
        assert nos.oid_for_system(J55) == "1.2.250.1.213.3.3.65"
        assert nos.system_for_oid("urn:oid:1.2.250.1.213.3.3.12") == R211
        assert nos.system_for_oid("1.2.250.1.213.2.23").endswith("TRE-R13-CommuneOM")
        assert nos.system_for_oid("1.2.3") is None


class TestSearch:
    def test_search_by_name_status_and_content(self, nos: Terminology) -> None:
        assert [r["url"] for r in nos.search_resources("CodeSystem", name="tre_r211")] == [R211]
        retired = nos.search_resources("ValueSet", status="retired")
        assert J247 in [r["url"] for r in retired] and {r["status"] for r in retired} == {"retired"}
        stubs = {r["url"].rsplit("-", 1)[-1] for r in nos.search_resources("CodeSystem", content="not-present")}
        assert stubs == {"CommuneOM", "ActeSpecifique"}
        assert nos.search_resources("ValueSet", url=J17 + "/")[0]["id"] == "JDV-J17-ActiviteOperationnelle-ROR"
        with pytest.raises(InvalidRequest):
            nos.search_resources("Patient")


class TestReleases:
    def test_newest_version_by_default(self, two_releases: Terminology) -> None:
        assert two_releases.lookup(R227, "07")["version"] == NEW
        assert two_releases.lookup(R227, "05")["inactive"] is True
        assert [c["code"] for c in two_releases.expand(J20)["expansion"]["contains"]] == [
            "01",
            "02",
            "03",
            "04",
            "06",
            "07",
        ]

    def test_older_version_on_request(self, two_releases: Terminology) -> None:
        assert two_releases.lookup(R227, "05", version=OLD)["inactive"] is False
        with pytest.raises(NotFound):
            two_releases.lookup(R227, "07", version=OLD)
        older = two_releases.expand(J20, version=OLD)
        assert "05" in {c["code"] for c in older["expansion"]["contains"]}
        assert older["version"] == OLD and older["id"] == f"JDV-J20-ChampActivite-ROR-{OLD}"
        assert two_releases.validate_code(url=J20, version=OLD, code="05")[0]
        assert not two_releases.validate_code(url=J20, code="05")[0]

    def test_both_versions_are_served_with_distinct_ids(self, two_releases: Terminology) -> None:
        served = two_releases.search_resources("CodeSystem", url=R227)
        assert {(r["id"], r["version"]) for r in served} == {
            ("TRE-R227-ChampActivite", NEW),
            (f"TRE-R227-ChampActivite-{OLD}", OLD),
        }
        assert two_releases.resolve_id("CodeSystem", f"TRE-R227-ChampActivite-{OLD}") == (R227, OLD)
        assert two_releases.search_resources("CodeSystem", url=R227, version=OLD)[0]["version"] == OLD

    def test_unknown_version(self, two_releases: Terminology) -> None:
        with pytest.raises(NotFound):
            two_releases.lookup(R227, "01", version="19990101")
