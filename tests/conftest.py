"""Shared fixtures: the application over each store, driven through HTTP with httpx.

Every HTTP test runs once per store (``sqlite``, and ``mongodb`` on a real
MongoDB-wire server: ``MONGODB_URI``, a ``mongod`` on PATH, or FerretDB built by
``scripts/mongo_test_server.py``). Each test gets an empty database.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from server.app import create_app
from server.config import Settings

STORES = [s.strip() for s in os.environ.get("ROR_TEST_STORES", "sqlite,mongodb").split(",") if s.strip()]
_counter = itertools.count()


@pytest.fixture(scope="session")
def mongo_server() -> Iterator[Any]:
    from scripts.mongo_test_server import mongo_test_server

    with mongo_test_server() as server:
        yield server


def make_store(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> Any:
    if kind == "sqlite":
        from server.store.sqlite.store import SqliteStore

        return SqliteStore(tmp_path / "test.db")
    server = request.getfixturevalue("mongo_server")
    from server.store.mongo.store import MongoStore

    return MongoStore(server.uri, f"test_{os.getpid()}_{next(_counter)}", drop_on_close=True)


@pytest.fixture(params=STORES)
def store_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@asynccontextmanager
async def running_app(kind: str, store: Any) -> AsyncIterator[httpx.AsyncClient]:
    """The application over an opened ``store``, lifespan run, and an HTTP client on it."""
    app = create_app(Settings(store=kind), store=store)
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://test") as client,
    ):
        yield client


@pytest.fixture
async def client(
    store_kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> AsyncIterator[httpx.AsyncClient]:
    store = make_store(store_kind, tmp_path, request)
    await store.open()
    try:
        async with running_app(store_kind, store) as client:
            yield client
    finally:
        await store.close()
