"""Index extraction on the ROR examples and on resources built from them."""

from __future__ import annotations

import copy
import json
import logging
import time
from pathlib import Path
from typing import Any

import pytest

from server.search.extract import CURRENCY_SYSTEM, GROUP_STRIDE, Extractor
from server.search.index import (
    DateEntry,
    GeoEntry,
    IndexEntry,
    NumberEntry,
    QuantityEntry,
    ReferenceEntry,
    StringEntry,
    TextEntry,
    TokenEntry,
    UriEntry,
)
from server.search.normalize import date_range
from server.search.registry import build_registry, load_registry

EXAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "ror-examples"
SD = "https://interop.esante.gouv.fr/ig/fhir/ror/StructureDefinition/"
NOS = "https://mos.esante.gouv.fr/NOS/"
R211 = f"{NOS}TRE_R211-ActiviteOperationnelle/FHIR/TRE-R211-ActiviteOperationnelle"
R330 = f"{NOS}TRE_R330-TypeStatutCapacite/FHIR/TRE-R330-TypeStatutCapacite"
R332 = f"{NOS}TRE_R332-GenreCapacite/FHIR/TRE-R332-GenreCapacite"
G07 = f"{NOS}TRE_G07-TypeIdentifiantStructure/FHIR/TRE-G07-TypeIdentifiantStructure"


def example(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    return data


def of(entries: tuple[IndexEntry, ...], param: str) -> list[IndexEntry]:
    return [entry for entry in entries if entry.param == param]


def codes(entries: tuple[IndexEntry, ...], param: str) -> set[tuple[str | None, str | None]]:
    return {(e.system, e.code) for e in of(entries, param) if isinstance(e, TokenEntry)}


def capacity_indicator() -> dict[str, Any]:
    """The supported-capacity extension of the ANS "PATCH capacitaire" add example."""
    operation = example("Parameters-patch-capacity-add.json")["parameter"][0]["part"]
    value = next(part for part in operation if part["name"] == "value")
    indicator: dict[str, Any] = value["part"][0]["extension"][0]
    return indicator


def set_value(indicator: dict[str, Any], url: str, value_key: str, value: Any) -> None:
    """Replace the value of the ``url`` sub-extension by ``{value_key: value}``."""
    index = next(i for i, e in enumerate(indicator["extension"]) if e["url"] == url)
    indicator["extension"][index] = {"url": url, value_key: value}


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(load_registry())


def test_healthcare_service_example(extractor: Extractor) -> None:
    entries = extractor.extract(example("HealthcareService-1234564.json"))
    assert of(entries, "specialty") == [TokenEntry("specialty", R211, "022", "chirurgie gynecologique")]
    assert codes(entries, "characteristic") == {
        (f"{NOS}TRE_R253-TypeMaternite/FHIR/TRE-R253-TypeMaternite", "04"),
        (f"{NOS}TRE_R238-OuvertureAnnuelle/FHIR/TRE-R238-OuvertureAnnuelle", "02"),
    }
    assert codes(entries, "service-type") == {(f"{NOS}TRE_R227-ChampActivite/FHIR/TRE-R227-ChampActivite", "01")}
    assert codes(entries, "identifier") == {(None, "06/0099999")}
    assert codes(entries, "identifier:of-type") == {
        (f"{NOS}TRE_R355-TypeIdentifiantOffre/FHIR/TRE-R355-TypeIdentifiantOffre", "35|06/0099999")
    }
    assert of(entries, "organization") == [
        ReferenceEntry("organization", "Organization", "999999", "Organization/999999")
    ]
    assert of(entries, "location") == [ReferenceEntry("location", "Location", "888888", "Location/888888")]
    assert of(entries, "name") == [
        StringEntry("name", "5812 chirurgie gynecologique - hospitalisation complete",
                    "5812  Chirurgie gynécologique - HOSPITALISATION COMPLETE")
    ]
    assert codes(entries, "_tag") == {(f"{NOS}TRE_R30-RegionOM/FHIR/TRE-R30-RegionOM", "06")}
    assert of(entries, "_lastUpdated") == [DateEntry("_lastUpdated", *date_range("2025-04-08T13:05:27.000+00:00"))]
    assert of(entries, "_profile") == [UriEntry("_profile", f"{SD}ror-healthcareservice")]
    assert codes(entries, "_id") == {(None, "1234564")}


def test_healthcare_service_patient_type_shares_one_group(extractor: Extractor) -> None:
    service = example("HealthcareService-1234564.json")
    patient_type = next(e for e in service["extension"] if e["url"].endswith("ror-healthcareservice-patient-type"))
    patient_type["extension"].append({
        "url": "supportedPatientInfo",
        "valueCodeableConcept": {"coding": [{"system": "R239", "code": "07"}]},
    })
    entries = extractor.extract(service)
    low, high, public = of(entries, "age-range-low"), of(entries, "age-range-high"), of(entries, "patient-type")
    assert [(e.value, e.code) for e in low if isinstance(e, QuantityEntry)] == [(15.0, "a")]
    assert [e.value for e in high if isinstance(e, QuantityEntry)] == [150.0]
    assert codes(entries, "patient-type") == {("R239", "07")}
    assert {e.group for e in low + high + public} == {low[0].group}
    assert low[0].group > 0


def test_location_example(extractor: Extractor) -> None:
    entries = extractor.extract(example("Location-ror-location-exemple.json"))
    assert of(entries, "commune-cog") == [
        TokenEntry("commune-cog", f"{NOS}TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM", "78646", "versailles")
    ]
    assert codes(entries, "type") == {(f"{NOS}TRE_R343-FonctionLieu/FHIR/TRE-R343-FonctionLieu", "001")}
    assert of(entries, "address-city") == [StringEntry("address-city", "versailles", "Versailles")]
    assert {e.exact for e in of(entries, "address") if isinstance(e, StringEntry)} == {
        "7 rue porte de Buc", "Versailles", "78000",
    }
    (narrative,) = of(entries, "_text")
    assert isinstance(narrative, TextEntry)
    assert "hebergement" in narrative.folded.split() and "<p" not in narrative.folded
    (content,) = of(entries, "_content")
    assert isinstance(content, TextEntry)
    words = content.folded.split()
    assert sorted(words) == sorted(["versailles", "hebergement", "7", "rue", "porte", "de", "buc", "78000"])
    assert of(entries, "near") == []
    assert all(entry.group == 0 for entry in entries)


def test_location_position_gives_the_near_entry(extractor: Extractor) -> None:
    location = example("Location-ror-location-exemple.json")
    location["position"] = {"latitude": 48.8049, "longitude": 2.1204}
    entries = extractor.extract(location)
    assert of(entries, "near") == [GeoEntry("near", 48.8049, 2.1204)]
    assert of(entries, "near-insee-code") == []  # resolved at query time against the "near" entries


def test_capacity_indicators_are_grouped_whatever_their_value_type(extractor: Extractor) -> None:
    available = capacity_indicator()
    installed = copy.deepcopy(available)  # the legacy encoding: bare codes (spec §9 #1)
    set_value(installed, "capacityStatus", "valueCode", "01")
    set_value(installed, "genderCapacityAvailable", "valueCode", "02")
    set_value(installed, "nbCapacity", "valueInteger", 40)
    location = example("Location-ror-location-exemple.json")
    location["extension"] += [available, installed]
    entries = extractor.extract(location)

    status = {(e.system, e.code): e.group for e in of(entries, "capacity-status") if isinstance(e, TokenEntry)}
    assert status.keys() == {(R330, "02"), (None, "01")}
    first, second = status[(R330, "02")], status[(None, "01")]
    assert first != second and first > 0 and second > 0
    assert first // GROUP_STRIDE == second // GROUP_STRIDE  # one family

    def in_group(group: int, param: str) -> list[IndexEntry]:
        return [e for e in of(entries, param) if e.group == group]

    assert codes(tuple(in_group(first, "gender-capacity-available")), "gender-capacity-available") == {(R332, "03")}
    assert codes(tuple(in_group(second, "gender-capacity-available")), "gender-capacity-available") == {(None, "02")}
    assert in_group(first, "nb-capacity") == [NumberEntry("nb-capacity", 25.0, first)]
    assert in_group(second, "nb-capacity") == [NumberEntry("nb-capacity", 40.0, second)]
    assert in_group(first, "capacity-update-date") == [
        DateEntry("capacity-update-date", *date_range("2025-02-26T15:17:33Z"), first)
    ]
    for param in ("capacity-type", "temporality-capacity", "temporary-assignement"):
        assert len(in_group(first, param)) == 1 and len(in_group(second, param)) == 1, param
    assert of(entries, "capacity-closing-type") == []  # absent sub-extension: nothing indexed
    assert of(entries, "commune-cog")[0].group == 0


def test_equipment_limits_nested_and_top_level(extractor: Extractor) -> None:
    def limit(feature: str, kg: float) -> dict[str, Any]:
        return {"url": f"{SD}ror-location-equipment-limit", "extension": [
            {"url": "equipmentFeature", "valueCodeableConcept": {"coding": [{"system": "R340", "code": feature}]}},
            {"url": "limitValue", "valueQuantity": {"value": kg, "system": "http://unitsofmeasure.org", "code": "kg"}},
        ]}

    location = example("Location-ror-location-exemple.json")
    location["extension"] += [
        {"url": f"{SD}ror-location-equipment", "extension": [
            {"url": "equipmentType", "valueCodeableConcept": {"coding": [{"system": "R212", "code": "089"}]}},
            {"url": "nbInService", "valueInteger": 2},
            limit("001", 300),
        ]},
        limit("001", 150),  # the published SP's top-level placement
    ]
    entries = extractor.extract(location)
    (equipment_type,) = of(entries, "equipment-type")
    values = {e.group: e.value for e in of(entries, "limit-value") if isinstance(e, QuantityEntry)}
    assert values == {equipment_type.group: 300.0, max(values): 150.0}
    assert len(values) == 2
    features = {e.group for e in of(entries, "equipment-feature")}
    assert features == set(values)


def test_organization_identifiers_and_of_type(extractor: Extractor) -> None:
    entries = extractor.extract(example("Organization-eg-post-example.json"))
    assert codes(entries, "identifier") == {
        ("urn:oid:1.2.250.1.71.4.2.2", "392131725800020"),
        ("http://sirene.fr", "92131725800020"),
    }
    assert codes(entries, "identifier:of-type") == {(G07, "40|392131725800020"), (G07, "3|92131725800020")}
    assert of(entries, "partof") == [ReferenceEntry("partof", "Organization", "1111", "Organization/1111")]
    assert codes(entries, "type") == {(f"{NOS}TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement",
                                       "460")}
    assert {e.folded for e in of(entries, "name") if isinstance(e, StringEntry)} == {"quietude bois colombes"}


def price(amount: float, price_type: str, special: str, start: str) -> dict[str, Any]:
    return {"url": f"{SD}ror-organization-price", "extension": [
        {"url": "priceType", "valueCodeableConcept": {"coding": [{"system": "R246", "code": price_type}]}},
        {"url": "priceUnit", "valueCodeableConcept": {"coding": [{"system": "R228", "code": "01"}]}},
        {"url": "amount", "valueMoney": {"value": amount, "currency": "EUR"}},
        {"url": "startDate", "valueDateTime": start},
        {"url": "specialPrice", "valueCodeableConcept": {"coding": [{"system": "R250", "code": special}]}},
        {"url": "dependencyLevel", "valueCodeableConcept": {"coding": [{"system": "R237", "code": "02"}]}},
    ]}


def test_organization_prices(extractor: Extractor) -> None:
    organization = example("Organization-eg-post-example.json")
    organization["extension"] += [price(65.5, "02", "03", "2024-01-01"), price(12, "03", "01", "2024-07-01T00:00:00Z")]
    entries = extractor.extract(organization)
    amounts = {e.value: e.group for e in of(entries, "price-amount-value") if isinstance(e, NumberEntry)}
    assert amounts.keys() == {65.5, 12.0}
    assert of(entries, "amount-value") == []  # the alias shares the entries of price-amount-value
    first, second = amounts[65.5], amounts[12.0]
    assert first != second
    assert {(e.system, e.code, e.group) for e in of(entries, "price-amount-currency") if isinstance(e, TokenEntry)} == {
        (None, "EUR", first), (None, "EUR", second),
    }
    special = {e.group: e.code for e in of(entries, "special-price") if isinstance(e, TokenEntry)}
    assert special == {first: "03", second: "01"}  # the corrected expression reads specialPrice
    starts = {e.group: e.low for e in of(entries, "price-validity-start-date") if isinstance(e, DateEntry)}
    assert starts == {first: date_range("2024-01-01")[0], second: date_range("2024-07-01T00:00:00Z")[0]}
    assert {e.group for e in of(entries, "price-type")} == {first, second}


def test_task_logical_focus(extractor: Extractor) -> None:
    entries = extractor.extract(example("Task-ror-task-exemple.json"))
    assert codes(entries, "focus:identifier") == {(None, "1910800002")}
    assert of(entries, "focus") == []
    assert codes(entries, "business-status") == {
        (f"{NOS}TRE_R352-StatutMetierAnomalie/FHIR/TRE-R352-StatutMetierAnomalie", "02")
    }
    assert of(entries, "authored-on") == [DateEntry("authored-on", *date_range("2024-01-03"))]
    (content,) = of(entries, "_content")
    assert isinstance(content, TextEntry)
    assert {"categorie", "etablissement", "traiter"} <= set(content.folded.split())
    assert "https" not in content.folded.split()


def test_practitioner_names_telecoms_and_booleans(extractor: Extractor) -> None:
    practitioner = {
        "resourceType": "Practitioner",
        "active": True,
        "name": [{"family": "Lefèvre", "given": ["Zoé", "Anne"], "prefix": ["Dr"]}],
        "telecom": [{"system": "email", "value": "z@x.fr"}, {"system": "phone", "value": "0102030405"}],
        "identifier": [{"system": "urn:oid:1.2.250.1.71.4.2.1", "value": "10001234567"}],
    }
    entries = extractor.extract(practitioner)
    assert {e.exact for e in of(entries, "name") if isinstance(e, StringEntry)} == {"Lefèvre", "Zoé", "Anne", "Dr"}
    assert of(entries, "family") == [StringEntry("family", "lefevre", "Lefèvre")]
    assert codes(entries, "email") == {("email", "z@x.fr")}
    assert codes(entries, "telecom") == {("email", "z@x.fr"), ("phone", "0102030405")}
    assert codes(entries, "active") == {(None, "true")}
    assert codes(entries, "identifier:of-type") == set()


def test_periods_quantities_and_malformed_values() -> None:
    r4 = [
        {"url": "u1", "code": "period", "base": ["Task"], "type": "date", "expression": "Task.executionPeriod"},
        {"url": "u2", "code": "when", "base": ["Task"], "type": "date", "expression": "Task.authoredOn"},
        {"url": "u3", "code": "qty", "base": ["Task"], "type": "quantity", "expression": "Task.input.value"},
    ]
    extractor = Extractor(build_registry(r4, [], frozenset({"value"})))
    entries = extractor.extract({
        "resourceType": "Task",
        "executionPeriod": {"start": "2024-01-01"},
        "authoredOn": "2024-02-30",  # impossible: not indexed, no error
        "input": [{"valueQuantity": {"value": 3, "unit": "jours"}}, {"valueMoney": {"value": 9.5, "currency": "EUR"}},
                  {"valueRange": {"low": {"value": 1}, "high": {"value": 2}}}],
    })
    assert of(entries, "period") == [DateEntry("period", date_range("2024-01-01")[0], float("inf"))]
    assert of(entries, "when") == []
    assert {(e.value, e.system, e.code, e.unit) for e in of(entries, "qty") if isinstance(e, QuantityEntry)} == {
        (3.0, None, None, "jours"), (9.5, CURRENCY_SYSTEM, "EUR", None), (1.0, None, None, None),
        (2.0, None, None, None),
    }


def test_expressions_outside_the_subset_fall_back_to_fhirpathpy(caplog: pytest.LogCaptureFixture) -> None:
    r4 = [{"url": "u", "code": "prefix", "base": ["Location"], "type": "string",
           "expression": "Location.name.substring(0, 3)"}]
    with caplog.at_level(logging.WARNING, logger="server.search.extract"):
        extractor = Extractor(build_registry(r4, [], frozenset()))
    assert "Location:prefix falls back to fhirpathpy" in caplog.text
    assert extractor.extract({"resourceType": "Location", "name": "Versailles"}) == (
        StringEntry("prefix", "ver", "Ver"),
    )


def test_unknown_types_and_duplicates(extractor: Extractor) -> None:
    assert extractor.extract({"resourceType": "Patient", "name": [{"family": "X"}]}) == ()
    organization = {"resourceType": "Organization", "name": "Centre", "alias": ["Centre"],
                    "type": [{"coding": [{"system": "s", "code": "1"}, {"system": "s", "code": "1"}]}]}
    entries = extractor.extract(organization)
    assert len(of(entries, "name")) == 1
    assert len(of(entries, "type")) == 1


def test_micro_benchmark(extractor: Extractor) -> None:
    """Prints µs per resource on the ROR examples (a Location with 6 capacity indicators included)."""
    location = example("Location-ror-location-exemple.json")
    location["extension"] += [copy.deepcopy(capacity_indicator()) for _ in range(6)]
    samples = {
        name: example(name)
        for name in ("HealthcareService-1234564.json", "Location-ror-location-exemple.json",
                     "Organization-eg-post-example.json", "Organization-ej-post-example.json",
                     "Task-ror-task-exemple.json")
    }
    samples["Location + 6 capacity indicators"] = location
    rounds = 300
    print()
    for name, resource in samples.items():
        start = time.perf_counter()
        for _ in range(rounds):
            entries = extractor.extract(resource)
        micros = (time.perf_counter() - start) / rounds * 1e6
        print(f"  {name:38s} {micros:7.1f} µs/resource  {len(entries):3d} entries")
