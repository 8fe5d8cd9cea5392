"""Discovery: sample the target's data through its own search API to fill the data pool.

A few searches per resource type (``_count=200``), each followed along a random number of ``next`` links.
The walk depends only on the seed and the server's paging, so a run is reproducible on the same data.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from random import Random
from typing import Any

import httpx
import orjson

from bench.pool import DataPool
from bench.target import rebase

PAGE_SIZE = "200"  # the ROR maximum page size (spec §2.1)
MAX_PAGES = 50

SEED_SEARCHES: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    # Offers with their places and providers, so that generators can combine their criteria.
    (
        "HealthcareService",
        (
            ("_count", PAGE_SIZE),
            ("_include", "HealthcareService:location"),
            ("_include", "HealthcareService:organization"),
        ),
    ),
    ("Location", (("_count", PAGE_SIZE),)),
    ("Organization", (("_count", PAGE_SIZE),)),
    ("PractitionerRole", (("_count", PAGE_SIZE),)),
    ("Practitioner", (("_count", PAGE_SIZE),)),
)


@dataclass(slots=True)
class DiscoveryReport:
    requests: int = 0
    seconds: float = 0.0
    pages: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    def as_dict(self, pool: DataPool) -> dict[str, Any]:
        return {
            "requests": self.requests,
            "seconds": round(self.seconds, 3),
            "pages": self.pages,
            "failures": self.failures,
            "resources": pool.counts(),
            "offers": len(pool.offers),
            "places": len(pool.places),
            "capacity_indicators": sum(len(p.indicators) for p in pool.places.values()),
        }


def _next_link(bundle: dict[str, Any]) -> str | None:
    return next(
        (
            link.get("url")
            for link in bundle.get("link") or []
            if isinstance(link, dict) and link.get("relation") == "next"
        ),
        None,
    )


async def discover(
    client: httpx.AsyncClient, base_url: str, rng: Random, max_pages: int
) -> tuple[DataPool, DiscoveryReport]:
    """Walk each seed search for 1..``max_pages`` pages (random) and harvest every returned resource."""
    pool, report = DataPool(), DiscoveryReport()
    start = time.perf_counter()
    for path, params in SEED_SEARCHES:
        pages = rng.randint(1, max(1, min(max_pages, MAX_PAGES)))
        url: str | None = path
        query: tuple[tuple[str, str], ...] = params
        report.pages[path] = 0
        while url is not None and report.pages[path] < pages:
            report.requests += 1
            try:
                response = await client.get(url, params=query)
            except httpx.HTTPError as exc:
                report.failures.append(f"GET {url}: {type(exc).__name__}: {exc}")
                break
            if response.status_code != 200:
                report.failures.append(f"GET {url}: HTTP {response.status_code}")
                break
            bundle = orjson.loads(response.content)
            report.pages[path] += 1
            for entry in bundle.get("entry") or []:
                resource = entry.get("resource") if isinstance(entry, dict) else None
                if isinstance(resource, dict):
                    pool.add(resource)
            link = _next_link(bundle)
            url, query = (rebase(link, base_url), ()) if link else (None, ())
    report.seconds = time.perf_counter() - start
    return pool, report
