"""The legacy ``record`` (metadata) element and date/time conversions.

``record@created`` <- ext ``ror-meta-creation-date``, ``@updated`` <- ``meta.lastUpdated``,
``@sourceDirectory`` <- the region tag (``meta.tag`` TRE_R30; the ME's *regionSource* is a region code),
``extension/recognation`` <- the resource id, ``extension/comments`` <- the comment of the resource.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from mappings import fhir
from mappings.csd.xml import Element, child, children, sub, sub_extension, text

RECORD_STATUS = "Ok"
_REGION = re.compile(r"^\d{2,3}$")


@dataclass(frozen=True, slots=True)
class Stamp:
    """What a ``record`` element says; sub-elements reuse the stamp of the resource that holds them."""

    created: str
    updated: str
    region: str | None = None
    recognition: str | None = None
    comment: str | None = None

    def bare(self) -> Stamp:
        """The same dates without the resource-level extension (for nested records)."""
        return Stamp(self.created, self.updated, self.region)


def stamp_of(resource: dict[str, Any], now: str, comment: str | None = None) -> Stamp:
    updated = resource.get("meta", {}).get("lastUpdated")
    created = fhir.ext_value(resource, fhir.EXT_CREATION_DATE) or updated or now
    return Stamp(
        created=xs_datetime(created),
        updated=xs_datetime(updated or created),
        region=fhir.region_of(resource),
        recognition=resource.get("id"),
        comment=comment,
    )


def write_record(parent: Element, stamp: Stamp) -> Element:
    record = sub(
        parent,
        "record",
        created=stamp.created,
        updated=stamp.updated,
        status=RECORD_STATUS,
        sourceDirectory=stamp.region,
    )
    if stamp.recognition or stamp.comment:
        ext = sub_extension(record)
        if stamp.recognition:
            sub(ext, "recognation", stamp.recognition)
        if stamp.comment:
            sub(ext, "comments", stamp.comment)
    return record


@dataclass(frozen=True, slots=True)
class RecordInfo:
    created: str | None
    updated: str | None
    region: str | None
    comment: str | None


def read_record(owner: Element) -> RecordInfo:
    record = child(owner, "record")
    if record is None:
        return RecordInfo(None, None, None, None)
    source = (record.get("sourceDirectory") or "").strip()
    comment = next((c for c in (text(ext, "comments") for ext in children(record, "extension")) if c), None)
    return RecordInfo(
        created=fhir_datetime(record.get("created")),
        updated=fhir_datetime(record.get("updated")),
        region=source if _REGION.match(source) else None,
        comment=comment,
    )


def apply_record(resource: dict[str, Any], info: RecordInfo, region: str | None, profile: str) -> None:
    """Set ``meta`` (lastUpdated, profile, region tag) and the creation-date extension on ``resource``."""
    meta: dict[str, Any] = {}
    if info.updated or info.created:
        meta["lastUpdated"] = info.updated or info.created
    meta["profile"] = [profile]
    tag_region = info.region or region
    if tag_region:
        meta["tag"] = [{"system": fhir.REGION, "code": tag_region}]
    resource["meta"] = meta
    if info.created:
        resource.setdefault("extension", []).append(fhir.make_ext(fhir.EXT_CREATION_DATE, "DateTime", info.created))


# ---------------------------------------------------------------- dates

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def xs_date(value: str | None) -> str | None:
    """A FHIR date/dateTime as ``xs:date`` (partial dates padded to the first day)."""
    if not value:
        return None
    match = _DATE.match(value)
    if not match:
        return None
    year, month, day = match.groups()
    return f"{year}-{month or '01'}-{day or '01'}"


def xs_datetime(value: str) -> str:
    """A FHIR date/dateTime/instant as ``xs:dateTime`` (dates get midnight)."""
    if "T" in value:
        return value
    return f"{xs_date(value)}T00:00:00"


def fhir_datetime(value: str | None) -> str | None:
    """An ``xs:dateTime`` as a FHIR dateTime: a time without zone is taken as UTC (FHIR requires a zone)."""
    value = (value or "").strip()
    if not value:
        return None
    if "T" in value and not re.search(r"(Z|[+-]\d{2}:\d{2})$", value):
        return value + "Z"
    return value
