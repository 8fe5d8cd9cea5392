"""Codes between FHIR (system URL) and the legacy ``codedtype`` (``@code`` + ``@codingScheme`` OID)."""

from __future__ import annotations

import re
from typing import Any

from mappings.csd.xml import Element, sub
from mappings.oids import OidForSystem, SystemForOid, nos_oid_table

_OID = re.compile(r"^[0-2](\.(0|[1-9][0-9]*))+$")


class CodeMapper:
    """Wraps the injected OID lookups with reversible fallbacks.

    A system without a known OID keeps its URL as ``codingScheme`` and an unknown OID becomes
    ``urn:oid:<oid>``, so a FHIR -> CSD -> FHIR trip never loses a code system.
    """

    def __init__(self, oid_for_system: OidForSystem, system_for_oid: SystemForOid) -> None:
        self._oid_for_system = oid_for_system
        self._system_for_oid = system_for_oid

    @classmethod
    def of(cls, oid_for_system: OidForSystem | None = None, system_for_oid: SystemForOid | None = None) -> CodeMapper:
        """A mapper over the given lookups, each defaulting to the built-in NOS table."""
        table = nos_oid_table()
        return cls(oid_for_system or table.oid_for_system, system_for_oid or table.system_for_oid)

    def scheme(self, system: str | None) -> str:
        if not system:
            return ""
        if system.startswith("urn:oid:"):
            return system[len("urn:oid:") :]
        return self._oid_for_system(system) or system

    def system(self, scheme: str | None) -> str | None:
        scheme = (scheme or "").strip()
        if not scheme:
            return None
        if _OID.match(scheme):
            return self._system_for_oid(scheme) or f"urn:oid:{scheme}"
        return scheme

    def coded(self, parent: Element, name: str, coding: dict[str, Any]) -> Element:
        """``<name code=… codingScheme=…>display</name>``."""
        return sub(
            parent,
            name,
            coding.get("display"),
            code=coding.get("code", ""),
            codingScheme=self.scheme(coding.get("system")),
        )

    def coding(self, element: Element | None) -> dict[str, Any] | None:
        """The FHIR Coding of a ``codedtype`` element (``None`` when it carries no code)."""
        if element is None:
            return None
        code = (element.get("code") or "").strip()
        if not code:
            return None
        result: dict[str, Any] = {}
        system = self.system(element.get("codingScheme"))
        if system:
            result["system"] = system
        result["code"] = code
        display = (element.text or "").strip()
        if display:
            result["display"] = display
        return result

    def concept(self, element: Element | None) -> dict[str, Any] | None:
        found = self.coding(element)
        return {"coding": [found]} if found else None
