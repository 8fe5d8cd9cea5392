"""How many legal entities (EJ) each region gets for a given scale: proportional to population."""

from __future__ import annotations

from collections.abc import Sequence

from server.generate.geography import Region

#: Legal entities in the national ROR; every other count follows from the EJ mix (see ``catalog.structures``).
LEGAL_ENTITIES_AT_SCALE_1 = 60_000


def legal_entities_per_region(scale: float, regions: Sequence[Region]) -> list[tuple[Region, int]]:
    """At least one EJ overall; shares by population, remainders to the largest fractions (largest remainder)."""
    total = max(1, round(LEGAL_ENTITIES_AT_SCALE_1 * scale))
    populations = [region.population for region in regions]
    everyone = sum(populations)
    quotas = [total * population / everyone for population in populations]
    counts = [int(quota) for quota in quotas]
    by_remainder = sorted(range(len(regions)), key=lambda i: (counts[i] - quotas[i], regions[i].code))
    for index in by_remainder[: total - sum(counts)]:
        counts[index] += 1
    return [(region, count) for region, count in zip(regions, counts, strict=True) if count]
