"""The FHIR and ROR vocabulary the harness reads and writes: URLs, code systems, small JSON accessors.

Everything here is plain R4 JSON handling; nothing is specific to one server implementation.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

NOS = "https://mos.esante.gouv.fr/NOS"
SD = "https://interop.esante.gouv.fr/ig/fhir/ror/StructureDefinition/"
UCUM_QUERY_SYSTEM = "https://unitsofmeasure.org"  # the system the ROR example queries use for ages

COMMUNE_COG_URL = f"{SD}ror-commune-cog"
SUPPORTED_CAPACITY_URL = f"{SD}ror-location-supported-capacity"
PATIENT_TYPE_URL = f"{SD}ror-healthcareservice-patient-type"
TERRITORIAL_DIVISION_URL = f"{SD}ror-territorial-division"
PRICE_URL = f"{SD}ror-organization-price"


def tre(number: int, name: str) -> str:
    """The canonical URL of NOS terminology ``TRE_R<number>-<name>``."""
    return f"{NOS}/TRE_R{number}-{name}/FHIR/TRE-R{number}-{name}"


OPERATIONAL_ACTIVITY = tre(211, "ActiviteOperationnelle")
CARE_MODE = tre(213, "ModePriseEnCharge")
REGION = tre(30, "RegionOM")
CAPACITY_STATUS_AVAILABLE = "02"

# The identity attributes of a supported-capacity indicator (spec §4.1), in the order the national
# protocol's FHIRPath predicates list them.
INDICATOR_IDENTITY = (
    "capacityStatus",
    "temporalityCapacity",
    "genderCapacityAvailable",
    "capacityType",
    "capacityClosingType",
    "additionalBedType",
    "crisisType",
    "temporaryAssignement",
)
LOCATION_ID_TYPE = "25"  # TRE_R354 idLocation: the ROR's own place identifier
SYNC_ID_TYPE = "26"  # TRE_R354 idExterneSynchro: the establishment's code, used by bed managers

INC = (
    ("_include", "HealthcareService:organization"),
    ("_include:iterate", "Organization:partof"),
    ("_include", "HealthcareService:location"),
    ("_revinclude", "PractitionerRole:service"),
    ("_include", "PractitionerRole:practitioner"),
)
"""The canonical extraction includes appended to every offer search of spec §5.2/§5.3 ("INC")."""


def extensions(element: dict[str, Any], url: str) -> list[dict[str, Any]]:
    return [e for e in element.get("extension") or [] if isinstance(e, dict) and e.get("url") == url]


def sub_value(extension: dict[str, Any], url: str) -> Any:
    """The ``value[x]`` of the first sub-extension ``url`` (None when absent)."""
    for sub in extensions(extension, url):
        for key, value in sub.items():
            if key.startswith("value"):
                return value
    return None


def codings(concepts: Any) -> Iterator[dict[str, Any]]:
    """The codings of a CodeableConcept, a list of them, or a bare Coding."""
    items = concepts if isinstance(concepts, list) else [concepts]
    for concept in items:
        if not isinstance(concept, dict):
            continue
        if "code" in concept:
            yield concept
        for coding in concept.get("coding") or []:
            if isinstance(coding, dict) and isinstance(coding.get("code"), str):
                yield coding


def token(coding: dict[str, Any]) -> str:
    """``system|code`` (or the bare code when the coding has no system)."""
    system = coding.get("system")
    return f"{system}|{coding['code']}" if system else str(coding["code"])


def tokens(concepts: Any) -> list[str]:
    return [token(coding) for coding in codings(concepts)]


def code_of(value: str) -> str:
    """The code part of a ``system|code`` token."""
    return value.rsplit("|", 1)[-1]


def reference_id(reference: Any, resource_type: str) -> str | None:
    """The id in ``{"reference": "[base/]Type/id[/_history/v]"}`` when it points to ``resource_type``."""
    text = reference.get("reference") if isinstance(reference, dict) else None
    if not isinstance(text, str):
        return None
    parts = text.split("/_history/")[0].rstrip("/").split("/")
    return parts[-1] if len(parts) >= 2 and parts[-2] == resource_type else None
