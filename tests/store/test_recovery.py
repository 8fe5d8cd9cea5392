"""The MongoDB store's logged commit protocol interrupted at each step, then recovered."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import orjson
import pytest

from server.store.base import CommitConflict
from server.store.mongo.commit import SimulatedCrash
from server.store.mongo.store import MongoStore
from tests.store.writes import location, organization, write


@pytest.fixture
async def logged(store: Any) -> AsyncIterator[Any]:
    """The store, when it commits with the logged protocol (MongoDB without transactions)."""
    if store.name != "mongodb":
        pytest.skip("the embedded store commits in one SQLite transaction: there is no protocol to interrupt")
    if store.capabilities.transactions:
        pytest.skip("this MongoDB deployment commits in transactions: the logged protocol is not used")
    yield store


async def _crash(store: Any, step: str, ops: list[Any]) -> None:
    store.commits.crash_at = step
    with pytest.raises(SimulatedCrash):
        await store.commit(ops)
    store.commits.crash_at = None


async def _reopened(store: Any) -> MongoStore:
    """A new store on the same database, as after a restart; recovery runs in ``open``."""
    restarted = MongoStore(store.uri, store.db_name, recovery_lease=0)
    await restarted.open()
    return restarted


async def _name(store: Any, resource_type: str, resource_id: str) -> tuple[int, str] | None:
    found = await store.read(resource_type, resource_id)
    return (found.version, orjson.loads(found.body)["name"]) if found else None


async def _unfinished(store: Any) -> int:
    return await store.db["history"].count_documents({"c": {"$exists": True}}) + await store.db[
        "commit_decision"
    ].count_documents({})


def _changes() -> list[Any]:
    """Two organisations and a location in one commit (the organisations are applied first)."""
    return [
        write(organization("o1", "Après"), 2),
        write(location("l1", "Après"), 2),
        write(organization("o2", "Neuve"), 1),
    ]


async def _setup(store: Any) -> list[Any]:
    await store.commit([write(organization("o1", "Avant"), 1), write(location("l1", "Avant"), 1)])
    return _changes()


async def test_a_commit_stopped_before_its_commit_point_is_rolled_back(logged: Any) -> None:
    ops = await _setup(logged)
    await _crash(logged, "claimed", ops)
    assert await _name(logged, "Organization", "o1") == (1, "Avant")  # nothing visible meanwhile
    assert await logged.vread("Organization", "o1", 2) is None
    restarted = await _reopened(logged)
    try:
        assert await _unfinished(restarted) == 0
        assert await _name(restarted, "Organization", "o1") == (1, "Avant")
        assert await _name(restarted, "Organization", "o2") is None
        assert (await restarted.history(None, None, None, 10, None)).total == 2
        await restarted.commit(_changes())  # the claims are gone: the same writes now succeed
        assert await _name(restarted, "Organization", "o2") == (1, "Neuve")
    finally:
        await restarted.close()


async def test_a_commit_stopped_after_its_commit_point_is_completed(logged: Any) -> None:
    ops = await _setup(logged)
    await _crash(logged, "decided", ops)
    assert await _name(logged, "Organization", "o1") == (1, "Avant")
    restarted = await _reopened(logged)
    try:
        assert await _unfinished(restarted) == 0
        assert await _name(restarted, "Organization", "o1") == (2, "Après")
        assert await _name(restarted, "Location", "l1") == (2, "Après")
        assert await _name(restarted, "Organization", "o2") == (1, "Neuve")
        assert [e.version for e in (await restarted.history("Organization", "o1", None, 10, None)).entries] == [2, 1]
    finally:
        await restarted.close()


async def test_a_single_version_commit_is_decided_by_its_claim(logged: Any) -> None:
    await _setup(logged)
    await _crash(logged, "claimed", [write(organization("o1", "Seule"), 2)])
    assert await _name(logged, "Organization", "o1") == (1, "Avant")
    restarted = await _reopened(logged)
    try:
        assert await _unfinished(restarted) == 0
        assert await _name(restarted, "Organization", "o1") == (2, "Seule")
    finally:
        await restarted.close()


async def test_a_half_applied_commit_is_completed(logged: Any) -> None:
    ops = await _setup(logged)
    await _crash(logged, "applied-part", ops)
    assert await _name(logged, "Organization", "o1") == (2, "Après")  # the organisations are applied ...
    assert await _name(logged, "Location", "l1") == (1, "Avant")  # ... the location is not
    restarted = await _reopened(logged)
    try:
        assert await _unfinished(restarted) == 0
        assert await _name(restarted, "Location", "l1") == (2, "Après")
        assert await _name(restarted, "Organization", "o1") == (2, "Après")
        assert (await restarted.history(None, None, None, 10, None)).total == 5
    finally:
        await restarted.close()


async def test_recovery_leaves_commits_younger_than_the_lease_alone(logged: Any) -> None:
    ops = await _setup(logged)
    await _crash(logged, "claimed", ops)
    assert await logged.commits.recover() == 0  # default lease: 60 s
    assert await _unfinished(logged) == 3
    with pytest.raises(CommitConflict):  # a live commit's claims stand: the writer must retry
        await logged.commit([write(organization("o1", "Autre"), 2)])
    assert await logged.commits.recover(older_than=0) == 1
    await logged.commit([write(organization("o1", "Autre"), 2)])
    assert await _name(logged, "Organization", "o1") == (2, "Autre")


async def test_an_abandoned_claim_is_recovered_by_the_writer_it_blocks(logged: Any) -> None:
    ops = await _setup(logged)
    await _crash(logged, "claimed", ops)
    logged.commits.lease = 0  # the crashed commit is now old enough to be taken for abandoned
    with pytest.raises(CommitConflict):
        await logged.commit([write(location("l1", "Autre"), 2)])
    await logged.commit([write(location("l1", "Autre"), 2)])
    assert await _name(logged, "Location", "l1") == (2, "Autre")
    assert await _unfinished(logged) == 0
