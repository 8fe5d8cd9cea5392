"""A reader for the small FHIR Shorthand subset the NOS export uses.

The ANS files hold one ``CodeSystem:`` or ``ValueSet:`` each, with keyword lines (``Id:``, ``Title:``,
``Description:``), caret rules (``* ^path = value``), concept rules (``* #code "display" "definition"``, nested by
indentation or by a code path ``* #parent #child``), concept caret rules (``* #code ^path = value``) and value set
rules (``* $ALIAS#code "display"``, ``* include codes from system X``). Anything else is reported as an error
naming the file and line, so a new construct in a future release cannot be silently dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from terminology.systems import NOS_BASE

WELL_KNOWN_ALIASES = {
    "$sct": "http://snomed.info/sct",
    "$loinc": "http://loinc.org",
    "$ucum": "http://unitsofmeasure.org",
    "$v3-ObservationValue": "http://terminology.hl7.org/CodeSystem/v3-ObservationValue",
}

_STRING = r'"(?:[^"\\]|\\.)*"'
_CODE = rf'#(?:{_STRING}|[^\s"]+)'
_CONCEPT = re.compile(
    rf"^(?P<codes>{_CODE}(?:\s+{_CODE})*)(?:\s+(?P<display>{_STRING}))?(?:\s+(?P<definition>{_STRING}))?$"
)
_CONCEPT_CARET = re.compile(rf"^(?P<codes>{_CODE}(?:\s+{_CODE})*)\s+\^(?P<path>\S+)\s*=\s*(?P<value>.+)$")
_CARET = re.compile(r"^\^(?P<path>\S+)\s*=\s*(?P<value>.+)$")
_VS_CONCEPT = re.compile(
    rf"^(?:(?P<mode>include|exclude)\s+)?(?P<system>[^\s#\"]+)#(?P<code>{_STRING}|[^\s\"]+)(?:\s+(?P<display>{_STRING}))?$"
)
_VS_FROM = re.compile(r"^(?:(?P<mode>include|exclude)\s+)?codes\s+from\s+(?P<sources>.+)$")
_KEYWORD = re.compile(r"^(?P<key>CodeSystem|ValueSet|Id|Title|Description|Alias)\s*:\s*(?P<value>.*)$")
_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}


class FshError(ValueError):
    """A line outside the supported subset, or a malformed one."""


@dataclass(frozen=True, slots=True)
class Coded:
    """``system#code "display"`` on the right-hand side of a rule (system may be empty)."""

    system: str
    code: str
    display: str | None = None


Value = str | bool | int | float | Coded


@dataclass(frozen=True, slots=True)
class CaretRule:
    """``^path = value``, on the resource (``concept`` empty) or on the concept at that code path."""

    concept: tuple[str, ...]
    path: str
    value: Value


@dataclass(frozen=True, slots=True)
class ConceptRule:
    codes: tuple[str, ...]
    display: str | None
    definition: str | None


@dataclass(frozen=True, slots=True)
class IncludeConcept:
    exclude: bool
    system: str
    code: str
    display: str | None


@dataclass(frozen=True, slots=True)
class IncludeFrom:
    exclude: bool
    system: str | None
    value_sets: tuple[str, ...]


Rule = CaretRule | ConceptRule | IncludeConcept | IncludeFrom


@dataclass(slots=True)
class Entity:
    """One ``CodeSystem:`` or ``ValueSet:`` declaration with its rules in file order."""

    kind: str
    name: str
    source: str
    id: str | None = None
    title: str | None = None
    description: str | None = None
    rules: list[Rule] = field(default_factory=list)


def unquote(token: str) -> str:
    """The text of a FSH string literal, escapes resolved."""
    body = token[1:-1]
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), body)


def nos_alias(alias: str) -> str | None:
    """The NOS convention: ``$TRE-R211-Name`` -> ``…/NOS/TRE_R211-Name/FHIR/TRE-R211-Name`` (same for JDV)."""
    m = re.fullmatch(r"\$((?:TRE|JDV)-[A-Z]\d+-.+)", alias)
    if not m:
        return None
    name = m.group(1)
    return f"{NOS_BASE}/{name.replace('-', '_', 1)}/FHIR/{name}"


def _code(token: str) -> str:
    body = token[1:]
    return unquote(body) if body.startswith('"') else body


def _codes(text: str) -> tuple[str, ...]:
    return tuple(_code(t) for t in re.findall(_CODE, text))


class _Reader:
    def __init__(self, source: str, aliases: dict[str, str]) -> None:
        self.source = source
        self.aliases = aliases
        self.entities: list[Entity] = []
        self.context: list[tuple[int, tuple[str, ...]]] = []

    def fail(self, lineno: int, message: str) -> FshError:
        return FshError(f"{self.source}:{lineno}: {message}")

    def system(self, token: str, lineno: int) -> str:
        if not token.startswith("$"):
            return token
        url = self.aliases.get(token) or WELL_KNOWN_ALIASES.get(token) or nos_alias(token)
        if url is None:
            raise self.fail(lineno, f"unknown alias {token}")
        return url

    def value(self, text: str, lineno: int) -> Value:
        text = text.strip()
        if re.fullmatch(_STRING, text):
            return unquote(text)
        if text in ("true", "false"):
            return text == "true"
        if re.fullmatch(r"-?\d+", text):
            return int(text)
        if re.fullmatch(r"-?\d+\.\d+", text):
            return float(text)
        m = re.fullmatch(rf"(?P<system>[^\s#\"]*)#(?P<code>{_STRING}|[^\s\"]+)(?:\s+(?P<display>{_STRING}))?", text)
        if m:
            system = self.system(m.group("system"), lineno) if m.group("system") else ""
            display = unquote(m.group("display")) if m.group("display") else None
            return Coded(system, _code("#" + m.group("code")), display)
        raise self.fail(lineno, f"unsupported value: {text}")

    def keyword(self, key: str, value: str, lineno: int) -> None:
        if key == "Alias":
            name, _, url = value.partition("=")
            self.aliases[name.strip()] = url.strip()
            return
        if key in ("CodeSystem", "ValueSet"):
            self.entities.append(Entity(key, value.strip(), self.source))
            self.context = []
            return
        if not self.entities:
            raise self.fail(lineno, f"'{key}:' before any CodeSystem/ValueSet")
        text = value.strip()
        setattr(self.entities[-1], key.lower(), unquote(text) if re.fullmatch(_STRING, text) else text)

    def rule(self, indent: int, body: str, lineno: int) -> None:
        if not self.entities:
            raise self.fail(lineno, "rule before any CodeSystem/ValueSet")
        entity = self.entities[-1]
        while self.context and self.context[-1][0] >= indent:
            self.context.pop()
        prefix = self.context[-1][1] if self.context else ()
        if m := _CARET.match(body):
            entity.rules.append(CaretRule(prefix, m.group("path"), self.value(m.group("value"), lineno)))
            return
        if entity.kind == "CodeSystem":
            if m := _CONCEPT_CARET.match(body):
                concept = prefix + _codes(m.group("codes"))
                entity.rules.append(CaretRule(concept, m.group("path"), self.value(m.group("value"), lineno)))
                return
            if m := _CONCEPT.match(body):
                codes = prefix + _codes(m.group("codes"))
                display = unquote(m.group("display")) if m.group("display") else None
                definition = unquote(m.group("definition")) if m.group("definition") else None
                entity.rules.append(ConceptRule(codes, display, definition))
                self.context.append((indent, codes))
                return
        else:
            if m := _VS_CONCEPT.match(body):
                display = unquote(m.group("display")) if m.group("display") else None
                system = self.system(m.group("system"), lineno)
                code = _code("#" + m.group("code"))
                entity.rules.append(IncludeConcept(m.group("mode") == "exclude", system, code, display))
                return
            if m := _VS_FROM.match(body):
                entity.rules.append(self.include_from(m.group("mode") == "exclude", m.group("sources"), lineno))
                return
        raise self.fail(lineno, f"unsupported rule: {body}")

    def include_from(self, exclude: bool, sources: str, lineno: int) -> IncludeFrom:
        if " where " in f" {sources} ":
            raise self.fail(lineno, "value set filters ('where') are not supported")
        system: str | None = None
        value_sets: list[str] = []
        for part in re.split(r"\s+and\s+", sources.strip()):
            kind, _, ref = part.strip().partition(" ")
            if kind == "system" and system is None:
                system = self.system(ref.strip(), lineno)
            elif kind == "valueset":
                value_sets.append(self.system(ref.strip(), lineno))
            else:
                raise self.fail(lineno, f"unsupported 'codes from' source: {part}")
        return IncludeFrom(exclude, system, tuple(value_sets))

    def read(self, text: str) -> None:
        for lineno, raw in enumerate(text.splitlines(), start=1):
            line = raw.rstrip()
            stripped = line.lstrip()
            if not stripped or stripped.startswith("//"):
                continue
            if stripped.startswith("*"):
                self.rule(len(line) - len(stripped), stripped[1:].strip(), lineno)
            elif m := _KEYWORD.match(stripped):
                self.keyword(m.group("key"), m.group("value"), lineno)
            else:
                raise self.fail(lineno, f"unsupported line: {stripped}")


def read_aliases(path: Path) -> dict[str, str]:
    """``Alias: $x = url`` lines of an ``aliases.fsh``."""
    reader = _Reader(str(path), {})
    reader.read(path.read_text(encoding="utf-8"))
    return reader.aliases


def parse(text: str, source: str, aliases: dict[str, str] | None = None) -> list[Entity]:
    """The entities declared in one FSH text."""
    reader = _Reader(source, dict(aliases or {}))
    reader.read(text)
    return reader.entities
