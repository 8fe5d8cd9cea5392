"""The ``HealthcareService.characteristic`` slices of the ROR profile, told apart by code system.

Specific acts and acts performed outside the office share TRE_R210; the ``ror-act-type`` extension of the
characteristic separates them.
"""

from __future__ import annotations

from typing import Any

from mappings import fhir

Resource = dict[str, Any]

ACTS = "specificAct", "outsideOfficeAct"
SLICES: dict[str, tuple[str, ...]] = {
    "careMode": (fhir.CARE_MODE, fhir.jdv("J19-ModePriseEnCharge-ROR")),
    "receptionType": (fhir.tre("R240-TemporaliteAccueil"), fhir.jdv("J30-TemporaliteAccueil-ROR")),
    "receptionModality": (fhir.tre("R338-ModaliteAccueil"), fhir.jdv("J226-ModaliteAccueil-ROR")),
    "managementType": (fhir.tre("R236-ModeGestion"), fhir.jdv("J26-ModeGestion-ROR")),
    "act": (fhir.tre("R210-ActeSpecifique"), fhir.jdv("J16-ActeSpecifique-ROR")),
    "takingCareSpeciality": (
        fhir.tre("R245-SpecialisationDePriseEnCharge"),
        fhir.jdv("J35-SpecialisationDePriseEnCharge-ROR"),
    ),
    "annualOpening": (fhir.tre("R238-OuvertureAnnuelle"), fhir.jdv("J28-OuvertureAnnuelle-ROR")),
    "ressourceProfession": (
        fhir.tre("G15-ProfessionSante"),
        fhir.tre("R356-ProfessionRessource"),
        fhir.tre("R85-RolePriseCharge"),
        fhir.tre("R94-ProfessionSocial"),
        fhir.tre("R95-UsagerTitre"),
        fhir.tre("R96-AutreFonctionSanitaire"),
        fhir.jdv("J186-ProfessionRessource-ROR"),
    ),
    "specificCompetence": (fhir.tre("R243-CompetenceSpecifique"), fhir.jdv("J33-CompetenceSpecifique-ROR")),
    "expertiseLevel": (
        fhir.tre("R253-TypeMaternite"),
        fhir.tre("R344-NiveauExpertise"),
        fhir.jdv("J227-NiveauExpertise-ROR"),
    ),
    "temporalityStopService": (fhir.tre("R286-TypeFermeture"), fhir.jdv("J185-TypeFermeture-ROR")),
}
_SLICE_BY_SYSTEM = {system: name for name, systems in SLICES.items() for system in systems}
_SLICE_BY_SYSTEM = {system: name for name, systems in SLICES.items() for system in systems}


def slice_of(characteristic: Resource) -> str | None:
    """The slice name of a characteristic (``None`` for an unknown code system)."""
    coding = fhir.first_coding(characteristic)
    name = _SLICE_BY_SYSTEM.get((coding or {}).get("system", ""))
    if name == "act":
        act = fhir.ext_value(characteristic, fhir.EXT_ACT_TYPE)
        return act if act in ACTS else "specificAct"
    return name


def characteristics(hcs: Resource, slice_name: str) -> list[Resource]:
    """Codings of one characteristic slice."""
    return [c for c in (fhir.first_coding(x) for x in hcs.get("characteristic", ()) if slice_of(x) == slice_name) if c]


def as_characteristic(concept: Resource, slice_name: str) -> Resource:
    """A characteristic of this slice (acts get their ``ror-act-type``)."""
    if slice_name in ACTS:
        return {"extension": [fhir.make_ext(fhir.EXT_ACT_TYPE, "Code", slice_name)], **concept}
    return concept
