"""``batch`` and ``transaction`` Bundles posted at the base URL.

Every entry goes back through the router. A transaction stages all its writes
in one deferred session and commits them at the end in one atomic store commit
(nothing is written if any entry fails); ``urn:uuid:`` full URLs of created
resources are given their ids first, conditional creates resolved, and every
reference to them rewritten. A batch runs each entry on its own.
"""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import orjson

from server.core.request import FhirRequest, FhirResponse
from server.core.router import Router, stored_response
from server.errors import FhirError, InvalidRequest

_ORDER = {"DELETE": 0, "POST": 1, "PUT": 2, "PATCH": 2, "GET": 3, "HEAD": 3}


def _entry_request(entry: Any, index: int) -> tuple[str, str, list[tuple[str, str]]]:
    where = f"Bundle.entry[{index}].request"
    request = entry.get("request") if isinstance(entry, dict) else None
    if not isinstance(request, dict):
        raise InvalidRequest(f"{where} is missing", code="required", expression=where)
    method = request.get("method")
    url = request.get("url")
    if method not in _ORDER or not isinstance(url, str) or not url:
        raise InvalidRequest(
            f"{where} needs a method (GET, POST, PUT, PATCH, DELETE) and a url",
            code="required",
            expression=where,
        )
    parts = urlsplit(url)
    return method, parts.path.strip("/"), parse_qsl(parts.query, keep_blank_values=True)


def _replace_references(node: Any, ids: dict[str, str]) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "reference" and isinstance(value, str) and value in ids:
                out[key] = ids[value]
            else:
                out[key] = _replace_references(value, ids)
        return out
    if isinstance(node, list):
        return [_replace_references(v, ids) for v in node]
    return node


def _entry_response(response: FhirResponse) -> dict[str, Any]:
    out: dict[str, Any] = {"status": str(response.status)}
    if "Location" in response.headers:
        out["location"] = response.headers["Location"]
    if "ETag" in response.headers:
        out["etag"] = response.headers["ETag"]
    if "Last-Modified" in response.headers:
        out["lastModified"] = response.headers["Last-Modified"]
    return out


def _entry_result(response: FhirResponse) -> dict[str, Any]:
    result: dict[str, Any] = {"response": _entry_response(response)}
    if response.body is not None:
        result["resource"] = (
            orjson.Fragment(response.body) if isinstance(response.body, bytes) else response.body
        )
    return result


class BundleProcessor:
    def __init__(self, router: Router) -> None:
        self.router = router

    async def __call__(self, request: FhirRequest) -> FhirResponse:
        bundle = request.body
        if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
            raise InvalidRequest(
                "POST at the base URL takes a Bundle", code="structure", expression="resourceType"
            )
        kind = bundle.get("type")
        entries = bundle.get("entry") or []
        if not isinstance(entries, list):
            raise InvalidRequest("Bundle.entry must be a list", code="structure", expression="Bundle.entry")
        if kind == "batch":
            return await self._batch(request, entries)
        if kind == "transaction":
            return await self._transaction(request, entries)
        raise InvalidRequest(
            f"Bundle type '{kind}' cannot be processed; send a batch or a transaction",
            code="value",
            expression="Bundle.type",
        )

    async def _batch(self, request: FhirRequest, entries: list[Any]) -> FhirResponse:
        results = []
        for index, entry in enumerate(entries):
            try:
                method, path, params = _entry_request(entry, index)
                sub = self._sub_request(request, entry, method, path, params)
                results.append(_entry_result(await self.router.dispatch(sub)))
            except FhirError as exc:
                results.append({"response": {"status": str(exc.status), "outcome": exc.outcome()}})
        return FhirResponse(200, {"resourceType": "Bundle", "type": "batch-response", "entry": results})

    async def _transaction(self, request: FhirRequest, entries: list[Any]) -> FhirResponse:
        parsed = [(_entry_request(e, i), e) for i, e in enumerate(entries)]
        session = self.router.interactions.session(deferred=True)
        ids = await self._assign_ids(parsed)
        order = sorted(range(len(parsed)), key=lambda i: _ORDER[parsed[i][0][0]])
        results: list[dict[str, Any] | None] = [None] * len(parsed)
        for i in order:
            (method, path, params), entry = parsed[i]
            entry = _replace_references(entry, ids)
            try:
                if method == "POST" and "/" not in path:
                    results[i] = await self._create(request, entry, path, session, ids)
                else:
                    sub = self._sub_request(request, entry, method, path, params)
                    results[i] = _entry_result(await self.router.dispatch(sub, session))
            except FhirError as exc:
                exc.diagnostics = (
                    f"Transaction failed at Bundle.entry[{i}], nothing was written: {exc.diagnostics}"
                )
                raise
        await session.flush()
        return FhirResponse(200, {"resourceType": "Bundle", "type": "transaction-response", "entry": results})

    async def _assign_ids(
        self, parsed: list[tuple[tuple[str, str, list[tuple[str, str]]], Any]]
    ) -> dict[str, str]:
        """``urn:uuid:`` full URL -> ``Type/id`` for every POST entry (existing id for a satisfied If-None-Exist)."""
        ids: dict[str, str] = {}
        for index, ((method, path, _), entry) in enumerate(parsed):
            full_url = entry.get("fullUrl") if isinstance(entry, dict) else None
            if method != "POST" or "/" in path or not isinstance(full_url, str):
                continue
            if_none_exist = entry["request"].get("ifNoneExist")
            existing: list[str] = []
            if if_none_exist:
                existing = await self.router.searcher.ids(path, parse_qsl(if_none_exist), 2)
                if len(existing) > 1:
                    raise InvalidRequest(
                        f"Bundle.entry[{index}].request.ifNoneExist matches {len(existing)} resources",
                        code="multiple-matches",
                        status=412,
                        expression=f"Bundle.entry[{index}].request",
                    )
            if full_url.startswith("urn:uuid:") or full_url.startswith("urn:oid:"):
                ids[full_url] = f"{path}/{existing[0] if existing else uuid.uuid4()}"
        return ids

    async def _create(
        self,
        request: FhirRequest,
        entry: dict[str, Any],
        resource_type: str,
        session: Any,
        ids: dict[str, str],
    ) -> dict[str, Any]:
        assigned = ids.get(entry.get("fullUrl", ""))
        resource_id = assigned.split("/", 1)[1] if assigned else None
        interactions = self.router.interactions
        existing = await session.current(resource_type, resource_id) if resource_id else None
        if existing is not None and not existing.deleted:
            return _entry_result(stored_response(existing, 200, request.base_url, None, location=True))
        stored, status = await interactions.create(
            resource_type, entry.get("resource"), session, resource_id=resource_id
        )
        return _entry_result(stored_response(stored, status, request.base_url, None, location=True))

    @staticmethod
    def _sub_request(
        request: FhirRequest, entry: dict[str, Any], method: str, path: str, params: list[tuple[str, str]]
    ) -> FhirRequest:
        req = entry["request"]
        headers = {"prefer": request.header("prefer") or ""}
        for field, header in (
            ("ifMatch", "if-match"),
            ("ifNoneExist", "if-none-exist"),
            ("ifNoneMatch", "if-none-match"),
        ):
            if req.get(field):
                headers[header] = req[field]
        body = entry.get("resource")
        if method == "PATCH" and isinstance(body, dict) and body.get("resourceType") == "Binary":
            import base64

            body = orjson.loads(base64.b64decode(body.get("data", "")))
            headers["content-type"] = entry["resource"].get("contentType", "application/json-patch+json")
        return FhirRequest(method, path, params, headers, body, request.base_url)
