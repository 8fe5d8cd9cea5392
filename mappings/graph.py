"""An in-memory graph of the FHIR resources of one or more establishments, and its hierarchy index.

The legacy model is a tree: EJ (legal entity) <- EG (establishment) <- OI (internal organisations, any
depth) <- UE (elementary unit = one HealthcareService), with places (Location), professionals
(PractitionerRole + Practitioner) hanging off the UE. :class:`OfferGraph` holds the resources;
:class:`Hierarchy` answers parent/children/level questions in O(1) once built.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar

from mappings.fhir import OI_TYPE, STRUCTURE_KIND, codings, reference_id, references

Resource = dict[str, Any]


class Level(StrEnum):
    EJ = "EJ"
    EG = "EG"
    OI = "OI"


@dataclass
class OfferGraph:
    """Resources by type then id. Unknown resource types are ignored by :meth:`add`."""

    organizations: dict[str, Resource] = field(default_factory=dict)
    services: dict[str, Resource] = field(default_factory=dict)
    locations: dict[str, Resource] = field(default_factory=dict)
    practitioners: dict[str, Resource] = field(default_factory=dict)
    roles: dict[str, Resource] = field(default_factory=dict)

    _BUCKETS: ClassVar[dict[str, str]] = {
        "Organization": "organizations",
        "HealthcareService": "services",
        "Location": "locations",
        "Practitioner": "practitioners",
        "PractitionerRole": "roles",
    }

    @classmethod
    def of(cls, resources: Iterable[Resource]) -> OfferGraph:
        graph = cls()
        for resource in resources:
            graph.add(resource)
        return graph

    def add(self, resource: Resource) -> None:
        bucket = self._BUCKETS.get(resource.get("resourceType", ""))
        if bucket and resource.get("id"):
            getattr(self, bucket)[resource["id"]] = resource

    def get(self, resource_type: str, resource_id: str | None) -> Resource | None:
        bucket = self._BUCKETS.get(resource_type)
        return getattr(self, bucket).get(resource_id) if bucket and resource_id else None

    def resources(self) -> Iterator[Resource]:
        for bucket in self._BUCKETS.values():
            yield from getattr(self, bucket).values()

    def __len__(self) -> int:
        return sum(len(getattr(self, bucket)) for bucket in self._BUCKETS.values())

    def index(self) -> Hierarchy:
        """Index the current content (build the graph first: the index does not follow later changes)."""
        return Hierarchy(self)


class Hierarchy:
    """Parent/children links of the organisations and offers of an :class:`OfferGraph`."""

    def __init__(self, graph: OfferGraph) -> None:
        self.graph = graph
        self._children: dict[str, list[Resource]] = defaultdict(list)
        self._services: dict[str, list[Resource]] = defaultdict(list)
        self._roles: dict[str, list[Resource]] = defaultdict(list)
        for org in graph.organizations.values():
            parent = reference_id(org.get("partOf"), "Organization")
            if parent:
                self._children[parent].append(org)
        for hcs in graph.services.values():
            provider = reference_id(hcs.get("providedBy"), "Organization")
            if provider:
                self._services[provider].append(hcs)
        for role in graph.roles.values():
            for hcs_id in references(role.get("healthcareService"), "HealthcareService"):
                self._roles[hcs_id].append(role)

    def parent(self, org: Resource) -> Resource | None:
        return self.graph.organizations.get(reference_id(org.get("partOf"), "Organization") or "")

    def children(self, org: Resource) -> list[Resource]:
        return self._children.get(org["id"], [])

    def services(self, org: Resource) -> list[Resource]:
        """Offers provided directly by this organisation."""
        return self._services.get(org["id"], [])

    def roles(self, hcs: Resource) -> list[Resource]:
        return self._roles.get(hcs["id"], [])

    def provider(self, hcs: Resource) -> Resource | None:
        return self.graph.organizations.get(reference_id(hcs.get("providedBy"), "Organization") or "")

    def level(self, org: Resource) -> Level:
        """OI if typed by TRE_R207, EJ/EG if typed by TRE_R67, else by depth (0 EJ, 1 EG, deeper OI)."""
        typed = _typed_level(org)
        if typed is not None:
            return typed
        if not org.get("partOf"):
            return Level.EJ
        parent = self.parent(org)
        if parent is None:
            return Level.EG
        parent_level = _typed_level(parent)
        if parent_level is Level.EJ or (parent_level is None and not parent.get("partOf")):
            return Level.EG
        return Level.OI

    def establishment(self, org: Resource) -> Resource | None:
        """The EG this organisation belongs to (itself when it is an EG)."""
        node: Resource | None = org
        seen: set[str] = set()
        while node is not None and node["id"] not in seen:
            seen.add(node["id"])
            level = self.level(node)
            if level is Level.EG:
                return node
            if level is Level.EJ:
                return None
            node = self.parent(node)
        return None

    def descendants(self, org: Resource) -> Iterator[Resource]:
        """Organisations below ``org``, depth first, parents before children (cycle-safe)."""
        stack = list(reversed(self.children(org)))
        seen = {org["id"]}
        while stack:
            node = stack.pop()
            if node["id"] in seen:
                continue
            seen.add(node["id"])
            yield node
            stack.extend(reversed(self.children(node)))

    def offers_below(self, org: Resource) -> Iterator[Resource]:
        """Offers of ``org`` and of all its descendants."""
        yield from self.services(org)
        for node in self.descendants(org):
            yield from self.services(node)


def _typed_level(org: Resource) -> Level | None:
    for coding in codings(org.get("type")):
        if coding.get("system") == OI_TYPE:
            return Level.OI
        if coding.get("system") == STRUCTURE_KIND and coding.get("code") in ("EJ", "EG"):
            return Level(coding["code"])
    return None
