"""Comparison of FHIR resources across a CSD round trip: ids replaced, list order ignored."""

from __future__ import annotations

import copy
import json
from typing import Any

from mappings import fhir

Resource = dict[str, Any]


def business_key(resource: Resource) -> tuple[str, str]:
    """What identifies a test resource independently of its id."""
    identifiers = resource.get("identifier") or []
    if identifiers:
        return resource["resourceType"], "|".join(i["value"] for i in identifiers)
    name = fhir.ext_value(fhir.extension(resource, fhir.EXT_PRACTITIONERROLE_NAME), "exerciseLastName")
    return resource["resourceType"], name or json.dumps(resource.get("name", ""), ensure_ascii=False)


def canonical(value: Any) -> Any:
    """Lists of objects sorted (except address ``_line``, aligned with ``line``), recursively."""
    if isinstance(value, dict):
        return {k: (v if k == "_line" else canonical(v)) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [canonical(v) for v in value]
        if all(isinstance(v, dict) for v in items):
            items.sort(key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        return items
    return value


def renamed(originals: list[Resource], imported: list[Resource]) -> list[Resource]:
    """``originals`` with ids and references replaced by those of their imported counterparts."""
    new_ids = {business_key(r): r["id"] for r in imported}
    id_map = {f"{r['resourceType']}/{r['id']}": f"{r['resourceType']}/{new_ids[business_key(r)]}" for r in originals}
    text = json.dumps(originals, ensure_ascii=False)
    for old, new in id_map.items():
        text = text.replace(f'"{old}"', f'"{new}"')
    result = json.loads(text)
    for resource in result:
        resource["id"] = new_ids[business_key(resource)]
    return result


def by_key(resources: list[Resource]) -> dict[tuple[str, str], Any]:
    return {business_key(r): canonical(copy.deepcopy(r)) for r in resources}
