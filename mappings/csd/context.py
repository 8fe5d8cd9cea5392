"""What the CSD writers and readers share while processing one document."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mappings.csd.codes import CodeMapper
from mappings.csd.ids import entity_id
from mappings.csd.record import Stamp, stamp_of
from mappings.csd.xml import Element, sub
from mappings.graph import Hierarchy
from mappings.versions import CsdVersion


@dataclass(frozen=True, slots=True)
class WriteContext:
    version: CsdVersion
    codes: CodeMapper
    hierarchy: Hierarchy
    now: str
    """Fallback ``xs:dateTime`` for resources without metadata (``record`` is mandatory)."""

    def stamp(self, resource: dict[str, Any], comment: str | None = None) -> Stamp:
        return stamp_of(resource, self.now, comment)

    def entity(self, resource: dict[str, Any]) -> str:
        return entity_id(resource)

    @property
    def v24(self) -> bool:
        return self.version is CsdVersion.V2_4


@dataclass(slots=True)
class Directories:
    """The five directories of a CSD document, filled in any order, serialised in XSD order."""

    organizations: Element
    services: Element
    facilities: Element
    providers: Element
    devices: Element
    devices_written: set[str] = field(default_factory=set)

    @classmethod
    def create(cls, parent: Element) -> Directories:
        names = ("organizationDirectory", "serviceDirectory", "facilityDirectory", "providerDirectory")
        return cls(*(sub(parent, name) for name in (*names, "deviceDirectory")))


@dataclass(slots=True)
class ReadContext:
    codes: CodeMapper
    region: str | None = None
    """Region tag for records whose ``sourceDirectory`` is not a region code."""
    targets: dict[str, tuple[str, str]] = field(default_factory=dict)
    """``entityID`` -> (FHIR resource type, FHIR id) for every entity of the document."""
    devices: dict[str, Element] = field(default_factory=dict)
    """``deviceDirectory/device`` elements by ``entityID``."""
    services: dict[str, Element] = field(default_factory=dict)
    """``serviceDirectory/service`` elements by ``entityID``."""

    def reference(self, entity: str | None, resource_type: str | None = None) -> dict[str, str] | None:
        target = self.targets.get(entity or "")
        if target is None or (resource_type and target[0] != resource_type):
            return None
        return {"reference": f"{target[0]}/{target[1]}"}
