"""Application assembly: settings -> store, search registry, core services, HTTP routes."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from server.clock import now_instant
from server.config import Settings
from server.core.bundle import BundleProcessor
from server.core.capability import capability_statement
from server.core.interactions import Interactions, Writer
from server.core.offer_source import StoreOfferSource
from server.core.read_only import read_only_provider
from server.core.request import FhirRequest, FhirResponse
from server.core.router import Router
from server.core.search import Searcher, make_context
from server.core.terminology import CodeGate, load_terminology, release_dirs
from server.core.terminology import register as register_terminology
from server.http.legacy import legacy_routes
from server.http.routes import BASE_PATHS, fhir_endpoint
from server.search.extract import Extractor
from server.search.parse import SearchOptions
from server.search.registry import Registry, load_registry
from server.store.base import Store
from terminology.geo import commune_centroid

log = logging.getLogger("ror")

_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]


@dataclass(slots=True)
class Services:
    settings: Settings
    store: Store
    registry: Registry
    extractor: Extractor
    router: Router
    started: str


def open_store(settings: Settings) -> Store:
    if settings.store == "mongodb":
        from server.store.mongo.store import MongoStore

        return MongoStore(settings.mongodb_uri, settings.mongodb_db)
    if settings.store != "sqlite":
        raise ValueError(f"ROR_STORE must be sqlite or mongodb, not '{settings.store}'")
    from server.store.sqlite.store import SqliteStore

    return SqliteStore(settings.db)


def build_services(settings: Settings, store: Store) -> Services:
    registry = load_registry()
    extractor = Extractor(registry)
    terminology = load_terminology(release_dirs(Path(settings.terminology_releases)))
    ctx = make_context(registry, terminology, commune_centroid)
    options = SearchOptions(
        settings.default_count, settings.max_count, settings.lenient_search, not settings.strict_fhir_search
    )
    searcher = Searcher(store, ctx, extractor, options)
    writer = Writer(extractor, CodeGate(terminology, lenient=settings.terminology_lenient))
    interactions = Interactions(store, writer, searcher.ids)
    router = Router(interactions, searcher)
    router.bundle_handler = BundleProcessor(router)
    router.add_read_only("SearchParameter", read_only_provider("SearchParameter", registry.resources))
    register_terminology(router, terminology)
    services = Services(settings, store, registry, extractor, router, now_instant())

    def metadata(request: FhirRequest) -> FhirResponse:
        return FhirResponse(200, capability_statement(router, registry, request.base_url, services.started))

    router.metadata = metadata
    return services


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """The ASGI application. ``store`` overrides the one the settings name (tests pass an opened store)."""
    settings = settings or Settings.from_env()
    holder: dict[str, Services] = {}

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        the_store = store or open_store(settings)
        await the_store.open()
        services = build_services(settings, the_store)
        holder["services"] = services
        try:
            yield
        finally:
            if store is None:
                await the_store.close()

    app = FastAPI(title="ROR FHIR server", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)

    def dispatch() -> object:
        return holder["services"].router.dispatch

    async def health(_: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    async def ready(_: Request) -> JSONResponse:
        try:
            await holder["services"].store.ping()
        except Exception as exc:  # the readiness probe reports any store failure
            return JSONResponse({"status": "unavailable", "store": settings.store, "error": str(exc)}, 503)
        return JSONResponse({"status": "ready", "store": settings.store})

    app.router.routes.append(Route("/health", health, methods=["GET"]))
    app.router.routes.append(Route("/health/ready", ready, methods=["GET"]))
    app.router.routes.extend(legacy_routes(lambda: StoreOfferSource(holder["services"].router.searcher),
                                           lambda: settings.legacy_profile))
    for prefix in BASE_PATHS:
        endpoint = fhir_endpoint(dispatch, prefix)  # type: ignore[arg-type]
        app.router.routes.append(Route(prefix + "/{path:path}", endpoint, methods=_METHODS))
    app.state.services = holder
    return app


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory`` (several workers): settings from the environment."""
    return create_app(Settings.from_env())
