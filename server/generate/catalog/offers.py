"""Offer kinds (what one HealthcareService looks like), per champ d'activite.

A hospital ``Discipline`` (cardiologie, SMR locomoteur, psychiatrie adulte...) expands into one ``OfferKind``
per care mode, each becoming an unite fonctionnelle; ``MODES`` says what a care mode implies (beds or places,
opening hours, staff). Medico-social, social and ambulatory ("ville") offers are listed directly as kinds.
Codes: champ TRE_R227, category TRE_R244, activity TRE_R211, care mode TRE_R213, public TRE_R239, acts
TRE_R210, specialisation TRE_R245, competence TRE_R243, modality TRE_R338, expertise TRE_R253/R344, equipment
TRE_R212, reception TRE_R240, family TRE_R265/R266, housing TRE_R242, staff TRE_G15 + TRE_R38.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

MCO, SMR, PSY, MS, VILLE, SOCIAL = "01", "02", "03", "04", "05", "06"
BEDS, PLACES = "01", "02"  # TRE_R329 capacity types


@dataclass(frozen=True, slots=True)
class Staff:
    """A profession (TRE_G15) and ordinal specialty (TRE_R38, or None) working in an offer."""

    profession: str
    specialty: str | None = None


@dataclass(frozen=True, slots=True)
class OfferKind:
    key: str
    label: str
    champ: str
    care_mode: str
    activities: tuple[str, ...]  # one is drawn per offer; repeat a code to weight it
    category: str | None = None
    ages: tuple[int, int] = (0, 120)
    publics: tuple[str, ...] = ()
    capacity: str | None = None  # BEDS or PLACES: the offer gets its own Location with capacity indicators
    size: tuple[int, int] = (0, 0)  # installed capacity range
    schedule: str = "weekdays"
    staff: tuple[Staff, ...] = ()
    staff_count: tuple[int, int] = (0, 0)
    acts: tuple[str, ...] = ()
    specialisations: tuple[str, ...] = ()
    competences: tuple[str, ...] = ()
    modalities: tuple[str, ...] = ()
    expertise: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    reception: str | None = None
    family: tuple[str, ...] = ()
    housing: tuple[str, ...] = ()
    management: bool = False  # home-help offers state prestataire/mandataire (TRE_R236)
    zone: bool = False  # intervention zone: the communes around the establishment
    psy_sector: bool = False
    no_consent: bool = False
    sensitive: float = 0.0  # probability that the offer is a sensitive unit
    bed_zone: str = ""  # prefix of the establishment's own code for the bed zone (idExterneSynchro)


@dataclass(frozen=True, slots=True)
class ModeProfile:
    capacity: str | None
    size: tuple[int, int]
    schedule: str
    staff_count: tuple[int, int]


#: What a hospital care mode implies for the unite fonctionnelle offering it.
MODES: dict[str, ModeProfile] = {
    "28": ModeProfile(BEDS, (14, 32), "h24", (4, 12)),  # hospitalisation complete
    "34": ModeProfile(BEDS, (8, 16), "week", (2, 5)),  # hospitalisation de semaine
    "13": ModeProfile(BEDS, (4, 10), "h24", (3, 6)),  # UHCD
    "29": ModeProfile(PLACES, (4, 16), "day", (3, 8)),  # hospitalisation de jour
    "09": ModeProfile(PLACES, (6, 20), "day", (4, 10)),  # chirurgie ambulatoire
    "31": ModeProfile(PLACES, (15, 70), "h24", (2, 5)),  # HAD
    "32": ModeProfile(None, (0, 0), "office", (4, 14)),  # consultation
    "20": ModeProfile(None, (0, 0), "weekdays", (2, 7)),  # soins externes
    "33": ModeProfile(None, (0, 0), "h24", (8, 18)),  # urgences
    "27": ModeProfile(None, (0, 0), "h24", (5, 12)),  # regulation
    "11": ModeProfile(None, (0, 0), "weekdays", (1, 4)),  # equipe mobile extra-hospitaliere
    "52": ModeProfile(None, (0, 0), "weekdays", (1, 4)),  # equipe mobile intra-hospitaliere
    "59": ModeProfile(None, (0, 0), "h24", (4, 10)),  # equipe d'intervention mobile (SMUR)
    "42": ModeProfile(None, (0, 0), "weekdays", (1, 3)),  # prise en charge de groupe (CATTP)
    "55": ModeProfile(None, (0, 0), "weekdays", (1, 4)),  # plateau technique
    "17": ModeProfile(None, (0, 0), "weekdays", (1, 2)),  # PASS
}

_BED_ZONE_PREFIX = {MCO: "MCO", SMR: "SSR", PSY: "PSY"}


@dataclass(frozen=True, slots=True)
class Discipline:
    """A hospital speciality: becomes a service (OI) whose unites fonctionnelles carry one offer each."""

    key: str
    label: str
    pole: str
    kinds: tuple[OfferKind, ...]


def discipline(key: str, label: str, pole: str, champ: str, category: str, activities: tuple[str, ...],
               modes: tuple[str, ...], staff: tuple[Staff, ...], **extras: object) -> Discipline:
    """One offer kind per care mode, its capacity, schedule and staff taken from ``MODES``."""
    kinds = []
    for mode in modes:
        profile = MODES[mode]
        kind = OfferKind(
            key=f"{key}/{mode}", label=label, champ=champ, care_mode=mode, activities=activities,
            category=category, capacity=profile.capacity, size=profile.size, schedule=profile.schedule,
            staff=staff, staff_count=profile.staff_count,
            bed_zone=_BED_ZONE_PREFIX[champ] if profile.capacity else "",
        )
        kinds.append(replace(kind, **extras))  # type: ignore[arg-type]
    return Discipline(key, label, pole, tuple(kinds))


def _doctor(*specialties: str) -> tuple[Staff, ...]:
    return tuple(Staff("10", specialty) for specialty in specialties)


_ADULTS = (18, 120)
_CHILDREN = (0, 18)
_BARIATRIC_SURGERY = ("088", "072", "091")

DISCIPLINES: tuple[Discipline, ...] = (
    # Pole medecine
    discipline("cardio", "Cardiologie", "med", MCO, "149", ("013", "013", "132", "014"), ("28", "29", "32"),
               _doctor("SM04", "SM73"), ages=_ADULTS, acts=("0172", "0199", "0178", "0250", "0249")),
    discipline("usic", "Soins intensifs de cardiologie", "med", MCO, "262", ("354",), ("28",),
               _doctor("SM04", "SM79"), ages=_ADULTS, size=(6, 12), equipment=("118", "112")),
    discipline("pneumo", "Pneumologie", "med", MCO, "163", ("114",), ("28", "29", "32"), _doctor("SM41"),
               ages=_ADULTS, acts=("0175", "0210", "0182"), equipment=("065",)),
    discipline("gastro", "Hépato-gastro-entérologie", "med", MCO, "170", ("046", "062"), ("28", "29", "32"),
               _doctor("SM24"), ages=_ADULTS, acts=("0192", "0193", "0205", "0195")),
    discipline("neuro", "Neurologie", "med", MCO, "161", ("097", "098"), ("28", "32"), _doctor("SM32"),
               ages=_ADULTS, specialisations=("44", "28")),
    discipline("usinv", "Unité neuro-vasculaire", "med", MCO, "263", ("356",), ("28",), _doctor("SM32", "SM84"),
               ages=_ADULTS, size=(6, 12), expertise=("37", "38")),
    discipline("nephro", "Néphrologie", "med", MCO, "159", ("095",), ("28", "32"), _doctor("SM30"), ages=_ADULTS),
    discipline("dialyse", "Hémodialyse", "med", MCO, "274", ("059",), ("32",),
               (*_doctor("SM30"), Staff("60")), ages=_ADULTS, schedule="weekdays"),
    discipline("endoc", "Endocrinologie, diabétologie, nutrition", "med", MCO, "167", ("041", "039", "040"),
               ("28", "29", "32"), _doctor("SM62", "SM16"), ages=_ADULTS, equipment=("089", "051")),
    discipline("onco", "Oncologie médicale", "med", MCO, "171", ("102", "164", "189", "195", "193"),
               ("28", "29", "32"), _doctor("SM36", "SM35"), ages=_ADULTS, acts=("0045", "0164"),
               expertise=("27", "28")),
    discipline("hemato", "Hématologie", "med", MCO, "169", ("055", "191"), ("28", "29", "32"),
               _doctor("SM21", "SM71"), ages=_ADULTS, acts=("0374", "0224", "0223", "0253")),
    discipline("interne", "Médecine interne", "med", MCO, "176", ("085",), ("28", "32"), _doctor("SM27", "SM72"),
               ages=_ADULTS, acts=("0285", "0040")),
    discipline("polyvalente", "Médecine polyvalente", "med", MCO, "238", ("083",), ("28", "32"),
               _doctor("SM27", "SM26", "SM54"), ages=(16, 120)),
    discipline("infectio", "Maladies infectieuses", "med", MCO, "168", ("077",), ("28", "32"), _doctor("SM58"),
               ages=_ADULTS, equipment=("009",)),
    discipline("rhumato", "Rhumatologie", "med", MCO, "165", ("131",), ("28", "29", "32"), _doctor("SM48"),
               ages=_ADULTS, acts=("0041", "0257", "0345")),
    discipline("dermato", "Dermatologie", "med", MCO, "154", ("037",), ("29", "32"), _doctor("SM15"),
               acts=("0163",)),
    # Pole chirurgie
    discipline("ortho", "Chirurgie orthopédique et traumatologique", "chir", MCO, "150",
               ("025", "025", "436", "467", "468"), ("28", "09", "32"), _doctor("SM08"), ages=(15, 120),
               acts=("0026", "0094", "0100", "0229"), equipment=_BARIATRIC_SURGERY),
    discipline("visceral", "Chirurgie viscérale et digestive", "chir", MCO, "153", ("033", "474", "017"),
               ("28", "09", "32"), _doctor("SM14", "SM78"), ages=(15, 120), acts=("0065", "0072"),
               equipment=(*_BARIATRIC_SURGERY, "069")),
    discipline("uro", "Urologie", "chir", MCO, "234", ("031", "537"), ("28", "09", "32"), _doctor("SM12"),
               ages=(15, 120), acts=("0118", "0277", "0034"), equipment=("069",)),
    discipline("vasculaire", "Chirurgie vasculaire", "chir", MCO, "152", ("032",), ("28", "32"), _doctor("SM13"),
               ages=_ADULTS, acts=("0021", "0376", "0076")),
    discipline("cardiochir", "Chirurgie thoracique et cardio-vasculaire", "chir", MCO, "151", ("018", "030"),
               ("28",), _doctor("SM11"), ages=_ADULTS, acts=("0077", "0133", "0144", "0103"), equipment=("093",)),
    discipline("neurochir", "Neurochirurgie", "chir", MCO, "160", ("096", "440", "436"), ("28", "32"),
               _doctor("SM31"), acts=("0316", "0248", "0325")),
    discipline("orl", "Oto-rhino-laryngologie", "chir", MCO, "173", ("016",), ("28", "09", "32"),
               _doctor("SM34", "SM39"), acts=("0252", "0312", "0088", "0083")),
    discipline("ophtalmo", "Ophtalmologie", "chir", MCO, "172", ("103",), ("09", "32"), _doctor("SM38"),
               acts=("0066", "0264", "0093", "0128", "0225")),
    discipline("stomato", "Stomatologie et chirurgie maxillo-faciale", "chir", MCO, "166", ("023", "199"),
               ("09", "32"), _doctor("SM07", "SM50"), acts=("0078", "0349")),
    discipline("plastique", "Chirurgie plastique et reconstructrice", "chir", MCO, "242", ("178", "177"),
               ("09", "32"), _doctor("SM10"), acts=("0162", "0087")),
    discipline("anesth", "Anesthésie", "chir", MCO, "237", ("007",), ("32",), _doctor("SM02")),
    # Pole femme-mere-enfant
    discipline("gyneco", "Gynécologie", "fme", MCO, "157", ("022", "022", "053"), ("28", "09", "32"),
               _doctor("SM20", "SM19"), ages=(12, 120), publics=("10",),
               acts=("0268", "0267", "0189", "0080")),
    discipline("maternite", "Maternité", "fme", MCO, "290", ("100", "282"), ("28", "32"),
               (*_doctor("SM20"), Staff("50")), ages=(12, 55), acts=("0180", "0181", "0166"),
               expertise=("01", "02", "03", "04")),
    discipline("neonat", "Néonatologie", "fme", MCO, "289", ("094",), ("28",), _doctor("SM40", "SM87"),
               ages=(0, 1), equipment=("135", "136")),
    discipline("pediatrie", "Pédiatrie", "fme", MCO, "162", ("088", "610", "611"), ("28", "29", "32"),
               _doctor("SM40"), ages=_CHILDREN),
    discipline("chirped", "Chirurgie pédiatrique", "fme", MCO, "241", ("604", "605"), ("28", "32"),
               _doctor("SM09", "SM69", "SM70"), ages=_CHILDREN),
    # Pole urgences - reanimation
    discipline("urgences", "Urgences", "urg", MCO, "20", ("157",), ("33",), _doctor("SM59", "SM26"),
               modalities=("06",)),
    discipline("urgped", "Urgences pédiatriques", "urg", MCO, "311", ("249",), ("33",), _doctor("SM40", "SM59"),
               ages=_CHILDREN, modalities=("06",)),
    discipline("uhcd", "Unité d'hospitalisation de courte durée", "urg", MCO, "278", ("115",), ("13",),
               _doctor("SM59")),
    discipline("smur", "SMUR", "urg", MCO, "247", ("136", "268"), ("59",), _doctor("SM59"), modalities=("02",)),
    discipline("samu", "SAMU - Centre 15", "urg", MCO, "246", ("273",), ("27",), _doctor("SM59")),
    discipline("rea", "Réanimation", "urg", MCO, "121", ("126", "127"), ("28",), _doctor("SM46", "SM02"),
               size=(8, 20), equipment=("093", "009", "010")),
    discipline("usc", "Surveillance continue", "urg", MCO, "254", ("373",), ("28",), _doctor("SM02", "SM46"),
               size=(6, 12)),
    # Pole medico-technique
    discipline("imagerie", "Imagerie médicale", "mt", MCO, "164", ("067", "070", "068", "069", "454"), ("20",),
               _doctor("SM44", "SM74"), acts=("0245", "0164", "0368"), equipment=("054", "052", "085", "094")),
    discipline("nucleaire", "Médecine nucléaire", "mt", MCO, "239", ("087", "169"), ("20",), _doctor("SM28"),
               acts=("0011", "0278", "0216")),
    discipline("radiotherapie", "Radiothérapie", "mt", MCO, "117", ("168", "167"), ("32",), _doctor("SM45", "SM37"),
               ages=_ADULTS),
    discipline("biologie", "Biologie médicale", "mt", MCO, "248", ("009", "093", "056"), ("55",),
               _doctor("SM03", "SM63"), acts=("0304", "0306")),
    discipline("pui", "Pharmacie à usage intérieur", "mt", MCO, "82", ("397", "395", "398"), ("55",),
               (Staff("21"),)),
    # Pole sante publique et soins de support
    discipline("palliatif", "Soins palliatifs", "sp", MCO, "175", ("076", "170"), ("28",),
               _doctor("SM26", "SM27"), ages=_ADULTS, size=(8, 12)),
    discipline("emsp", "Equipe mobile de soins palliatifs", "sp", MCO, "252", ("170",), ("52",),
               (*_doctor("SM26"), Staff("60"))),
    discipline("douleur", "Structure douleur chronique", "sp", MCO, "126", ("004",), ("32",), _doctor("SM02", "SM32"),
               ages=_ADULTS),
    discipline("elsa", "Equipe de liaison en addictologie", "sp", MCO, "272", ("404", "139"), ("52",),
               (*_doctor("SM26"), Staff("60")), publics=("04",)),
    discipline("pass", "Permanence d'accès aux soins de santé", "sp", MCO, "295", ("437",), ("17",),
               _doctor("SM26"), publics=("06",)),
    discipline("cegidd", "CeGIDD", "sp", MCO, "250", ("162",), ("32",), _doctor("SM58", "SM26"),
               ages=(12, 120), modalities=("07", "06")),
    # Pole geriatrie
    discipline("geriatrie", "Gériatrie aiguë", "ger", MCO, "156", ("491", "050"), ("28", "32"), _doctor("SM18"),
               ages=(75, 120), publics=("01",), acts=("0204", "0032", "0033")),
    discipline("emg", "Equipe mobile de gériatrie", "ger", MCO, "266", ("050",), ("52",), _doctor("SM18"),
               ages=(75, 120)),
    discipline("usld", "Unité de soins de longue durée", "ger", SMR, "249", ("333",), ("28",), _doctor("SM18"),
               ages=(60, 120), publics=("01",), size=(30, 60)),
    # Soins medicaux et de readaptation
    discipline("smr_poly", "SMR polyvalent", "smr", SMR, "100", ("172",), ("28", "29"), _doctor("SM29", "SM26"),
               ages=_ADULTS, equipment=("150", "040")),
    discipline("smr_ger", "SMR gériatrique", "smr", SMR, "101", ("241",), ("28", "29"), _doctor("SM18"),
               ages=(75, 120), publics=("01",)),
    discipline("smr_loco", "SMR locomoteur", "smr", SMR, "102", ("233", "513"), ("28", "29"), _doctor("SM29"),
               ages=(16, 120), equipment=("098", "102", "150", "192"), expertise=("14", "17")),
    discipline("smr_neuro", "SMR système nerveux", "smr", SMR, "103", ("234", "519", "518"), ("28", "29"),
               _doctor("SM29", "SM32"), ages=(16, 120), equipment=("103", "104", "106"), expertise=("13", "20", "21")),
    discipline("smr_cardio", "SMR cardio-vasculaire", "smr", SMR, "104", ("235", "514"), ("28", "29"),
               _doctor("SM04", "SM29"), ages=_ADULTS, equipment=("040", "112"), expertise=("15",)),
    discipline("smr_pneumo", "SMR pneumologie", "smr", SMR, "105", ("236", "515"), ("28", "29"), _doctor("SM41"),
               ages=_ADULTS, equipment=("040", "113"), expertise=("16",)),
    discipline("smr_nutri", "SMR système digestif, endocrinologie, diabétologie, nutrition", "smr", SMR, "106",
               ("237", "520"), ("28", "29"), _doctor("SM62"), ages=_ADULTS, equipment=("109", "089"),
               expertise=("22",)),
    discipline("smr_addicto", "SMR conduites addictives", "smr", SMR, "108", ("240", "521"), ("28", "29"),
               _doctor("SM26", "SM42"), ages=_ADULTS, publics=("04",)),
    discipline("smr_ped", "SMR pédiatrique", "smr", SMR, "109", ("172", "524", "522"), ("28", "29"),
               _doctor("SM40", "SM29"), ages=_CHILDREN, competences=("11",)),
    discipline("smr_onco", "SMR oncologie", "smr", SMR, "111", ("523", "238"), ("28", "29"), _doctor("SM36", "SM29"),
               ages=_ADULTS),
    # Psychiatrie
    discipline("psy_hc", "Psychiatrie adulte", "psy", PSY, "174", ("229",), ("28",), _doctor("SM42"),
               ages=(16, 120), psy_sector=True, no_consent=True, sensitive=0.02, size=(18, 30),
               specialisations=("07", "08", "63", "65")),
    discipline("psy_hdj", "Hôpital de jour de psychiatrie adulte", "psy", PSY, "11", ("229", "231"), ("29",),
               _doctor("SM42"), ages=(16, 120), psy_sector=True, specialisations=("07", "08", "16")),
    discipline("psy_usip", "Unité de soins intensifs psychiatriques", "psy", PSY, "15", ("355",), ("28",),
               _doctor("SM42"), ages=_ADULTS, no_consent=True, sensitive=0.5, size=(8, 12),
               equipment=("097",)),
    discipline("psy_umd", "Unité pour malades difficiles", "psy", PSY, "18", ("229",), ("28",), _doctor("SM42"),
               ages=_ADULTS, no_consent=True, sensitive=1.0, size=(20, 40), equipment=("097",)),
    discipline("psy_urg", "Urgences psychiatriques", "psy", PSY, "301", ("158", "612"), ("33",), _doctor("SM42"),
               ages=(16, 120), specialisations=("62",)),
    discipline("pedopsy", "Psychiatrie de l'enfant et de l'adolescent", "psy", PSY, "282", ("227", "228"),
               ("28", "29"), _doctor("SM43", "SM92"), ages=_CHILDREN, psy_sector=True,
               specialisations=("02", "03", "01", "26")),
    discipline("empp", "Equipe mobile psychiatrie précarité", "psy", PSY, "77", ("229",), ("11",),
               (*_doctor("SM42"), Staff("69")), ages=_ADULTS, publics=("06",)),
    discipline("emgp", "Equipe mobile de psychiatrie de la personne âgée", "psy", PSY, "144", ("051",), ("11",),
               _doctor("SM42", "SM93"), ages=(65, 120), publics=("01",)),
)

DISCIPLINES_BY_KEY: dict[str, Discipline] = {d.key: d for d in DISCIPLINES}

POLES: dict[str, str] = {
    "med": "Pôle Médecine",
    "chir": "Pôle Chirurgie et Anesthésie",
    "fme": "Pôle Femme-Mère-Enfant",
    "urg": "Pôle Urgences - Réanimation",
    "mt": "Pôle Médico-technique",
    "sp": "Pôle Santé publique et Soins de support",
    "ger": "Pôle Gériatrie",
    "smr": "Pôle Soins Médicaux et de Réadaptation",
    "psy": "Pôle Psychiatrie et Santé mentale",
}

_PA = ("01",)
_PH = ("02",)
_ELDERLY = (60, 120)
_DAY_CARE_PA = ("306", "312")
_COORDINATOR = (Staff("10", "SM26"),)


def _kind(key: str, label: str, champ: str, care_mode: str, activities: tuple[str, ...], **fields: object) -> OfferKind:
    return replace(OfferKind(key, label, champ, care_mode, activities), **fields)  # type: ignore[arg-type]


def _cabinet(key: str, label: str, category: str | None, activities: tuple[str, ...], staff: tuple[Staff, ...],
             care_mode: str = "32", **fields: object) -> OfferKind:
    """An ambulatory offer: consultations (by default) in a cabinet, by one professional unless stated."""
    defaults: dict[str, object] = {"category": category, "schedule": "office", "staff": staff,
                                   "staff_count": (1, 1), "modalities": ("03",)}
    defaults.update(fields)
    return _kind(key, label, VILLE, care_mode, activities, **defaults)


KINDS: tuple[OfferKind, ...] = (
    # Personnes agees
    _kind("ehpad_permanent", "Hébergement permanent", MS, "46", ("293", "285", "287"), category="21",
          publics=_PA, ages=_ELDERLY, capacity=PLACES, size=(40, 110), schedule="h24", reception="02",
          staff=_COORDINATOR, staff_count=(0, 1), competences=("19", "20", "45", "47"), family=("004", "011"),
          housing=("02", "01"), bed_zone="EHPAD"),
    _kind("ehpad_temporaire", "Hébergement temporaire", MS, "46", ("293", "394"), category="21", publics=_PA,
          ages=_ELDERLY, capacity=PLACES, size=(2, 8), schedule="h24", reception="01", housing=("02",),
          bed_zone="EHPAD"),
    _kind("ehpad_uvp", "Unité de vie protégée", MS, "46", ("293", "306"), category="24", publics=_PA,
          ages=_ELDERLY, capacity=PLACES, size=(10, 28), schedule="h24", reception="02",
          specialisations=("28", "27"), competences=("45",), housing=("02",), bed_zone="EHPAD"),
    _kind("ehpad_uhr", "Unité d'hébergement renforcé", MS, "46", ("306", "293"), category="23", publics=_PA,
          ages=_ELDERLY, capacity=PLACES, size=(12, 14), schedule="h24", reception="02", specialisations=("27",),
          bed_zone="EHPAD"),
    _kind("ehpad_pasa", "Pôle d'activités et de soins adaptés", MS, "47", ("306",), category="25", publics=_PA,
          ages=_ELDERLY, capacity=PLACES, size=(12, 14), schedule="day", specialisations=("28",)),
    _kind("accueil_jour_pa", "Accueil de jour", MS, "47", _DAY_CARE_PA, category="21", publics=_PA, ages=_ELDERLY,
          capacity=PLACES, size=(6, 15), schedule="day", specialisations=("28",), family=("029",)),
    _kind("residence_autonomie", "Logements en résidence autonomie", MS, "46", ("298", "312", "322"),
          category="22", publics=("03",), ages=_ELDERLY, capacity=PLACES, size=(30, 85), schedule="h24",
          reception="02", housing=("03", "05", "04"), family=("019",)),
    _kind("ssiad", "Soins infirmiers à domicile", MS, "49", ("287",), category="28", publics=("01", "02"),
          ages=(60, 120), capacity=PLACES, size=(25, 90), schedule="week7", staff=(Staff("60"),),
          staff_count=(0, 1), zone=True, competences=("20",), family=("005",)),
    _kind("ssiad_ph", "Soins infirmiers à domicile pour personnes handicapées", MS, "49", ("287",), category="28",
          publics=_PH, ages=(20, 60), capacity=PLACES, size=(5, 20), schedule="week7", zone=True),
    _kind("esa", "Equipe spécialisée Alzheimer", MS, "49", ("306",), category="29", publics=_PA, ages=(40, 120),
          schedule="weekdays", zone=True, specialisations=("28",)),
    _kind("aide_domicile", "Aide et accompagnement à domicile", MS, "49", ("293", "299", "322"), category="30",
          publics=("01", "02"), ages=(0, 120), schedule="week7", zone=True, management=True,
          family=("011", "020")),
    _kind("aide_soins_domicile", "Service autonomie aide et soins", MS, "49", ("293", "287"), category="132",
          publics=("01", "02"), ages=(0, 120), schedule="week7", zone=True, management=True),
    _kind("portage_repas", "Portage de repas à domicile", SOCIAL, "49", ("322",), category="33", publics=_PA,
          ages=_ELDERLY, schedule="weekdays", zone=True),
    _kind("teleassistance", "Téléassistance", SOCIAL, "36", ("297",), category="34", publics=("01", "02"),
          ages=(0, 120), schedule="h24", zone=True),
    # Personnes handicapees, enfants
    _kind("ime_internat", "Internat", MS, "46", ("300", "293", "294"), category="48", publics=_PH, ages=(6, 20),
          capacity=PLACES, size=(8, 30), schedule="week", specialisations=("14", "02", "17"),
          competences=("11", "47"), family=("022", "011"), bed_zone="IME"),
    _kind("ime_semi", "Semi-internat", MS, "47", ("300", "294", "293"), category="48", publics=_PH, ages=(3, 20),
          capacity=PLACES, size=(15, 60), schedule="day", specialisations=("14", "02"), competences=("11",)),
    _kind("itep", "Accompagnement en ITEP", MS, "47", ("300", "295"), category="50", publics=_PH, ages=(6, 20),
          capacity=PLACES, size=(15, 45), schedule="day", specialisations=("26", "03")),
    _kind("sessad", "Service d'éducation spéciale et de soins à domicile", MS, "49", ("300", "294", "293"),
          category="57", publics=_PH, ages=(0, 20), capacity=PLACES, size=(20, 60), zone=True,
          specialisations=("02", "14", "22", "11")),
    _kind("camsp", "Action médico-sociale précoce", MS, "32", ("557", "448"), category="61", publics=_PH,
          ages=(0, 6), staff=(Staff("10", "SM40"),), staff_count=(0, 2), specialisations=("66", "02")),
    _kind("cmpp", "Consultations médico-psycho-pédagogiques", MS, "32", ("289", "200", "493"), category="62",
          ages=(0, 20), staff=(Staff("10", "SM43"),), staff_count=(0, 2), specialisations=("11", "03")),
    _kind("pco", "Plateforme de coordination et d'orientation TND", MS, "58", ("448", "582"), category="84",
          ages=(0, 12), zone=True, specialisations=("02", "03", "11")),
    # Personnes handicapees, adultes
    _kind("esat", "Activité professionnelle adaptée", MS, "47", ("304", "305"), category="43", publics=_PH,
          ages=(18, 62), capacity=PLACES, size=(30, 120), schedule="day", family=("024",)),
    _kind("mas", "Hébergement en maison d'accueil spécialisée", MS, "46", ("288", "293"), category="40",
          publics=_PH, ages=(18, 120), capacity=PLACES, size=(20, 60), schedule="h24", reception="02",
          specialisations=("17", "24"), staff=_COORDINATOR, staff_count=(0, 1), bed_zone="MAS"),
    _kind("fam", "Hébergement en établissement d'accueil médicalisé", MS, "46", ("293", "285"), category="39",
          publics=_PH, ages=(18, 120), capacity=PLACES, size=(20, 50), schedule="h24", reception="02",
          specialisations=("16", "14", "02"), bed_zone="FAM"),
    _kind("foyer_vie", "Hébergement en foyer de vie", MS, "46", ("313", "312", "293"), category="97", publics=_PH,
          ages=(18, 120), capacity=PLACES, size=(20, 50), schedule="h24", reception="02"),
    _kind("foyer_vie_jour", "Accueil de jour en foyer de vie", MS, "47", ("313", "312"), category="97",
          publics=_PH, ages=(18, 120), capacity=PLACES, size=(5, 15), schedule="day"),
    _kind("foyer_hebergement", "Foyer d'hébergement pour travailleurs handicapés", MS, "46", ("298", "305"),
          category="96", publics=_PH, ages=(18, 62), capacity=PLACES, size=(15, 40), schedule="h24"),
    _kind("savs", "Accompagnement à la vie sociale", MS, "49", ("312", "298", "318"), category="31", publics=_PH,
          ages=(18, 120), capacity=PLACES, size=(20, 80), zone=True),
    _kind("samsah", "Accompagnement médico-social pour adultes handicapés", MS, "49", ("285", "293"),
          category="32", publics=_PH, ages=(18, 120), capacity=PLACES, size=(15, 40), zone=True,
          specialisations=("16", "24")),
    # Psychiatrie de secteur, hors les murs
    _kind("cmp_adulte", "Centre médico-psychologique adulte", PSY, "32", ("229",), category="10", ages=(16, 120),
          staff=(*_doctor("SM42"), Staff("69")), staff_count=(1, 4), psy_sector=True, specialisations=("07", "08")),
    _kind("cmpea", "Centre médico-psychologique enfants et adolescents", PSY, "32", ("227", "228"), category="281",
          ages=_CHILDREN, staff=_doctor("SM43", "SM92"), staff_count=(1, 3), psy_sector=True,
          specialisations=("02", "03")),
    _kind("cattp", "Centre d'activités thérapeutiques à temps partiel", PSY, "42", ("229", "231"), category="05",
          ages=(16, 120), psy_sector=True),
    _kind("hdj_extra", "Hôpital de jour", PSY, "29", ("229", "231"), category="11", ages=(16, 120),
          capacity=PLACES, size=(8, 15), schedule="day", staff=_doctor("SM42"), staff_count=(1, 2), psy_sector=True),
    # Addictologie, precarite
    _kind("csapa", "Consultations en addictologie", MS, "32", ("404", "003", "001", "139"), category="80",
          publics=("04",), ages=(12, 120), staff=(Staff("10", "SM26"),), staff_count=(0, 2),
          acts=("0044",), modalities=("07",)),
    _kind("cjc", "Consultation jeunes consommateurs", MS, "32", ("404",), category="86", publics=("04",),
          ages=(12, 25), modalities=("07", "06")),
    _kind("caarud", "Réduction des risques pour usagers de drogues", MS, "54", ("450",), category="81",
          publics=("04", "06"), ages=(18, 120), modalities=("07", "06")),
    _kind("lhss", "Lits halte soins santé", MS, "46", ("285", "287"), category="93", publics=("06",),
          ages=(18, 120), capacity=BEDS, size=(5, 20), schedule="h24", bed_zone="LHSS"),
    _kind("lam", "Lits d'accueil médicalisés", MS, "46", ("285", "288"), category="95", publics=("06", "09"),
          ages=(18, 120), capacity=BEDS, size=(10, 25), schedule="h24", bed_zone="LAM"),
    _kind("act", "Appartements de coordination thérapeutique", MS, "46", ("287", "298"), category="94",
          publics=("06", "09"), ages=(18, 120), capacity=PLACES, size=(5, 20), schedule="h24"),
    # Social
    _kind("chrs", "Hébergement d'insertion", SOCIAL, "46", ("553", "533", "392"), publics=("06",), ages=(18, 120),
          capacity=PLACES, size=(20, 80), schedule="h24", reception="01"),
    _kind("hebergement_urgence", "Hébergement d'urgence", SOCIAL, "46", ("392",), category="258",
          publics=("06", "10"), ages=(18, 120), capacity=PLACES, size=(10, 40), schedule="h24", reception="01"),
    _kind("cada", "Accueil de demandeurs d'asile", SOCIAL, "46", ("511", "317"), publics=("06",), ages=(0, 120),
          capacity=PLACES, size=(30, 150), schedule="h24"),
    _kind("mecs", "Accueil en maison d'enfants à caractère social", SOCIAL, "46", ("553", "300", "308"),
          ages=(3, 21), capacity=PLACES, size=(15, 50), schedule="h24"),
    _kind("foyer_enfance", "Accueil d'urgence en foyer de l'enfance", SOCIAL, "46", ("553", "308"), ages=(0, 18),
          capacity=PLACES, size=(15, 40), schedule="h24", reception="01"),
    _kind("pension_famille", "Pension de famille", SOCIAL, "46", ("298", "312"), category="74", publics=("06",),
          ages=(18, 120), capacity=PLACES, size=(15, 25), schedule="h24", reception="02"),
    _kind("accueil_social", "Accueil, écoute et orientation", SOCIAL, "54", ("317", "547"), category="72",
          publics=("06", "01"), ages=(18, 120)),
    _kind("mjpm", "Protection juridique des majeurs", SOCIAL, "49", ("320", "319"), ages=(18, 120), zone=True),
    _kind("evars", "Vie affective, relationnelle et sexuelle", SOCIAL, "32", ("309", "527"), category="98",
          ages=(12, 120), modalities=("07",)),
    _kind("paej", "Point accueil écoute jeunes", SOCIAL, "54", ("289", "453"), category="135", ages=(12, 25),
          modalities=("07", "06")),
    # Ville
    _cabinet("mg", "Médecine générale", "196", ("437",) * 8 + ("483", "484", "487", "481"),
             (Staff("10", "SM26"), Staff("10", "SM54"), Staff("10", "SM53")), modalities=("03", "05", "04", "06")),
    _cabinet("cardio_ville", "Cardiologie", "183", ("013", "091"), (Staff("10", "SM04"),),
             acts=("0172", "0199", "0177")),
    _cabinet("dermato_ville", "Dermatologie", "190", ("037", "038"), (Staff("10", "SM15"),)),
    _cabinet("gyneco_ville", "Gynécologie", "194", ("053", "527", "590"), (Staff("10", "SM19"), Staff("10", "SM20")),
             publics=("10",), acts=("0268",)),
    _cabinet("ophtalmo_ville", "Ophtalmologie", "221", ("103",), (Staff("10", "SM38"),), acts=("0143", "0264")),
    _cabinet("pediatrie_ville", "Pédiatrie", "205", ("088",), (Staff("10", "SM40"),), ages=_CHILDREN),
    _cabinet("psychiatrie_ville", "Psychiatrie", "208", ("229", "227"), (Staff("10", "SM42"),),
             modalities=("03", "04")),
    _cabinet("orl_ville", "Oto-rhino-laryngologie", "179", ("016",), (Staff("10", "SM34"),)),
    _cabinet("radiologie_ville", "Imagerie médicale", "211", ("454", "067", "504"), (Staff("10", "SM44"),),
             care_mode="20", equipment=("094", "030")),
    _cabinet("rhumato_ville", "Rhumatologie", "212", ("131",), (Staff("10", "SM48"),)),
    _cabinet("gastro_ville", "Hépato-gastro-entérologie", "219", ("046",), (Staff("10", "SM24"),)),
    _cabinet("pneumo_ville", "Pneumologie", "207", ("114",), (Staff("10", "SM41"),)),
    _cabinet("endoc_ville", "Endocrinologie, diabétologie", "215", ("041", "039"), (Staff("10", "SM62"),)),
    _cabinet("neuro_ville", "Neurologie", "204", ("097",), (Staff("10", "SM32"),)),
    _cabinet("kine", "Masso-kinésithérapie", "195", ("339", "339", "425", "428", "419", "427", "421"),
             (Staff("70"),), modalities=("03", "05")),
    _cabinet("infirmier", "Soins infirmiers", "225", ("287",), (Staff("60"),), care_mode="49", zone=True,
             modalities=("05",), schedule="week7"),
    _cabinet("dentaire", "Chirurgie dentaire", "226", ("442", "441"), (Staff("40"),), acts=("0251",)),
    _cabinet("orthodontie", "Orthopédie dento-faciale", "229", ("104",), (Staff("40", "SCD01"),), ages=(3, 120)),
    _cabinet("sage_femme", "Suivi de grossesse et périnatalité", "213", ("530", "529", "527"), (Staff("50"),),
             ages=(12, 55), modalities=("03", "05")),
    _cabinet("orthophonie", "Orthophonie", "222", ("200",), (Staff("91"),)),
    _cabinet("orthoptie", "Orthoptie", "223", ("106",), (Staff("92"),)),
    _cabinet("pedicurie", "Pédicurie-podologie", "206", ("201",), (Staff("80"),)),
    _cabinet("dietetique", "Diététique", "191", ("549",), (Staff("95"),)),
    _cabinet("ergotherapie", "Ergothérapie", "216", ("558",), (Staff("94"),)),
    _cabinet("psychomotricite", "Psychomotricité", "210", ("493",), (Staff("96"),)),
    _cabinet("msp_mg", "Médecine générale", "99", ("437",), (Staff("10", "SM26"), Staff("10", "SM54")),
             staff_count=(2, 6), modalities=("03", "05", "06")),
    _cabinet("msp_infirmier", "Soins infirmiers", "99", ("287", "614"), (Staff("60"),), staff_count=(1, 4),
             care_mode="49", zone=True, schedule="week7"),
    _cabinet("msp_kine", "Masso-kinésithérapie", "99", ("339",), (Staff("70"),), staff_count=(1, 3)),
    _cabinet("soins_non_programmes", "Soins non programmés", "92", ("437", "475"), (Staff("10", "SM26"),),
             staff_count=(1, 4), care_mode="56", modalities=("06",)),
    _cabinet("cds_mg", "Médecine générale", None, ("437",), (Staff("10", "SM26"), Staff("10", "SM54")),
             staff_count=(1, 5), schedule="weekdays"),
    _cabinet("cds_dentaire", "Soins dentaires", None, ("442", "441", "443"), (Staff("40"),), staff_count=(1, 4),
             schedule="weekdays"),
    _cabinet("cds_specialistes", "Consultations spécialisées", None, ("013", "103", "053", "037"),
             (Staff("10", "SM04"), Staff("10", "SM38"), Staff("10", "SM19"), Staff("10", "SM15")),
             staff_count=(1, 4), schedule="weekdays"),
    _cabinet("pmi", "Protection maternelle et infantile", "125", ("118", "554"), (Staff("10", "SM40"), Staff("50")),
             staff_count=(0, 2), ages=(0, 6), schedule="weekdays"),
    _cabinet("sante_sexuelle", "Santé sexuelle", "89", ("527", "162"), (Staff("10", "SM19"), Staff("50")),
             staff_count=(0, 2), ages=(12, 120), schedule="weekdays", modalities=("03", "07")),
    _cabinet("vaccination", "Vaccinations", "269", ("161",), (Staff("10", "SM58"), Staff("60")),
             staff_count=(0, 2), schedule="weekdays", modalities=("03", "06")),
    _cabinet("biologie_ville", "Analyses de biologie médicale", None, ("009", "093", "056"),
             (Staff("10", "SM03"), Staff("21")), staff_count=(1, 2), care_mode="55", schedule="weekdays",
             modalities=("06",), acts=("0304",)),
    _kind("cpts", "Coordination territoriale", VILLE, "58", ("475", "335", "334"), category="255", ages=(0, 120),
          zone=True),
    _kind("dac", "Appui à la coordination des parcours complexes", VILLE, "58", ("335", "548"), category="178",
          ages=(0, 120), zone=True),
    # Hospitalisation a domicile, dialyse hors hopital
    _kind("had_socle", "Hospitalisation à domicile", MCO, "31", ("083", "170"), category="128", capacity=PLACES,
          size=(20, 80), schedule="h24", staff=_doctor("SM26", "SM27"), staff_count=(1, 3), zone=True),
    _kind("had_perinat", "Hospitalisation à domicile ante et post-partum", MCO, "31", ("282",), category="129",
          capacity=PLACES, size=(5, 15), schedule="h24", ages=(0, 55), zone=True),
    _kind("had_readaptation", "Hospitalisation à domicile de réadaptation", SMR, "31", ("283",), category="130",
          capacity=PLACES, size=(5, 15), schedule="h24", zone=True),
    _kind("dialyse_centre", "Hémodialyse en centre", MCO, "32", ("059",), category="274", ages=_ADULTS,
          capacity=PLACES, size=(8, 24), schedule="weekdays", staff=_doctor("SM30"), staff_count=(1, 4)),
    _kind("dialyse_udm", "Unité de dialyse médicalisée", MCO, "32", ("059",), category="275", ages=_ADULTS,
          capacity=PLACES, size=(6, 12), schedule="weekdays", staff=_doctor("SM30"), staff_count=(1, 2)),
    _kind("autodialyse", "Autodialyse", MCO, "32", ("059",), category="273", ages=_ADULTS, capacity=PLACES,
          size=(4, 10), schedule="weekdays", modalities=("23", "24")),
    _kind("dialyse_domicile", "Dialyse à domicile", MCO, "49", ("583", "059"), category="271", ages=_ADULTS,
          zone=True),
)

KINDS_BY_KEY: dict[str, OfferKind] = {kind.key: kind for kind in KINDS}
