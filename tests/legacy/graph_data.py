"""A small but complete FHIR graph of one establishment, exercising every mapped field.

EJ ``ej1`` <- EG ``eg1`` <- pôle ``oi1`` <- UF ``oi2`` <- MCO offer ``hcs-mco`` (place ``loc1``, professional
``role1``); the MS offer ``hcs-ms`` and the ambulatory offer ``hcs-ville`` hang directly off the EG; a second
EG ``eg2`` of the same EJ has no offer. Builders return fresh dicts so tests may mutate them.
"""

from __future__ import annotations

from typing import Any

from mappings import fhir

Resource = dict[str, Any]

SD = fhir.SD
CREATED = "2021-01-07T16:17:29+01:00"
UPDATED = "2024-03-01T10:00:00+01:00"


def cc(system: str, code: str, display: str | None = None) -> Resource:
    return fhir.concept(fhir.coding(system, code, display))


def ext(url: str, kind: str, value: Any) -> Resource:
    return fhir.make_ext(url, kind, value)


def meta(updated: str = UPDATED, region: str = "11") -> Resource:
    return {"lastUpdated": updated, "tag": [{"system": fhir.REGION, "code": region}]}


def telecom(channel: str, value: str, level: str, system: str, usage: str | None = None) -> Resource:
    extensions = [
        ext(fhir.EXT_TELECOM_CHANNEL, "CodeableConcept", cc(fhir.CHANNEL, channel)),
        ext(fhir.EXT_TELECOM_CONFIDENTIALITY, "CodeableConcept", cc(fhir.CONFIDENTIALITY, level)),
    ]
    if usage:
        extensions.append(ext(fhir.EXT_TELECOM_USAGE, "String", usage))
    return {"extension": extensions, "system": system, "value": value}


def org_contact(nature: str, level: str, telecoms: list[Resource], name: str | None = None) -> Resource:
    contact: Resource = {
        "extension": [ext(fhir.EXT_CONTACT_CONFIDENTIALITY, "CodeableConcept", cc(fhir.CONFIDENTIALITY, level))],
        "purpose": cc(fhir.CONTACT_NATURE, nature),
        "telecom": telecoms,
    }
    if name:
        contact["name"] = {"text": name}
        contact["extension"].append(ext(fhir.EXT_CONTACT_DESCRIPTION, "String", f"Contact {name}"))
        contact["extension"].append(
            ext(fhir.EXT_CONTACT_FUNCTION, "CodeableConcept", cc(fhir.tre("R251-FonctionContact"), "01"))
        )
    return contact


def address(line: str, number: str, street_type: str, street: str, postal: str, city: str) -> Resource:
    return {
        "line": [line],
        "_line": [
            {
                "extension": [
                    ext(fhir.ADXP + "houseNumber", "String", number),
                    ext(fhir.ADXP + "streetNameType", "String", street_type),
                    ext(fhir.ADXP + "streetNameBase", "String", street),
                ]
            }
        ],
        "city": city,
        "postalCode": postal,
    }


def common(resource_type: str, resource_id: str, profile: str) -> Resource:
    return {
        "resourceType": resource_type,
        "id": resource_id,
        "meta": {**meta(), "profile": [profile]},
        "extension": [ext(fhir.EXT_CREATION_DATE, "DateTime", CREATED)],
    }


def ej() -> Resource:
    org = common("Organization", "ej1", fhir.PROFILE_ORGANIZATION)
    org["extension"] += [
        ext(fhir.EXT_ORG_CREATION_DATE, "Date", "1990-05-01"),
        ext(fhir.EXT_META_COMMENT, "String", "EJ de test"),
    ]
    org["identifier"] = [
        {"type": cc(fhir.ID_STRUCTURE_TYPE, "40"), "system": fhir.IDNAT_STRUCT_SYSTEM, "value": "2921317258"},
        {"type": cc(fhir.ID_STRUCTURE_TYPE, "2"), "system": fhir.SIRENE_SYSTEM, "value": "921317258"},
    ]
    org["type"] = [
        cc(fhir.tre("R72-FinessStatutJuridique"), "72"),
        cc(fhir.tre("R69-FinessAgregatStatutJuridiqueNiv2"), "2200"),
    ]
    org["name"] = "Quiétude"
    org["_name"] = {"extension": [ext(fhir.EXT_ADDITIONAL_NAME, "String", "Groupe Quiétude")]}
    org["address"] = [address("103 rue des Bourguignons", "103", "rue", "des Bourguignons", "92270", "BOIS-COLOMBES")]
    org["address"][0]["extension"] = [
        ext(fhir.EXT_ADDRESS_INSEE, "Coding", fhir.coding(fhir.COMMUNE, "92009")),
        {
            "url": fhir.EXT_GEOLOCATION,
            "extension": [
                ext("latitude", "Decimal", 48.9181),
                ext("longitude", "Decimal", 2.2686),
                ext(fhir.EXT_CONFIDENCE_GEOLOCATION, "Boolean", True),
            ],
        },
    ]
    org["contact"] = [org_contact("10", "2", [telecom("2", "+33 1 00 00 00 01", "2", "phone")], name="Direction")]
    return org


def eg(org_id: str = "eg1", idnat: str = "1920000018") -> Resource:
    org = common("Organization", org_id, fhir.PROFILE_ORGANIZATION)
    price_base = {
        "url": fhir.EXT_PRICE,
        "extension": [
            ext("priceType", "CodeableConcept", cc(fhir.tre("R246-TypeTarif"), "02")),
            ext("priceUnit", "CodeableConcept", cc(fhir.tre("R228-UnitePrix"), "01")),
            ext("amount", "Money", {"value": 72.5, "currency": "EUR"}),
            ext("startDate", "DateTime", "2024-01-01"),
            ext("under60", "Boolean", False),
            ext("deliveryIncluded", "CodeableConcept", cc(fhir.tre("R206-TypeContact"), "01")),
            ext("othersDeliveryIncluded", "String", "Blanchisserie"),
            ext("residentialType", "CodeableConcept", cc(fhir.tre("R242-TypeHabitation"), "03")),
            ext("welcomeType", "CodeableConcept", cc(fhir.tre("R240-TemporaliteAccueil"), "02")),
        ],
    }
    price_dependency = {
        "url": fhir.EXT_PRICE,
        "extension": [
            ext("priceType", "CodeableConcept", cc(fhir.tre("R246-TypeTarif"), "03")),
            ext("priceUnit", "CodeableConcept", cc(fhir.tre("R228-UnitePrix"), "01")),
            ext("amount", "Money", {"value": 21.0, "currency": "EUR"}),
            ext("dependencyLevel", "CodeableConcept", cc(fhir.tre("R237-GroupeTarifaireDependance"), "02")),
            ext("welcomeType", "CodeableConcept", cc(fhir.tre("R240-TemporaliteAccueil"), "02")),
        ],
    }
    territory = {
        "url": fhir.EXT_TERRITORIAL_DIVISION,
        "extension": [
            ext("typeTerritorialDivision", "CodeableConcept", cc(fhir.tre("R201-TypeDivisionTerritoriale"), "4")),
            ext("codeTerritorialDivision", "CodeableConcept", cc(fhir.jdv("J249-TerritoireSante-ROR"), "1101")),
        ],
    }
    org["extension"] += [
        price_base,
        price_dependency,
        territory,
        ext(fhir.EXT_FINANCIAL_HELP, "CodeableConcept", cc(fhir.tre("R241-AideFinanciere"), "02")),
        ext(fhir.EXT_ACCOMODATION_FAMILY, "Boolean", False),
        ext(fhir.EXT_NB_TEMPORARY_SOCIAL, "Integer", 2),
        ext(fhir.EXT_NB_PERMANENT_SOCIAL, "Integer", 10),
        ext(fhir.EXT_DROP_ZONE, "Boolean", True),
        ext(fhir.EXT_ORSAN, "CodeableConcept", cc(fhir.jdv("J204-NiveauRecoursORSAN-ROR"), "1")),
        ext(fhir.EXT_ACCESSIBILITY, "CodeableConcept", cc(fhir.tre("R202-AccessibiliteLieu"), "01")),
    ]
    org["identifier"] = [
        {"type": cc(fhir.ID_STRUCTURE_TYPE, "40"), "system": fhir.IDNAT_STRUCT_SYSTEM, "value": idnat},
        {"type": cc(fhir.ID_STRUCTURE_TYPE, "1"), "system": fhir.FINESS_SYSTEM, "value": idnat[1:]},
        {"type": cc(fhir.ID_STRUCTURE_TYPE, "3"), "system": fhir.SIRENE_SYSTEM, "value": "92131725800020"},
    ]
    org["type"] = [cc(fhir.tre("R66-CategorieEtablissement"), "355"), cc(fhir.tre("R73-ESPIC"), "1")]
    org["name"] = f"Centre {org_id.upper()}"
    org["alias"] = [f"Le centre {org_id}"]
    org["partOf"] = {"reference": "Organization/ej1"}
    org["address"] = [address("45 rue du général Leclerc", "45", "rue", "du général Leclerc", "92270", "BOIS-COLOMBES")]
    org["address"][0]["extension"] = [ext(fhir.EXT_ADDRESS_INSEE, "Coding", fhir.coding(fhir.COMMUNE, "92009"))]
    org["contact"] = [
        org_contact(
            "06", "1", [telecom("2", "01 01 01 01 01", "1", "phone"), telecom("3", "accueil@eg.fr", "1", "email")]
        ),
        org_contact("08", "3", [telecom("8", "06 00 00 00 99", "3", "phone", usage="Alerte")]),
    ]
    return org


def internal(org_id: str, parent: str, kind: str, oi_id: str) -> Resource:
    org = common("Organization", org_id, fhir.PROFILE_ORGANIZATION)
    org["extension"].append(ext(fhir.EXT_PERIOD, "Period", {"start": "2015-01-01"}))
    org["identifier"] = [{"type": cc(fhir.ID_OTHER_TYPE, "42"), "system": fhir.OI_SYSTEM, "value": oi_id}]
    org["type"] = [cc(fhir.OI_TYPE, kind)]
    org["name"] = f"OI {org_id}"
    org["partOf"] = {"reference": f"Organization/{parent}"}
    org["telecom"] = [telecom("3", f"{org_id}@mss.sante.fr", "2", "email")]
    org["contact"] = [org_contact("07", "2", [telecom("2", "01 02 03 04 05", "2", "phone")], name="Secrétariat")]
    return org


def offer_mco() -> Resource:
    hcs = common("HealthcareService", "hcs-mco", fhir.PROFILE_HEALTHCARESERVICE)
    hcs["extension"] += [
        ext(fhir.EXT_SENSITIVE_UNIT, "Boolean", False),
        {
            "url": fhir.EXT_PATIENT_TYPE,
            "extension": [
                ext("supportedPatientInfo", "CodeableConcept", cc(fhir.SUPPORTED_PATIENT, "03")),
                ext(
                    "ageRange",
                    "Range",
                    {
                        "low": {"value": 15, "system": fhir.UCUM, "code": "a"},
                        "high": {"value": 120, "system": fhir.UCUM, "code": "a"},
                    },
                ),
            ],
        },
        {
            "url": fhir.EXT_HCS_CONTACT,
            "extension": [
                ext("name", "HumanName", {"text": "Cadre de santé"}),
                ext("purposeContact", "CodeableConcept", cc(fhir.CONTACT_NATURE, "05")),
                ext("description", "String", "Cadre du service"),
                ext(fhir.EXT_CONFIDENTIALITY, "CodeableConcept", cc(fhir.CONFIDENTIALITY, "2")),
                {
                    "url": fhir.EXT_HCS_CONTACT_TELECOM,
                    "extension": [
                        ext(fhir.EXT_TELECOM_CHANNEL, "CodeableConcept", cc(fhir.CHANNEL, "2")),
                        ext(fhir.EXT_TELECOM_CONFIDENTIALITY, "CodeableConcept", cc(fhir.CONFIDENTIALITY, "2")),
                        ext("telecomAddress", "String", "0199999999"),
                    ],
                },
            ],
        },
        {
            "url": fhir.EXT_TERRITORIAL_DIVISION,
            "extension": [
                ext("typeTerritorialDivision", "CodeableConcept", cc(fhir.tre("R201-TypeDivisionTerritoriale"), "3")),
                ext("codeTerritorialDivision", "CodeableConcept", cc(fhir.COMMUNE, "92009")),
            ],
        },
        ext(fhir.EXT_PSYCHIATRIC_SECTOR, "String", "92G01"),
        ext(fhir.EXT_NO_CONSENT, "Boolean", True),
    ]
    hcs["identifier"] = [{"type": cc(fhir.ID_OFFER_TYPE, "35"), "value": "11/0000001"}]
    hcs["providedBy"] = {"reference": "Organization/oi2"}
    hcs["category"] = [cc(fhir.tre("R244-CategorieOrganisation"), "157")]
    hcs["type"] = [cc(fhir.ACTIVITY_FIELD, "01", "Médecine, Chirurgie, Obstétrique (MCO)")]
    hcs["specialty"] = [
        cc(fhir.OPERATIONAL_ACTIVITY, "022", "Chirurgie gynécologique"),
        cc(fhir.tre("R265-PrestationPilotageSerafin"), "2.1.1.1"),
    ]
    hcs["location"] = [{"reference": "Location/loc1"}]
    hcs["name"] = "Chirurgie gynécologique - HC"
    hcs["comment"] = "Offre de test"
    hcs["telecom"] = [telecom("3", "chir@mss.sante.fr", "2", "email")]
    act = {"extension": [ext(fhir.EXT_ACT_TYPE, "Code", "specificAct")], **cc(fhir.tre("R210-ActeSpecifique"), "0101")}
    outside = {
        "extension": [ext(fhir.EXT_ACT_TYPE, "Code", "outsideOfficeAct")],
        **cc(fhir.tre("R210-ActeSpecifique"), "0202"),
    }
    hcs["characteristic"] = [
        cc(fhir.CARE_MODE, "07", "Hospitalisation complète"),
        cc(fhir.tre("R240-TemporaliteAccueil"), "02"),
        cc(fhir.tre("R338-ModaliteAccueil"), "01"),
        cc(fhir.tre("R236-ModeGestion"), "02"),
        act,
        outside,
        cc(fhir.tre("R245-SpecialisationDePriseEnCharge"), "03"),
        cc(fhir.tre("R238-OuvertureAnnuelle"), "02"),
        cc(fhir.tre("G15-ProfessionSante"), "60"),
        cc(fhir.tre("R243-CompetenceSpecifique"), "05"),
        cc(fhir.tre("R253-TypeMaternite"), "04"),
        cc(fhir.tre("R286-TypeFermeture"), "PRO"),
    ]
    hcs["availableTime"] = [
        {
            "extension": [
                ext(fhir.EXT_TIME_DAY_NUMBER, "Integer", day),
                ext(fhir.EXT_TIME_EFFECTIVE, "Period", {"start": "2025-04-08"}),
                ext(fhir.EXT_TIME_TYPE, "CodeableConcept", cc(fhir.tre("R252-TypeHoraire"), "01")),
            ],
            "daysOfWeek": [name],
            "availableStartTime": "08:00:00",
            "availableEndTime": "18:30:00",
        }
        for day, name in ((1, "mon"), (7, "sun"))
    ]
    hcs["notAvailable"] = [
        {
            "id": "closingReopeningDate",
            "description": "Période de fermeture et de réouverture prévisionnelle",
            "during": {"start": "2026-07-01", "end": "2026-08-31"},
        }
    ]
    return hcs


def simple_offer(hcs_id: str, provider: str, field: str, patients: list[str], care_mode: str) -> Resource:
    hcs = common("HealthcareService", hcs_id, fhir.PROFILE_HEALTHCARESERVICE)
    hcs["extension"] += [
        ext(fhir.EXT_SENSITIVE_UNIT, "Boolean", False),
        {
            "url": fhir.EXT_PATIENT_TYPE,
            "extension": [
                *(ext("supportedPatientInfo", "CodeableConcept", cc(fhir.SUPPORTED_PATIENT, p)) for p in patients),
                ext(
                    "ageRange",
                    "Range",
                    {
                        "low": {"value": 0, "system": fhir.UCUM, "code": "a"},
                        "high": {"value": 150, "system": fhir.UCUM, "code": "a"},
                    },
                ),
            ],
        },
    ]
    hcs["identifier"] = [{"type": cc(fhir.ID_OFFER_TYPE, "35"), "value": f"11/{hcs_id}"}]
    hcs["providedBy"] = {"reference": f"Organization/{provider}"}
    hcs["type"] = [cc(fhir.ACTIVITY_FIELD, field)]
    hcs["specialty"] = [cc(fhir.OPERATIONAL_ACTIVITY, "261")]
    hcs["name"] = f"Offre {hcs_id}"
    hcs["characteristic"] = [cc(fhir.CARE_MODE, care_mode)]
    return hcs


def capacity(nature: str, status: str, temporality: str, number: int, assignment: str = "01") -> Resource:
    return {
        "url": fhir.EXT_SUPPORTED_CAPACITY,
        "extension": [
            ext("capacityType", "CodeableConcept", cc(fhir.CAPACITY_NATURE, nature)),
            ext("capacityStatus", "CodeableConcept", cc(fhir.CAPACITY_STATUS, status)),
            ext("temporalityCapacity", "CodeableConcept", cc(fhir.CAPACITY_TEMPORALITY, temporality)),
            ext("nbCapacity", "Integer", number),
            ext("capacitySourceType", "CodeableConcept", cc(fhir.CAPACITY_SOURCE, "01")),
            ext("capacityUpdateDate", "DateTime", "2024-02-29T08:00:00+01:00"),
            ext("temporaryAssignement", "CodeableConcept", cc(fhir.TEMPORARY_ASSIGNMENT, assignment)),
        ],
    }


def location() -> Resource:
    loc = common("Location", "loc1", fhir.PROFILE_LOCATION)
    female = capacity("01", "02", "01", 3)
    female["extension"].insert(
        6, ext("genderCapacityAvailable", "CodeableConcept", cc(fhir.tre("R332-GenreCapacite"), "01"))
    )
    loc["extension"] += [
        ext(fhir.EXT_COMMUNE_COG, "CodeableConcept", cc(fhir.COMMUNE, "92009")),
        capacity("01", "01", "01", 26),
        female,
        capacity("01", "06", "01", 4),
        capacity("01", "06", "02", 6),
        capacity("02", "01", "01", 5, assignment="02"),
        {
            "url": fhir.EXT_EQUIPMENT,
            "extension": [
                ext("equipmentType", "CodeableConcept", cc(fhir.tre("R212-Equipement"), "089")),
                ext("nbInService", "Integer", 2),
                {
                    "url": fhir.EXT_EQUIPMENT_LIMIT,
                    "extension": [
                        ext(
                            "equipmentFeature",
                            "CodeableConcept",
                            cc(fhir.tre("R340-TypeCaracteristiqueEquipement"), "001"),
                        ),
                        ext("limitValue", "Quantity", {"value": 300, "system": fhir.UCUM, "code": "kg"}),
                    ],
                },
            ],
        },
        {
            "url": fhir.EXT_RESIDENTIAL_CAPACITY,
            "extension": [
                ext("residentialType", "CodeableConcept", cc(fhir.tre("R242-TypeHabitation"), "02")),
                ext("residentialNumber", "Integer", 6),
            ],
        },
    ]
    loc["identifier"] = [
        {"type": cc(fhir.ID_RESOURCE_TYPE, "25"), "value": "11/192675"},
        {"type": cc(fhir.ID_RESOURCE_TYPE, "26"), "value": "1920000018/CHIR01"},
    ]
    loc["alias"] = ["Zone chirurgie"]
    loc["name"] = "Bâtiment A"
    loc["description"] = "Entrée rue Leclerc"
    loc["operationalStatus"] = fhir.coding(fhir.LOCATION_STATUS, "3")
    loc["type"] = [cc(fhir.tre("R343-FonctionLieu"), "001")]
    loc["telecom"] = [telecom("2", "01 09 09 09 09", "1", "phone")]
    loc["address"] = address("45 rue du général Leclerc", "45", "rue", "du général Leclerc", "92270", "BOIS-COLOMBES")
    loc["position"] = {
        "extension": [ext(fhir.EXT_COORDINATE_RELIABILITY, "Boolean", True)],
        "longitude": 2.2686,
        "latitude": 48.9181,
    }
    return loc


def practitioner() -> Resource:
    person = common("Practitioner", "pr1", fhir.PROFILE_PRACTITIONER)
    person["identifier"] = [{"system": fhir.IDNAT_PS_SYSTEM, "value": "810001234567"}]
    person["name"] = [{"family": "MARTIN", "given": ["Claire"]}]
    person["telecom"] = [telecom("3", "claire.martin@mss.sante.fr", "2", "email")]
    return person


def role() -> Resource:
    situation = common("PractitionerRole", "role1", fhir.PROFILE_PRACTITIONERROLE)
    situation["extension"] += [
        ext(fhir.EXT_UNIT_EXERCISE_MODE, "CodeableConcept", cc(fhir.tre("R23-ModeExercice"), "S")),
        {
            "url": fhir.EXT_PRACTITIONERROLE_NAME,
            "extension": [
                ext("exerciseLastName", "String", "MARTIN"),
                ext("exerciseFirstName", "String", "Claire"),
                ext("exerciseTitle", "CodeableConcept", cc(fhir.tre("R11-CiviliteExercice"), "DR")),
            ],
        },
        ext(fhir.EXT_CONTRACTED, "CodeableConcept", cc(fhir.tre("R282-CNAMAmeliSecteurConventionnement"), "1")),
        ext(fhir.EXT_HAS_CAS, "Boolean", False),
        ext(fhir.EXT_VITALE_ACCEPTED, "Boolean", True),
    ]
    situation["practitioner"] = {"reference": "Practitioner/pr1"}
    situation["healthcareService"] = [{"reference": "HealthcareService/hcs-mco"}]
    situation["organization"] = {"reference": "Organization/eg1"}
    situation["code"] = [cc(fhir.tre("G15-ProfessionSante"), "10")]
    situation["specialty"] = [
        cc(fhir.SAVOIR_FAIRE_TYPE, "S"),
        cc(fhir.tre("R38-SpecialiteOrdinale"), "SM26"),
        cc(fhir.tre("R243-CompetenceSpecifique"), "05"),
    ]
    situation["telecom"] = [telecom("2", "01 44 44 44 44", "2", "phone")]
    situation["availableTime"] = [
        {
            "extension": [
                ext(fhir.EXT_TIME_DAY_NUMBER, "Integer", 3),
                ext(fhir.EXT_TIME_EFFECTIVE, "Period", {"start": "2024-01-01", "end": "2024-12-31"}),
            ],
            "daysOfWeek": ["wed"],
            "availableStartTime": "09:00:00",
            "availableEndTime": "12:00:00",
        }
    ]
    return situation


def establishment() -> list[Resource]:
    """All resources of the test establishment (EJ first)."""
    return [
        ej(),
        eg(),
        eg("eg2", "1920000026"),
        internal("oi1", "eg1", "1", "11/1001"),
        internal("oi2", "oi1", "3", "11/1002"),
        offer_mco(),
        simple_offer("hcs-ms", "eg1", "04", ["01", "02"], "46"),
        simple_offer("hcs-ville", "eg1", "05", [], "032"),
        location(),
        practitioner(),
        role(),
    ]
