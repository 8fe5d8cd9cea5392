"""Elements no patch may change: the server owns ``id``, ``resourceType`` and ``meta``."""

from __future__ import annotations

from typing import Any

from server.errors import Unprocessable

PROTECTED_ELEMENTS = ("resourceType", "id", "meta")


def ensure_protected_unchanged(before: dict[str, Any], after: Any, operation: str) -> None:
    """422 when ``operation`` turned ``before`` into something with other protected elements."""
    resource_type = before.get("resourceType", "Resource")
    if not isinstance(after, dict):
        raise Unprocessable(
            f"{operation} would replace the {resource_type} with a non-object", expression=resource_type
        )
    for name in PROTECTED_ELEMENTS:
        if before.get(name) != after.get(name):
            raise Unprocessable(
                f"{operation} would change '{name}', which a patch cannot modify",
                expression=f"{resource_type}.{name}",
            )
