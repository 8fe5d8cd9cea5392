"""Media types in and out: request bodies, ``_format``, ``_pretty``, ``Accept``."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

import orjson

from server.errors import FhirError, InvalidRequest, UnsupportedMediaType

FHIR_JSON = "application/fhir+json"
_JSON_TYPES = ("application/fhir+json", "application/json", "application/json-patch+json", "text/json")
_FORMAT_ALIASES = {
    "json": FHIR_JSON,
    "application/json": "application/json",
    "application/fhir+json": FHIR_JSON,
    "text/json": "application/json",
}


class NotAcceptable(FhirError):
    status = 406
    default_code = "not-supported"


def response_media_type(format_param: str | None, accept: str | None) -> str:
    """The JSON flavour to answer with; XML (or anything else) is refused with 406."""
    if format_param:
        media = _FORMAT_ALIASES.get(format_param.strip().lower())
        if media is None:
            raise NotAcceptable(
                f"_format '{format_param}' is not supported: this server speaks JSON only",
                expression="_format",
            )
        return media
    if not accept:
        return FHIR_JSON
    accepted = [part.split(";")[0].strip().lower() for part in accept.split(",")]
    if any(a in ("*/*", "application/*", FHIR_JSON) or a.endswith("+json") for a in accepted):
        return FHIR_JSON
    if "application/json" in accepted or "text/json" in accepted:
        return "application/json"
    if (
        any(a in ("application/fhir+xml", "application/xml", "text/xml") for a in accepted)
        and len(accepted) == 1
    ):
        raise NotAcceptable("XML is not supported: ask for application/fhir+json", expression="Accept")
    return FHIR_JSON


def parse_body(method: str, content_type: str | None, raw: bytes) -> tuple[Any, list[tuple[str, str]]]:
    """The request body as JSON (and form parameters for ``POST _search``)."""
    if method in ("GET", "DELETE", "HEAD") or (not raw and method == "POST" and content_type is None):
        return None, []
    media = (content_type or "").split(";")[0].strip().lower()
    if media == "application/x-www-form-urlencoded":
        return None, parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True)
    if media not in _JSON_TYPES:
        raise UnsupportedMediaType(
            f"Content-Type '{content_type or '(none)'}' is not supported: send application/fhir+json",
            expression="Content-Type",
        )
    if not raw.strip():
        raise InvalidRequest("The request body is empty", code="required")
    try:
        return orjson.loads(raw), []
    except orjson.JSONDecodeError as exc:
        raise InvalidRequest(f"The request body is not valid JSON: {exc}", code="structure") from None


def render(body: bytes | dict[str, Any] | None, pretty: bool) -> bytes:
    if body is None:
        return b""
    if isinstance(body, bytes):
        return orjson.dumps(orjson.loads(body), option=orjson.OPT_INDENT_2) if pretty else body
    return orjson.dumps(body, option=orjson.OPT_INDENT_2 if pretty else 0)
