"""Running a search: the store's page of matches, then includes, then the searchset Bundle.

Include semantics follow the national server: ``_revinclude`` is applied to
the matches; every ``_include`` is applied to the matches and to what was
rev-included (so ``_revinclude=PractitionerRole:service&_include=PractitionerRole:practitioner``
brings the practitioners of the rev-included roles); ``:iterate`` includes are
applied again to what they bring, up to a fixed depth.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlencode

import orjson

from server.core.interactions import SERVED_TYPES
from server.errors import outcome
from server.geo import distance_km
from server.model import StoredResource
from server.search.criteria import CentroidLookup, Context, TerminologyHook
from server.search.extract import Extractor
from server.search.index import ReferenceEntry
from server.search.parse import Include, SearchOptions, SearchRequest, encode_cursor, parse_search
from server.search.plan import AnyOf, Criterion, Near, Query, ReferenceMatch
from server.search.registry import Registry
from server.store.base import Store

MAX_INCLUDED = 5000
_ITERATE_DEPTH = 4
_SUMMARY_ELEMENTS = {
    # Elements marked isSummary in R4 for the served types (plus id/meta, always kept).
    "Organization": (
        "identifier",
        "active",
        "type",
        "name",
        "alias",
        "telecom",
        "address",
        "partOf",
        "endpoint",
    ),
    "Location": (
        "identifier",
        "status",
        "operationalStatus",
        "name",
        "alias",
        "mode",
        "type",
        "telecom",
        "address",
        "physicalType",
        "position",
        "managingOrganization",
        "partOf",
        "endpoint",
    ),
    "HealthcareService": (
        "identifier",
        "active",
        "providedBy",
        "category",
        "type",
        "specialty",
        "location",
        "name",
        "comment",
        "extraDetails",
        "photo",
        "telecom",
        "coverageArea",
        "serviceProvisionCode",
        "eligibility",
        "program",
        "characteristic",
        "communication",
        "referralMethod",
        "appointmentRequired",
        "availableTime",
        "notAvailable",
        "availabilityExceptions",
        "endpoint",
    ),
    "PractitionerRole": (
        "identifier",
        "active",
        "period",
        "practitioner",
        "organization",
        "code",
        "specialty",
        "location",
        "healthcareService",
        "telecom",
        "endpoint",
    ),
    "Practitioner": (
        "identifier",
        "active",
        "name",
        "telecom",
        "address",
        "gender",
        "birthDate",
        "photo",
        "qualification",
        "communication",
    ),
}


class Searcher:
    def __init__(self, store: Store, ctx: Context, extractor: Extractor, options: SearchOptions) -> None:
        self.store = store
        self.ctx = ctx
        self.extractor = extractor
        self.options = options

    def parse(
        self, resource_type: str, params: list[tuple[str, str]], *, lenient: bool = False
    ) -> SearchRequest:
        options = self.options
        if lenient and not options.lenient:
            options = SearchOptions(options.default_count, options.max_count, True, options.correlate)
        return parse_search(self.ctx, resource_type, params, options)

    async def ids(self, resource_type: str, params: list[tuple[str, str]], limit: int) -> list[str]:
        """Ids of up to ``limit`` matches (conditional interactions)."""
        request = self.parse(resource_type, params)
        query = request.query
        page = await self.store.search(Query(query.resource_type, query.where, (), limit, None, "none"))
        return [m.id for m in page.matches]

    async def bundle(
        self, resource_type: str, params: list[tuple[str, str]], base_url: str, *, lenient: bool = False
    ) -> dict[str, Any]:
        request = self.parse(resource_type, params, lenient=lenient)
        query = request.query
        page = await self.store.search(query)
        entries: list[dict[str, Any]] = []
        if request.summary != "count":
            entries = [self._entry(m, "match", base_url, request, query.near) for m in page.matches]
            included = await self._included(page.matches, request)
            entries.extend(self._entry(r, "include", base_url, request, query.near) for r in included)
        if request.ignored:
            entries.append(
                {
                    "resource": outcome(
                        "warning",
                        "not-supported",
                        "Ignored unknown search parameters: " + ", ".join(request.ignored),
                    ),
                    "search": {"mode": "outcome"},
                }
            )
        bundle: dict[str, Any] = {"resourceType": "Bundle", "type": "searchset"}
        if page.total is not None:
            bundle["total"] = page.total
        self_url = f"{base_url}/{resource_type}"
        links = [{"relation": "self", "url": _url(self_url, request.params)}]
        if page.previous_cursor is not None and request.summary != "count":
            cursor = encode_cursor(page.previous_cursor, backward=True)
            links.append({"relation": "previous", "url": _url(self_url, [*request.params, ("_cursor", cursor)])})
        if page.next_cursor is not None and request.summary != "count":
            links.append(
                {
                    "relation": "next",
                    "url": _url(self_url, [*request.params, ("_cursor", encode_cursor(page.next_cursor))]),
                }
            )
        bundle["link"] = links
        bundle["entry"] = entries
        return bundle

    def _entry(
        self, stored: StoredResource, mode: str, base_url: str, request: SearchRequest, near: Near | None
    ) -> dict[str, Any]:
        entry: dict[str, Any] = {"fullUrl": f"{base_url}/{stored.type}/{stored.id}"}
        resource: Any = orjson.Fragment(stored.body)
        if request.summary in ("true", "text", "data") or request.elements:
            resource = _subset(orjson.loads(stored.body), request)
        entry["resource"] = resource
        search: dict[str, Any] = {"mode": mode}
        if near is not None and stored.type == "Location":
            position = (resource if isinstance(resource, dict) else orjson.loads(stored.body)).get("position")
            if position and "latitude" in position and "longitude" in position:
                km = distance_km(
                    near.lat, near.lon, float(position["latitude"]), float(position["longitude"])
                )
                search["extension"] = [
                    {
                        "url": "http://hl7.org/fhir/StructureDefinition/location-distance",
                        "valueDistance": {
                            "value": round(km, 3),
                            "unit": "km",
                            "system": "http://unitsofmeasure.org",
                            "code": "km",
                        },
                    }
                ]
        entry["search"] = search
        return entry

    async def _included(self, matches: list[StoredResource], request: SearchRequest) -> list[StoredResource]:
        if not matches or not (request.includes or request.revincludes):
            return []
        seen = {m.key for m in matches}
        out: list[StoredResource] = []

        def add(found: Iterable[StoredResource]) -> list[StoredResource]:
            fresh = []
            for r in found:
                if r.key not in seen and len(out) < MAX_INCLUDED:
                    seen.add(r.key)
                    out.append(r)
                    fresh.append(r)
            return fresh

        for inc in request.revincludes:
            add(await self._revinclude(matches, inc))
        frontier = list(matches) + list(out)
        add(await self._include(frontier, [i for i in request.includes]))
        iterating = [i for i in request.includes if i.iterate] + [i for i in request.revincludes if i.iterate]
        frontier = list(out)
        for _ in range(_ITERATE_DEPTH):
            if not frontier or not iterating:
                break
            fresh = add(await self._include(frontier, [i for i in iterating if i in request.includes]))
            for inc in (i for i in iterating if i in request.revincludes):
                fresh += add(await self._revinclude(frontier, inc))
            frontier = fresh
        return out

    async def _include(self, sources: list[StoredResource], includes: list[Include]) -> list[StoredResource]:
        keys: list[tuple[str, str]] = []
        for src in sources:
            wanted = [i for i in includes if i.source_type == src.type]
            if not wanted:
                continue
            resource = orjson.loads(src.body)
            for inc in wanted:
                for e in self.extractor.extract_param(resource, inc.param):
                    if (
                        isinstance(e, ReferenceEntry)
                        and e.target_id
                        and e.target_type in SERVED_TYPES
                        and (inc.target_type is None or e.target_type == inc.target_type)
                    ):
                        keys.append((e.target_type, e.target_id))
        return await self.store.read_many(list(dict.fromkeys(keys))) if keys else []

    async def _revinclude(self, targets: list[StoredResource], inc: Include) -> list[StoredResource]:
        """Sources pointing at ``targets`` through ``inc.param``: by literal reference, or by canonical URL."""
        chosen = [t for t in targets if inc.target_type in (None, t.type)]
        found: list[StoredResource] = []
        for start in range(0, len(chosen), 500):
            chunk = chosen[start : start + 500]
            refs = tuple((t.type, t.id) for t in chunk)
            urls = tuple(u for t in chunk if (u := _canonical_url(t)))
            where: Criterion = ReferenceMatch(inc.param, refs)
            if urls:
                where = AnyOf((where, ReferenceMatch(inc.param, urls=urls)))
            query = Query(inc.source_type, where, (), MAX_INCLUDED, None, "none")
            found.extend((await self.store.search(query)).matches)
        return found


def _canonical_url(resource: StoredResource) -> str | None:
    """The ``url`` of a definitional resource (Measure, Questionnaire), which canonical references cite."""
    if resource.type not in ("Measure", "Questionnaire"):
        return None
    url = orjson.loads(resource.body).get("url")
    return url if isinstance(url, str) else None


def _subset(resource: dict[str, Any], request: SearchRequest) -> dict[str, Any]:
    """``_elements`` / ``_summary`` views, tagged SUBSETTED as FHIR requires."""
    keep = {"resourceType", "id", "meta"}
    if request.elements:
        keep.update(e.split(".", 1)[0] for e in request.elements)
    elif request.summary == "true":
        keep.update(_SUMMARY_ELEMENTS.get(resource["resourceType"], ()))
    elif request.summary == "text":
        keep.update(("text",))
    elif request.summary == "data":
        keep.update(k for k in resource if k != "text")
    subset = {k: v for k, v in resource.items() if k in keep}
    meta = dict(subset.get("meta") or {})
    meta["tag"] = [
        *meta.get("tag", []),
        {"system": "http://terminology.hl7.org/CodeSystem/v3-ObservationValue", "code": "SUBSETTED"},
    ]
    subset["meta"] = meta
    return subset


def _url(base: str, params: list[tuple[str, str]]) -> str:
    return f"{base}?{urlencode(params)}" if params else base


def make_context(registry: Registry, terminology: TerminologyHook | None, centroid: CentroidLookup | None) -> Context:
    return Context(registry, terminology, centroid, SERVED_TYPES)
