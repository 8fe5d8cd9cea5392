"""The NOS terminology plugged into the core.

- On writes (:class:`CodeGate`): JDV system URLs sent by clients are normalised to their TRE system; a code
  bound by the ROR profiles to a value set must be in it (``profiles/ror-bindings.json``), a code of a
  loaded code system must exist in it; both refused with a 400 naming the element, the code and the value
  set. Retired codes and the legacy codes the bindings file lists (capacity gender ``03``) pass with a warning.
- The operations ``$lookup``, ``$validate-code``, ``$expand``, ``$subsumes`` (GET and POST, type and
  instance level) and the read-only ``CodeSystem`` / ``ValueSet`` endpoints.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import orjson

from server.core.read_only import read_only_provider
from server.core.request import FhirRequest, FhirResponse
from server.core.router import Operation, Router
from server.errors import InvalidRequest
from terminology.audit import codings
from terminology.operations import OPERATIONS
from terminology.service import Terminology

NOS = "https://mos.esante.gouv.fr/NOS/"
BINDINGS_FILE = Path(__file__).resolve().parents[2] / "profiles" / "ror-bindings.json"
_INDEX = re.compile(r"\[\d+\]")


@cache
def load_terminology(releases: tuple[Path, ...] = ()) -> Terminology:
    """The shipped NOS content plus any release loaded with ``ror terminology load`` (cached per process)."""
    return Terminology.default(extra=releases)


def release_dirs(root: Path) -> tuple[Path, ...]:
    """The release directories under ``root``, oldest first (their names sort by load date)."""
    return tuple(sorted(p for p in root.iterdir() if p.is_dir())) if root.is_dir() else ()


@dataclass(frozen=True, slots=True)
class _Binding:
    path: str
    valueset: str
    systems: frozenset[str]
    legacy: frozenset[str]


class CodeGate:
    """The write-time terminology check, used as the :class:`~server.core.interactions.Writer` normaliser."""

    def __init__(self, terminology: Terminology, bindings_file: Path = BINDINGS_FILE) -> None:
        self.terminology = terminology
        spec = orjson.loads(bindings_file.read_bytes())
        by_id = {vs["url"].split("/")[4].split("-")[0].removeprefix("JDV_"): vs["url"]
                 for vs in terminology.value_sets()}
        self.bindings: dict[str, list[_Binding]] = {}
        for item in spec["bindings"]:
            ids = item["valueSet"] if isinstance(item["valueSet"], list) else [item["valueSet"]]
            for vs_id in ids:
                url = by_id[vs_id]
                systems = frozenset(s for s, _ in terminology.codes_in(url))
                legacy = frozenset(spec.get("legacy", {}).get(vs_id, ()))
                self.bindings.setdefault(item["path"], []).append(_Binding(item["path"], url, systems, legacy))

    def __call__(self, resource: dict[str, Any]) -> list[dict[str, Any]]:
        resource_type = resource["resourceType"]
        errors: list[dict[str, Any]] = []
        warnings: list[dict[str, Any]] = []
        for path, coding in codings(resource, resource_type):
            system, code = coding["system"], coding["code"]
            if not system.startswith(NOS):
                continue
            normalized = self.terminology.normalize_system(system, code)
            coding["system"] = normalized
            problem = self._check(path, normalized, code)
            if problem is not None:
                severity, message = problem
                issue = {"severity": severity, "code": "code-invalid", "diagnostics": message, "expression": [path]}
                (errors if severity == "error" else warnings).append(issue)
        if errors:
            first = errors[0]
            raise InvalidRequest(first["diagnostics"], code="code-invalid", expression=first["expression"],
                                 extra_issues=errors[1:20])
        return warnings

    def _check(self, path: str, system: str, code: str) -> tuple[str, str] | None:
        found = self.terminology.check(system, code)
        binding = self._binding(path, system)
        if binding is not None and (system, code) not in self.terminology.codes_in(binding.valueset):
            if code in binding.legacy:
                return "warning", f"Code '{code}' of {system} is a legacy code, absent from {binding.valueset}"
            return "error", (f"Code '{code}' of {system} at {path} is not in the value set {binding.valueset} "
                             "that the ROR profile binds to this element")
        if binding is None and found.known_system and found.complete and not found.found:
            return "error", f"Code '{code}' is not in code system {system} (version {found.version})"
        if found.found and not found.active_at():
            return "warning", f"Code '{code}' of {system} is inactive ({found.inactive_reason()})"
        return None

    def _binding(self, path: str, system: str) -> _Binding | None:
        bare = _INDEX.sub("", path)
        wildcard = "*." + bare.split(".", 1)[1] if "." in bare else bare
        for key in (bare, wildcard):
            for binding in self.bindings.get(key, ()):
                if system in binding.systems:
                    return binding
        return None


def _operation_handler(terminology: Terminology, run: Callable[..., dict[str, Any]]) -> Any:
    async def handle(request: FhirRequest, _: str | None, resource_id: str | None) -> FhirResponse:
        if request.method == "POST":
            if not isinstance(request.body, dict) or request.body.get("resourceType") != "Parameters":
                raise InvalidRequest("POST to an operation takes a Parameters resource", code="structure")
            source: Any = request.body
        else:
            source = {}
            for name, value in request.params:
                if name not in ("_format", "_pretty"):
                    source.setdefault(name, []).append(value)
        return FhirResponse(200, run(terminology, source, resource_id))

    return handle


def register(router: Router, terminology: Terminology) -> None:
    for (kind, name), run in OPERATIONS.items():
        router.add_operation(Operation(
            name=name,
            types=(kind,),
            instance=True,
            handler=_operation_handler(terminology, run),
            definition=f"http://hl7.org/fhir/OperationDefinition/{kind}-{name}",
        ))
    router.add_read_only("CodeSystem", read_only_provider("CodeSystem", terminology.code_systems))
    router.add_read_only("ValueSet", read_only_provider("ValueSet", terminology.value_sets))
