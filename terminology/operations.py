"""Transport-free FHIR R4 terminology operations over a ``Terminology``.

Each operation takes its input as a ``Parameters`` resource (POST) or as a flat mapping of query parameters
(GET; a value may be a string or a list of strings), plus the resource id for the instance-level form
(``CodeSystem/{id}/$lookup``), and returns the output HL7 defines for R4: a ``Parameters`` resource
(``$lookup``: name, version, display, designation, property; ``$validate-code``: result, message, display;
``$subsumes``: outcome) or the expanded ``ValueSet``. Client mistakes raise ``server.errors`` exceptions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from server.errors import InvalidRequest
from terminology.service import Terminology

Parameters = dict[str, Any]
OperationInput = Mapping[str, Any]


class Inputs:
    """Operation input parameters read from a ``Parameters`` resource or a query mapping."""

    def __init__(self, source: OperationInput) -> None:
        self.values: dict[str, list[Any]] = {}
        if source.get("resourceType") == "Parameters":
            params = source.get("parameter") or []
            if not isinstance(params, list):
                raise InvalidRequest("Parameters.parameter must be a list", code="structure")
            for param in params:
                if not isinstance(param, dict) or not isinstance(param.get("name"), str):
                    raise InvalidRequest("Every Parameters.parameter needs a name", code="structure")
                value = next((param[k] for k in param if k.startswith("value")), param.get("resource"))
                self.values.setdefault(param["name"], []).append(value)
        else:
            for name, value in source.items():
                items = value if isinstance(value, list | tuple) else [value]
                self.values[name] = [v for v in items if v != ""]

    def has(self, name: str) -> bool:
        return bool(self.values.get(name))

    def strings(self, name: str) -> list[str]:
        found = []
        for value in self.values.get(name, ()):
            if not isinstance(value, str):
                raise InvalidRequest(f"Parameter '{name}' must be a string", code="value", expression=name)
            found.append(value)
        return found

    def string(self, name: str) -> str | None:
        found = self.strings(name)
        return found[0] if found else None

    def boolean(self, name: str) -> bool | None:
        value = next(iter(self.values.get(name, ())), None)
        if value is None:
            return None
        if isinstance(value, bool):
            return value
        if value in ("true", "false"):
            return bool(value == "true")
        raise InvalidRequest(f"Parameter '{name}' must be true or false", code="value", expression=name)

    def integer(self, name: str) -> int | None:
        value = next(iter(self.values.get(name, ())), None)
        if value is None or (isinstance(value, int) and not isinstance(value, bool)):
            return value
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            return int(value)
        raise InvalidRequest(f"Parameter '{name}' must be an integer", code="value", expression=name)

    def complex(self, name: str) -> dict[str, Any] | None:
        value = next(iter(self.values.get(name, ())), None)
        if value is not None and not isinstance(value, dict):
            raise InvalidRequest(f"Parameter '{name}' must be a complex value", code="value", expression=name)
        return value

    def reject(self, *names: str) -> None:
        for name in names:
            if self.has(name):
                raise InvalidRequest(f"Parameter '{name}' is not supported", code="not-supported", expression=name)


def _required(value: str | None, name: str) -> str:
    if not value:
        raise InvalidRequest(f"Parameter '{name}' is required", code="required", expression=name)
    return value


def _parameters(parts: list[dict[str, Any]]) -> Parameters:
    return {"resourceType": "Parameters", "parameter": parts}


def _value_part(name: str, entry: Mapping[str, Any]) -> dict[str, Any]:
    """A part named ``name`` carrying the ``value[x]`` of ``entry``."""
    key = next((k for k in entry if k.startswith("value")), None)
    return {"name": name, key: entry[key]} if key else {"name": name}


def lookup(terminology: Terminology, source: OperationInput, resource_id: str | None = None) -> Parameters:
    """``CodeSystem/$lookup``."""
    inputs = Inputs(source)
    coding = inputs.complex("coding") or {}
    system = inputs.string("system") or coding.get("system")
    code = inputs.string("code") or coding.get("code")
    version = inputs.string("version") or coding.get("version")
    if resource_id is not None:
        system, pinned = terminology.resolve_id("CodeSystem", resource_id)
        version = version or pinned
    found = terminology.lookup(_required(system, "system"), _required(code, "code"), version, inputs.string("date"))
    wanted = set(inputs.strings("property"))
    parts: list[dict[str, Any]] = [{"name": "name", "valueString": found["name"]}]
    if found.get("version"):
        parts.append({"name": "version", "valueString": found["version"]})
    parts.append({"name": "display", "valueString": found["display"]})
    for designation in found["designation"]:
        sub = [{"name": "language", "valueCode": designation["language"]}] if designation.get("language") else []
        if designation.get("use"):
            sub.append({"name": "use", "valueCoding": designation["use"]})
        sub.append({"name": "value", "valueString": designation.get("value", "")})
        parts.append({"name": "designation", "part": sub})
    properties = list(found["property"])
    if found.get("definition"):
        properties.insert(0, {"code": "definition", "valueString": found["definition"]})
    for prop in properties:
        if not wanted or prop["code"] in wanted:
            parts.append(
                {
                    "name": "property",
                    "part": [{"name": "code", "valueCode": prop["code"]}, _value_part("value", prop)],
                }
            )
    return _parameters(parts)


def _verdict(result: tuple[bool, str | None, str | None]) -> Parameters:
    ok, message, display = result
    parts: list[dict[str, Any]] = [{"name": "result", "valueBoolean": ok}]
    if message:
        parts.append({"name": "message", "valueString": message})
    if display:
        parts.append({"name": "display", "valueString": display})
    return _parameters(parts)


def _codings(inputs: Inputs, system: str | None, version: str | None) -> list[dict[str, Any]]:
    """The codings to validate: ``code``/``system``/``display``, or ``coding``, or each of ``codeableConcept``."""
    if inputs.has("code"):
        return [
            {
                "system": system,
                "code": inputs.string("code"),
                "version": version,
                "display": inputs.string("display"),
            }
        ]
    coding = inputs.complex("coding")
    if coding is not None:
        return [{**coding, "display": inputs.string("display") or coding.get("display")}]
    concept = inputs.complex("codeableConcept")
    if concept is not None and concept.get("coding"):
        return list(concept["coding"])
    raise InvalidRequest("Give a code, a coding or a codeableConcept", code="required", expression="code")


def _first_valid(attempts: list[Callable[[], tuple[bool, str | None, str | None]]]) -> Parameters:
    """The first successful validation, else the messages of every failure (a codeableConcept is valid when
    one of its codings is)."""
    failures: list[tuple[bool, str | None, str | None]] = []
    for attempt in attempts:
        result = attempt()
        if result[0]:
            return _verdict(result)
        failures.append(result)
    messages = "; ".join(m for _, m, _ in failures if m)
    return _verdict((False, messages or None, next((d for _, _, d in failures if d), None)))


def validate_code_code_system(
    terminology: Terminology, source: OperationInput, resource_id: str | None = None
) -> Parameters:
    """``CodeSystem/$validate-code`` (``url`` is the code system; ``system`` is accepted too)."""
    inputs = Inputs(source)
    inputs.reject("codeSystem")
    url = inputs.string("url") or inputs.string("system")
    version = inputs.string("version")
    if resource_id is not None:
        url, pinned = terminology.resolve_id("CodeSystem", resource_id)
        version = version or pinned
    date = inputs.string("date")

    def attempt(coding: dict[str, Any]) -> Callable[[], tuple[bool, str | None, str | None]]:
        system = _required(url or coding.get("system"), "url")
        return lambda: terminology.validate_code(
            code=_required(coding.get("code"), "code"),
            system=system,
            display=coding.get("display"),
            version=version or coding.get("version"),
            date=date,
        )

    return _first_valid([attempt(c) for c in _codings(inputs, url, version)])


def validate_code_value_set(
    terminology: Terminology, source: OperationInput, resource_id: str | None = None
) -> Parameters:
    """``ValueSet/$validate-code``."""
    inputs = Inputs(source)
    inputs.reject("valueSet", "context")
    url = inputs.string("url")
    version = inputs.string("valueSetVersion")
    if resource_id is not None:
        url, pinned = terminology.resolve_id("ValueSet", resource_id)
        version = version or pinned
    url = _required(url, "url")
    system_version = inputs.string("systemVersion")
    date = inputs.string("date")

    def attempt(coding: dict[str, Any]) -> Callable[[], tuple[bool, str | None, str | None]]:
        return lambda: terminology.validate_code(
            code=_required(coding.get("code"), "code"),
            url=url,
            system=coding.get("system"),
            display=coding.get("display"),
            version=version,
            system_version=system_version or coding.get("version"),
            date=date,
        )

    return _first_valid([attempt(c) for c in _codings(inputs, inputs.string("system"), None)])


def expand(terminology: Terminology, source: OperationInput, resource_id: str | None = None) -> dict[str, Any]:
    """``ValueSet/$expand``: the value set with its ``expansion`` (paged by ``offset``/``count``)."""
    inputs = Inputs(source)
    inputs.reject("valueSet", "context")
    url = inputs.string("url")
    version = inputs.string("valueSetVersion")
    if resource_id is not None:
        url, pinned = terminology.resolve_id("ValueSet", resource_id)
        version = version or pinned
    return terminology.expand(
        _required(url, "url"),
        filter=inputs.string("filter"),
        count=inputs.integer("count"),
        offset=inputs.integer("offset") or 0,
        active_only=bool(inputs.boolean("activeOnly")),
        date=inputs.string("date"),
        version=version,
    )


def subsumes(terminology: Terminology, source: OperationInput, resource_id: str | None = None) -> Parameters:
    """``CodeSystem/$subsumes``: outcome of codeA against codeB."""
    inputs = Inputs(source)
    coding_a, coding_b = inputs.complex("codingA") or {}, inputs.complex("codingB") or {}
    system = inputs.string("system")
    version = inputs.string("version")
    if resource_id is not None:
        system, pinned = terminology.resolve_id("CodeSystem", resource_id)
        version = version or pinned
    systems = {terminology.normalize_system(s) for s in (system, coding_a.get("system"), coding_b.get("system")) if s}
    if len(systems) > 1:
        raise InvalidRequest("codeA and codeB must come from the same code system", code="value", expression="system")
    outcome = terminology.subsumes(
        _required(next(iter(systems), None), "system"),
        _required(inputs.string("codeA") or coding_a.get("code"), "codeA"),
        _required(inputs.string("codeB") or coding_b.get("code"), "codeB"),
        version,
    )
    return _parameters([{"name": "outcome", "valueCode": outcome}])


OPERATIONS: dict[tuple[str, str], Callable[[Terminology, OperationInput, str | None], dict[str, Any]]] = {
    ("CodeSystem", "lookup"): lookup,
    ("CodeSystem", "validate-code"): validate_code_code_system,
    ("CodeSystem", "subsumes"): subsumes,
    ("ValueSet", "validate-code"): validate_code_value_set,
    ("ValueSet", "expand"): expand,
}
