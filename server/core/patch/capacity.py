"""The ROR "PATCH capacitaire" rules on Location supported-capacity indicators (spec §4.3).

:func:`apply_capacity_edit` wraps the generic edit execution for a Location. When an
operation touches supported-capacity indicators it:

1. rejects a replace/delete whose FHIRPath criteria describe no possible indicator (400);
2. answers 404 ``not-found`` when a replace/delete selects no indicator: the signal on
   which bed-management clients retry with ``add``;
3. rejects a replace that changes an identity attribute of the indicator it targets (400);
4. normalises coded sub-extensions (``valueCode`` -> ``valueCodeableConcept`` + TRE system)
   and rejects indicators that are not valid (400);
5. after writing, rejects a Location holding two indicators with the same identity (400).

Diagnostics and expressions reproduce the national server's payloads
(``shared/ror-examples/OperationOutcome-patch-capacity-*.json``).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from typing import Any

from server.core.patch.capacity_indicator import (
    CODED_ATTRIBUTES,
    IDENTITY_ATTRIBUTES,
    SUPPORTED_CAPACITY_URL,
    combination_problems,
    describe,
    identity,
    identity_codes,
    indicator_problems,
    is_indicator,
    normalised,
)
from server.core.patch.fhirpath_patch import Edit, execute
from server.core.patch.patch_parameters import OperationType
from server.core.patch.tree import ResourceTree, Slot
from server.errors import InvalidRequest, NotFound, PreconditionFailed

INDICATORS_EXPRESSION = f"Location.extension.where(url='{SUPPORTED_CAPACITY_URL}')"
INDICATOR_EXPRESSION = f"Location.extension('{SUPPORTED_CAPACITY_URL}')"
INDICATOR_NOT_FOUND = (
    "Les données fournies ne permettent pas de déterminer l'indicateur à mettre à jour: "
    "Aucun indicateur présent en base ne correspond"
)
UNKNOWN_INDICATOR = "INDICATEUR_INCONNU"  # the national server's name for an indicator outside its catalogue

_CRITERION = re.compile(
    r"url\s*=\s*'(?P<name>\w+)'\s+and\s+value(?:CodeableConcept\.coding(?:\[\d+\])?\.code|Code)\s*=\s*'(?P<code>[^']*)'"
)


class IndicatorNotFound(NotFound):
    """The 404 of a replace/delete that selects no indicator.

    The national server sends ``expression`` as a plain string, not an array; clients
    written against it compare that string, so it is reproduced as is.
    """

    def __init__(self) -> None:
        super().__init__(INDICATOR_NOT_FOUND, expression=INDICATORS_EXPRESSION)

    def issue(self) -> dict[str, Any]:
        return {**super().issue(), "expression": INDICATORS_EXPRESSION}


def location_not_found(identifier: str) -> NotFound:
    """404 of the conditional capacity PATCH when no Location has ``identifier``."""
    return NotFound(
        "La Location avec l'identifiant externe de synchro OU l'identifiant unique de saisie : "
        f"'{identifier}' n'a pas été trouvée.",
        expression="Location",
    )


def location_not_unique(count: int) -> PreconditionFailed:
    """412 of the conditional capacity PATCH when ``identifier`` matches several Locations."""
    return PreconditionFailed(
        f"La Location recherchée n'est pas unique, il y a '{count}' résultats",
        code="multiple-matches",
        expression="Location",
    )


def _business_rule(diagnostics: str, expression: str | None = None, reasons: list[str] | None = None) -> InvalidRequest:
    details = [{"severity": "information", "code": "business-rule", "diagnostics": reason} for reason in reasons or []]
    return InvalidRequest(diagnostics, code="business-rule", expression=expression, extra_issues=details)


# --- what an edit touches ----------------------------------------------------------------------


def _flatten(items: list[Any]) -> Iterator[Any]:
    for item in items:
        if isinstance(item, list):
            yield from item
        else:
            yield item


def _enclosing_indicator(tree: ResourceTree, node: dict[str, Any]) -> dict[str, Any] | None:
    if is_indicator(node):
        return node
    return next((ancestor for ancestor in tree.ancestors(node) if is_indicator(ancestor)), None)


def _selected_indicators(slots: list[Slot]) -> list[dict[str, Any]]:
    """Indicators selected as a whole: items, or the members of a whole ``extension`` list."""
    selected = []
    for slot in slots:
        value = slot.owner.get(slot.key) if slot.index is None else slot.value
        selected.extend(node for node in (value if isinstance(value, list) else [value]) if is_indicator(node))
    return selected


def _nested_indicators(tree: ResourceTree, slots: list[Slot]) -> list[dict[str, Any]]:
    """Indicators the edit changes from inside (one of their sub-extensions or values)."""
    nested: dict[int, dict[str, Any]] = {}
    for slot in slots:
        indicator = _enclosing_indicator(tree, slot.owner)
        if indicator is not None:
            nested[id(indicator)] = indicator
    return list(nested.values())


def _concerns_capacity(tree: ResourceTree, edit: Edit) -> bool:
    return (
        SUPPORTED_CAPACITY_URL in edit.operation.path
        or any(is_indicator(item) for item in _flatten(edit.items))
        or bool(_nested_indicators(tree, edit.slots))
        or (edit.operation.type is not OperationType.ADD and bool(_selected_indicators(edit.slots)))
    )


# --- the rules ---------------------------------------------------------------------------------


def _check_criteria(path: str) -> None:
    criteria = {m["name"]: m["code"] for m in _CRITERION.finditer(path) if m["name"] in CODED_ATTRIBUTES}
    problems = combination_problems(criteria)
    if problems:
        raise _business_rule(
            f"Les critères du FhirPath ne correspondent pas à un indicateur valide : {describe(criteria)}",
            reasons=problems,
        )


def _check_same_identity(before: dict[str, Any], after: dict[str, Any]) -> None:
    expected, given = identity_codes(before), identity_codes(after)
    for attribute in IDENTITY_ATTRIBUTES:
        if expected[attribute.name] != given[attribute.name]:
            raise _business_rule(
                f"Indicateur {UNKNOWN_INDICATOR} : L'attribut '{attribute.me_name}' "
                "a un code différent de celui attendu",
                expression=f"{INDICATOR_EXPRESSION}.extension('{attribute.name}')",
            )


def _check_valid(indicator: dict[str, Any]) -> None:
    problems = indicator_problems(indicator)
    if problems:
        raise _business_rule(
            "Les valeurs du nouvel objet ne correspondent pas à un indicateur valide : "
            + describe(identity_codes(indicator)),
            expression=INDICATOR_EXPRESSION,
            reasons=problems,
        )


def _check_unique(location: dict[str, Any]) -> None:
    seen: set[tuple[str | None, ...]] = set()
    for indicator in filter(is_indicator, location.get("extension") or []):
        key = identity(indicator)
        if key in seen:
            codes = identity_codes(indicator)
            raise _business_rule(
                "Un indicateur existe déjà pour ces attributs : "
                f"{describe(codes, (a.name for a in IDENTITY_ATTRIBUTES))}. Un seul indicateur est admis par "
                "combinaison d'attributs : utiliser 'replace' pour le mettre à jour",
                expression=INDICATOR_EXPRESSION,
            )
        seen.add(key)


def _normalised_items(items: list[Any]) -> list[Any]:
    def normalise(item: Any) -> Any:
        if isinstance(item, list):
            return [normalise(member) for member in item]
        return normalised(item) if is_indicator(item) else item

    return [normalise(item) for item in items]


def apply_capacity_edit(tree: ResourceTree, edit: Edit) -> None:
    """Execute ``edit`` on a Location under the capacity rules (plainly when it involves no indicator)."""
    if not _concerns_capacity(tree, edit):
        execute(tree, edit)
        return
    operation = edit.operation
    if operation.type in (OperationType.REPLACE, OperationType.DELETE) and SUPPORTED_CAPACITY_URL in operation.path:
        _check_criteria(operation.path)
        if not edit.slots:
            raise IndicatorNotFound()
    if operation.type is OperationType.REPLACE and not edit.splice:
        for slot, item in zip(edit.slots, edit.items, strict=True):
            if slot.index is not None and is_indicator(slot.value) and is_indicator(item):
                _check_same_identity(slot.value, item)
    edit.items = _normalised_items(edit.items)
    for item in _flatten(edit.items):
        if is_indicator(item):
            _check_valid(item)
    nested = [(indicator, copy.deepcopy(indicator)) for indicator in _nested_indicators(tree, edit.slots)]
    execute(tree, edit)
    for indicator, before in nested:
        indicator.update(normalised(indicator))
        _check_same_identity(before, indicator)
        _check_valid(indicator)
    _check_unique(tree.resource)
