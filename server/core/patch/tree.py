"""The resource being patched, and where the nodes a FHIRPath selects sit in it.

A :class:`Slot` names a place in the JSON tree: the dict that owns an element, the
element's JSON name and, for one item of a repeating element, its position. Complex
nodes returned by FHIRPath are found by identity; primitive ones by matching them,
in order, against the items of the element the path ends on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from server.core.patch.element_model import ElementInfo, element_info
from server.core.patch.fhirpath_eval import evaluate
from server.core.patch.path_steps import ElementPath, designates_root, element_path
from server.errors import Unprocessable


@dataclass(frozen=True, slots=True, eq=False)
class Slot:
    owner: dict[str, Any]
    key: str
    index: int | None = None  # position in the list; None: the whole element

    @property
    def value(self) -> Any:
        element = self.owner[self.key]
        return element if self.index is None else element[self.index]

    @property
    def is_item(self) -> bool:
        return self.index is not None or not isinstance(self.owner.get(self.key), list)

    def same_element(self, other: Slot) -> bool:
        return self.owner is other.owner and self.key == other.key


def json_key(owner: dict[str, Any], member: str) -> str | None:
    """The JSON name ``member`` has in ``owner``, choice types included (``value`` -> ``valueInteger``)."""
    if member in owner:
        return member
    choices = (key for key in owner if key.startswith(member) and key[len(member) : len(member) + 1].isupper())
    return next(choices, None)


class ResourceTree:
    """A mutable resource plus an index from each of its dicts to its slot and type path."""

    def __init__(self, resource: dict[str, Any]) -> None:
        self.resource = resource
        self.resource_type = str(resource.get("resourceType", ""))
        self._slots: dict[int, Slot] = {}
        self._type_paths: dict[int, tuple[str, ...]] = {}
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the index; call after every change to the tree."""
        self._slots = {}
        self._type_paths = {id(self.resource): (self.resource_type,)}
        self._index(self.resource, (self.resource_type,))

    def _index(self, owner: dict[str, Any], type_path: tuple[str, ...]) -> None:
        for key, element in owner.items():
            items = enumerate(element) if isinstance(element, list) else [(None, element)]
            for position, item in items:
                if isinstance(item, dict):
                    child_path = (
                        (item["resourceType"],) if isinstance(item.get("resourceType"), str) else (*type_path, key)
                    )
                    self._slots[id(item)] = Slot(owner, key, position)
                    self._type_paths[id(item)] = child_path
                    self._index(item, child_path)

    # --- what the model says about a place -------------------------------------------------

    def type_path(self, node: dict[str, Any]) -> tuple[str, ...]:
        return self._type_paths.get(id(node), ())

    def info(self, owner: dict[str, Any], key: str) -> ElementInfo | None:
        return element_info((*self.type_path(owner), key))

    def ancestors(self, node: dict[str, Any]) -> Iterator[dict[str, Any]]:
        """The dicts enclosing ``node``, innermost first, up to the resource."""
        slot = self._slots.get(id(node))
        while slot is not None:
            yield slot.owner
            slot = self._slots.get(id(slot.owner))

    def slot_of(self, node: dict[str, Any]) -> Slot | None:
        return self._slots.get(id(node))

    # --- selection ---------------------------------------------------------------------------

    def nodes(self, path: str | None) -> list[dict[str, Any]]:
        """The complex elements ``path`` selects (None: the resource); 422 if it selects anything else."""
        if path is None:
            return [self.resource]
        selected = evaluate(self.resource, path)
        nodes = [
            node for node in selected if isinstance(node, dict) and (node is self.resource or id(node) in self._slots)
        ]
        if len(nodes) != len(selected):
            raise Unprocessable(f"The path '{path}' must select elements of the resource, not values", expression=path)
        return nodes

    def element_slots(self, parent: str | None, member: str) -> list[Slot]:
        """The ``member`` element of each node ``parent`` selects, where present."""
        slots = []
        for owner in self.nodes(parent):
            key = json_key(owner, member)
            if key is not None:
                slots.append(Slot(owner, key))
        return slots

    def select(self, path: str) -> list[Slot]:
        """Where the items ``path`` selects sit. A path ending on an element name with no filter
        (``Organization.telecom``) selects the whole element."""
        if designates_root(path):
            raise Unprocessable(f"The path '{path}' designates the whole resource", expression=path)
        shape = element_path(path)
        if shape is not None and not shape.filtered:
            return self.element_slots(shape.parent, shape.member)
        return self._locate(path, evaluate(self.resource, path), shape)

    def _locate(self, path: str, selected: list[Any], shape: ElementPath | None) -> list[Slot]:
        candidates = None
        slots = []
        for node in selected:
            slot = self._slots.get(id(node)) if isinstance(node, dict) else None
            if slot is None and not isinstance(node, dict | list) and shape is not None:
                if candidates is None:
                    candidates = iter(item_slots(self.element_slots(shape.parent, shape.member)))
                slot = next((c for c in candidates if _same_primitive(c.value, node)), None)
            if slot is None:
                raise Unprocessable(
                    f"The path '{path}' selects values that cannot be located in the resource",
                    expression=path,
                )
            slots.append(slot)
        return slots


def _same_primitive(a: Any, b: Any) -> bool:
    return isinstance(a, bool) == isinstance(b, bool) and a == b


def item_slots(slots: list[Slot]) -> list[Slot]:
    """Each item of the given elements: one slot per list item, the slot itself for a single value."""
    items = []
    for slot in slots:
        element = slot.owner[slot.key]
        if isinstance(element, list):
            items.extend(Slot(slot.owner, slot.key, position) for position in range(len(element)))
        else:
            items.append(slot)
    return items
