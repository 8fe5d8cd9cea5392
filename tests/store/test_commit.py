"""Commits on every store: all or nothing, compare-and-set on versions, no lost update under concurrency."""

from __future__ import annotations

import asyncio
import random
from typing import Any

import orjson
import pytest

from server.search.plan import Query, StringMatch
from server.store.base import CommitConflict
from tests.store.writes import deletion, location, organization, write


async def _assert_no_commit_in_progress(store: Any) -> None:
    """The MongoDB store leaves no decision or unfinished version behind."""
    if store.name != "mongodb":
        return
    assert await store.db["commit_decision"].count_documents({}) == 0
    assert await store.db["history"].count_documents({"c": {"$exists": True}}) == 0


async def test_a_commit_whose_third_op_conflicts_leaves_nothing_of_the_first_two(store: Any) -> None:
    await store.commit([write(organization("kept", "Kept"), 1), write(location("loc", "Site"), 1)])
    ops = [
        write(organization("new", "Nouvelle"), 1),
        write(organization("kept", "Renamed"), 2),
        write(location("loc", "Stale"), 4),  # expects version 3, the store holds version 1
    ]
    with pytest.raises(CommitConflict) as conflict:
        await store.commit(ops)
    assert (conflict.value.key, conflict.value.expected, conflict.value.actual) == ("Location/loc", 3, 1)

    assert await store.read("Organization", "new") is None
    kept = await store.read("Organization", "kept")
    assert kept is not None and kept.version == 1 and orjson.loads(kept.body)["name"] == "Kept"
    assert await store.vread("Organization", "kept", 2) is None
    assert (await store.history(None, None, None, 10, None)).total == 2
    found = await store.search(Query("Organization", StringMatch("name", ("nouvelle",))))
    assert found.matches == [] and found.total == 0
    await _assert_no_commit_in_progress(store)


async def test_creation_expects_absence_and_update_expects_the_current_version(store: Any) -> None:
    await store.commit([write(organization("o", "A"), 1)])
    with pytest.raises(CommitConflict):
        await store.commit([write(organization("o", "B"), 1)])  # creates what exists
    with pytest.raises(CommitConflict):
        await store.commit([write(organization("p", "C"), 2)])  # updates what does not exist
    await store.commit([deletion("Organization", "o", 2)])
    gone = await store.read("Organization", "o")
    assert gone is not None and gone.deleted and gone.body == b""
    await store.commit([write(organization("o", "D"), 3)])  # re-creation continues the versions
    history = await store.history("Organization", "o", None, 10, None)
    assert sorted((e.version, e.method) for e in history.entries) == [(1, "PUT"), (2, "DELETE"), (3, "PUT")]
    await _assert_no_commit_in_progress(store)


async def test_concurrent_compare_and_set_writers_lose_no_increment(store: Any) -> None:
    """20 writers each add 1 ten times with read-modify-write, retrying on conflict: 200 increments land."""
    await store.commit([write({**organization("counter", "counter"), "alias": ["0"]}, 1)])
    conflicts = 0

    async def increment() -> None:
        nonlocal conflicts
        for attempt in range(1000):
            current = await store.read("Organization", "counter")
            value = int(orjson.loads(current.body)["alias"][0])
            await asyncio.sleep(0)  # let the other writers read the same version
            try:
                await store.commit(
                    [write({**organization("counter", "counter"), "alias": [str(value + 1)]}, current.version + 1)]
                )
                return
            except CommitConflict:
                conflicts += 1
                await asyncio.sleep(random.uniform(0, 0.004 * 2 ** min(attempt, 6)))  # exponential backoff
        raise AssertionError("no progress")

    async def writer() -> None:
        for _ in range(10):
            await increment()

    await asyncio.gather(*(writer() for _ in range(20)))
    final = await store.read("Organization", "counter")
    assert orjson.loads(final.body)["alias"] == ["200"] and final.version == 201
    history = await store.history("Organization", "counter", None, 300, None)
    assert history.total == 201
    values = sorted(int(orjson.loads(e.body)["alias"][0]) for e in history.entries)
    assert values == list(range(201))  # every version is the increment of the one before: no lost update
    assert conflicts > 0
    await _assert_no_commit_in_progress(store)


async def test_history_pages_newest_first_and_read_many_skips_deletions(store: Any) -> None:
    """Newest ``lastUpdated`` first; versions written at the same instant by type and id, descending."""
    monday, tuesday = "2026-03-02T10:00:00.000Z", "2026-03-03T10:00:00.000Z"
    await store.commit([write(organization("a", "A"), 1, at=monday), write(organization("b", "B"), 1, at=monday)])
    await store.commit([write(organization("a", "A2"), 2, at=tuesday), deletion("Organization", "b", 2, at=tuesday)])
    first = await store.history(None, None, None, 3, None)
    assert first.total == 4 and first.next_cursor is not None
    assert [(e.id, e.version, e.method) for e in first.entries] == [
        ("b", 2, "DELETE"),
        ("a", 2, "PUT"),
        ("b", 1, "PUT"),
    ]
    rest = await store.history(None, None, None, 3, first.next_cursor)
    assert [(e.id, e.version) for e in rest.entries] == [("a", 1)] and rest.next_cursor is None
    since = await store.history("Organization", None, 1772532000.0, 10, None)
    assert since.total == 2 and [e.id for e in since.entries] == ["b", "a"]
    many = await store.read_many([("Organization", "a"), ("Organization", "b"), ("Organization", "zz")])
    assert [(r.id, r.version) for r in many] == [("a", 2)]
    assert (await store.vread("Organization", "b", 2)).deleted
