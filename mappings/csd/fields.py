"""Scalar extension fields: one FHIR extension (coded, boolean, integer, string or date value) <-> one
CSD element. Declared once as :class:`ExtField` and used in both directions."""

from __future__ import annotations

from typing import Any, NamedTuple

from mappings import fhir
from mappings.csd.codes import CodeMapper
from mappings.csd.record import xs_date
from mappings.csd.xml import Element, children, sub

_FHIR_KIND = {
    "coded": "CodeableConcept",
    "boolean": "Boolean",
    "integer": "Integer",
    "string": "String",
    "date": "Date",
}


class ExtField(NamedTuple):
    element: str
    url: str
    kind: str  # "coded" | "boolean" | "integer" | "string" | "date"
    repeats: bool = False


def write_field(parent: Element, field: ExtField, resource: dict[str, Any], codes: CodeMapper) -> None:
    found = fhir.ext_values(resource, field.url)
    for item in found if field.repeats else found[:1]:
        if field.kind == "coded":
            coding = fhir.first_coding(item)
            if coding:
                codes.coded(parent, field.element, coding)
        elif field.kind == "date":
            write_date(parent, field.element, item)
        else:
            sub(parent, field.element, item)


def write_date(parent: Element, name: str, value: str | None) -> None:
    """``<name>`` as an ``xs:date`` when ``value`` (a FHIR date/dateTime) is set."""
    if xs_date(value):
        sub(parent, name, xs_date(value))


def read_field(parent: Element, field: ExtField, codes: CodeMapper) -> list[dict[str, Any]]:
    extensions = []
    for element in children(parent, field.element):
        item = _value(element, field.kind, codes)
        if item is not None:
            extensions.append(fhir.make_ext(field.url, _FHIR_KIND[field.kind], item))
    return extensions if field.repeats else extensions[:1]


def _value(element: Element, kind: str, codes: CodeMapper) -> Any:
    if kind == "coded":
        return codes.concept(element)
    content = (element.text or "").strip()
    if not content:
        return None
    if kind == "boolean":
        return content in ("true", "1")
    if kind == "integer":
        try:
            return int(content)
        except ValueError:
            return None
    return content
