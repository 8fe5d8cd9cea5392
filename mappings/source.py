"""Where the adapter reads FHIR resources from, and the loaders that gather one establishment's graph.

:class:`OfferSource` is the one dependency on the server: two methods with FHIR read/search semantics.
Search parameters used: ``identifier`` (token, ``code`` or ``system|code``), ``partof``,
``partof:missing``, ``organization`` (HealthcareService.providedBy), ``service`` (PractitionerRole),
``location`` (HealthcareService), ``_id`` and ``_lastUpdated`` (``gt`` prefix). Reference and ``_id`` values
may be comma-separated lists (OR), as in FHIR.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from datetime import datetime
from typing import Any, Protocol

from mappings import fhir
from mappings.graph import Level, OfferGraph
from mappings.rules import rg_alim_022_single_establishment
from server.errors import NotFound

Resource = dict[str, Any]
_BATCH = 50


class OfferSource(Protocol):
    async def read(self, resource_type: str, resource_id: str) -> Resource | None:
        """The current version of a resource, ``None`` when unknown or deleted."""

    def search(self, resource_type: str, params: list[tuple[str, str]]) -> AsyncIterator[Resource]:
        """Every match of a FHIR search (all pages, no includes)."""


async def collect(source: OfferSource, resource_type: str, params: list[tuple[str, str]]) -> list[Resource]:
    return [resource async for resource in source.search(resource_type, params)]


async def search_each(source: OfferSource, resource_type: str, name: str, values: Iterable[str]) -> list[Resource]:
    """Search with ``name`` equal to any of ``values`` (comma-joined in batches)."""
    values = list(dict.fromkeys(values))
    found: list[Resource] = []
    for start in range(0, len(values), _BATCH):
        found += await collect(source, resource_type, [(name, ",".join(values[start : start + _BATCH]))])
    return found


async def find_establishment(source: OfferSource, code: str) -> Resource:
    """The EG designated by an ``id_etablissement`` code (RG_ALIM_022)."""
    candidates = [org for org in await collect(source, "Organization", [("identifier", code)]) if org.get("partOf")]
    graph = OfferGraph.of(candidates)
    for org in candidates:
        parent = await _parent(source, org)
        if parent is not None:
            graph.add(parent)
    hierarchy = graph.index()
    establishments = [org for org in candidates if hierarchy.level(org) is Level.EG]
    return rg_alim_022_single_establishment(establishments, code)


async def _parent(source: OfferSource, org: Resource) -> Resource | None:
    parent_id = fhir.reference_id(org.get("partOf"), "Organization")
    return await source.read("Organization", parent_id) if parent_id else None


async def load_tree(source: OfferSource, top: Resource, ancestors: list[Resource]) -> OfferGraph:
    """``top``, its ``ancestors``, every organisation below ``top``, their offers with places and professionals."""
    graph = OfferGraph.of([*ancestors, top])
    level = [top]
    below = {top["id"]: top}  # ordered: results stay deterministic
    while level:
        children = await search_each(source, "Organization", "partof", (f"Organization/{o['id']}" for o in level))
        level = [c for c in children if c["id"] not in below]
        below.update((c["id"], c) for c in level)
        for org in level:
            graph.add(org)
    services = await search_each(source, "HealthcareService", "organization", (f"Organization/{i}" for i in below))
    await add_offers(source, graph, services)
    return graph


async def add_offers(source: OfferSource, graph: OfferGraph, services: list[Resource]) -> None:
    """Add offers with their places, professionals (PractitionerRole) and practitioners."""
    for hcs in services:
        graph.add(hcs)
    location_ids = [i for h in services for i in fhir.references(h.get("location"), "Location")]
    for location in await search_each(source, "Location", "_id", location_ids):
        graph.add(location)
    roles = await search_each(source, "PractitionerRole", "service", (f"HealthcareService/{h['id']}" for h in services))
    for role in roles:
        graph.add(role)
    person_ids = [i for r in roles if (i := fhir.reference_id(r.get("practitioner"), "Practitioner"))]
    for person in await search_each(source, "Practitioner", "_id", person_ids):
        graph.add(person)


async def ancestors_of(source: OfferSource, org: Resource) -> list[Resource]:
    """Parents of ``org`` up to the root, nearest first (cycle-safe)."""
    chain: list[Resource] = []
    seen = {org["id"]}
    node: Resource | None = org
    while node is not None:
        node = await _parent(source, node)
        if node is None or node["id"] in seen:
            break
        seen.add(node["id"])
        chain.append(node)
    return chain


async def load_establishment(source: OfferSource, establishment: Resource) -> OfferGraph:
    """The EJ, the EG and everything below it (RG_ALIM_018)."""
    return await load_tree(source, establishment, (await ancestors_of(source, establishment))[:1])


async def load_internal(source: OfferSource, code: str) -> tuple[OfferGraph, Resource]:
    """The OI (Organization) or UE (HealthcareService) with this identifier, what is below it and its
    ancestors up to the EJ; raises ``NotFound`` when no such internal organisation exists."""
    internal = [o for o in await collect(source, "Organization", [("identifier", code)]) if o.get("partOf")]
    if internal:
        focus = internal[0]
        return await load_tree(source, focus, await ancestors_of(source, focus)), focus
    offers = await collect(source, "HealthcareService", [("identifier", code)])
    if not offers:
        raise NotFound(f"Organisation interne inconnue : {code}")
    focus = offers[0]
    provider_id = fhir.reference_id(focus.get("providedBy"), "Organization")
    provider = await source.read("Organization", provider_id) if provider_id else None
    graph = OfferGraph.of([provider, *await ancestors_of(source, provider)] if provider else [])
    await add_offers(source, graph, [focus])
    return graph, focus


async def iter_establishments(source: OfferSource) -> AsyncIterator[Resource]:
    """Every EG: the children of each root organisation (EJ) that are not typed as internal organisations."""
    async for legal_entity in source.search("Organization", [("partof:missing", "true")]):
        async for org in source.search("Organization", [("partof", f"Organization/{legal_entity['id']}")]):
            if not any(c.get("system") == fhir.OI_TYPE for c in fhir.codings(org.get("type"))):
                yield org


def last_updated_after(since: datetime) -> tuple[str, str]:
    return "_lastUpdated", f"gt{since.isoformat()}"
