"""The ROR supported-capacity indicator (``ror-location-supported-capacity``), spec §4.1.

An indicator is one complex extension of a Location. Its identity is the tuple of
codes of :data:`IDENTITY_ATTRIBUTES`; the other sub-extensions (``nbCapacity``,
``capacityUpdateDate``, ``capacitySourceType``, ``comment``) are its data. Validity
rules follow spec §4.1: required sub-extensions, a non-negative ``nbCapacity``,
codes from the exchange value sets, ``capacityClosingType`` only for closed
capacity (status 05), ``additionalBedType``/``crisisType`` only for supplementary
capacity (status 06).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

SUPPORTED_CAPACITY_URL = (
    "https://interop.esante.gouv.fr/ig/fhir/ror/StructureDefinition/ror-location-supported-capacity"
)

CLOSED_STATUS = "05"
SUPPLEMENTARY_STATUS = "06"


def _tre(number: int, name: str) -> str:
    return f"https://mos.esante.gouv.fr/NOS/TRE_R{number}-{name}/FHIR/TRE-R{number}-{name}"


@dataclass(frozen=True, slots=True)
class CodedAttribute:
    name: str  # sub-extension url
    me_name: str  # attribute name in the ROR exposure model (ME), used in the national error texts
    system: str
    codes: Mapping[str, str]  # code -> display, from the exchange value set (JDV)


CAPACITY_TYPE = CodedAttribute(
    "capacityType", "natureCapacite", _tre(329, "NatureCapacite"), {"01": "Lit", "02": "Place"}
)
CAPACITY_STATUS = CodedAttribute(
    "capacityStatus",
    "statutCapacite",
    _tre(330, "TypeStatutCapacite"),
    {
        "01": "Installé",
        "02": "Disponible",
        "03": "Occupé",
        "04": "Réservé",
        "05": "Fermé",
        "06": "Supplémentaire",
    },
)
TEMPORALITY = CodedAttribute(
    "temporalityCapacity",
    "temporaliteCapacite",
    _tre(331, "TemporaliteCapacite"),
    {
        "01": "Courant",
        "02": "Prévisionnel 1 heure",
        "03": "Prévisionnel 24 heures",
        "04": "Prévisionnel 48 heures",
        "05": "Prévisionnel 7 jours",
    },
)
# 03 "Indifférencié" left JDV-J190 in 2025 but is still sent by clients (spec §9 #3): accepted.
GENDER = CodedAttribute(
    "genderCapacityAvailable",
    "genreCapaciteDispo",
    _tre(332, "GenreCapacite"),
    {"01": "Femme", "02": "Homme", "03": "Indifférencié", "04": "Indéterminé"},
)
CLOSING_TYPE = CodedAttribute(
    "capacityClosingType",
    "typeFermetureCapacite",
    _tre(333, "TypeFermetureCapacite"),
    {"01": "Réactivable", "02": "Non réactivable", "03": "Indéterminé"},
)
ADDITIONAL_BED_TYPE = CodedAttribute(
    "additionalBedType",
    "typeLitSupplementaire",
    _tre(334, "TypeLitSupplementaire"),
    {
        "01": "Mobilisé",
        "02": "Mobilisable sans ressources humaines",
        "03": "Mobilisable avec ressources humaines",
    },
)
SOURCE_TYPE = CodedAttribute(
    "capacitySourceType",
    "typeSourceCapacite",
    _tre(335, "TypeSourceCapacite"),
    {
        "01": "Saisie manuelle",
        "02": "Bed management",
        "03": "Gestion administrative du malade (GAM)",
        "04": "Dossier patient informatisé (DPI)",
    },
)
CRISIS_TYPE = CodedAttribute(
    "crisisType",
    "typeCrise",
    _tre(336, "TypeCrise"),
    {"01": "PMIE 1", "02": "Situation sanitaire Exceptionnelle (SSE) (Plan blanc)"},
)
TEMPORARY_ASSIGNMENT = CodedAttribute(
    "temporaryAssignement",
    "affectationTemporaire",
    _tre(337, "AffectationTemporaire"),
    {"01": "Aucune", "02": "Covid+", "03": "Covid-"},
)

IDENTITY_ATTRIBUTES = (
    CAPACITY_TYPE,
    CAPACITY_STATUS,
    TEMPORALITY,
    GENDER,
    CLOSING_TYPE,
    ADDITIONAL_BED_TYPE,
    CRISIS_TYPE,
    TEMPORARY_ASSIGNMENT,
)
CODED_ATTRIBUTES = {attribute.name: attribute for attribute in (*IDENTITY_ATTRIBUTES, SOURCE_TYPE)}
REQUIRED_SUB_EXTENSIONS = (
    "capacityType",
    "capacityStatus",
    "temporalityCapacity",
    "nbCapacity",
    "capacityUpdateDate",
    "capacitySourceType",
    "temporaryAssignement",
)
# The national server's messages list the identity without capacityType.
MESSAGE_ATTRIBUTES = tuple(attribute.name for attribute in IDENTITY_ATTRIBUTES if attribute is not CAPACITY_TYPE)

Codes = dict[str, str | None]


def is_indicator(node: Any) -> bool:
    return isinstance(node, dict) and node.get("url") == SUPPORTED_CAPACITY_URL


def sub_extensions(indicator: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return [sub for sub in indicator.get("extension") or [] if isinstance(sub, dict) and sub.get("url") == name]


def _code(sub_extension: dict[str, Any]) -> str | None:
    if isinstance(sub_extension.get("valueCode"), str):
        return str(sub_extension["valueCode"])
    coded = sub_extension.get("valueCodeableConcept")
    codings = coded.get("coding") if isinstance(coded, dict) else None
    if isinstance(sub_extension.get("valueCoding"), dict):
        codings = [sub_extension["valueCoding"]]
    for coding in codings if isinstance(codings, list) else []:
        if isinstance(coding, dict) and isinstance(coding.get("code"), str):
            return str(coding["code"])
    return None


def identity_codes(indicator: dict[str, Any]) -> Codes:
    """The identity attribute codes of ``indicator`` (None where absent)."""
    codes: Codes = {}
    for attribute in IDENTITY_ATTRIBUTES:
        present = sub_extensions(indicator, attribute.name)
        codes[attribute.name] = _code(present[0]) if present else None
    return codes


def identity(indicator: dict[str, Any]) -> tuple[str | None, ...]:
    return tuple(identity_codes(indicator).values())


def describe(codes: Mapping[str, str | None], names: Iterable[str] = MESSAGE_ATTRIBUTES) -> str:
    """``capacityStatus: 02 / temporalityCapacity: 01 / … / crisisType: null``, the national wording."""
    return " / ".join(f"{name}: {codes.get(name) or 'null'}" for name in names)


def _normalised_sub_extension(sub_extension: dict[str, Any]) -> dict[str, Any]:
    attribute = CODED_ATTRIBUTES.get(str(sub_extension.get("url")))
    if attribute is None:
        return sub_extension
    if isinstance(sub_extension.get("valueCode"), str):
        code = sub_extension["valueCode"]
        coding = {"system": attribute.system, "code": code}
        if code in attribute.codes:
            coding["display"] = attribute.codes[code]
        rest = {key: value for key, value in sub_extension.items() if key != "valueCode"}
        return {**rest, "valueCodeableConcept": {"coding": [coding]}}
    coded = sub_extension.get("valueCodeableConcept")
    if isinstance(coded, dict) and isinstance(coded.get("coding"), list):
        codings = [
            {"system": attribute.system, **coding} if isinstance(coding, dict) and "system" not in coding else coding
            for coding in coded["coding"]
        ]
        return {**sub_extension, "valueCodeableConcept": {**coded, "coding": codings}}
    return sub_extension


def normalised(indicator: dict[str, Any]) -> dict[str, Any]:
    """``indicator`` with coded sub-extensions as ``valueCodeableConcept`` carrying the TRE system
    (clients also send ``valueCode``, or codings without system)."""
    subs = indicator.get("extension")
    if not isinstance(subs, list):
        return indicator
    return {
        **indicator,
        "extension": [_normalised_sub_extension(s) if isinstance(s, dict) else s for s in subs],
    }


def combination_problems(codes: Mapping[str, str | None]) -> list[str]:
    """What makes these identity codes (possibly partial) impossible for an indicator."""
    problems = []
    for attribute in IDENTITY_ATTRIBUTES:
        code = codes.get(attribute.name)
        if code is not None and code not in attribute.codes:
            problems.append(f"le code '{code}' n'est pas une valeur de {attribute.name} ({attribute.me_name})")
    status = codes.get(CAPACITY_STATUS.name)
    if status is not None:
        if codes.get(CLOSING_TYPE.name) is not None and status != CLOSED_STATUS:
            problems.append(f"capacityClosingType n'est admis qu'avec capacityStatus {CLOSED_STATUS} (Fermé)")
        for attribute in (ADDITIONAL_BED_TYPE, CRISIS_TYPE):
            if codes.get(attribute.name) is not None and status != SUPPLEMENTARY_STATUS:
                problems.append(
                    f"{attribute.name} n'est admis qu'avec capacityStatus {SUPPLEMENTARY_STATUS} (Supplémentaire)"
                )
    return problems


def _count_problem(indicator: dict[str, Any]) -> str | None:
    counts = sub_extensions(indicator, "nbCapacity")
    if not counts:
        return None
    value = counts[0].get("valueInteger")
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return "nbCapacity doit être un entier positif ou nul (valueInteger)"
    return None


def indicator_problems(indicator: dict[str, Any]) -> list[str]:
    """Why ``indicator`` is not a valid indicator; empty when it is."""
    problems = [
        f"la sous-extension obligatoire {name} est absente"
        for name in REQUIRED_SUB_EXTENSIONS
        if not sub_extensions(indicator, name)
    ]
    problems += [
        f"la sous-extension {name} est répétée"
        for name in dict.fromkeys((*REQUIRED_SUB_EXTENSIONS, *CODED_ATTRIBUTES))
        if len(sub_extensions(indicator, name)) > 1
    ]
    count_problem = _count_problem(indicator)
    if count_problem:
        problems.append(count_problem)
    return problems + combination_problems(identity_codes(indicator))
