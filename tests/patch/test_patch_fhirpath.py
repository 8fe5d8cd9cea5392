"""FHIRPath Patch engine: standard operations, the tolerant ROR shapes (spec §3.2), errors."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from server.core.patch import apply_patch
from server.core.patch.fhirpath_patch import apply_fhirpath_patch
from server.errors import FhirError, InvalidRequest, Unprocessable

TRE_R211 = "https://mos.esante.gouv.fr/NOS/TRE_R211-ActiviteOperationnelle/FHIR/TRE-R211-ActiviteOperationnelle"
TRE_R210 = "https://mos.esante.gouv.fr/NOS/TRE_R210-ActeSpecifique/FHIR/TRE-R210-ActeSpecifique"
EQUIPMENT = "https://interop.esante.gouv.fr/ig/fhir/ror/StructureDefinition/ror-location-equipment"
ACT_TYPE = "https://interop.esante.gouv.fr/ig/fhir/ror/StructureDefinition/ror-act-type"


def op(kind: str, path: str, *parts: tuple[str, str, Any]) -> list[tuple[str, str, Any]]:
    return [("type", "valueCode", kind), ("path", "valueString", path), *parts]


def name(value: str) -> tuple[str, str, Any]:
    return ("name", "valueString", value)


def fails(error: type[FhirError], resource: dict[str, Any], body: dict[str, Any]) -> FhirError:
    with pytest.raises(error) as caught:
        apply_fhirpath_patch(resource, body)
    return caught.value


@pytest.fixture
def service() -> dict[str, Any]:
    return {
        "resourceType": "HealthcareService",
        "id": "852",
        "meta": {"versionId": "3"},
        "specialty": [
            {"coding": [{"system": TRE_R211, "code": "022", "display": "Chirurgie gynécologique"}]},
            {"coding": [{"system": TRE_R211, "code": "040", "display": "Diététique"}]},
        ],
        "location": [{"reference": "Location/1"}],
        "name": "Consultations",
    }


@pytest.fixture
def organization() -> dict[str, Any]:
    return {
        "resourceType": "Organization",
        "id": "4569",
        "name": "CH",
        "telecom": [{"system": "phone", "value": "01.01.01.02.01"}],
        "address": [
            {
                "line": ["1 rue A", "Bâtiment B"],
                "_line": [{"extension": [{"url": "house", "valueString": "1"}]}, None],
                "city": "PARIS",
            }
        ],
    }


@pytest.fixture
def equipped_location() -> dict[str, Any]:
    def equipment(code: str, count: int) -> dict[str, Any]:
        return {
            "url": EQUIPMENT,
            "extension": [
                {"url": "equipmentType", "valueCodeableConcept": {"coding": [{"code": code}]}},
                {"url": "nbInService", "valueInteger": count},
            ],
        }

    return {"resourceType": "Location", "id": "L1", "extension": [equipment("030", 2), equipment("089", 4)]}


# --- examples and standard operations ---------------------------------------------------------------


def test_task_business_status_example_replaces_the_status(example) -> None:
    task = example("Task-ror-task-exemple")
    body = example("Parameters-patch-task-businessstatus")
    original, body_copy = copy.deepcopy(task), copy.deepcopy(body)

    patched = apply_patch(task, body)

    assert patched["businessStatus"]["coding"][0]["code"] == "08"
    assert {k: v for k, v in patched.items() if k != "businessStatus"} == {
        k: v for k, v in original.items() if k != "businessStatus"
    }
    assert task == original and body == body_copy  # inputs untouched


def test_replace_of_a_primitive_and_add_of_a_single_valued_element(parameters, service) -> None:
    patched = apply_fhirpath_patch(
        service,
        parameters(
            op("replace", "HealthcareService.name", ("value", "valueString", "Urgences")),
            op("add", "HealthcareService", name("comment"), ("value", "valueString", "ouvert 24h/24")),
        ),
    )
    assert patched["name"] == "Urgences"
    assert patched["comment"] == "ouvert 24h/24"


def test_add_to_a_single_valued_element_that_has_a_value_is_refused(parameters, service) -> None:
    error = fails(
        Unprocessable, service, parameters(op("add", "HealthcareService", name("name"), ("value", "valueString", "X")))
    )
    assert error.status == 422


def test_insert_and_move_work_on_positions(parameters, service) -> None:
    new = {"coding": [{"system": TRE_R211, "code": "483"}]}
    patched = apply_fhirpath_patch(
        service,
        parameters(
            op(
                "insert",
                "HealthcareService.specialty",
                ("value", "valueCodeableConcept", new),
                ("index", "valueInteger", 0),
            ),
            op(
                "move", "HealthcareService.specialty", ("source", "valueInteger", 0), ("destination", "valueInteger", 2)
            ),
        ),
    )
    assert [s["coding"][0]["code"] for s in patched["specialty"]] == ["022", "040", "483"]


def test_insert_past_the_end_is_refused(parameters, service) -> None:
    body = parameters(
        op(
            "insert",
            "HealthcareService.specialty",
            ("value", "valueCodeableConcept", {"text": "x"}),
            ("index", "valueInteger", 5),
        )
    )
    assert fails(Unprocessable, service, body).expression == ["HealthcareService.specialty"]


def test_delete_by_path_with_index_and_where(parameters, service) -> None:
    patched = apply_fhirpath_patch(
        service, parameters(op("delete", "HealthcareService.specialty.where(coding.code = '040')"))
    )
    assert [s["coding"][0]["code"] for s in patched["specialty"]] == ["022"]
    patched = apply_fhirpath_patch(service, parameters(op("delete", "HealthcareService.specialty[0]")))
    assert [s["coding"][0]["code"] for s in patched["specialty"]] == ["040"]


def test_deleting_the_last_item_drops_the_element(parameters, service) -> None:
    patched = apply_fhirpath_patch(service, parameters(op("delete", "HealthcareService.location")))
    assert "location" not in patched


def test_deleting_a_primitive_list_item_keeps_its_extensions_aligned(parameters, organization) -> None:
    patched = apply_fhirpath_patch(organization, parameters(op("delete", "Organization.address.line[0]")))
    address = patched["address"][0]
    assert address["line"] == ["Bâtiment B"]
    assert address["_line"] == [None]


def test_replace_of_one_primitive_list_item(parameters, organization) -> None:
    patched = apply_fhirpath_patch(
        organization,
        parameters(
            op("replace", "Organization.address.line.where($this = 'Bâtiment B')", ("value", "valueString", "Bât. C"))
        ),
    )
    assert patched["address"][0]["line"] == ["1 rue A", "Bât. C"]


# --- the tolerant ROR shapes (spec §3.2) ------------------------------------------------------------


def test_add_by_name_with_coding_given_as_an_object(parameters, service) -> None:
    concept = {"coding": {"system": TRE_R210, "code": "316", "display": "Neurochirurgie éveillée"}}
    patched = apply_fhirpath_patch(
        service,
        parameters(op("add", "HealthcareService", name("characteristic"), ("value", "valueCodeableConcept", concept))),
    )
    assert patched["characteristic"] == [
        {"coding": [{"system": TRE_R210, "code": "316", "display": "Neurochirurgie éveillée"}]}
    ]


def test_add_with_a_raw_value_object_normalises_every_list(parameters, service) -> None:
    raw = {
        "coding": {"system": TRE_R210, "code": "1181"},
        "extension": {"url": ACT_TYPE, "valueCode": "specificAct"},
    }
    patched = apply_fhirpath_patch(
        service, parameters(op("add", "HealthcareService", name("characteristic"), ("value", "value", raw)))
    )
    assert patched["characteristic"] == [
        {"coding": [{"system": TRE_R210, "code": "1181"}], "extension": [{"url": ACT_TYPE, "valueCode": "specificAct"}]}
    ]


def test_add_reference_given_as_parts(parameters, service) -> None:
    value = ("value", "part", [{"name": "reference", "valueString": "Location/YYY"}])
    patched = apply_fhirpath_patch(service, parameters(op("add", "HealthcareService", name("location"), value)))
    assert patched["location"] == [{"reference": "Location/1"}, {"reference": "Location/YYY"}]


def test_value_holding_a_nested_value_x_is_unwrapped(parameters, service) -> None:
    value = ("value", "value", {"valueString": "Hôpital de jour"})
    patched = apply_fhirpath_patch(service, parameters(op("replace", "HealthcareService", name("name"), value)))
    assert patched["name"] == "Hôpital de jour"


def test_delete_by_name_and_value_compares_system_and_code(parameters, service) -> None:
    concept = {"coding": {"system": TRE_R211, "code": "040", "display": "another display"}}
    patched = apply_fhirpath_patch(
        service,
        parameters(op("delete", "HealthcareService", name("specialty"), ("value", "valueCodeableConcept", concept))),
    )
    assert [s["coding"][0]["code"] for s in patched["specialty"]] == ["022"]


def test_delete_by_value_ignores_items_of_another_system(parameters, service) -> None:
    concept = {"coding": [{"system": TRE_R210, "code": "040"}]}
    body = parameters(op("delete", "HealthcareService", name("specialty"), ("value", "valueCodeableConcept", concept)))
    assert fails(Unprocessable, service, body).status == 422


def test_replace_whole_list_with_an_array_value(parameters, organization) -> None:
    phones = [{"system": "phone", "value": "01.01.01.02.02"}, {"system": "email", "value": "a@b.fr"}]
    patched = apply_fhirpath_patch(
        organization, parameters(op("replace", "Organization.telecom", ("value", "valueContactPoint", phones)))
    )
    assert patched["telecom"] == phones


def test_replace_by_name_wraps_a_single_object_for_a_repeating_element(parameters, organization) -> None:
    address = {"city": "BOIS-COLOMBES", "postalCode": "92270", "line": "42 Rue d'Estienne d'Orves"}
    patched = apply_fhirpath_patch(
        organization, parameters(op("replace", "Organization", name("address"), ("value", "value", address)))
    )
    assert patched["address"] == [{**address, "line": ["42 Rue d'Estienne d'Orves"]}]


def test_add_of_a_contact_with_single_objects_everywhere(parameters, organization) -> None:
    contact = {
        "name": {"family": "GREDIN", "given": "Thierry"},
        "purpose": {"coding": {"code": "01"}},
        "telecom": {"value": "01.01.01.02.03"},
    }
    patched = apply_fhirpath_patch(
        organization, parameters(op("add", "Organization", name("contact"), ("value", "value", contact)))
    )
    assert patched["contact"] == [
        {
            "name": {"family": "GREDIN", "given": ["Thierry"]},
            "purpose": {"coding": [{"code": "01"}]},
            "telecom": [{"value": "01.01.01.02.03"}],
        }
    ]


def test_deep_replace_sets_the_sub_extension_value_keeping_its_type(parameters, equipped_location) -> None:
    path = (
        f"Location.extension.where(url='{EQUIPMENT}' and extension.where(url='equipmentType' and "
        "valueCodeableConcept.coding[0].code='030')).extension.where(url='nbInService')"
    )
    patched = apply_patch(equipped_location, parameters(op("replace", path, ("value", "value", 0))))
    assert patched["extension"][0]["extension"][1] == {"url": "nbInService", "valueInteger": 0}
    assert patched["extension"][1] == equipped_location["extension"][1]


def test_deep_replace_accepts_a_value_wrapped_in_parts(parameters, equipped_location) -> None:
    path = f"Location.extension('{EQUIPMENT}').extension.where(url='nbInService').first()"
    value = ("value", "part", [{"name": "value", "value": 7}])
    patched = apply_patch(equipped_location, parameters(op("replace", path, value)))
    assert patched["extension"][0]["extension"][1] == {"url": "nbInService", "valueInteger": 7}


def test_replace_of_a_primitive_by_a_value_object(parameters, equipped_location) -> None:
    path = f"Location.extension('{EQUIPMENT}').extension.where(url='nbInService').valueInteger.last()"
    patched = apply_patch(equipped_location, parameters(op("replace", path, ("value", "value", {"value": 1}))))
    assert patched["extension"][1]["extension"][1]["valueInteger"] == 1


# --- errors --------------------------------------------------------------------------------------


def test_body_that_is_not_parameters_is_invalid(service) -> None:
    error = fails(InvalidRequest, service, {"resourceType": "Bundle"})
    assert (error.status, error.code, error.expression) == (400, "invalid", ["Parameters"])


@pytest.mark.parametrize(
    ("operation", "expression"),
    [
        ([("path", "valueString", "HealthcareService.name")], "Parameters.parameter[0].part"),
        ([("type", "valueCode", "delete")], "Parameters.parameter[0].part"),
        (op("upsert", "HealthcareService.name"), "Parameters.parameter[0].part[0]"),
        (op("delete", "HealthcareService.name", ("where", "valueString", "x")), "Parameters.parameter[0].part[2]"),
        (op("replace", "HealthcareService.name"), "Parameters.parameter[0].part"),
        (op("insert", "HealthcareService.specialty", ("value", "valueString", "x")), "Parameters.parameter[0].part"),
        (
            op(
                "move",
                "HealthcareService.specialty",
                ("source", "valueInteger", -1),
                ("destination", "valueInteger", 0),
            ),
            "Parameters.parameter[0].part[2]",
        ),
        (op("replace", "HealthcareService.name", ("value", "part", "nope")), "Parameters.parameter[0].part[2].part"),
    ],
)
def test_malformed_operations_are_invalid_and_name_the_part(parameters, service, operation, expression) -> None:
    error = fails(InvalidRequest, service, parameters(operation))
    assert (error.status, error.code, error.expression) == (400, "invalid", [expression])


def test_parameter_not_named_operation_is_invalid(service) -> None:
    body = {"resourceType": "Parameters", "parameter": [{"name": "op", "part": []}]}
    assert fails(InvalidRequest, service, body).expression == ["Parameters.parameter[0].name"]


def test_invalid_fhirpath_is_unprocessable(parameters, service) -> None:
    path = "HealthcareService.specialty.where(coding.code = '040' and and true)"
    error = fails(Unprocessable, service, parameters(op("delete", path)))
    assert (error.status, error.code, error.expression) == (422, "processing", [path])


@pytest.mark.parametrize("kind", ["replace", "delete", "insert", "move"])
def test_paths_selecting_nothing_are_unprocessable(parameters, service, kind) -> None:
    parts = {
        "replace": [("value", "valueString", "x")],
        "delete": [],
        "insert": [("value", "valueString", "x"), ("index", "valueInteger", 0)],
        "move": [("source", "valueInteger", 0), ("destination", "valueInteger", 0)],
    }[kind]
    path = "HealthcareService.telecom"
    error = fails(Unprocessable, service, parameters(op(kind, path, *parts)))
    assert (error.status, error.expression) == (422, [path])


@pytest.mark.parametrize(
    ("operation", "element"),
    [
        (op("replace", "HealthcareService.id", ("value", "valueId", "other")), "id"),
        (op("delete", "HealthcareService.meta"), "meta"),
        (op("add", "HealthcareService.meta", name("tag"), ("value", "valueCoding", {"code": "x"})), "meta"),
        (
            op("replace", "HealthcareService", name("resourceType"), ("value", "valueString", "Location")),
            "resourceType",
        ),
    ],
)
def test_protected_elements_cannot_change(parameters, service, operation, element) -> None:
    error = fails(Unprocessable, service, parameters(operation))
    assert error.expression == [f"HealthcareService.{element}"]


def test_the_whole_resource_cannot_be_replaced_or_deleted(parameters, service) -> None:
    assert fails(Unprocessable, service, parameters(op("delete", "HealthcareService"))).status == 422


def test_a_failing_operation_leaves_the_input_untouched(parameters, service) -> None:
    original = copy.deepcopy(service)
    body = parameters(op("delete", "HealthcareService.location"), op("delete", "HealthcareService.telecom"))
    fails(Unprocessable, service, body)
    assert service == original


def test_add_of_an_extension_given_as_standard_parts(parameters, equipped_location) -> None:
    value = (
        "value",
        "part",
        [
            {"name": "url", "valueUri": EQUIPMENT},
            {
                "name": "extension",
                "part": [
                    {"name": "url", "valueUri": "equipmentType"},
                    {"name": "value", "valueCodeableConcept": {"coding": {"code": "088"}}},
                ],
            },
            {
                "name": "extension",
                "part": [{"name": "url", "valueUri": "nbInService"}, {"name": "value", "valueInteger": 1}],
            },
        ],
    )
    patched = apply_patch(equipped_location, parameters(op("add", "Location", name("extension"), value)))
    assert patched["extension"][2] == {
        "url": EQUIPMENT,
        "extension": [
            {"url": "equipmentType", "valueCodeableConcept": {"coding": [{"code": "088"}]}},
            {"url": "nbInService", "valueInteger": 1},
        ],
    }


@pytest.mark.parametrize("value", [0, {"value": 0}, {"valueInteger": 0}])
def test_deep_replace_value_shapes(parameters, equipped_location, value) -> None:
    path = (
        f"Location.extension('{EQUIPMENT}').where(extension('equipmentType').valueCodeableConcept.coding.code = '089')"
    )
    patched = apply_patch(
        equipped_location, parameters(op("replace", f"{path}.extension('nbInService')", ("value", "value", value)))
    )
    assert patched["extension"][1]["extension"][1] == {"url": "nbInService", "valueInteger": 0}
    assert patched["extension"][0] == equipped_location["extension"][0]


def test_ans_healthcare_service_example_add_and_remove(example, parameters) -> None:
    """ANS doc patch/healthcare-service.md scenarios 1 and 2 on the IG example offer."""
    service = example("HealthcareService-1234564")
    act = {"coding": {"system": TRE_R210, "code": "316", "display": "Neurochirurgie éveillée avec mapping cortical"}}
    surgery = {"coding": {"system": TRE_R211, "code": "022", "display": "Chirurgie gynécologique"}}

    patched = apply_patch(
        service,
        parameters(
            op("add", "HealthcareService", name("characteristic"), ("value", "valueCodeableConcept", act)),
            op("delete", "HealthcareService", name("specialty"), ("value", "valueCodeableConcept", surgery)),
            op(
                "add",
                "HealthcareService",
                name("location"),
                ("value", "part", [{"name": "reference", "valueString": "Location/YYY"}]),
            ),
        ),
    )

    assert patched["characteristic"][:-1] == service["characteristic"]
    assert patched["characteristic"][-1]["coding"] == [act["coding"]]
    assert "specialty" not in patched  # its only activity was removed
    assert patched["location"] == [*service["location"], {"reference": "Location/YYY"}]
    assert patched["meta"] == service["meta"]


def test_ans_organization_example_address_replace(example, parameters) -> None:
    """ANS doc patch/organization.md scenario 1 on the EG example."""
    organization = example("Organization-eg-post-example")
    address = {
        "city": "BOIS-COLOMBES",
        "postalCode": "92270",
        "line": ["42 Rue d'Estienne d'Orves, 92270 BOIS-COLOMBES"],
        "_line": [
            {
                "extension": [
                    {"url": "http://hl7.org/fhir/StructureDefinition/iso21090-ADXP-houseNumber", "valueString": "42"}
                ]
            }
        ],
    }
    patched = apply_patch(
        organization, parameters(op("replace", "Organization", name("address"), ("value", "value", address)))
    )
    assert patched["address"] == [address]
    assert {k: v for k, v in patched.items() if k != "address"} == {
        k: v for k, v in organization.items() if k != "address"
    }
