"""PATCH of a stored resource: FHIRPath Patch (with the ROR capacity rules) and JSON Patch.

The server calls :func:`apply_patch` for ``application/fhir+json`` bodies and
:func:`server.core.patch.json_patch.apply_json_patch` for ``application/json-patch+json``.
Both return a new dict and leave ``meta`` alone: the caller validates the result and
then bumps ``meta.versionId``/``meta.lastUpdated``.
"""

from __future__ import annotations

from typing import Any

from server.core.patch.capacity import apply_capacity_edit
from server.core.patch.fhirpath_patch import apply_fhirpath_patch, execute


def apply_patch(resource: dict[str, Any], parameters: dict[str, Any]) -> dict[str, Any]:
    """``resource`` patched by a FHIRPath Patch ``Parameters``; a Location's supported-capacity
    indicators follow the ROR capacity rules (spec §4.3)."""
    apply_edit = apply_capacity_edit if resource.get("resourceType") == "Location" else execute
    return apply_fhirpath_patch(resource, parameters, apply_edit=apply_edit)


__all__ = ["apply_patch"]
