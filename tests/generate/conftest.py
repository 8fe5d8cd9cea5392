"""One small generated directory shared by the generator tests (scale 0.003: ~180 legal entities)."""

from __future__ import annotations

import pytest
from generate_support import Generated, read_ndjson

from server.generate import LOAD_ORDER, generate

SCALE = 0.003
SEED = 11


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    out = tmp_path_factory.mktemp("generated")
    counts = generate(SCALE, SEED, out)
    resources = {resource_type: read_ndjson(out / f"{resource_type}.ndjson") for resource_type in LOAD_ORDER}
    return Generated(out, counts, resources)
