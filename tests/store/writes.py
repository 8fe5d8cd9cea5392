"""Write operations for store-level tests, built the way the core builds them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import orjson

from server.model import WriteOp
from server.search.extract import Extractor
from server.search.registry import load_registry

_extractor: Extractor | None = None


def extractor() -> Extractor:
    global _extractor
    if _extractor is None:
        _extractor = Extractor(load_registry())
    return _extractor


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def write(
    resource: dict[str, Any], version: int, *, expected: int | None = None, at: str | None = None
) -> WriteOp:
    """Version ``version`` of ``resource`` (``meta`` filled in, updated ``at`` or now), replacing ``expected``
    (default: the previous version)."""
    last_updated = at or now()
    body = {**resource, "meta": {**resource.get("meta", {}), "versionId": str(version), "lastUpdated": last_updated}}
    return WriteOp(
        type=resource["resourceType"],
        id=resource["id"],
        version=version,
        expected_version=version - 1 if expected is None else expected,
        last_updated=last_updated,
        body=orjson.dumps(body),
        index=extractor().extract(body),
    )


def deletion(resource_type: str, resource_id: str, version: int, *, at: str | None = None) -> WriteOp:
    return WriteOp(resource_type, resource_id, version, version - 1, at or now(), b"", deleted=True, method="DELETE")


def organization(resource_id: str, name: str, part_of: str | None = None) -> dict[str, Any]:
    resource: dict[str, Any] = {"resourceType": "Organization", "id": resource_id, "name": name}
    if part_of:
        resource["partOf"] = {"reference": f"Organization/{part_of}"}
    return resource


def location(resource_id: str, name: str) -> dict[str, Any]:
    return {"resourceType": "Location", "id": resource_id, "name": name}
