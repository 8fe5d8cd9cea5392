"""The terminology service: NOS code systems and value sets in memory, every release side by side.

``Terminology`` loads release directories (``CodeSystem.ndjson`` / ``ValueSet.ndjson``, see
``terminology.convert``) once at start-up; ``load`` adds a later release. Several versions of one canonical
coexist: operations use the newest unless given a ``version``. Value set expansions are computed once per
value set version and then filtered and sliced per request.

Code systems whose content is not loaded (absent TREs such as G15, or ``content = not-present`` stubs such as
R210) are still known through the value sets that list their codes: such a code has the value set's display
but no properties.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import orjson

from server.errors import InvalidRequest, NotFound
from terminology.codesystem import CodeSystemVersion, Concept, parse_date
from terminology.systems import OID_PREFIX, canonical_key, oid_of, value_set_systems
from terminology.valueset import Entry, ValueSetVersion, expansion_entries

DATA_DIR = Path(__file__).with_name("data")
RESOURCE_FILES = ("CodeSystem.ndjson", "ValueSet.ndjson")
KINDS = ("CodeSystem", "ValueSet")
_SELECTION_CACHE_SIZE = 256
_MAX_ID = 64
_V = TypeVar("_V", CodeSystemVersion, ValueSetVersion)


def split_canonical(url: str) -> tuple[str, str | None]:
    """``url|version`` -> (url, version)."""
    base, sep, version = url.partition("|")
    return base, (version or None) if sep else None


def _version_key(version: str | None) -> tuple[bool, str]:
    return (version is not None, version or "")


def folded(text: str) -> str:
    """Lower case without accents, for text matching."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True, slots=True)
class CodeCheck:
    """What the loaded releases say about one (system, code)."""

    system: str
    code: str
    known_system: bool
    complete: bool
    version: str | None
    concept: Concept | None
    listed: bool
    listed_display: str | None

    @property
    def found(self) -> bool:
        """Known concept; a value set listing only counts when the code system's content is not loaded."""
        return self.concept is not None or (self.listed and not self.complete)

    @property
    def display(self) -> str | None:
        return self.concept.display if self.concept and self.concept.display else self.listed_display

    def active_at(self, date: str | None = None) -> bool:
        return self.concept is None or self.concept.active_at(date)

    def inactive_reason(self) -> str:
        concept = self.concept
        if concept is None:
            return ""
        end = concept.end_date()
        return f"status {concept.status or 'inactive'}" + (f" since {end}" if end else "")


def _display_matches(wanted: str, candidates: Iterable[str | None]) -> bool:
    target = " ".join(folded(wanted).split())
    return any(c is not None and " ".join(folded(c).split()) == target for c in candidates)


def _served_versions(
    kind: str,
    registry: Mapping[str, Mapping[str | None, CodeSystemVersion | ValueSetVersion]],
    by_id: dict[tuple[str, str], CodeSystemVersion | ValueSetVersion],
) -> list[dict[str, Any]]:
    """The resources to serve, newest version under its own id, older ones under ``<id>-<version>``."""
    served: list[dict[str, Any]] = []
    for _, versions in sorted(registry.items()):
        ordered = sorted(versions.values(), key=lambda v: _version_key(v.version), reverse=True)
        for i, item in enumerate(ordered):
            base_id = item.resource.get("id") or "resource"
            rid = base_id if i == 0 else f"{base_id}-{item.version}"[:_MAX_ID]
            by_id[(kind, rid)] = item
            served.append(item.resource if rid == base_id else {**item.resource, "id": rid})
    return served


class Terminology:
    """In-memory NOS terminology, loaded from release directories."""

    def __init__(self, directories: Iterable[Path] = ()) -> None:
        self._code_systems: dict[str, dict[str | None, CodeSystemVersion]] = {}
        self._value_sets: dict[str, dict[str | None, ValueSetVersion]] = {}
        self._reset()
        for directory in directories:
            self.load(directory)

    @classmethod
    def default(cls, extra: Iterable[Path] = ()) -> Terminology:
        """The shipped release (``terminology/data``) plus any later release directories."""
        return cls([DATA_DIR, *extra])

    # --- loading -------------------------------------------------------------------------------------------

    def load(self, directory: Path) -> int:
        """Adds the resources of one release directory; returns how many were read."""
        files = [directory / name for name in RESOURCE_FILES if (directory / name).exists()]
        if not files:
            raise FileNotFoundError(f"no {' or '.join(RESOURCE_FILES)} in {directory}")
        resources = [orjson.loads(line) for path in files for line in path.read_bytes().splitlines() if line.strip()]
        return self.add(resources)

    def add(self, resources: Iterable[dict[str, Any]]) -> int:
        """Adds CodeSystem/ValueSet resources (a same url+version replaces the earlier one)."""
        count = 0
        for resource in resources:
            kind = resource.get("resourceType")
            if kind not in KINDS or not resource.get("url"):
                raise ValueError(f"not a CodeSystem/ValueSet with a url: {resource.get('id')}")
            key = canonical_key(resource["url"])
            if kind == "CodeSystem":
                cs = CodeSystemVersion(resource)
                self._code_systems.setdefault(key, {})[cs.version] = cs
            else:
                vs = ValueSetVersion(resource)
                self._value_sets.setdefault(key, {})[vs.version] = vs
            count += 1
        self._reset()
        return count

    def _reset(self) -> None:
        newest_vs = [self._newest(v).resource for v in self._value_sets.values()]
        self._vs_systems = {canonical_key(k): v for k, v in value_set_systems(newest_vs).items()}
        self._listed: dict[str, dict[str, str | None]] = {}
        self._listed_by_vs: dict[tuple[str, str], set[str]] = {}
        for key, versions in self._value_sets.items():
            for vs in sorted(versions.values(), key=lambda v: _version_key(v.version)):
                for system, code, display in vs.listed_concepts():
                    system_key = canonical_key(system)
                    known = self._listed.setdefault(system_key, {})
                    known[code] = display or known.get(code)
                    self._listed_by_vs.setdefault((key, system_key), set()).add(code)
        self._oid_to_url: dict[str, str] = {}
        self._url_to_oid: dict[str, str] = {}
        newest_all: list[CodeSystemVersion | ValueSetVersion] = [
            *(self._newest(v) for v in self._code_systems.values()),
            *(self._newest(v) for v in self._value_sets.values()),
        ]
        for newest in newest_all:
            oid = oid_of(newest.resource)
            if oid:
                self._oid_to_url.setdefault(oid, newest.url)
                self._url_to_oid.setdefault(canonical_key(newest.url), oid)
        self._served: dict[str, list[dict[str, Any]]] = {}
        self._by_id: dict[tuple[str, str], CodeSystemVersion | ValueSetVersion] = {}
        self._entries: dict[tuple[str, str | None], tuple[Entry, ...]] = {}
        self._members: dict[tuple[str, str | None], frozenset[tuple[str, str]]] = {}
        self._selections: OrderedDict[tuple[Any, ...], tuple[Entry, ...]] = OrderedDict()

    @staticmethod
    def _newest(versions: dict[str | None, _V]) -> _V:
        return versions[max(versions, key=_version_key)]

    # --- resources -----------------------------------------------------------------------------------------

    def code_system_version(self, url: str, version: str | None = None) -> CodeSystemVersion | None:
        """The newest (or the given) version of a code system; None when the system is unknown."""
        base, pinned = split_canonical(url)
        versions = self._code_systems.get(canonical_key(base))
        if not versions:
            return None
        wanted = version or pinned
        if wanted is None:
            return self._newest(versions)
        if wanted not in versions:
            raise NotFound(f"Version {wanted} of code system {base} is not loaded", code="not-found")
        return versions[wanted]

    def value_set_version(self, url: str, version: str | None = None) -> ValueSetVersion:
        """The newest (or the given) version of a value set (``url|version`` accepted); 404 when unknown."""
        base, pinned = split_canonical(url)
        versions = self._value_sets.get(canonical_key(base))
        if not versions:
            raise NotFound(f"Unknown value set {base}", code="not-found")
        wanted = version or pinned
        if wanted is None:
            return self._newest(versions)
        if wanted not in versions:
            raise NotFound(f"Version {wanted} of value set {base} is not loaded", code="not-found")
        return versions[wanted]

    def _index_ids(self) -> None:
        """Assigns served ids once per load (built aside, then published in one assignment)."""
        if self._served:
            return
        by_id: dict[tuple[str, str], CodeSystemVersion | ValueSetVersion] = {}
        served = {
            "CodeSystem": _served_versions("CodeSystem", self._code_systems, by_id),
            "ValueSet": _served_versions("ValueSet", self._value_sets, by_id),
        }
        self._by_id = by_id
        self._served = served

    def code_systems(self) -> list[dict[str, Any]]:
        """Every loaded CodeSystem as served: the newest version keeps its id, older ones get ``-<version>``."""
        self._index_ids()
        return self._served["CodeSystem"]

    def value_sets(self) -> list[dict[str, Any]]:
        """Every loaded ValueSet as served (same id rule as ``code_systems``)."""
        self._index_ids()
        return self._served["ValueSet"]

    def resolve_id(self, kind: str, resource_id: str) -> tuple[str, str | None]:
        """(url, version) of the served CodeSystem/ValueSet with that id."""
        self._index_ids()
        found = self._by_id.get((kind, resource_id))
        if found is None:
            raise NotFound(f"{kind}/{resource_id} is not known", code="not-found")
        return found.url, found.version

    def search_resources(
        self,
        kind: str,
        url: str | None = None,
        name: str | None = None,
        title: str | None = None,
        version: str | None = None,
        status: str | None = None,
        content: str | None = None,
    ) -> list[dict[str, Any]]:
        """Served resources of one kind matching every given criterion (name/title: FHIR string prefix match)."""
        if kind not in KINDS:
            raise InvalidRequest(f"Terminology resources are CodeSystem or ValueSet, not {kind}", code="not-supported")
        pool = self.code_systems() if kind == "CodeSystem" else self.value_sets()

        def starts(value: Any, prefix: str) -> bool:
            return isinstance(value, str) and folded(value).startswith(folded(prefix))

        result = []
        for res in pool:
            if url is not None and canonical_key(res.get("url", "")) != canonical_key(url):
                continue
            if name is not None and not starts(res.get("name"), name):
                continue
            if title is not None and not starts(res.get("title"), title):
                continue
            exact = (("version", version), ("status", status), ("content", content))
            if any(expected is not None and res.get(field) != expected for field, expected in exact):
                continue
            result.append(res)
        return result

    # --- systems -------------------------------------------------------------------------------------------

    def normalize_system(self, url: str, code: str | None = None) -> str:
        """A code system URL for what a client sent: JDV URL -> its TRE, trailing slash tolerated.

        A value set drawing from several code systems maps to the one listing ``code`` when it is given, else
        to the first. Unknown URLs come back unchanged.
        """
        key = canonical_key(url)
        if key in self._code_systems:
            return self._newest(self._code_systems[key]).url
        systems = self._vs_systems.get(key)
        if not systems:
            return url
        if code is not None and len(systems) > 1:
            for system in systems:
                if code in self._listed_by_vs.get((key, canonical_key(system)), ()):
                    return system
                cs = self.code_system_version(system)
                if cs is not None and cs.get(code) is not None:
                    return system
        return systems[0]

    def oid_for_system(self, url: str) -> str | None:
        """The legacy OID of a code system or value set URL (trailing slash tolerated)."""
        return self._url_to_oid.get(canonical_key(url))

    def system_for_oid(self, oid: str) -> str | None:
        """The canonical URL named by an OID (``urn:oid:`` prefix accepted)."""
        return self._oid_to_url.get(oid.removeprefix(OID_PREFIX).strip())

    # --- concepts ------------------------------------------------------------------------------------------

    def check(self, system: str, code: str, version: str | None = None) -> CodeCheck:
        """What is known of ``system#code`` (system normalised; ``version`` selects a code system version)."""
        url = self.normalize_system(system, code)
        key = canonical_key(url)
        cs = self.code_system_version(url, version)
        complete = cs is not None and cs.is_complete
        concept = cs.get(code) if cs is not None else None
        listed = self._listed.get(key, {})
        known = cs is not None or key in self._listed
        return CodeCheck(
            cs.url if cs else url,
            concept.code if concept else code,
            known,
            complete,
            cs.version if cs else None,
            concept,
            code in listed,
            listed.get(code),
        )

    def lookup(self, system: str, code: str, version: str | None = None, date: str | None = None) -> dict[str, Any]:
        """Display, designations and properties of a concept (plus ``inactive``, ``parent``, ``child``)."""
        if not system or not code:
            raise InvalidRequest("$lookup needs a system and a code", code="required")
        day = parse_date(date) if date else None
        found = self.check(system, code, version)
        if not found.known_system:
            raise NotFound(f"Unknown code system {system}", code="not-found")
        if not found.found:
            raise NotFound(f"Code '{code}' not found in {found.system}", code="not-found")
        cs = self.code_system_version(found.system, version)
        resource = cs.resource if cs else {}
        result: dict[str, Any] = {
            "name": resource.get("title") or resource.get("name") or found.system.rsplit("/", 1)[-1],
            "system": found.system,
            "version": found.version,
            "code": found.code,
            "display": found.display or "",
            "designation": [],
            "property": [],
            "inactive": not found.active_at(day),
        }
        concept = found.concept
        if concept is not None:
            if concept.definition:
                result["definition"] = concept.definition
            result["designation"] = [dict(d) for d in concept.designations]
            result["property"] = [dict(p) for p in concept.properties if p.get("code") != "inactive"]
            result["property"] += [{"code": "parent", "valueCode": c} for c in concept.parents]
            result["property"] += [{"code": "child", "valueCode": c} for c in concept.children]
        result["property"].append({"code": "inactive", "valueBoolean": result["inactive"]})
        return result

    def validate_code(
        self,
        *,
        code: str,
        url: str | None = None,
        system: str | None = None,
        display: str | None = None,
        version: str | None = None,
        system_version: str | None = None,
        date: str | None = None,
    ) -> tuple[bool, str | None, str | None]:
        """(result, message, display) for a code in a value set (``url``) or in a code system (``system``).

        ``version`` is the version of the value set when ``url`` is given, else of the code system. An
        inactive code is valid with a message saying so; a wrong display makes the result false.
        """
        if not code:
            raise InvalidRequest("$validate-code needs a code", code="required")
        day = parse_date(date) if date else None
        if url:
            return self._validate_in_value_set(url, version, system, system_version, code, display, day)
        if not system:
            raise InvalidRequest("$validate-code needs a value set url or a code system", code="required")
        found = self.check(system, code, version)
        if not found.known_system:
            raise NotFound(f"Unknown code system {system}", code="not-found")
        if not found.found:
            return False, f"Unknown code '{code}' in code system {found.system}", None
        return self._verdict(found, display, day)

    def _validate_in_value_set(
        self,
        url: str,
        version: str | None,
        system: str | None,
        system_version: str | None,
        code: str,
        display: str | None,
        day: str | None,
    ) -> tuple[bool, str | None, str | None]:
        vs = self.value_set_version(url, version)
        entries = self._all_entries(vs)
        if system:
            wanted = canonical_key(self.normalize_system(system, code))
            matches = [e for e in entries if canonical_key(e.system) == wanted and self._same_code(e, code)]
        else:
            matches = [e for e in entries if self._same_code(e, code)]
        label = f"{vs.url}|{vs.version}" if vs.version else vs.url
        if not matches:
            shown = f"{system}#{code}" if system else code
            return False, f"Code '{shown}' is not in value set {label}", None
        if len(matches) > 1:
            return (
                False,
                f"Code '{code}' is in several code systems of value set {label}: give the system",
                None,
            )
        entry = matches[0]
        found = self.check(entry.system, entry.code, system_version)
        in_value_set = CodeCheck(
            found.system,
            found.code,
            True,
            found.complete,
            found.version,
            found.concept,
            True,
            entry.display if entry.display is not None else found.listed_display,
        )
        return self._verdict(in_value_set, display, day)

    def _same_code(self, entry: Entry, code: str) -> bool:
        if entry.code == code:
            return True
        cs = self.code_system_version(entry.system) if entry.code.casefold() == code.casefold() else None
        return cs is not None and not cs.case_sensitive

    @staticmethod
    def _verdict(found: CodeCheck, display: str | None, day: str | None) -> tuple[bool, str | None, str | None]:
        preferred = found.display
        if display and preferred is not None:
            candidates = [
                preferred,
                found.listed_display,
                *(found.concept.displays() if found.concept else ()),
            ]
            if not _display_matches(display, candidates):
                return (
                    False,
                    f"Wrong display '{display}' for {found.system}#{found.code}: expected '{preferred}'",
                    preferred,
                )
        if not found.active_at(day):
            when = f" at {day}" if day else ""
            return (
                True,
                f"Code '{found.code}' of {found.system} is inactive{when} ({found.inactive_reason()})",
                preferred,
            )
        return True, None, preferred

    def subsumes(self, system: str, code_a: str, code_b: str, version: str | None = None) -> str:
        """``equivalent`` | ``subsumes`` | ``subsumed-by`` | ``not-subsumed`` between two codes of one system."""
        cs = self.code_system_version(self.normalize_system(system), version)
        if cs is None or not cs.has_content:
            raise NotFound(f"The content of code system {system} is not loaded", code="not-found")
        concepts = []
        for name, code in (("codeA", code_a), ("codeB", code_b)):
            concept = cs.get(code) if code else None
            if concept is None:
                raise InvalidRequest(f"{name} '{code}' is not a code of {cs.url}", code="value", expression=name)
            concepts.append(concept.code)
        a, b = concepts
        if a == b:
            return "equivalent"
        if a in cs.ancestors(b):
            return "subsumes"
        if b in cs.ancestors(a):
            return "subsumed-by"
        return "not-subsumed"

    def _related(self, system: str, code: str, direction: str) -> frozenset[str]:
        cs = self.code_system_version(self.normalize_system(system, code))
        concept = cs.get(code) if cs is not None else None
        if cs is None or concept is None:
            return frozenset({code})
        related = cs.descendants(concept.code) if direction == "down" else cs.ancestors(concept.code)
        return related | {concept.code}

    def below(self, system: str, code: str) -> frozenset[str]:
        """``code`` and every code under it (``:below``); just ``code`` when nothing is known of it."""
        return self._related(system, code, "down")

    def above(self, system: str, code: str) -> frozenset[str]:
        """``code`` and every code above it (``:above``); just ``code`` when nothing is known of it."""
        return self._related(system, code, "up")

    # --- value sets ----------------------------------------------------------------------------------------

    def _expansion_code_system(self, system: str, version: str | None) -> CodeSystemVersion | None:
        try:
            return self.code_system_version(system, version)
        except NotFound:
            return None

    def _expansion_value_set(self, url: str) -> ValueSetVersion | None:
        try:
            return self.value_set_version(url)
        except NotFound:
            return None

    def _all_entries(self, vs: ValueSetVersion) -> tuple[Entry, ...]:
        key = (vs.url, vs.version)
        if key not in self._entries:
            self._entries[key] = expansion_entries(vs, self._expansion_code_system, self._expansion_value_set)
        return self._entries[key]

    def codes_in(self, valueset_url: str) -> frozenset[tuple[str, str]]:
        """(system, code) pairs of a value set (``:in`` / ``:not-in``); 400 for an unknown value set."""
        try:
            vs = self.value_set_version(valueset_url)
        except NotFound as exc:
            raise InvalidRequest(exc.diagnostics, code="value") from exc
        key = (vs.url, vs.version)
        if key not in self._members:
            self._members[key] = frozenset((e.system, e.code) for e in self._all_entries(vs))
        return self._members[key]

    def _selection(
        self, vs: ValueSetVersion, active_only: bool, day: str | None, text: str | None
    ) -> tuple[Entry, ...]:
        entries = self._all_entries(vs)
        if not active_only and not text:
            return entries
        key = (vs.url, vs.version, active_only, day if active_only else None, folded(text or ""))
        cached = self._selections.get(key)
        if cached is not None:
            self._selections.move_to_end(key)
            return cached
        tokens = folded(text).split() if text else []
        selected = tuple(
            e for e in entries if (not active_only or e.active_at(day)) and (not tokens or self._matches(e, tokens))
        )
        self._selections[key] = selected
        if len(self._selections) > _SELECTION_CACHE_SIZE:
            self._selections.popitem(last=False)
        return selected

    @staticmethod
    def _matches(entry: Entry, tokens: list[str]) -> bool:
        texts = [entry.display or "", *(entry.concept.displays() if entry.concept else ())]
        haystack = folded(" ".join(texts))
        code = folded(entry.code)
        return all(t in haystack or code.startswith(t) for t in tokens)

    def expand(
        self,
        url: str,
        filter: str | None = None,
        count: int | None = None,
        offset: int = 0,
        active_only: bool = False,
        date: str | None = None,
        version: str | None = None,
    ) -> dict[str, Any]:
        """The value set with an ``expansion`` page: ``total`` matches, ``contains`` from ``offset``."""
        if offset < 0:
            raise InvalidRequest("offset must not be negative", code="value", expression="offset")
        if count is not None and count < 0:
            raise InvalidRequest("count must not be negative", code="value", expression="count")
        vs = self.value_set_version(url, version)
        day = parse_date(date) if date else None
        selected = self._selection(vs, active_only, day, filter)
        page = selected[offset:] if count is None else selected[offset : offset + count]
        parameters: list[dict[str, Any]] = [{"name": "offset", "valueInteger": offset}]
        if count is not None:
            parameters.append({"name": "count", "valueInteger": count})
        if filter:
            parameters.append({"name": "filter", "valueString": filter})
        if active_only:
            parameters.append({"name": "activeOnly", "valueBoolean": True})
        if date:
            parameters.append({"name": "date", "valueDateTime": date})
        used = sorted({(e.system, e.version) for e in selected if e.version})
        parameters += [{"name": "used-codesystem", "valueUri": f"{s}|{v}"} for s, v in used]
        expansion: dict[str, Any] = {
            "identifier": f"urn:uuid:{uuid.uuid4()}",
            "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
            "total": len(selected),
            "offset": offset,
            "parameter": parameters,
        }
        contains = [self._contains(e, day) for e in page]
        if contains:
            expansion["contains"] = contains
        self._index_ids()
        served = next(r for r in self._served["ValueSet"] if r.get("url") == vs.url and r.get("version") == vs.version)
        head: dict[str, Any] = {
            k: served[k]
            for k in (
                "resourceType",
                "id",
                "meta",
                "url",
                "identifier",
                "version",
                "name",
                "title",
                "status",
                "date",
                "publisher",
                "description",
            )
            if k in served
        }
        return {**head, "expansion": expansion}

    @staticmethod
    def _contains(entry: Entry, day: str | None) -> dict[str, Any]:
        item: dict[str, Any] = {"system": entry.system}
        if entry.version:
            item["version"] = entry.version
        item["code"] = entry.code
        if entry.display:
            item["display"] = entry.display
        if not entry.active_at(day):
            item["inactive"] = True
        return item
