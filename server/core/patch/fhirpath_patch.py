"""FHIRPath Patch (FHIR R4) applied to the JSON tree of a resource, with the tolerant ROR shapes.

Each operation is first *resolved* against the current tree into an :class:`Edit`
(the slots it acts on and the items it writes), then *executed*. Keeping the two
apart lets resource-specific rules (the ROR capacity rules) inspect an edit before it
is written; see :func:`apply_fhirpath_patch`'s ``apply_edit``.

Tolerances beyond the standard (spec §3.2): ``add`` without ``name`` when the path ends
on the element (``Location.extension.where(…)``); ``replace`` and ``delete`` with
``name``; ``delete`` with ``name`` + ``value`` removing the matching items (codes
compared by system and code); ``replace`` of a whole list by an array value; a plain
value replacing an extension sets the extension's ``value[x]``; single objects sent
where the element repeats become lists.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from server.core.patch.element_model import ElementInfo, conform, element_info
from server.core.patch.patch_parameters import (
    VALUE_KEY,
    OperationType,
    PatchOperation,
    PatchValue,
    read_operations,
)
from server.core.patch.path_steps import element_path
from server.core.patch.protected import ensure_protected_unchanged
from server.core.patch.tree import ResourceTree, Slot, item_slots, json_key
from server.errors import InvalidRequest, Unprocessable


@dataclass(slots=True)
class Edit:
    """One operation resolved against the tree.

    ``slots``: for add, insert and move the one element written to; for delete and replace
    the selected elements or items. ``items``: what add and insert write; for replace one
    new content per slot, or, when ``splice``, the items that take the selected items' place.
    """

    operation: PatchOperation
    slots: list[Slot]
    items: list[Any] = field(default_factory=list)
    splice: bool = False


# --- resolution --------------------------------------------------------------------------------


def _single_parent(tree: ResourceTree, path: str | None, operation: PatchOperation) -> dict[str, Any]:
    parents = tree.nodes(path)
    if len(parents) != 1:
        raise Unprocessable(
            f"{operation.describe()}: the path selects {len(parents)} elements, exactly one is needed",
            expression=operation.path,
        )
    return parents[0]


def _items(tree: ResourceTree, owner: dict[str, Any], key: str, value: PatchValue) -> list[Any]:
    info = tree.info(owner, key)
    return [conform(item, info, as_item=True) for item in value.items_for(key)]


def _value(operation: PatchOperation) -> PatchValue:
    assert operation.value is not None, "read_operations requires a value for add, insert and replace"
    return operation.value


def _resolve_add(tree: ResourceTree, operation: PatchOperation) -> Edit:
    if operation.name is not None:
        parent_path, member = operation.path, operation.name
    else:
        shape = element_path(operation.path)
        if shape is None:
            raise InvalidRequest(
                f"{operation.describe()} needs a 'name' part, or a path ending on the element to add to",
                expression=f"{operation.expression}.part",
            )
        parent_path, member = shape.parent, shape.member
    owner = _single_parent(tree, parent_path, operation)
    return Edit(operation, [Slot(owner, member)], _items(tree, owner, member, _value(operation)))


def _list_slot(tree: ResourceTree, operation: PatchOperation) -> list[Slot]:
    """The list element an insert or move works on (empty when the path selects nothing)."""
    selected = tree.select(operation.path)
    if not selected:
        return []
    first = selected[0]
    if not all(slot.same_element(first) for slot in selected) or not isinstance(first.owner[first.key], list):
        raise Unprocessable(f"{operation.describe()}: the path must designate one list", expression=operation.path)
    return [Slot(first.owner, first.key)]


def _resolve_insert(tree: ResourceTree, operation: PatchOperation) -> Edit:
    slots = _list_slot(tree, operation)
    items = _items(tree, slots[0].owner, slots[0].key, _value(operation)) if slots else []
    return Edit(operation, slots, items)


def _codes(value: dict[str, Any]) -> list[tuple[Any, Any]]:
    codings = value.get("coding")
    return (
        [(c.get("system"), c.get("code")) for c in codings if isinstance(c, dict)] if isinstance(codings, list) else []
    )


def _matches(item: Any, probe: Any) -> bool:
    """Whether ``item`` is the one ``probe`` designates: same code for a CodeableConcept, same
    reference for a Reference, equality otherwise."""
    if isinstance(item, dict) and isinstance(probe, dict):
        if "coding" in probe:
            return any(
                code == probe_code and (probe_system is None or system == probe_system)
                for system, code in _codes(item)
                for probe_system, probe_code in _codes(probe)
            )
        if "reference" in probe:
            return item.get("reference") == probe["reference"]
    return bool(item == probe)


def _resolve_delete(tree: ResourceTree, operation: PatchOperation) -> Edit:
    if operation.name is not None:
        owner = _single_parent(tree, operation.path, operation)
        key = json_key(owner, operation.name) or operation.name
        slots = [Slot(owner, key)] if key in owner else []
    else:
        slots = tree.select(operation.path)
    if operation.value is not None and slots:
        probes = _items(tree, slots[0].owner, slots[0].key, operation.value)
        slots = [slot for slot in item_slots(slots) if any(_matches(slot.value, probe) for probe in probes)]
    return Edit(operation, slots)


def _extension_value_key(extension: dict[str, Any], value: Any, operation: PatchOperation) -> str:
    existing = [key for key in extension if VALUE_KEY.match(key)]
    if existing:
        return existing[0]
    inferred = {bool: "valueBoolean", int: "valueInteger", float: "valueDecimal", str: "valueString"}
    if type(value) in inferred:
        return inferred[type(value)]
    raise Unprocessable(
        f"{operation.describe()}: give the extension's value as value[x] (its type cannot be inferred)",
        expression=operation.path,
    )


def _with_extension_value(extension: dict[str, Any], new: Any, operation: PatchOperation) -> dict[str, Any]:
    """``extension`` with its ``value[x]`` set from a plain value, ``{value: v}`` or ``{valueX: v}``."""
    if isinstance(new, dict) and len(new) == 1 and VALUE_KEY.match(next(iter(new))):
        ((key, value),) = new.items()
    else:
        value = new["value"] if isinstance(new, dict) and set(new) == {"value"} else new
        key = _extension_value_key(extension, value, operation)
    result = {name: item for name, item in extension.items() if not VALUE_KEY.match(name)}
    result[key] = conform(value, element_info(("Extension", key)))
    return result


_EXTENSION_ELEMENTS = ("extension", "modifierExtension")


def _replacement(current: Any, new: Any, slot: Slot, info: ElementInfo | None, operation: PatchOperation) -> Any:
    """What replaces ``current`` (the value at ``slot``) when the client sends ``new``."""
    is_extension = slot.key in _EXTENSION_ELEMENTS and isinstance(current, dict)
    if is_extension and not (isinstance(new, dict) and "url" in new):
        return _with_extension_value(current, new, operation)
    if not isinstance(current, dict | list) and isinstance(new, dict) and set(new) == {"value"}:
        return new["value"]
    return conform(new, info, as_item=True)


def _element_content(tree: ResourceTree, slot: Slot, value: PatchValue, operation: PatchOperation) -> Any:
    """The new content of a whole element: a list when it repeats, a single value otherwise."""
    info = tree.info(slot.owner, slot.key)
    news = value.items_for(slot.key)
    current = slot.owner.get(slot.key)
    repeating = info.repeating if info is not None else isinstance(current, list) or len(news) > 1
    if repeating:
        return [conform(new, info, as_item=True) for new in news]
    if len(news) != 1:
        raise Unprocessable(
            f"{operation.describe()}: '{slot.key}' holds a single value, {len(news)} were given",
            expression=operation.path,
        )
    return _replacement(current, news[0], slot, info, operation) if current is not None else conform(news[0], info)


def _resolve_replace(tree: ResourceTree, operation: PatchOperation) -> Edit:
    value = _value(operation)
    if operation.name is not None:
        owner = _single_parent(tree, operation.path, operation)
        slots = [Slot(owner, json_key(owner, operation.name) or operation.name)]
    else:
        slots = tree.select(operation.path)
    if not slots:
        return Edit(operation, [])
    if not slots[0].is_item:
        return Edit(operation, slots, [_element_content(tree, slot, value, operation) for slot in slots])
    news = value.items_for(slots[0].key)
    if len(news) == 1:
        items = [_replacement(slot.value, news[0], slot, tree.info(slot.owner, slot.key), operation) for slot in slots]
        return Edit(operation, slots, items)
    if not all(slot.same_element(slots[0]) and slot.index is not None for slot in slots):
        raise Unprocessable(
            f"{operation.describe()}: several values can only replace items of one list",
            expression=operation.path,
        )
    return Edit(operation, slots, _items(tree, slots[0].owner, slots[0].key, value), splice=True)


def _resolve_move(tree: ResourceTree, operation: PatchOperation) -> Edit:
    return Edit(operation, _list_slot(tree, operation))


_RESOLVERS: dict[OperationType, Callable[[ResourceTree, PatchOperation], Edit]] = {
    OperationType.ADD: _resolve_add,
    OperationType.INSERT: _resolve_insert,
    OperationType.DELETE: _resolve_delete,
    OperationType.REPLACE: _resolve_replace,
    OperationType.MOVE: _resolve_move,
}


def resolve(tree: ResourceTree, operation: PatchOperation) -> Edit:
    """Where ``operation`` acts on the tree and what it writes; raises for paths that are not valid."""
    return _RESOLVERS[operation.type](tree, operation)


# --- execution ---------------------------------------------------------------------------------


def _shadow(owner: dict[str, Any], key: str) -> list[Any] | None:
    """The ``_key`` list carrying ids/extensions of a primitive list, kept aligned with it."""
    shadow = owner.get(f"_{key}")
    return shadow if isinstance(shadow, list) and len(shadow) == len(owner[key]) else None


def _drop_element(owner: dict[str, Any], key: str) -> None:
    owner.pop(key, None)
    owner.pop(f"_{key}", None)


def _delete_positions(owner: dict[str, Any], key: str, positions: list[int]) -> None:
    shadow = _shadow(owner, key)
    for position in sorted(set(positions), reverse=True):
        del owner[key][position]
        if shadow is not None:
            del shadow[position]
    if not owner[key]:
        _drop_element(owner, key)


def _prune(tree: ResourceTree, node: dict[str, Any]) -> None:
    """Remove ``node`` and then its ancestors while they are left empty (FHIR has no empty objects)."""
    while not node and node is not tree.resource:
        slot = tree.slot_of(node)
        if slot is None or slot.key not in slot.owner:
            return
        element = slot.owner[slot.key]
        if isinstance(element, list):
            _delete_positions(slot.owner, slot.key, [i for i, item in enumerate(element) if item is node])
        else:
            _drop_element(slot.owner, slot.key)
        node = slot.owner


def _remove(tree: ResourceTree, slots: list[Slot]) -> None:
    positions: dict[tuple[int, str], tuple[dict[str, Any], str, list[int]]] = {}
    for slot in slots:
        if slot.index is None:
            _drop_element(slot.owner, slot.key)
        else:
            positions.setdefault((id(slot.owner), slot.key), (slot.owner, slot.key, []))[2].append(slot.index)
    for owner, key, indexes in positions.values():
        if isinstance(owner.get(key), list):
            _delete_positions(owner, key, indexes)
    for slot in slots:
        _prune(tree, slot.owner)


def _write_add(tree: ResourceTree, edit: Edit) -> None:
    slot = edit.slots[0]
    owner, key = slot.owner, slot.key
    current = owner.get(key)
    info = tree.info(owner, key)
    if isinstance(current, list):
        current.extend(edit.items)
    elif current is None and (info is None or info.repeating):
        owner[key] = list(edit.items)
    elif current is None and len(edit.items) == 1:
        owner[key] = edit.items[0]
    else:
        raise Unprocessable(
            f"{edit.operation.describe()}: '{key}' holds a single value; use replace",
            expression=edit.operation.path,
        )


def _write_insert(edit: Edit) -> None:
    slot, index = edit.slots[0], edit.operation.index or 0
    target = slot.owner[slot.key]
    if index > len(target):
        raise Unprocessable(
            f"{edit.operation.describe()}: index {index} is past the end of the list ({len(target)} items)",
            expression=edit.operation.path,
        )
    shadow = _shadow(slot.owner, slot.key)
    target[index:index] = edit.items
    if shadow is not None:
        shadow[index:index] = [None] * len(edit.items)


def _write_move(edit: Edit) -> None:
    slot = edit.slots[0]
    source, destination = edit.operation.source or 0, edit.operation.destination or 0
    target = slot.owner[slot.key]
    if source >= len(target) or destination >= len(target):
        raise Unprocessable(
            f"{edit.operation.describe()}: source and destination must be below {len(target)}",
            expression=edit.operation.path,
        )
    for moved in (target, _shadow(slot.owner, slot.key)):
        if moved is not None:
            moved.insert(destination, moved.pop(source))


def _write_replace(tree: ResourceTree, edit: Edit) -> None:
    if edit.splice:
        owner, key = edit.slots[0].owner, edit.slots[0].key
        positions = sorted(slot.index for slot in edit.slots if slot.index is not None)
        _delete_positions(owner, key, positions)
        owner.setdefault(key, [])[positions[0] : positions[0]] = edit.items
        return
    for slot, item in zip(edit.slots, edit.items, strict=True):
        if slot.index is not None:
            slot.owner[slot.key][slot.index] = item
        elif item == []:
            _drop_element(slot.owner, slot.key)
        else:
            slot.owner[slot.key] = item


def execute(tree: ResourceTree, edit: Edit) -> None:
    """Write ``edit`` into the tree; 422 when its path selected nothing."""
    operation = edit.operation
    if not edit.slots:
        raise Unprocessable(f"{operation.describe()}: the path selects nothing", expression=operation.path)
    edit.items = copy.deepcopy(edit.items)
    match operation.type:
        case OperationType.ADD:
            _write_add(tree, edit)
        case OperationType.INSERT:
            _write_insert(edit)
        case OperationType.DELETE:
            _remove(tree, edit.slots)
        case OperationType.REPLACE:
            _write_replace(tree, edit)
        case OperationType.MOVE:
            _write_move(edit)
    tree.refresh()


EditApplier = Callable[[ResourceTree, Edit], None]


def apply_fhirpath_patch(
    resource: dict[str, Any], parameters: dict[str, Any], *, apply_edit: EditApplier = execute
) -> dict[str, Any]:
    """``resource`` patched by the FHIRPath Patch ``parameters`` (a new dict; the input is untouched).

    ``apply_edit`` writes each resolved edit (default :func:`execute`); resource-specific rules wrap it.
    """
    operations = read_operations(parameters)
    tree = ResourceTree(copy.deepcopy(resource))
    for operation in operations:
        apply_edit(tree, resolve(tree, operation))
        ensure_protected_unchanged(resource, tree.resource, operation.describe())
    return tree.resource
