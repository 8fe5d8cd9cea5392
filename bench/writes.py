"""Write workloads: the national bed-capacity protocol (spec §4.3) and the ingestion of new resources.

Both change the target's data: run them on a copy of the database.
"""

from __future__ import annotations

import copy
import uuid
from datetime import UTC, datetime
from random import Random
from typing import Any

import httpx
import orjson

from bench import fhir
from bench.call import Call, Fallback
from bench.pool import DataPool, Indicator
from bench.workload import Workload

INDICATORS_PATH = f"Location.extension.where(url='{fhir.SUPPORTED_CAPACITY_URL}')"


def _selects_only(indicator: Indicator, others: list[Indicator]) -> bool:
    """Whether the predicate built from ``indicator``'s codes selects no other indicator of its place."""
    wanted = [(name, fhir.code_of(value)) for name, value in indicator.codes]
    return not any(
        all(fhir.code_of(other.code(name) or "") == code for name, code in wanted)
        for other in others
        if other is not indicator
    )


def _capacity_candidates(pool: DataPool) -> list[tuple[str, Indicator]]:
    """(place identifier, indicator) pairs a conditional PATCH can target without ambiguity."""
    unique = pool.unique_place_identifiers()
    chosen = []
    for _, place in sorted(pool.places.items()):
        ranked = sorted(place.identifiers, key=lambda i: i[0] != fhir.SYNC_ID_TYPE)  # idExterneSynchro first
        identifier = next((value for _, value in ranked if value in unique), None)
        if identifier is None:
            continue
        chosen += [
            (identifier, i)
            for i in place.indicators
            if _selects_only(i, place.indicators) and all("'" not in v for _, v in i.codes)
        ]
    return chosen


def indicator_path(indicator: Indicator) -> str:
    """The FHIRPath selecting ``indicator`` by its identity codes, in the shape of the national protocol."""
    criteria = " and ".join(
        f"extension.where(url = '{name}' and valueCodeableConcept.coding.code = '{fhir.code_of(value)}')"
        for name, value in indicator.codes
    )
    return f"{INDICATORS_PATH}.where({criteria})"


def _with_count(indicator: Indicator, count: int) -> dict[str, Any]:
    extension = copy.deepcopy(indicator.extension)
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    values: dict[str, dict[str, Any]] = {
        "nbCapacity": {"valueInteger": count},
        "capacityUpdateDate": {"valueDateTime": now},
    }
    subs = [s for s in extension.get("extension") or [] if s.get("url") not in values]
    extension["extension"] = [{"url": url, **value} for url, value in values.items()] + subs
    return extension


def _operation(kind: str, path: str, extension: dict[str, Any]) -> dict[str, Any]:
    parts = [
        {"name": "type", "valueString": kind},
        {"name": "path", "valueString": path},
        {"name": "value", "part": [{"extension": [extension]}]},
    ]
    return {"resourceType": "Parameters", "parameter": [{"name": "operation", "part": parts}]}


def indicator_not_found(response: httpx.Response) -> bool:
    """The protocol's signal to retry with ``add``: 404, issue ``not-found`` on the indicators expression."""
    if response.status_code != 404:
        return False
    try:
        issues = orjson.loads(response.content).get("issue") or []
    except (orjson.JSONDecodeError, AttributeError):
        return False
    return any(i.get("code") == "not-found" and "supported-capacity" in str(i.get("expression")) for i in issues)


def _capacity_update(candidate: tuple[str, Indicator], pool: DataPool, rng: Random) -> Call:
    """``PATCH Location?identifier=…`` replacing one indicator's count; ``add`` when the server has no such
    indicator (the client algorithm ANS mandates). A positive count stays positive, so searches for free
    beds keep finding them."""
    identifier, indicator = candidate
    count = rng.randint(max(1, indicator.count - 3), indicator.count + 3) if indicator.count else rng.randint(0, 3)
    extension = _with_count(indicator, count)
    params = (("identifier", identifier),)
    add = Call("PATCH", "Location", params, _operation("add", INDICATORS_PATH, extension), searchset=False)
    replace = _operation("replace", indicator_path(indicator), extension)
    return Call("PATCH", "Location", params, replace, searchset=False, fallback=Fallback(indicator_not_found, add))


def _templates(pool: DataPool) -> list[dict[str, Any]]:
    return [r for kind in sorted(pool.templates) for r in pool.templates[kind]]


def clone(resource: dict[str, Any]) -> dict[str, Any]:
    """A new resource modelled on ``resource``: no id or version, identifiers made unique."""
    suffix = uuid.uuid4().hex[:12]  # unique across runs, so clones never share an identifier
    copied = {k: copy.deepcopy(v) for k, v in resource.items() if k not in ("id", "meta", "text")}
    meta = {k: v for k, v in (resource.get("meta") or {}).items() if k in ("profile", "tag")}
    if meta:
        copied["meta"] = copy.deepcopy(meta)
    for identifier in copied.get("identifier") or []:
        if isinstance(identifier, dict) and isinstance(identifier.get("value"), str):
            identifier["value"] = f"{identifier['value']}-bench-{suffix}"
    return copied


def _ingest(template: dict[str, Any], pool: DataPool, rng: Random) -> Call:
    return Call("POST", template["resourceType"], body=clone(template), searchset=False)


WRITES = (
    Workload(
        "capacity-update",
        "PATCH Location?identifier=ID, FHIRPath Patch replace of one indicator's nbCapacity, add on 404 (spec §4.3)",
        "place with an unambiguous identifier and a capacity indicator",
        _capacity_candidates,
        _capacity_update,
        writes=True,
    ),
    Workload(
        "ingest",
        "POST Organization|Location: clones of discovered resources with new identifiers (spec §5.8)",
        "Organization or Location to clone",
        _templates,
        _ingest,
        writes=True,
    ),
)
