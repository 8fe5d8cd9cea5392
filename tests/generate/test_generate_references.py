"""Every reference resolves, in load order, and the EJ -> EG -> OI hierarchy is well formed."""

from __future__ import annotations

from collections import Counter
from typing import Any

from generate_support import Generated, codes

from server.generate import LOAD_ORDER


def _references(value: Any) -> list[str]:
    if isinstance(value, dict):
        found = [value["reference"]] if isinstance(value.get("reference"), str) else []
        for key, item in value.items():
            if key != "reference":
                found.extend(_references(item))
        return found
    if isinstance(value, list):
        return [reference for item in value for reference in _references(item)]
    return []


def _level(organization: dict[str, Any]) -> str:
    """EJ, EG, or the TRE_R207 OI level (1 pole, 2 service, 3 UF)."""
    (level,) = codes(organization["type"], "TRE_R67") + codes(organization["type"], "TRE_R207")
    return level


def test_loading_in_file_order_resolves_every_reference(generated: Generated) -> None:
    loaded: set[str] = set()
    unresolved = []
    for resource_type in LOAD_ORDER:
        for resource in generated.resources[resource_type]:
            for reference in _references(resource):
                if reference not in loaded:
                    unresolved.append((resource_type, resource["id"], reference))
            loaded.add(f"{resource_type}/{resource['id']}")  # a parent is loaded before its children
    assert unresolved == []


def test_every_resource_type_is_referenced_and_referencing(generated: Generated) -> None:
    targets = Counter(ref.split("/")[0] for resource in generated.all() for ref in _references(resource))
    assert set(targets) == {"Organization", "Location", "Practitioner", "HealthcareService"}


def test_hierarchy_levels(generated: Generated) -> None:
    organizations = generated.by_id("Organization")
    allowed_parents = {"EJ": set(), "EG": {"EJ"}, "1": {"EG"}, "2": {"EG", "1"}, "3": {"2"}}
    levels: Counter[str] = Counter()
    for organization in organizations.values():
        level = _level(organization)
        levels[level] += 1
        parent = organization.get("partOf")
        if not allowed_parents[level]:
            assert parent is None
            continue
        assert parent is not None
        assert _level(organizations[parent["reference"].split("/")[1]]) in allowed_parents[level]
    assert all(levels[level] for level in allowed_parents), levels


def test_offers_are_provided_by_an_establishment_or_an_internal_organisation(generated: Generated) -> None:
    organizations = generated.by_id("Organization")
    providers = Counter(_level(organizations[s["providedBy"]["reference"].split("/")[1]])
                        for s in generated.resources["HealthcareService"])
    assert "EJ" not in providers
    assert providers["EG"] and providers["3"]


def test_roles_link_a_practitioner_an_offer_and_its_establishment(generated: Generated) -> None:
    services = generated.by_id("HealthcareService")
    organizations = generated.by_id("Organization")
    practitioners = generated.by_id("Practitioner")
    roles_per_practitioner: Counter[str] = Counter()
    for role in generated.resources["PractitionerRole"]:
        practitioner = role["practitioner"]["reference"].split("/")[1]
        assert practitioner in practitioners
        roles_per_practitioner[practitioner] += 1
        (service_reference,) = role["healthcareService"]
        service = services[service_reference["reference"].split("/")[1]]
        assert role["location"] == service["location"]
        establishment = organizations[role["organization"]["reference"].split("/")[1]]
        assert _level(establishment) == "EG"
        provider = organizations[service["providedBy"]["reference"].split("/")[1]]
        while _level(provider) != "EG":  # climb from the UF to its establishment
            provider = organizations[provider["partOf"]["reference"].split("/")[1]]
        assert provider["id"] == establishment["id"]
    assert set(roles_per_practitioner) == set(practitioners)  # nobody without a role
    assert max(roles_per_practitioner.values()) > 1  # hospital staff work in several offers
