"""The search conformance data set (``tests/fixtures/search/dataset.json``), written by ``python -m scripts.make_demo``.

Designed so that every example request of ``spec/ror-fhir-api.md`` §4.2 and §5.1-5.10 has a non-trivial answer
with near-misses next to it (the cases are in ``search_fixture_cases.py``):

* capacity / price / equipment criteria that hold on *different* extension repetitions of one Location or
  Organization (plain FHIR semantics over-match, correlated semantics do not);
* an OI under an EG of category 189 (``organization.type:above``), an EG and its sibling EG under one EJ
  (``organization.identifier:above``), offers provided by an OI vs by the EG (``organization.type`` without
  ``:above``);
* age ranges just outside 35, postal codes starting with the queried prefix or only containing it, commune
  COG codes vs postal codes, Locations 14.6 km and 15.4 km from the reference points of ``near``;
* prices with distinct validity dates for ``_sort=-organization.price-validity-start-date``;
* anomalies (Task) in business status 02/10/08 focusing offers and an Organization.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from server.demo.builders import Capacity, Json, Price, RorFactory, Street, kg, ref

CREATED = "2024-03-12T09:15:00+01:00"
BASE = "https://ror-demo.example.org/fhir/"
Q_MCO_URL = BASE + "Questionnaire/offre-mco"
Q_CDS_URL = BASE + "Questionnaire/offre-centre-de-sante"
MEASURE_URL = BASE + "Measure/taux-occupation-lits"

# ---------------------------------------------------------------------------------------------------------------
# Organizations
# ---------------------------------------------------------------------------------------------------------------

def _legal_entities(f: RorFactory) -> list[Json]:
    rows = [
        ("ej-nantes", "52", "Centre Hospitalier Universitaire de Nantes", "440000289", "264400136", "13", "1200",
         ("44109", "44093", Street("5", "ALL", "de l'Île Gloriette", "allée"), "NANTES CEDEX 1")),
        ("ej-morlaix", "53", "Centre Hospitalier des Pays de Morlaix", "290000041", "262900012", "13", "1200",
         ("29151", "29600", Street("15", "RUE", "de Kersaint-Gilly", "rue"), None)),
        ("ej-ajoncs", "52", "Association Les Ajoncs", "440099990", "775612345", "60", "2100",
         ("44109", "44000", Street("24", "RUE", "de Strasbourg", "rue"), None)),
        ("ej-rennes", "53", "Centre Hospitalier Universitaire de Rennes", "350000741", "263500076", "13", "1200",
         ("35238", "35000", Street("2", "RUE", "Henri Le Guilloux", "rue"), None)),
        ("ej-paris", "11", "Groupe hospitalier Paris-Est", "750000019", "267500452", "13", "1200",
         ("75112", "75012", Street("45", "RUE", "de Picpus", "rue"), "Paris")),
        ("ej-rhone-enfance", "84", "Association Rhône Enfance", "690012345", "779512345", "60", "2100",
         ("69266", "69100", Street("10", "RUE", "Francis de Pressensé", "rue"), None)),
        ("ej-sante-atlantique", "52", "Association Santé Atlantique", "440077777", "812345671", "60", "2100",
         ("44143", "44400", Street("15", "RUE", "Jean Jaurès", "rue"), None)),
        ("ej-sante-provence", "93", "Association Santé Provence", "130045678", "813456782", "61", "2100",
         ("13213", "13013", Street("92", "CHE", "de Château-Gombert", "chemin"), "Marseille")),
        ("ej-sisa-berry", "24", "SISA Maison de santé du Berry", "180034567", "814567893", "80", "2200",
         ("18033", "18000", Street("8", "RUE", "Moyenne", "rue"), None)),
        ("ej-clineo", "32", "Groupe Clinéo", "600045678", "815678904", "95", "2200",
         ("60057", "60000", Street("40", "AV", "Léon Blum", "avenue"), None)),
        ("ej-bretagne-enfance", "53", "Association Bretagne Enfance", "290067890", "816789015", "60", "2100",
         ("29019", "29200", Street("25", "RUE", "de Kerbriant", "rue"), None)),
    ]
    return [
        f.legal_entity(rid, region, name, "1" + finess, finess=finess, siren=siren, legal_status=status,
                       status_group=group, address=f.address(*address), created=CREATED,
                       founded="1990-01-01")
        for rid, region, name, finess, siren, status, group, address in rows
    ]


_STANDARD_PHONE = {"52": "02 40 08 33 33", "53": "02 98 62 61 60"}

#: EHPAD price grids (Pays de la Loire). All prices of one EHPAD share their validity start date.
_EHPAD_PRICES: dict[str, list[Price]] = {
    "eg-ehpad-glycines": [
        Price("02", 68.50, "2024-01-01T00:00:00+01:00", residential_type="02", special_price="01", welcome_type="02"),
        Price("03", 7.20, "2024-01-01T00:00:00+01:00", dependency_level="02", welcome_type="02"),
    ],
    "eg-ehpad-clos-fleuri": [
        Price("02", 62.00, "2025-01-01T00:00:00+01:00", residential_type="03", special_price="03", welcome_type="02"),
        Price("03", 5.90, "2025-01-01T00:00:00+01:00", dependency_level="02", welcome_type="01"),
    ],
    "eg-ehpad-trochu": [
        Price("02", 75.00, "2023-07-01T00:00:00+02:00", residential_type="02", special_price="01", welcome_type="02"),
        Price("03", 4.50, "2023-07-01T00:00:00+02:00", dependency_level="01", welcome_type="02"),
        Price("03", 12.40, "2023-07-01T00:00:00+02:00", dependency_level="02", welcome_type="02"),
    ],
    "eg-ehpad-tilleuls": [
        Price("02", 80.00, "2024-06-01T00:00:00+02:00", residential_type="02", special_price="01", welcome_type="02"),
        Price("05", 35.00, "2024-06-01T00:00:00+02:00"),
    ],
    "eg-ehpad-bellevue": [
        Price("02", 60.00, "2022-09-01T00:00:00+02:00", residential_type="03", special_price="01", welcome_type="02"),
        Price("02", 65.00, "2022-09-01T00:00:00+02:00", residential_type="02", special_price="03", welcome_type="02"),
    ],
}


def _establishments(f: RorFactory) -> list[Json]:
    rows = [
        ("eg-nantes-hd", "52", "CHU de Nantes - Hôtel-Dieu", "ej-nantes", "440000057", "101", "Hôtel-Dieu",
         ("44109", "44000", Street("1", "PL", "Alexis-Ricordeau", "place"))),
        ("eg-nantes-laennec", "52", "Centre hospitalier universitaire de Nantes - Hôpital Nord Laennec", "ej-nantes",
         "440000065", "101", None, ("44162", "44800", Street("1", "BD", "Jacques-Monod", "boulevard"))),
        ("eg-morlaix", "53", "Centre hospitalier de Morlaix", "ej-morlaix", "290004324", "355", None,
         ("29151", "29600", Street("15", "RUE", "de Kersaint-Gilly", "rue"))),
        ("eg-ehpad-morlaix", "53", "EHPAD Ty Lann", "ej-morlaix", "290004332", "500", None,
         ("29151", "29600", Street("2", "RUE", "de Callac", "rue"))),
        ("eg-ehpad-glycines", "52", "EHPAD Les Glycines", "ej-ajoncs", "440099008", "500", None,
         ("44109", "44100", Street("18", "RUE", "des Glycines", "rue"))),
        ("eg-ehpad-clos-fleuri", "52", "EHPAD Le Clos Fleuri", "ej-ajoncs", "440099016", "500", None,
         ("44143", "44400", Street("3", "RUE", "du Clos Fleuri", "rue"))),
        ("eg-ehpad-trochu", "52", "EHPAD Résidence Trochu", "ej-ajoncs", "440099024", "500", None,
         ("44047", "44220", Street("7", "RUE", "du Général Trochu", "rue"))),
        ("eg-ehpad-tilleuls", "52", "EHPAD Les Tilleuls", "ej-ajoncs", "440099032", "500", None,
         ("44114", "44700", Street("40", "AV", "des Tilleuls", "avenue"))),
        ("eg-ehpad-bellevue", "52", "EHPAD Bellevue", "ej-ajoncs", "440099040", "500", None,
         ("44215", "44120", Street("2", "CHE", "de Bellevue", "chemin"))),
        ("eg-rennes", "53", "CHU de Rennes - Hôpital Pontchaillou", "ej-rennes", "350000758", "101", None,
         ("35238", "35000", Street("2", "RUE", "Henri Le Guilloux", "rue"))),
        ("eg-paris", "11", "Hôpital Paris-Est - site Picpus", "ej-paris", "750000001", "355", None,
         ("75112", "75012", Street("45", "RUE", "de Picpus", "rue"), "Paris")),
        ("eg-cmpp", "84", "CMPP de Villeurbanne", "ej-rhone-enfance", "690012352", "189", None,
         ("69266", "69100", Street("10", "RUE", "Francis de Pressensé", "rue"))),
        ("eg-cds-atlantique", "52", "Centre de santé Atlantique", "ej-sante-atlantique", "440077785", "124", None,
         ("44143", "44400", Street("15", "RUE", "Jean Jaurès", "rue"))),
        ("eg-cds-provence", "93", "Centre de santé Provence", "ej-sante-provence", "130045686", "124", None,
         ("13213", "13013", Street("92", "CHE", "de Château-Gombert", "chemin"), "Marseille")),
        ("eg-msp-berry", "24", "Maison de santé pluriprofessionnelle du Berry", "ej-sisa-berry", "180034575", "603",
         None, ("18033", "18000", Street("8", "RUE", "Moyenne", "rue"))),
        ("eg-clineo-beauvais", "32", "Clinique Clinéo Beauvais", "ej-clineo", "600045686", "365", None,
         ("60057", "60000", Street("40", "AV", "Léon Blum", "avenue"))),
        ("eg-clineo-havre", "28", "Clinique Clinéo Le Havre", "ej-clineo", "760045694", "365", None,
         ("76351", "76620", Street("12", "RUE", "Ernest Renan", "rue"))),
        ("eg-itep-brest", "53", "Dispositif ITEP Les Mouettes", "ej-bretagne-enfance", "290067908", "186", None,
         ("29019", "29200", Street("25", "RUE", "de Kerbriant", "rue"))),
        ("eg-ehpad-macon", "27", "EHPAD Les Vignes", "ej-ajoncs", "710099008", "500", None,
         ("71270", "71000", Street("20", "RUE", "des Vignes", "rue"))),
        ("eg-ehpad-chalon", "27", "EHPAD Saint-Vincent", "ej-ajoncs", "710099016", "500", None,
         ("71076", "71100", Street("6", "RUE", "Saint-Vincent", "rue"))),
        ("eg-ehpad-saintes", "75", "EHPAD L'Estuaire", "ej-ajoncs", "170099008", "500", None,
         ("17415", "17100", Street("14", "QU", "de l'Estuaire", "quai"))),
    ]
    return [
        f.establishment(
            rid, region, name, "1" + finess, part_of=part_of, finess=finess, siret=f"{finess}000{index:02d}",
            category=category, alias=alias, address=f.address(*address), created=CREATED, opened="2001-01-01",
            telecoms=[f.telecom("phone", _STANDARD_PHONE[region], "2")] if region in _STANDARD_PHONE else [],
            prices=_EHPAD_PRICES.get(rid, []))
        for index, (rid, region, name, part_of, finess, category, alias, address) in enumerate(rows)
    ]


def _internal_organizations(f: RorFactory) -> list[Json]:
    rows = [
        ("oi-nantes-pole-cardio", "52", "Pôle thorax et vaisseaux", "eg-nantes-hd", "1"),
        ("oi-nantes-cardio", "52", "Service de cardiologie", "oi-nantes-pole-cardio", "2"),
        ("oi-nantes-pole-neuro", "52", "Pôle neurosciences", "eg-nantes-laennec", "1"),
        ("oi-nantes-uf-usinv", "52", "UF neurologie vasculaire", "oi-nantes-pole-neuro", "3"),
        ("oi-laennec-smr", "52", "Service de médecine physique et de réadaptation", "eg-nantes-laennec", "2"),
        ("oi-morlaix-pole", "53", "Pôle médecine et réadaptation", "eg-morlaix", "1"),
        ("oi-morlaix-smr", "53", "Service de soins médicaux et de réadaptation", "oi-morlaix-pole", "2"),
        ("oi-cmpp-enfants", "84", "Service enfants et adolescents", "eg-cmpp", "2"),
    ]
    return [
        f.internal_organization(rid, region, name, f"OI-{region}-{index + 1:04d}", part_of=part_of, level=level,
                                created=CREATED)
        for index, (rid, region, name, part_of, level) in enumerate(rows)
    ]


# ---------------------------------------------------------------------------------------------------------------
# Offers
# ---------------------------------------------------------------------------------------------------------------

_ACT_DISPLAYS = {"0529": "Pose d'anneau gastrique",
                 "0530": "Gastroplastie verticale calibrée (sleeve gastrectomie)",
                 "0626": "Bilan neuro-psychologique"}


def _offers(f: RorFactory) -> list[Json]:
    offers: list[Json] = []

    def offer(rid: str, region: str, name: str, provided_by: str, field: str, category: str,
              activities: Sequence[str], care_mode: str, ages: tuple[int, int], **details: Any) -> None:
        identifier = f"{region}/{3100001 + len(offers):07d}"
        offers.append(f.healthcare_service(
            rid, region, name, identifier, provided_by=provided_by, field=field, category=category,
            activities=activities, care_mode=care_mode, ages=ages, created=CREATED, displays=_ACT_DISPLAYS,
            **details))

    adults = (18, 150)
    # Cardiology (5.3 #6 near, 5.3 #13, 5.6 full text)
    offer("hcs-cardio-nantes", "52", "Cardiologie générale - hospitalisation complète", "oi-nantes-cardio", "01",
          "149", ["013"], "28", adults, locations=["loc-nantes-cardio"], template=f"{Q_MCO_URL}|1")
    for town in ("Rezé", "Carquefou", "Grandchamp-des-Fontaines"):
        slug = town.split("-")[0].lower().replace("é", "e")
        offer(f"hcs-cardio-{slug}", "52", f"Consultations de cardiologie - {town}", "eg-cds-atlantique", "05",
              "183", ["013"], "32", (16, 150), locations=[f"loc-cds-{slug}"], template=f"{Q_CDS_URL}|1")
    # Allergology (5.3 #2)
    offer("hcs-allergo-nantes", "52", "Allergologie - consultations", "eg-nantes-hd", "01", "148", ["005"], "32",
          (0, 150))
    offer("hcs-allergo-reze", "52", "Médecine générale orientation allergologie", "eg-cds-atlantique", "05", "196",
          ["481"], "32", (0, 150), locations=["loc-cds-reze"])
    # USINV (4.2 free female bed), surveillance continue (5.4 #2), orthopaedics (5.4 #3)
    for rid, region, provider, place in (("hcs-usinv-nantes", "52", "oi-nantes-uf-usinv", "loc-usinv-nantes"),
                                         ("hcs-usinv-rennes", "53", "eg-rennes", "loc-usinv-rennes"),
                                         ("hcs-usinv-morlaix", "53", "eg-morlaix", "loc-usinv-morlaix"),
                                         ("hcs-usinv-paris", "11", "eg-paris", "140")):
        offer(rid, region, "Unité neurovasculaire - soins intensifs (USINV)", provider, "01", "263", ["356"], "28",
              adults, locations=[place])
    for rid, region, provider, place in (("hcs-scp-nantes", "52", "eg-nantes-hd", "loc-scp-nantes"),
                                         ("hcs-scp-rennes", "53", "eg-rennes", "loc-scp-rennes")):
        offer(rid, region, "Surveillance continue pédiatrique", provider, "01", "254", ["391"], "28", (0, 17),
              locations=[place])
    for rid, region, provider, place in (("hcs-ortho-nantes", "52", "eg-nantes-hd", "loc-bloc-nantes"),
                                         ("hcs-ortho-morlaix", "53", "eg-morlaix", "loc-bloc-morlaix"),
                                         ("hcs-ortho-paris", "11", "eg-paris", "141")):
        offer(rid, region, "Chirurgie orthopédique et traumatologique", provider, "01", "150", ["025"], "28", adults,
              locations=[place])
    # EHPAD with prices on their EG (5.5), in Saône-et-Loire and around (5.3 #8)
    for name, place in (("glycines", True), ("clos-fleuri", True), ("trochu", True), ("tilleuls", False),
                        ("bellevue", True)):
        offer(f"hcs-ehpad-{name}", "52", "Hébergement permanent", f"eg-ehpad-{name}", "04", "21", ["293", "287"],
              "46", (60, 150), publics=["01"], characteristics=[("R240", "02")],
              locations=[f"loc-ehpad-{name}"] if place else [])
    offer("hcs-ehpad-morlaix", "53", "Hébergement permanent", "eg-ehpad-morlaix", "04", "21", ["293"], "46",
          (60, 150), publics=["01"])
    for rid, region, provider, place, speciality in (
            ("hcs-ehpad-macon", "27", "eg-ehpad-macon", "loc-ehpad-macon", "24"),
            ("hcs-ehpad-chalon", "27", "eg-ehpad-chalon", "loc-ehpad-chalon", "28"),
            ("hcs-ehpad-saintes", "75", "eg-ehpad-saintes", "loc-ehpad-saintes", "24")):
        offer(rid, region, "Hébergement permanent - unité de vie protégée", provider, "04", "21", ["293"], "46",
              (60, 150), publics=["01"], characteristics=[("R245", speciality)], locations=[place])
    # Home help (5.3 #7)
    offer("hcs-sad-morlaix", "53", "Aide à domicile", "eg-ehpad-morlaix", "04", "30", ["293"], "49", (18, 150),
          publics=["01", "02"], zones=["29151", "29254", "29207"])
    offer("hcs-sad-soins-morlaix", "53", "Aide et soins à domicile", "eg-ehpad-morlaix", "04", "132",
          ["293", "287"], "49", (18, 150), publics=["01", "02"], zones=["29151"])
    offer("hcs-sad-taule", "53", "Aide à domicile - secteur littoral", "eg-ehpad-morlaix", "04", "30", ["293"], "49",
          (18, 150), publics=["01", "02"], zones=["29279", "29023"])
    # Child psychiatry (5.3 #1), with anomalies (5.3 #12, 5.2 #8, 5.9)
    offer("hcs-pedopsy-morlaix", "53", "CMP enfants et adolescents de Morlaix", "eg-morlaix", "03", "281", ["227"],
          "32", (0, 17), locations=["loc-morlaix-cmp"], psychiatric_sectors=["29I02"])
    offer("hcs-pedopsy-nantes", "52", "Hôpital de jour de pédopsychiatrie", "eg-nantes-hd", "03", "11", ["227"],
          "29", (3, 12))
    offer("hcs-adopsy-nantes", "52", "Unité d'hospitalisation pour adolescents", "eg-nantes-hd", "03", "282",
          ["228"], "28", (12, 17), sensitive=True)
    # Hierarchy (5.3 #5) and specific competence (5.3 #11)
    offer("hcs-cmpp-emas", "84", "Équipe mobile d'appui à la scolarisation", "oi-cmpp-enfants", "04", "140", ["300"],
          "59", (3, 18), characteristics=[("R210", "0626")])
    offer("hcs-cmpp-bilans", "84", "Consultations et bilans", "eg-cmpp", "04", "62", ["232"], "32", (0, 20),
          characteristics=[("R210", "0626"), ("R243", "05")], locations=["loc-cmpp"])
    offer("hcs-cmpp-orthophonie", "84", "Rééducation orthophonique", "eg-cmpp", "04", "62", ["200"], "32", (0, 20),
          locations=["loc-cmpp"])
    offer("hcs-morlaix-cmpp", "53", "Bilans psychologiques enfants", "eg-morlaix", "03", "62", ["232"], "32",
          (0, 17), characteristics=[("R210", "0626")])
    offer("hcs-morlaix-cmp", "53", "CMP adultes", "eg-morlaix", "03", "10", ["229"], "32", adults,
          characteristics=[("R210", "0626"), ("R245", "05")], psychiatric_sectors=["29G05"])
    # Rehabilitation and ages around 35 (5.3 #4)
    offer("hcs-smr-loco-adultes", "52", "SMR locomoteur - adultes", "oi-laennec-smr", "02", "102", ["233"], "28",
          adults, locations=["loc-smr-laennec"])
    offer("hcs-smr-loco-enfants", "52", "SMR locomoteur - enfants", "oi-laennec-smr", "02", "102", ["233"], "28",
          (0, 17))
    offer("hcs-smr-loco-35-60", "52", "SMR locomoteur - rééducation post-traumatique", "oi-laennec-smr", "02", "102",
          ["233"], "29", (35, 60))
    offer("hcs-smr-poly-16-35", "53", "SMR polyvalent - jeunes adultes", "oi-morlaix-smr", "02", "100",
          ["172", "233"], "28", (16, 35))
    offer("hcs-smr-poly-36", "53", "SMR polyvalent", "oi-morlaix-smr", "02", "100", ["233"], "28", (36, 150))
    offer("hcs-smr-poly-18-34", "53", "SMR polyvalent - hôpital de jour", "oi-morlaix-smr", "02", "100", ["233"],
          "29", (18, 34), locations=["loc-morlaix-smr"])
    offer("hcs-mpr-nantes", "52", "Plateau de rééducation à l'effort", "eg-nantes-hd", "02", "233", ["090"], "29",
          adults, locations=["loc-reeduc-nantes"])
    # Bariatric surgery (5.3 #9)
    offer("hcs-bariatric-beauvais", "32", "Chirurgie bariatrique - anneau gastrique", "eg-clineo-beauvais", "01",
          "153", ["017"], "28", adults, characteristics=[("R210", "0529")], locations=["loc-beauvais"])
    offer("hcs-bariatric-beauvais-sleeve", "32", "Chirurgie bariatrique - sleeve", "eg-clineo-beauvais", "01", "153",
          ["017"], "28", adults, characteristics=[("R210", "0530")], locations=["loc-beauvais"])
    offer("hcs-bariatric-havre", "28", "Chirurgie bariatrique", "eg-clineo-havre", "01", "153", ["017"], "28", adults,
          characteristics=[("R210", "0529")], locations=["loc-havre"])
    # General practice in four communes (5.3 #10)
    for rid, region, provider, place in (("hcs-mg-belcodene", "93", "eg-cds-provence", "loc-belcodene"),
                                         ("hcs-mg-marseille", "93", "eg-cds-provence", "loc-marseille-13"),
                                         ("hcs-mg-bourges", "24", "eg-msp-berry", "loc-bourges"),
                                         ("hcs-mg-chateauroux", "24", "eg-msp-berry", "loc-chateauroux")):
        offer(rid, region, "Médecine générale", provider, "05", "196", ["437"], "32", (0, 150), publics=["07"],
              locations=[place])
    # ITEP / IME (5.3 #3) and the Breton postal codes (5.1 #1bis)
    offer("hcs-itep-sequentiel", "53", "ITEP - accueil séquentiel", "eg-itep-brest", "04", "50", ["300"], "47",
          (6, 18), publics=["02"], characteristics=[("R338", "01")], locations=["loc-itep-brest"])
    offer("hcs-itep-internat", "53", "ITEP - internat", "eg-itep-brest", "04", "50", ["300"], "46", (6, 18),
          publics=["02"], locations=["loc-itep-saint-brieuc"])
    offer("hcs-ime-sequentiel", "53", "IME - accueil séquentiel", "eg-itep-brest", "04", "48", ["300"], "47", (6, 20),
          publics=["02"], characteristics=[("R338", "01")], locations=["loc-itep-lorient"])
    return offers


# ---------------------------------------------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------------------------------------------

BED, PLACE = "01", "02"
INSTALLED, AVAILABLE, OCCUPIED, CLOSED = "01", "02", "03", "05"
FEMALE, MALE, UNDETERMINED = "01", "02", "04"
IN_24_HOURS = "03"


def _locations(f: RorFactory) -> list[Json]:
    places: list[Json] = []

    def place(rid: str, region: str, name: str, cog: str, postal: str, street: Street, city: str | None = None,
              ror_identifier: str | None = None, **details: Any) -> None:
        identifier = ror_identifier or f"{region}/{310001 + len(places)}"
        places.append(f.location(rid, region, name, cog=cog,
                                 address=f.address(cog, postal, street, city, insee_extension=False),
                                 ror_identifier=identifier, created=CREATED, **details))

    hd = Street("1", "PL", "Alexis-Ricordeau", "place")
    laennec = Street("1", "BD", "Jacques-Monod", "boulevard")
    morlaix = Street("15", "RUE", "de Kersaint-Gilly", "rue")
    rennes = Street("2", "RUE", "Henri Le Guilloux", "rue")
    picpus = Street("45", "RUE", "de Picpus", "rue")

    place("loc-nantes-cardio", "52", "Cardiologie - hospitalisation complète, Hôtel-Dieu", "44109", "44000", hd,
          ror_identifier="52/192675", sync_identifier="1440000057/CARD-HC",
          capacities=[Capacity(BED, INSTALLED, 28), Capacity(BED, AVAILABLE, 2, gender=UNDETERMINED),
                      Capacity(BED, OCCUPIED, 26)])
    place("loc-usinv-nantes", "52", "Unité neurovasculaire - Hôpital Nord Laennec", "44162", "44800", laennec,
          ror_identifier="52/1926751", sync_identifier="1440000065/USINV",
          capacities=[Capacity(BED, INSTALLED, 12), Capacity(BED, AVAILABLE, 2, gender=FEMALE),
                      Capacity(BED, OCCUPIED, 10)])
    place("loc-scp-nantes", "52", "Surveillance continue pédiatrique - Hôpital Femme-Enfant-Adolescent", "44109",
          "44093", Street("38", "BD", "Jean-Monnet", "boulevard"), city="NANTES CEDEX 1",
          capacities=[Capacity(BED, CLOSED, 2, closing_type="01"), Capacity(BED, INSTALLED, 8),
                      Capacity(BED, OCCUPIED, 6)])
    place("loc-bloc-nantes", "52", "Bloc opératoire orthopédique et traumatologique", "44109", "44000", hd,
          capacities=[Capacity(BED, INSTALLED, 30), Capacity(BED, OCCUPIED, 30)],
          equipments=[f.equipment("088", 2, [("001", kg(300))])])
    for name, cog, postal, street, residential in (
            ("glycines", "44109", "44100", Street("18", "RUE", "des Glycines", "rue"), [("02", 80)]),
            ("clos-fleuri", "44143", "44400", Street("3", "RUE", "du Clos Fleuri", "rue"), [("03", 20), ("02", 40)]),
            ("trochu", "44047", "44220", Street("7", "RUE", "du Général Trochu", "rue"), [("02", 60)]),
            ("bellevue", "44215", "44120", Street("2", "CHE", "de Bellevue", "chemin"), [("02", 50), ("03", 10)])):
        total = sum(number for _, number in residential)
        place(f"loc-ehpad-{name}", "52", "Hébergement permanent", cog, postal, street,
              capacities=[Capacity(PLACE, INSTALLED, total), Capacity(PLACE, AVAILABLE, 1, gender=UNDETERMINED),
                          Capacity(PLACE, OCCUPIED, total - 1)],
              residential=[f.residential_capacity(kind, number) for kind, number in residential])
    for slug, town, cog, postal, street, status in (
            ("reze", "Rezé", "44143", "44400", Street("15", "RUE", "Jean Jaurès", "rue"), "active"),
            ("carquefou", "Carquefou", "44026", "44470", Street("2", "RUE", "de la Mairie", "rue"), None),
            ("grandchamp", "Grandchamp-des-Fontaines", "44066", "44119", Street("1", "PL", "de l'Église", "place"),
             None)):
        place(f"loc-cds-{slug}", "52", f"Centre de santé Atlantique - {town}", cog, postal, street, status=status,
              lodging=False, telecoms=[f.telecom("phone", "02 40 84 00 00", "2")])
    place("loc-reeduc-nantes", "52", "Bâtiment Cardiologie - plateau de rééducation", "44109", "44000", hd,
          lodging=False)
    place("loc-smr-laennec", "52", "SMR locomoteur - Hôpital Nord Laennec", "44162", "44800", laennec,
          capacities=[Capacity(BED, INSTALLED, 40), Capacity(BED, AVAILABLE, 3, gender=UNDETERMINED),
                      Capacity(BED, OCCUPIED, 37)])
    place("loc-nantes-futur", "52", "Futur bâtiment de soins critiques", "44109", "44000", hd,
          ror_identifier="52/200999", status="suspended", operational_status=None, positioned=False,
          managing_organization="eg-nantes-hd")
    # Brittany
    place("loc-morlaix-cmp", "53", "CMP enfants et adolescents", "29151", "29600",
          Street("4", "RUE", "de Brest", "rue"), lodging=False)
    place("loc-bloc-morlaix", "53", "Bloc opératoire - Centre hospitalier de Morlaix", "29151", "29600", morlaix,
          capacities=[Capacity(BED, INSTALLED, 18), Capacity(BED, OCCUPIED, 18)],
          equipments=[f.equipment("088", 1, [("001", kg(150))]), f.equipment("089", 2, [("001", kg(250))])])
    place("loc-usinv-morlaix", "53", "Unité neurovasculaire - Centre hospitalier de Morlaix", "29151", "29600",
          morlaix, capacities=[Capacity(BED, AVAILABLE, 4, gender=FEMALE, temporality=IN_24_HOURS),
                               Capacity(BED, AVAILABLE, 1, gender=MALE), Capacity(BED, INSTALLED, 6),
                               Capacity(BED, OCCUPIED, 5)])
    place("loc-morlaix-smr", "53", "SMR - hôpital de jour de Morlaix", "29151", "29600", morlaix, status="inactive",
          operational_status="2",
          capacities=[Capacity(PLACE, INSTALLED, 10), Capacity(PLACE, CLOSED, 10, closing_type="01")])
    place("loc-usinv-rennes", "53", "Unité neurovasculaire - Hôpital Pontchaillou", "35238", "35000", rennes,
          capacities=[Capacity(BED, AVAILABLE, 3, gender=MALE), Capacity(BED, AVAILABLE, 0, gender=FEMALE),
                      Capacity(BED, INSTALLED, 14), Capacity(BED, OCCUPIED, 11)])
    place("loc-scp-rennes", "53", "Surveillance continue pédiatrique - Hôpital Sud", "35238", "35000", rennes,
          capacities=[Capacity(BED, CLOSED, 3, closing_type="02"),
                      Capacity(BED, CLOSED, 0, closing_type="01", temporality=IN_24_HOURS),
                      Capacity(BED, INSTALLED, 10), Capacity(BED, OCCUPIED, 7)])
    place("loc-itep-brest", "53", "ITEP Les Mouettes - Brest", "29019", "29200", Street("25", "RUE", "de Kerbriant",
          "rue"), capacities=[Capacity(PLACE, INSTALLED, 24), Capacity(PLACE, OCCUPIED, 24)])
    place("loc-itep-lorient", "53", "IME Les Mouettes - antenne de Lorient", "56121", "56100",
          Street("4", "RUE", "de Merville", "rue"), lodging=False)
    place("loc-itep-saint-brieuc", "53", "ITEP Les Mouettes - internat de Saint-Brieuc", "22278", "22000",
          Street("9", "RUE", "de Brest", "rue"),
          capacities=[Capacity(PLACE, INSTALLED, 16), Capacity(PLACE, OCCUPIED, 16)])
    # Paris (5.1 #3 and #5)
    place("140", "11", "Unité neurovasculaire - site Picpus", "75112", "75012", picpus, city="Paris",
          ror_identifier="11/339772", sync_identifier="1750000001/NEURO-USINV",
          capacities=[Capacity(PLACE, INSTALLED, 2), Capacity(PLACE, AVAILABLE, 2, gender=FEMALE),
                      Capacity(BED, INSTALLED, 20), Capacity(BED, OCCUPIED, 20)])
    place("141", "11", "Bloc opératoire - site Picpus", "75112", "75012", picpus, city="Paris",
          ror_identifier="11/347254", sync_identifier="1750000001/BLOC-ORTHO",
          equipments=[f.equipment("088", 1, [("001", kg(200))])])
    # Elsewhere
    place("loc-belcodene", "93", "Centre de santé Provence - Belcodène", "13013", "13720",
          Street("1", "PL", "de la Mairie", "place"), lodging=False)
    place("loc-marseille-13", "93", "Centre de santé Provence - Château-Gombert", "13213", "13013",
          Street("92", "CHE", "de Château-Gombert", "chemin"), city="Marseille", lodging=False)
    place("loc-bourges", "24", "Maison de santé du Berry - Bourges", "18033", "18000",
          Street("8", "RUE", "Moyenne", "rue"), lodging=False)
    place("loc-chateauroux", "24", "Maison de santé du Berry - Châteauroux", "36044", "36000",
          Street("5", "PL", "Voltaire", "place"), lodging=False)
    for name, region, cog, postal, street in (
            ("macon", "27", "71270", "71000", Street("20", "RUE", "des Vignes", "rue")),
            ("chalon", "27", "71076", "71100", Street("6", "RUE", "Saint-Vincent", "rue")),
            ("saintes", "75", "17415", "17100", Street("14", "QU", "de l'Estuaire", "quai"))):
        place(f"loc-ehpad-{name}", region, "Unité de vie protégée", cog, postal, street,
              capacities=[Capacity(PLACE, INSTALLED, 14), Capacity(PLACE, OCCUPIED, 14)],
              residential=[f.residential_capacity("02", 14)])
    place("loc-beauvais", "32", "Clinique Clinéo Beauvais - chirurgie digestive", "60057", "60000",
          Street("40", "AV", "Léon Blum", "avenue"),
          capacities=[Capacity(BED, INSTALLED, 22), Capacity(BED, OCCUPIED, 22)])
    place("loc-havre", "28", "Clinique Clinéo Le Havre - chirurgie digestive", "76351", "76620",
          Street("12", "RUE", "Ernest Renan", "rue"),
          capacities=[Capacity(BED, INSTALLED, 18), Capacity(BED, OCCUPIED, 18)])
    place("loc-cmpp", "84", "CMPP de Villeurbanne", "69266", "69100",
          Street("10", "RUE", "Francis de Pressensé", "rue"), lodging=False)
    return places


# ---------------------------------------------------------------------------------------------------------------
# Professionals, anomalies, templates, indicators
# ---------------------------------------------------------------------------------------------------------------

def _professionals(f: RorFactory) -> list[Json]:
    people = [
        ("245876", "52", "10001234567", "MARCHAND", "Hélène", "MME", "female"),
        ("prac-riou", "52", "10009876543", "RIOU", "Thomas", "M", "male"),
        ("prac-le-roux", "53", "10003456789", "LE ROUX", "Gaëlle", "MME", "female"),
        ("prac-fabre", "93", "10004567891", "FABRE", "Paul", "M", "male"),
        ("prac-dumas", "84", "10005678912", "DUMAS", "Claire", "MME", "female"),
        ("prac-renaud", "52", "10006789123", "RENAUD", "Julie", "MME", "female"),
        ("prac-morel", "52", "10007891234", "MOREL", "Antoine", "M", "male"),
    ]
    names = {rid: (family, given) for rid, _, _, family, given, _, _ in people}
    practitioners = [
        f.practitioner(rid, region, id_nat_ps, family, given, civility=civility, gender=gender,
                       mss=f"{given.lower()}.{family.lower().replace(' ', '-')}@demo.mssante.fr", created=CREATED)
        for rid, region, id_nat_ps, family, given, civility, gender in people
    ]
    roles = [
        ("753", "52", "245876", "hcs-cardio-nantes", "oi-nantes-cardio", "10", "S", "SM04", "DR"),
        ("pr-marchand-reze", "52", "245876", "hcs-cardio-reze", "eg-cds-atlantique", "10", "S", "SM04", "DR"),
        ("pr-riou-usinv", "52", "prac-riou", "hcs-usinv-nantes", "oi-nantes-uf-usinv", "10", "S", "SM32", "DR"),
        ("pr-le-roux-cmp", "53", "prac-le-roux", "hcs-pedopsy-morlaix", "eg-morlaix", "10", "S", "SM43", "DR"),
        ("pr-fabre-belcodene", "93", "prac-fabre", "hcs-mg-belcodene", None, "10", "L", "SM54", "DR"),
        ("pr-dumas-cmpp", "84", "prac-dumas", "hcs-cmpp-bilans", "eg-cmpp", "91", "S", None, None),
        ("pr-renaud-smr", "52", "prac-renaud", "hcs-smr-loco-adultes", "oi-laennec-smr", "60", "S", None, None),
        ("pr-morel-mpr", "52", "prac-morel", "hcs-mpr-nantes", "eg-nantes-hd", "70", "S", None, None),
    ]
    return practitioners + [
        f.practitioner_role(rid, region, str(11102379616 + 8 * index), practitioner=prac, service=service,
                            organization=org, profession=profession, exercise_mode=mode, specialty=specialty,
                            title=title, last_name=names[prac][0], first_name=names[prac][1], created=CREATED)
        for index, (rid, region, prac, service, org, profession, mode, specialty, title) in enumerate(roles)
    ]


def _anomalies(f: RorFactory) -> list[Json]:
    rows = [
        ("687", "53", ref("HealthcareService", "hcs-pedopsy-morlaix"), "02", "Le téléphone du secrétariat a changé."),
        ("task-ortho-morlaix", "53", ref("HealthcareService", "hcs-ortho-morlaix"), "10",
         "La table de bloc obésité est déclarée hors service."),
        ("task-usinv-rennes", "53", ref("HealthcareService", "hcs-usinv-rennes"), "08",
         "Horaires de l'unité incomplets."),
        ("task-cardio-nantes", "52", ref("HealthcareService", "hcs-cardio-nantes"), "02",
         "La tranche d'âge de l'offre est erronée."),
        ("task-eg-morlaix", "53", ref("Organization", "eg-morlaix"), "02",
         "Ici la catégorie d'établissement n'est pas la bonne."),
        ("task-pedopsy-closed", "53", ref("HealthcareService", "hcs-pedopsy-morlaix"), "08",
         "Adresse du CMP corrigée."),
    ]
    return [
        f.anomaly(rid, region, focus=focus, business_status=status, topic="06", action="COR", description=text,
                  authored="2026-09-01", modified="2026-09-15", created="2026-09-01T10:00:00+02:00")
        for rid, region, focus, status, text in rows
    ]


def _templates(f: RorFactory) -> list[Json]:
    items = [{"linkId": "Hs1", "type": "group", "item": [
        {"linkId": "Hs1.name", "text": "Nom de l'offre", "type": "string", "required": True},
        {"linkId": "Hs1.sensitive-unit", "text": "Unité sensible", "type": "boolean", "required": True},
    ]}]
    return [
        f.questionnaire("q-centre-sante", "52", url=Q_CDS_URL, identifier="VIL-124", name="OffreCentreDeSante",
                        title="Offre de soins en centre de santé", categories=["124"], field="05", items=items,
                        created=CREATED, date="2025-06-01"),
        f.questionnaire("q-offre-mco", "52", url=Q_MCO_URL, identifier="MS-141", name="OffreMCO",
                        title="Offre MCO en établissement de santé", categories=["101", "355"], field="01",
                        items=items, created=CREATED, date="2025-06-01"),
    ]


def _measures(f: RorFactory) -> list[Json]:
    return [
        f.measure("measure-occupation", "52", url=MEASURE_URL, identifier="IND-TX-OCC", name="TauxOccupationLits",
                  title="Taux d'occupation des lits", created=CREATED),
        f.measure("measure-delai", "52", url=BASE + "Measure/delai-mise-a-jour", identifier="IND-DELAI-MAJ",
                  name="DelaiMiseAJour", title="Délai de mise à jour des disponibilités", created=CREATED),
        f.measure_report("mr-occupation-octobre", "52", measure_url=MEASURE_URL, date="2023-10-06T15:00:00Z",
                         period=("2023-10-01", "2023-10-06"), score=0.87, created=CREATED),
        f.measure_report("mr-occupation-novembre", "52", measure_url=MEASURE_URL, date="2023-11-06T15:00:00Z",
                         period=("2023-11-01", "2023-11-06"), score=0.91, created=CREATED),
    ]


def build_dataset(f: RorFactory) -> list[Json]:
    """The search fixture resources, every reference target before the resources that refer to it."""
    return [*_legal_entities(f), *_establishments(f), *_internal_organizations(f), *_templates(f), *_measures(f),
            *_locations(f), *_offers(f), *_professionals(f), *_anomalies(f)]
