"""The search parameters this server knows, per resource type, loaded from ``profiles/``.

Two sources, built by ``profiles/build.py``: the standard R4 parameters
(``search-parameters-r4.json``) and the ROR ones (``ror-search-parameters.json``),
which win over an R4 parameter with the same code (``_content``, ``_text``); plus
the names of FHIR choice elements (``fhir-choice-elements-r4.json``) that the
FHIRPath compiler needs.

A :class:`SearchParamDef` is the parameter *as it applies to one resource type*:
``expression`` keeps only the union members of the published expression that
start from that type (or from ``Resource``/``DomainResource``), so
``Practitioner``'s ``address`` reads ``Practitioner.address``. A parameter
published under two codes (``price-amount-value`` / ``amount-value``) resolves to
the same definition from both: index entries are always stored under ``code``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

import orjson

from server.search.fhirpath_compile import leading_type, split_union

SERVED_TYPES: tuple[str, ...] = (
    "Organization", "Location", "HealthcareService", "PractitionerRole", "Practitioner", "Task",
    "Questionnaire", "Measure", "MeasureReport",
)
PROFILES_DIR = Path(__file__).resolve().parents[2] / "profiles"
R4_FILE = "search-parameters-r4.json"
ROR_FILE = "ror-search-parameters.json"
CHOICE_FILE = "fhir-choice-elements-r4.json"
SERVER_SD = "https://ror-server.example/fhir/StructureDefinition/"
GROUP_EXTENSION = f"{SERVER_SD}correlation-group"
PUBLISHED_CODE_EXTENSION = f"{SERVER_SD}published-code"
_ANY_RESOURCE = frozenset({"Resource", "DomainResource"})

Source = Literal["r4", "ror"]


@dataclass(frozen=True, slots=True)
class SearchParamDef:
    """One search parameter on one resource type.

    ``expression`` is ``None`` for parameters without one (``_query``…). ``modifiers``
    is empty when the definition does not restrict them (R4 never does): the type's
    standard modifiers apply. ``group`` is the correlation family
    (``Location:supported-capacity``…) whose repetitions the index numbers.
    """

    code: str
    url: str
    type: str
    base: tuple[str, ...]
    expression: str | None
    targets: tuple[str, ...]
    comparators: tuple[str, ...]
    modifiers: tuple[str, ...]
    group: str | None
    source: Source


class Registry:
    """Search parameters by resource type and code, plus the resources served at ``/SearchParameter``."""

    def __init__(
        self,
        by_type: Mapping[str, Mapping[str, SearchParamDef]],
        resources: list[dict[str, Any]],
        choice_elements: frozenset[str],
    ) -> None:
        self._by_type = {type_: MappingProxyType(dict(params)) for type_, params in by_type.items()}
        self._resources = resources
        self.choice_elements = choice_elements
        """Names of FHIR choice elements (``value`` for ``value[x]``), for the FHIRPath compiler."""

    def get(self, resource_type: str, code: str) -> SearchParamDef | None:
        params = self._by_type.get(resource_type)
        return params.get(code) if params is not None else None

    def for_type(self, resource_type: str) -> Mapping[str, SearchParamDef]:
        """Every code accepted on ``resource_type`` (aliases included), read-only."""
        return self._by_type.get(resource_type, MappingProxyType({}))

    def resource_types(self) -> tuple[str, ...]:
        return tuple(self._by_type)

    def resources(self) -> list[dict[str, Any]]:
        """The SearchParameter resources in force (copies), R4 ones overridden by ROR ones left out."""
        copies: list[dict[str, Any]] = orjson.loads(orjson.dumps(self._resources))
        return copies


def _bundle_resources(path: Path) -> list[dict[str, Any]]:
    return [entry["resource"] for entry in orjson.loads(path.read_bytes())["entry"]]


def _extension_value(resource: dict[str, Any], url: str) -> Any:
    for extension in resource.get("extension", ()):
        if extension.get("url") == url:
            return next(value for key, value in extension.items() if key.startswith("value"))
    return None


def _expression_for(expression: str | None, resource_type: str) -> str | None:
    """The union members of ``expression`` that start from ``resource_type`` (or any resource)."""
    if expression is None:
        return None
    members = [m for m in split_union(expression) if leading_type(m) in (resource_type, *_ANY_RESOURCE)]
    return " | ".join(members) if members else None


def _applies_to(resource: dict[str, Any]) -> tuple[str, ...]:
    bases = set(resource["base"])
    if bases & _ANY_RESOURCE:
        return SERVED_TYPES
    return tuple(type_ for type_ in SERVED_TYPES if type_ in bases)


def build_registry(r4: list[dict[str, Any]], ror: list[dict[str, Any]], choice_elements: frozenset[str]) -> Registry:
    by_type: dict[str, dict[str, SearchParamDef]] = {type_: {} for type_ in SERVED_TYPES}
    overridden: set[str] = set()
    sources: tuple[tuple[Source, list[dict[str, Any]]], ...] = (("r4", r4), ("ror", ror))
    for source, resources in sources:
        for resource in resources:
            group = _extension_value(resource, GROUP_EXTENSION)
            alias = _extension_value(resource, PUBLISHED_CODE_EXTENSION)
            for type_ in _applies_to(resource):
                previous = by_type[type_].get(resource["code"])
                if previous is not None and previous.source != source:
                    overridden.add(previous.url)
                definition = SearchParamDef(
                    code=resource["code"],
                    url=resource["url"],
                    type=resource["type"],
                    base=tuple(resource["base"]),
                    expression=_expression_for(resource.get("expression"), type_),
                    targets=tuple(resource.get("target", ())),
                    comparators=tuple(resource.get("comparator", ())),
                    modifiers=tuple(resource.get("modifier", ())),
                    group=group,
                    source=source,
                )
                by_type[type_][definition.code] = definition
                if alias:
                    by_type[type_][alias] = definition
    served = [resource for resource in (*r4, *ror) if resource["url"] not in overridden]
    return Registry(by_type, served, choice_elements)


@cache
def _load(profiles_dir: Path) -> Registry:
    return build_registry(
        _bundle_resources(profiles_dir / R4_FILE),
        _bundle_resources(profiles_dir / ROR_FILE),
        frozenset(orjson.loads((profiles_dir / CHOICE_FILE).read_bytes())),
    )


def load_registry(profiles_dir: Path | None = None) -> Registry:
    """The registry built from ``profiles_dir`` (default: the repository's ``profiles/``), cached."""
    return _load((profiles_dir or PROFILES_DIR).resolve())
