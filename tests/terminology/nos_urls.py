"""Canonical URLs of the NOS resources the terminology tests use."""

NOS = "https://mos.esante.gouv.fr/NOS"


def tre(name: str) -> str:
    return f"{NOS}/TRE_{name}/FHIR/TRE-{name}"


def jdv(name: str) -> str:
    return f"{NOS}/JDV_{name}/FHIR/JDV-{name}"


R11 = tre("R11-CiviliteExercice")
R20 = tre("R20-Pays")
R210 = tre("R210-ActeSpecifique")
R211 = tre("R211-ActiviteOperationnelle")
R212 = tre("R212-Equipement")
R227 = tre("R227-ChampActivite")
R302 = tre("R302-ContexteCodeComplementaire")
G15 = tre("G15-ProfessionSante")
X01 = tre("X01-TestHierarchie")
J16 = jdv("J16-ActeSpecifique-ROR")
J17 = jdv("J17-ActiviteOperationnelle-ROR")
J20 = jdv("J20-ChampActivite-ROR")
J55 = jdv("J55-CategorieEG-ROR")
J186 = jdv("J186-ProfessionRessource-ROR")
J247 = jdv("J247-Pays-ROR")
X02 = jdv("X02-TestHierarchie")
OLD = "20260330120000"
NEW = "20270329120000"
