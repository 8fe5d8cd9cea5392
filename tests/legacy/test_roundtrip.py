"""FHIR -> CSD -> FHIR preserves every mapped field; imports are deterministic."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from lxml import etree

from mappings import fhir
from mappings.csd.codes import CodeMapper
from mappings.csd.document import build_csd, import_csd
from mappings.csd.slices import slice_of
from mappings.graph import OfferGraph
from mappings.versions import CsdVersion
from tests.legacy.compare import by_key, renamed
from tests.legacy.graph_data import UPDATED, capacity, establishment

Resource = dict[str, Any]

ONLY_IN_30 = ("receptionModality", "outsideOfficeAct", "temporalityStopService")


def carried_by_24(resources: list[Resource]) -> list[Resource]:
    """The fixture restricted to what 2.4 carries: no 3.0-only offer attributes, a place without
    identifiers/function/telecom, equipment without limits, capacities as 2.4 totals."""
    for resource in resources:
        if resource["resourceType"] == "Location":
            for key in ("identifier", "alias", "type", "telecom"):
                del resource[key]
            kept = [e for e in resource["extension"] if e["url"] != fhir.EXT_SUPPORTED_CAPACITY]
            equipment = next(e for e in kept if e["url"] == fhir.EXT_EQUIPMENT)
            equipment["extension"] = [x for x in equipment["extension"] if x["url"] != fhir.EXT_EQUIPMENT_LIMIT]
            crisis = [capacity("01", "06", temporality, number) for temporality, number in (("01", 4), ("02", 6))]
            for indicator in crisis:
                fhir.extension(indicator, "capacityUpdateDate")["valueDateTime"] = UPDATED
            totals = [capacity("01", "01", "01", 26), capacity("01", "02", "01", 3), capacity("02", "01", "01", 5)]
            resource["extension"] = kept + totals + crisis
        if resource["id"] == "hcs-mco":
            resource["characteristic"] = [c for c in resource["characteristic"] if slice_of(c) not in ONLY_IN_30]
            resource["extension"] = [e for e in resource["extension"] if e["url"] != fhir.EXT_NO_CONSENT]
            del resource["notAvailable"][0]["during"]["end"]
    return resources


def round_trip(resources: list[Resource], version: CsdVersion, codes: CodeMapper) -> list[Resource]:
    document = build_csd(OfferGraph.of(resources), version, codes)
    return import_csd(etree.tostring(document), codes)


def test_round_trip_30_preserves_everything(codes: CodeMapper) -> None:
    originals = establishment()
    imported = round_trip(originals, CsdVersion.V3_0, codes)
    assert by_key(imported) == by_key(renamed(originals, imported))


def test_round_trip_24_preserves_what_24_carries(codes: CodeMapper) -> None:
    originals = carried_by_24(establishment())
    imported = round_trip(originals, CsdVersion.V2_4, codes)
    assert by_key(imported) == by_key(renamed(originals, imported))


def test_24_loses_only_the_30_attributes(codes: CodeMapper) -> None:
    imported = round_trip(establishment(), CsdVersion.V2_4, codes)
    offer = next(r for r in imported if r.get("name") == "Chirurgie gynécologique - HC")
    assert not {slice_of(c) for c in offer["characteristic"]} & set(ONLY_IN_30)
    assert offer["notAvailable"][0]["during"] == {"start": "2026-07-01"}


@pytest.mark.parametrize("version", list(CsdVersion))
def test_import_is_idempotent(codes: CodeMapper, version: CsdVersion) -> None:
    data = etree.tostring(build_csd(OfferGraph.of(establishment()), version, codes))
    assert import_csd(data, codes) == import_csd(data, codes)


def test_ids_come_from_legacy_identifiers_not_entity_ids(codes: CodeMapper) -> None:
    data = etree.tostring(build_csd(OfferGraph.of(establishment()), CsdVersion.V3_0, codes)).decode()
    renamed_entities = data.replace('entityID="Organization/', 'entityID="org-').replace(
        'entityID="HealthcareService/', 'entityID="ue-'
    )
    first = {(r["resourceType"], r["id"]) for r in import_csd(data.encode(), codes)}
    second = {(r["resourceType"], r["id"]) for r in import_csd(renamed_entities.encode(), codes)}
    assert first == second


@pytest.mark.parametrize("version", list(CsdVersion))
def test_imported_resources_are_valid_r4(codes: CodeMapper, version: CsdVersion) -> None:
    for resource in round_trip(establishment(), version, codes):
        module = importlib.import_module(f"fhir.resources.R4B.{resource['resourceType'].lower()}")
        getattr(module, resource["resourceType"]).model_validate(resource)


def test_fixture_is_valid_r4() -> None:
    for resource in establishment():
        module = importlib.import_module(f"fhir.resources.R4B.{resource['resourceType'].lower()}")
        getattr(module, resource["resourceType"]).model_validate(resource)
