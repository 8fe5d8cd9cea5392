"""The search-parameter registry: R4 + ROR contents, corrections, aliases and correlation groups."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from fhir.resources.R4B.searchparameter import SearchParameter

from server.search.registry import (
    CHOICE_FILE,
    PROFILES_DIR,
    R4_FILE,
    ROR_FILE,
    SERVED_TYPES,
    Registry,
    SearchParamDef,
    build_registry,
    load_registry,
)

SP = "https://interop.esante.gouv.fr/ig/fhir/ror/SearchParameter/"
PUBLISHED = "https://ror-server.example/fhir/StructureDefinition/published-expression"

# every ROR custom parameter of spec §2.2-2.5 / Appendix A: (base, code, canonical id)
ROR_PARAMS = [
    ("Organization", "closing-type", "ror-sp-organization-closing-type"),
    ("Organization", "drop-zone", "ror-sp-organization-drop-zone"),
    ("Organization", "period-end", "ror-sp-organization-period-end"),
    ("Organization", "price-amount-value", "ror-sp-organization-price-amount-value"),
    ("Organization", "amount-value", "ror-sp-organization-price-amount-value"),
    ("Organization", "price-amount-currency", "ror-sp-organization-price-amount-currency"),
    ("Organization", "price-dependency-level", "ror-sp-organization-price-dependency-level"),
    ("Organization", "price-residential-type", "ror-sp-organization-price-residential-type"),
    ("Organization", "price-type", "ror-sp-organization-price-type"),
    ("Organization", "price-unit", "ror-sp-organization-price-unit"),
    ("Organization", "price-validity-start-date", "ror-sp-organization-price-validity-start-date"),
    ("Organization", "price-welcome-type", "ror-sp-organization-price-welcome-type"),
    ("Organization", "special-price", "ror-sp-organization-special-price"),
    ("Organization", "oi-name", "ror-sp-organization-oi-name"),
    ("HealthcareService", "age-range-low", "ror-sp-healthcareservice-age-range-low"),
    ("HealthcareService", "age-range-high", "ror-sp-healthcareservice-age-range-high"),
    ("HealthcareService", "patient-type", "ror-sp-healthcareservice-patient-type"),
    ("HealthcareService", "intervention-zone", "ror-sp-healthcareservice-intervention-zone"),
    ("HealthcareService", "psychiatric-sector", "ror-sp-healthcareservice-psychiatric-sector"),
    ("HealthcareService", "notavailable-closing-reopeningdate",
     "ror-sp-healthcareservice-notavailable-closing-reopeningdate"),
    ("HealthcareService", "equipment-type", "ror-sp-healthcareservice-equipment-type"),
    ("HealthcareService", "specific-competence", "ror-sp-healthcareservice-specific-competence"),
    ("Location", "capacity-status", "ror-sp-capacity-status"),
    ("Location", "capacity-type", "ror-sp-capacity-type"),
    ("Location", "temporality-capacity", "ror-sp-temporality-capacity"),
    ("Location", "gender-capacity-available", "ror-sp-gender-capacity-available"),
    ("Location", "capacity-closing-type", "ror-sp-capacity-closing-type"),
    ("Location", "additional-bed-type", "ror-sp-additional-bed-type"),
    ("Location", "crisis-type", "ror-sp-crisis-type"),
    ("Location", "temporary-assignement", "ror-sp-temporary-assignement"),
    ("Location", "nb-capacity", "ror-sp-nb-capacity"),
    ("Location", "capacity-update-date", "ror-sp-capacity-update-date"),
    ("Location", "equipment-type", "ror-sp-equipment-type"),
    ("Location", "equipment-feature", "ror-sp-equipment-feature"),
    ("Location", "limit-value", "ror-sp-limit-value"),
    ("Location", "residential-type", "ror-sp-residential-type"),
    ("Location", "residential-number", "ror-sp-residential-number"),
    ("Location", "commune-cog", "ror-sp-location-commune-cog"),
    ("Location", "near-insee-code", "ror-sp-location-near-insee-code"),
    ("Questionnaire", "category-eg", "ror-sp-questionnaire-category-eg"),
]

# standard parameters the ROR documentation uses (spec §2.1-2.5)
STANDARD_PARAMS = [
    (t, c) for t in SERVED_TYPES for c in ("_id", "_lastUpdated", "_tag", "_profile", "_content", "_text")
] + [
    ("Organization", "identifier"), ("Organization", "name"), ("Organization", "type"), ("Organization", "partof"),
    ("HealthcareService", "service-category"), ("HealthcareService", "service-type"),
    ("HealthcareService", "specialty"), ("HealthcareService", "characteristic"),
    ("HealthcareService", "organization"), ("HealthcareService", "location"), ("Location", "identifier"),
    ("Location", "type"), ("Location", "status"), ("Location", "operational-status"),
    ("Location", "address-postalcode"), ("Location", "address-city"), ("Location", "near"),
    ("Location", "organization"), ("PractitionerRole", "practitioner"), ("PractitionerRole", "organization"),
    ("PractitionerRole", "service"), ("Practitioner", "identifier"), ("Task", "focus"),
    ("Task", "business-status"), ("Task", "authored-on"), ("Questionnaire", "context"),
    ("Measure", "identifier"), ("MeasureReport", "measure"), ("MeasureReport", "date"),
]


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def defined(registry: Registry, base: str, code: str) -> SearchParamDef:
    definition = registry.get(base, code)
    assert definition is not None, (base, code)
    return definition


def expression(registry: Registry, base: str, code: str) -> str:
    text = defined(registry, base, code).expression
    assert text is not None, (base, code)
    return text


@pytest.mark.parametrize(("base", "code", "sp_id"), ROR_PARAMS)
def test_every_ror_parameter_is_registered_for_its_base(registry: Registry, base: str, code: str, sp_id: str) -> None:
    definition = registry.get(base, code)
    assert definition is not None
    assert definition.url == SP + sp_id
    assert definition.source == "ror"
    assert definition.base == (base,)


@pytest.mark.parametrize(("base", "code"), STANDARD_PARAMS)
def test_standard_parameters_used_by_ror_clients(registry: Registry, base: str, code: str) -> None:
    assert registry.get(base, code) is not None


def test_ror_parameters_stay_on_their_own_base(registry: Registry) -> None:
    assert registry.get("Organization", "capacity-status") is None
    assert registry.get("Location", "special-price") is None
    assert registry.get("Patient", "name") is None
    assert registry.get("Location", "no-such-param") is None


def test_capacity_tokens_read_any_value_type(registry: Registry) -> None:
    for code in ("capacity-status", "capacity-type", "gender-capacity-available", "crisis-type"):
        capacity = expression(registry, "Location", code)
        assert capacity.endswith(".value"), code
        assert "ror-location-supported-capacity" in capacity


def test_corrected_expressions(registry: Registry) -> None:
    special_price = expression(registry, "Organization", "special-price")
    assert "specialPrice" in special_price and "dependencyLevel" not in special_price
    start_date = expression(registry, "Organization", "price-validity-start-date")
    assert "ror-organization-price'" in start_date and "startDate" in start_date
    feature = expression(registry, "Location", "equipment-feature")
    assert feature.count("ror-location-equipment-limit") == 2  # nested and top-level placements
    assert "ror-location-equipment'" in feature
    near_insee = defined(registry, "Location", "near-insee-code")
    assert (near_insee.type, near_insee.expression) == ("special", "Location.position")


def test_corrections_are_recorded_in_the_served_resources(registry: Registry) -> None:
    by_id = {resource["id"]: resource for resource in registry.resources()}
    corrected = {
        "ror-sp-capacity-status", "ror-sp-organization-special-price", "ror-sp-organization-price-validity-start-date",
        "ror-sp-equipment-feature", "ror-sp-limit-value", "ror-sp-location-near-insee-code",
    }
    for sp_id in corrected:
        resource = by_id[sp_id]
        published = [e["valueString"] for e in resource["extension"] if e["url"] == PUBLISHED]
        assert len(published) == 1 and published[0] != resource["expression"], sp_id
        assert "Correction (ROR server)" in resource["description"], sp_id
    capacity = next(e["valueString"] for e in by_id["ror-sp-capacity-status"]["extension"] if e["url"] == PUBLISHED)
    assert capacity.endswith(".value.as(code)")  # the published 0.7.0 expression, kept verbatim


def test_price_amount_value_answers_to_both_codes(registry: Registry) -> None:
    published_code = defined(registry, "Organization", "amount-value")
    documented_code = defined(registry, "Organization", "price-amount-value")
    assert published_code is documented_code
    assert documented_code.code == "price-amount-value"  # index entries are stored under this code
    assert documented_code.type == "number"


@pytest.mark.parametrize(
    ("base", "codes", "group"),
    [
        ("Location", ["capacity-status", "capacity-type", "temporality-capacity", "gender-capacity-available",
                      "capacity-closing-type", "additional-bed-type", "crisis-type", "temporary-assignement",
                      "nb-capacity", "capacity-update-date"], "Location:supported-capacity"),
        ("Location", ["equipment-type", "equipment-feature", "limit-value"], "Location:equipment"),
        ("Location", ["residential-type", "residential-number"], "Location:residential-capacity"),
        ("Organization", ["price-amount-value", "price-amount-currency", "price-dependency-level",
                          "price-residential-type", "price-type", "price-unit", "price-validity-start-date",
                          "price-welcome-type", "special-price"], "Organization:price"),
        ("HealthcareService", ["age-range-low", "age-range-high", "patient-type"], "HealthcareService:patient-type"),
    ],
)
def test_correlation_groups(registry: Registry, base: str, codes: list[str], group: str) -> None:
    assert {defined(registry, base, code).group for code in codes} == {group}
    members = {code for code, d in registry.for_type(base).items() if d.group == group and code == d.code}
    assert members == set(codes)


def test_ungrouped_parameters(registry: Registry) -> None:
    assert defined(registry, "Location", "commune-cog").group is None
    assert defined(registry, "HealthcareService", "specialty").group is None


def test_multi_base_expressions_are_narrowed_to_the_type(registry: Registry) -> None:
    address = defined(registry, "Practitioner", "address")
    assert address.expression == "Practitioner.address"
    assert "Patient" in address.base
    email = defined(registry, "PractitionerRole", "email")
    assert email.expression == "PractitionerRole.telecom.where(system='email')"
    assert defined(registry, "Location", "_lastUpdated").expression == "Resource.meta.lastUpdated"


def test_reference_targets_and_comparators(registry: Registry) -> None:
    assert defined(registry, "HealthcareService", "organization").targets == ("Organization",)
    assert defined(registry, "HealthcareService", "age-range-low").comparators == (
        "eq", "ne", "gt", "lt", "ge", "le", "sa", "eb", "ap",
    )


def test_content_and_text_are_server_specials(registry: Registry) -> None:
    for base, code in (("Organization", "_content"), ("Task", "_text")):
        definition = defined(registry, base, code)
        assert (definition.type, definition.source) == ("special", "ror")
    urls = {resource["url"] for resource in registry.resources()}
    assert "http://hl7.org/fhir/SearchParameter/Resource-content" not in urls  # overridden, not served twice
    assert "http://hl7.org/fhir/SearchParameter/Resource-id" in urls


def test_served_resources_are_valid_and_unique(registry: Registry) -> None:
    resources = registry.resources()
    for resource in resources:
        SearchParameter.model_validate(resource)
    assert len({r["url"] for r in resources}) == len(resources)
    assert len({r["id"] for r in resources}) == len(resources)
    resources[0]["code"] = "changed"
    assert registry.resources()[0]["code"] != "changed"  # callers get copies


def test_r4_data_covers_exactly_the_served_types(registry: Registry) -> None:
    """``profiles/build.py`` keeps its own list of served types: it must match the registry's."""
    wanted = {*SERVED_TYPES, "Resource", "DomainResource"}
    r4 = [r for r in registry.resources() if r["url"].startswith("http://hl7.org/fhir/SearchParameter/")]
    assert all(wanted.intersection(r["base"]) for r in r4)
    for resource_type in SERVED_TYPES:
        assert any(r["base"] == [resource_type] for r in r4), resource_type


def test_ror_definitions_override_r4_ones_and_aliases_resolve() -> None:
    r4 = [{"url": "http://r4/a", "code": "a", "base": ["Resource"], "type": "string", "expression": "Resource.id"}]
    ror = [{
        "url": "http://ror/a", "code": "a", "base": ["Location"], "type": "token", "expression": "Location.id",
        "extension": [{"url": "https://ror-server.example/fhir/StructureDefinition/published-code", "valueCode": "b"}],
    }]
    registry = build_registry(r4, ror, frozenset())
    assert defined(registry, "Location", "a").url == "http://ror/a"
    assert registry.get("Location", "b") is registry.get("Location", "a")
    assert defined(registry, "Organization", "a").url == "http://r4/a"
    assert [r["url"] for r in registry.resources()] == ["http://ror/a"]


def test_load_from_a_directory_is_cached(tmp_path: Path) -> None:
    for name in (R4_FILE, ROR_FILE, CHOICE_FILE):
        shutil.copy(PROFILES_DIR / name, tmp_path / name)
    start = time.perf_counter()
    first = load_registry(tmp_path)
    elapsed = time.perf_counter() - start
    assert load_registry(tmp_path) is first
    assert first.get("Location", "capacity-status") is not None
    assert "value" in first.choice_elements
    print(f"\nload_registry (uncached): {elapsed * 1000:.1f} ms")
