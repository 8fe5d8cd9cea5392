"""The FHIR interactions on one resource: read, vread, create, update, patch, delete, history.

Writes are prepared into :class:`WriteOp` values by :class:`Writer`: validate,
normalise, stamp ``meta``, extract index entries. A :class:`WriteSession`
decides when they reach the store: at once for a single interaction, all
together at the end of a transaction Bundle (where later entries must see the
earlier ones).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson

from server.clock import now_instant
from server.core.patch import apply_patch
from server.core.patch.capacity import location_not_found, location_not_unique
from server.core.patch.json_patch import apply_json_patch
from server.core.request import FhirResponse, Params
from server.core.structure import validate_structure
from server.errors import (
    FhirError,
    Gone,
    InvalidRequest,
    NotFound,
    PreconditionFailed,
    UnsupportedMediaType,
    VersionConflict,
)
from server.model import StoredResource, WriteOp
from server.search.extract import Extractor
from server.search.index import IndexEntry
from server.search.registry import SERVED_TYPES
from server.store.base import CommitConflict, Store

Normalizer = Callable[[dict[str, Any]], list[dict[str, Any]]]
"""Hook run on every resource before it is stored: may rewrite codes, returns warning issues, raises to refuse."""

ConditionalSearch = Callable[[str, Params, int], Any]


def check_type(resource_type: str) -> None:
    if resource_type not in SERVED_TYPES:
        raise NotFound(
            f"Resource type '{resource_type}' is not served here",
            code="not-supported",
            expression=resource_type,
        )


def parse_if_match(value: str | None) -> int | None:
    """The version named by an ``If-Match: W/"n"`` header."""
    if value is None:
        return None
    text = value.strip()
    if text.startswith("W/"):
        text = text[2:]
    text = text.strip('"')
    if not text.isdigit():
        raise InvalidRequest(
            f"If-Match must name a version as W/\"n\", got '{value}'", code="value", expression="If-Match"
        )
    return int(text)


class WriteSession:
    """Writes staged by interactions; single interactions flush at once, a transaction at its end."""

    def __init__(self, store: Store, *, deferred: bool = False) -> None:
        self.store = store
        self.deferred = deferred
        self.pending: dict[str, WriteOp] = {}

    async def current(self, resource_type: str, resource_id: str) -> StoredResource | None:
        op = self.pending.get(f"{resource_type}/{resource_id}")
        if op is not None:
            return op.stored()
        return await self.store.read(resource_type, resource_id)

    async def stage(self, op: WriteOp) -> None:
        key = f"{op.type}/{op.id}"
        earlier = self.pending.get(key)
        if earlier is not None:
            # A second write of the same resource in one transaction supersedes the first.
            op = WriteOp(
                op.type,
                op.id,
                op.version,
                earlier.expected_version,
                op.last_updated,
                op.body,
                op.deleted,
                op.method,
                op.index,
            )
        self.pending[key] = op
        if not self.deferred:
            await self.flush()

    async def flush(self) -> None:
        ops = list(self.pending.values())
        self.pending.clear()
        if not ops:
            return
        try:
            await self.store.commit(ops)
        except CommitConflict as exc:
            raise VersionConflict(
                f"{exc.key} was changed by another request (expected version {exc.expected}, found "
                f"{exc.actual}); nothing was written, retry with the current version",
                expression=exc.key.split("/")[0],
            ) from None


class Writer:
    """Turns an incoming resource into the next stored version of it."""

    def __init__(self, extractor: Extractor, normalizer: Normalizer | None = None) -> None:
        self.extractor = extractor
        self.normalizer = normalizer

    def check(self, resource: dict[str, Any]) -> list[dict[str, Any]]:
        """Validate and normalise ``resource`` in place; returns warning issues, raises to refuse it."""
        validate_structure(resource)
        return self.normalizer(resource) if self.normalizer else []

    def stamp(
        self,
        resource: dict[str, Any],
        resource_id: str,
        current: StoredResource | None,
        method: str,
        index: tuple[IndexEntry, ...] | None = None,
    ) -> WriteOp:
        """The next version of a checked resource: id and ``meta`` set, index entries extracted
        (or ``index``, already extracted from the same content)."""
        version = current.version + 1 if current else 1
        last_updated = now_instant()
        resource["id"] = resource_id
        meta = dict(resource.get("meta") or {})
        meta["versionId"] = str(version)
        meta["lastUpdated"] = last_updated
        resource["meta"] = meta
        return WriteOp(
            type=resource["resourceType"],
            id=resource_id,
            version=version,
            expected_version=current.version if current else 0,
            last_updated=last_updated,
            body=orjson.dumps(resource),
            method=method,
            index=self.extractor.extract(resource) if index is None else index,
        )

    def prepare(
        self, resource: dict[str, Any], resource_id: str, current: StoredResource | None, method: str
    ) -> tuple[WriteOp, list[dict[str, Any]]]:
        warnings = self.check(resource)
        return self.stamp(resource, resource_id, current, method), warnings

    @staticmethod
    def deletion(current: StoredResource) -> WriteOp:
        return WriteOp(
            current.type,
            current.id,
            current.version + 1,
            current.version,
            now_instant(),
            b"",
            deleted=True,
            method="DELETE",
        )


def _require_resource(body: Any, resource_type: str) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise InvalidRequest("The request body must be a JSON object holding a FHIR resource", code="structure")
    actual = body.get("resourceType")
    if actual != resource_type:
        raise InvalidRequest(
            f"The body is a '{actual}' but the request addresses '{resource_type}'",
            code="invalid",
            expression="resourceType",
        )
    return body


def _new_id() -> str:
    import uuid

    return str(uuid.uuid4())


def _check_id(resource_id: str) -> None:
    import re

    if not re.fullmatch(r"[A-Za-z0-9\-.]{1,64}", resource_id):
        raise InvalidRequest(
            f"'{resource_id}' is not a valid FHIR id ([A-Za-z0-9-.]{{1,64}})", code="value", expression="id"
        )


class Interactions:
    """Instance and type level interactions, over a store, for the served types."""

    def __init__(self, store: Store, writer: Writer, conditional_search: ConditionalSearch) -> None:
        self.store = store
        self.writer = writer
        self._search_ids = conditional_search

    def session(self, *, deferred: bool = False) -> WriteSession:
        return WriteSession(self.store, deferred=deferred)

    # -- reads -------------------------------------------------------------------------------------------

    async def read(self, resource_type: str, resource_id: str, session: WriteSession | None = None) -> StoredResource:
        check_type(resource_type)
        found = await (
            session.current(resource_type, resource_id) if session else self.store.read(resource_type, resource_id)
        )
        if found is None:
            raise NotFound(f"{resource_type}/{resource_id} is not known", expression=resource_type)
        if found.deleted:
            raise Gone(
                f"{resource_type}/{resource_id} was deleted (version {found.version})",
                expression=resource_type,
            )
        return found

    async def vread(self, resource_type: str, resource_id: str, version: str) -> StoredResource:
        check_type(resource_type)
        if not version.isdigit():
            raise NotFound(f"{resource_type}/{resource_id} has no version '{version}'")
        found = await self.store.vread(resource_type, resource_id, int(version))
        if found is None:
            raise NotFound(f"{resource_type}/{resource_id} has no version {version}", expression=resource_type)
        if found.deleted:
            raise Gone(f"Version {version} of {resource_type}/{resource_id} is a deletion", expression=resource_type)
        return found

    # -- writes ------------------------------------------------------------------------------------------

    async def create(
        self,
        resource_type: str,
        body: Any,
        session: WriteSession,
        *,
        if_none_exist: str | None = None,
        resource_id: str | None = None,
    ) -> tuple[StoredResource, int]:
        """Create with a server id (or ``resource_id`` for transaction entries); 201, or 200 if it existed."""
        check_type(resource_type)
        resource = _require_resource(body, resource_type)
        if if_none_exist:
            from urllib.parse import parse_qsl

            ids = await self._search_ids(resource_type, parse_qsl(if_none_exist, keep_blank_values=True), 2)
            if len(ids) > 1:
                raise PreconditionFailed(
                    f"If-None-Exist '{if_none_exist}' matches {len(ids)} {resource_type} resources",
                    code="multiple-matches",
                    expression=resource_type,
                )
            if ids:
                return await self.read(resource_type, ids[0], session), 200
        new_id = resource_id or _new_id()
        op, _ = self.writer.prepare(dict(resource), new_id, None, "POST")
        await session.stage(op)
        return op.stored(), 201

    async def update(
        self,
        resource_type: str,
        resource_id: str,
        body: Any,
        session: WriteSession,
        *,
        if_match: str | None = None,
    ) -> tuple[StoredResource, int]:
        check_type(resource_type)
        _check_id(resource_id)
        resource = _require_resource(body, resource_type)
        if resource.get("id") not in (None, resource_id):
            raise InvalidRequest(
                f"The body's id '{resource.get('id')}' differs from the id in the URL '{resource_id}'",
                expression=f"{resource_type}.id",
            )
        current = await session.current(resource_type, resource_id)
        self._check_if_match(if_match, current, resource_type, resource_id)
        op, _ = self.writer.prepare(dict(resource), resource_id, current, "PUT")
        await session.stage(op)
        return op.stored(), 201 if current is None or current.deleted else 200

    async def patch(
        self,
        resource_type: str,
        resource_id: str,
        body: Any,
        content_type: str,
        session: WriteSession,
        *,
        if_match: str | None = None,
    ) -> StoredResource:
        current = await self.read(resource_type, resource_id, session)
        self._check_if_match(if_match, current, resource_type, resource_id)
        resource = orjson.loads(current.body)
        if "json-patch" in content_type:
            if not isinstance(body, list):
                raise InvalidRequest("A JSON Patch body must be a JSON array of operations", code="structure")
            patched = apply_json_patch(resource, body)
        else:
            # ROR clients send Parameters without resourceType (spec 3.2): accept a bare "parameter" list.
            if not isinstance(body, dict) or body.get("resourceType", "Parameters") != "Parameters":
                raise InvalidRequest(
                    "A FHIRPath Patch body must be a Parameters resource", code="structure", expression="resourceType"
                )
            body = {"resourceType": "Parameters", **body}
            patched = apply_patch(resource, body)
        op, _ = self.writer.prepare(patched, resource_id, current, "PATCH")
        await session.stage(op)
        return op.stored()

    async def delete(self, resource_type: str, resource_id: str, session: WriteSession) -> StoredResource | None:
        """Logical delete; deleting a deleted resource is a no-op. Returns the deletion marker."""
        check_type(resource_type)
        current = await session.current(resource_type, resource_id)
        if current is None:
            raise NotFound(f"{resource_type}/{resource_id} is not known", expression=resource_type)
        if current.deleted:
            return None
        op = self.writer.deletion(current)
        await session.stage(op)
        return op.stored()

    async def resolve_conditional(self, resource_type: str, params: Params) -> str:
        """The one id matching a conditional update/patch/delete search; 404 for none, 412 for several."""
        check_type(resource_type)
        if not params:
            raise InvalidRequest("A conditional interaction needs search criteria", code="required")
        ids = await self._search_ids(resource_type, params, 2)
        criteria = "&".join(f"{k}={v}" for k, v in params)
        if not ids:
            if resource_type == "Location" and [k for k, _ in params] == ["identifier"]:
                raise location_not_found(params[0][1])
            raise NotFound(f"No {resource_type} matches '{criteria}'", expression=[resource_type])
        if len(ids) > 1:
            total = len(await self._search_ids(resource_type, params, 1000))
            if resource_type == "Location":
                raise location_not_unique(total)
            raise PreconditionFailed(
                f"'{criteria}' matches {total} {resource_type} resources",
                code="multiple-matches",
                expression=[resource_type],
            )
        return ids[0]

    @staticmethod
    def _check_if_match(
        if_match: str | None, current: StoredResource | None, resource_type: str, resource_id: str
    ) -> None:
        expected = parse_if_match(if_match)
        if expected is None:
            return
        if current is None or current.deleted:
            raise PreconditionFailed(
                f"If-Match names version {expected} but {resource_type}/{resource_id} does not exist",
                expression="If-Match",
            )
        if current.version != expected:
            raise PreconditionFailed(
                f"If-Match names version {expected} but {resource_type}/{resource_id} is at version {current.version}",
                expression="If-Match",
            )


def check_patch_media_type(content_type: str) -> None:
    if not any(t in content_type for t in ("json-patch+json", "fhir+json", "application/json")):
        raise UnsupportedMediaType(
            f"PATCH accepts application/fhir+json (FHIRPath Patch) or application/json-patch+json, "
            f"not '{content_type}'",
            expression="Content-Type",
        )


__all__ = ["SERVED_TYPES", "FhirError", "FhirResponse", "Interactions", "WriteSession", "Writer"]
