"""The pre-FHIR ROR web services, mounted over the legacy adapter (``mappings``).

- ``POST /csd/{version}``: SOAP 1.2 transactions (``TR-Lecture-OffresSanteEtablissement``...);
- ``GET /csd/{version}?wsdl`` (address pointing back here) and ``?xsd``;
- ``GET /csd/{version}/extraction/ExtractionOffresSante_Profil{N}``: the streamed zip extraction.

Callers get the access profile the deployment grants the legacy endpoints (``ROR_LEGACY_PROFILE``,
default 0, public data only: put the server behind an authenticating gateway to grant more).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from mappings import XML_CONTENT_TYPE, AccessProfile, extraction_name, extraction_zip, handle_soap, wsdl, xsd
from server.core.offer_source import StoreOfferSource
from server.errors import FhirError
from server.http.negotiation import FHIR_JSON, render

SourceFactory = Callable[[], StoreOfferSource]


def _outcome(error: FhirError) -> Response:
    return Response(render(error.outcome(), False), error.status, media_type=FHIR_JSON)


def legacy_routes(source: SourceFactory, granted: Callable[[], int]) -> list[Route]:
    async def soap(request: Request) -> Response:
        endpoint = str(request.url.replace(query=""))
        status, content_type, body = await handle_soap(
            request.path_params["version"], await request.body(), source(), endpoint,
            profile=AccessProfile(granted()))
        return Response(body, status, media_type=content_type)

    async def definitions(request: Request) -> Response:
        version = request.path_params["version"]
        endpoint = str(request.url.replace(query=""))
        try:
            if "xsd" in request.query_params:
                return Response(xsd(version), media_type=XML_CONTENT_TYPE)
            if "wsdl" in request.query_params:
                return Response(wsdl(version, endpoint), media_type=XML_CONTENT_TYPE)
        except FhirError as error:
            return _outcome(error)
        return _outcome(FhirError("Ask for ?wsdl or ?xsd, or POST a SOAP request", status=404, code="not-found"))

    async def extraction(request: Request) -> Response:
        profile = int(request.path_params["profile"])
        if profile > granted():
            return _outcome(FhirError(f"Profile {profile} is not granted here (granted: {granted()})",
                                      status=403, code="forbidden"))
        when = datetime.now(UTC)
        try:
            chunks = extraction_zip(request.path_params["version"], profile, source(), when=when)
        except FhirError as error:
            return _outcome(error)
        name = extraction_name(AccessProfile(profile), when) + ".zip"
        return StreamingResponse(chunks, media_type="application/zip",
                                 headers={"Content-Disposition": f'attachment; filename="{name}"'})

    return [
        Route("/csd/{version}", soap, methods=["POST"]),
        Route("/csd/{version}", definitions, methods=["GET"]),
        Route("/csd/{version}/extraction/ExtractionOffresSante_Profil{profile:int}", extraction, methods=["GET"]),
    ]
