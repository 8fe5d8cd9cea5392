"""Deterministic generator of a national-scale ROR directory, as NDJSON files ready for ``ror load``.

``generate(scale, seed, out)`` writes Organization, Location, Practitioner, HealthcareService and
PractitionerRole NDJSON files plus ``manifest.json`` (load order), streaming region by region.

Scale 1 approximates the national ROR. Figures measured with seed 1 (counts vary by a few percent with the seed):

    Organization         317 528   60 000 EJ, 98 825 EG, 158 703 OI (12 863 poles, 54 309 services, 91 531 UF)
    Location             238 973   one site per EG + one bed/place zone per unit with capacity or equipment
    Practitioner         587 875
    HealthcareService    295 750   MCO 118 383, SMR 16 242, PSY 10 193, MS 79 936, Ville 63 212, Social 7 784
    PractitionerRole   1 189 051   ~2 roles per practitioner (hospital teams work across their service's UFs)
    total              2 629 177   63 s on the 2-core dev machine (~41 000 resources/s), peak RSS ~100 MB,
                                   ~7 GB of NDJSON

Compared with the first estimates (400 000 offers, 300 000 places, 450 000 practitioners), offers are one per
activity and care mode of a unit, places only exist where beds, places or equipment are described, and a
practitioner's roles stay within one establishment; everything else follows the curated mix of
``catalog.structures``. Every count is proportional to ``scale`` (the number of EJs is exactly
``round(60 000 * scale)``); small scales (0.0001 and up) still give a connected graph with every resource type,
the first EJ of a run being a public hospital.
"""

from server.generate.runner import generate
from server.generate.writer import LOAD_ORDER

__all__ = ["LOAD_ORDER", "generate"]
