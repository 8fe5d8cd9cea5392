"""Structural validation of resources as FHIR R4, compiled from ``profiles/structures-r4.json``.

The table (built by ``profiles/build_structures.py`` from the R4 StructureDefinitions) is compiled once, on
first use, into one check per type. A check takes a JSON value and returns a *verdict*: falsy when the
value is valid, else the list of :class:`Issue` found in it, or ``True`` for "invalid, ask the type's
explainer" (the fast checks of string primitives, see :class:`_LexicalVerdicts`). Paths are only built for
issues: a parent appends its own step (``.name`` or ``[i]``) to the issues of its children, so a valid
resource costs about a dict lookup and a call per element.

Checked: known ``resourceType``; no unknown element (``_name`` siblings only for primitive elements, holding
``id``/``extension``, aligned with their array); array or single value by the maximum cardinality; required
elements; one ``[x]`` variant per choice element, with a known type suffix; the JSON type and lexical form of
each primitive (spec regexes, integer ranges, real calendar days); no empty object, array or string;
contained and bundled resources. Not checked: invariants (FHIRPath constraints), profiles, terminology.
"""

from __future__ import annotations

import datetime
import math
import re
import sys
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import orjson

from server.errors import InvalidRequest

TABLE_PATH = Path(__file__).resolve().parents[2] / "profiles" / "structures-r4.json"
MAX_ISSUES = 20
CALENDAR_TYPES = frozenset({"date", "dateTime", "instant"})
INLINE_ELEMENT_TYPE = "Element"  # the type of ``_name`` siblings: ``id`` and ``extension``
ANY_RESOURCE = "Resource"
ANY_TEXT = r"(?s:.+)"  # the lexical rule of a string primitive without regex in the table (xhtml)
MEMO_MAX_LENGTH = 200  # longer strings (free text, rarely repeated) are checked each time
MEMO_SIZE = 50_000  # verdicts kept per primitive type before starting afresh


class Issue:
    """One structural error; ``steps`` is its path below the checked value, innermost step first."""

    __slots__ = ("message", "steps")

    def __init__(self, message: str, *steps: str) -> None:
        self.message = message
        self.steps = list(steps)

    def expression(self, root: str) -> str:
        return root + "".join(reversed(self.steps))


Issues = list[Issue]
Verdict = Issues | bool | None
Check = Callable[[Any], Verdict]
IssueCheck = Callable[[Any], Issues | None]  # a check that explains itself (all but those of strings)


def _under(issues: Issues | None, found: Issues, step: str) -> Issues:
    """``found`` (issues of a child) moved under ``step`` and appended to ``issues``."""
    for issue in found:
        issue.steps.append(step)
    if issues is None:
        return found
    issues.extend(found)
    return issues


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float | Decimal):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _shape_issues(value: Any, expected: str) -> Issues:
    """The issue of a value that is not of the ``expected`` JSON shape."""
    if type(value) is list:
        return [Issue(f"expected {expected}, found an array (the element takes at most one value)")]
    return [Issue(f"expected {expected}, found {_json_kind(value)}")]


# -- primitives ---------------------------------------------------------------------------------------------


def _real_day(text: str) -> bool:
    """Whether the day of a full date (``YYYY-MM-DD…``) exists; only days 29 to 31 need a look."""
    if len(text) < 10 or text[8:10] < "29":
        return True
    try:
        datetime.date(int(text[:4]), int(text[5:7]), int(text[8:10]))
    except ValueError:
        return False
    return True


class _LexicalVerdicts(dict[str, bool]):
    """``verdicts[value]`` is True when ``value`` is not a valid string of one primitive type.

    Verdicts of short strings are kept: systems, codes, extension URLs and times repeat all over a bulk load,
    and a dict lookup costs a fraction of a regex match. A value that is not a string is invalid; an
    unhashable one (object, array) raises ``TypeError``, which the caller takes as invalid.
    """

    __slots__ = ("calendar", "fullmatch", "max_length")

    def __init__(self, type_name: str, rule: dict[str, Any]) -> None:
        super().__init__()
        # ASCII: \s and \S as in the XML Schema / Java regexes of the specification (NBSP is not a space)
        self.fullmatch = re.compile(rule.get("regex", ANY_TEXT), re.ASCII).fullmatch
        self.max_length: int = rule.get("maxLength", sys.maxsize)
        self.calendar = type_name in CALENDAR_TYPES

    def __missing__(self, value: Any) -> bool:
        if type(value) is not str:
            return True
        invalid = not (0 < len(value) <= self.max_length and self.fullmatch(value) is not None
                       and (not self.calendar or _real_day(value)))
        if len(value) <= MEMO_MAX_LENGTH:
            if len(self) >= MEMO_SIZE:
                self.clear()
            self[value] = invalid
        return invalid


def _string_explainer(type_name: str, verdicts: _LexicalVerdicts) -> IssueCheck:
    def explain(value: Any) -> Issues:
        if type(value) is not str:
            return _shape_issues(value, "a JSON string" + ("" if type_name == "string" else f" ({type_name})"))
        if not value:
            return [Issue(f"empty {type_name}: an absent value is left out, not empty")]
        if len(value) > verdicts.max_length:
            return [Issue(f"{type_name} longer than {verdicts.max_length} characters")]
        if verdicts.fullmatch(value) is None:
            return [Issue(f"{value[:80]!r} is not a valid {type_name}")]
        return [Issue(f"{value!r} is not a valid {type_name}: no such day")]

    return explain


def _integer_check(type_name: str, rule: dict[str, Any]) -> IssueCheck:
    low, high = rule["min"], rule["max"]

    def check(value: Any) -> Issues | None:
        if type(value) is int and low <= value <= high:
            return None
        if type(value) is int:
            return [Issue(f"{value} is out of the range of {type_name} ({low}..{high})")]
        return _shape_issues(value, f"a JSON integer ({type_name})")

    return check


def _check_decimal(value: Any) -> Issues | None:
    if (type(value) is int or type(value) is float or type(value) is Decimal) and math.isfinite(value):
        return None
    return _shape_issues(value, "a JSON number (decimal)")


def _check_boolean(value: Any) -> Issues | None:
    if type(value) is bool:
        return None
    return _shape_issues(value, "true or false (boolean)")


def _primitive(type_name: str, rule: dict[str, Any]) -> tuple[Check, IssueCheck]:
    """The check of a primitive type and the explainer of its ``True`` verdicts."""
    match rule["json"]:
        case "string":
            verdicts = _LexicalVerdicts(type_name, rule)
            return verdicts.__getitem__, _string_explainer(type_name, verdicts)
        case "integer":
            check: IssueCheck = _integer_check(type_name, rule)
        case "number":
            check = _check_decimal
        case "boolean":
            check = _check_boolean
        case kind:
            raise ValueError(f"unknown JSON kind of {type_name}: {kind}")
    return check, check


def _issues_of(verdict: Verdict, value: Any, explain: IssueCheck) -> Issues | None:
    """The issues of a ``verdict`` on ``value``."""
    if verdict is True:
        return explain(value)
    return verdict if isinstance(verdict, list) else None


# -- arrays and complex types -------------------------------------------------------------------------------


class _NullEntry(Issue):
    """A null in an array of primitives, valid only where the ``_name`` sibling has an entry."""

    __slots__ = ("index",)

    def __init__(self, index: int) -> None:
        super().__init__("null entry without an extension at the same index in the '_' sibling")
        self.index = index


def _array_check(item: Check, explain: IssueCheck, nullable: bool) -> IssueCheck:
    """The check of a non-empty array; ``nullable`` (primitives) lets an item be null: see :func:`_aligned`."""

    def check(value: Any) -> Issues | None:
        if type(value) is not list:
            return [Issue(f"expected an array, found {_json_kind(value)}")]
        if not value:
            return [Issue("empty array: an absent element is left out, not empty")]
        issues = None
        for index, entry in enumerate(value):
            try:
                verdict = item(entry)
            except TypeError:  # an unhashable value given to the verdicts of a string type
                verdict = True
            if verdict:
                found: Issues | None = ([_NullEntry(index)] if entry is None and nullable
                                        else _issues_of(verdict, entry, explain))
                if found:
                    issues = _under(issues, found, f"[{index}]")
        return issues

    return check


def _aligned(issues: Issues, extensions: Any) -> Issues | None:
    """``issues`` of a primitive array less the nulls matched by an entry of the ``_name`` array."""
    if type(extensions) is not list:
        return issues
    kept = [issue for issue in issues if not (isinstance(issue, _NullEntry) and issue.index < len(extensions)
                                              and extensions[issue.index] is not None)]
    return kept or None


def _variant_name(prefix: str, type_name: str) -> str:
    return prefix + type_name[0].upper() + type_name[1:]


def _accept(value: Any) -> None:
    return None


class _ComplexType:
    """The rules of one complex type, resource or backbone element, from its row of the table.

    Types are recursive, so compilation has two steps: :meth:`check` makes the closure, then :meth:`link`
    fills the dicts it reads with the checks of the element types.
    """

    def __init__(self, name: str, elements: dict[str, Any], primitives: dict[str, Any], is_resource: bool) -> None:
        self.name = name
        self.elements: list[tuple[str, str, bool]] = []  # (JSON name, type, is an array)
        self.siblings: dict[str, tuple[str, bool]] = {}  # "_name" -> (name, is an array)
        self.required: list[tuple[str, frozenset[str]]] = []  # (name, the JSON names that satisfy it)
        self.choices: dict[str, frozenset[str]] = {}  # "value[x]" -> {"valueString", …}
        self.checks: dict[str, Check] = {"resourceType": _accept} if is_resource else {}
        self.explainers: dict[str, IssueCheck] = {}
        self.sibling_check: IssueCheck = _accept
        for element_name, rule in elements.items():
            is_array = rule["max"] == "*"
            prefix = element_name.removesuffix("[x]")
            json_names = ([_variant_name(prefix, t) for t in rule["types"]] if prefix != element_name
                          else [element_name])
            for json_name, type_name in zip(json_names, rule["types"], strict=True):
                self.elements.append((json_name, type_name, is_array))
                if type_name in primitives and not rule.get("bare"):
                    self.siblings["_" + json_name] = (json_name, is_array)
            if prefix != element_name:
                self.choices[element_name] = frozenset(json_names)
            if rule["min"] >= 1:
                self.required.append((prefix, frozenset(json_names).union("_" + n for n in json_names)))
        self.choice_names = frozenset().union(*self.choices.values())

    def link(self, element_check: Callable[[str, bool], tuple[Check, IssueCheck]]) -> None:
        """Fill the checks with ``element_check(type, is_array)``."""
        for json_name, type_name, is_array in self.elements:
            self.checks[json_name], self.explainers[json_name] = element_check(type_name, is_array)
        self.sibling_check = element_check(INLINE_ELEMENT_TYPE, False)[1]

    def value_issues(self, key: str, verdict: Verdict, obj: dict[str, Any]) -> Issues | None:
        """The issues of the element ``key`` of ``obj``, whose check gave a truthy ``verdict``."""
        found = _issues_of(verdict, obj[key], self.explainers[key])
        if found and "_" + key in obj:
            found = _aligned(found, obj["_" + key])
        return _under(None, found, "." + key) if found else None

    def unknown(self, key: str, obj: dict[str, Any]) -> Issues | None:
        """Issues of a key that is not an element: none for a valid ``_name`` sibling."""
        sibling = self.siblings.get(key)
        if sibling is None:
            choice = next((c for c in self.choices if key.startswith(c[:-3]) and key[len(c) - 3:][:1].isupper()),
                          None)
            if choice is not None:
                return [Issue(f"unknown element '{key}': not a type of {choice}", f".{key}")]
            return [Issue(f"unknown element '{key}' in {self.name}", f".{key}")]
        name, is_array = sibling
        value = obj[key]
        primitives = obj.get(name)
        found: Issues | None
        if not is_array:
            found = self.sibling_check(value)
        elif type(value) is not list or not value:
            found = [Issue(f"expected a non-empty array aligned with '{name}'")]
        elif primitives is not None and (type(primitives) is not list or len(primitives) != len(value)):
            found = [Issue(f"'{key}' does not have as many entries as '{name}'")]
        else:
            found = None
            for index, entry in enumerate(value):
                if entry is None and primitives is None:
                    found = _under(found, [Issue("null entry and no value")], f"[{index}]")
                elif entry is not None and (entry_issues := self.sibling_check(entry)):
                    found = _under(found, entry_issues, f"[{index}]")
        return _under(None, found, f".{key}") if found else None

    def cross_issues(self, obj: dict[str, Any]) -> Issues | None:
        """Issues that need the whole object: required elements, one variant per choice."""
        issues = None
        for name, names in self.required:
            if names.isdisjoint(obj):
                label = f"{name}[x]" if name + "[x]" in self.choices else name
                issues = _under(issues, [Issue(f"missing required element '{label}'")], "." + name)
        present = self.choice_names.intersection(obj)
        for choice, variants in self.choices.items():
            chosen = sorted(present & variants)
            if len(chosen) > 1:
                issues = _under(issues, [Issue(f"{choice} takes one value, found {', '.join(chosen)}")],
                                "." + choice[:-3])
        return issues

    def check(self) -> IssueCheck:
        """The check of this type; fast paths first, the methods above explain what they reject."""
        get = self.checks.get
        unknown, value_issues, cross_issues = self.unknown, self.value_issues, self.cross_issues
        name = self.name
        has_cross = bool(self.required or self.choices)
        required = [(element, "_" + element) for element, _ in self.required if element + "[x]" not in self.choices]
        required_choices = [names for element, names in self.required if element + "[x]" in self.choices]
        choice_names = self.choice_names
        # with the required elements present, a conflict of choice variants needs more keys than this
        few_keys = len(required) + 1 if choice_names else sys.maxsize

        def check(obj: Any) -> Issues | None:
            if type(obj) is not dict:
                return _shape_issues(obj, f"a JSON object ({name})")
            if not obj:
                return [Issue(f"empty {name} object: an absent element is left out, not empty")]
            issues = None
            for key, value in obj.items():
                check_value = get(key)
                if check_value is None:
                    found = unknown(key, obj)
                else:
                    try:
                        verdict = check_value(value)
                    except TypeError:  # an unhashable value given to the verdicts of a string type
                        verdict = True
                    if not verdict:
                        continue
                    found = value_issues(key, verdict, obj)
                if found:
                    issues = found if issues is None else issues + found
            if has_cross:
                missing = False
                for element_name, sibling in required:
                    if element_name not in obj and sibling not in obj:
                        missing = True
                for names in required_choices:
                    if names.isdisjoint(obj):
                        missing = True
                if missing or (len(obj) > few_keys and len(choice_names.intersection(obj)) > 1):
                    found = cross_issues(obj)
                    if found:
                        issues = found if issues is None else issues + found
            return issues

        return check


class _Compiler:
    """Turns the table into one check per type name; array checks are shared per item type."""

    def __init__(self, table: dict[str, Any]) -> None:
        self.primitives: dict[str, Any] = table["primitives"]
        self.checks: dict[str, tuple[Check, IssueCheck]] = {
            name: _primitive(name, rule) for name, rule in self.primitives.items()
        }
        resource_types = set(table["resources"])
        complex_types = [_ComplexType(name, elements, self.primitives, name in resource_types)
                         for name, elements in table["types"].items()]
        complex_checks = {complex_type.name: complex_type.check() for complex_type in complex_types}
        complex_checks[ANY_RESOURCE] = self.any_resource
        self.checks.update((name, (check, check)) for name, check in complex_checks.items())
        self.resources = {name: complex_checks[name] for name in table["resources"]}
        self.arrays: dict[str, tuple[Check, IssueCheck]] = {}
        for complex_type in complex_types:
            complex_type.link(self.element_check)

    def any_resource(self, value: Any) -> Issues | None:
        if type(value) is not dict:
            return _shape_issues(value, "a JSON object (resource)")
        resource_type = value.get("resourceType")
        check = self.resources.get(resource_type) if type(resource_type) is str else None
        if check is None:
            message = ("missing resourceType" if resource_type is None
                       else f"unknown or unsupported resourceType {resource_type!r}")
            return [Issue(message, ".resourceType")]
        return check(value)

    def element_check(self, type_name: str, is_array: bool) -> tuple[Check, IssueCheck]:
        if not is_array:
            return self.checks[type_name]
        if type_name not in self.arrays:
            check = _array_check(*self.checks[type_name], nullable=type_name in self.primitives)
            self.arrays[type_name] = (check, check)
        return self.arrays[type_name]


@cache
def resource_checks() -> dict[str, IssueCheck]:
    """The check of each resource type in the table, compiled on first use."""
    return _Compiler(orjson.loads(TABLE_PATH.read_bytes())).resources


def structure_issues(resource: dict[str, Any]) -> tuple[str, list[tuple[str, str]]]:
    """The resource type and the (expression, message) of each structural error of ``resource``.

    Raises :class:`InvalidRequest` if ``resource`` is not a resource of a type in the table.
    """
    resource_type = resource.get("resourceType") if type(resource) is dict else None
    if not isinstance(resource_type, str):
        raise InvalidRequest("The body is not a FHIR resource: 'resourceType' is missing", code="structure")
    check = resource_checks().get(resource_type)
    if check is None:
        raise InvalidRequest(f"Unknown resource type '{resource_type}'", code="structure",
                             expression="resourceType")
    try:
        found = check(resource) or []
    except RecursionError:
        raise InvalidRequest(f"Invalid {resource_type}: nested too deeply to be checked",
                             code="structure") from None
    return resource_type, [(issue.expression(resource_type), issue.message) for issue in found]


def validate_structure(resource: dict[str, Any]) -> None:
    """Raise :class:`InvalidRequest` (code ``structure``) naming the elements at fault, at most 20."""
    resource_type, found = structure_issues(resource)
    if not found:
        return
    issues = [
        {"severity": "error", "code": "structure", "diagnostics": f"{expression}: {message}",
         "expression": [expression]}
        for expression, message in found[:MAX_ISSUES]
    ]
    first = issues[0]
    raise InvalidRequest(
        f"Invalid {resource_type}: {first['diagnostics']}"
        + (f" (and {len(found) - 1} more)" if len(found) > 1 else ""),
        code="structure",
        expression=first["expression"],
        extra_issues=issues[1:],
    )
