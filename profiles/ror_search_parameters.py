"""The ROR custom SearchParameters (IG 0.7.0, spec §2.2-2.5 and Appendix A), as data.

Each row restates the published definition. Where the published expression is
wrong (spec §2.6) the row carries the corrected ``expression`` and the
published one in ``published``, with the reason; the generated resource records
both (extension ``published-expression`` and a note in ``description``), so the
data says what was changed and why. ``group`` names the correlation family
(spec §4.2, §9 #4): criteria of one family can be required to hold on the same
repetition of the extension the family reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

IG = "https://interop.esante.gouv.fr/ig/fhir/ror"
SD = f"{IG}/StructureDefinition/"
SERVER_SD = "https://ror-server.example/fhir/StructureDefinition/"
SERVER_SP = "https://ror-server.example/fhir/SearchParameter/"
ALL_COMPARATORS = ("eq", "ne", "gt", "lt", "ge", "le", "sa", "eb", "ap")

CAPACITY = f"Location.extension.where(url='{SD}ror-location-supported-capacity')"
EQUIPMENT = f"Location.extension.where(url='{SD}ror-location-equipment')"
EQUIPMENT_LIMIT = f"extension.where(url='{SD}ror-location-equipment-limit')"
RESIDENTIAL = f"Location.extension.where(url='{SD}ror-location-residential-capacity')"
PRICE = f"Organization.extension.where(url='{SD}ror-organization-price')"
PATIENT_TYPE = f"HealthcareService.extension.where(url = '{SD}ror-healthcareservice-patient-type')"

CAPACITY_AS_CODE = (
    "Since IG 0.7.0 the supported-capacity sub-extensions hold a CodeableConcept, not a code "
    "(spec §2.6.1): the value is indexed whatever its type (valueCodeableConcept or legacy valueCode)."
)
TOP_LEVEL_LIMIT = (
    "The profile nests ror-location-equipment-limit inside ror-location-equipment while the published "
    "expression reads it at the top level (spec §2.6.5): both placements are indexed."
)


@dataclass(frozen=True, slots=True)
class RorParam:
    id: str
    name: str
    code: str
    base: str
    type: str
    expression: str
    description: str
    published: str | None = None
    reason: str | None = None
    published_code: str | None = None
    comparators: tuple[str, ...] = ()
    group: str | None = None


def _capacity(id_: str, name: str, code: str, sub: str, description: str, *, as_code: bool = True) -> RorParam:
    expression = f"{CAPACITY}.extension.where(url='{sub}').value"
    return RorParam(
        id_, name, code, "Location", "token", expression, description,
        published=f"{expression}.as(code)" if as_code else None,
        reason=CAPACITY_AS_CODE if as_code else None,
        group="Location:supported-capacity",
    )


def _price_token(id_: str, name: str, code: str, sub: str, description: str) -> RorParam:
    return RorParam(
        id_, name, code, "Organization", "token",
        f"{PRICE}.extension.where(url='{sub}').value.as(CodeableConcept)", description, group="Organization:price",
    )


ROR_PARAMS: tuple[RorParam, ...] = (
    # --- Location: supported capacity (spec §4) ---
    _capacity("ror-sp-capacity-status", "RORSPCapacityStatus", "capacity-status", "capacityStatus",
              "Paramètre de recherche pour récupérer le statut de la capacité."),
    _capacity("ror-sp-capacity-type", "RORSPCapacityType", "capacity-type", "capacityType",
              "Paramètre de recherche pour récupérer la nature de la capacité (lit ou place)."),
    _capacity("ror-sp-temporality-capacity", "RORSPTemporalityCapacity", "temporality-capacity",
              "temporalityCapacity", "Paramètre de recherche pour récupérer la temporalité de la capacité."),
    _capacity("ror-sp-gender-capacity-available", "RORSPGenderCapacityAvailable", "gender-capacity-available",
              "genderCapacityAvailable", "Paramètre de recherche pour récupérer le genre de la capacité disponible."),
    _capacity("ror-sp-capacity-closing-type", "RORSPCapacityClosingType", "capacity-closing-type",
              "capacityClosingType", "Paramètre de recherche pour récupérer le type de fermeture de la capacité."),
    _capacity("ror-sp-additional-bed-type", "RORSPAdditionalBedType", "additional-bed-type", "additionalBedType",
              "Paramètre de recherche pour récupérer le type de lit supplémentaire."),
    _capacity("ror-sp-crisis-type", "RORSPCrisisType", "crisis-type", "crisisType",
              "Paramètre de recherche pour récupérer le type de la crise"),
    _capacity("ror-sp-temporary-assignement", "RORSPTemporaryAssignement", "temporary-assignement",
              "temporaryAssignement", "Paramètre de recherche pour récupérer les affectations temporaires",
              as_code=False),
    RorParam("ror-sp-nb-capacity", "RORSPNbCapacity", "nb-capacity", "Location", "number",
             f"{CAPACITY}.extension.where(url='nbCapacity').value.as(integer)",
             "Paramètre de recherche pour récupérer le nombre de la capacité.",
             group="Location:supported-capacity"),
    RorParam("ror-sp-capacity-update-date", "RORSPCapacityUpdateDate", "capacity-update-date", "Location", "date",
             f"{CAPACITY}.extension.where(url='capacityUpdateDate').value.as(dateTime)",
             "Paramètre de recherche pour récupérer la date à jour de la capacité",
             group="Location:supported-capacity"),
    # --- Location: equipment and residential capacity ---
    RorParam("ror-sp-equipment-type", "RORSPEquipmentType", "equipment-type", "Location", "token",
             f"{EQUIPMENT}.extension.where(url='equipmentType').value.as(CodeableConcept)",
             "Paramètre de recherche pour récupérer le type d'un équipement.", group="Location:equipment"),
    RorParam("ror-sp-equipment-feature", "RORSPEquipmentFeature", "equipment-feature", "Location", "token",
             f"{EQUIPMENT}.{EQUIPMENT_LIMIT}.extension.where(url='equipmentFeature').value.as(CodeableConcept)"
             f" | Location.{EQUIPMENT_LIMIT}.extension.where(url='equipmentFeature').value.as(CodeableConcept)",
             "Paramètre de recherche pour récupérer le type de caractéristique d'un equipement.",
             published=f"Location.{EQUIPMENT_LIMIT}.extension.where(url='equipmentFeature').value.as(CodeableConcept)",
             reason=TOP_LEVEL_LIMIT, group="Location:equipment"),
    RorParam("ror-sp-limit-value", "RORSPLimitValue", "limit-value", "Location", "quantity",
             f"{EQUIPMENT}.{EQUIPMENT_LIMIT}.extension.where(url='limitValue').value.as(Quantity)"
             f" | Location.{EQUIPMENT_LIMIT}.extension.where(url='limitValue').value.as(Quantity)",
             "Paramètre de recherche pour récupérer la valeur limite (poids, taille, etc..) de l'équipement",
             published=f"Location.{EQUIPMENT_LIMIT}.extension.where(url='limitValue').value.as(Quantity)",
             reason=TOP_LEVEL_LIMIT, group="Location:equipment"),
    RorParam("ror-sp-residential-type", "RORSPResidentialType", "residential-type", "Location", "token",
             f"{RESIDENTIAL}.extension.where(url='residentialType').value.as(CodeableConcept)",
             "Paramètre de recherche pour récupérer le type d'habitation", group="Location:residential-capacity"),
    RorParam("ror-sp-residential-number", "RORSPResidentialNumber", "residential-number", "Location", "number",
             f"{RESIDENTIAL}.extension.where(url='residentialNumber').value.as(integer)",
             "Paramètre de recherche pour récupérer le nombre d'habitation", group="Location:residential-capacity"),
    # --- Location: commune ---
    RorParam("ror-sp-location-commune-cog", "RORSPLocationCommuneCOG", "commune-cog", "Location", "token",
             f"Location.extension.where(url='{SD}ror-commune-cog').value.as(CodeableConcept)",
             "Paramètre de recherche sur le code officiel géographique (cog) de la commune dans laquelle le lieu "
             "est situé"),
    RorParam("ror-sp-location-near-insee-code", "LocationNearINSEECode", "near-insee-code", "Location", "special",
             "Location.position",
             "Paramètre de recherche similaire au paramètre spécial \"near\" : la valeur `COG|distance|unité` "
             "désigne le centroïde de la commune de code COG, comparé à Location.position.",
             published=f"Location.address.extension.where(url='{IG}/structuredefinition/datatype/"
                       "fr-address-insee-code').value.as(code)",
             reason="Location data carries no address INSEE-code extension; the intended behaviour is a distance "
                    "from the centroid of the commune whose COG is given (spec §2.6.6), compared with "
                    "Location.position as `near` does."),
    # --- HealthcareService ---
    RorParam("ror-sp-healthcareservice-age-range-low", "RORHealthcareServiceAgeRangeLow", "age-range-low",
             "HealthcareService", "quantity", f"{PATIENT_TYPE}.extension.where(url = 'ageRange').value.as(Range).low",
             "Paramètre de recherche décrivant l'age minimum de la patientèle", comparators=ALL_COMPARATORS,
             group="HealthcareService:patient-type"),
    RorParam("ror-sp-healthcareservice-age-range-high", "RORHealthcareServiceAgeRangeHigh", "age-range-high",
             "HealthcareService", "quantity", f"{PATIENT_TYPE}.extension.where(url = 'ageRange').value.as(Range).high",
             "Paramètre de recherche décrivant l'age maximum de la patientèle", comparators=ALL_COMPARATORS,
             group="HealthcareService:patient-type"),
    RorParam("ror-sp-healthcareservice-patient-type", "RORHealthcareServiceSupportedPatientType", "patient-type",
             "HealthcareService", "token",
             f"HealthcareService.extension.where(url='{SD}ror-healthcareservice-patient-type')"
             ".extension.where(url='supportedPatientInfo').value.as(CodeableConcept)",
             "Paramètre de recherche décrivant le public pris en charge", group="HealthcareService:patient-type"),
    RorParam("ror-sp-healthcareservice-intervention-zone", "RORHealthcareServiceInterventionZone",
             "intervention-zone", "HealthcareService", "token",
             f"HealthcareService.extension.where(url='{SD}ror-territorial-division')"
             ".extension.where(url='codeTerritorialDivision').value.as(CodeableConcept)",
             "Paramètre de recherche décrivant la zone d'intervention"),
    RorParam("ror-sp-healthcareservice-psychiatric-sector", "RORHealthcareServicePsychiatricSector",
             "psychiatric-sector", "HealthcareService", "string",
             f"HealthcareService.extension.where(url = '{SD}ror-healthcareservice-psychiatric-sector')"
             ".value.as(string)",
             "Paramètre de recherche décrivrant le secteur psychiatrique de l'offre opérationnelle"),
    RorParam("ror-sp-healthcareservice-notavailable-closing-reopeningdate",
             "RORSPHealthcareServiceNotAvailableClosingReopeningDate", "notavailable-closing-reopeningdate",
             "HealthcareService", "date", "HealthcareService.notAvailable.where(id='closingReopeningDate').during",
             "Paramètre de recherche pour rechercher la date dans la période de fermeture (during.start) et de "
             "réouverture prévisionnelle (during.end).", comparators=ALL_COMPARATORS),
    RorParam("ror-sp-healthcareservice-equipment-type", "RORHealthcareServiceEquipmentType", "equipment-type",
             "HealthcareService", "token",
             "HealthcareService.extension.where(url = 'http://interop.esante.gouv.fr/ig/fhir/ror30/"
             "StructureDefinition/ror-healthcareservice-equipement').extension.where(url = 'equipmentType')"
             ".value.as(CodeableConcept)",
             "Paramètre de recherche décrivant le type d'équipement de l'offre opérationnelle. Vestigial: the "
             "extension it reads is not in the 0.7.0 profile (spec §2.6.7), so it matches nothing; equipment is "
             "searched with location.equipment-type."),
    RorParam("ror-sp-healthcareservice-specific-competence", "RORHealthcareServiceSpecificCompetence",
             "specific-competence", "HealthcareService", "token",
             "HealthcareService.characteristic.where(coding.system = 'https://mos.esante.gouv.fr/NOS/"
             "TRE_R243-CompetenceSpecifique/FHIR/TRE-R243-CompetenceSpecifique')",
             "Paramètre de recherche permettant de pointer sur la compétence spécifique",
             published=f"HealthcareService.extension.where(url='{IG}30/StructureDefinition/ror-specific-competence')"
                       ".valueCode",
             reason="The published (FSH-only) expression reads a ror30 extension absent from the 0.7.0 profile; "
                    "competenceSpecifique is the characteristic slice coded in TRE_R243 (spec §1.3)."),
    # --- Organization ---
    RorParam("ror-sp-organization-closing-type", "ROROrganizationClosingType", "closing-type", "Organization",
             "token",
             f"Organization.extension.where(url='{SD}ror-organization-closing-type').value.as(CodeableConcept)",
             "Paramètre de recherche décrivant le type de fermeture de l'entité géographique, au sens des règles "
             "de gestion du SI FINESS"),
    RorParam("ror-sp-organization-drop-zone", "RORSPOrganizationDropZone", "drop-zone", "Organization", "token",
             f"Organization.extension.where(url='{SD}ror-organization-drop-zone').value.as(boolean)",
             "Paramètre de recherche permettant d'indiquer s'il y a une zone poser sur le site concerné"),
    RorParam("ror-sp-organization-period-end", "ROROrganizationPeriodEnd", "period-end", "Organization", "date",
             "Organization.extension.where(url='http://hl7.org/fhir/StructureDefinition/organization-period')"
             ".value.as(Period).end",
             "Paramètre de recherche décrivant la date de fermeture de l'entité géographique"),
    RorParam("ror-sp-organization-oi-name", "RORSPOrganizationOIName", "oi-name", "Organization", "string",
             f"Organization.extension.where(url='{SD}ror-organization-oi-name').value.as(string)",
             "Paramètre de recherche sur le nom de l'organisation interne (legacy: not in the server "
             "CapabilityStatement)"),
    RorParam("ror-sp-organization-price-amount-value", "RORSPOrganizationPriceAmountValue", "price-amount-value",
             "Organization", "number", f"{PRICE}.extension.where(url='amount').value.as(Money).value",
             "Paramètre de recherche sur la valeur du tarif des prestations et services",
             published_code="amount-value",
             reason="Published with code amount-value while the CapabilityStatement and the documentation use "
                    "price-amount-value (spec §2.6.4): both codes are accepted.",
             group="Organization:price"),
    RorParam("ror-sp-organization-price-amount-currency", "RORSPOrganizationPriceAmountCurrency",
             "price-amount-currency", "Organization", "token",
             f"{PRICE}.extension.where(url='amount').value.as(Money).currency",
             "Paramètre de recherche sur la devise du tarif des prestations et services", group="Organization:price"),
    _price_token("ror-sp-organization-price-dependency-level", "RORSPOrganizationPriceDependencyLevel",
                 "price-dependency-level", "dependencyLevel",
                 "Paramètre de recherche sur le groupe tarifaire de dépendance (GIR) du tarif"),
    _price_token("ror-sp-organization-price-residential-type", "RORSPOrganizationPriceResidentialType",
                 "price-residential-type", "residentialType",
                 "Paramètre de recherche sur le type d'habitation auquel s'applique le tarif"),
    _price_token("ror-sp-organization-price-type", "RORSPOrganizationPriceType", "price-type", "priceType",
                 "Paramètre de recherche sur le type de tarif"),
    _price_token("ror-sp-organization-price-unit", "RORSPOrganizationPriceUnit", "price-unit", "priceUnit",
                 "Paramètre de recherche sur l'unité de prix du tarif"),
    _price_token("ror-sp-organization-price-welcome-type", "RORSPOrganizationPriceWelcomeType",
                 "price-welcome-type", "welcomeType",
                 "Paramètre de recherche décrivant si le tarif s'applique à un hébergement permanent ou à un "
                 "hébergement temporaire"),
    RorParam("ror-sp-organization-special-price", "RORSPOrganizationPriceSpecialPrice", "special-price",
             "Organization", "token", f"{PRICE}.extension.where(url='specialPrice').value.as(CodeableConcept)",
             "Paramètre de recherche sur la condition tarifaire",
             published=f"{PRICE}.extension.where(url='dependencyLevel').value.as(CodeableConcept)",
             reason="The published expression reads dependencyLevel (copy of price-dependency-level); the "
                    "condition tarifaire is the specialPrice sub-extension (spec §2.6.2).",
             group="Organization:price"),
    RorParam("ror-sp-organization-price-validity-start-date", "RORSPOrganizationPriceValidityStartDate",
             "price-validity-start-date", "Organization", "date",
             f"{PRICE}.extension.where(url='startDate').value",
             "Paramètre de recherche sur la dernière date de début de validité du tarif indiqué",
             published=f"Organization.extension.where(url='{SD}ror-organization').extension.where(url='startDate')"
                       ".value.as(date)",
             reason="The published expression reads a non-existent ror-organization extension and casts to date; "
                    "startDate is a dateTime sub-extension of ror-organization-price (spec §2.6.3).",
             group="Organization:price"),
    # --- Questionnaire ---
    RorParam("ror-sp-questionnaire-category-eg", "RORSPQuestionnaireCategoryEG", "category-eg", "Questionnaire",
             "token",
             "Questionnaire.useContext.where(code.code = 'EG').value.as(CodeableConcept)",
             "Catégorie d'établissement (TRE_R66) du contexte d'usage d'un modèle de saisie. The published "
             "definition could not be consulted: the expression follows the useContext slice catEG of the "
             "ROR questionnaires (code TRE_R67#EG, value TRE_R66)."),
)

SERVER_PARAMS: tuple[dict[str, Any], ...] = (
    {
        "resourceType": "SearchParameter",
        "id": "Resource-content",
        "url": f"{SERVER_SP}Resource-content",
        "name": "_content",
        "status": "active",
        "derivedFrom": "http://hl7.org/fhir/SearchParameter/Resource-content",
        "description": "Full text: every human-readable string of the resource, folded (accents, case) into "
                       "words; a value matches a word prefix.",
        "code": "_content",
        "base": ["Resource"],
        "type": "special",
        "expression": "Resource",
    },
    {
        "resourceType": "SearchParameter",
        "id": "DomainResource-text",
        "url": f"{SERVER_SP}DomainResource-text",
        "name": "_text",
        "status": "active",
        "derivedFrom": "http://hl7.org/fhir/SearchParameter/DomainResource-text",
        "description": "The narrative (text.div) stripped of its markup, folded (accents, case) into words; "
                       "a value matches a word prefix.",
        "code": "_text",
        "base": ["DomainResource"],
        "type": "special",
        "expression": "DomainResource.text.div",
    },
)


def _resource(param: RorParam) -> dict[str, Any]:
    description = param.description
    extensions: list[dict[str, Any]] = []
    if param.reason:
        description += f" — Correction (ROR server): {param.reason}"
    if param.published:
        extensions.append({"url": f"{SERVER_SD}published-expression", "valueString": param.published})
    if param.published_code:
        extensions.append({"url": f"{SERVER_SD}published-code", "valueCode": param.published_code})
    if param.group:
        extensions.append({"url": f"{SERVER_SD}correlation-group", "valueString": param.group})
    resource: dict[str, Any] = {"resourceType": "SearchParameter", "id": param.id}
    if extensions:
        resource["extension"] = extensions
    resource.update({
        "url": f"{IG}/SearchParameter/{param.id}",
        "version": "0.7.0",
        "name": param.name,
        "status": "active",
        "publisher": "ANS",
        "description": description,
        "code": param.code,
        "base": [param.base],
        "type": param.type,
        "expression": param.expression,
    })
    if param.comparators:
        resource["comparator"] = list(param.comparators)
    return resource


def ror_search_parameters() -> list[dict[str, Any]]:
    """The SearchParameter resources: ROR ones (by id) then the server's own overrides."""
    return [*sorted((_resource(param) for param in ROR_PARAMS), key=lambda sp: sp["id"]), *SERVER_PARAMS]
