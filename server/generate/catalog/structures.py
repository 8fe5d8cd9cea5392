"""Establishments (EG) and legal entities (EJ) the generator builds, with their mix.

An ``EstablishmentKind`` is an EG category (TRE_R66 / TRE_R02) with the offers it typically runs: hospital
disciplines (organised in poles, services and unites fonctionnelles) or flat offer kinds, each with the
probability that a given establishment has it. A ``GroupKind`` is an EJ archetype: its legal status
(TRE_R72 + TRE_R69), how many establishments it runs and which ones. ``weight`` values are per-mille shares
of EJs, calibrated so that one EJ yields on average ~1.65 EG, ~2.6 OI, ~4.9 offers and ~20 practitioner roles.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from server.generate.geography import DrawMode

#: How offers hang below an EG: directly ("flat"), under services and UFs, or under poles, services and UFs.
Structure = Literal["flat", "services", "poles"]


@dataclass(frozen=True, slots=True)
class EstablishmentKind:
    key: str
    category: str  # JDV-J55 code
    name: str  # pattern, see catalog.names.fill
    offers: tuple[tuple[str, float], ...]  # (offer kind or discipline key, probability of having it)
    structure: Structure = "flat"
    draw: DrawMode = "pop"
    sph: str | None = None  # TRE_R73 participation au service public hospitalier
    salaried: bool = True  # practitioners are salaried (TRE_R23 S) rather than liberal (L)
    prices: bool = False  # EHPAD-like: carries ror-organization-price extensions
    social_help: bool = False  # habilite a l'aide sociale (financial help + places)
    drop_zone: bool = False  # has a helipad


def _all(*keys: str, p: float = 1.0) -> tuple[tuple[str, float], ...]:
    return tuple((key, p) for key in keys)


_CHU_DISCIPLINES = (
    _all("polyvalente", "cardio", "usic", "pneumo", "gastro", "neuro", "usinv", "nephro", "dialyse", "endoc", "onco",
         "hemato", "interne", "infectio", "rhumato", "dermato", "ortho", "visceral", "uro", "vasculaire",
         "cardiochir", "neurochir", "orl", "ophtalmo", "stomato", "plastique", "anesth", "gyneco", "maternite",
         "neonat", "pediatrie", "chirped", "urgences", "urgped", "uhcd", "smur", "samu", "rea", "usc", "imagerie",
         "nucleaire", "biologie", "pui", "palliatif", "emsp", "douleur", "elsa", "pass", "cegidd", "geriatrie",
         "emg", p=0.95)
    + _all("radiotherapie", "smr_poly", "smr_loco", "smr_neuro", "usld", "psy_hc", "psy_urg", "pedopsy", p=0.6)
)

ESTABLISHMENTS: tuple[EstablishmentKind, ...] = (
    # Hospitals
    EstablishmentKind("chu", "101", "{chu}", _CHU_DISCIPLINES, "poles", "top", sph="1", drop_zone=True),
    EstablishmentKind("chu_site", "355", "Hôpital {saint}",
                      _all("polyvalente", "geriatrie", "smr_ger", "smr_poly", "usld", "psy_hc", "psy_hdj", "imagerie",
                           "rhumato", "ortho", "ophtalmo", "douleur", "pedopsy", p=0.5),
                      "poles", "urban", sph="1"),
    EstablishmentKind("ch", "355", "Centre hospitalier de {commune}",
                      _all("polyvalente", "urgences")
                      + _all("cardio", "pneumo", "gastro", "geriatrie", "visceral", "ortho", "anesth", "imagerie",
                             "biologie", "pui", "smr_poly", "smr_ger", "uhcd", "smur", "emsp", p=0.8)
                      + _all("neuro", "nephro", "endoc", "onco", "interne", "uro", "orl", "ophtalmo", "gyneco",
                             "maternite", "pediatrie", "rea", "usc", "palliatif", "elsa", "pass", "emg", "usld",
                             "dialyse", "usic", "usinv", "douleur", "smr_loco", p=0.5)
                      + _all("psy_hc", "psy_hdj", "pedopsy", "psy_urg", "empp", "emgp", p=0.35)
                      + _all("neonat", "urgped", "cegidd", "hemato", "infectio", "dermato", "rhumato", "vasculaire",
                             "stomato", "smr_cardio", "smr_neuro", "smr_pneumo", "smr_nutri", "samu", p=0.25),
                      "poles", "urban", sph="1", drop_zone=True),
    EstablishmentKind("ch_proximite", "106", "Centre hospitalier de {commune}",
                      _all("polyvalente", "smr_ger") + _all("smr_poly", "usld", "geriatrie", "emg", "palliatif", p=0.5),
                      "services", "urban", sph="1"),
    EstablishmentKind("chs", "292", "Centre hospitalier spécialisé {saint}",
                      _all("psy_hc", "psy_hdj", "pedopsy") + _all("psy_urg", "psy_usip", "empp", "emgp", p=0.6)
                      + _all("psy_umd", "smr_addicto", p=0.1),
                      "poles", "urban", sph="1"),
    EstablishmentKind("clinique", "365", "Clinique {saint}",
                      _all("anesth", "ortho", "visceral", p=0.95)
                      + _all("uro", "ophtalmo", "orl", "imagerie", "gastro", "cardio", "usc", "urgences", "stomato",
                             "plastique", "gyneco", p=0.5)
                      + _all("maternite", "onco", "rea", "vasculaire", "neurochir", "dialyse", "pneumo", "smr_poly",
                             p=0.25),
                      "services", "urban", sph="0", salaried=False),
    EstablishmentKind("clinique_chir", "128", "Clinique chirurgicale {place}",
                      _all("anesth", "ortho") + _all("visceral", "uro", "ophtalmo", "orl", "plastique", "stomato",
                                                     p=0.5),
                      "services", "urban", sph="0", salaried=False),
    EstablishmentKind("clinique_med", "129", "Clinique médicale {place}",
                      _all("polyvalente") + _all("gastro", "cardio", "onco", "pneumo", "palliatif", p=0.4),
                      "services", "urban", sph="0", salaried=False),
    EstablishmentKind("maternite_privee", "122", "Maternité {saint}",
                      _all("maternite", "gyneco", "anesth") + _all("neonat", "pediatrie", p=0.4),
                      "services", "urban", sph="0", salaried=False),
    EstablishmentKind("clcc", "131", "Institut de cancérologie {place}",
                      _all("onco", "radiotherapie", "imagerie", "anesth", "visceral", "palliatif")
                      + _all("hemato", "nucleaire", "gyneco", "douleur", "smr_onco", p=0.6),
                      "poles", "top", sph="6"),
    EstablishmentKind("smr", "109", "Centre de réadaptation {place}",
                      _all("smr_poly", p=0.9)
                      + _all("smr_loco", "smr_neuro", "smr_ger", "smr_cardio", "smr_pneumo", "smr_nutri", p=0.4)
                      + _all("smr_addicto", "smr_ped", "smr_onco", p=0.15),
                      "services", "pop", sph="0", salaried=False),
    EstablishmentKind("clinique_psy", "161", "Clinique psychiatrique {place}",
                      _all("psy_hc") + _all("psy_hdj", p=0.6) + _all("smr_addicto", p=0.2),
                      "services", "urban", sph="0", salaried=False),
    EstablishmentKind("usld", "362", "Unité de soins de longue durée {place}", _all("usld"), "services", "pop",
                      sph="1"),
    EstablishmentKind("had", "127", "HAD {place}", _all("had_socle") + _all("had_perinat", "had_readaptation",
                                                                               p=0.4),
                      "flat", "urban", sph="6"),
    EstablishmentKind("dialyse", "141", "Centre de dialyse {place}",
                      _all("dialyse_centre", p=0.7) + _all("dialyse_udm", "autodialyse", "dialyse_domicile", p=0.5),
                      "flat", "urban", sph="6"),
    EstablishmentKind("cmp", "156", "Centre médico-psychologique de {commune}",
                      (("cmp_adulte", 0.8), ("cmpea", 0.5), ("cattp", 0.5)), "flat", "urban", sph="1"),
    EstablishmentKind("cattp", "425", "CATTP de {commune}", (("cattp", 1.0), ("hdj_extra", 0.5)), "flat", "urban",
                      sph="1"),
    # Personnes agees
    EstablishmentKind("ehpad", "500", "EHPAD {place}",
                      _all("ehpad_permanent") + _all("ehpad_temporaire", p=0.7)
                      + _all("ehpad_uvp", "accueil_jour_pa", p=0.45) + _all("ehpad_pasa", p=0.35)
                      + _all("ehpad_uhr", p=0.05),
                      prices=True, social_help=True),
    EstablishmentKind("residence_autonomie", "202", "Résidence autonomie {place}", _all("residence_autonomie"),
                      prices=True, social_help=True),
    EstablishmentKind("accueil_jour", "207", "Accueil de jour {place}", _all("accueil_jour_pa")),
    EstablishmentKind("ssiad", "354", "SSIAD de {commune}", _all("ssiad") + _all("ssiad_ph", "esa", p=0.3)),
    EstablishmentKind("saa", "460", "Service d'aide à domicile de {commune}",
                      _all("aide_domicile") + _all("portage_repas", "teleassistance", p=0.2)),
    EstablishmentKind("saas", "209", "Service autonomie à domicile de {commune}",
                      _all("aide_soins_domicile") + _all("ssiad", p=0.5)),
    # Handicap
    EstablishmentKind("ime", "183", "IME {place}", _all("ime_semi") + _all("ime_internat", p=0.6)),
    EstablishmentKind("itep", "186", "ITEP {place}", _all("itep") + _all("sessad", p=0.3)),
    EstablishmentKind("sessad", "182", "SESSAD de {commune}", _all("sessad")),
    EstablishmentKind("camsp", "190", "CAMSP de {commune}", _all("camsp") + _all("pco", p=0.2), draw="urban"),
    EstablishmentKind("cmpp", "189", "CMPP de {commune}", _all("cmpp"), draw="urban"),
    EstablishmentKind("esat", "246", "ESAT {place}", _all("esat") + _all("foyer_hebergement", p=0.2)),
    EstablishmentKind("mas", "255", "MAS {place}", _all("mas")),
    EstablishmentKind("fam", "437", "Foyer d'accueil médicalisé {place}", _all("fam")),
    EstablishmentKind("foyer_vie", "382", "Foyer de vie {place}", _all("foyer_vie") + _all("foyer_vie_jour", p=0.4)),
    EstablishmentKind("foyer_hebergement", "252", "Foyer d'hébergement {place}", _all("foyer_hebergement")),
    EstablishmentKind("savs", "446", "SAVS de {commune}", _all("savs")),
    EstablishmentKind("samsah", "445", "SAMSAH de {commune}", _all("samsah")),
    # Addictologie, precarite
    EstablishmentKind("csapa", "197", "CSAPA de {commune}", _all("csapa") + _all("cjc", p=0.5), draw="urban"),
    EstablishmentKind("caarud", "178", "CAARUD de {commune}", _all("caarud"), draw="urban"),
    EstablishmentKind("lhss", "180", "Lits halte soins santé de {commune}", _all("lhss"), draw="urban"),
    EstablishmentKind("lam", "213", "Lits d'accueil médicalisés de {commune}", _all("lam"), draw="urban"),
    EstablishmentKind("act", "165", "Appartements de coordination thérapeutique de {commune}", _all("act"),
                      draw="urban"),
    # Social
    EstablishmentKind("chrs", "214", "CHRS {place}",
                      _all("chrs") + _all("hebergement_urgence", "accueil_social", p=0.4), draw="urban"),
    EstablishmentKind("cada", "443", "CADA de {commune}", _all("cada"), draw="urban"),
    EstablishmentKind("mecs", "177", "Maison d'enfants {place}", _all("mecs")),
    EstablishmentKind("foyer_enfance", "175", "Foyer départemental de l'enfance de {commune}", _all("foyer_enfance"),
                      draw="urban"),
    EstablishmentKind("pension_famille", "258", "Pension de famille {place}", _all("pension_famille"), draw="urban"),
    EstablishmentKind("mjpm", "340", "Service mandataire judiciaire de {commune}", _all("mjpm"), draw="urban"),
    EstablishmentKind("evars", "231", "EVARS de {commune}", _all("evars"), draw="urban"),
    EstablishmentKind("paej", "702", "Point accueil écoute jeunes de {commune}", _all("paej"), draw="urban"),
    # Ville
    EstablishmentKind("cabinet", "SA07", "Cabinet {person}", (("cabinet", 1.0),), salaried=False),
    EstablishmentKind("cabinet_groupe", "SA08", "Cabinet de groupe {place}", (("cabinet_groupe", 1.0),),
                      salaried=False),
    EstablishmentKind("msp", "603", "Maison de santé pluriprofessionnelle de {commune}",
                      _all("msp_mg", "msp_infirmier") + _all("msp_kine", "sage_femme", "dentaire", p=0.5)
                      + _all("soins_non_programmes", "orthophonie", "pedicurie", "dietetique", p=0.25),
                      salaried=False),
    EstablishmentKind("centre_sante", "439", "Centre de santé {place}",
                      _all("cds_mg") + _all("cds_dentaire", "cds_specialistes", p=0.5)
                      + _all("infirmier", "vaccination", p=0.2),
                      draw="urban"),
    EstablishmentKind("centre_dentaire", "124", "Centre de santé dentaire {place}", _all("cds_dentaire"),
                      draw="urban"),
    EstablishmentKind("laboratoire", "611", "Laboratoire de biologie médicale {place}", _all("biologie_ville"),
                      draw="urban", salaried=False),
    EstablishmentKind("cpts", "604", "CPTS {territory}", _all("cpts"), draw="urban"),
    EstablishmentKind("dac", "606", "Dispositif d'appui à la coordination {territory}", _all("dac"), draw="urban"),
    EstablishmentKind("pmi", "223", "Centre de PMI de {commune}", _all("pmi"), draw="urban"),
    EstablishmentKind("sante_sexuelle", "228", "Centre de santé sexuelle de {commune}", _all("sante_sexuelle"),
                      draw="urban"),
    EstablishmentKind("vaccination", "645", "Centre de vaccination de {commune}", _all("vaccination"),
                      draw="urban"),
)

ESTABLISHMENTS_BY_KEY: dict[str, EstablishmentKind] = {kind.key: kind for kind in ESTABLISHMENTS}

#: Pseudo-offers of ambulatory establishments: the actual offer kinds are drawn from these mixes.
CABINET_OFFERS: dict[str, tuple[tuple[str, float], ...]] = {
    "cabinet": (("mg", 40), ("kine", 14), ("infirmier", 14), ("dentaire", 9), ("sage_femme", 3),
                ("orthophonie", 4), ("pedicurie", 2), ("orthoptie", 0.5), ("dietetique", 1), ("psychomotricite", 1),
                ("ergotherapie", 0.5), ("cardio_ville", 1.5), ("ophtalmo_ville", 1.2), ("gyneco_ville", 1.2),
                ("dermato_ville", 0.8), ("psychiatrie_ville", 1.2), ("pediatrie_ville", 0.6), ("orl_ville", 0.5),
                ("rhumato_ville", 0.4), ("gastro_ville", 0.4), ("pneumo_ville", 0.3), ("endoc_ville", 0.3),
                ("neuro_ville", 0.3), ("orthodontie", 0.5)),
    "cabinet_groupe": (("mg", 30), ("kine", 18), ("infirmier", 16), ("dentaire", 12), ("radiologie_ville", 4),
                       ("cardio_ville", 3), ("ophtalmo_ville", 3), ("gyneco_ville", 2), ("dermato_ville", 1.5),
                       ("orthophonie", 2), ("sage_femme", 2), ("gastro_ville", 1), ("orl_ville", 1),
                       ("pneumo_ville", 0.5), ("rhumato_ville", 0.5), ("orthodontie", 1)),
}


@dataclass(frozen=True, slots=True)
class GroupKind:
    key: str
    weight: float  # per-mille share of EJs
    statuses: tuple[tuple[str, str], ...]  # (TRE_R72 statut juridique, TRE_R69 agregat)
    name: str  # pattern, see catalog.names.fill ({main}: the name of the first establishment)
    sites: tuple[int, int, float]  # (min, max, continuation probability): number of EGs
    establishments: tuple[tuple[str, float], ...]  # establishments beyond the first, by weight
    first: str | None = None  # the first EG's kind (otherwise drawn like the others)
    siren: bool = False  # private legal entities are registered with a SIREN


_PUBLIC_HOSPITAL = (("13", "1200"), ("14", "1200"))
_ASSOCIATION = (("60", "2100"), ("61", "2100"), ("63", "2100"))
_COMPANY = (("95", "2200"), ("72", "2200"), ("73", "2200"))
_LIBERAL = (("70", "2200"), ("85", "2200"), ("91", "2200"), ("88", "2200"), ("79", "2200"))

GROUPS: tuple[GroupKind, ...] = (
    GroupKind("cabinet", 330, _LIBERAL, "{main}", (1, 1, 0.0), (), "cabinet", siren=True),
    GroupKind("cabinet_groupe", 160, _LIBERAL, "{main}", (1, 2, 0.1), (("cabinet_groupe", 1),), "cabinet_groupe",
              siren=True),
    GroupKind("msp", 40, (("80", "2200"),), "SISA {main}", (1, 1, 0.0), (), "msp", siren=True),
    GroupKind("centre_sante", 25, (*_ASSOCIATION, ("47", "2100"), ("03", "1100")), "Gestionnaire {main}",
              (1, 4, 0.3), (("centre_sante", 3), ("centre_dentaire", 1)), "centre_sante", siren=True),
    GroupKind("laboratoire", 15, (("91", "2200"), ("101", "2200")), "SELAS {place}", (1, 12, 0.75),
              (("laboratoire", 1),), "laboratoire", siren=True),
    GroupKind("coordination", 20, _ASSOCIATION, "Association {main}", (1, 1, 0.0), (("cpts", 2), ("dac", 1))),
    GroupKind("ms_association", 150, _ASSOCIATION, "Association {association}", (1, 25, 0.68),
              (("ime", 8), ("itep", 3), ("sessad", 8), ("esat", 8), ("mas", 4), ("fam", 5), ("foyer_vie", 6),
               ("foyer_hebergement", 5), ("savs", 5), ("samsah", 2), ("camsp", 2), ("cmpp", 2), ("ehpad", 10),
               ("ssiad", 5), ("saa", 4), ("saas", 1), ("csapa", 2), ("caarud", 1), ("lhss", 1), ("lam", 1), ("act", 1),
               ("accueil_jour", 1)),
              siren=True),
    GroupKind("ehpad_group", 30, _COMPANY, "{group}", (1, 15, 0.72),
              (("ehpad", 10), ("residence_autonomie", 2), ("saa", 1)), "ehpad", siren=True),
    GroupKind("ehpad_public", 50, (("21", "1200"), ("22", "1200")), "{main}", (1, 2, 0.2),
              (("ssiad", 1), ("accueil_jour", 1)), "ehpad"),
    GroupKind("ccas", 60, (("17", "1100"), ("08", "1100")), "CCAS de {commune}", (1, 3, 0.45),
              (("residence_autonomie", 4), ("saa", 3), ("saas", 1), ("ssiad", 2), ("ehpad", 2), ("accueil_jour", 1))),
    GroupKind("social_association", 45, _ASSOCIATION, "Association {association}", (1, 6, 0.5),
              (("chrs", 4), ("cada", 3), ("mecs", 3), ("pension_famille", 2), ("mjpm", 2), ("evars", 1),
               ("paej", 1)), siren=True),
    GroupKind("departement", 2, (("02", "1100"),), "Département {department}", (2, 12, 0.8),
              (("pmi", 6), ("foyer_enfance", 1), ("sante_sexuelle", 2), ("vaccination", 1))),
    GroupKind("ch", 20, _PUBLIC_HOSPITAL, "{main}", (1, 6, 0.55),
              (("ehpad", 4), ("ssiad", 2), ("usld", 1), ("cmp", 4), ("cattp", 2), ("chu_site", 1), ("had", 0.5)),
              "ch"),
    GroupKind("chu", 0.5, (("15", "1200"),), "{main}", (4, 14, 0.85),
              (("chu_site", 6), ("ehpad", 2), ("cmp", 2), ("usld", 1)), "chu"),
    GroupKind("ch_proximite", 8, _PUBLIC_HOSPITAL, "{main}", (1, 3, 0.4), (("ehpad", 3), ("ssiad", 1)),
              "ch_proximite"),
    GroupKind("chs", 3, _PUBLIC_HOSPITAL, "{main}", (3, 25, 0.85), (("cmp", 3), ("cattp", 2)), "chs"),
    GroupKind("clinique", 14, _COMPANY, "{main}", (1, 2, 0.15),
              (("clinique", 5), ("clinique_chir", 2), ("clinique_med", 1), ("maternite_privee", 1), ("smr", 2),
               ("clinique_psy", 1)), siren=True),
    GroupKind("espic", 6, _ASSOCIATION, "{main}", (1, 4, 0.4),
              (("clinique", 2), ("smr", 3), ("had", 1), ("dialyse", 1), ("ehpad", 1), ("clcc", 0.4)), siren=True),
    GroupKind("had", 2, _ASSOCIATION, "{main}", (1, 1, 0.0), (), "had", siren=True),
    GroupKind("dialyse", 3, _ASSOCIATION, "{main}", (1, 6, 0.55), (("dialyse", 1),), "dialyse", siren=True),
)
