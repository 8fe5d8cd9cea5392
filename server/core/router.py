"""The FHIR route table: a :class:`FhirRequest` in, a :class:`FhirResponse` out.

Knows nothing of HTTP frameworks. The HTTP layer, batch/transaction entries
and the legacy adapter all come through :meth:`Router.dispatch`. Operations
(``$lookup``...) are added with :meth:`Router.add_operation`; the
CapabilityStatement is generated from this table.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import orjson

from server.core.interactions import (
    SERVED_TYPES,
    Interactions,
    WriteSession,
    check_patch_media_type,
    check_type,
)
from server.core.request import FhirRequest, FhirResponse
from server.core.search import Searcher
from server.errors import FhirError, InvalidRequest, MethodNotAllowed, NotFound
from server.model import StoredResource
from server.search.normalize import date_range

Handler = Callable[[FhirRequest, WriteSession | None], Awaitable[FhirResponse]]
OperationHandler = Callable[[FhirRequest, str | None, str | None], Awaitable[FhirResponse]]
"""Called with the request, the resource type (type/instance level) and the id (instance level)."""

ReadOnlyProvider = Callable[[FhirRequest, str | None], Awaitable[FhirResponse]]
"""Serves a read-only resource type (SearchParameter, CodeSystem, ValueSet): search, or read when id given."""


@dataclass(frozen=True, slots=True)
class Operation:
    name: str
    types: tuple[str, ...]  # resource types it applies to; () = system level
    instance: bool
    handler: OperationHandler
    definition: str


def stored_response(
    stored: StoredResource, status: int, base_url: str, prefer: str | None, location: bool = False
) -> FhirResponse:
    """The response to a write or read: the stored bytes, or less as ``Prefer: return=`` asks."""
    loc = f"{base_url}/{stored.type}/{stored.id}/_history/{stored.version}" if location else None
    body: bytes | dict[str, Any] | None = stored.body
    if prefer and "return=minimal" in prefer:
        body = None
    elif prefer and "return=OperationOutcome" in prefer:
        body = {
            "resourceType": "OperationOutcome",
            "issue": [
                {
                    "severity": "information",
                    "code": "informational",
                    "diagnostics": f"{stored.type}/{stored.id} version {stored.version} stored",
                }
            ],
        }
    return FhirResponse.for_version(status, body, stored.version, stored.last_updated, loc)


_HISTORY_MAX = 200


class Router:
    def __init__(self, interactions: Interactions, searcher: Searcher) -> None:
        self.interactions = interactions
        self.searcher = searcher
        self.operations: list[Operation] = []
        self.read_only: dict[str, ReadOnlyProvider] = {}
        self.bundle_handler: Callable[[FhirRequest], Awaitable[FhirResponse]] | None = None
        self.metadata: Callable[[FhirRequest], FhirResponse] | None = None

    def add_operation(self, op: Operation) -> None:
        self.operations.append(op)

    def add_read_only(self, resource_type: str, provider: ReadOnlyProvider) -> None:
        self.read_only[resource_type] = provider

    async def dispatch(self, request: FhirRequest, session: WriteSession | None = None) -> FhirResponse:
        parts = [p for p in request.path.split("/") if p]
        method = request.method
        if parts and parts[-1].startswith("$"):
            return await self._operation(request, parts)
        if not parts:
            if method == "POST":
                if self.bundle_handler is None:
                    raise MethodNotAllowed("Bundles are not accepted here")
                return await self.bundle_handler(request)
            raise MethodNotAllowed(f"{method} is not supported at the base URL")
        if parts == ["metadata"] and method == "GET" and self.metadata is not None:
            return self.metadata(request)
        if parts == ["_history"] and method == "GET":
            return await self._history(request, None, None)
        resource_type = parts[0]
        if resource_type in self.read_only:
            if method != "GET" or len(parts) > 2:
                raise MethodNotAllowed(f"{resource_type} is read-only here", expression=resource_type)
            return await self.read_only[resource_type](request, parts[1] if len(parts) == 2 else None)
        check_type(resource_type)
        handler = self._route(method, parts)
        return await handler(request, parts, session)

    def _route(self, method: str, parts: list[str]) -> Callable[..., Awaitable[FhirResponse]]:
        table: dict[tuple[int, str], Callable[..., Awaitable[FhirResponse]]] = {
            (1, "GET"): self._search,
            (1, "POST"): self._create,
            (1, "PUT"): self._conditional_update,
            (1, "PATCH"): self._conditional_patch,
            (1, "DELETE"): self._conditional_delete,
            (2, "GET"): self._read,
            (2, "PUT"): self._update,
            (2, "PATCH"): self._patch,
            (2, "DELETE"): self._delete,
            (3, "GET"): self._history_route,
            (4, "GET"): self._vread,
        }
        if len(parts) == 2 and parts[1] == "_search" and method == "POST":
            return self._search
        if len(parts) == 2 and parts[1] == "_history" and method == "GET":
            return self._type_history
        if len(parts) >= 3 and parts[2] != "_history":
            raise NotFound(f"No route for {method} /{'/'.join(parts)}")
        handler = table.get((len(parts), method))
        if handler is None:
            raise MethodNotAllowed(f"{method} is not allowed on /{'/'.join(parts)}")
        return handler

    # -- handlers ----------------------------------------------------------------------------------------

    async def _session(self, session: WriteSession | None) -> WriteSession:
        return session or self.interactions.session()

    async def _search(self, request: FhirRequest, parts: list[str], _: WriteSession | None) -> FhirResponse:
        params = list(request.params)
        lenient = "handling=lenient" in (request.header("prefer") or "")
        bundle = await self.searcher.bundle(parts[0], params, request.base_url, lenient=lenient)
        return FhirResponse(200, bundle)

    async def _read(self, request: FhirRequest, parts: list[str], session: WriteSession | None) -> FhirResponse:
        stored = await self.interactions.read(parts[0], parts[1], session)
        if_none_match = request.header("if-none-match")
        if if_none_match and if_none_match.strip() in (f'W/"{stored.version}"', f'"{stored.version}"'):
            return FhirResponse.for_version(304, None, stored.version, stored.last_updated)
        return stored_response(stored, 200, request.base_url, None)

    async def _vread(self, request: FhirRequest, parts: list[str], _: WriteSession | None) -> FhirResponse:
        stored = await self.interactions.vread(parts[0], parts[1], parts[3])
        return stored_response(stored, 200, request.base_url, None)

    async def _create(self, request: FhirRequest, parts: list[str], session: WriteSession | None) -> FhirResponse:
        s = await self._session(session)
        stored, status = await self.interactions.create(
            parts[0], request.body, s, if_none_exist=request.header("if-none-exist")
        )
        return stored_response(stored, status, request.base_url, request.header("prefer"), location=True)

    async def _update(self, request: FhirRequest, parts: list[str], session: WriteSession | None) -> FhirResponse:
        s = await self._session(session)
        stored, status = await self.interactions.update(
            parts[0], parts[1], request.body, s, if_match=request.header("if-match")
        )
        return stored_response(stored, status, request.base_url, request.header("prefer"), location=status == 201)

    async def _conditional_update(
        self, request: FhirRequest, parts: list[str], session: WriteSession | None
    ) -> FhirResponse:
        resource_id = await self.interactions.resolve_conditional(parts[0], _criteria(request))
        return await self._update(request, [parts[0], resource_id], session)

    async def _patch(self, request: FhirRequest, parts: list[str], session: WriteSession | None) -> FhirResponse:
        content_type = request.header("content-type") or "application/fhir+json"
        check_patch_media_type(content_type)
        s = await self._session(session)
        stored = await self.interactions.patch(
            parts[0], parts[1], request.body, content_type, s, if_match=request.header("if-match")
        )
        return stored_response(stored, 200, request.base_url, request.header("prefer"))

    async def _conditional_patch(
        self, request: FhirRequest, parts: list[str], session: WriteSession | None
    ) -> FhirResponse:
        content_type = request.header("content-type") or "application/fhir+json"
        check_patch_media_type(content_type)
        resource_id = await self.interactions.resolve_conditional(parts[0], _criteria(request))
        return await self._patch(request, [parts[0], resource_id], session)

    async def _delete(self, request: FhirRequest, parts: list[str], session: WriteSession | None) -> FhirResponse:
        s = await self._session(session)
        marker = await self.interactions.delete(parts[0], parts[1], s)
        if marker is None:
            return FhirResponse(204)
        return FhirResponse.for_version(204, None, marker.version, marker.last_updated)

    async def _conditional_delete(
        self, request: FhirRequest, parts: list[str], session: WriteSession | None
    ) -> FhirResponse:
        resource_id = await self.interactions.resolve_conditional(parts[0], _criteria(request))
        return await self._delete(request, [parts[0], resource_id], session)

    async def _history_route(self, request: FhirRequest, parts: list[str], _: WriteSession | None) -> FhirResponse:
        return await self._history(request, parts[0], parts[1])

    async def _type_history(self, request: FhirRequest, parts: list[str], _: WriteSession | None) -> FhirResponse:
        return await self._history(request, parts[0], None)

    async def _history(self, request: FhirRequest, resource_type: str | None, resource_id: str | None) -> FhirResponse:
        since: float | None = None
        count = _HISTORY_MAX
        cursor: bytes | None = None
        for name, value in request.params:
            if name == "_since":
                try:
                    since = date_range(value)[0]
                except ValueError:
                    raise InvalidRequest(
                        f"_since: '{value}' is not a FHIR instant", code="value", expression="_since"
                    ) from None
            elif name == "_count":
                if not value.isdigit():
                    raise InvalidRequest(
                        f"_count: '{value}' is not a non-negative integer", code="value", expression="_count"
                    )
                count = min(int(value), _HISTORY_MAX)
            elif name == "_cursor":
                cursor = value.encode()
            elif name not in ("_format", "_pretty", "_at", "_list"):
                raise InvalidRequest(f"Unknown history parameter '{name}'", code="not-supported", expression=name)
        if resource_id is not None and await self.interactions.store.read(resource_type or "", resource_id) is None:
            raise NotFound(f"{resource_type}/{resource_id} is not known", expression=resource_type)
        page = await self.interactions.store.history(resource_type, resource_id, since, count, cursor)
        base = request.base_url
        path = "/".join(p for p in (resource_type, resource_id, "_history") if p)
        entries = [_history_entry(e, base) for e in page.entries]
        links = [{"relation": "self", "url": f"{base}/{path}"}]
        if page.next_cursor is not None:
            from urllib.parse import urlencode

            params = [(k, v) for k, v in request.params if k != "_cursor"] + [("_cursor", page.next_cursor.decode())]
            links.append({"relation": "next", "url": f"{base}/{path}?{urlencode(params)}"})
        return FhirResponse(
            200,
            {
                "resourceType": "Bundle",
                "type": "history",
                "total": page.total,
                "link": links,
                "entry": entries,
            },
        )

    async def _operation(self, request: FhirRequest, parts: list[str]) -> FhirResponse:
        name = parts[-1][1:]
        resource_type = parts[0] if len(parts) >= 2 else None
        resource_id = parts[1] if len(parts) == 3 else None
        if len(parts) > 3:
            raise NotFound(f"No route for /{'/'.join(parts)}")
        for op in self.operations:
            if op.name != name:
                continue
            if resource_type is None and op.types:
                continue
            if resource_type is not None and resource_type not in op.types:
                continue
            if resource_id is not None and not op.instance:
                continue
            if request.method not in ("GET", "POST"):
                raise MethodNotAllowed(f"${name} accepts GET and POST")
            return await op.handler(request, resource_type, resource_id)
        raise NotFound(
            f"Operation ${name} is not supported on /{'/'.join(parts[:-1]) or '(base)'}", code="not-supported"
        )


def _criteria(request: FhirRequest) -> list[tuple[str, str]]:
    return [(k, v) for k, v in request.params if k not in ("_format", "_pretty")]


def _history_entry(stored: StoredResource, base_url: str) -> dict[str, Any]:
    url = f"{base_url}/{stored.type}/{stored.id}"
    entry: dict[str, Any] = {"fullUrl": url}
    if not stored.deleted:
        entry["resource"] = orjson.Fragment(stored.body)
    method = stored.method if stored.method in ("POST", "PUT", "PATCH", "DELETE") else "PUT"
    entry["request"] = {
        "method": method,
        "url": f"{stored.type}" if method == "POST" else f"{stored.type}/{stored.id}",
    }
    status = {"POST": "201 Created", "DELETE": "204 No Content"}.get(method, "200 OK")
    entry["response"] = {
        "status": status,
        "etag": f'W/"{stored.version}"',
        "lastModified": stored.last_updated,
    }
    return entry


__all__ = ["SERVED_TYPES", "FhirError", "Operation", "Router"]
