"""$lookup, $validate-code, $expand and $subsumes as HL7 R4 defines their input and output."""

from __future__ import annotations

from typing import Any

import pytest

from server.errors import InvalidRequest, NotFound
from terminology import operations as op
from terminology.service import Terminology
from tests.terminology.nos_urls import J17, J20, OLD, R211, R212, X01


def parameters(**values: Any) -> dict[str, Any]:
    """A Parameters resource: str -> valueString, bool -> valueBoolean, int -> valueInteger, dict -> valueCoding."""
    kinds = {str: "valueString", bool: "valueBoolean", int: "valueInteger", dict: "valueCoding"}
    return {
        "resourceType": "Parameters",
        "parameter": [{"name": k, kinds[type(v)]: v} for k, v in values.items()],
    }


def named(result: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return [p for p in result["parameter"] if p["name"] == name]


def value(result: dict[str, Any], name: str) -> Any:
    [param] = named(result, name)
    return next(v for k, v in param.items() if k.startswith("value"))


class TestLookup:
    def test_output_parameters(self, nos: Terminology) -> None:
        result = op.lookup(nos, {"system": R211, "code": "164"})
        assert result["resourceType"] == "Parameters"
        assert value(result, "name") == "TRE_R211_ActiviteOperationnelle"
        assert value(result, "version") == OLD
        assert value(result, "display") == "Traitements médicamenteux systémiques du cancer (chimiothérapie)"
        [designation] = named(result, "designation")
        assert designation["part"] == [
            {"name": "language", "valueCode": "fr-FR"},
            {
                "name": "use",
                "valueCoding": {"system": "http://snomed.info/sct", "code": "900000000000013009"},
            },
            {"name": "value", "valueString": "Traitements médicamenteux systémiques du cancer"},
        ]
        properties = {p["part"][0]["valueCode"]: p["part"][1] for p in named(result, "property")}
        assert properties["status"] == {"name": "value", "valueCode": "active"}
        assert properties["dateValid"] == {"name": "value", "valueDateTime": "2015-05-18T00:00:00+01:00"}
        assert properties["inactive"] == {"name": "value", "valueBoolean": False}
        assert properties["definition"]["valueString"].startswith("Regroupent")

    def test_post_and_get_forms_agree_and_property_filters(self, nos: Terminology) -> None:
        post = op.lookup(nos, parameters(coding={"system": R211, "code": "002"}, property="status"))
        get = op.lookup(nos, {"system": R211, "code": "002", "property": ["status"]})
        assert post == get
        assert [p["part"][0]["valueCode"] for p in named(get, "property")] == ["status"]

    def test_instance_level(self, nos: Terminology) -> None:
        result = op.lookup(nos, {"code": "164"}, resource_id="TRE-R211-ActiviteOperationnelle")
        assert value(result, "display").startswith("Traitements")
        with pytest.raises(NotFound):
            op.lookup(nos, {"code": "164"}, resource_id="TRE-R999-Nothing")

    def test_missing_code_and_unknown_code(self, nos: Terminology) -> None:
        with pytest.raises(InvalidRequest) as err:
            op.lookup(nos, {"system": R211})
        assert err.value.expression == ["code"]
        with pytest.raises(NotFound):
            op.lookup(nos, {"system": R211, "code": "9999"})


class TestValidateCode:
    def test_code_system(self, nos: Terminology) -> None:
        good = op.validate_code_code_system(nos, {"url": R211, "code": "164"})
        assert value(good, "result") is True and value(good, "display").startswith("Traitements")
        assert not named(good, "message")
        bad = op.validate_code_code_system(nos, parameters(url=R211, code="9999"))
        assert value(bad, "result") is False and "9999" in value(bad, "message")

    def test_inactive_code_carries_a_message(self, nos: Terminology) -> None:
        result = op.validate_code_code_system(nos, {"system": R211, "code": "002"})
        assert value(result, "result") is True and "inactive" in value(result, "message")

    def test_value_set_with_coding(self, nos: Terminology) -> None:
        result = op.validate_code_value_set(nos, parameters(url=J17, coding={"system": R211, "code": "164"}))
        assert value(result, "result") is True
        wrong_system = op.validate_code_value_set(nos, parameters(url=J17, coding={"system": R212, "code": "164"}))
        assert value(wrong_system, "result") is False

    def test_codeable_concept_is_valid_when_one_coding_is(self, nos: Terminology) -> None:
        concept = {"coding": [{"system": R211, "code": "9999"}, {"system": R211, "code": "164"}]}
        source = {
            "resourceType": "Parameters",
            "parameter": [
                {"name": "url", "valueUri": J17},
                {"name": "codeableConcept", "valueCodeableConcept": concept},
            ],
        }
        assert value(op.validate_code_value_set(nos, source), "result") is True
        concept["coding"].pop()
        failed = op.validate_code_value_set(nos, source)
        assert value(failed, "result") is False and "9999" in value(failed, "message")

    def test_instance_level_older_version(self, two_releases: Terminology) -> None:
        result = op.validate_code_value_set(
            two_releases, {"code": "05"}, resource_id=f"JDV-J20-ChampActivite-ROR-{OLD}"
        )
        assert value(result, "result") is True
        assert value(op.validate_code_value_set(two_releases, {"url": J20, "code": "05"}), "result") is False

    def test_inline_value_set_is_not_supported(self, nos: Terminology) -> None:
        source = {
            "resourceType": "Parameters",
            "parameter": [{"name": "valueSet", "resource": {}}, {"name": "code", "valueCode": "1"}],
        }
        with pytest.raises(InvalidRequest) as err:
            op.validate_code_value_set(nos, source)
        assert err.value.code == "not-supported"


class TestExpand:
    def test_get_form_with_paging(self, nos: Terminology) -> None:
        result = op.expand(nos, {"url": J17, "count": "2", "offset": "3", "activeOnly": "true"})
        assert result["resourceType"] == "ValueSet"
        assert result["expansion"]["offset"] == 3 and len(result["expansion"]["contains"]) == 2

    def test_post_form(self, nos: Terminology) -> None:
        result = op.expand(nos, parameters(url=J17, filter="psychiatrie périnat", count=5))
        assert [c["code"] for c in result["expansion"]["contains"]] == ["230"]

    @pytest.mark.parametrize(
        "source", [{"url": J17, "count": "many"}, {"url": J17, "activeOnly": "yes"}, {"count": "1"}]
    )
    def test_bad_input_is_a_client_error(self, nos: Terminology, source: dict[str, Any]) -> None:
        with pytest.raises(InvalidRequest):
            op.expand(nos, source)

    def test_malformed_parameters_resource(self, nos: Terminology) -> None:
        with pytest.raises(InvalidRequest):
            op.expand(nos, {"resourceType": "Parameters", "parameter": {"name": "url"}})


class TestSubsumes:
    def test_codes_and_codings(self, two_releases: Terminology) -> None:
        result = op.subsumes(two_releases, {"system": X01, "codeA": "SOINS", "codeB": "CHIR"})
        assert result == {
            "resourceType": "Parameters",
            "parameter": [{"name": "outcome", "valueCode": "subsumes"}],
        }
        codings = parameters(codingA={"system": X01, "code": "CHIR"}, codingB={"system": X01, "code": "MCO"})
        assert value(op.subsumes(two_releases, codings), "outcome") == "subsumed-by"

    def test_codings_from_two_systems_are_rejected(self, two_releases: Terminology) -> None:
        codings = parameters(codingA={"system": X01, "code": "CHIR"}, codingB={"system": R211, "code": "001"})
        with pytest.raises(InvalidRequest):
            op.subsumes(two_releases, codings)


def test_operation_table_names_every_operation() -> None:
    assert set(op.OPERATIONS) == {
        ("CodeSystem", "lookup"),
        ("CodeSystem", "validate-code"),
        ("CodeSystem", "subsumes"),
        ("ValueSet", "validate-code"),
        ("ValueSet", "expand"),
    }
