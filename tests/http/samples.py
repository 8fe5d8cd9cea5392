"""Small valid ROR-shaped resources for the HTTP tests."""

from __future__ import annotations

from typing import Any

NOS = "https://mos.esante.gouv.fr/NOS"
R211 = f"{NOS}/TRE_R211-ActiviteOperationnelle/FHIR/TRE-R211-ActiviteOperationnelle"
R30 = f"{NOS}/TRE_R30-RegionOM/FHIR/TRE-R30-RegionOM"
IDNST = "urn:oid:1.2.250.1.71.4.2.2"


def organization(
    ident: str = "1440000001", name: str = "CHU de Nantes", region: str = "52", part_of: str | None = None
) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "Organization",
        "meta": {"tag": [{"system": R30, "code": region}]},
        "identifier": [{"system": IDNST, "value": ident}],
        "name": name,
    }
    if part_of:
        resource["partOf"] = {"reference": part_of}
    return resource


def location(ident: str = "52/192675", name: str = "Zone de lits") -> dict[str, Any]:
    return {
        "resourceType": "Location",
        "identifier": [{"value": ident}],
        "name": name,
        "position": {"latitude": 47.2184, "longitude": -1.5536},
    }


def healthcare_service(provider: str, activity: str = "227", name: str = "Cardiologie") -> dict[str, Any]:
    return {
        "resourceType": "HealthcareService",
        "identifier": [{"value": f"52/{activity}"}],
        "name": name,
        "providedBy": {"reference": provider},
        "specialty": [{"coding": [{"system": R211, "code": activity}]}],
    }
