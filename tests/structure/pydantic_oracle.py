"""The pydantic validator (fhir.resources R4B models): the oracle the table-driven validator is checked against.

fhir.resources ships R4B models (no R4 package); for the resource types this
server serves, R4B and R4 are structurally identical. The models are used to
check writes only: reads serve the stored JSON bytes.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pydantic import ValidationError

from server.errors import InvalidRequest


@lru_cache(maxsize=64)
def _model(resource_type: str) -> Any:
    from fhir.resources.R4B import get_fhir_model_class

    return get_fhir_model_class(resource_type)


def _expression(resource_type: str, loc: tuple[Any, ...]) -> str:
    path = resource_type
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part != "__root__":
            path += f".{part}"
    return path


def validate_structure(resource: dict[str, Any]) -> None:
    """Raise :class:`InvalidRequest` naming every element at fault."""
    resource_type = resource.get("resourceType")
    if not isinstance(resource_type, str):
        raise InvalidRequest("The body is not a FHIR resource: 'resourceType' is missing", code="structure")
    try:
        model = _model(resource_type)
    except (KeyError, ValueError) as exc:
        raise InvalidRequest(
            f"Unknown resource type '{resource_type}'", code="structure", expression="resourceType"
        ) from exc
    try:
        model.model_validate(resource)
    except ValidationError as exc:
        errors = exc.errors()
        issues = [
            {
                "severity": "error",
                "code": "structure",
                "diagnostics": f"{_expression(resource_type, tuple(e['loc']))}: {e['msg']}",
                "expression": [_expression(resource_type, tuple(e["loc"]))],
            }
            for e in errors[:20]
        ]
        first = issues[0]
        raise InvalidRequest(
            f"Invalid {resource_type}: {first['diagnostics']}"
            + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""),
            code="structure",
            expression=first["expression"],
            extra_issues=issues[1:],
        ) from None
