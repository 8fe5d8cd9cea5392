"""Reading a FHIRPath Patch ``Parameters`` body into operations, tolerant of the ROR shapes.

Besides the standard parts (``type``, ``path``, ``name``, ``value[x]``, ``index``,
``source``, ``destination``) the ``value`` part is accepted as:

* ``valueX`` of any type, array-valued included (``valueContactPoint: [...]``);
* a raw ``value`` key holding JSON, or holding one nested ``valueX`` (unwrapped);
* ``part: [...]`` named after the element's fields (``{name: "reference", valueString: …}``);
* ``part: [{extension: [...]}]``: raw objects, kept as a :class:`PatchValue` *fragment*
  that the engine reads against the element it writes (see :meth:`PatchValue.items_for`).

Malformed bodies are ``400 invalid`` naming the offending part in ``expression``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from server.errors import InvalidRequest

VALUE_KEY = re.compile(r"^value[A-Z][A-Za-z0-9]*$")


class OperationType(StrEnum):
    ADD = "add"
    INSERT = "insert"
    DELETE = "delete"
    REPLACE = "replace"
    MOVE = "move"


_REQUIRED_PARTS = {
    OperationType.ADD: ("value",),
    OperationType.INSERT: ("value", "index"),
    OperationType.DELETE: (),
    OperationType.REPLACE: ("value",),
    OperationType.MOVE: ("source", "destination"),
}
_KNOWN_PARTS = ("type", "path", "name", "value", "index", "source", "destination")


@dataclass(frozen=True, slots=True)
class PatchValue:
    data: Any
    fragment: bool = False  # data is the list of raw objects given in value.part

    def items_for(self, member: str) -> list[Any]:
        """The items this value provides for the element ``member``.

        Raw objects that hold only ``member`` (``{extension: [...]}``) are fragments of the parent
        and give their ``member`` items; other raw objects are items themselves.
        """
        if self.fragment:
            if all(set(raw) == {member} for raw in self.data):
                return [item for raw in self.data for item in _as_list(raw[member])]
            return list(self.data)
        return _as_list(self.data)


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else [value]


@dataclass(frozen=True, slots=True)
class PatchOperation:
    position: int  # index in Parameters.parameter
    type: OperationType
    path: str
    name: str | None = None
    value: PatchValue | None = None
    index: int | None = None
    source: int | None = None
    destination: int | None = None

    @property
    def expression(self) -> str:
        return f"Parameters.parameter[{self.position}]"

    def describe(self) -> str:
        return f"Operation {self.position} ({self.type})"


def _typed_keys(part: dict[str, Any]) -> list[str]:
    return [key for key in part if VALUE_KEY.match(key)]


def _unwrap_nested(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        (key,) = value
        if VALUE_KEY.match(key):
            return value[key]
    return value


def _decode_value(part: dict[str, Any], where: str) -> PatchValue:
    typed = _typed_keys(part)
    if len(typed) > 1:
        raise InvalidRequest(f"The part has several values ({', '.join(typed)})", expression=where)
    if typed:
        return PatchValue(part[typed[0]])
    if "value" in part:
        return PatchValue(_unwrap_nested(part["value"]))
    if "part" in part:
        return _decode_parts(part["part"], f"{where}.part")
    raise InvalidRequest("The value part carries no value (value[x], value or part)", expression=where)


def _decode_parts(parts: Any, where: str) -> PatchValue:
    """Parts named after the fields of a complex value. In an extension (a ``url`` part is
    present) a ``value`` part keeps its type: ``{name: value, valueInteger: 2}`` -> ``valueInteger``."""
    if not isinstance(parts, list) or not parts or not all(isinstance(p, dict) for p in parts):
        raise InvalidRequest("'part' must be a non-empty list of objects", expression=where)
    if not any("name" in part for part in parts):
        return PatchValue(parts, fragment=True)
    fields: dict[str, list[Any]] = {}
    value_types: list[str] = []
    for position, part in enumerate(parts):
        if "name" not in part:
            for name, content in part.items():
                fields.setdefault(name, []).extend(_as_list(content))
            continue
        name = part["name"]
        if not isinstance(name, str) or not name:
            raise InvalidRequest("A part name must be a non-empty string", expression=f"{where}[{position}].name")
        if name == "value":
            value_types += _typed_keys(part)
        fields.setdefault(name, []).append(_decode_value(part, f"{where}[{position}]").data)
    decoded = {name: items[0] if len(items) == 1 else items for name, items in fields.items()}
    if "url" in decoded and "value" in decoded and len(value_types) == 1:
        decoded[value_types[0]] = decoded.pop("value")
    return PatchValue(decoded)


def _string(part: dict[str, Any], where: str) -> str:
    values = [part[key] for key in _typed_keys(part) if isinstance(part[key], str)]
    if len(values) != 1 or not values[0].strip():
        raise InvalidRequest("Expected one non-empty string value (valueString, valueCode…)", expression=where)
    return values[0].strip()


def _integer(part: dict[str, Any], where: str) -> int:
    values = [part[key] for key in _typed_keys(part)]
    if len(values) == 1:
        value = values[0]
        if isinstance(value, str) and value.strip().isdigit():
            return int(value)
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value
    raise InvalidRequest("Expected one non-negative integer value (valueInteger)", expression=where)


def _read_operation(position: int, parameter: Any) -> PatchOperation:
    where = f"Parameters.parameter[{position}]"
    if not isinstance(parameter, dict) or parameter.get("name") != "operation":
        raise InvalidRequest("Each parameter of a FHIRPath Patch must be named 'operation'", expression=f"{where}.name")
    parts = parameter.get("part")
    if not isinstance(parts, list) or not all(isinstance(p, dict) for p in parts):
        raise InvalidRequest("An operation must have a list of parts", expression=f"{where}.part")
    found: dict[str, tuple[dict[str, Any], str]] = {}
    for index, part in enumerate(parts):
        part_where = f"{where}.part[{index}]"
        name = part.get("name")
        if name not in _KNOWN_PARTS:
            raise InvalidRequest(
                f"Unknown operation part '{name}' (expected one of {', '.join(_KNOWN_PARTS)})",
                expression=part_where,
            )
        if name in found:
            raise InvalidRequest(f"The operation has several '{name}' parts", expression=part_where)
        found[name] = (part, part_where)
    for required in ("type", "path"):
        if required not in found:
            raise InvalidRequest(f"The operation has no '{required}' part", expression=f"{where}.part")
    type_text = _string(*found["type"])
    try:
        operation_type = OperationType(type_text)
    except ValueError:
        raise InvalidRequest(
            f"Unknown operation type '{type_text}' (expected add, insert, delete, replace or move)",
            expression=found["type"][1],
        ) from None
    for required in _REQUIRED_PARTS[operation_type]:
        if required not in found:
            raise InvalidRequest(
                f"A '{operation_type}' operation needs a '{required}' part", expression=f"{where}.part"
            )
    return PatchOperation(
        position=position,
        type=operation_type,
        path=_string(*found["path"]),
        name=_string(*found["name"]) if "name" in found else None,
        value=_decode_value(*found["value"]) if "value" in found else None,
        index=_integer(*found["index"]) if "index" in found else None,
        source=_integer(*found["source"]) if "source" in found else None,
        destination=_integer(*found["destination"]) if "destination" in found else None,
    )


def read_operations(parameters: Any) -> list[PatchOperation]:
    """The operations of a FHIRPath Patch body; 400 ``invalid`` when it is malformed."""
    if not isinstance(parameters, dict) or parameters.get("resourceType") != "Parameters":
        raise InvalidRequest("A FHIRPath Patch body must be a Parameters resource", expression="Parameters")
    parameter_list = parameters.get("parameter")
    if not isinstance(parameter_list, list) or not parameter_list:
        raise InvalidRequest("The Parameters resource holds no operation", expression="Parameters.parameter")
    return [_read_operation(position, parameter) for position, parameter in enumerate(parameter_list)]
