"""Territorial divisions: ext ``ror-territorial-division`` <-> CSD ``territorialDivision``
(``healthCareTerritorial`` on an EG, ``interventionZone`` on a UE)."""

from __future__ import annotations

from typing import Any

from mappings import fhir
from mappings.csd.codes import CodeMapper
from mappings.csd.record import Stamp, write_record
from mappings.csd.xml import Element, child, sub


def write_divisions(parent: Element, name: str, resource: dict[str, Any], stamp: Stamp, codes: CodeMapper) -> None:
    for ext in fhir.extensions(resource, fhir.EXT_TERRITORIAL_DIVISION):
        kind = fhir.first_coding(fhir.ext_value(ext, "typeTerritorialDivision"))
        code = fhir.first_coding(fhir.ext_value(ext, "codeTerritorialDivision"))
        if kind is None or code is None:
            continue
        element = sub(parent, name)
        codes.coded(element, "type", kind)
        codes.coded(element, "codedType", code)
        write_record(element, stamp.bare())


def read_division(element: Element, codes: CodeMapper) -> dict[str, Any] | None:
    kind = codes.concept(child(element, "type"))
    code = codes.concept(child(element, "codedType"))
    if kind is None or code is None:
        return None
    return {
        "url": fhir.EXT_TERRITORIAL_DIVISION,
        "extension": [
            fhir.make_ext("typeTerritorialDivision", "CodeableConcept", kind),
            fhir.make_ext("codeTerritorialDivision", "CodeableConcept", code),
        ],
    }
