"""The NOS terminology plugged into the core.

- On writes (:class:`CodeGate`): JDV system URLs sent by clients are normalised to their TRE system; a code
  bound by the ROR profiles to a value set must be in it (``profiles/ror-bindings.json``), a code of a
  loaded code system must exist in it; both refused with a 400 naming the element, the code and the value
  set. Retired codes and the legacy codes the bindings file lists (capacity gender ``03``) pass with a warning;
  ``ROR_TERMINOLOGY_LENIENT`` (and ``ror import-legacy``) turns every refusal into a warning.
- The operations ``$lookup``, ``$validate-code``, ``$expand``, ``$subsumes`` (GET and POST, type and
  instance level) and the read-only ``CodeSystem`` / ``ValueSet`` endpoints.
"""

from __future__ import annotations

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
from terminology.operations import OPERATIONS
from terminology.service import Terminology

NOS = "https://mos.esante.gouv.fr/NOS/"
BINDINGS_FILE = Path(__file__).resolve().parents[2] / "profiles" / "ror-bindings.json"


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

    def __init__(self, terminology: Terminology, bindings_file: Path = BINDINGS_FILE, *, lenient: bool = False) -> None:
        self.terminology = terminology
        self.lenient = lenient
        """Report code errors as warnings and store the codes anyway (migration of legacy data)."""
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
        self._verdicts: dict[tuple[str, str, str], tuple[str, tuple[str, str] | None]] = {}
        """(element path without indexes, system, code) -> (normalised system, problem): codes recur a lot."""

    def __call__(self, resource: dict[str, Any]) -> list[dict[str, Any]]:
        errors: list[dict[str, Any]] = []
        warnings: list[dict[str, Any]] = []
        for path, bare, coding in _nos_codings(resource, resource["resourceType"]):
            key = (bare, coding["system"], coding["code"])
            verdict = self._verdicts.get(key)
            if verdict is None:
                normalized = self.terminology.normalize_system(key[1], key[2])
                verdict = self._verdicts[key] = (normalized, self._check(bare, normalized, key[2]))
                if len(self._verdicts) > 200_000:
                    self._verdicts.clear()
            coding["system"], problem = verdict
            if problem is not None:
                severity, message = problem
                if self.lenient:
                    severity = "warning"
                issue = {"severity": severity, "code": "code-invalid", "diagnostics": message, "expression": [path]}
                (errors if severity == "error" else warnings).append(issue)
        if errors:
            first = errors[0]
            raise InvalidRequest(first["diagnostics"], code="code-invalid", expression=first["expression"],
                                 extra_issues=errors[1:20])
        return warnings

    def _check(self, bare: str, system: str, code: str) -> tuple[str, str] | None:
        found = self.terminology.check(system, code)
        binding = self._binding(bare, system)
        if binding is not None and (system, code) not in self.terminology.codes_in(binding.valueset):
            if code in binding.legacy:
                return "warning", f"Code '{code}' of {system} is a legacy code, absent from {binding.valueset}"
            return "error", (f"Code '{code}' of {system} at {bare} is not in the value set {binding.valueset} "
                             "that the ROR profile binds to this element")
        if binding is None and found.known_system and found.complete and not found.found:
            return "error", f"Code '{code}' is not in code system {system} (version {found.version})"
        if found.found and not found.active_at():
            return "warning", f"Code '{code}' of {system} is inactive ({found.inactive_reason()})"
        return None

    def _binding(self, bare: str, system: str) -> _Binding | None:
        wildcard = "*." + bare.split(".", 1)[1] if "." in bare else bare
        for key in (bare, wildcard):
            for binding in self.bindings.get(key, ()):
                if system in binding.systems:
                    return binding
        return None


def _nos_codings(node: Any, path: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(path, path without indexes, coding) of every Coding with a NOS system under ``node`` (not Quantities)."""
    found: list[tuple[str, str, dict[str, Any]]] = []
    _collect(node, path, path, found)
    return found


def _collect(node: Any, path: str, bare: str, found: list[tuple[str, str, dict[str, Any]]]) -> None:
    if isinstance(node, dict):
        system = node.get("system")
        if (isinstance(system, str) and system.startswith(NOS) and isinstance(node.get("code"), str)
                and "value" not in node):
            found.append((path, bare, node))
        for key, value in node.items():
            if isinstance(value, dict | list):
                _collect(value, f"{path}.{key}", f"{bare}.{key}", found)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            if isinstance(item, dict | list):
                _collect(item, f"{path}[{i}]", bare, found)


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
