"""FSH entities -> FHIR R4 ``CodeSystem`` / ``ValueSet`` dicts.

Caret paths follow FSH indexing: no index means ``[0]``, ``[+]`` the next item after the last one used at that
path, ``[=]`` the last one used. Which elements are lists, and which take a ``CodeableConcept`` rather than a
``Coding``, is the small table below: it covers every element the NOS export assigns.
"""

from __future__ import annotations

import re
from typing import Any

from terminology.convert.fsh import (
    CaretRule,
    Coded,
    ConceptRule,
    Entity,
    FshError,
    IncludeConcept,
    IncludeFrom,
    Value,
)

LIST_ELEMENTS = frozenset(
    {
        "coding",
        "concept",
        "contact",
        "designation",
        "exclude",
        "extension",
        "filter",
        "identifier",
        "include",
        "jurisdiction",
        "modifierExtension",
        "profile",
        "property",
        "security",
        "tag",
        "telecom",
        "useContext",
    }
)
CODEABLE_CONCEPT_ELEMENTS = frozenset({"jurisdiction"})
_ORDER = (
    "resourceType",
    "id",
    "meta",
    "implicitRules",
    "language",
    "text",
    "contained",
    "extension",
    "modifierExtension",
    "url",
    "identifier",
    "version",
    "name",
    "title",
    "status",
    "experimental",
    "date",
    "publisher",
    "contact",
    "description",
    "useContext",
    "jurisdiction",
    "immutable",
    "purpose",
    "copyright",
    "caseSensitive",
    "valueSet",
    "hierarchyMeaning",
    "compositional",
    "versionNeeded",
    "content",
    "supplements",
    "count",
    "filter",
    "property",
    "compose",
    "concept",
)
_RANK = {name: i for i, name in enumerate(_ORDER)}
_SEGMENT = re.compile(r"^(?P<name>[A-Za-z][A-Za-z0-9]*)(?:\[(?P<index>\d+|\+|=)\])?$")


def _coding(value: Coded) -> dict[str, str]:
    coding = {"system": value.system, "code": value.code, "display": value.display}
    return {k: v for k, v in coding.items() if v}


def _converted(name: str, value: Value, existing: Any) -> Any:
    if not isinstance(value, Coded):
        return value
    if not value.system and value.display is None:
        return value.code
    coding = _coding(value)
    if name in CODEABLE_CONCEPT_ELEMENTS:
        return {"coding": [coding]}
    if isinstance(existing, dict):
        return {**existing, **coding}
    return coding


class _Assigner:
    """Applies caret rules, remembering the last index used per list path (FSH soft indexing)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.last: dict[tuple[Any, ...], int] = {}

    def position(self, key: tuple[Any, ...], index: str | None) -> int:
        if index is None:
            pos = 0
        elif index == "+":
            pos = self.last.get(key, -1) + 1
        elif index == "=":
            pos = self.last.get(key, 0)
        else:
            pos = int(index)
        self.last[key] = pos
        return pos

    def assign(self, root: dict[str, Any], scope: tuple[Any, ...], path: str, value: Value) -> None:
        segments = path.split(".")
        node: dict[str, Any] = root
        key = scope
        for i, segment in enumerate(segments):
            m = _SEGMENT.match(segment)
            if not m:
                raise FshError(f"{self.source}: unsupported path {path}")
            name, index = m.group("name"), m.group("index")
            last = i == len(segments) - 1
            key = (*key, name)
            if name in LIST_ELEMENTS or index is not None:
                items = node.setdefault(name, [])
                pos = self.position(key, index)
                items.extend({} for _ in range(pos + 1 - len(items)))
                key = (*key, pos)
                if last:
                    items[pos] = _converted(name, value, items[pos] or None)
                    return
                node = items[pos]
            elif last:
                node[name] = _converted(name, value, node.get(name))
            else:
                node = node.setdefault(name, {})


def _ordered(resource: dict[str, Any]) -> dict[str, Any]:
    return dict(sorted(resource.items(), key=lambda kv: _RANK.get(kv[0], len(_RANK))))


def _header(entity: Entity) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": entity.kind,
        "id": entity.id or entity.name,
        "name": entity.name,
    }
    if entity.title:
        resource["title"] = entity.title
    if entity.description:
        resource["description"] = entity.description
    return resource


def code_system(entity: Entity) -> dict[str, Any]:
    """The CodeSystem an FSH ``CodeSystem:`` declares, concepts nested as declared."""
    resource = _header(entity)
    assigner = _Assigner(entity.source)
    concepts: dict[tuple[str, ...], dict[str, Any]] = {}
    top: list[dict[str, Any]] = []
    for rule in entity.rules:
        if isinstance(rule, ConceptRule):
            concept: dict[str, Any] = {"code": rule.codes[-1]}
            if rule.display is not None:
                concept["display"] = rule.display
            if rule.definition is not None:
                concept["definition"] = rule.definition
            parent = rule.codes[:-1]
            if parent and parent not in concepts:
                raise FshError(f"{entity.source}: concept {'/'.join(rule.codes)} declared before its parent")
            siblings = concepts[parent].setdefault("concept", []) if parent else top
            if rule.codes in concepts:
                raise FshError(f"{entity.source}: concept {'/'.join(rule.codes)} declared twice")
            siblings.append(concept)
            concepts[rule.codes] = concept
        elif isinstance(rule, CaretRule):
            if not rule.concept:
                assigner.assign(resource, (), rule.path, rule.value)
            elif rule.concept in concepts:
                assigner.assign(concepts[rule.concept], rule.concept, rule.path, rule.value)
            else:
                raise FshError(f"{entity.source}: rule on undeclared concept {'/'.join(rule.concept)}")
        else:
            raise FshError(f"{entity.source}: value set rule in a CodeSystem")
    if top:
        resource["concept"] = top
    return _ordered(resource)


def value_set(entity: Entity) -> dict[str, Any]:
    """The ValueSet an FSH ``ValueSet:`` declares; explicit codes are grouped per system in first-seen order."""
    resource = _header(entity)
    assigner = _Assigner(entity.source)
    groups: dict[str, dict[tuple[str, ...], dict[str, Any]]] = {"include": {}, "exclude": {}}
    for rule in entity.rules:
        if isinstance(rule, CaretRule):
            if rule.concept:
                raise FshError(f"{entity.source}: concept caret rule in a ValueSet")
            assigner.assign(resource, (), rule.path, rule.value)
        elif isinstance(rule, IncludeConcept):
            group = groups["exclude" if rule.exclude else "include"].setdefault(
                ("concepts", rule.system), {"system": rule.system, "concept": []}
            )
            item = {"code": rule.code} | ({"display": rule.display} if rule.display is not None else {})
            group["concept"].append(item)
        elif isinstance(rule, IncludeFrom):
            entry: dict[str, Any] = {}
            if rule.system:
                entry["system"] = rule.system
            if rule.value_sets:
                entry["valueSet"] = list(rule.value_sets)
            mode = "exclude" if rule.exclude else "include"
            groups[mode][("from", rule.system or "", *rule.value_sets)] = entry
        else:
            raise FshError(f"{entity.source}: concept rule in a ValueSet")
    compose = {mode: list(entries.values()) for mode, entries in groups.items() if entries}
    if compose:
        resource["compose"] = compose
    return _ordered(resource)


def resource(entity: Entity) -> dict[str, Any]:
    return code_system(entity) if entity.kind == "CodeSystem" else value_set(entity)
