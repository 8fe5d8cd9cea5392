"""Tariffs: ext ``ror-organization-price`` (on an EG) <-> CSD ``organisationExtension/price``.

The CSD ``price`` ends with a choice of seven tariff kinds; the kind follows the price type (TRE_R246).
Each kind lists its fields as (CSD element, FHIR sub-extension, value kind, repeating, mandatory).
A price missing a mandatory field is not sent (RG_EXP_002).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from mappings import fhir
from mappings.csd.codes import CodeMapper
from mappings.csd.record import Stamp, write_record, xs_date
from mappings.csd.xml import Element, child, children, decimal, sub


class Field(NamedTuple):
    element: str
    url: str
    kind: str  # "coded" | "string" | "boolean"
    repeats: bool = False
    required: bool = False


_KINDS: dict[str, tuple[str, tuple[Field, ...]]] = {
    "01": ("surchargePriceResidential", (Field("residentialType", "residentialType", "coded", required=True),)),
    "02": (
        "basePackageAccomodation",
        (
            Field("under60", "under60", "boolean", required=True),
            Field("deliveryIncluded", "deliveryIncluded", "coded", repeats=True),
            Field("othersDeliveryIncluded", "othersDeliveryIncluded", "string", repeats=True),
            Field("residentialType", "residentialType", "coded", required=True),
            Field("specialPrice", "specialPrice", "coded"),
            Field("welcomeType", "welcomeType", "coded", required=True),
        ),
    ),
    "03": (
        "dependencyPrice",
        (
            Field("dependencyLevel", "dependencyLevel", "coded", required=True),
            Field("welcomeType", "welcomeType", "coded", required=True),
        ),
    ),
    "04": (
        "surchargePrice",
        (
            Field("otherSurchargePriceName", "otherAdditionalServiceName", "string", required=True),
            Field("surchargePriceName", "additionalServiceName", "coded"),
        ),
    ),
    "05": ("homeDay", (Field("specialPrice", "specialPrice", "coded"),)),
    "06": (
        "humanHelpPrice",
        (
            Field("humanHelpPriceName", "humanHelpPriceName", "string"),
            Field("managementType", "managementType", "coded", required=True),
            Field("specialPrice", "specialPrice", "coded"),
        ),
    ),
    "07": (
        "mealDelivery",
        (Field("specialPrice", "specialPrice", "coded"), Field("mealDeliveryName", "mealDeliveryName", "string")),
    ),
}
_KIND_BY_ELEMENT = {element: fields for element, fields in _KINDS.values()}


def _values(ext: dict[str, Any], field: Field) -> list[Any]:
    found = fhir.ext_values(ext, field.url)
    if field.kind == "coded":
        found = [c for c in map(fhir.first_coding, found) if c]
    return found if field.repeats else found[:1]


def write_price(parent: Element, ext: dict[str, Any], stamp: Stamp, codes: CodeMapper) -> None:
    price_type = fhir.first_coding(fhir.ext_value(ext, "priceType"))
    unit = fhir.first_coding(fhir.ext_value(ext, "priceUnit"))
    amount = fhir.ext_value(ext, "amount") or {}
    kind = _KINDS.get((price_type or {}).get("code", ""))
    if not (price_type and unit and kind and amount.get("value") is not None and amount.get("currency")):
        return
    element_name, fields = kind
    values = {field: _values(ext, field) for field in fields}
    if any(field.required and not values[field] for field in fields):
        return
    element = sub(parent, "price")
    codes.coded(element, "priceType", price_type)
    codes.coded(element, "priceUnit", unit)
    money = sub(element, "price")
    sub(money, "amount", amount["value"])
    codes.coded(money, "currency", {"system": fhir.CURRENCY, "code": amount["currency"]})
    start = xs_date(fhir.ext_value(ext, "startDate"))
    if start:
        sub(element, "updateDate", start)
    detail = sub(element, element_name)
    for field in fields:
        for item in values[field]:
            if field.kind == "coded":
                codes.coded(detail, field.element, item)
            else:
                sub(detail, field.element, item)
    write_record(element, stamp.bare())


def read_price(element: Element, codes: CodeMapper) -> dict[str, Any] | None:
    price_type = codes.concept(child(element, "priceType"))
    unit = codes.concept(child(element, "priceUnit"))
    money = child(element, "price")
    currency = codes.coding(child(money, "currency"))
    amount = decimal(money, "amount")
    if not (price_type and unit and currency) or amount is None:
        return None
    parts = [
        fhir.make_ext("priceType", "CodeableConcept", price_type),
        fhir.make_ext("priceUnit", "CodeableConcept", unit),
        fhir.make_ext("amount", "Money", {"value": amount, "currency": currency["code"]}),
    ]
    start = child(element, "updateDate")
    if start is not None and start.text:
        parts.append(fhir.make_ext("startDate", "DateTime", start.text.strip()))
    for detail in element:
        fields = _KIND_BY_ELEMENT.get(detail.tag.split("}")[-1])
        for field in fields or ():
            for item in children(detail, field.element):
                parts.extend(_read_field(item, field, codes))
    return {"url": fhir.EXT_PRICE, "extension": parts}


def _read_field(item: Element, field: Field, codes: CodeMapper) -> list[dict[str, Any]]:
    if field.kind == "coded":
        concept = codes.concept(item)
        return [fhir.make_ext(field.url, "CodeableConcept", concept)] if concept else []
    content = (item.text or "").strip()
    if not content:
        return []
    if field.kind == "boolean":
        return [fhir.make_ext(field.url, "Boolean", content in ("true", "1"))]
    return [fhir.make_ext(field.url, "String", content)]
