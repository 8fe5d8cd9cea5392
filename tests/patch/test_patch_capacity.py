"""The ROR "PATCH capacitaire" on Location supported-capacity indicators (spec §4.3).

The request bodies and the expected OperationOutcome payloads are the ANS examples.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from server.core.patch import apply_patch
from server.core.patch.capacity import location_not_found, location_not_unique
from server.core.patch.capacity_indicator import SUPPORTED_CAPACITY_URL, identity_codes
from server.errors import FhirError, InvalidRequest, NotFound

INDICATORS = f"Location.extension.where(url='{SUPPORTED_CAPACITY_URL}')"


def fails(error: type[FhirError], resource: dict[str, Any], body: dict[str, Any]) -> FhirError:
    with pytest.raises(error) as caught:
        apply_patch(resource, body)
    return caught.value


def indicators(location: dict[str, Any]) -> list[dict[str, Any]]:
    return [ext for ext in location.get("extension", []) if ext["url"] == SUPPORTED_CAPACITY_URL]


def sub(indicator: dict[str, Any], name: str) -> dict[str, Any]:
    return next(ext for ext in indicator["extension"] if ext["url"] == name)


def indicator_in(body: dict[str, Any]) -> dict[str, Any]:
    """The indicator carried by an example body (``value.part[0].extension[0]``)."""
    return body["parameter"][0]["part"][2]["part"][0]["extension"][0]


def with_indicator(body: dict[str, Any], change) -> dict[str, Any]:
    """A copy of ``body`` whose indicator went through ``change`` (which mutates it)."""
    body = copy.deepcopy(body)
    change(indicator_in(body))
    return body


def set_code(name: str, code: str | None):
    """A change setting sub-extension ``name`` to ``code`` (None removes it)."""

    def change(indicator: dict[str, Any]) -> None:
        indicator["extension"] = [ext for ext in indicator["extension"] if ext["url"] != name]
        if code is not None:
            indicator["extension"].append({"url": name, "valueCodeableConcept": {"coding": [{"code": code}]}})

    return change


@pytest.fixture
def location(example) -> dict[str, Any]:
    return example("Location-ror-location-exemple")


@pytest.fixture
def located(location, example) -> dict[str, Any]:
    """The example Location after the example ``add``: one indicator (place, available, 25)."""
    return apply_patch(location, example("Parameters-patch-capacity-add"))


def outcome_file(example, name: str) -> dict[str, Any]:
    return example(f"OperationOutcome-patch-capacity-{name}")


# --- the add -> replace -> delete round trip --------------------------------------------------------


def test_add_replace_delete_round_trip(location, example) -> None:
    original = copy.deepcopy(location)

    added = apply_patch(location, example("Parameters-patch-capacity-add"))
    assert len(indicators(added)) == 1
    assert sub(indicators(added)[0], "nbCapacity") == {"url": "nbCapacity", "valueInteger": 25}
    assert added["extension"][:2] == original["extension"]

    replaced = apply_patch(added, example("Parameters-patch-capacity-replace"))
    assert len(indicators(replaced)) == 1
    assert sub(indicators(replaced)[0], "nbCapacity")["valueInteger"] == 12

    deleted = apply_patch(replaced, example("Parameters-patch-capacity-delete"))
    assert deleted == original
    assert location == original


def test_replace_targets_only_the_indicator_its_criteria_select(located, example) -> None:
    occupied = with_indicator(example("Parameters-patch-capacity-add"), set_code("capacityStatus", "03"))
    two = apply_patch(located, occupied)

    replaced = apply_patch(two, example("Parameters-patch-capacity-replace"))

    by_status = {
        identity_codes(i)["capacityStatus"]: sub(i, "nbCapacity")["valueInteger"] for i in indicators(replaced)
    }
    assert by_status == {"02": 12, "03": 25}


def test_standard_shape_add_is_accepted(location, example, parameters) -> None:
    indicator = indicator_in(example("Parameters-patch-capacity-add"))
    body = parameters(
        [
            ("type", "valueCode", "add"),
            ("path", "valueString", "Location"),
            ("name", "valueString", "extension"),
            ("value", "valueExtension", indicator),
        ]
    )
    assert indicators(apply_patch(location, body)) == [indicator]


def test_value_codes_are_normalised_to_codeable_concepts_with_the_tre_system(location, example) -> None:
    def to_value_code(indicator: dict[str, Any]) -> None:
        for ext in indicator["extension"]:
            if "valueCodeableConcept" in ext:
                ext["valueCode"] = ext.pop("valueCodeableConcept")["coding"][0]["code"]

    patched = apply_patch(location, with_indicator(example("Parameters-patch-capacity-add"), to_value_code))

    assert sub(indicators(patched)[0], "capacityStatus")["valueCodeableConcept"] == {
        "coding": [
            {
                "system": "https://mos.esante.gouv.fr/NOS/TRE_R330-TypeStatutCapacite/FHIR/TRE-R330-TypeStatutCapacite",
                "code": "02",
                "display": "Disponible",
            }
        ]
    }
    assert sub(indicators(patched)[0], "temporaryAssignement")["valueCodeableConcept"]["coding"][0]["system"] == (
        "https://mos.esante.gouv.fr/NOS/TRE_R337-AffectationTemporaire/FHIR/TRE-R337-AffectationTemporaire"
    )


def test_deep_replace_of_the_count_of_one_indicator(located, parameters) -> None:
    path = (
        f"{INDICATORS}.where(extension.where(url = 'capacityStatus' and valueCodeableConcept.coding.code = '02'))"
        ".extension.where(url = 'nbCapacity')"
    )
    body = parameters([("type", "valueCode", "replace"), ("path", "valueString", path), ("value", "value", 3)])
    assert sub(indicators(apply_patch(located, body))[0], "nbCapacity") == {"url": "nbCapacity", "valueInteger": 3}


def test_non_capacity_operations_on_a_location_are_plain(located, parameters) -> None:
    body = parameters(
        [
            ("type", "valueCode", "replace"),
            ("path", "valueString", "Location.address.city"),
            ("value", "valueString", "Le Chesnay"),
        ]
    )
    patched = apply_patch(located, body)
    assert patched["address"]["city"] == "Le Chesnay"
    assert indicators(patched) == indicators(located)


# --- 404: no indicator matches (the signal to retry with add) ------------------------------------


@pytest.mark.parametrize("body_name", ["Parameters-patch-capacity-replace", "Parameters-patch-capacity-delete"])
def test_replace_or_delete_of_a_missing_indicator_is_the_national_404(location, example, body_name) -> None:
    error = fails(NotFound, location, example(body_name))
    assert error.status == 404
    assert error.outcome() == outcome_file(example, "indicator-not-found")


def test_the_404_also_applies_when_other_indicators_exist(located, example) -> None:
    body = with_indicator(example("Parameters-patch-capacity-replace"), set_code("capacityStatus", "03"))
    body["parameter"][0]["part"][1]["valueString"] = body["parameter"][0]["part"][1]["valueString"].replace(
        "coding.code = '02'", "coding.code = '03'"
    )
    assert fails(NotFound, located, body).outcome() == outcome_file(example, "indicator-not-found")


# --- 400 business rules ------------------------------------------------------------------------


def test_replace_changing_an_identity_attribute_is_the_national_400(located, example) -> None:
    body = with_indicator(example("Parameters-patch-capacity-replace"), set_code("capacityType", "01"))

    error = fails(InvalidRequest, located, body)

    assert (error.status, error.code) == (400, "business-rule")
    assert error.outcome()["issue"] == [outcome_file(example, "business-rule")["issue"][0]]


@pytest.mark.parametrize(
    ("attribute", "code", "me_name"),
    [
        ("temporalityCapacity", "02", "temporaliteCapacite"),
        ("genderCapacityAvailable", "01", "genreCapaciteDispo"),
        ("temporaryAssignement", "02", "affectationTemporaire"),
    ],
)
def test_identity_mismatch_names_the_me_attribute(located, example, attribute, code, me_name) -> None:
    body = with_indicator(example("Parameters-patch-capacity-replace"), set_code(attribute, code))
    issue = fails(InvalidRequest, located, body).issue()
    assert issue["diagnostics"] == (
        f"Indicateur INDICATEUR_INCONNU : L'attribut '{me_name}' a un code différent de celui attendu"
    )
    assert issue["expression"] == [f"Location.extension('{SUPPORTED_CAPACITY_URL}').extension('{attribute}')"]


def test_deep_replace_of_an_identity_sub_extension_is_refused(located, parameters) -> None:
    path = f"{INDICATORS}.extension.where(url = 'capacityStatus')"
    concept = {"coding": [{"code": "03"}]}
    body = parameters(
        [("type", "valueCode", "replace"), ("path", "valueString", path), ("value", "valueCodeableConcept", concept)]
    )
    error = fails(InvalidRequest, located, body)
    assert "'statutCapacite' a un code différent" in error.diagnostics


def test_replace_with_an_invalid_new_value_is_the_national_400(located, example) -> None:
    body = with_indicator(
        example("Parameters-patch-capacity-replace"),
        lambda indicator: sub(indicator, "nbCapacity").update(valueInteger=-1),
    )

    error = fails(InvalidRequest, located, body)

    expected = outcome_file(example, "business-rule")["issue"][1]
    assert error.issue() == expected
    assert error.extra_issues == [
        {
            "severity": "information",
            "code": "business-rule",
            "diagnostics": "nbCapacity doit être un entier positif ou nul (valueInteger)",
        }
    ]


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (set_code("capacityClosingType", "01"), "capacityClosingType n'est admis qu'avec capacityStatus 05"),
        (set_code("additionalBedType", "01"), "additionalBedType n'est admis qu'avec capacityStatus 06"),
        (set_code("crisisType", "02"), "crisisType n'est admis qu'avec capacityStatus 06"),
        (set_code("capacityStatus", "42"), "le code '42' n'est pas une valeur de capacityStatus"),
        (set_code("capacitySourceType", None), "la sous-extension obligatoire capacitySourceType est absente"),
        (set_code("temporaryAssignement", None), "la sous-extension obligatoire temporaryAssignement est absente"),
    ],
)
def test_add_of_an_invalid_indicator_is_refused(location, example, change, reason) -> None:
    error = fails(InvalidRequest, location, with_indicator(example("Parameters-patch-capacity-add"), change))
    assert (error.status, error.code) == (400, "business-rule")
    assert error.diagnostics.startswith("Les valeurs du nouvel objet ne correspondent pas à un indicateur valide : ")
    assert error.expression == [f"Location.extension('{SUPPORTED_CAPACITY_URL}')"]
    assert any(issue["diagnostics"].startswith(reason) for issue in error.outcome()["issue"][1:])


def test_closed_capacity_may_carry_a_closing_type(location, example) -> None:
    def closed(indicator: dict[str, Any]) -> None:
        set_code("capacityStatus", "05")(indicator)
        set_code("capacityClosingType", "01")(indicator)

    patched = apply_patch(location, with_indicator(example("Parameters-patch-capacity-add"), closed))
    assert identity_codes(indicators(patched)[0])["capacityClosingType"] == "01"


def test_add_of_an_existing_indicator_is_refused(located, example) -> None:
    error = fails(InvalidRequest, located, example("Parameters-patch-capacity-add"))
    assert (error.status, error.code) == (400, "business-rule")
    assert error.diagnostics.startswith(
        "Un indicateur existe déjà pour ces attributs : capacityType: 02 / capacityStatus: 02 / "
        "temporalityCapacity: 01 / genderCapacityAvailable: 03"
    )
    assert "replace" in error.diagnostics


def test_fhirpath_criteria_describing_no_indicator_are_refused(located, example) -> None:
    body = example("Parameters-patch-capacity-replace")
    path_part = body["parameter"][0]["part"][1]
    path_part["valueString"] = path_part["valueString"].replace(
        "genderCapacityAvailable' and valueCodeableConcept.coding.code = '03'",
        "capacityClosingType' and valueCodeableConcept.coding.code = '01'",
    )
    error = fails(InvalidRequest, located, body)
    assert error.issue() == {
        "severity": "error",
        "code": "business-rule",
        "diagnostics": "Les critères du FhirPath ne correspondent pas à un indicateur valide : capacityStatus: 02 / "
        "temporalityCapacity: 01 / genderCapacityAvailable: null / capacityClosingType: 01 / additionalBedType: null "
        "/ crisisType: null / temporaryAssignement: 01",
    }


# --- the conditional PATCH errors (raised by the caller, built here) ---------------------------


def test_location_lookup_errors_reproduce_the_national_payloads(example) -> None:
    not_found = location_not_found("1350054680/SSR38888")
    assert not_found.status == 404
    assert not_found.outcome() == outcome_file(example, "location-not-found")

    not_unique = location_not_unique(2)
    assert not_unique.status == 412
    expected = json.loads(json.dumps(outcome_file(example, "multiple-matches")).replace("[n]", "2"))
    assert not_unique.outcome() == expected


def test_criteria_matching_several_indicators_fail_on_the_one_of_another_nature(located, example) -> None:
    beds = with_indicator(example("Parameters-patch-capacity-add"), set_code("capacityType", "01"))
    both = apply_patch(located, beds)  # places and beds, otherwise identical: the replace criteria match both

    error = fails(InvalidRequest, both, example("Parameters-patch-capacity-replace"))

    assert error.outcome()["issue"] == [outcome_file(example, "business-rule")["issue"][0]]


def test_replacing_all_indicators_at_once_with_a_list(located, example) -> None:
    """Deprecated scenario 9: the path selects every indicator, value.part lists the new ones."""
    places = indicator_in(example("Parameters-patch-capacity-add"))
    beds = copy.deepcopy(places)
    set_code("capacityType", "01")(beds)
    body = example("Parameters-patch-capacity-replace")
    body["parameter"][0]["part"][1]["valueString"] = INDICATORS
    body["parameter"][0]["part"][2]["part"] = [{"extension": [places, beds]}]

    patched = apply_patch(located, body)

    assert [identity_codes(i)["capacityType"] for i in indicators(patched)] == ["02", "01"]
    assert patched["extension"][:2] == located["extension"][:2]


def test_first_indicator_of_a_location_without_extensions(location, example) -> None:
    del location["extension"]
    patched = apply_patch(location, example("Parameters-patch-capacity-add"))
    assert patched["extension"] == [indicator_in(example("Parameters-patch-capacity-add"))]
