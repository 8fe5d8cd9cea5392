"""One logical request to the server, and what came back."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, unquote, urlencode

import httpx
import orjson

FHIR_JSON = "application/fhir+json"
ERROR_EXCERPT = 600  # characters of an error body kept in the result file


@dataclass(frozen=True, slots=True)
class Fallback:
    """A second request sent when the first answer satisfies ``when`` (one logical operation, timed as one)."""

    when: Callable[[httpx.Response], bool]
    call: Call


@dataclass(frozen=True, slots=True)
class Call:
    method: str
    path: str  # relative to the base URL: "HealthcareService", "Location/123"
    params: tuple[tuple[str, str], ...] = ()
    body: Any = None  # a JSON document, sent as application/fhir+json
    searchset: bool = True  # the answer is a Bundle whose size is recorded
    fallback: Fallback | None = None

    def describe(self) -> str:
        """The request line, readable (not percent-encoded)."""
        query = unquote(urlencode(self.params, quote_via=quote)) if self.params else ""
        return f"{self.method} {self.path}{'?' + query if query else ''}"


@dataclass(frozen=True, slots=True)
class Outcome:
    status: int  # 0 when no HTTP answer came (timeout, connection failure)
    seconds: float
    size: int  # response body bytes
    total: int | None  # Bundle.total, when the server filled it
    matches: int | None  # entries in search mode "match" on the first page (1 for a read, None for a write)
    fell_back: bool
    error: str | None  # excerpt of the body (or the exception) when the status is not 2xx

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


async def _request(client: httpx.AsyncClient, call: Call) -> httpx.Response:
    content = None if call.body is None else orjson.dumps(call.body)
    headers = {"Content-Type": FHIR_JSON} if content is not None else None
    return await client.request(call.method, call.path, params=call.params, content=content, headers=headers)


def _searchset_size(body: bytes) -> tuple[int | None, int | None]:
    try:
        bundle = orjson.loads(body)
    except orjson.JSONDecodeError:
        return None, None
    if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
        return None, None
    total = bundle.get("total")
    entries = bundle.get("entry") or []
    matches = sum(1 for e in entries if ((e.get("search") or {}).get("mode") or "match") == "match")
    return (total if isinstance(total, int) else None), matches


async def send(client: httpx.AsyncClient, call: Call) -> Outcome:
    """Send ``call`` (and its fallback when it applies); transport failures become status 0."""
    start = time.perf_counter()
    fell_back = False
    try:
        response = await _request(client, call)
        if call.fallback is not None and call.fallback.when(response):
            fell_back = True
            response = await _request(client, call.fallback.call)
    except httpx.HTTPError as exc:
        return Outcome(0, time.perf_counter() - start, 0, None, None, fell_back, f"{type(exc).__name__}: {exc}")
    seconds = time.perf_counter() - start
    body = response.content
    status = response.status_code
    if not 200 <= status < 300:
        excerpt = body[:ERROR_EXCERPT].decode("utf-8", "replace")
        return Outcome(status, seconds, len(body), None, None, fell_back, excerpt)
    if call.searchset:
        total, matches = _searchset_size(body)
    else:  # a read answers one resource; a write answers no search result
        total, matches = None, (1 if call.method == "GET" else None)
    return Outcome(status, seconds, len(body), total, matches, fell_back, None)
