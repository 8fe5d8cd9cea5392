"""The CapabilityStatement, generated from what the server actually has.

Resource types come from the router's served types and read-only providers,
search parameters from the registry, operations from the router's operation
table: adding any of them shows up here with no list to keep in sync.
"""

from __future__ import annotations

from typing import Any

from server import __version__
from server.core.interactions import SERVED_TYPES
from server.core.router import Router
from server.search.parse import RESULT_PARAMS
from server.search.registry import Registry

_WRITE_INTERACTIONS = (
    "read",
    "vread",
    "update",
    "patch",
    "delete",
    "history-instance",
    "history-type",
    "create",
    "search-type",
)


def capability_statement(router: Router, registry: Registry, base_url: str, started: str) -> dict[str, Any]:
    resources: list[dict[str, Any]] = []
    for resource_type in SERVED_TYPES:
        params = registry.for_type(resource_type)
        references = sorted(p.code for p in params.values() if p.type == "reference")
        resources.append(
            {
                "type": resource_type,
                "interaction": [{"code": code} for code in _WRITE_INTERACTIONS],
                "versioning": "versioned-update",
                "readHistory": True,
                "updateCreate": True,
                "conditionalCreate": True,
                "conditionalRead": "not-supported",
                "conditionalUpdate": True,
                "conditionalDelete": "single",
                "searchInclude": [f"{resource_type}:{r}" for r in references],
                "searchRevInclude": _references_to(registry, resource_type),
                "searchParam": [
                    {"name": p.code, "definition": p.url, "type": p.type}
                    for p in sorted(params.values(), key=lambda p: p.code)
                ],
                "operation": [
                    {"name": op.name, "definition": op.definition}
                    for op in router.operations
                    if resource_type in op.types
                ],
            }
        )
    for resource_type in sorted(router.read_only):
        resources.append(
            {
                "type": resource_type,
                "interaction": [{"code": "read"}, {"code": "search-type"}],
                "operation": [
                    {"name": op.name, "definition": op.definition}
                    for op in router.operations
                    if resource_type in op.types
                ],
            }
        )
    return {
        "resourceType": "CapabilityStatement",
        "status": "active",
        "date": started,
        "publisher": "ror-server",
        "kind": "instance",
        "software": {"name": "ror-server", "version": __version__},
        "implementation": {
            "description": "FHIR R4 server for the French health-offer directory (ROR)",
            "url": base_url,
        },
        "fhirVersion": "4.0.1",
        "format": ["application/fhir+json", "application/json"],
        "patchFormat": ["application/fhir+json", "application/json-patch+json"],
        "implementationGuide": ["https://interop.esante.gouv.fr/ig/fhir/ror"],
        "rest": [
            {
                "mode": "server",
                "resource": resources,
                "interaction": [{"code": "transaction"}, {"code": "batch"}, {"code": "history-system"}],
                "searchParam": [
                    {"name": name, "type": "special" if name != "_count" else "number"}
                    for name in sorted(RESULT_PARAMS - {"_format", "_pretty", "_cursor"})
                ],
                "operation": [
                    {"name": op.name, "definition": op.definition} for op in router.operations if not op.types
                ],
            }
        ],
    }


def _references_to(registry: Registry, resource_type: str) -> list[str]:
    """``Source:param`` for every reference parameter that can point at ``resource_type``."""
    return sorted(
        f"{source}:{p.code}"
        for source in SERVED_TYPES
        for p in registry.for_type(source).values()
        if p.type == "reference" and (resource_type in p.targets or "Resource" in p.targets)
    )
