"""One version of a code system, indexed: concepts by code, hierarchy, and validity over time.

NOS retires concepts instead of deleting them: a retired concept keeps its code with ``status`` =
``deprecated`` (or ``retired``) and the dates ``dateValid`` (start), ``dateFin`` / ``deprecationDate`` /
``retirementDate`` (end). Without a date a concept is active when its status is not one of those; at a given
date it is active when that date falls inside its validity period.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from server.errors import InvalidRequest

INACTIVE_STATUSES = frozenset({"deprecated", "retired", "inactive"})
END_DATE_PROPERTIES = ("dateFin", "retirementDate", "deprecationDate")
HIERARCHY_PROPERTIES = frozenset({"parent", "child"})
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2})?)?)?)?$")


def parse_date(text: str, name: str = "date") -> str:
    """A FHIR date/dateTime reduced to ``YYYY-MM-DD`` (partial dates take the first day)."""
    text = text.strip()
    if not _DATE.match(text):
        raise InvalidRequest(
            f"Parameter '{name}': '{text}' is not a FHIR date or dateTime", code="value", expression=name
        )
    day = text[:10]
    return day + "-01-01"[len(day) - 4 :] if len(day) < 10 else day


def property_value(entry: Mapping[str, Any]) -> Any:
    """The ``value[x]`` of a concept property (or Parameters part), whatever its type."""
    for key, value in entry.items():
        if key.startswith("value"):
            return value
    return None


@dataclass(frozen=True, slots=True)
class Concept:
    code: str
    display: str | None
    definition: str | None
    designations: tuple[dict[str, Any], ...]
    properties: tuple[dict[str, Any], ...]
    parents: tuple[str, ...]
    children: tuple[str, ...]

    def value_of(self, code: str) -> Any:
        return next((property_value(p) for p in self.properties if p.get("code") == code), None)

    @property
    def status(self) -> str | None:
        value = self.value_of("status")
        return value if isinstance(value, str) else None

    def end_date(self) -> str | None:
        found = next((self.value_of(c) for c in END_DATE_PROPERTIES if self.value_of(c)), None)
        return found[:10] if isinstance(found, str) else None

    def active_at(self, date: str | None = None) -> bool:
        """Active now (by status) or at ``date`` (``YYYY-MM-DD``, by validity period)."""
        inactive_flag = self.value_of("inactive") is True or self.status in INACTIVE_STATUSES
        if date is None:
            return not inactive_flag
        start = self.value_of("dateValid")
        if isinstance(start, str) and date < start[:10]:
            return False
        end = self.end_date()
        return date < end if end else not inactive_flag

    def displays(self) -> Iterator[str]:
        """The preferred display then every designation value."""
        if self.display:
            yield self.display
        for designation in self.designations:
            if designation.get("value"):
                yield designation["value"]


def _flatten(
    items: list[dict[str, Any]],
    parent: str | None,
    into: dict[str, dict[str, Any]],
    edges: list[tuple[str, str]],
) -> None:
    for item in items:
        into.setdefault(item["code"], item)
        if parent is not None:
            edges.append((parent, item["code"]))
        _flatten(item.get("concept") or [], item["code"], into, edges)


class CodeSystemVersion:
    """A CodeSystem resource with its concepts indexed (nested concepts and parent/child properties)."""

    def __init__(self, resource: dict[str, Any]) -> None:
        self.resource = resource
        self.url: str = resource["url"]
        self.version: str | None = resource.get("version")
        self.content: str = resource.get("content") or "complete"
        self.case_sensitive: bool = bool(resource.get("caseSensitive", True))
        raw: dict[str, dict[str, Any]] = {}
        edges: list[tuple[str, str]] = []
        _flatten(resource.get("concept") or [], None, raw, edges)
        for code, item in raw.items():
            for prop in item.get("property") or ():
                value = property_value(prop)
                if prop.get("code") == "parent" and isinstance(value, str):
                    edges.append((value, code))
                elif prop.get("code") == "child" and isinstance(value, str):
                    edges.append((code, value))
        parents: dict[str, list[str]] = {code: [] for code in raw}
        children: dict[str, list[str]] = {code: [] for code in raw}
        for parent, child in edges:
            if parent in raw and child in raw and parent not in parents[child]:
                parents[child].append(parent)
                children[parent].append(child)
        self.concepts: dict[str, Concept] = {
            code: Concept(
                code,
                item.get("display"),
                item.get("definition"),
                tuple(item.get("designation") or ()),
                tuple(p for p in item.get("property") or () if p.get("code") not in HIERARCHY_PROPERTIES),
                tuple(parents[code]),
                tuple(children[code]),
            )
            for code, item in raw.items()
        }
        self._folded = {code.casefold(): code for code in self.concepts} if not self.case_sensitive else {}
        self._closure: dict[tuple[str, str], frozenset[str]] = {}

    @property
    def is_complete(self) -> bool:
        """Whether every concept is here, so that a missing code does not exist."""
        return self.content == "complete" and bool(self.concepts)

    @property
    def has_content(self) -> bool:
        """Whether the concepts are all here (``not-present`` and ``example`` resources are stubs)."""
        return self.content in ("complete", "fragment", "supplement") and bool(self.concepts)

    def get(self, code: str) -> Concept | None:
        found = self.concepts.get(code)
        if found is None and self._folded:
            canonical = self._folded.get(code.casefold())
            found = self.concepts.get(canonical) if canonical else None
        return found

    def _walk(self, code: str, direction: str) -> frozenset[str]:
        key = (code, direction)
        if key not in self._closure:
            seen: set[str] = set()
            stack = [code]
            while stack:
                concept = self.concepts.get(stack.pop())
                for nxt in (concept.children if direction == "down" else concept.parents) if concept else ():
                    if nxt not in seen:
                        seen.add(nxt)
                        stack.append(nxt)
            self._closure[key] = frozenset(seen)
        return self._closure[key]

    def descendants(self, code: str) -> frozenset[str]:
        """Every code below ``code`` (not ``code`` itself)."""
        return self._walk(code, "down")

    def ancestors(self, code: str) -> frozenset[str]:
        """Every code above ``code`` (not ``code`` itself)."""
        return self._walk(code, "up")

    def ordered_codes(self) -> list[str]:
        """All codes, parents before children, in declaration order."""
        return list(self.concepts)
