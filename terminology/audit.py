"""Audit of stored resources against a NOS release: unknown, unverifiable and retired codes.

Every ``Coding`` (also inside ``CodeableConcept``, extensions and contained resources) whose system is under
``https://mos.esante.gouv.fr/NOS/`` (a TRE, or a JDV URL, normalised to its TRE) is checked. Problems:

- ``unknown-system``: no loaded code system or value set has that URL;
- ``unknown-code``: the code system's content is loaded and has no such code;
- ``unverified-code``: the code system's content is not loaded and no loaded value set lists the code;
- ``inactive-code``: the code is retired/deprecated (at ``date``, when given).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from terminology.codesystem import parse_date
from terminology.service import Terminology
from terminology.systems import NOS_BASE

_NOS_PREFIX = NOS_BASE + "/"


def codings(node: Any, path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(FHIRPath-like location, coding) of every Coding-shaped object under ``node`` (Quantities excluded)."""
    if isinstance(node, dict):
        system, code = node.get("system"), node.get("code")
        if isinstance(system, str) and isinstance(code, str) and "value" not in node:
            yield path, node
        for key, value in node.items():
            yield from codings(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from codings(item, f"{path}[{i}]")


def _problem(terminology: Terminology, system: str, code: str, day: str | None) -> tuple[str, str] | None:
    found = terminology.check(system, code)
    if not found.known_system:
        return "unknown-system", f"No loaded code system or value set is {system}"
    if not found.found:
        if found.complete:
            return "unknown-code", f"Code '{code}' is not in {found.system} version {found.version}"
        return (
            "unverified-code",
            f"Code '{code}' of {found.system} is in no loaded value set (content not loaded)",
        )
    if not found.active_at(day):
        when = f" at {day}" if day else ""
        return (
            "inactive-code",
            f"Code '{found.code}' of {found.system} is inactive{when} ({found.inactive_reason()})",
        )
    return None


def audit(
    resources: Iterable[dict[str, Any]], terminology: Terminology, date: str | None = None
) -> list[dict[str, Any]]:
    """One row per problem coding: resourceType, id, path, system, code, problem, message."""
    day = parse_date(date) if date else None
    rows: list[dict[str, Any]] = []
    for resource in resources:
        kind = resource.get("resourceType", "Resource")
        for path, coding in codings(resource, kind):
            system, code = coding["system"], coding["code"]
            if not system.startswith(_NOS_PREFIX):
                continue
            found = _problem(terminology, system, code, day)
            if found is not None:
                problem, message = found
                rows.append(
                    {
                        "resourceType": kind,
                        "id": resource.get("id"),
                        "path": path,
                        "system": system,
                        "code": code,
                        "problem": problem,
                        "message": message,
                    }
                )
    return rows
