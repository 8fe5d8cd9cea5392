"""Fixtures for the MongoDB test-server harness: one FerretDB for the session, one database per test."""

import uuid
from collections.abc import AsyncIterator, Iterator

import pytest
from pymongo import AsyncMongoClient
from pymongo.asynchronous.database import AsyncDatabase

from scripts.mongo_test_server import MongoServer, ferretdb_server


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "mongo: needs a MongoDB-wire server (MONGODB_URI, mongod or FerretDB)")


@pytest.fixture(scope="session")
def ferretdb() -> Iterator[MongoServer]:
    with ferretdb_server() as server:
        yield server


@pytest.fixture
async def database(ferretdb: MongoServer) -> AsyncIterator[AsyncDatabase]:
    client: AsyncMongoClient = AsyncMongoClient(ferretdb.uri)
    name = f"harness_{uuid.uuid4().hex[:12]}"
    try:
        yield client[name]
    finally:
        await client.drop_database(name)
        await client.close()
