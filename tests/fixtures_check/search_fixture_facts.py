"""Facts the search cases are derived from: the fixture resources indexed, the include closure of a request,
haversine distances, accent- and case-folded text."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from server.demo.builders import Json
from server.demo.communes import Commune

EARTH_RADIUS_KM = 6371.0

#: (source type, search parameter) -> element holding the reference (or canonical).
REFERENCE_ELEMENTS = {
    ("HealthcareService", "organization"): "providedBy",
    ("HealthcareService", "location"): "location",
    ("Organization", "partof"): "partOf",
    ("PractitionerRole", "practitioner"): "practitioner",
    ("PractitionerRole", "organization"): "organization",
    ("PractitionerRole", "service"): "healthcareService",
    ("Location", "organization"): "managingOrganization",
    ("Task", "focus"): "focus",
    ("MeasureReport", "measure"): "measure",
}


class Dataset:
    """The fixture resources indexed by ``Type/id``, with the facts the expectations are derived from."""

    def __init__(self, resources: list[Json], communes: dict[str, Commune]) -> None:
        self.by_key = {f"{r['resourceType']}/{r['id']}": r for r in resources}
        self.by_url = {r["url"]: key for key, r in self.by_key.items() if "url" in r}
        self.communes = communes

    def keys(self, resource_type: str) -> list[str]:
        return [key for key, r in self.by_key.items() if r["resourceType"] == resource_type]

    def where(self, resource_type: str, predicate: Any) -> list[str]:
        return [key for key in self.keys(resource_type) if predicate(self.by_key[key])]

    def tagged(self, resource_type: str, region: str) -> list[str]:
        return self.where(resource_type, lambda r: any(t["code"] == region for t in r["meta"]["tag"]))

    def identifier(self, key: str) -> str:
        return self.by_key[key]["identifier"][0]["value"]

    def targets(self, key: str, element: str) -> list[str]:
        value = self.by_key[key].get(element)
        items = value if isinstance(value, list) else [value] if value else []
        return [item["reference"] if isinstance(item, dict) else self.by_url[item.split("|")[0]] for item in items]

    def included(self, request: str, matches: Iterable[str]) -> list[str]:
        """``_revinclude`` on the matches, then non-iterate ``_include`` on matches and rev-included resources,
        then ``_include:iterate`` on everything until nothing new is found."""
        matched = set(matches)
        params = parse_qsl(urlsplit(request).query, keep_blank_values=True)
        directives = [(name, value.split(":")) for name, value in params if name.split(":")[0] in
                      {"_include", "_revinclude"}]
        found = set(matched)
        for name, (source, param) in directives:
            if name.startswith("_revinclude"):
                element = REFERENCE_ELEMENTS[(source, param)]
                found |= {key for key in self.keys(source) if matched & set(self.targets(key, element))}
        base = set(found)
        for name, (source, param) in directives:
            if name == "_include":
                found |= self._follow(base, source, param)
        iterating = [(source, param) for name, (source, param) in directives if name == "_include:iterate"]
        while iterating:
            new = set().union(*(self._follow(found, source, param) for source, param in iterating)) - found
            if not new:
                break
            found |= new
        return sorted(found - matched)

    def _follow(self, keys: set[str], source: str, param: str) -> set[str]:
        element = REFERENCE_ELEMENTS[(source, param)]
        return {target for key in keys if key.startswith(source + "/") for target in self.targets(key, element)}

    def distances(self, keys: Iterable[str], point: tuple[float, float]) -> dict[str, float]:
        """Haversine distance (km) from ``point`` to each Location that has a position."""
        result = {}
        for key in keys:
            position = self.by_key[key].get("position") if key.startswith("Location/") else None
            if position:
                result[key] = round(haversine_km(point, (position["latitude"], position["longitude"])), 2)
        return result

    def centroid(self, cog: str) -> tuple[float, float]:
        commune = self.communes[cog]
        assert commune.lat is not None and commune.lon is not None
        return commune.lat, commune.lon


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def fold(text: str) -> str:
    """Accent- and case-insensitive form of a string."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def mentions(resource: Json, word: str) -> bool:
    """True when a string of the resource contains ``word``; fails if it occurs inside a word, which would
    make word-prefix and substring full-text search disagree."""
    texts = [fold(s) for s in _strings(resource)]
    inside = [t for t in texts if re.search(r"\w" + word, t)]
    assert not inside, f"{resource['id']}: '{word}' inside a word: {inside}"
    return any(word in t for t in texts)
