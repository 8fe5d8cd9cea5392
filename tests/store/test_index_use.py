"""Which index serves each query class of the ROR spec (§5) on the MongoDB store.

The store's ``explain`` names, for the translated filter and for each sub-query
it ran (chain targets, ``_has`` sources, the ``partof`` walk), the index that
each condition is planned on. FerretDB plans every query as a SQLite table scan,
so the server's own plan is checked for index scans only on a real MongoDB.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from server.search.plan import Query
from server.store.mongo.store import MongoStore
from tests.conftest import STORES, make_store, running_app
from tests.search.test_spec_cases import CASES, DATASET, _split
from tests.store.writes import write

NOS = "https://mos.esante.gouv.fr/NOS"


@dataclass(frozen=True)
class Plan:
    main: list[str]
    subqueries: list[tuple[str, list[str]]] = field(default_factory=list)
    server: list[str] = field(default_factory=list)


def _plan(lines: list[str]) -> Plan:
    """The index names of an ``explain``: of the main filter, of each sub-query, and the server's stages."""
    plan = Plan([])
    for line in lines:
        if line.startswith("index "):
            plan.main.append(line.split()[1].rstrip(":"))
        elif line.startswith("subquery "):
            plan.subqueries.append((line.split()[1], []))
        elif line.startswith("  index "):
            plan.subqueries[-1][1].append(line.split()[1].rstrip(":"))
        elif line.startswith("server "):
            plan.server.append(line.removeprefix("server "))
    return plan


@pytest.fixture(scope="module")
async def searcher(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Any]:
    """The spec's data set in a MongoDB store, and the application's search parser over it."""
    if "mongodb" not in STORES:
        pytest.skip("ROR_TEST_STORES does not name mongodb")
    store: MongoStore = make_store("mongodb", tmp_path_factory.mktemp("index-use"), request)
    await store.open()
    try:
        await store.commit([write(resource, 1) for resource in DATASET])
        async with running_app("mongodb", store) as client:
            services = client._transport.app.state.services["services"]  # type: ignore[attr-defined]
            yield store, services.router.searcher
    finally:
        await store.close()


async def _explain(searcher: Any, request: str) -> Plan:
    store, parser = searcher
    path, params = _split(request)
    query: Query = parser.parse(path.strip("/"), params).query
    return _plan(await store.explain(query))


# request -> (indexes of the main filter, (sub-query type, its indexes) in order)
QUERY_CLASSES: dict[str, tuple[str, list[str], list[tuple[str, list[str]]]]] = {
    "token": ("Location?identifier=52/192675", ["tok"], []),
    "token with system, OR list": (
        f"HealthcareService?specialty={NOS}/TRE_R211-ActiviteOperationnelle/FHIR/TRE-R211-ActiviteOperationnelle|005,"
        f"{NOS}/TRE_R211-ActiviteOperationnelle/FHIR/TRE-R211-ActiviteOperationnelle|481",
        ["tok"],
        [],
    ),
    "token system only": (f"Organization?_tag={NOS}/TRE_R30-RegionOM/FHIR/TRE-R30-RegionOM|", ["tok"], []),
    "token :text": ("HealthcareService?specialty:text=cardio", ["str"], []),
    "_id": ("Location?_id=140,141", ["_id_"], []),
    "_lastUpdated": ("Location?_lastUpdated=ge2023-08-02", ["lu"], []),
    "string prefix in _filter OR": ('Location?_filter=(address-postalcode eq "22" or "29")', ["str"], []),
    "string :contains": ("Organization?name:contains=chu", ["str"], []),
    "string :exact": ("Organization?name:exact=Centre Hospitalier Universitaire de Nantes", ["str"], []),
    "full text": ("HealthcareService?_content=cardio", ["txt"], []),
    "date": ("MeasureReport?date=ge2023-10", ["dt"], []),
    "number": ("Location?nb-capacity=gt0", ["num"], []),
    "quantity": ("HealthcareService?age-range-low=le35|http://unitsofmeasure.org|a", ["qty"], []),
    "reference": ("HealthcareService?organization=Organization/eg-morlaix", ["ref"], []),
    "uri": ("Questionnaire?url=https://example.org/q", ["uri"], []),
    ":missing=false": ("Location?status:missing=false", ["has"], []),
    "near": ("Location?near=47.218|-1.637|15|km", ["cell"], []),
    "correlated repetition": (
        f"Location?capacity-type={NOS}/TRE_R329-NatureCapacite/FHIR/TRE-R329-NatureCapacite|01"
        f"&capacity-status={NOS}/TRE_R330-TypeStatutCapacite/FHIR/TRE-R330-TypeStatutCapacite|01",
        ["grp_tok"],
        [],
    ),
    "chain": ("HealthcareService?location.address-postalcode=71", ["ref"], [("Location", ["str"])]),
    "chained near": ("HealthcareService?location.near=47.218|-1.637|15|km", ["ref"], [("Location", ["cell"])]),
    "chained correlated price": (
        f"HealthcareService?organization.price-type={NOS}/TRE_R246-TypeTarif/FHIR/TRE-R246-TypeTarif|02"
        "&organization.price-amount-value=lt3000",
        ["ref"],
        [("Organization", ["grp_tok"])],
    ),
    "hierarchy :above": (
        "HealthcareService?organization.identifier:above=1290000041",
        ["ref"],
        [("Organization", ["tok"]), ("Organization", ["ref"]), ("Organization", ["ref"])],
    ),
    "_has with chain": (
        "HealthcareService?_has:PractitionerRole:service:practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1|10001234567",
        ["_id_"],
        [("Practitioner", ["tok"]), ("PractitionerRole", ["ref"])],
    ),
}


@pytest.mark.parametrize("name", list(QUERY_CLASSES))
async def test_each_query_class_is_planned_on_its_index(searcher: Any, name: str) -> None:
    request, main, subqueries = QUERY_CLASSES[name]
    plan = await _explain(searcher, request)
    assert plan.main == main
    assert plan.subqueries[: len(subqueries)] == subqueries
    assert all(indexes and "del_pk" not in indexes for _, indexes in plan.subqueries)


RESULT_PARAMETERS = ("_include", "_revinclude", "_count", "_sort", "_summary", "_elements", "_total")
SPEC_SEARCHES = [c for c in CASES if c["status"] == 200 and c.get("interaction") != "read"]


@pytest.mark.parametrize("case", SPEC_SEARCHES, ids=[c["name"] for c in SPEC_SEARCHES])
async def test_every_spec_search_is_planned_on_indexes(searcher: Any, case: dict[str, Any]) -> None:
    """A search with criteria never falls back to the unfiltered ``del_pk`` order, except for negations."""
    _, params = _split(case["request"])
    criteria = [name for name, _ in params if not name.startswith(RESULT_PARAMETERS)]
    plan = await _explain(searcher, case["request"])
    negated_only = all(":not" in name or ":missing" in name for name in criteria)
    if criteria and not negated_only:
        assert plan.main and "del_pk" not in plan.main, plan
    else:
        assert plan.main == ["del_pk"], plan
    assert all(indexes and "del_pk" not in indexes for _, indexes in plan.subqueries), plan


@pytest.mark.parametrize("name", list(QUERY_CLASSES))
async def test_real_mongodb_runs_each_query_class_on_an_index_scan(searcher: Any, name: str) -> None:
    store, _ = searcher
    if store.capabilities.emulated:
        pytest.skip(
            "needs a real MongoDB (MONGODB_URI or mongod on PATH): FerretDB 1.24 plans every query as a SQLite "
            f"table scan and lacks {', '.join(sorted(store.capabilities.emulated))}"
        )
    plan = await _explain(searcher, QUERY_CLASSES[name][0])
    assert any(stage.startswith("IXSCAN") for stage in plan.server), plan.server
    assert not any(stage.startswith("COLLSCAN") for stage in plan.server), plan.server
