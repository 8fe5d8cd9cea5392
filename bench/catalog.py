"""All workloads, and the selection syntax of ``--classes``."""

from __future__ import annotations

from bench.searches import SEARCHES
from bench.workload import Workload
from bench.writes import WRITES

WORKLOADS: dict[str, Workload] = {w.name: w for w in (*SEARCHES, *WRITES)}
GROUPS = {
    "reads": [w.name for w in SEARCHES],
    "writes": [w.name for w in WRITES],
    "all": list(WORKLOADS),
}


def select(spec: str) -> list[Workload]:
    """Workloads named in ``spec``: comma-separated class names and groups (``reads``, ``writes``, ``all``),
    in catalogue order, without repeats. ``ValueError`` names an unknown class."""
    names: set[str] = set()
    for item in (part.strip() for part in spec.split(",")):
        if not item:
            continue
        if item in GROUPS:
            names.update(GROUPS[item])
        elif item in WORKLOADS:
            names.add(item)
        else:
            raise ValueError(f"unknown class '{item}'; known: {', '.join([*GROUPS, *WORKLOADS])}")
    if not names:
        raise ValueError("no class selected")
    return [w for name, w in WORKLOADS.items() if name in names]
