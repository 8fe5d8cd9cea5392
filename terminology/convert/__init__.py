"""Reproducible conversion of the NOS FSH export (and the commune table) into ``terminology/data``.

Run ``python -m terminology.convert`` (see ``--help``). Output, one release per directory:
``CodeSystem.ndjson`` and ``ValueSet.ndjson`` (one compact resource per line, sorted by URL then version),
``systems.json`` (JDV -> TRE normalisation, OID <-> URL) and, when a geo source is given, ``communes.csv``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from terminology.convert.build import resource
from terminology.convert.fsh import FshError, parse, read_aliases
from terminology.systems import systems_document

FSH_FOLDERS = ("TRE", "JDV")


@dataclass(frozen=True, slots=True)
class Release:
    code_systems: list[dict[str, Any]]
    value_sets: list[dict[str, Any]]


def fsh_files(fsh_roots: Sequence[Path]) -> list[tuple[Path, Path]]:
    """(root, file) for every ``TRE/*.fsh`` and ``JDV/*.fsh``, in a stable order.

    A file in a later root replaces the file at the same relative path in an earlier one: that is how a
    corrected copy of a published file (e.g. one that was truncated) is supplied.
    """
    chosen: dict[tuple[int, str], tuple[Path, Path]] = {}
    for root in fsh_roots:
        for rank, folder in enumerate(FSH_FOLDERS):
            for path in (root / folder).glob("*.fsh"):
                chosen[(rank, path.name)] = (root, path)
    return [chosen[key] for key in sorted(chosen)]


def read_release(fsh_roots: Sequence[Path]) -> Release:
    """Every resource declared under the given ``fsh`` folders; a canonical+version declared twice is an error."""
    aliases: dict[Path, dict[str, str]] = {}
    for root in fsh_roots:
        aliases_file = root / "aliases.fsh"
        aliases[root] = read_aliases(aliases_file) if aliases_file.exists() else {}
    found: dict[tuple[str, str, str], dict[str, Any]] = {}
    for root, path in fsh_files(fsh_roots):
        for entity in parse(path.read_text(encoding="utf-8"), str(path), aliases[root]):
            res = resource(entity)
            key = (res["resourceType"], res.get("url", res["id"]), res.get("version", ""))
            if key in found:
                raise FshError(f"{path}: {key[1]} version {key[2]} already declared")
            found[key] = res
    ordered = [found[k] for k in sorted(found)]
    return Release(
        [r for r in ordered if r["resourceType"] == "CodeSystem"],
        [r for r in ordered if r["resourceType"] == "ValueSet"],
    )


def _ndjson(resources: Iterable[dict[str, Any]], target: Path) -> None:
    with target.open("w", encoding="utf-8") as f:
        for res in resources:
            f.write(json.dumps(res, ensure_ascii=False, separators=(",", ":")))
            f.write("\n")


def write_release(release: Release, out: Path) -> None:
    """Writes the NDJSON files and ``systems.json`` of one release into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    _ndjson(release.code_systems, out / "CodeSystem.ndjson")
    _ndjson(release.value_sets, out / "ValueSet.ndjson")
    document = systems_document(release.code_systems, release.value_sets)
    (out / "systems.json").write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
