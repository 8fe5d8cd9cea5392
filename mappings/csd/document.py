"""Whole CSD documents: an :class:`OfferGraph` -> the five CSD directories, and a CSD document -> FHIR.

The writer walks the tree (EJ, EG, then each OI followed by its offers) so parents come before their
children; the reader first assigns every entity its FHIR id (:mod:`mappings.csd.ids`) so references can be
resolved in any order.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from lxml import etree

from mappings.csd.codes import CodeMapper
from mappings.csd.context import Directories, ReadContext, WriteContext
from mappings.csd.identifiers import (
    INTERNAL_KINDS,
    OFFER_KINDS,
    PERSON_KINDS,
    STRUCTURE_KINDS,
    IdentifierKind,
    primary_key,
    read_other_ids,
)
from mappings.csd.ids import legacy_id
from mappings.csd.internal import read_internal, write_internal
from mappings.csd.offer import UE_TYPE, read_offer, write_offer
from mappings.csd.organization import read_organization, write_organization
from mappings.csd.provider import read_provider, write_provider
from mappings.csd.xml import CSD_NS, Element, child, children, q
from mappings.fhir import OI_TYPE, references
from mappings.graph import Hierarchy, Level, OfferGraph
from mappings.versions import CsdVersion
from mappings.xmlsafe import parse_xml

Resource = dict[str, Any]
IMPORT_MAX_BYTES = 110_000_000
"""An extraction file is at most 103 MB (legacy-xml §2.5)."""


def now_xs() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def write_directories(parent: Element, graph: OfferGraph, version: CsdVersion, codes: CodeMapper, now: str) -> int:
    """Append the five directories describing ``graph`` to ``parent``; returns the number of UE written."""
    hierarchy = graph.index()
    ctx = WriteContext(version, codes, hierarchy, now)
    dirs = Directories.create(parent)
    levels = {org_id: hierarchy.level(org) for org_id, org in graph.organizations.items()}
    for level in (Level.EJ, Level.EG):
        for org_id, org in graph.organizations.items():
            if levels[org_id] is level:
                write_organization(dirs.organizations, org, level, ctx)
    written_offers: set[str] = set()
    for org, is_internal in _facility_order(graph, hierarchy, levels):
        if is_internal:
            write_internal(dirs, org, ctx)
        for hcs in hierarchy.services(org):
            if hcs["id"] not in written_offers and write_offer(dirs, hcs, ctx):
                written_offers.add(hcs["id"])
    for hcs in graph.services.values():
        if hcs["id"] not in written_offers and write_offer(dirs, hcs, ctx):
            written_offers.add(hcs["id"])
    for role in graph.roles.values():
        offers = references(role.get("healthcareService"), "HealthcareService")
        if not offers or written_offers.intersection(offers):
            write_provider(dirs, role, ctx)
    return len(written_offers)


def _facility_order(
    graph: OfferGraph, hierarchy: Hierarchy, levels: dict[str, Level]
) -> Iterator[tuple[Resource, bool]]:
    """Every organisation once, parents first: (organisation, is it an OI)."""
    seen: set[str] = set()
    roots = [o for o in graph.organizations.values() if levels[o["id"]] is not Level.OI]
    roots += [o for o in graph.organizations.values() if levels[o["id"]] is Level.OI and hierarchy.parent(o) is None]
    for root in roots:
        for org in (root, *hierarchy.descendants(root)):
            if org["id"] not in seen:
                seen.add(org["id"])
                yield org, levels[org["id"]] is Level.OI


def build_csd(
    graph: OfferGraph, version: CsdVersion, codes: CodeMapper | None = None, now: str | None = None
) -> Element:
    """A standalone ``CSD`` document (the root of extraction files); ``now`` is the ``xs:dateTime`` used for
    resources without metadata."""
    root = etree.Element(q("CSD"), nsmap={"csd": CSD_NS})
    write_directories(root, graph, version, codes or CodeMapper.of(), now or now_xs())
    return root


# ---------------------------------------------------------------- import


def import_csd(
    data: bytes | Element,
    codes: CodeMapper | None = None,
    *,
    region: str | None = None,
    max_bytes: int = IMPORT_MAX_BYTES,
) -> list[Resource]:
    """FHIR resources described by a CSD document (a ``CSD`` root, a ``careServicesResponse`` or a SOAP
    envelope holding one). Ids depend only on the legacy identity of each entity (idempotent import).
    ``region`` tags the records whose ``sourceDirectory`` is not a region code. Untrusted bytes are parsed
    safely (:mod:`mappings.xmlsafe`)."""
    root = data if isinstance(data, etree._Element) else parse_xml(data, max_bytes=max_bytes)
    content = _csd_content(root)
    if content is None:
        return []
    codes = codes or CodeMapper.of()
    ctx = ReadContext(codes, region)
    organizations = children(child(content, "organizationDirectory"), "organization")
    facilities = children(child(content, "facilityDirectory"), "facility")
    providers = children(child(content, "providerDirectory"), "provider")
    ctx.services = {s.get("entityID", ""): s for s in children(child(content, "serviceDirectory"), "service")}
    ctx.devices = {d.get("entityID", ""): d for d in children(child(content, "deviceDirectory"), "device")}
    taken: set[str] = set()
    for element in organizations:
        _assign(ctx, element, "Organization", STRUCTURE_KINDS, taken)
    for element in facilities:
        if _is_offer(element, codes):
            _assign(ctx, element, "HealthcareService", OFFER_KINDS, taken)
        else:
            _assign(ctx, element, "Organization", INTERNAL_KINDS, taken)
    practitioner_ids = _assign_providers(ctx, providers)
    resources: list[Resource] = [read_organization(e, ctx) for e in organizations]
    for element in facilities:
        if _is_offer(element, codes):
            resources.extend(read_offer(element, ctx))
        else:
            resources.append(read_internal(element, ctx))
    for element in providers:
        role, practitioner = read_provider(element, ctx, practitioner_ids[element.get("entityID", "")])
        resources.extend((practitioner, role))
    return _distinct(resources)


def _csd_content(root: Element) -> Element | None:
    if root.tag in (q("CSD"), q("queryResult")):
        return root
    return next(root.iter(q("queryResult"), q("CSD")), None)


def _is_offer(facility: Element, codes: CodeMapper) -> bool:
    return any(
        (t.get("code") or "").strip() == UE_TYPE and codes.system(t.get("codingScheme")) in (OI_TYPE, None)
        for t in children(facility, "codedType")
    )


def _entity_key(element: Element) -> str:
    record = child(element, "record")
    source = record.get("sourceDirectory", "") if record is not None else ""
    return f"entity|{source}|{element.get('entityID', '')}"


def _assign(
    ctx: ReadContext, element: Element, resource_type: str, kinds: tuple[IdentifierKind, ...], taken: set[str]
) -> None:
    """Give the entity its FHIR id. Two entities sharing their main identifier (seen in real data: an EJ
    and its EG with the same ``otherID``) are told apart by all their identifiers, then by entity."""
    identifiers = read_other_ids(element, kinds, ctx.codes)
    all_ids = "+".join(sorted(f"{i.get('system')}|{i['value']}" for i in identifiers))
    candidates = [legacy_id(resource_type, key) for key in (primary_key(identifiers, kinds), all_ids) if key]
    resource_id = next((c for c in candidates if c not in taken), legacy_id(resource_type, _entity_key(element)))
    taken.add(resource_id)
    ctx.targets[element.get("entityID", "")] = (resource_type, resource_id)


def _assign_providers(ctx: ReadContext, providers: list[Element]) -> dict[str, str]:
    """PractitionerRole ids (practitioner + UE) in ``ctx.targets``; returns Practitioner ids by entity."""
    practitioners: dict[str, str] = {}
    used: set[str] = set()
    for element in providers:
        person_key = primary_key(read_other_ids(element, PERSON_KINDS, ctx.codes), PERSON_KINDS)
        person_key = person_key or _entity_key(element)
        links = children(child(element, "facilities"), "facility")
        unit = ctx.targets.get(links[0].get("entityID", "") if links else "", ("", ""))[1]
        role_id = legacy_id("PractitionerRole", f"{person_key}|{unit}")
        suffix = 1
        while role_id in used:
            role_id = legacy_id("PractitionerRole", f"{person_key}|{unit}#{suffix}")
            suffix += 1
        used.add(role_id)
        ctx.targets[element.get("entityID", "")] = ("PractitionerRole", role_id)
        practitioners[element.get("entityID", "")] = legacy_id("Practitioner", person_key)
    return practitioners


def _distinct(resources: list[Resource]) -> list[Resource]:
    """First occurrence of each (type, id): a shared place or professional appears once."""
    seen: set[tuple[str, str]] = set()
    result = []
    for resource in resources:
        key = (resource["resourceType"], resource["id"])
        if key not in seen:
            seen.add(key)
            result.append(resource)
    return result
