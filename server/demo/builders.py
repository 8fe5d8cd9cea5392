"""Builders of ROR-shaped FHIR resources (JSON dicts), for demo and test data.

Each builder returns a plain resource dict shaped like the ANS examples
(``shared/ror-examples``) and the profiles of ``spec/ror-fhir-api.md`` §1:
region tag and ``ror-meta-creation-date`` on every resource, NOS codings with
their displays, telecom/contact extensions, capacity/equipment/price
extensions. Displays come from the NOS files (:class:`NosCodes`), so a code
that NOS does not know fails at build time unless a display is given.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from server.demo.communes import Commune
from server.demo.nos_codes import NosCodes, tre_system

Json = dict[str, Any]

SD = "https://interop.esante.gouv.fr/ig/fhir/ror/StructureDefinition/"
ADXP = "http://hl7.org/fhir/StructureDefinition/iso21090-ADXP-"
UCUM = "http://unitsofmeasure.org"
IDNATST_SYSTEM = "urn:oid:1.2.250.1.71.4.2.2"
IDNATPS_SYSTEM = "urn:oid:1.2.250.1.71.4.2.1"
FINESS_SYSTEM = "http://finess.esante.gouv.fr"
SIRENE_SYSTEM = "http://sirene.fr"
OI_SYSTEM = "https://oi.esante.gouv.fr"
INSEE_CODE_EXTENSION = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code"
ACT_TYPE_SYSTEM = "https://interop.esante.gouv.fr/ig/fhir/ror/CodeSystem/act-type-ror-codesystem"
INPUT_TASK_SYSTEM = "https://interop.esante.gouv.fr/ig/fhir/ror/CodeSystem/input-task-ror-codesystem"

#: Short key -> NOS code system name (``TRE_<name>``).
TRE: dict[str, str] = {
    key.split("-")[0]: key
    for key in (
        "G07-TypeIdentifiantStructure", "G08-TypeIdentifiantPersonne", "G15-ProfessionSante",
        "R04-TypeSavoirFaire", "R11-CiviliteExercice", "R13-CommuneOM", "R23-ModeExercice", "R30-RegionOM",
        "R38-SpecialiteOrdinale", "R66-CategorieEtablissement", "R67-TypeStructure-EJ-EG",
        "R69-FinessAgregatStatutJuridiqueNiv2", "R72-FinessStatutJuridique", "R200-CanalCommunication",
        "R201-TypeDivisionTerritoriale", "R203-StatutLieu", "R207-TypeOrganisationInterne",
        "R210-ActeSpecifique", "R211-ActiviteOperationnelle", "R212-Equipement", "R213-ModePriseEnCharge",
        "R227-ChampActivite", "R228-UnitePrix", "R237-GroupeTarifaireDependance", "R238-OuvertureAnnuelle",
        "R239-PublicPrisEnCharge", "R240-TemporaliteAccueil", "R241-AideFinanciere", "R242-TypeHabitation",
        "R243-CompetenceSpecifique", "R244-CategorieOrganisation", "R245-SpecialisationDePriseEnCharge",
        "R246-TypeTarif", "R247-UcumUniteMesure", "R250-ConditionTarifaire", "R251-FonctionContact",
        "R252-TypeHoraire", "R253-TypeMaternite", "R283-NiveauConfidentialite", "R287-NatureContact",
        "R329-NatureCapacite", "R330-TypeStatutCapacite", "R331-TemporaliteCapacite", "R332-GenreCapacite",
        "R333-TypeFermetureCapacite", "R334-TypeLitSupplementaire", "R335-TypeSourceCapacite",
        "R336-TypeCrise", "R337-AffectationTemporaire", "R338-ModaliteAccueil",
        "R340-TypeCaracteristiqueEquipement", "R343-FonctionLieu", "R345-TypeIdentifiantAutre",
        "R349-ActionAnomalie", "R350-ThematiqueAnomalie", "R352-StatutMetierAnomalie",
        "R354-TypeIdentifiantRessourceOperationnelle", "R355-TypeIdentifiantOffre",
    )
}

_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def system(key: str) -> str:
    """Canonical URL of the NOS code system with short key ``key`` (e.g. ``R211``)."""
    return tre_system(TRE[key])


def ref(resource_type: str, resource_id: str) -> Json:
    return {"reference": f"{resource_type}/{resource_id}"}


def ext(name: str, **value: Any) -> Json:
    """A ROR extension ``SD + name`` with one ``value[x]`` given as keyword (``valueString=...``)."""
    return {"url": SD + name, **value}


def sub(url: str, **value: Any) -> Json:
    """A sub-extension of a complex extension (relative url)."""
    return {"url": url, **value}


def kg(value: float) -> Json:
    return {"value": value, "unit": "kg", "system": UCUM, "code": "kg"}


@dataclass(frozen=True, slots=True)
class Street:
    """One address line split into its ISO 21090 parts; ``kind`` is a TRE_R35 street type code."""

    number: str
    kind: str
    name: str
    label: str

    def line(self) -> str:
        return f"{self.number} {self.label} {self.name}"


@dataclass(frozen=True, slots=True)
class Capacity:
    """One ``ror-location-supported-capacity`` indicator (codes of TRE_R329..R337)."""

    capacity_type: str
    status: str
    nb: int
    temporality: str = "01"
    gender: str | None = None
    closing_type: str | None = None
    additional_bed_type: str | None = None
    crisis_type: str | None = None
    temporary_assignment: str = "01"
    source: str = "01"
    updated: str = "2026-11-02T07:30:00+01:00"


@dataclass(frozen=True, slots=True)
class Price:
    """One ``ror-organization-price`` (codes of TRE_R246, R228, R242, R250, R240, R237)."""

    price_type: str
    amount: float
    start: str
    unit: str = "2"
    residential_type: str | None = None
    special_price: str | None = None
    welcome_type: str | None = None
    dependency_level: str | None = None


class RorFactory:
    """Builds ROR resources; ``nos`` supplies displays and ``communes`` names and centroids."""

    def __init__(self, nos: NosCodes, communes: dict[str, Commune]) -> None:
        self.nos = nos
        self.communes = communes

    # -- datatypes -------------------------------------------------------------------------------------
    def coding(self, key: str, code: str, display: str | None = None) -> Json:
        url = system(key)
        if key == "R13":
            display = display or self.communes[code].name
        return {"system": url, "code": code, "display": display or self.nos.display(url, code)}

    def cc(self, key: str, code: str, display: str | None = None) -> Json:
        return {"coding": [self.coding(key, code, display)]}

    def telecom(self, kind: str, value: str, channel: str, confidentiality: str = "1") -> Json:
        """A ContactPoint; ``kind`` is the FHIR system, ``channel`` a TRE_R200 code."""
        return {
            "extension": [
                ext("ror-telecom-communication-channel", valueCodeableConcept=self.cc("R200", channel)),
                ext("ror-telecom-confidentiality-level", valueCodeableConcept=self.cc("R283", confidentiality)),
            ],
            "system": kind,
            "value": value,
        }

    def contact(self, purpose: str, telecoms: Sequence[Json], confidentiality: str = "1") -> Json:
        return {
            "extension": [
                ext("ror-contact-confidentiality-level", valueCodeableConcept=self.cc("R283", confidentiality))
            ],
            "purpose": self.cc("R287", purpose),
            "telecom": list(telecoms),
        }

    def address(self, cog: str, postal_code: str, street: Street, city: str | None = None,
                insee_extension: bool = True) -> Json:
        commune = self.communes[cog]
        parts = [
            sub(ADXP + "houseNumber", valueString=street.number),
            sub(ADXP + "streetNameType", valueString=street.kind),
            sub(ADXP + "streetNameBase", valueString=street.name),
        ]
        address: Json = {
            "line": [street.line()],
            "_line": [{"extension": parts}],
            "city": city or commune.name,
            "postalCode": postal_code,
            "country": "FR",
        }
        if insee_extension:
            address["extension"] = [{"url": INSEE_CODE_EXTENSION, "valueCoding": self.coding("R13", cog)}]
        return address

    def available_times(self, days: Iterable[int], start: str, end: str, time_type: str = "01",
                        since: str = "2024-01-01") -> list[Json]:
        """One ``availableTime`` per ISO weekday (1 = Monday) with the three ROR extensions."""
        return [
            {
                "extension": [
                    ext("ror-available-time-type-of-time", valueCodeableConcept=self.cc("R252", time_type)),
                    ext("ror-available-time-number-days-of-week", valueInteger=day),
                    ext("ror-available-time-effective-opening-closing-date", valuePeriod={"start": since}),
                ],
                "daysOfWeek": [_DAYS[day - 1]],
                "availableStartTime": start,
                "availableEndTime": end,
            }
            for day in days
        ]

    def _resource(self, resource_type: str, resource_id: str, profile: str, region: str, created: str) -> Json:
        return {
            "resourceType": resource_type,
            "id": resource_id,
            "meta": {"profile": [SD + profile], "tag": [self.coding("R30", region)]},
            "extension": [ext("ror-meta-creation-date", valueDateTime=created)],
        }

    # -- Organization ------------------------------------------------------------------------------------
    def _structure_identifiers(self, id_nat_struct: str, finess: str | None, sirene: tuple[str, str] | None
                               ) -> list[Json]:
        identifiers = [{"use": "official", "type": self.cc("G07", "40"), "system": IDNATST_SYSTEM,
                        "value": id_nat_struct}]
        if finess:
            identifiers.append({"type": self.cc("G07", "1"), "system": FINESS_SYSTEM, "value": finess})
        if sirene:
            kind, value = sirene
            identifiers.append({"type": self.cc("G07", kind), "system": SIRENE_SYSTEM, "value": value})
        return identifiers

    def legal_entity(self, rid: str, region: str, name: str, id_nat_struct: str, *, finess: str | None,
                     siren: str, legal_status: str, status_group: str, address: Json, created: str,
                     founded: str) -> Json:
        """An EJ (entité juridique): idNatSt, FINESS EJ, SIREN, TRE_R72 and TRE_R69 types."""
        org = self._resource("Organization", rid, "ror-organization", region, created)
        org["extension"].append(ext("ror-organization-creation-date", valueDate=founded))
        org["identifier"] = self._structure_identifiers(id_nat_struct, finess, ("2", siren))
        org["active"] = True
        org["type"] = [self.cc("R72", legal_status), self.cc("R69", status_group)]
        org["name"] = name
        org["address"] = [address]
        return org

    def establishment(self, rid: str, region: str, name: str, id_nat_struct: str, *, part_of: str,
                      finess: str, siret: str, category: str, address: Json, created: str, opened: str,
                      telecoms: Sequence[Json] = (), contacts: Sequence[Json] = (), alias: str | None = None,
                      prices: Sequence[Price] = (), extensions: Sequence[Json] = ()) -> Json:
        """An EG (entité géographique) under the EJ ``part_of``, with its TRE_R66 category and prices."""
        org = self._resource("Organization", rid, "ror-organization", region, created)
        org["extension"] += [
            {"url": "http://hl7.org/fhir/StructureDefinition/organization-period", "valuePeriod": {"start": opened}},
            *extensions,
            *(self.price(price) for price in prices),
        ]
        org["identifier"] = self._structure_identifiers(id_nat_struct, finess, ("3", siret))
        org["active"] = True
        org["type"] = [self.cc("R66", category)]
        org["name"] = name
        if alias:
            org["alias"] = [alias]
        if telecoms:
            org["telecom"] = list(telecoms)
        org["address"] = [address]
        org["partOf"] = ref("Organization", part_of)
        if contacts:
            org["contact"] = list(contacts)
        return org

    def internal_organization(self, rid: str, region: str, name: str, oi_identifier: str, *, part_of: str,
                              level: str, created: str, telecoms: Sequence[Json] = ()) -> Json:
        """An OI (organisation interne); ``level`` is a TRE_R207 code (1 pôle, 2 service, 3 UF)."""
        org = self._resource("Organization", rid, "ror-organization", region, created)
        org["identifier"] = [{"type": self.cc("R345", "42"), "system": OI_SYSTEM, "value": oi_identifier}]
        org["active"] = True
        org["type"] = [self.cc("R207", level)]
        org["name"] = name
        if telecoms:
            org["telecom"] = list(telecoms)
        org["partOf"] = ref("Organization", part_of)
        return org

    def price(self, price: Price) -> Json:
        parts = [
            sub("priceType", valueCodeableConcept=self.cc("R246", price.price_type)),
            sub("priceUnit", valueCodeableConcept=self.cc("R228", price.unit)),
            sub("amount", valueMoney={"value": price.amount, "currency": "EUR"}),
            sub("startDate", valueDateTime=price.start),
        ]
        optional = (("residentialType", "R242", price.residential_type), ("specialPrice", "R250", price.special_price),
                    ("welcomeType", "R240", price.welcome_type), ("dependencyLevel", "R237", price.dependency_level))
        parts += [sub(url, valueCodeableConcept=self.cc(key, code)) for url, key, code in optional if code]
        return ext("ror-organization-price", extension=parts)

    # -- HealthcareService ---------------------------------------------------------------------------------
    def characteristic(self, key: str, code: str, display: str | None = None) -> Json:
        """A characteristic; TRE_R210 acts carry ``ror-act-type`` = specificAct."""
        concept = self.cc(key, code, display)
        if key == "R210":
            concept["extension"] = [ext("ror-act-type", valueCode="specificAct")]
        return concept

    def patient_type(self, low: int, high: int, publics: Sequence[str] = ()) -> Json:
        unit = {"system": system("R247"), "code": "a"}
        parts = [sub("supportedPatientInfo", valueCodeableConcept=self.cc("R239", code)) for code in publics]
        parts.append(sub("ageRange", valueRange={"low": {"value": low, **unit}, "high": {"value": high, **unit}}))
        return ext("ror-healthcareservice-patient-type", extension=parts)

    def intervention_zone(self, cog: str) -> Json:
        return ext("ror-territorial-division", extension=[
            sub("typeTerritorialDivision", valueCodeableConcept=self.cc("R201", "3")),
            sub("codeTerritorialDivision", valueCodeableConcept=self.cc("R13", cog)),
        ])

    def offer_contact(self, purpose: str, phone: str) -> Json:
        return ext("ror-healthcareservice-contact", extension=[
            sub("purposeContact", valueCodeableConcept=self.cc("R287", purpose)),
            ext("ror-confidentiality-level", valueCodeableConcept=self.cc("R283", "1")),
            ext("ror-healthcareservice-contact-telecom", extension=[
                ext("ror-telecom-communication-channel", valueCodeableConcept=self.cc("R200", "2")),
                ext("ror-telecom-confidentiality-level", valueCodeableConcept=self.cc("R283", "1")),
                sub("telecomAddress", valueString=phone),
            ]),
        ])

    def healthcare_service(self, rid: str, region: str, name: str, identifier: str, *, provided_by: str,
                           field: str, category: str, activities: Sequence[str], care_mode: str,
                           ages: tuple[int, int], created: str, locations: Sequence[str] = (),
                           characteristics: Sequence[tuple[str, str]] = (), publics: Sequence[str] = (),
                           zones: Sequence[str] = (), sensitive: bool = False,
                           psychiatric_sectors: Sequence[str] = (), hours: Sequence[Json] = (),
                           phone: str | None = None, template: str | None = None, comment: str | None = None,
                           displays: dict[str, str] | None = None) -> Json:
        """An offer (offre opérationnelle). ``field`` is TRE_R227, ``category`` TRE_R244, ``activities``
        TRE_R211, ``care_mode`` TRE_R213; ``characteristics`` are (key, code) pairs of other slices;
        ``displays`` supplies displays for codes NOS does not list locally (TRE_R210 acts)."""
        displays = displays or {}
        hcs = self._resource("HealthcareService", rid, "ror-healthcareservice", region, created)
        hcs["extension"] += [
            ext("ror-healthcareservice-sensitive-unit", valueBoolean=sensitive),
            self.patient_type(*ages, publics=publics),
            *(self.intervention_zone(cog) for cog in zones),
            *(ext("ror-healthcareservice-psychiatric-sector", valueString=s) for s in psychiatric_sectors),
        ]
        if phone:
            hcs["extension"].append(self.offer_contact("06", phone))
        if template:
            hcs["extension"].append(ext("ror-meta-questionnaire-used-as-a-template", valueCanonical=template))
        hcs["identifier"] = [{"type": self.cc("R355", "35"), "value": identifier}]
        hcs["providedBy"] = ref("Organization", provided_by)
        hcs["category"] = [self.cc("R244", category)]
        hcs["type"] = [self.cc("R227", field)]
        hcs["specialty"] = [self.cc("R211", code) for code in activities]
        if locations:
            hcs["location"] = [ref("Location", lid) for lid in locations]
        hcs["name"] = name
        if comment:
            hcs["comment"] = comment
        hcs["characteristic"] = [self.cc("R213", care_mode)] + [
            self.characteristic(key, code, displays.get(code)) for key, code in characteristics
        ]
        if hours:
            hcs["availableTime"] = list(hours)
        return hcs

    # -- Location ------------------------------------------------------------------------------------------
    def capacity(self, indicator: Capacity) -> Json:
        coded = (("capacityType", "R329", indicator.capacity_type), ("capacityStatus", "R330", indicator.status),
                 ("temporalityCapacity", "R331", indicator.temporality),
                 ("capacitySourceType", "R335", indicator.source),
                 ("genderCapacityAvailable", "R332", indicator.gender),
                 ("capacityClosingType", "R333", indicator.closing_type),
                 ("additionalBedType", "R334", indicator.additional_bed_type),
                 ("crisisType", "R336", indicator.crisis_type),
                 ("temporaryAssignement", "R337", indicator.temporary_assignment))
        parts = [sub("nbCapacity", valueInteger=indicator.nb),
                 sub("capacityUpdateDate", valueDateTime=indicator.updated)]
        parts += [sub(url, valueCodeableConcept=self.cc(key, code)) for url, key, code in coded if code]
        return ext("ror-location-supported-capacity", extension=parts)

    def equipment(self, code: str, in_service: int, limits: Sequence[tuple[str, Json]] = ()) -> Json:
        """``ror-location-equipment`` (TRE_R212) with nested limits (TRE_R340 feature, Quantity)."""
        parts = [sub("equipmentType", valueCodeableConcept=self.cc("R212", code)),
                 sub("nbInService", valueInteger=in_service)]
        parts += [
            ext("ror-location-equipment-limit", extension=[
                sub("equipmentFeature", valueCodeableConcept=self.cc("R340", feature)),
                sub("limitValue", valueQuantity=quantity),
            ])
            for feature, quantity in limits
        ]
        return ext("ror-location-equipment", extension=parts)

    def residential_capacity(self, residential_type: str, number: int) -> Json:
        return ext("ror-location-residential-capacity", extension=[
            sub("residentialType", valueCodeableConcept=self.cc("R242", residential_type)),
            sub("residentialNumber", valueInteger=number),
        ])

    def location(self, rid: str, region: str, name: str, *, cog: str, address: Json, created: str,
                 ror_identifier: str | None = None, sync_identifier: str | None = None,
                 status: str | None = "active", operational_status: str | None = "3",
                 lodging: bool = True, positioned: bool = True, alias: str | None = None,
                 description: str | None = None, telecoms: Sequence[Json] = (),
                 capacities: Sequence[Capacity] = (), equipments: Sequence[Json] = (),
                 residential: Sequence[Json] = (), managing_organization: str | None = None) -> Json:
        """A place (lieu de réalisation de l'offre) with its commune, identifiers (types 25 and 26),
        capacity indicators, equipment and residential capacity; the position is the commune centroid."""
        commune = self.communes[cog]
        loc = self._resource("Location", rid, "ror-location", region, created)
        loc["extension"] = [ext("ror-commune-cog", valueCodeableConcept=self.cc("R13", cog)),
                            *loc["extension"],
                            *(self.capacity(c) for c in capacities), *equipments, *residential]
        identifiers = []
        if ror_identifier:
            identifiers.append({"type": self.cc("R354", "25"), "value": ror_identifier})
        if sync_identifier:
            identifiers.append({"type": self.cc("R354", "26"), "value": sync_identifier})
        if identifiers:
            loc["identifier"] = identifiers
        if status:
            loc["status"] = status
        if operational_status:
            loc["operationalStatus"] = self.coding("R203", operational_status)
        loc["name"] = name
        if alias:
            loc["alias"] = [alias]
        if description:
            loc["description"] = description
        if lodging:
            loc["type"] = [self.cc("R343", "001")]
        if telecoms:
            loc["telecom"] = list(telecoms)
        loc["address"] = address
        if positioned and commune.lat is not None and commune.lon is not None:
            loc["position"] = {
                "extension": [ext("ror-coordinate-reliability", valueBoolean=False)],
                "longitude": commune.lon,
                "latitude": commune.lat,
            }
        if managing_organization:
            loc["managingOrganization"] = ref("Organization", managing_organization)
        return loc

    # -- professionals -------------------------------------------------------------------------------------
    def practitioner(self, rid: str, region: str, id_nat_ps: str, family: str, given: str, *, civility: str,
                     gender: str, mss: str, created: str) -> Json:
        """A professional: idNatPs (``urn:oid:1.2.250.1.71.4.2.1``), name with a TRE_R81 prefix, MSS box."""
        prac = self._resource("Practitioner", rid, "ror-practitioner", region, created)
        prac["identifier"] = [{"use": "official", "system": IDNATPS_SYSTEM, "value": id_nat_ps}]
        prac["name"] = [{"family": family, "given": [given], "prefix": [civility]}]
        prac["telecom"] = [self.telecom("email", mss, "3", "2")]
        prac["gender"] = gender
        return prac

    def practitioner_role(self, rid: str, region: str, identifier: str, *, practitioner: str, service: str,
                          profession: str, exercise_mode: str, last_name: str, first_name: str,
                          created: str, organization: str | None = None, title: str | None = None,
                          specialty: str | None = None, location: str | None = None,
                          hours: Sequence[Json] = ()) -> Json:
        """A professional situation: TRE_G15 profession, TRE_R23 exercise mode, TRE_R04/TRE_R38 specialty."""
        role = self._resource("PractitionerRole", rid, "ror-practitionerrole", region, created)
        name_parts = [sub("exerciseLastName", valueString=last_name), sub("exerciseFirstName", valueString=first_name)]
        if title:
            name_parts.insert(0, sub("exerciseTitle", valueCodeableConcept=self.cc("R11", title)))
        role["extension"] += [
            ext("ror-practitionerrole-unit-exercise-mode", valueCodeableConcept=self.cc("R23", exercise_mode)),
            ext("ror-practitionerrole-name", extension=name_parts),
        ]
        role["identifier"] = [{"type": self.cc("G08", "30"), "value": identifier}]
        role["practitioner"] = ref("Practitioner", practitioner)
        if organization:
            role["organization"] = ref("Organization", organization)
        role["code"] = [self.cc("G15", profession)]
        if specialty:
            role["specialty"] = [self.cc("R04", "S"), self.cc("R38", specialty)]
        if location:
            role["location"] = [ref("Location", location)]
        role["healthcareService"] = [ref("HealthcareService", service)]
        if hours:
            role["availableTime"] = list(hours)
        return role

    # -- Task, Questionnaire -------------------------------------------------------------------------------
    def anomaly(self, rid: str, region: str, *, focus: Json, business_status: str, topic: str, action: str,
                description: str, authored: str, modified: str, created: str, requester: str = "IHM") -> Json:
        """A data-quality anomaly (Task): TRE_R352 business status, TRE_R350 topic, TRE_R349 action."""
        task = self._resource("Task", rid, "ror-task", region, created)
        task["status"] = "completed" if business_status in {"03", "08"} else "in-progress"
        task["businessStatus"] = self.cc("R352", business_status)
        task["intent"] = "order"
        task["code"] = self.cc("R350", topic)
        task["description"] = description
        task["focus"] = focus
        task["authoredOn"] = authored
        task["lastModified"] = modified
        task["reasonCode"] = self.cc("R349", action)
        task["input"] = [{"type": {"coding": [{"system": INPUT_TASK_SYSTEM, "code": "systemRequester"}]},
                          "valueString": requester}]
        return task

    def questionnaire(self, rid: str, region: str, *, url: str, identifier: str, name: str, title: str,
                      categories: Sequence[str], field: str, items: Sequence[Json], created: str,
                      date: str) -> Json:
        """An entry template (modèle de saisie) for offers, keyed by EG categories (TRE_R66) and a field."""
        questionnaire = self._resource("Questionnaire", rid, "ror-questionnaire", region, created)
        questionnaire.update({
            "url": url,
            "identifier": [{"use": "official", "value": identifier}],
            "version": "1",
            "name": name,
            "title": title,
            "status": "active",
            "date": date,
            "publisher": "ROR - démonstration",
            "useContext": [
                *({"code": self.coding("R67", "EG"), "valueCodeableConcept": self.cc("R66", c)} for c in categories),
                {"code": {"system": "https://interop.esante.gouv.fr/ig/fhir/ror/CodeSystem/usage-context-ror-codesystem",
                          "code": "champAct"},
                 "valueCodeableConcept": self.cc("R227", field)},
            ],
            "subjectType": ["HealthcareService"],
            "item": list(items),
        })
        return questionnaire

    # -- Measure (indicateurs de pilotage, draft) -----------------------------------------------------------
    def measure(self, rid: str, region: str, *, url: str, identifier: str, name: str, title: str,
                created: str) -> Json:
        measure = self._resource("Measure", rid, "ror-measure", region, created)
        measure.update({"url": url, "identifier": [{"value": identifier}], "version": "1", "name": name,
                        "title": title, "status": "active", "scoring": {"coding": [
                            {"system": "http://terminology.hl7.org/CodeSystem/measure-scoring",
                             "code": "proportion"}]}})
        return measure

    def measure_report(self, rid: str, region: str, *, measure_url: str, date: str, period: tuple[str, str],
                       score: float, created: str) -> Json:
        report = self._resource("MeasureReport", rid, "ror-measurereport", region, created)
        report.update({"status": "complete", "type": "summary", "measure": measure_url, "date": date,
                       "period": {"start": period[0], "end": period[1]},
                       "group": [{"measureScore": {"value": score}}]})
        return report
