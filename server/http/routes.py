"""Starlette adapter: HTTP requests to :class:`FhirRequest`, :class:`FhirResponse` back to HTTP."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response

from server.core.request import FhirRequest, FhirResponse
from server.errors import FhirError
from server.http.negotiation import FHIR_JSON, parse_body, render, response_media_type

log = logging.getLogger("ror.http")

# The national servers' base paths; the same API is also served at the root.
BASE_PATHS = ("/ws-diffusion-fhir", "/ws-synchro-dispo-lits-fhir", "/fhir", "")

Dispatch = Callable[[FhirRequest], Awaitable[FhirResponse]]


def fhir_endpoint(dispatch: Callable[[], Dispatch], prefix: str) -> Callable[[Request], Awaitable[Response]]:
    """A Starlette endpoint serving the FHIR API under ``prefix``."""

    async def endpoint(request: Request) -> Response:
        pretty = request.query_params.get("_pretty") == "true"
        media = FHIR_JSON
        try:
            media = response_media_type(request.query_params.get("_format"), request.headers.get("accept"))
            body, form = parse_body(request.method, request.headers.get("content-type"), await request.body())
            fhir_request = FhirRequest(
                method=request.method,
                path=request.path_params.get("path", "").strip("/"),
                params=list(request.query_params.multi_items()) + form,
                headers={k.lower(): v for k, v in request.headers.items()},
                body=body,
                base_url=str(request.base_url).rstrip("/") + prefix,
            )
            response = await dispatch()(fhir_request)
        except FhirError as exc:
            response = FhirResponse(exc.status, exc.outcome())
        except Exception:
            log.exception("unexpected failure on %s %s", request.method, request.url.path)
            response = FhirResponse(
                500,
                FhirError(
                    "Internal server error; the failure was logged", code="exception", status=500
                ).outcome(),
            )
        content = render(response.body, pretty)
        headers = dict(response.headers)
        return Response(
            content,
            status_code=response.status,
            headers=headers,
            media_type=f"{media}; charset=utf-8" if content else None,
        )

    return endpoint
