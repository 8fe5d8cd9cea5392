"""FerretDB, built from source and started by the harness, speaks enough MongoDB for the store."""

import asyncio
import shutil
import socket
import subprocess

import pytest
from pymongo import AsyncMongoClient, MongoClient, ReturnDocument
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError, OperationFailure, ServerSelectionTimeoutError
from pymongo.uri_parser import parse_uri

from scripts.mongo_test_server import (
    FERRETDB_VERSION,
    MongoServer,
    build_ferretdb,
    ferretdb_server,
    mongo_test_server,
)

pytestmark = pytest.mark.mongo


def test_binary_is_cached_and_reports_its_version(ferretdb: MongoServer) -> None:
    output = subprocess.run(
        [build_ferretdb(), "--version"], capture_output=True, text=True, check=True
    ).stdout
    assert f"version: {FERRETDB_VERSION}" in output


def test_server_is_ferretdb_without_transactions(ferretdb: MongoServer) -> None:
    assert ferretdb.kind == "ferretdb"
    assert ferretdb.supports_transactions is False
    with MongoClient(ferretdb.uri) as client:
        assert "ferretdbVersion" in client.admin.command("buildInfo")


async def test_async_client_connects(ferretdb: MongoServer) -> None:
    client: AsyncMongoClient = AsyncMongoClient(ferretdb.uri)
    try:
        assert (await client.admin.command("ping"))["ok"] == 1
    finally:
        await client.close()


async def test_insert_and_find(database: AsyncDatabase) -> None:
    resources = database["resources"]
    await resources.insert_many([{"_id": f"o{n}", "type": "Organization", "rank": n} for n in range(5)])
    await resources.insert_one({"_id": "p1", "type": "Practitioner", "rank": 9})
    found = await resources.find({"type": "Organization", "rank": {"$gte": 2}}).sort("rank", -1).to_list()
    assert [doc["_id"] for doc in found] == ["o4", "o3", "o2"]
    assert await resources.find_one({"_id": "p1"}) == {"_id": "p1", "type": "Practitioner", "rank": 9}


async def test_unique_index_rejects_duplicates(database: AsyncDatabase) -> None:
    versions = database["versions"]
    await versions.create_index([("rid", 1), ("vid", 1)], unique=True)
    await versions.insert_one({"rid": "o1", "vid": 1})
    with pytest.raises(DuplicateKeyError):
        await versions.insert_one({"rid": "o1", "vid": 1})


async def test_find_one_and_update_is_a_compare_and_set(database: AsyncDatabase) -> None:
    heads = database["heads"]
    await heads.insert_one({"_id": "o1", "version": 1, "name": "first"})
    won = await heads.find_one_and_update(
        {"_id": "o1", "version": 1},
        {"$set": {"version": 2, "name": "second"}},
        return_document=ReturnDocument.AFTER,
    )
    assert won == {"_id": "o1", "version": 2, "name": "second"}
    stale = await heads.find_one_and_update(
        {"_id": "o1", "version": 1}, {"$set": {"version": 2, "name": "lost"}}
    )
    assert stale is None
    assert await heads.find_one({"_id": "o1"}) == won


async def test_concurrent_inserts_of_one_unique_key_have_one_winner(database: AsyncDatabase) -> None:
    """The concurrency guard that holds on FerretDB (its findAndModify is read-then-write, so racy)."""
    versions = database["versions"]
    await versions.create_index([("rid", 1), ("vid", 1)], unique=True)

    async def insert(writer: int) -> bool:
        try:
            await versions.insert_one({"rid": "o1", "vid": 2, "writer": writer})
        except DuplicateKeyError:
            return False
        return True

    outcomes = await asyncio.gather(*(insert(writer) for writer in range(10)))
    assert sum(outcomes) == 1
    assert await versions.count_documents({}) == 1


async def test_transactions_fail_loudly_rather_than_silently_committing(
    ferretdb: MongoServer, database: AsyncDatabase
) -> None:
    with pytest.raises(OperationFailure):
        async with database.client.start_session() as session, await session.start_transaction():
            await database["heads"].insert_one({"_id": "o1"}, session=session)
    assert await database["heads"].count_documents({}) == 0


def test_server_stops_and_frees_its_port() -> None:
    with ferretdb_server() as server:
        ((host, port),) = parse_uri(server.uri)["nodelist"]
        with MongoClient(server.uri) as client:
            assert client.admin.command("ping")["ok"] == 1
    with (
        MongoClient(server.uri, serverSelectionTimeoutMS=300) as client,
        pytest.raises(ServerSelectionTimeoutError),
    ):
        client.admin.command("ping")
    with socket.socket() as probe:
        probe.bind((host, port))


def test_mongodb_uri_from_environment_wins(ferretdb: MongoServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MONGODB_URI", ferretdb.uri)
    with mongo_test_server() as server:
        assert server == MongoServer(uri=ferretdb.uri, kind="env", supports_transactions=False)


@pytest.mark.skipif(shutil.which("mongod") is not None, reason="a mongod on PATH is preferred to FerretDB")
def test_without_uri_or_mongod_ferretdb_is_started(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MONGODB_URI", raising=False)
    with mongo_test_server() as server, MongoClient(server.uri) as client:
        assert server.kind == "ferretdb"
        assert client.admin.command("ping")["ok"] == 1
