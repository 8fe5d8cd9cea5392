"""Serving read-only definitional resources held in memory (SearchParameter, CodeSystem, ValueSet).

Read by id, and a small search: ``url``, ``name``, ``code``, ``base``, ``title``, ``version``,
``status``, ``_id``, ``_content`` (case- and accent-insensitive substring), ``_count``;
``name`` and ``title`` match as FHIR strings (case- and accent-insensitive prefix), the others exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from server.core.request import FhirRequest, FhirResponse
from server.core.router import ReadOnlyProvider
from server.errors import InvalidRequest, NotFound
from server.search.normalize import fold

_FIELDS = {
    "url": "url",
    "name": "name",
    "code": "code",
    "base": "base",
    "title": "title",
    "version": "version",
    "status": "status",
    "_id": "id",
}
_STRINGS = ("name", "title")
_CONTROL = ("_format", "_pretty", "_count", "_summary", "_elements", "_total")


def _matches(resource: dict[str, Any], name: str, value: str) -> bool:
    wanted = value.split(",")
    if name == "_content":
        text = fold(str(resource))
        return any(fold(w) in text for w in wanted)
    field = resource.get(_FIELDS[name])
    values = field if isinstance(field, list) else [field]
    if name in _STRINGS:
        return any(isinstance(v, str) and fold(v).startswith(fold(w)) for v in values for w in wanted)
    return any(v is not None and str(v) in wanted for v in values)


def read_only_provider(
    resource_type: str, resources: Callable[[], Iterable[dict[str, Any]]]
) -> ReadOnlyProvider:
    """A provider over ``resources()`` (called per request, so reloaded content shows at once)."""

    async def provide(request: FhirRequest, resource_id: str | None) -> FhirResponse:
        if resource_id is not None:
            for resource in resources():
                if resource.get("id") == resource_id:
                    return FhirResponse(200, resource)
            raise NotFound(f"{resource_type}/{resource_id} is not known", expression=resource_type)
        criteria = [(k.split(":")[0], v) for k, v in request.params if k not in _CONTROL]
        for name, _ in criteria:
            if name not in _FIELDS and name != "_content":
                raise InvalidRequest(
                    f"Unknown search parameter '{name}' for {resource_type}",
                    code="not-supported",
                    expression=name,
                )
        count = request.param("_count")
        limit = int(count) if count and count.isdigit() else 200
        found = [r for r in resources() if all(_matches(r, n, v) for n, v in criteria)]
        base = f"{request.base_url}/{resource_type}"
        return FhirResponse(
            200,
            {
                "resourceType": "Bundle",
                "type": "searchset",
                "total": len(found),
                "link": [{"relation": "self", "url": base}],
                "entry": [
                    {"fullUrl": f"{base}/{r.get('id')}", "resource": r, "search": {"mode": "match"}}
                    for r in found[:limit]
                ],
            },
        )

    return provide
