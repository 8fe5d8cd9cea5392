"""Helpers of the structural validator tests: the ANS examples of shared/ror-examples, mutations, failures."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from server.errors import InvalidRequest

EXAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "ror-examples"

Json = dict[str, Any]


def load_example(name: str) -> Json:
    """``shared/ror-examples/<name>.json``, a fresh copy on every call."""
    return json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def mutated(name: str, change: Callable[[Json], Any]) -> Json:
    """The example ``name`` after ``change``, which edits it in place."""
    resource = load_example(name)
    change(resource)
    return resource


def failure(validate: Callable[[Json], None], resource: Json) -> InvalidRequest | None:
    """The error ``validate`` raises for (a copy of) ``resource``, or None if it is valid."""
    try:
        validate(copy.deepcopy(resource))
    except InvalidRequest as error:
        return error
    return None
