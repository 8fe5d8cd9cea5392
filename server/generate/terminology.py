"""The NOS codes the generator may emit, with ready-made (shared, never mutated) Coding/CodeableConcept dicts.

Codes come from the ROR value sets (JDV) compiled by ``build_tables.py`` into ``data/nos_value_sets.json``.
Asking for a code that is not in its value set raises ``KeyError`` at catalogue-load time, so a typo in the
curated tables cannot reach the output.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

NOS_BASE = "https://mos.esante.gouv.fr/NOS/"
COMMUNE_SYSTEM = f"{NOS_BASE}TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM"
UCUM_YEARS_SYSTEM = f"{NOS_BASE}TRE_R247-UcumUniteMesure/FHIR/TRE-R247-UcumUniteMesure"

#: JDV key -> what the generator uses it for (the build script extracts exactly these).
VALUE_SETS: dict[str, str] = {
    "J16": "HealthcareService.characteristic:specificAct (TRE_R210)",
    "J17": "HealthcareService.specialty:operationalActivity (TRE_R211)",
    "J18": "Location ror-location-equipment.equipmentType (TRE_R212)",
    "J19": "HealthcareService.characteristic:careMode (TRE_R213)",
    "J20": "HealthcareService.type champ d'activite (TRE_R227)",
    "J26": "ror-organization-price.managementType (TRE_R236)",
    "J27": "ror-organization-price.dependencyLevel (TRE_R237)",
    "J28": "HealthcareService.characteristic:annualOpening (TRE_R238)",
    "J29": "ror-healthcareservice-patient-type.supportedPatientInfo (TRE_R239)",
    "J30": "characteristic:receptionType, price welcomeType (TRE_R240)",
    "J31": "ror-organization-financial-help-type (TRE_R241)",
    "J32": "residential capacity / price residentialType (TRE_R242)",
    "J33": "characteristic:specificCompetence, PractitionerRole specificCompetence (TRE_R243)",
    "J35": "characteristic:takingCareSpeciality (TRE_R245)",
    "J36": "ror-organization-price.priceType (TRE_R246)",
    "J39": "ror-organization-price.specialPrice (TRE_R250)",
    "J41": "availableTime type of time (TRE_R252)",
    "J50": "ror-organization-accessibility-location (TRE_R202)",
    "J51": "HealthcareService.specialty:operationalActivityFamily (TRE_R265/R266)",
    "J55": "Organization.type EG category (TRE_R66, TRE_R02)",
    "J185": "characteristic:temporalityStopService (TRE_R286)",
    "J187": "supported-capacity capacityType (TRE_R329)",
    "J188": "supported-capacity capacityStatus (TRE_R330)",
    "J189": "supported-capacity temporalityCapacity (TRE_R331)",
    "J190": "supported-capacity genderCapacityAvailable (TRE_R332)",
    "J191": "supported-capacity capacityClosingType (TRE_R333)",
    "J192": "supported-capacity additionalBedType (TRE_R334)",
    "J193": "supported-capacity capacitySourceType (TRE_R335)",
    "J194": "supported-capacity crisisType (TRE_R336)",
    "J195": "supported-capacity temporaryAssignement (TRE_R337)",
    "J198": "Location.type fonction du lieu (TRE_R343)",
    "J199": "Organization.type EJ statut juridique (TRE_R72)",
    "J200": "Organization.type EJ agregat de statut juridique (TRE_R69)",
    "J201": "ror-organization-closing-type (TRE_R286)",
    "J202": "Organization.type EG participation au SPH (TRE_R73)",
    "J203": "Organization.type EJ/EG/OI level (TRE_R67, TRE_R207)",
    "J204": "ror-organization-level-recours-orsan (TRE_R284)",
    "J205": "ror-organization-price.priceUnit (TRE_R228)",
    "J206": "ror-organization-price.deliveryIncluded (TRE_R264)",
    "J207": "Practitioner.name.prefix civilite (TRE_R81)",
    "J208": "ror-practitionerrole-name.exerciseTitle (TRE_R11)",
    "J209": "PractitionerRole.specialty:expertiseType (TRE_R04)",
    "J210": "PractitionerRole.specialty:specialty (TRE_R38)",
    "J217": "ror-practitionerrole-unit-exercise-mode (TRE_R23)",
    "J219": "address streetNameType (TRE_R35)",
    "J221": "contact purpose (TRE_R287)",
    "J222": "confidentiality levels (TRE_R283)",
    "J223": "ror-territorial-division type (TRE_R201)",
    "J224": "Location.operationalStatus (TRE_R203)",
    "J225": "ror-telecom-communication-channel (TRE_R200)",
    "J226": "characteristic:receptionModality (TRE_R338)",
    "J227": "characteristic:expertiseLevel (TRE_R253, TRE_R344)",
    "J228": "ror-location-equipment-limit.equipmentFeature (TRE_R340)",
    "J229": "PractitionerRole.code profession (TRE_G15, TRE_R356)",
    "J236": "identifier types (TRE_G07, G08, R345, R354, R355)",
    "J237": "meta.tag region source (TRE_R30)",
    "J238": "HealthcareService.category type d'offre (TRE_R244)",
    "J248": "ror-territorial-division department codes (TRE_G09)",
}

_TABLE = Path(__file__).parent / "data" / "nos_value_sets.json"


def code_system_url(alias: str) -> str:
    """``TRE-R211-ActiviteOperationnelle`` -> its canonical NOS code system URL (the FSH alias convention)."""
    name = "TRE_" + alias.removeprefix("TRE-")
    return f"{NOS_BASE}{name}/FHIR/{alias}"


def system_key(system: str) -> str:
    """Short name of a NOS system URL: ``.../TRE_R356-ProfessionRessource/...`` -> ``R356``."""
    return system.removeprefix(NOS_BASE).split("-", 1)[0].removeprefix("TRE_")


class ValueSet:
    """One JDV: each of its codes with a shared Coding and CodeableConcept.

    A code is looked up bare (``"60"``) or, when a JDV unions systems that reuse a code, qualified by its
    system (``"R356#86"``); a bare ambiguous code resolves to its first occurrence.
    """

    __slots__ = ("_codings", "_concepts", "key")

    def __init__(self, key: str, entries: list[list[str]]) -> None:
        self.key = key
        self._codings: dict[str, dict[str, str]] = {}
        for system, code, display in entries:
            coding = {"system": system, "code": code, "display": display}
            self._codings.setdefault(code, coding)
            self._codings[f"{system_key(system)}#{code}"] = coding
        self._concepts = {code: {"coding": [coding]} for code, coding in self._codings.items()}

    def coding(self, code: str) -> dict[str, Any]:
        try:
            return self._codings[code]
        except KeyError:
            raise KeyError(f"code {code!r} is not in value set {self.key}") from None

    def concept(self, code: str) -> dict[str, Any]:
        self.coding(code)
        return self._concepts[code]

    def display(self, code: str) -> str:
        return str(self.coding(code)["display"])


@lru_cache(maxsize=1)
def value_sets() -> dict[str, ValueSet]:
    with _TABLE.open(encoding="utf-8") as handle:
        raw = json.load(handle)
    return {key: ValueSet(key, entries) for key, entries in raw.items()}


@cache
def concept(value_set: str, code: str) -> dict[str, Any]:
    """The shared CodeableConcept for ``code`` of JDV ``value_set`` (e.g. ``concept("J19", "28")``)."""
    return value_sets()[value_set].concept(code)


def coding(value_set: str, code: str) -> dict[str, Any]:
    return value_sets()[value_set].coding(code)


def display(value_set: str, code: str) -> str:
    return value_sets()[value_set].display(code)
