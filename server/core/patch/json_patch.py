"""JSON Patch (RFC 6902) with JSON Pointers (RFC 6901), applied to a copy of a resource.

A malformed operation is ``400 invalid``; an operation that cannot be applied (missing
target, failed ``test``, change of ``id``/``resourceType``/``meta``) is ``422 processing``.
``expression`` points into the patch document: ``/2`` is the third operation, ``/2/path``
its ``path`` member.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from server.core.patch.protected import ensure_protected_unchanged
from server.errors import InvalidRequest, Unprocessable

_MEMBERS = {
    "add": ("path", "value"),
    "remove": ("path",),
    "replace": ("path", "value"),
    "move": ("from", "path"),
    "copy": ("from", "path"),
    "test": ("path", "value"),
}


@dataclass(frozen=True, slots=True)
class JsonPatchOperation:
    index: int
    op: str
    path: tuple[str, ...]
    source: tuple[str, ...] | None  # the "from" pointer of move and copy
    value: Any

    @property
    def expression(self) -> str:
        return f"/{self.index}"

    def describe(self) -> str:
        return f"JSON Patch operation {self.index} ({self.op})"

    def fail(self, diagnostics: str) -> Unprocessable:
        return Unprocessable(f"{self.describe()}: {diagnostics}", expression=self.expression)


def _pointer(text: Any, where: str) -> tuple[str, ...]:
    if not isinstance(text, str) or (text and not text.startswith("/")):
        raise InvalidRequest("A JSON Pointer must be '' or start with '/'", expression=where)
    tokens = text.split("/")[1:]
    for token in tokens:
        if "~" in token.replace("~0", "").replace("~1", ""):
            raise InvalidRequest(f"Invalid escape in JSON Pointer '{text}' (only ~0 and ~1)", expression=where)
    return tuple(token.replace("~1", "/").replace("~0", "~") for token in tokens)


def _read(index: int, raw: Any) -> JsonPatchOperation:
    where = f"/{index}"
    if not isinstance(raw, dict):
        raise InvalidRequest("A JSON Patch operation must be an object", expression=where)
    op = raw.get("op")
    if op not in _MEMBERS:
        raise InvalidRequest(f"Unknown JSON Patch op '{op}' (expected {', '.join(_MEMBERS)})", expression=f"{where}/op")
    for member in _MEMBERS[op]:
        if member not in raw:
            raise InvalidRequest(f"A '{op}' operation needs '{member}'", expression=where)
    return JsonPatchOperation(
        index=index,
        op=op,
        path=_pointer(raw["path"], f"{where}/path"),
        source=_pointer(raw["from"], f"{where}/from") if "from" in raw else None,
        value=raw.get("value"),
    )


def _array_index(token: str, size: int, operation: JsonPatchOperation, *, appending: bool = False) -> int:
    if appending and token == "-":
        return size
    if not token.isdigit() or (token != "0" and token.startswith("0")):
        raise operation.fail(f"'{token}' is not an array index")
    position = int(token)
    if position > size or (position == size and not appending):
        raise operation.fail(f"index {position} is out of range (array of {size})")
    return position


def _get(document: Any, tokens: tuple[str, ...], operation: JsonPatchOperation) -> Any:
    node = document
    for depth, token in enumerate(tokens):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list):
            node = node[_array_index(token, len(node), operation)]
        else:
            raise operation.fail(f"'/{'/'.join(tokens[: depth + 1])}' does not exist")
    return node


def _add(document: Any, tokens: tuple[str, ...], value: Any, operation: JsonPatchOperation) -> Any:
    if not tokens:
        return value
    parent, last = _get(document, tokens[:-1], operation), tokens[-1]
    if isinstance(parent, dict):
        parent[last] = value
    elif isinstance(parent, list):
        parent.insert(_array_index(last, len(parent), operation, appending=True), value)
    else:
        raise operation.fail(f"cannot add a member to the value at '/{'/'.join(tokens[:-1])}'")
    return document


def _remove(document: Any, tokens: tuple[str, ...], operation: JsonPatchOperation) -> Any:
    if not tokens:
        raise operation.fail("cannot remove the whole resource")
    parent, last = _get(document, tokens[:-1], operation), tokens[-1]
    if isinstance(parent, list):
        del parent[_array_index(last, len(parent), operation)]
    elif isinstance(parent, dict) and last in parent:
        del parent[last]
    else:
        raise operation.fail(f"'/{'/'.join(tokens)}' does not exist")
    return document


def _replace(document: Any, tokens: tuple[str, ...], value: Any, operation: JsonPatchOperation) -> Any:
    if not tokens:
        return value
    parent, last = _get(document, tokens[:-1], operation), tokens[-1]
    if isinstance(parent, list):
        parent[_array_index(last, len(parent), operation)] = value
    elif isinstance(parent, dict) and last in parent:
        parent[last] = value
    else:
        raise operation.fail(f"'/{'/'.join(tokens)}' does not exist")
    return document


def json_equal(a: Any, b: Any) -> bool:
    """Equality of JSON values (RFC 6902 §4.6): booleans are not numbers, 1 equals 1.0."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_equal(a[key], b[key]) for key in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def _apply(document: Any, operation: JsonPatchOperation) -> Any:
    path, source = operation.path, operation.source or ()
    match operation.op:
        case "add":
            return _add(document, path, copy.deepcopy(operation.value), operation)
        case "remove":
            return _remove(document, path, operation)
        case "replace":
            return _replace(document, path, copy.deepcopy(operation.value), operation)
        case "move":
            if path[: len(source)] == source and path != source:
                raise operation.fail("cannot move a value into one of its own children")
            value = _get(document, source, operation)
            return _add(_remove(document, source, operation), path, value, operation)
        case "copy":
            return _add(document, path, copy.deepcopy(_get(document, source, operation)), operation)
        case _:  # test
            if not json_equal(_get(document, path, operation), operation.value):
                raise operation.fail(f"the value at '/{'/'.join(path)}' is not the expected one")
            return document


def apply_json_patch(resource: dict[str, Any], operations: list[Any]) -> dict[str, Any]:
    """``resource`` patched by the RFC 6902 ``operations`` (a new dict; the input is untouched)."""
    if not isinstance(operations, list):
        raise InvalidRequest("A JSON Patch body must be an array of operations", expression="/")
    document: Any = copy.deepcopy(resource)
    for index, raw in enumerate(operations):
        operation = _read(index, raw)
        document = _apply(document, operation)
        ensure_protected_unchanged(resource, document, operation.describe())
    return document
