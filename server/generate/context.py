"""What every resource builder needs while one region is being generated."""

from __future__ import annotations

import random
from dataclasses import dataclass

from server.generate.geography import Neighbourhoods, Region
from server.generate.identifiers import Identifiers
from server.generate.writer import NdjsonWriter


@dataclass(slots=True)
class Context:
    rng: random.Random  # seeded per region: a region's content does not depend on the other regions
    ids: Identifiers  # shared by the whole run: ids stay unique across regions
    writer: NdjsonWriter
    region: Region
    neighbourhoods: Neighbourhoods

    @property
    def region_code(self) -> str:
        return self.region.code
