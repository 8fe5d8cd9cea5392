"""FHIRPath evaluation that hands back the resource's own nodes.

Two departures from a plain ``fhirpathpy.evaluate`` call:

* results are the very dicts of the evaluated resource (not copies), so a patch can
  find where each one sits in the tree;
* a syntax error is an error (fhirpathpy's parser recovers silently: ``a..b`` or a
  dangling ``)`` would otherwise select something);
* ``extension(url)`` returns every extension with that url (fhirpathpy 2.2 returns the
  first one only, which would hide all but one capacity indicator);
* ``and``/``or``/``xor``/``implies`` apply FHIRPath's *singleton evaluation of
  collections* (a one-item non-boolean collection counts as ``true``), which the
  ROR capacity paths rely on: ``where(extension.where(...) and extension.where(...))``.
  fhirpathpy rejects those operands with "Expected boolean".
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import fhirpathpy
from antlr4 import CommonTokenStream, InputStream
from antlr4.error.ErrorListener import ErrorListener
from fhirpathpy.parser.generated.FHIRPathLexer import FHIRPathLexer
from fhirpathpy.parser.generated.FHIRPathParser import FHIRPathParser

from server.errors import Unprocessable


class _SyntaxError(Exception):
    pass


class _RaisingListener(ErrorListener):  # type: ignore[misc]
    def syntaxError(self, recognizer: Any, offending: Any, line: int, column: int, msg: str, e: Any) -> None:
        raise _SyntaxError(f"syntax error at column {column + 1}: {msg}")


@lru_cache(maxsize=256)
def _syntax_error(path: str) -> str | None:
    """Why ``path`` is not a FHIRPath expression, or None when it is one."""
    listener = _RaisingListener()
    lexer = FHIRPathLexer(InputStream(path))
    lexer.removeErrorListeners()
    lexer.addErrorListener(listener)
    parser = FHIRPathParser(CommonTokenStream(lexer))
    parser.removeErrorListeners()
    parser.addErrorListener(listener)
    try:
        parser.entireExpression()
    except _SyntaxError as error:
        return str(error)
    return None


def _truth(collection: Any) -> bool | None:
    """Singleton evaluation of a collection as a boolean; ``None`` for the empty collection."""
    items = [getattr(item, "data", item) for item in collection]
    if not items:
        return None
    if len(items) == 1 and isinstance(items[0], bool):
        return items[0]
    return True


def _empty_or(value: bool | None) -> bool | list[Any]:
    return [] if value is None else value


def _and(a: Any, b: Any) -> bool | list[Any]:
    left, right = _truth(a), _truth(b)
    if left is False or right is False:
        return False
    return _empty_or(None if left is None or right is None else True)


def _or(a: Any, b: Any) -> bool | list[Any]:
    left, right = _truth(a), _truth(b)
    if left is True or right is True:
        return True
    return _empty_or(None if left is None or right is None else False)


def _xor(a: Any, b: Any) -> bool | list[Any]:
    left, right = _truth(a), _truth(b)
    return _empty_or(None if left is None or right is None else left != right)


def _implies(a: Any, b: Any) -> bool | list[Any]:
    left, right = _truth(a), _truth(b)
    if left is False or right is True:
        return True
    return _empty_or(None if left is None or right is None else False)


def _extension(elements: list[Any], url: str) -> list[Any]:
    return [
        extension
        for element in elements
        if isinstance(element, dict)
        for extension in element.get("extension") or []
        if isinstance(extension, dict) and extension.get("url") == url
    ]


_ANY_PAIR = {2: ["Any", "Any"]}
_OVERRIDES = {
    "extension": {"fn": _extension, "arity": {1: ["String"]}},
    "and": {"fn": _and, "arity": _ANY_PAIR},
    "or": {"fn": _or, "arity": _ANY_PAIR},
    "xor": {"fn": _xor, "arity": _ANY_PAIR},
    "implies": {"fn": _implies, "arity": _ANY_PAIR},
}
_OPTIONS = {"returnRawData": True, "userInvocationTable": _OVERRIDES}


def evaluate(resource: dict[str, Any], path: str) -> list[Any]:
    """The items ``path`` selects in ``resource``; 422 naming the path when it is not valid FHIRPath."""
    syntax_error = _syntax_error(path)
    if syntax_error is not None:
        raise Unprocessable(f"Invalid FHIRPath expression '{path}': {syntax_error}", expression=path)
    try:
        nodes = fhirpathpy.evaluate(resource, path, options=_OPTIONS)
    except Exception as exc:  # fhirpathpy signals syntax and type errors with bare exceptions
        raise Unprocessable(
            f"Invalid FHIRPath expression '{path}': {str(exc) or type(exc).__name__}", expression=path
        ) from exc
    return [getattr(node, "data", node) for node in nodes]
