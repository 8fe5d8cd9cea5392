"""The FHIR ``_filter`` parameter: text -> syntax tree, and back.

Grammar (FHIR R4 ``search_filter``, HAPI flavour as used by ROR)::

    filter     := or_expr
    or_expr    := and_expr ("or" and_expr)*          -- "and" binds tighter than "or"
    and_expr   := unary ("and" unary)*
    unary      := "(" filter ")" | "not" "(" filter ")" | comparison
    comparison := param SP op SP value ("or" value)* | param "=" value ("or" value)*
    value      := json-string | bare-token

* ``and``, ``or``, ``not`` and the comparison operators are case-insensitive; operators are
  returned lower-case and ``=`` is returned as ``eq``.
* ``param`` is kept in URL-parameter syntax (``organization._lastUpdated:above``,
  ``_has:Task:focus:business-status``) so that callers resolve it like a query parameter.
  Sub-filters in paths (``related[type eq x].target``) are not supported.
* A bare value runs up to whitespace or an unbalanced ``)``; a quoted value is a JSON string.
* Value lists: ``specialty eq A or B`` is one :class:`FilterCompare` with values ``(A, B)``,
  i.e. ``(specialty eq A or specialty eq B)`` as one unit, so ``p eq A or B and q eq C`` means
  ``(p eq A or p eq B) and q eq C``. After ``or``, what follows starts a new filter when it is
  ``(``, ``not (``, or a name followed by an operator or ``=``; otherwise it is one more value.
  Quote a value that would read as the start of a comparison (``"a=b"``).
* Groups of the same kind are flattened: ``(a and b) and c`` gives one :class:`FilterAnd`.

Errors are :class:`FilterSyntaxError` (a ``ValueError``, this module being pure);
:func:`to_fhir_error` turns one into the ``InvalidRequest`` the HTTP layer renders.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import NoReturn

from server.errors import InvalidRequest

_OPERATOR_NAMES = "eq ne co sw ew gt lt ge le ap sa eb pr po ss sb in ni re"
COMPARISON_OPERATORS: frozenset[str] = frozenset(_OPERATOR_NAMES.split())
MAX_NESTING = 32
"""Deepest allowed nesting of parentheses (``not`` always brings its own); deeper input is rejected."""


@dataclass(frozen=True, slots=True)
class FilterCompare:
    """``param op value`` — several values mean any of them (OR)."""

    param: str
    op: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FilterAnd:
    items: tuple[FilterExpr, ...]


@dataclass(frozen=True, slots=True)
class FilterOr:
    items: tuple[FilterExpr, ...]


@dataclass(frozen=True, slots=True)
class FilterNot:
    item: FilterExpr


FilterExpr = FilterCompare | FilterAnd | FilterOr | FilterNot


class FilterSyntaxError(ValueError):
    """A malformed ``_filter``; ``position`` is the 0-based offset of the offending character."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} (at character {position + 1})")
        self.position = position


def to_fhir_error(exc: FilterSyntaxError) -> InvalidRequest:
    """The 400 response for a malformed ``_filter``."""
    return InvalidRequest(f"Invalid _filter: {exc}", code="invalid", expression=["_filter"])


_PARAM = re.compile(r"[A-Za-z_][A-Za-z0-9_\-.:]*")
_OPERATOR_WORD = re.compile(r"[A-Za-z]+")
_WORD = re.compile(r'[^\s()"]+')
_SIMPLE_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_BARE_VALUE = re.compile(r'[^\s"()\\=\[\]]+')
_KEYWORDS = frozenset({"and", "or", "not"})


def parse_filter(text: str) -> FilterExpr:
    """Parse a ``_filter`` value (already URL-decoded); raise :class:`FilterSyntaxError`."""
    return _Parser(text).parse()


def format_filter(expr: FilterExpr) -> str:
    """The canonical text of ``expr``: lower-case keywords and operators, no outer parentheses,
    values quoted only when needed (or when they spell a keyword). ``parse_filter(format_filter(e)) == e``
    for any parsed ``e``; hand-built nested groups of the same kind come back flattened."""
    match expr:
        case FilterCompare(param, op, values):
            return f"{param} {op} " + " or ".join(_format_value(v) for v in values)
        case FilterAnd(items):
            return " and ".join(
                f"({format_filter(i)})" if isinstance(i, FilterOr) else format_filter(i) for i in items
            )
        case FilterOr(items):
            return " or ".join(format_filter(i) for i in items)
        case FilterNot(item):
            return f"not ({format_filter(item)})"
    raise TypeError(f"not a filter expression: {expr!r}")


def _format_value(value: str) -> str:
    if _BARE_VALUE.fullmatch(value) and value.lower() not in _KEYWORDS:
        return value
    return json.dumps(value, ensure_ascii=False)


class _Parser:
    """Recursive descent over ``text``; ``pos`` is the next unread character."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.depth = 0

    def parse(self) -> FilterExpr:
        self._skip_space()
        if self._at_end():
            raise FilterSyntaxError("empty _filter", self.pos)
        expr = self._or_expr()
        self._skip_space()
        if self._peek() == ")":
            raise FilterSyntaxError("unbalanced ')'", self.pos)
        if not self._at_end():
            self._fail("expected 'and', 'or' or the end of the filter")
        return expr

    # -- logical structure -------------------------------------------------------------------

    def _or_expr(self) -> FilterExpr:
        items = [self._and_expr()]
        while self._accept_keyword("or"):
            items.append(self._and_expr())
        return _combine(FilterOr, items)

    def _and_expr(self) -> FilterExpr:
        items = [self._unary()]
        while self._accept_keyword("and"):
            items.append(self._unary())
        return _combine(FilterAnd, items)

    def _unary(self) -> FilterExpr:
        self._skip_space()
        if self._peek() == "(":
            return self._group()
        if self._starts_not_group(self.pos):
            self.pos = self._after_space(self.pos + len("not"))
            return FilterNot(self._group())
        return self._comparison()

    def _group(self) -> FilterExpr:
        opening = self.pos
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise FilterSyntaxError(f"filter nested deeper than {MAX_NESTING} levels", opening)
        self.pos += 1
        self._skip_space()
        if self._peek() == ")":
            self._fail("expected a filter inside '(' ')'")
        expr = self._or_expr()
        self._skip_space()
        if self._peek() != ")":
            self._fail(f"expected 'and', 'or' or ')' closing the '(' at character {opening + 1}")
        self.pos += 1
        self.depth -= 1
        return expr

    def _accept_keyword(self, keyword: str) -> bool:
        start = self._after_space(self.pos)
        word = self._word_at(start)
        if word.lower() != keyword:
            return False
        self.pos = start + len(word)
        return True

    # -- comparisons ---------------------------------------------------------------------------

    def _comparison(self) -> FilterCompare:
        param = self._param()
        op = self._operator(param)
        values = [self._value(op)]
        while self._value_follows_or():
            values.append(self._value(op))
        return FilterCompare(param, op, tuple(values))

    def _param(self) -> str:
        match = _PARAM.match(self.text, self.pos)
        if match is None:
            self._fail("expected a search parameter name, '(' or 'not'")
        self.pos = match.end()
        if self._peek() == "[":
            raise FilterSyntaxError("sub-filters '[...]' in parameter paths are not supported", self.pos)
        if not self._at_end() and not self._peek().isspace() and self._peek() != "=":
            self._fail(f"expected a space or '=' after the parameter name {match.group()!r}")
        return match.group()

    def _operator(self, param: str) -> str:
        self._skip_space()
        if self._peek() == "=":
            self.pos += 1
            self._skip_space()
            return "eq"
        match = _OPERATOR_WORD.match(self.text, self.pos)
        if match is None or match.group().lower() not in COMPARISON_OPERATORS:
            if param.lower() == "not":
                self._fail("expected '(' after 'not'")
            self._fail(f"expected a comparison operator ({_OPERATOR_NAMES}) or '=' after {param!r}")
        self.pos = match.end()
        operator = match.group().lower()
        if not self._at_end() and not self._peek().isspace() and self._peek() != ")":
            self._fail(f"expected a space after the operator {operator!r}")
        self._skip_space()
        return operator

    def _value(self, op: str) -> str:
        self._skip_space()
        if self._at_end() or self._peek() == ")":
            self._fail(f"expected a value after {op!r}")
        if self._peek() == '"':
            return self._quoted_value()
        start, nesting = self.pos, 0
        while not self._at_end():
            char = self._peek()
            if char.isspace() or (char == ")" and nesting == 0):
                break
            nesting += {"(": 1, ")": -1}.get(char, 0)
            self.pos += 1
        return self.text[start : self.pos]

    def _quoted_value(self) -> str:
        opening = self.pos
        self.pos += 1
        chars: list[str] = []
        while True:
            if self._at_end():
                raise FilterSyntaxError("unterminated quoted value", opening)
            char = self._peek()
            self.pos += 1
            if char == '"':
                break
            chars.append(self._escape() if char == "\\" else char)
        if not self._at_end() and not self._peek().isspace() and self._peek() != ")":
            self._fail("expected a space or ')' after the closing quote")
        return "".join(chars)

    def _escape(self) -> str:
        """The character an escape stands for; ``pos`` is just after the backslash."""
        char = self._peek()
        if char in _SIMPLE_ESCAPES:
            self.pos += 1
            return _SIMPLE_ESCAPES[char]
        if char != "u":
            raise FilterSyntaxError(f"invalid escape '\\{char}' in quoted value", self.pos - 1)
        code = self._hex4(self.pos + 1)
        self.pos += 5
        if 0xD800 <= code < 0xDC00 and self.text.startswith("\\u", self.pos):
            low = self._hex4(self.pos + 2)
            if 0xDC00 <= low < 0xE000:
                self.pos += 6
                return chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
        return chr(code)

    def _hex4(self, start: int) -> int:
        digits = self.text[start : start + 4]
        if not re.fullmatch(r"[0-9A-Fa-f]{4}", digits):
            raise FilterSyntaxError("expected 4 hexadecimal digits after '\\u'", start)
        return int(digits, 16)

    def _value_follows_or(self) -> bool:
        """Consume ``or`` when it introduces one more value of the current comparison."""
        keyword_at = self._after_space(self.pos)
        word = self._word_at(keyword_at)
        if word.lower() != "or":
            return False
        after = self._after_space(keyword_at + len(word))
        if self._peek_at(after) in ("", "(", ")"):
            return False
        if self._peek_at(after) != '"' and (self._starts_comparison(after) or self._starts_not_group(after)):
            return False
        self.pos = after
        return True

    def _starts_not_group(self, start: int) -> bool:
        word = self._word_at(start)
        return word.lower() == "not" and self._peek_at(self._after_space(start + len(word))) == "("

    def _starts_comparison(self, start: int) -> bool:
        """Whether ``start`` begins ``name op`` or ``name=`` (not necessarily well formed after)."""
        match = _PARAM.match(self.text, start)
        if match is None:
            return False
        after_name = self._after_space(match.end())
        if self._peek_at(after_name) == "=":
            return True
        if after_name == match.end():
            return False
        operator = _OPERATOR_WORD.match(self.text, after_name)
        if operator is None or operator.group().lower() not in COMPARISON_OPERATORS:
            return False
        following = self._peek_at(operator.end())
        return following == "" or following.isspace() or following == ")"

    # -- characters ----------------------------------------------------------------------------

    def _fail(self, expected: str) -> NoReturn:
        raise FilterSyntaxError(f"{expected}, found {self._describe_here()}", self.pos)

    def _describe_here(self) -> str:
        if self._at_end():
            return "the end of the filter"
        return repr(self._word_at(self.pos) or self._peek())

    def _at_end(self) -> bool:
        return self.pos >= len(self.text)

    def _peek(self) -> str:
        return self._peek_at(self.pos)

    def _peek_at(self, index: int) -> str:
        return self.text[index] if index < len(self.text) else ""

    def _skip_space(self) -> None:
        self.pos = self._after_space(self.pos)

    def _after_space(self, index: int) -> int:
        while index < len(self.text) and self.text[index].isspace():
            index += 1
        return index

    def _word_at(self, index: int) -> str:
        match = _WORD.match(self.text, index)
        return match.group() if match else ""


def _combine(kind: type[FilterAnd] | type[FilterOr], items: list[FilterExpr]) -> FilterExpr:
    """One item as itself; several as ``kind`` with nested groups of the same kind flattened."""
    if len(items) == 1:
        return items[0]
    flat: list[FilterExpr] = []
    for item in items:
        flat.extend(item.items if isinstance(item, kind) else (item,))
    return kind(tuple(flat))
