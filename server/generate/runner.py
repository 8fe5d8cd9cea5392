"""``generate()``: the deterministic, streaming generator behind ``ror generate``."""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from pathlib import Path

from server.generate import services
from server.generate.catalog.offers import DISCIPLINES, KINDS
from server.generate.catalog.structures import GROUPS
from server.generate.context import Context
from server.generate.geography import Neighbourhoods, regions
from server.generate.hierarchy import HierarchyBuilder
from server.generate.identifiers import Identifiers
from server.generate.plan import legal_entities_per_region
from server.generate.writer import NdjsonWriter

#: The very first legal entity of a run is a public hospital, so that even the smallest scale yields every
#: resource type (hierarchy with poles, services and UFs, bed capacities, practitioners).
_FIRST_GROUP = "ch"
_NEIGHBOURHOOD = 12

Progress = Callable[[str, int], None]


def compile_catalogue() -> None:
    """Resolve every code of the curated catalogue against the NOS value sets (``KeyError`` on a bad code)."""
    for kind in KINDS:
        services.template(kind)
    for discipline in DISCIPLINES:
        for kind in discipline.kinds:
            services.template(kind)


def generate(scale: float, seed: int, out: Path, progress: Progress | None = None) -> dict[str, int]:
    """Write ``<out>/<Type>.ndjson`` for the five ROR resource types and ``<out>/manifest.json``.

    The output is a pure function of ``(scale, seed)`` (byte-identical across runs). ``progress`` is called
    after each region with the region code (TRE_R30) and the number of resources written so far. Returns the
    number of resources written per type.
    """
    if not (math.isfinite(scale) and scale > 0):
        raise ValueError(f"scale must be a positive number, not {scale!r}")
    compile_catalogue()
    groups = {group.key: group for group in GROUPS}
    keys = [group.key for group in GROUPS]
    weights = [group.weight for group in GROUPS]
    ids = Identifiers()
    neighbourhoods = Neighbourhoods(_NEIGHBOURHOOD)
    with NdjsonWriter(out) as writer:
        first = True
        for region, count in legal_entities_per_region(scale, regions()):
            ctx = Context(random.Random(f"{seed}:{region.code}"), ids, writer, region, neighbourhoods)
            builder = HierarchyBuilder(ctx)
            for _ in range(count):
                key = _FIRST_GROUP if first else ctx.rng.choices(keys, weights)[0]
                first = False
                builder.legal_entity(groups[key])
            if progress is not None:
                progress(region.code, writer.total)
        writer.write_manifest(scale, seed)
    return dict(writer.counts)
