"""Element definitions (cardinality and datatype) read from the R4B models of ``fhir.resources``.

The patch engine needs two facts the JSON alone does not give: whether an element
repeats (``add`` appends to a list or sets a value; ``replace`` of a list by a single
object wraps it) and the datatype of a value, to turn the single objects that ROR
clients send where a list is expected (``"coding": {…}``) into lists.

Elements are addressed by a *type path*: the resource type followed by the JSON
names of the elements walked from it, list positions left out, e.g.
``("Organization", "contact", "telecom")``.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from functools import cache
from typing import Any

from fhir.resources.R4B import get_fhir_model_class
from pydantic.fields import FieldInfo


@dataclass(frozen=True, slots=True)
class ElementInfo:
    repeating: bool
    datatype: type | None  # model class of a complex datatype; None for primitives


@cache
def _model(type_name: str) -> type | None:
    try:
        return get_fhir_model_class(type_name)
    except (KeyError, ValueError, AttributeError):
        return None


@cache
def _fields_by_json_name(model: type) -> dict[str, FieldInfo]:
    fields: dict[str, FieldInfo] = model.model_fields  # type: ignore[attr-defined]
    return {(field.alias or name): field for name, field in fields.items()}


def _annotation_info(annotation: Any) -> ElementInfo:
    repeating = False
    datatype: type | None = None
    pending = [annotation]
    while pending:
        current = pending.pop()
        if typing.get_origin(current) is list:
            repeating = True
        klass = getattr(current, "get_model_klass", None)
        if klass is not None and datatype is None:
            datatype = klass()
        pending.extend(typing.get_args(current))
    return ElementInfo(repeating=repeating, datatype=datatype)


@cache
def _field_info(model: type, json_name: str) -> ElementInfo | None:
    field = _fields_by_json_name(model).get(json_name)
    return None if field is None else _annotation_info(field.annotation)


def element_info(type_path: tuple[str, ...]) -> ElementInfo | None:
    """Definition of the element at ``type_path``; None when unknown (custom type, unknown name)."""
    model = _model(type_path[0]) if type_path else None
    info: ElementInfo | None = None
    for name in type_path[1:]:
        if model is None:
            return None
        info = _field_info(model, name)
        if info is None:
            return None
        model = info.datatype
    return info


def conform(value: Any, info: ElementInfo | None, *, as_item: bool = False) -> Any:
    """``value`` with single objects wrapped into lists wherever the definition repeats.

    ``as_item``: ``value`` is one item of the element (its list is handled by the caller).
    """
    if info is None:
        return value
    if info.repeating and not as_item:
        return [_conform_object(item, info.datatype) for item in (value if isinstance(value, list) else [value])]
    return _conform_object(value, info.datatype)


def _conform_object(value: Any, datatype: type | None) -> Any:
    if not isinstance(value, dict):
        return value
    model = _model(value["resourceType"]) if isinstance(value.get("resourceType"), str) else datatype
    if model is None:
        return value
    return {
        name: item if name.startswith("_") else conform(item, _field_info(model, name)) for name, item in value.items()
    }
