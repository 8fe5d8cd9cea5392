"""In-memory :class:`mappings.source.OfferSource` over plain dicts (a test double, not a database).

Supports exactly the search parameters the adapter documents; any other parameter raises, so a drift of
the contract shows up in the tests.
"""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator, Iterable
from datetime import datetime
from typing import Any

Resource = dict[str, Any]


class MemorySource:
    def __init__(self, resources: Iterable[Resource]) -> None:
        self.store: dict[str, dict[str, Resource]] = {}
        for resource in resources:
            self.store.setdefault(resource["resourceType"], {})[resource["id"]] = copy.deepcopy(resource)
        self.searches: list[tuple[str, list[tuple[str, str]]]] = []

    async def read(self, resource_type: str, resource_id: str) -> Resource | None:
        found = self.store.get(resource_type, {}).get(resource_id)
        return copy.deepcopy(found) if found else None

    async def search(self, resource_type: str, params: list[tuple[str, str]]) -> AsyncIterator[Resource]:
        self.searches.append((resource_type, params))
        for resource in list(self.store.get(resource_type, {}).values()):
            if all(_matches(resource, name, value) for name, value in params):
                yield copy.deepcopy(resource)


def _refs(value: str) -> set[str]:
    return set(value.split(","))


def _reference_in(refs: Any, wanted: set[str]) -> bool:
    items = [refs] if isinstance(refs, dict) else refs or []
    return any(r.get("reference") in wanted for r in items)


def _token(codings: Iterable[Resource], value: str) -> bool:
    for token in value.split(","):
        system, _, code = token.rpartition("|")
        if any(c.get("code") == code and (not system or c.get("system") == system) for c in codings):
            return True
    return False


def _matches(resource: Resource, name: str, value: str) -> bool:
    match name:
        case "_id":
            return resource["id"] in _refs(value)
        case "identifier":
            identifiers = [{"system": i.get("system"), "code": i.get("value")} for i in resource.get("identifier", ())]
            return _token(identifiers, value)
        case "partof":
            return _reference_in(resource.get("partOf"), _refs(value))
        case "partof:missing":
            return (resource.get("partOf") is None) == (value == "true")
        case "organization":
            return _reference_in(resource.get("providedBy"), _refs(value))
        case "service":
            return _reference_in(resource.get("healthcareService"), _refs(value))
        case "location":
            return _reference_in(resource.get("location"), _refs(value))
        case "_lastUpdated":
            return _compare(resource.get("meta", {}).get("lastUpdated"), value)
    raise ValueError(f"search parameter not supported by the test double: {name}")


def _compare(updated: str | None, value: str) -> bool:
    if updated is None:
        return False
    prefix, instant = value[:2], datetime.fromisoformat(value[2:])
    moment = datetime.fromisoformat(updated.replace("Z", "+00:00"))
    return {"gt": moment > instant, "ge": moment >= instant, "lt": moment < instant, "le": moment <= instant}[prefix]
