"""The one error type of the server, and its rendering as an OperationOutcome.

Code anywhere below the HTTP layer raises a :class:`FhirError` (or one of the
named subclasses); the HTTP layer turns it into an ``OperationOutcome`` with the
error's status. Nothing else builds outcomes for failures.

    FhirError(status, code, diagnostics, expression)
     ├── InvalidRequest          400 invalid / value / required / not-supported / business-rule
     ├── NotFound                404 not-found
     ├── MethodNotAllowed        405 not-supported
     ├── VersionConflict         409 conflict (write raced another write)
     ├── Gone                    410 deleted
     ├── PreconditionFailed      412 conflict / multiple-matches
     ├── UnsupportedMediaType    415 not-supported
     └── Unprocessable           422 processing / invariant
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class FhirError(Exception):
    """A failure the client should see as an OperationOutcome."""

    status: int = 400
    default_code: str = "invalid"

    def __init__(
        self,
        diagnostics: str,
        *,
        code: str | None = None,
        expression: str | Sequence[str] | None = None,
        status: int | None = None,
        severity: str = "error",
        extra_issues: Sequence[dict[str, Any]] = (),
    ) -> None:
        super().__init__(diagnostics)
        self.diagnostics = diagnostics
        self.code = code or self.default_code
        if status is not None:
            self.status = status
        if expression is None:
            self.expression: list[str] = []
        elif isinstance(expression, str):
            self.expression = [expression]
        else:
            self.expression = list(expression)
        self.severity = severity
        self.extra_issues = list(extra_issues)

    def issue(self) -> dict[str, Any]:
        issue: dict[str, Any] = {
            "severity": self.severity,
            "code": self.code,
            "diagnostics": self.diagnostics,
        }
        if self.expression:
            issue["expression"] = self.expression
        return issue

    def outcome(self) -> dict[str, Any]:
        return {"resourceType": "OperationOutcome", "issue": [self.issue(), *self.extra_issues]}


class InvalidRequest(FhirError):
    status = 400
    default_code = "invalid"


class NotFound(FhirError):
    status = 404
    default_code = "not-found"


class MethodNotAllowed(FhirError):
    status = 405
    default_code = "not-supported"


class VersionConflict(FhirError):
    status = 409
    default_code = "conflict"


class Gone(FhirError):
    status = 410
    default_code = "deleted"


class PreconditionFailed(FhirError):
    status = 412
    default_code = "conflict"


class UnsupportedMediaType(FhirError):
    status = 415
    default_code = "not-supported"


class Unprocessable(FhirError):
    status = 422
    default_code = "processing"


def outcome(severity: str, code: str, diagnostics: str, expression: Sequence[str] = ()) -> dict[str, Any]:
    """A one-issue OperationOutcome, for informational results (warnings, lenient handling)."""
    issue: dict[str, Any] = {"severity": severity, "code": code, "diagnostics": diagnostics}
    if expression:
        issue["expression"] = list(expression)
    return {"resourceType": "OperationOutcome", "issue": [issue]}
