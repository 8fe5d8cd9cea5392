"""The MongoDB store answers searches exactly as the embedded store does.

The spec's data set is loaded in both stores, and searches drawn from its own
index entries (every parameter type, prefix and modifier, sorts, chains, the
``partof`` hierarchy, ``_has``, correlated groups, ``near``) must give the same
matches in the same order, the same totals, and the same pages.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from server.search.index import (
    DateEntry,
    GeoEntry,
    IndexEntry,
    NumberEntry,
    QuantityEntry,
    ReferenceEntry,
    StringEntry,
    TextEntry,
    TokenEntry,
    UriEntry,
)
from server.store.sqlite.store import SqliteStore
from tests.conftest import STORES, make_store, running_app
from tests.search.test_spec_cases import DATASET
from tests.store.writes import extractor, write

Params = list[tuple[str, str]]


def _instant(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _updated(n: int) -> str:
    """Distinct update instants, a few sharing one, so that ``_lastUpdated`` ranges and ties are exercised."""
    return _instant(1704067200 + (n // 3) * 86400 * 7 + (n % 3) * 3600 * (n % 2))


def _token(param: str, e: TokenEntry) -> list[Params]:
    searches = [[(param, e.code)], [(f"{param}:missing", "false")], [(param, e.code), ("_sort", f"-{param}")]]
    if e.system:
        searches += [[(param, f"{e.system}|{e.code}")], [(param, f"{e.system}|")]]
        searches.append([(f"{param}:not", f"{e.system}|{e.code}")])
    else:
        searches += [[(param, f"|{e.code}")], [(f"{param}:not", e.code or "")]]
    return searches


def _searches_for(resource_type: str, entries: list[IndexEntry], rng: random.Random) -> list[Params]:
    by_param: dict[str, list[IndexEntry]] = {}
    for e in entries:
        by_param.setdefault(e.param, []).append(e)
    searches: list[Params] = [[], [("_sort", "-_lastUpdated")], [("_lastUpdated", "ge2024-03"), ("_sort", "_id")]]
    for param, found in sorted(by_param.items()):
        if ":" in param:  # derived entries (identifier:of-type, reference:identifier) take other value forms
            continue
        e = rng.choice(found)
        match e:
            case TokenEntry(code=str()):
                searches += _token(param, e)
            case TokenEntry(text=str(text)):
                searches.append([(f"{param}:text", text[:4])])
            case StringEntry():
                searches += [[(param, e.folded[:3])], [(f"{param}:exact", e.exact)], [(param, e.folded[:1])]]
                searches += [[(f"{param}:contains", e.folded[1:4]), ("_sort", param)]]
            case DateEntry():
                day = _instant(e.low)
                prefixes = rng.sample(["eq", "ne", "gt", "lt", "ge", "le", "sa", "eb", "ap"], 4)
                searches += [[(param, f"{prefix}{day[: rng.choice((4, 7, 10, 20))]}")] for prefix in prefixes]
                searches.append([(param, "ge1900"), ("_sort", f"-{param}")])
            case NumberEntry() | QuantityEntry():
                unit = f"|{e.system or ''}|{e.code}" if isinstance(e, QuantityEntry) and e.code else ""
                prefixes = rng.sample(["eq", "ne", "gt", "lt", "ge", "le", "ap"], 3)
                searches += [[(param, f"{prefix}{e.value:g}{unit}")] for prefix in prefixes]
            case ReferenceEntry(target_id=str(target)):
                searches += [[(param, f"{e.target_type}/{target}" if e.target_type else target)], [(param, target)]]
            case UriEntry():
                searches += [[(param, e.uri)], [(f"{param}:below", e.uri[: len(e.uri) // 2])]]
            case GeoEntry():
                searches += [
                    [("near", f"{e.lat}|{e.lon}|{km}|km"), ("_sort", order)]
                    for km, order in ((2, "_distance"), (60, "-_distance"), (400, "_id"))
                ]
            case TextEntry(param="_content"):
                searches.append([("_content", rng.choice(e.folded.split())[:4])])
    return searches


def _correlated(entries: list[IndexEntry]) -> list[Params]:
    """The entries of each correlated repetition searched together (tokens, and ranges they pass)."""
    groups: dict[int, list[Params]] = {}
    for e in entries:
        if not e.group:
            continue
        match e:
            case TokenEntry(system=str(system), code=str(code)):
                groups.setdefault(e.group, []).append([(e.param, f"{system}|{code}")])
            case NumberEntry() | QuantityEntry():
                groups.setdefault(e.group, []).append([(e.param, f"ge{e.value:g}")])
            case DateEntry():
                groups.setdefault(e.group, []).append([(e.param, f"le{_instant(e.low)[:10]}")])
    return [[p for params in parts[:4] for p in params] for parts in list(groups.values())[:2]]


def _searches(per_type: int = 11, correlated: int = 8) -> list[tuple[str, Params]]:
    """A sample of searches per resource type (the files stay fast on FerretDB), then chains and groups."""
    rng = random.Random(20260501)
    by_type: dict[str, list[IndexEntry]] = {}
    for resource in DATASET:
        by_type.setdefault(resource["resourceType"], []).extend(extractor().extract(resource))
    searches = []
    for resource_type, entries in sorted(by_type.items()):
        drawn = _searches_for(resource_type, entries, rng)
        searches += [(resource_type, params) for params in rng.sample(drawn, min(per_type, len(drawn)))]
    groups = [(r["resourceType"], p) for r in DATASET for p in _correlated(list(extractor().extract(r)))]
    for resource_type, params in rng.sample(groups, min(correlated, len(groups))):
        searches.append((resource_type, params))
        if resource_type == "Location":
            searches.append(("HealthcareService", [(f"location.{name}", value) for name, value in params]))
    searches += [
        ("HealthcareService", [("organization.name", "centre"), ("_sort", "-organization.name")]),
        ("HealthcareService", [("organization.type:missing", "false"), ("_sort", "organization.name")]),
        ("HealthcareService", [("organization.identifier:above", "1290000041")]),
        ("HealthcareService", [("organization.identifier:below", "1290000041")]),
        ("Organization", [("_has:HealthcareService:organization:_content", "cardio")]),
        ("Location", [("_has:HealthcareService:location:specialty", "227"), ("_sort", "name")]),
        ("HealthcareService", [("_filter", "(name co 'cardio' or _lastUpdated ge 2024-06-01) and not (_id eq x)")]),
        ("Measure", [("_has:MeasureReport:measure:status", "complete")]),
    ]
    return searches


SEARCHES = _searches()


@pytest.fixture(scope="module")
async def stores(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Any]:
    """The data set in an embedded and a MongoDB store, and a search parser."""
    if "mongodb" not in STORES:
        pytest.skip("ROR_TEST_STORES does not name mongodb: nothing to compare the embedded store with")
    directory: Path = tmp_path_factory.mktemp("equivalence")
    embedded = SqliteStore(directory / "embedded.db")
    mongo = make_store("mongodb", directory, request)
    ops = [write(resource, 1, at=_updated(n)) for n, resource in enumerate(DATASET)]
    for store in (embedded, mongo):
        await store.open()
        await store.commit(ops)
    try:
        async with running_app("sqlite", embedded) as client:
            yield embedded, mongo, client._transport.app.state.services["services"].router.searcher  # type: ignore[attr-defined]
    finally:
        await embedded.close()
        await mongo.close()


async def _pages(store: Any, query: Any) -> list[tuple[list[str], int | None]]:
    """The matches and total of each page, 10 per page."""
    pages = []
    cursor = None
    while len(pages) < 20:
        page = await store.search(dataclasses.replace(query, count=10, cursor=cursor))
        pages.append(([m.id for m in page.matches], page.total))
        cursor = page.next_cursor
        if cursor is None:
            break
    return pages


@pytest.mark.parametrize(
    ("resource_type", "params"), SEARCHES, ids=[f"{t}?{'&'.join(f'{k}={v}' for k, v in p)}" for t, p in SEARCHES]
)
async def test_both_stores_answer_alike(stores: Any, resource_type: str, params: Params) -> None:
    embedded, mongo, searcher = stores
    query = searcher.parse(resource_type, params).query
    assert await _pages(mongo, query) == await _pages(embedded, query)
