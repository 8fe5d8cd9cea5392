"""Generate the demo data set and the search conformance fixtures.

    .venv/bin/python -m scripts.make_demo [--shared /work/shared]      (from the repository root)

Writes ``server/demo/demo.json`` (a small, realistic offer around Nantes) and
``tests/fixtures/search/{dataset,cases}.json`` (built by
``tests/fixtures_check/search_fixture_{data,cases}.py``). Displays are read from the
NOS files and positions from the commune table under ``--shared``; the output
is deterministic, and ``tests/fixtures_check`` checks that the files are up to
date.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from server.demo.builders import Capacity, Json, Price, RorFactory, Street, kg, ref
from server.demo.communes import read_communes
from server.demo.nos_codes import read_nos
from tests.fixtures_check.search_fixture_cases import build_cases
from tests.fixtures_check.search_fixture_data import build_dataset

ROOT = Path(__file__).resolve().parents[1]
DEMO_PATH = ROOT / "server" / "demo" / "demo.json"
SEARCH_DIR = ROOT / "tests" / "fixtures" / "search"

CREATED = "2024-03-12T09:15:00+01:00"
Q_MCO = "https://ror-demo.example.org/fhir/Questionnaire/demo-offre-mco"
H24 = range(1, 8)
WEEKDAYS = range(1, 6)


def factory(shared: Path) -> RorFactory:
    return RorFactory(read_nos(shared / "nos" / "fsh"), read_communes(shared / "geo" / "communes.csv"))


def _organizations(f: RorFactory) -> list[Json]:
    phone_std = f.telecom("phone", "02 40 08 33 33", "2")
    return [
        f.legal_entity(
            "ej-chu-nantes", "52", "Centre Hospitalier Universitaire de Nantes", "1440000289",
            finess="440000289", siren="264400136", legal_status="13", status_group="1200",
            address=f.address("44109", "44093", Street("5", "ALL", "de l'Île Gloriette", "allée"),
                              city="NANTES CEDEX 1"),
            created=CREATED, founded="1964-01-01"),
        f.establishment(
            "eg-chu-nantes-hd", "52", "CHU de Nantes - Hôtel-Dieu", "1440000057", part_of="ej-chu-nantes",
            finess="440000057", siret="26440013600013", category="101", alias="Hôtel-Dieu",
            address=f.address("44109", "44000", Street("1", "PL", "Alexis-Ricordeau", "place")),
            telecoms=[phone_std], contacts=[f.contact("06", [phone_std])], created=CREATED, opened="1964-01-01"),
        f.establishment(
            "eg-chu-nantes-laennec", "52", "CHU de Nantes - Hôpital Nord Laennec", "1440000065",
            part_of="ej-chu-nantes", finess="440000065", siret="26440013600021", category="101",
            alias="Hôpital Nord Laennec",
            address=f.address("44162", "44800", Street("1", "BD", "Jacques-Monod", "boulevard")),
            telecoms=[phone_std], created=CREATED, opened="1985-05-02"),
        f.internal_organization("oi-hd-pole-tvc", "52", "Pôle thorax, vaisseaux, cœur", "1440000057-P01",
                                part_of="eg-chu-nantes-hd", level="1", created=CREATED),
        f.internal_organization("oi-hd-cardiologie", "52", "Service de cardiologie", "1440000057-S11",
                                part_of="oi-hd-pole-tvc", level="2", created=CREATED,
                                telecoms=[f.telecom("phone", "02 40 08 46 12", "2", "2")]),
        f.internal_organization("oi-hd-uf-usic", "52", "UF soins intensifs de cardiologie", "1440000057-U111",
                                part_of="oi-hd-cardiologie", level="3", created=CREATED),
        f.internal_organization("oi-hd-psychiatrie", "52", "Service de psychiatrie adulte", "1440000057-S31",
                                part_of="eg-chu-nantes-hd", level="2", created=CREATED),
        f.internal_organization("oi-laennec-pole-neuro", "52", "Pôle neurosciences", "1440000065-P04",
                                part_of="eg-chu-nantes-laennec", level="1", created=CREATED),
        f.legal_entity(
            "ej-asso-saint-joseph", "52", "Association Saint-Joseph de l'Estuaire", "1440051234",
            finess="440051234", siren="786543219", legal_status="61", status_group="2100",
            address=f.address("44143", "44400", Street("12", "RUE", "de la Commune de 1871", "rue")),
            created=CREATED, founded="1948-09-15"),
        f.establishment(
            "eg-ehpad-acacias", "52", "EHPAD Résidence Les Acacias", "1440056789", part_of="ej-asso-saint-joseph",
            finess="440056789", siret="78654321900025", category="500",
            address=f.address("44143", "44400", Street("8", "RUE", "des Chevaliers", "rue")),
            telecoms=[f.telecom("phone", "02 40 75 12 30", "2")],
            contacts=[f.contact("03", [f.telecom("email", "admissions@acacias-reze.example.org", "3")])],
            created=CREATED, opened="2004-10-01",
            extensions=[
                {"url": "https://interop.esante.gouv.fr/ig/fhir/ror/StructureDefinition/"
                        "ror-organization-financial-help-type", "valueCodeableConcept": f.cc("R241", "02")},
                {"url": "https://interop.esante.gouv.fr/ig/fhir/ror/StructureDefinition/"
                        "ror-organization-accomodation-family", "valueBoolean": False},
            ],
            prices=[
                Price("02", 71.20, "2026-01-01T00:00:00+01:00", residential_type="02", special_price="01",
                      welcome_type="02"),
                Price("02", 64.50, "2026-01-01T00:00:00+01:00", residential_type="02", special_price="03",
                      welcome_type="02"),
                Price("03", 23.10, "2026-01-01T00:00:00+01:00", dependency_level="01", welcome_type="02"),
                Price("03", 14.66, "2026-01-01T00:00:00+01:00", dependency_level="02", welcome_type="02"),
                Price("03", 6.22, "2026-01-01T00:00:00+01:00", dependency_level="03", welcome_type="02"),
                Price("05", 38.00, "2026-01-01T00:00:00+01:00"),
            ]),
        f.establishment(
            "eg-cds-saint-herblain", "52", "Centre de santé Saint-Joseph", "1440061111",
            part_of="ej-asso-saint-joseph", finess="440061111", siret="78654321900033", category="124",
            address=f.address("44162", "44800", Street("3", "RUE", "de l'Abbé Pierre", "rue")),
            telecoms=[f.telecom("phone", "02 51 80 20 20", "2")], created=CREATED, opened="2019-02-04"),
    ]


def _offers(f: RorFactory) -> list[Json]:
    all_day = f.available_times(H24, "00:00:00", "23:59:00")
    return [
        f.healthcare_service(
            "hcs-hd-cardio-hc", "52", "Cardiologie - hospitalisation complète", "52/0104417",
            provided_by="oi-hd-cardiologie", field="01", category="149", activities=["013"], care_mode="28",
            ages=(18, 150), locations=["loc-hd-cardio"], characteristics=[("R238", "03")], hours=all_day,
            template=f"{Q_MCO}|1", created=CREATED),
        f.healthcare_service(
            "hcs-hd-usic", "52", "Unité de soins intensifs de cardiologie (USIC)", "52/0104418",
            provided_by="oi-hd-uf-usic", field="01", category="262", activities=["354"], care_mode="28",
            ages=(18, 150), locations=["loc-hd-usic"], hours=all_day, created=CREATED),
        f.healthcare_service(
            "hcs-hd-cardio-cs", "52", "Consultations de cardiologie", "52/0104419",
            provided_by="oi-hd-cardiologie", field="01", category="69", activities=["013"], care_mode="32",
            ages=(16, 150), locations=["loc-hd-consultations"], characteristics=[("R338", "03")],
            hours=f.available_times(WEEKDAYS, "08:30:00", "17:30:00", "07"), phone="02 40 08 46 00",
            created=CREATED),
        f.healthcare_service(
            "hcs-laennec-usinv", "52", "Unité neurovasculaire - soins intensifs (USINV)", "52/0104420",
            provided_by="oi-laennec-pole-neuro", field="01", category="263", activities=["356"], care_mode="28",
            ages=(18, 150), locations=["loc-laennec-usinv"], hours=all_day, created=CREATED),
        f.healthcare_service(
            "hcs-hd-urgences", "52", "Urgences adultes", "52/0104421", provided_by="eg-chu-nantes-hd",
            field="01", category="20", activities=["157"], care_mode="33", ages=(15, 150),
            locations=["loc-hd-urgences"], characteristics=[("R238", "03")], hours=all_day, created=CREATED),
        f.healthcare_service(
            "hcs-hd-umj", "52", "Unité médico-judiciaire", "52/0104422", provided_by="eg-chu-nantes-hd",
            field="01", category="232", activities=["152"], care_mode="32", ages=(0, 150), publics=["10"],
            sensitive=True, created=CREATED),
        f.healthcare_service(
            "hcs-hd-psy-hc", "52", "Psychiatrie adulte - hospitalisation complète", "52/0104423",
            provided_by="oi-hd-psychiatrie", field="03", category="174", activities=["229"], care_mode="28",
            ages=(18, 150), locations=["loc-hd-psychiatrie"], psychiatric_sectors=["44G03", "44G04"],
            characteristics=[("R245", "07"), ("R245", "08")], created=CREATED),
        f.healthcare_service(
            "hcs-hd-cmp-enfants", "52", "CMP enfants et adolescents", "52/0104424",
            provided_by="oi-hd-psychiatrie", field="03", category="281", activities=["227"], care_mode="32",
            ages=(0, 17), characteristics=[("R245", "02"), ("R245", "03")],
            hours=f.available_times(WEEKDAYS, "09:00:00", "17:00:00", "07"), created=CREATED),
        f.healthcare_service(
            "hcs-laennec-smr", "52", "SMR locomoteur - hospitalisation complète", "52/0104425",
            provided_by="eg-chu-nantes-laennec", field="02", category="102", activities=["233"], care_mode="28",
            ages=(18, 150), locations=["loc-laennec-smr"], created=CREATED),
        f.healthcare_service(
            "hcs-hd-obesite", "52", "Chirurgie de l'obésité", "52/0104426", provided_by="eg-chu-nantes-hd",
            field="01", category="153", activities=["017"], care_mode="28", ages=(18, 150),
            locations=["loc-hd-bloc-digestif"], characteristics=[("R210", "0529"), ("R210", "0530")],
            displays={"0529": "Pose d'anneau gastrique",
                      "0530": "Gastroplastie verticale calibrée (sleeve gastrectomie)"},
            created=CREATED),
        f.healthcare_service(
            "hcs-ehpad-permanent", "52", "Hébergement permanent", "52/0104427", provided_by="eg-ehpad-acacias",
            field="04", category="21", activities=["293", "287"], care_mode="46", ages=(60, 150), publics=["01"],
            locations=["loc-ehpad-acacias"], characteristics=[("R240", "02"), ("R238", "03")], created=CREATED),
        f.healthcare_service(
            "hcs-ehpad-temporaire", "52", "Hébergement temporaire", "52/0104428", provided_by="eg-ehpad-acacias",
            field="04", category="21", activities=["293", "287"], care_mode="46", ages=(60, 150), publics=["01"],
            locations=["loc-ehpad-acacias"], characteristics=[("R240", "01")], created=CREATED),
        f.healthcare_service(
            "hcs-ehpad-accueil-jour", "52", "Accueil de jour Alzheimer", "52/0104429",
            provided_by="eg-ehpad-acacias", field="04", category="21", activities=["293"], care_mode="47",
            ages=(60, 150), publics=["01"], locations=["loc-ehpad-accueil-jour"],
            characteristics=[("R245", "28")], hours=f.available_times(WEEKDAYS, "09:30:00", "17:00:00"),
            created=CREATED),
        f.healthcare_service(
            "hcs-ssiad", "52", "Soins infirmiers à domicile", "52/0104430", provided_by="eg-ehpad-acacias",
            field="04", category="28", activities=["287"], care_mode="49", ages=(60, 150), publics=["01", "02"],
            zones=["44143", "44020", "44190", "44109"], created=CREATED),
        f.healthcare_service(
            "hcs-cds-medecine-generale", "52", "Médecine générale", "52/0104431",
            provided_by="eg-cds-saint-herblain", field="05", category="196", activities=["437"], care_mode="32",
            ages=(0, 150), publics=["07"], locations=["loc-cds-saint-herblain"],
            characteristics=[("R338", "03"), ("R338", "06")], phone="02 51 80 20 20",
            hours=[*f.available_times(WEEKDAYS, "08:00:00", "19:00:00", "07"),
                   *f.available_times([6], "08:30:00", "12:00:00", "06")],
            created=CREATED),
    ]


def _locations(f: RorFactory) -> list[Json]:
    hd = f.address("44109", "44000", Street("1", "PL", "Alexis-Ricordeau", "place"), insee_extension=False)
    laennec = f.address("44162", "44800", Street("1", "BD", "Jacques-Monod", "boulevard"), insee_extension=False)
    acacias = f.address("44143", "44400", Street("8", "RUE", "des Chevaliers", "rue"), insee_extension=False)
    bed = "01"
    return [
        f.location("loc-hd-cardio", "52", "Cardiologie - 6e étage Hôtel-Dieu", cog="44109", address=hd,
                   ror_identifier="52/200101", sync_identifier="1440000057/CARD-HC", created=CREATED,
                   capacities=[Capacity(bed, "01", 32), Capacity(bed, "02", 2, gender="01"),
                               Capacity(bed, "02", 1, gender="02"), Capacity(bed, "03", 29),
                               Capacity(bed, "06", 4, additional_bed_type="03", crisis_type="02")]),
        f.location("loc-hd-usic", "52", "USIC - 6e étage Hôtel-Dieu", cog="44109", address=hd,
                   ror_identifier="52/200102", sync_identifier="1440000057/USIC", created=CREATED,
                   capacities=[Capacity(bed, "01", 12, source="02"), Capacity(bed, "02", 1, gender="04", source="02"),
                               Capacity(bed, "03", 9, source="02"),
                               Capacity(bed, "05", 2, closing_type="01", source="02")]),
        f.location("loc-hd-consultations", "52", "Consultations externes - Hôtel-Dieu", cog="44109", address=hd,
                   ror_identifier="52/200103", lodging=False, created=CREATED),
        f.location("loc-hd-urgences", "52", "Service des urgences adultes - Hôtel-Dieu", cog="44109", address=hd,
                   ror_identifier="52/200104", lodging=False, created=CREATED,
                   telecoms=[f.telecom("phone", "02 40 08 38 95", "8", "3")]),
        f.location("loc-hd-bloc-digestif", "52", "Chirurgie digestive - bloc et hospitalisation", cog="44109",
                   address=hd, ror_identifier="52/200105", sync_identifier="1440000057/CHIR-DIG", created=CREATED,
                   capacities=[Capacity(bed, "01", 24), Capacity(bed, "02", 2, gender="04"), Capacity(bed, "03", 22)],
                   equipments=[f.equipment("088", 2, [("001", kg(300))]), f.equipment("089", 4, [("001", kg(350))])]),
        f.location("loc-hd-psychiatrie", "52", "Psychiatrie adulte - unité Pinel", cog="44109", address=hd,
                   ror_identifier="52/200106", created=CREATED,
                   capacities=[Capacity(bed, "01", 25), Capacity(bed, "02", 1, gender="02"), Capacity(bed, "03", 24)]),
        f.location("loc-laennec-usinv", "52", "Unité neurovasculaire - Hôpital Nord Laennec", cog="44162",
                   address=laennec, ror_identifier="52/200201", sync_identifier="1440000065/USINV", created=CREATED,
                   capacities=[Capacity(bed, "01", 20, source="02"), Capacity(bed, "02", 1, gender="01", source="02"),
                               Capacity(bed, "02", 0, gender="02", source="02"), Capacity(bed, "03", 17, source="02"),
                               Capacity(bed, "05", 2, closing_type="01", source="02")]),
        f.location("loc-laennec-smr", "52", "SMR locomoteur - Hôpital Nord Laennec", cog="44162", address=laennec,
                   ror_identifier="52/200202", created=CREATED,
                   capacities=[Capacity(bed, "01", 40), Capacity(bed, "02", 3, gender="04"), Capacity(bed, "03", 37)]),
        f.location("loc-ehpad-acacias", "52", "Résidence Les Acacias - hébergement", cog="44143", address=acacias,
                   ror_identifier="52/200301", created=CREATED,
                   capacities=[Capacity("02", "01", 84), Capacity("02", "02", 2, gender="04"),
                               Capacity("02", "03", 82)],
                   residential=[f.residential_capacity("02", 78), f.residential_capacity("01", 3)]),
        f.location("loc-ehpad-accueil-jour", "52", "Résidence Les Acacias - accueil de jour", cog="44143",
                   address=acacias, ror_identifier="52/200302", lodging=False, created=CREATED,
                   capacities=[Capacity("02", "01", 12), Capacity("02", "02", 3, gender="04"),
                               Capacity("02", "03", 9)]),
        f.location("loc-cds-saint-herblain", "52", "Centre de santé Saint-Joseph", cog="44162",
                   address=f.address("44162", "44800", Street("3", "RUE", "de l'Abbé Pierre", "rue"),
                                     insee_extension=False),
                   ror_identifier="52/200401", lodging=False, created=CREATED,
                   telecoms=[f.telecom("phone", "02 51 80 20 20", "2")]),
    ]


def _professionals(f: RorFactory) -> list[Json]:
    people = [
        ("prac-le-goff", "10101234560", "LE GOFF", "Claire", "MME", "female"),
        ("prac-bernard", "10101234578", "BERNARD", "Julien", "M", "male"),
        ("prac-tessier", "10101234586", "TESSIER", "Amélie", "MME", "female"),
        ("prac-le-bihan", "10101234594", "LE BIHAN", "Yann", "M", "male"),
        ("prac-guerin", "10101234602", "GUÉRIN", "Sophie", "MME", "female"),
        ("prac-lefevre", "10101234610", "LEFÈVRE", "Marc", "M", "male"),
    ]
    practitioners = [
        f.practitioner(rid, "52", id_nat_ps, family, given, civility=civility, gender=gender,
                       mss=f"{given.lower()}.{rid.removeprefix('prac-')}@chu-nantes.mssante.fr", created=CREATED)
        for rid, id_nat_ps, family, given, civility, gender in people
    ]
    roles = [
        ("pr-le-goff-hc", "prac-le-goff", "hcs-hd-cardio-hc", "oi-hd-cardiologie", "10", "S", "SM04", "DR"),
        ("pr-le-goff-cs", "prac-le-goff", "hcs-hd-cardio-cs", "oi-hd-cardiologie", "10", "S", "SM04", "DR"),
        ("pr-bernard-usic", "prac-bernard", "hcs-hd-usic", "oi-hd-uf-usic", "10", "S", "SM04", "DR"),
        ("pr-tessier-usinv", "prac-tessier", "hcs-laennec-usinv", "oi-laennec-pole-neuro", "10", "S", "SM32",
         "PR"),
        ("pr-le-bihan-hc", "prac-le-bihan", "hcs-hd-psy-hc", "oi-hd-psychiatrie", "10", "S", "SM42", "DR"),
        ("pr-le-bihan-cmp", "prac-le-bihan", "hcs-hd-cmp-enfants", "oi-hd-psychiatrie", "10", "S", "SM42", "DR"),
        ("pr-guerin-ssiad", "prac-guerin", "hcs-ssiad", "eg-ehpad-acacias", "60", "S", None, None),
        ("pr-lefevre-cds", "prac-lefevre", "hcs-cds-medecine-generale", "eg-cds-saint-herblain", "10", "S", "SM54",
         "DR"),
    ]
    people_by_id = {rid: (family, given) for rid, _, family, given, _, _ in people}
    return practitioners + [
        f.practitioner_role(rid, "52", f"1110237{9600 + n * 8:04d}", practitioner=prac, service=service,
                            organization=org, profession=profession, exercise_mode=mode, specialty=specialty,
                            title=title, last_name=people_by_id[prac][0], first_name=people_by_id[prac][1],
                            created=CREATED)
        for n, (rid, prac, service, org, profession, mode, specialty, title) in enumerate(roles)
    ]


def _questionnaire(f: RorFactory) -> Json:
    items = [{"linkId": "Hs1", "type": "group", "item": [
        {"linkId": "Hs1.name", "text": "Nom de l'offre", "type": "string", "required": True},
        {"linkId": "Hs1.type.coding", "text": "Champ d'activité", "type": "choice", "required": True,
         "answerOption": [{"valueCoding": f.coding("R227", "01")}]},
        {"linkId": "Hs1.specialty", "text": "Activité opérationnelle", "type": "choice", "required": True,
         "answerValueSet": "https://mos.esante.gouv.fr/NOS/JDV_J17-ActiviteOperationnelle-ROR/FHIR/"
                           "JDV-J17-ActiviteOperationnelle-ROR"},
        {"linkId": "Hs1.sensitive-unit", "text": "Unité sensible", "type": "boolean", "required": True},
    ]}]
    return f.questionnaire("q-demo-offre-mco", "52", url=Q_MCO, identifier="DEMO-MCO-1", name="OffreMCO",
                           title="Offre opérationnelle MCO en établissement de santé", categories=["101", "355"],
                           field="01", items=items, created=CREATED, date="2025-06-01")


def demo_set(f: RorFactory) -> list[Json]:
    """The demo resources (2 EJ, 4 EG, 5 OI, 15 offers, 11 places, 6 professionals, 8 roles, 1 anomaly,
    1 template), every reference target before the resources that refer to it."""
    anomaly = f.anomaly(
        "task-anomalie-cardio", "52", focus=ref("HealthcareService", "hcs-hd-cardio-cs"), business_status="02",
        topic="06", action="COR", description="Le numéro du secrétariat des consultations n'est plus attribué.",
        authored="2026-10-14", modified="2026-10-15", created="2026-10-14T11:02:00+02:00", requester="Santé.fr")
    return [*_organizations(f), _questionnaire(f), *_locations(f), *_offers(f), *_professionals(f), anomaly]


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=Path("/work/shared"), help="reference data directory")
    args = parser.parse_args(argv)
    f = factory(args.shared)
    write_json(DEMO_PATH, demo_set(f))
    dataset = build_dataset(f)
    write_json(SEARCH_DIR / "dataset.json", dataset)
    write_json(SEARCH_DIR / "cases.json", build_cases(dataset, f.communes))


if __name__ == "__main__":
    main()
