"""``otherID`` (``@code`` + ``@assigningAuthorityName``) <-> FHIR ``Identifier``.

Known identifier kinds carry a fixed authority OID and an identifier type (TRE_G07 for structures);
the import accepts the variant authorities seen in real and PLATINES data (legacy-xml §1.5). Other
identifiers travel with their system's OID (or URL) as authority.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from mappings import fhir
from mappings.csd.codes import CodeMapper
from mappings.csd.xml import Element, children, sub


@dataclass(frozen=True, slots=True)
class IdentifierKind:
    system: str | None
    authority: str
    type_system: str | None = None
    type_code: str | None = None
    accepted: tuple[str, ...] = ()
    length: int | None = None

    def matches_fhir(self, identifier: dict[str, Any]) -> bool:
        if identifier.get("system") != self.system:
            return False
        type_code = fhir.code_of(identifier.get("type"))
        if type_code is not None and self.type_code is not None:
            return type_code == self.type_code
        return self.length is None or len(identifier.get("value", "")) == self.length

    def matches_legacy(self, authority: str, code: str) -> bool:
        return authority in (self.authority, *self.accepted) and (self.length is None or len(code) == self.length)

    def to_fhir(self, code: str) -> dict[str, Any]:
        identifier: dict[str, Any] = {}
        if self.type_system and self.type_code:
            identifier["type"] = fhir.concept(fhir.coding(self.type_system, self.type_code))
        if self.system:
            identifier["system"] = self.system
        identifier["value"] = code
        return identifier


IDNAT_STRUCT = IdentifierKind(
    fhir.IDNAT_STRUCT_SYSTEM,
    "1.2.250.1.71.4.2.2",
    fhir.ID_STRUCTURE_TYPE,
    "40",
    accepted=("1.2.250.1.71.4.2.1", "1.2.250.1.71.1.2.14"),
)
STRUCTURE_KINDS = (
    IDNAT_STRUCT,
    IdentifierKind(fhir.FINESS_SYSTEM, "1.2.250.1.213.3.2", fhir.ID_STRUCTURE_TYPE, "1"),
    IdentifierKind(fhir.SIRENE_SYSTEM, "1.3.2", fhir.ID_STRUCTURE_TYPE, "2", length=9),
    IdentifierKind(fhir.SIRENE_SYSTEM, "1.3.2", fhir.ID_STRUCTURE_TYPE, "3", length=14),
)
OI_AUTHORITY = "1.2.250.1.213.6.1.1.1.1.76"
"""Authority of ``identifiantOI`` in the PLATINES mock ROR (legacy-xml §1.5)."""
INTERNAL_KINDS = (IdentifierKind(fhir.OI_SYSTEM, OI_AUTHORITY, fhir.ID_OTHER_TYPE, "42"),)
OFFER_KINDS = (IdentifierKind(None, OI_AUTHORITY, fhir.ID_OFFER_TYPE, "35"),)
PERSON_KINDS = (IdentifierKind(fhir.IDNAT_PS_SYSTEM, "1.2.250.1.71.4.2.1"),)


def write_other_ids(
    parent: Element,
    identifiers: Iterable[dict[str, Any]],
    kinds: tuple[IdentifierKind, ...],
    codes: CodeMapper,
    name: str = "otherID",
) -> None:
    """One ``otherID``-typed element per identifier (``name`` for the other elements of that type)."""
    for identifier in identifiers:
        value = identifier.get("value")
        if not value:
            continue
        kind = next((k for k in kinds if k.matches_fhir(identifier)), None)
        authority = kind.authority if kind else codes.scheme(identifier.get("system"))
        sub(parent, name, code=value, assigningAuthorityName=authority)


def read_other_ids(element: Element, kinds: tuple[IdentifierKind, ...], codes: CodeMapper) -> list[dict[str, Any]]:
    """Identifiers of ``element``; empty ``otherID`` elements (seen in real data) are skipped."""
    identifiers = []
    for other in children(element, "otherID"):
        code = (other.get("code") or "").strip()
        authority = (other.get("assigningAuthorityName") or "").strip()
        if not code:
            continue
        kind = next((k for k in kinds if k.matches_legacy(authority, code)), None)
        if kind:
            identifiers.append(kind.to_fhir(code))
        else:
            system = codes.system(authority)
            identifiers.append({"system": system, "value": code} if system else {"value": code})
    return identifiers


def primary_key(identifiers: list[dict[str, Any]], kinds: tuple[IdentifierKind, ...]) -> str | None:
    """The value of the first identifier of a known kind (else of any identifier): the legacy key."""
    for kind in kinds:
        for identifier in identifiers:
            if kind.matches_fhir(identifier):
                return f"{kind.system or kind.type_code}|{identifier['value']}"
    return f"{identifiers[0].get('system')}|{identifiers[0]['value']}" if identifiers else None
