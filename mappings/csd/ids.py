"""Identity on both sides: CSD ``entityID`` values for exported resources, FHIR ids for imported entities.

Exported ``entityID`` values are the FHIR relative references (``Organization/12``): unique in a document
and traceable. Imported resources get ids derived only from the legacy identity of the entity
(business identifier when it has one, else ``sourceDirectory`` + ``entityID``), so importing the same
document twice yields the same ids.
"""

from __future__ import annotations

import uuid
from typing import Any

_LEGACY_NAMESPACE = uuid.UUID("9a4d2e36-5f0b-4c1e-9b7e-3f8f6c0d5a21")


def entity_id(resource: dict[str, Any]) -> str:
    return f"{resource['resourceType']}/{resource['id']}"


def activity_entity(offer_entity: str, code: str) -> str:
    return f"{offer_entity}_{code}"


def device_entity(location_entity: str, index: int) -> str:
    return f"{location_entity}_equipment_{index}"


def legacy_id(resource_type: str, key: str) -> str:
    """A FHIR id (UUID v5) that depends only on the resource type and the legacy key."""
    return str(uuid.uuid5(_LEGACY_NAMESPACE, f"{resource_type}|{key}"))
