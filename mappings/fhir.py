"""FHIR vocabulary of the ROR profiles used by the legacy mapping, and small helpers over resource dicts.

Resources are plain JSON dicts. Helpers never mutate their input.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

SD = "https://interop.esante.gouv.fr/ig/fhir/ror/StructureDefinition/"
HL7_SD = "http://hl7.org/fhir/StructureDefinition/"
NOS = "https://mos.esante.gouv.fr/NOS/"


def tre(name: str) -> str:
    """Canonical URL of a NOS code system, e.g. ``tre("R227-ChampActivite")``."""
    return f"{NOS}TRE_{name}/FHIR/TRE-{name}"


def jdv(name: str) -> str:
    """Canonical URL of a ROR value set, e.g. ``jdv("J19-ModePriseEnCharge-ROR")``."""
    return f"{NOS}JDV_{name}/FHIR/JDV-{name}"


# Profiles
PROFILE_ORGANIZATION = SD + "ror-organization"
PROFILE_HEALTHCARESERVICE = SD + "ror-healthcareservice"
PROFILE_LOCATION = SD + "ror-location"
PROFILE_PRACTITIONER = SD + "ror-practitioner"
PROFILE_PRACTITIONERROLE = SD + "ror-practitionerrole"

# Code systems
REGION = tre("R30-RegionOM")
ID_STRUCTURE_TYPE = tre("G07-TypeIdentifiantStructure")
ID_OTHER_TYPE = tre("R345-TypeIdentifiantAutre")
ID_OFFER_TYPE = tre("R355-TypeIdentifiantOffre")
ID_RESOURCE_TYPE = tre("R354-TypeIdentifiantRessourceOperationnelle")
STRUCTURE_KIND = tre("R67-TypeStructure-EJ-EG")
OI_TYPE = tre("R207-TypeOrganisationInterne")
ACTIVITY_FIELD = tre("R227-ChampActivite")
CARE_MODE = tre("R213-ModePriseEnCharge")
OPERATIONAL_ACTIVITY = tre("R211-ActiviteOperationnelle")
SUPPORTED_PATIENT = tre("R239-PublicPrisEnCharge")
CHANNEL = tre("R200-CanalCommunication")
CONFIDENTIALITY = tre("R283-NiveauConfidentialite")
CONTACT_NATURE = tre("R287-NatureContact")
LOCATION_STATUS = tre("R203-StatutLieu")
COMMUNE = tre("R13-CommuneOM")
UCUM = tre("R247-UcumUniteMesure")
SAVOIR_FAIRE_TYPE = tre("R04-TypeSavoirFaire")
CAPACITY_NATURE = tre("R329-NatureCapacite")
CAPACITY_STATUS = tre("R330-TypeStatutCapacite")
CAPACITY_TEMPORALITY = tre("R331-TemporaliteCapacite")
CAPACITY_SOURCE = tre("R335-TypeSourceCapacite")
TEMPORARY_ASSIGNMENT = tre("R337-AffectationTemporaire")
CURRENCY = "urn:iso:std:iso:4217"

# Identifier systems
IDNAT_STRUCT_SYSTEM = "urn:oid:1.2.250.1.71.4.2.2"
IDNAT_PS_SYSTEM = "urn:oid:1.2.250.1.71.4.2.1"
FINESS_SYSTEM = "http://finess.esante.gouv.fr"
SIRENE_SYSTEM = "http://sirene.fr"
OI_SYSTEM = "https://oi.esante.gouv.fr"

# Extensions (ROR)
EXT_CREATION_DATE = SD + "ror-meta-creation-date"
EXT_META_COMMENT = SD + "ror-meta-comment"
EXT_ADDITIONAL_NAME = SD + "ror-organization-additional-name"
EXT_PRICE = SD + "ror-organization-price"
EXT_TERRITORIAL_DIVISION = SD + "ror-territorial-division"
EXT_FINANCIAL_HELP = SD + "ror-organization-financial-help-type"
EXT_ACCOMODATION_FAMILY = SD + "ror-organization-accomodation-family"
EXT_NB_PERMANENT_SOCIAL = SD + "ror-organization-nb-permanent-social-help-place"
EXT_NB_TEMPORARY_SOCIAL = SD + "ror-organization-nb-temporary-social-help-place"
EXT_ACCESSIBILITY = SD + "ror-organization-accessibility-location"
EXT_ORSAN = SD + "ror-organization-level-recours-orsan"
EXT_DROP_ZONE = SD + "ror-organization-drop-zone"
EXT_REOPENING_DATE = SD + "ror-organization-reopening-date"
EXT_ORG_CREATION_DATE = SD + "ror-organization-creation-date"
EXT_CLOSING_TYPE = SD + "ror-organization-closing-type"
EXT_ORG_COMMENT = SD + "ror-organization-comment"
EXT_CONTACT_FUNCTION = SD + "ror-contact-function-contact"
EXT_CONTACT_DESCRIPTION = SD + "ror-contact-description"
EXT_CONTACT_CONFIDENTIALITY = SD + "ror-contact-confidentiality-level"
EXT_CONFIDENTIALITY = SD + "ror-confidentiality-level"
EXT_TELECOM_CHANNEL = SD + "ror-telecom-communication-channel"
EXT_TELECOM_USAGE = SD + "ror-telecom-usage"
EXT_TELECOM_CONFIDENTIALITY = SD + "ror-telecom-confidentiality-level"
EXT_SENSITIVE_UNIT = SD + "ror-healthcareservice-sensitive-unit"
EXT_NO_CONSENT = SD + "ror-healthcareservice-no-consent-habilitation"
EXT_PSYCHIATRIC_SECTOR = SD + "ror-healthcareservice-psychiatric-sector"
EXT_PATIENT_TYPE = SD + "ror-healthcareservice-patient-type"
EXT_HCS_CONTACT = SD + "ror-healthcareservice-contact"
EXT_HCS_CONTACT_TELECOM = SD + "ror-healthcareservice-contact-telecom"
EXT_ACT_TYPE = SD + "ror-act-type"
EXT_TIME_TYPE = SD + "ror-available-time-type-of-time"
EXT_TIME_DAY_NUMBER = SD + "ror-available-time-number-days-of-week"
EXT_TIME_EFFECTIVE = SD + "ror-available-time-effective-opening-closing-date"
EXT_COMMUNE_COG = SD + "ror-commune-cog"
EXT_COORDINATE_RELIABILITY = SD + "ror-coordinate-reliability"
EXT_CONFIDENCE_GEOLOCATION = SD + "ror-confidence-geolocation"
EXT_SUPPORTED_CAPACITY = SD + "ror-location-supported-capacity"
EXT_EQUIPMENT = SD + "ror-location-equipment"
EXT_EQUIPMENT_LIMIT = SD + "ror-location-equipment-limit"
EXT_RESIDENTIAL_CAPACITY = SD + "ror-location-residential-capacity"
EXT_UNIT_EXERCISE_MODE = SD + "ror-practitionerrole-unit-exercise-mode"
EXT_PRACTITIONERROLE_NAME = SD + "ror-practitionerrole-name"
_ANNUAIRE = "https://apifhir.annuaire.sante.fr/ws-sync/exposed/structuredefinition/"
EXT_CONTRACTED = _ANNUAIRE + "practitionerRole-contracted"
EXT_HAS_CAS = _ANNUAIRE + "practitionerRole-hasCAS"
EXT_VITALE_ACCEPTED = _ANNUAIRE + "practitionerRole-vitaleAccepted"

# Extensions (HL7 core)
EXT_PERIOD = HL7_SD + "organization-period"
EXT_GEOLOCATION = HL7_SD + "geolocation"
ADXP = HL7_SD + "iso21090-ADXP-"
EXT_LIEU_DIT = "https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/as-ext-lieu-dit"
EXT_ADDRESS_INSEE = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code"


# ---------------------------------------------------------------- reading


def extensions(element: dict[str, Any] | None, url: str) -> list[dict[str, Any]]:
    """All extensions of ``element`` with this url."""
    if not element:
        return []
    return [e for e in element.get("extension", ()) if e.get("url") == url]


def extension(element: dict[str, Any] | None, url: str) -> dict[str, Any] | None:
    found = extensions(element, url)
    return found[0] if found else None


def value(ext: dict[str, Any] | None) -> Any:
    """The ``value[x]`` of an extension (``None`` when absent)."""
    if not ext:
        return None
    for key, item in ext.items():
        if key.startswith("value"):
            return item
    return None


def ext_value(element: dict[str, Any] | None, url: str) -> Any:
    return value(extension(element, url))


def ext_values(element: dict[str, Any] | None, url: str) -> list[Any]:
    return [v for v in (value(e) for e in extensions(element, url)) if v is not None]


def first_coding(concept: dict[str, Any] | None) -> dict[str, Any] | None:
    """The first coding of a CodeableConcept (or the value itself when it is already a Coding)."""
    if not concept:
        return None
    if "code" in concept and "coding" not in concept:
        return concept
    codings = concept.get("coding") or []
    return codings[0] if codings else None


def code_of(concept: dict[str, Any] | None) -> str | None:
    coding = first_coding(concept)
    return coding.get("code") if coding else None


def codings(concepts: Iterable[dict[str, Any]] | None) -> Iterator[dict[str, Any]]:
    for concept in concepts or ():
        yield from concept.get("coding", ())


def reference_id(ref: dict[str, Any] | None, resource_type: str) -> str | None:
    """``"Organization/12"`` -> ``"12"`` when the reference targets ``resource_type``."""
    target = (ref or {}).get("reference") or ""
    prefix = resource_type + "/"
    if target.startswith(prefix):
        return target[len(prefix) :].split("/_history")[0] or None
    return None


def references(refs: dict[str, Any] | list[dict[str, Any]] | None, resource_type: str) -> list[str]:
    """Ids targeted by a reference list (a single reference is tolerated)."""
    items = [refs] if isinstance(refs, dict) else refs or []
    return [i for i in (reference_id(r, resource_type) for r in items) if i]


def region_of(resource: dict[str, Any]) -> str | None:
    for tag in resource.get("meta", {}).get("tag", ()):
        if tag.get("system") == REGION:
            return tag.get("code")
    return None


# ---------------------------------------------------------------- building


def coding(system: str, code: str, display: str | None = None) -> dict[str, Any]:
    result = {"system": system, "code": code}
    if display:
        result["display"] = display
    return result


def concept(coding_: dict[str, Any]) -> dict[str, Any]:
    return {"coding": [coding_]}


def make_ext(url: str, kind: str, item: Any) -> dict[str, Any]:
    """``make_ext(url, "Boolean", True)`` -> ``{"url": url, "valueBoolean": True}``."""
    return {"url": url, f"value{kind}": item}


def reference(resource_type: str, resource_id: str) -> dict[str, str]:
    return {"reference": f"{resource_type}/{resource_id}"}
