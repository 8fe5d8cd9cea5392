"""System tables derived from the resources: JDV -> TRE normalisation and OID <-> canonical URL.

Clients (and older ROR examples) sometimes put a value set URL, with or without a trailing slash, where a
code system belongs; the legacy XML exchange names code systems and value sets by OID. Both tables are computed
here from the CodeSystem/ValueSet resources, so the service and the exported ``systems.json`` cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

OID_PREFIX = "urn:oid:"
NOS_BASE = "https://mos.esante.gouv.fr/NOS"


def canonical_key(url: str) -> str:
    """The form URLs are compared in: surrounding blanks and trailing slashes dropped."""
    return url.strip().rstrip("/")


def oid_of(resource: Mapping[str, Any]) -> str | None:
    """The bare OID of a resource's ``urn:oid:`` identifier, if it has one."""
    for identifier in resource.get("identifier") or ():
        value = identifier.get("value") or ""
        if value.startswith(OID_PREFIX):
            return value[len(OID_PREFIX) :]
    return None


def value_set_systems(value_sets: Iterable[Mapping[str, Any]]) -> dict[str, list[str]]:
    """Each value set URL -> the code systems its ``compose.include`` draws from (nested value sets followed)."""
    by_url = {canonical_key(vs["url"]): vs for vs in value_sets if vs.get("url")}
    resolved: dict[str, list[str]] = {}

    def systems(url: str, seen: frozenset[str]) -> list[str]:
        if url in resolved:
            return resolved[url]
        found: list[str] = []
        for include in (by_url.get(url) or {}).get("compose", {}).get("include", ()):
            candidates = [include["system"]] if include.get("system") else []
            for nested in include.get("valueSet", ()):
                key = canonical_key(nested)
                if key not in seen:
                    candidates.extend(systems(key, seen | {key}))
            found.extend(s for s in candidates if s not in found)
        resolved[url] = found
        return found

    return {url: systems(url, frozenset({url})) for url in by_url}


def normalisation_table(value_sets: Iterable[Mapping[str, Any]]) -> dict[str, list[str]]:
    """``value_set_systems`` keyed by each URL both without and with a trailing slash (the exported form)."""
    table: dict[str, list[str]] = {}
    for url, systems in sorted(value_set_systems(value_sets).items()):
        table[url] = systems
        table[url + "/"] = systems
    return table


def oid_table(resources: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """OID -> canonical URL for every resource that carries one (first resource wins on a clash)."""
    table: dict[str, str] = {}
    for resource in resources:
        oid = oid_of(resource)
        if oid and resource.get("url"):
            table.setdefault(oid, resource["url"])
    return table


def systems_document(code_systems: list[dict[str, Any]], value_sets: list[dict[str, Any]]) -> dict[str, Any]:
    """The content of ``systems.json``: normalisation and OID tables, for consumers outside the service."""
    oids = oid_table([*code_systems, *value_sets])
    kinds = {r["url"]: r["resourceType"] for r in [*code_systems, *value_sets] if r.get("url")}
    return {
        "valueSetSystems": normalisation_table(value_sets),
        "oids": {oid: {"url": url, "kind": kinds[url]} for oid, url in sorted(oids.items())},
        "urlToOid": {url: oid for oid, url in sorted(oids.items(), key=lambda kv: kv[1])},
    }
