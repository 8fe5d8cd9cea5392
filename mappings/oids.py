"""NOS code system URL <-> legacy OID table.

The legacy XML names code systems by OID (``codingScheme``, ``assigningAuthorityName``); FHIR names them by
canonical URL. The mapping code takes the two lookups as plain callables so the server can inject its
terminology service; :func:`nos_oid_table` is the built-in table generated from the NOS FSH files by
``mappings/build_oid_table.py``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

OidForSystem = Callable[[str], "str | None"]
SystemForOid = Callable[[str], "str | None"]

_TABLE_FILE = Path(__file__).with_name("oids.json")


@dataclass(frozen=True, slots=True)
class OidTable:
    """Two-way lookup; when an OID has several URLs the first listed is the preferred one."""

    by_system: Mapping[str, str]
    by_oid: Mapping[str, str]

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, str]]) -> OidTable:
        by_system: dict[str, str] = {}
        by_oid: dict[str, str] = {}
        for system, oid in pairs:
            by_system.setdefault(system, oid)
            by_oid.setdefault(oid, system)
        return cls(by_system, by_oid)

    def oid_for_system(self, system: str) -> str | None:
        return self.by_system.get(system)

    def system_for_oid(self, oid: str) -> str | None:
        return self.by_oid.get(oid)


@cache
def nos_oid_table() -> OidTable:
    """The table shipped with the package (``oids.json``)."""
    pairs = json.loads(_TABLE_FILE.read_text(encoding="utf-8"))
    return OidTable.from_pairs((system, oid) for system, oid in pairs)
