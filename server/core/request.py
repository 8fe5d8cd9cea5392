"""Transport-free request and response values.

The HTTP layer turns a Starlette request into a :class:`FhirRequest`; batch
and transaction entries are turned into the same value; the router answers
each with a :class:`FhirResponse`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from email.utils import format_datetime
from typing import Any

from server.clock import parse_instant

Params = list[tuple[str, str]]


@dataclass(slots=True)
class FhirRequest:
    method: str
    path: str  # relative to the FHIR base, without leading or trailing slash
    params: Params = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    body: Any = None  # parsed JSON (dict or list) or None
    base_url: str = ""

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    def param(self, name: str) -> str | None:
        for key, value in self.params:
            if key == name:
                return value
        return None


@dataclass(slots=True)
class FhirResponse:
    status: int
    body: bytes | dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def for_version(
        cls,
        status: int,
        body: bytes | dict[str, Any] | None,
        version: int,
        last_updated: str,
        location: str | None = None,
    ) -> FhirResponse:
        """A response carrying the ETag / Last-Modified (and Location) headers of a resource version."""
        headers = {"ETag": f'W/"{version}"', "Last-Modified": http_date(last_updated)}
        if location:
            headers["Location"] = location
        return cls(status, body, headers)


def http_date(instant: str) -> str:
    return format_datetime(parse_instant(instant), usegmt=True)
