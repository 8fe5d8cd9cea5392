"""One version of a value set and the computation of its full expansion.

An expansion is computed once per value set version (see ``Terminology``) as a tuple of entries in compose
order; requests then filter and slice it. ``compose.include`` may list concepts (the NOS JDV form), take a whole
code system, filter it by hierarchy (``is-a``, ``descendent-of``, ``is-not-a``) or by property (``=``), and
intersect with other value sets; ``compose.exclude`` removes codes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from server.errors import Unprocessable
from terminology.codesystem import CodeSystemVersion, Concept

CodeSystemResolver = Callable[[str, "str | None"], "CodeSystemVersion | None"]
ValueSetResolver = Callable[[str], "ValueSetVersion | None"]


@dataclass(frozen=True, slots=True)
class Entry:
    """A code in an expansion; ``concept`` is None when its code system is not loaded with content."""

    system: str
    code: str
    display: str | None
    version: str | None
    concept: Concept | None

    def active_at(self, date: str | None) -> bool:
        return self.concept is None or self.concept.active_at(date)


class ValueSetVersion:
    def __init__(self, resource: dict[str, Any]) -> None:
        self.resource = resource
        self.url: str = resource["url"]
        self.version: str | None = resource.get("version")
        compose = resource.get("compose") or {}
        self.includes: list[dict[str, Any]] = list(compose.get("include") or ())
        self.excludes: list[dict[str, Any]] = list(compose.get("exclude") or ())

    def listed_concepts(self) -> Iterable[tuple[str, str, str | None]]:
        """(system, code, display) of every concept the compose lists explicitly."""
        for include in self.includes:
            for item in include.get("concept") or ():
                yield include.get("system", ""), item["code"], item.get("display")


def _filtered(cs: CodeSystemVersion, filters: list[dict[str, Any]]) -> list[str]:
    codes = cs.ordered_codes()
    for f in filters:
        prop, op, value = f.get("property"), f.get("op"), str(f.get("value", ""))
        keep: set[str] | frozenset[str]
        if op == "is-a":
            keep = cs.descendants(value) | {value}
        elif op == "descendent-of":
            keep = cs.descendants(value)
        elif op == "is-not-a":
            keep = set(codes) - cs.descendants(value) - {value}
        elif op == "=" and prop:
            keep = {c for c in codes if str(cs.concepts[c].value_of(prop)).lower() == value.lower()}
        else:
            raise Unprocessable(f"Value set filter '{prop} {op}' is not supported", code="not-supported")
        codes = [c for c in codes if c in keep]
    return codes


class _Composer:
    def __init__(self, code_system: CodeSystemResolver, value_set: ValueSetResolver) -> None:
        self.code_system = code_system
        self.value_set = value_set

    def part(self, part: dict[str, Any], trail: tuple[str, ...]) -> list[Entry]:
        system = part.get("system")
        entries: list[Entry] | None = None
        if system:
            cs = self.code_system(system, part.get("version"))
            version = cs.version if cs else part.get("version")
            if part.get("concept"):
                entries = []
                for item in part["concept"]:
                    concept = cs.get(item["code"]) if cs else None
                    display = item.get("display") or (concept.display if concept else None)
                    entries.append(Entry(system, concept.code if concept else item["code"], display, version, concept))
            elif cs is None or not cs.has_content:
                raise Unprocessable(f"Cannot expand: the content of code system {system} is not loaded")
            else:
                codes = _filtered(cs, part.get("filter") or [])
                entries = [Entry(system, c, cs.concepts[c].display, version, cs.concepts[c]) for c in codes]
        for url in part.get("valueSet") or ():
            nested = self.value_set_entries(url, trail)
            if entries is None:
                entries = nested
            else:
                members = {(e.system, e.code) for e in nested}
                entries = [e for e in entries if (e.system, e.code) in members]
        return entries or []

    def value_set_entries(self, url: str, trail: tuple[str, ...]) -> list[Entry]:
        if url in trail:
            raise Unprocessable(f"Value set {url} includes itself")
        vs = self.value_set(url)
        if vs is None:
            raise Unprocessable(f"Cannot expand: value set {url} is not loaded")
        return self.entries(vs, (*trail, url))

    def entries(self, vs: ValueSetVersion, trail: tuple[str, ...]) -> list[Entry]:
        seen: set[tuple[str, str]] = set()
        result: list[Entry] = []
        for include in vs.includes:
            for entry in self.part(include, trail):
                if (entry.system, entry.code) not in seen:
                    seen.add((entry.system, entry.code))
                    result.append(entry)
        excluded = {(e.system, e.code) for exclude in vs.excludes for e in self.part(exclude, trail)}
        return [e for e in result if (e.system, e.code) not in excluded]


def expansion_entries(
    vs: ValueSetVersion, code_system: CodeSystemResolver, value_set: ValueSetResolver
) -> tuple[Entry, ...]:
    """Every code of the value set, in compose order, duplicates and excluded codes removed."""
    return tuple(_Composer(code_system, value_set).entries(vs, (vs.url,)))
