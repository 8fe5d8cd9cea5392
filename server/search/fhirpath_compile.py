"""A compiler for the subset of FHIRPath that search-parameter expressions use.

Expressions are parsed once and turned into plain Python closures working on
collections (lists) of JSON values, which is one to two orders of magnitude
faster than interpreting them per resource. The subset:

* paths (``Location.address.city``), a leading type name (``Location``,
  ``Resource``, ``DomainResource``), ``$this``, indexers ``[n]``;
* unions ``a | b``; ``=``, ``!=``, ``and``, ``or``; string, number and boolean literals;
* ``where(…)``, ``extension('url')``, ``as(T)`` / ``ofType(T)`` / ``x as T``
  (choice elements such as ``value`` read ``valueT``), ``exists()``,
  ``empty()``, ``not()``, ``first()``;
* ``resolve()``, ignored as R4 search does, except ``resolve() is T`` which
  tests the reference's target type.

Anything else raises :class:`UnsupportedExpression`; callers then fall back to
an interpreter. Type checks are approximated by the JSON shape (a primitive
type keeps scalars, a complex type keeps objects) since values carry no type.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from server.search.normalize import parse_reference

Collection = list[Any]
Evaluator = Callable[[Collection], Collection]


class UnsupportedExpression(ValueError):
    """The expression uses FHIRPath outside the compiled subset (or is malformed)."""


# ---------------------------------------------------------------------------------------------- syntax tree


@dataclass(frozen=True, slots=True)
class Literal:
    value: Any


@dataclass(frozen=True, slots=True)
class Ident:
    name: str


@dataclass(frozen=True, slots=True)
class Call:
    name: str
    args: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Index:
    position: Node


@dataclass(frozen=True, slots=True)
class Chain:
    """A term followed by invocations: ``head.step1.step2[0]``."""

    head: Node
    steps: tuple[Ident | Call | Index, ...]


@dataclass(frozen=True, slots=True)
class Binary:
    op: str
    left: Node
    right: Node


@dataclass(frozen=True, slots=True)
class TypeOp:
    op: str  # "as" | "is"
    operand: Node
    type_name: str


Node = Literal | Ident | Call | Chain | Binary | TypeOp


# ---------------------------------------------------------------------------------------------- parser

_TOKEN = re.compile(
    r"\s*(?:(?P<str>'(?:[^'\\]|\\.)*')|(?P<num>\d+(?:\.\d+)?)|(?P<id>[A-Za-z_][A-Za-z0-9_]*|`[^`]+`|\$this)"
    r"|(?P<op>!=|<=|>=|!~|[.()\[\]|=,<>+\-*/&~%]))"
)
_STRING_ESCAPES = {"'": "'", '"': '"', "`": "`", "\\": "\\", "/": "/", "n": "\n", "r": "\r", "t": "\t", "f": "\f"}


def _tokenize(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    position = 0
    while position < len(text):
        if text[position:].isspace():
            break
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            raise UnsupportedExpression(f"cannot read FHIRPath at {text[position:position + 20]!r}")
        kind = match.lastgroup
        assert kind is not None
        tokens.append((kind, match.group(kind)))
        position = match.end()
    return tokens


def _unquote(token: str) -> str:
    body = token[1:-1]
    return re.sub(r"\\(.)", lambda m: _STRING_ESCAPES.get(m.group(1), m.group(1)), body)


class _Parser:
    """Recursive descent following FHIRPath precedence: or < and < (in)equality < union < as/is < path."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokenize(text)
        self.position = 0

    def parse(self) -> Node:
        node = self.or_expr()
        if self.position != len(self.tokens):
            raise UnsupportedExpression(f"unexpected {self.tokens[self.position][1]!r} in {self.text!r}")
        return node

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self, value: str | None = None) -> tuple[str, str]:
        token = self.peek()
        if token is None or (value is not None and token[1] != value):
            raise UnsupportedExpression(f"expected {value or 'more'} in {self.text!r}")
        self.position += 1
        return token

    def at_keyword(self, *words: str) -> str | None:
        token = self.peek()
        return token[1] if token is not None and token[0] == "id" and token[1] in words else None

    def or_expr(self) -> Node:
        node = self.and_expr()
        while self.at_keyword("or"):
            self.take()
            node = Binary("or", node, self.and_expr())
        return node

    def and_expr(self) -> Node:
        node = self.equality()
        while self.at_keyword("and"):
            self.take()
            node = Binary("and", node, self.equality())
        return node

    def equality(self) -> Node:
        node = self.union()
        token = self.peek()
        if token is not None and token[0] == "op" and token[1] in ("=", "!="):
            self.take()
            node = Binary(token[1], node, self.union())
        return node

    def union(self) -> Node:
        node = self.type_expr()
        while (token := self.peek()) is not None and token == ("op", "|"):
            self.take()
            node = Binary("|", node, self.type_expr())
        return node

    def type_expr(self) -> Node:
        node = self.postfix()
        keyword = self.at_keyword("as", "is")
        if keyword:
            self.take()
            node = TypeOp(keyword, node, self.type_name())
        return node

    def type_name(self) -> str:
        kind, value = self.take()
        if kind != "id":
            raise UnsupportedExpression(f"expected a type name in {self.text!r}")
        return value.strip("`")

    def postfix(self) -> Node:
        head = self.term()
        steps: list[Ident | Call | Index] = []
        while (token := self.peek()) is not None and token[0] == "op" and token[1] in (".", "["):
            self.take()
            if token[1] == ".":
                steps.append(self.invocation())
            else:
                steps.append(Index(self.or_expr()))
                self.take("]")
        return Chain(head, tuple(steps)) if steps else head

    def term(self) -> Node:
        kind, value = self.take()
        if kind == "str":
            return Literal(_unquote(value))
        if kind == "num":
            return Literal(float(value) if "." in value else int(value))
        if kind == "id":
            if value in ("true", "false"):
                return Literal(value == "true")
            self.position -= 1
            return self.invocation()
        if value == "(":
            node = self.or_expr()
            self.take(")")
            return node
        raise UnsupportedExpression(f"unsupported FHIRPath token {value!r} in {self.text!r}")

    def invocation(self) -> Ident | Call:
        kind, value = self.take()
        if kind != "id":
            raise UnsupportedExpression(f"expected a name, found {value!r} in {self.text!r}")
        name = value.strip("`")
        if self.peek() != ("op", "("):
            return Ident(name)
        self.take("(")
        args: list[Node] = []
        if self.peek() != ("op", ")"):
            args.append(self.or_expr())
            while self.peek() == ("op", ","):
                self.take()
                args.append(self.or_expr())
        self.take(")")
        return Call(name, tuple(args))


def parse(expression: str) -> Node:
    """The syntax tree of ``expression`` (raises :class:`UnsupportedExpression` when unreadable)."""
    return _Parser(expression).parse()


def split_union(expression: str) -> list[str]:
    """The top-level ``|`` members of ``expression``, outer parentheses kept as written."""
    members: list[str] = []
    depth = 0
    start = 0
    quoted = False
    index = 0
    while index < len(expression):
        char = expression[index]
        if quoted:
            if char == "\\":
                index += 1
            elif char == "'":
                quoted = False
        elif char == "'":
            quoted = True
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            members.append(expression[start:index].strip())
            start = index + 1
        index += 1
    members.append(expression[start:].strip())
    return [member for member in members if member]


def leading_type(member: str) -> str | None:
    """The type name a union member starts from (``Patient`` in ``(Patient.x as T)``), if any."""
    match = re.match(r"[\s(]*([A-Z][A-Za-z]*)\b", member)
    return match.group(1) if match else None


# ---------------------------------------------------------------------------------------------- compiler

_ANY_RESOURCE = ("Resource", "DomainResource")


def _is_primitive_type(type_name: str) -> bool:
    return type_name[:1].islower()


def _type_suffix(type_name: str) -> str:
    return type_name[:1].upper() + type_name[1:]


def _append(out: Collection, value: Any) -> None:
    if type(value) is list:
        out.extend(value)
    elif value is not None:
        out.append(value)


def _elements(names: tuple[str, ...]) -> Evaluator:
    """A run of plain element steps (``address.city``), fused into one loop: the hottest evaluator."""

    def elements(items: Collection) -> Collection:
        for name in names:
            out: Collection = []
            for item in items:
                if type(item) is dict:
                    value = item.get(name)
                    if type(value) is list:
                        out.extend(value)
                    elif value is not None:
                        out.append(value)
            if not out:
                return out
            items = out
        return items

    return elements


def _choice_member(name: str) -> Evaluator:
    """A choice element (``value`` for ``value[x]``): whichever ``valueX`` is present."""
    size = len(name)

    def choice_member(items: Collection) -> Collection:
        out: Collection = []
        for item in items:
            if type(item) is not dict:
                continue
            value = item.get(name)
            if value is None:
                for key, candidate in item.items():
                    if key.startswith(name) and len(key) > size and key[size].isupper():
                        _append(out, candidate)
            else:
                _append(out, value)
        return out

    return choice_member


def _typed_member(name: str, type_name: str) -> Evaluator:
    """``name.as(T)`` on a choice element: reads ``nameT`` (or ``name`` when it is not a choice)."""
    typed = name + _type_suffix(type_name)

    def typed_member(items: Collection) -> Collection:
        out: Collection = []
        for item in items:
            if type(item) is dict:
                value = item.get(typed)
                _append(out, item.get(name) if value is None else value)
        return out

    return typed_member


def _extension_by_url(url: str) -> Evaluator:
    def extension(items: Collection) -> Collection:
        out: Collection = []
        for item in items:
            if type(item) is dict:
                for ext in item.get("extension", ()):
                    if ext.get("url") == url:
                        out.append(ext)
        return out

    return extension


def _resource_filter(type_name: str) -> Evaluator:
    """The resources of type ``type_name`` (any resource for ``Resource``/``DomainResource``)."""
    if type_name in _ANY_RESOURCE:
        return lambda items: [item for item in items if type(item) is dict and "resourceType" in item]
    return lambda items: [item for item in items if type(item) is dict and item.get("resourceType") == type_name]


def _type_filter(type_name: str) -> Evaluator:
    """``ofType(T)`` / ``as(T)`` approximated on JSON shapes; resource type names match ``resourceType``."""
    if _is_primitive_type(type_name):
        return lambda items: [item for item in items if type(item) is not dict]
    if type_name in _ANY_RESOURCE:
        return _resource_filter(type_name)

    def complex_filter(items: Collection) -> Collection:
        return [
            item for item in items
            if type(item) is dict and item.get("resourceType", type_name) == type_name
        ]

    return complex_filter


def _type_name_arg(call: Call) -> str:
    if len(call.args) != 1 or not isinstance(call.args[0], Ident):
        raise UnsupportedExpression(f"{call.name}() needs one type name")
    return call.args[0].name


def _reference_type(reference: Any) -> str | None:
    if type(reference) is not dict:
        return None
    if reference.get("type"):
        return str(reference["type"])
    return parse_reference(str(reference.get("reference", "")))[0]


def _truthy(result: Collection) -> bool:
    return len(result) == 1 and result[0] is True


def _equal(left: Collection, right: Collection) -> bool:
    return len(left) == len(right) and all(a == b for a, b in zip(left, right, strict=True))


def _identity(items: Collection) -> Collection:
    return items


def _nothing(_items: Collection) -> Collection:
    return []


def _exists(items: Collection) -> Collection:
    return [bool(items)]


def _empty(items: Collection) -> Collection:
    return [not items]


_ANSWER_EMPTY = frozenset({_exists, _empty})
"""Steps that still answer when given nothing: a path does not stop before them."""


class _Compiler:
    """``resource_type``: the type of the resource evaluated, when known, so a leading type name
    is settled at compile time instead of tested on every evaluation."""

    def __init__(self, choice_elements: frozenset[str], resource_type: str | None = None) -> None:
        self.choice_elements = choice_elements
        self.resource_type = resource_type

    def compile(self, node: Node, *, top: bool) -> Evaluator:
        match node:
            case Literal(value=value):
                constant = [value]
                return lambda _items: constant
            case Ident():
                return self.ident(node, top=top)
            case Call():
                return self.call(node)
            case Chain():
                return self.chain(node, top=top)
            case Binary():
                return self.binary(node, top=top)
            case TypeOp(op="as", operand=operand, type_name=type_name):
                return self.chain(_as_chain(operand, type_name), top=top)
            case TypeOp(op="is", operand=Call(name="resolve", args=()), type_name=type_name):
                return lambda items: [any(_reference_type(item) == type_name for item in items)]
        raise UnsupportedExpression(f"unsupported FHIRPath construct {node!r}")

    def ident(self, node: Ident, *, top: bool) -> Evaluator:
        name = node.name
        if name == "$this":
            return _identity
        if top and name[:1].isupper():
            if self.resource_type is not None:
                return _identity if name in (self.resource_type, *_ANY_RESOURCE) else _nothing
            return _resource_filter(name)
        if name in self.choice_elements:
            return _choice_member(name)
        return _elements((name,))

    def is_element(self, node: Node, *, top: bool) -> bool:
        """A plain (non-choice) element step, which :func:`_elements` can fuse with its neighbours."""
        return (
            isinstance(node, Ident) and node.name != "$this" and node.name not in self.choice_elements
            and not (top and node.name[:1].isupper())
        )

    def chain(self, node: Chain, *, top: bool) -> Evaluator:
        evaluators: list[Evaluator] = []
        names: list[str] = []  # pending run of plain element steps

        def flush() -> None:
            if names:
                evaluators.append(_elements(tuple(names)))
                names.clear()

        def add(evaluator: Evaluator) -> None:
            flush()
            evaluators.append(evaluator)

        if isinstance(node.head, Ident) and self.is_element(node.head, top=top):
            names.append(node.head.name)
        else:
            add(self.compile(node.head, top=top))
        steps = node.steps
        index = 0
        while index < len(steps):
            step = steps[index]
            following = steps[index + 1] if index + 1 < len(steps) else None
            if isinstance(step, Ident) and isinstance(following, Call):
                url = _where_url(following) if step.name == "extension" else None
                if url is not None:
                    add(_extension_by_url(url))
                    index += 2
                    continue
                if following.name in ("as", "ofType") and step.name in self.choice_elements:
                    add(_typed_member(step.name, _type_name_arg(following)))
                    index += 2
                    continue
            if isinstance(step, Ident) and self.is_element(step, top=False):
                names.append(step.name)
            elif isinstance(step, Index):
                add(self.indexer(step))
            elif isinstance(step, Ident):
                add(self.ident(step, top=False))
            else:
                add(self.call(step))
            index += 1
        flush()
        return _compose(evaluators)

    def indexer(self, step: Index) -> Evaluator:
        if not isinstance(step.position, Literal) or type(step.position.value) is not int:
            raise UnsupportedExpression("only literal integer indexers are supported")
        position = step.position.value
        return lambda items: items[position:position + 1]

    def call(self, node: Call) -> Evaluator:
        name, args = node.name, node.args
        if name == "where" and len(args) == 1:
            return self.where(args[0])
        if name == "extension" and len(args) == 1 and isinstance(args[0], Literal):
            return _extension_by_url(str(args[0].value))
        if name in ("as", "ofType"):
            return _type_filter(_type_name_arg(node))
        if args:
            raise UnsupportedExpression(f"unsupported FHIRPath function {name}() with arguments")
        if name == "resolve":
            return _identity
        if name == "first":
            return lambda items: items[:1]
        if name == "exists":
            return _exists
        if name == "empty":
            return _empty
        if name == "not":
            return lambda items: [not _truthy(items)] if items else []
        raise UnsupportedExpression(f"unsupported FHIRPath function {name}()")

    def where(self, criterion: Node) -> Evaluator:
        match criterion:
            case Binary(op="=", left=Ident(name=name), right=Literal(value=value)) if (
                name[:1].islower() and name not in self.choice_elements
            ):
                single = [value]

                def where_equal(items: Collection) -> Collection:
                    out: Collection = []
                    for item in items:
                        if type(item) is dict:
                            found = item.get(name)
                            if found in (value, single):
                                out.append(item)
                    return out

                return where_equal
        test = self.compile(criterion, top=False)
        return lambda items: [item for item in items if _truthy(test([item]))]

    def binary(self, node: Binary, *, top: bool) -> Evaluator:
        left = self.compile(node.left, top=top)
        right = self.compile(node.right, top=top)
        match node.op:
            case "|":

                def union(items: Collection) -> Collection:
                    out = left(items)
                    for value in right(items):
                        if value not in out:
                            out.append(value)
                    return out

                return union
            case "and":
                return lambda items: [_truthy(left(items)) and _truthy(right(items))]
            case "or":
                return lambda items: [_truthy(left(items)) or _truthy(right(items))]
            case "=" | "!=":
                negate = node.op == "!="

                def compare(items: Collection) -> Collection:
                    a, b = left(items), right(items)
                    if not a or not b:
                        return []
                    return [_equal(a, b) != negate]

                return compare
        raise UnsupportedExpression(f"unsupported FHIRPath operator {node.op!r}")


def _where_url(call: Call) -> str | None:
    """The url of ``where(url = '…')``, the extension-selection idiom."""
    if call.name != "where" or len(call.args) != 1:
        return None
    match call.args[0]:
        case Binary(op="=", left=Ident(name="url"), right=Literal(value=str() as url)):
            return url
    return None


def _as_chain(operand: Node, type_name: str) -> Chain:
    cast = Call("as", (Ident(type_name),))
    if isinstance(operand, Chain):
        return Chain(operand.head, (*operand.steps, cast))
    return Chain(operand, (cast,))


def _compose(evaluators: list[Evaluator]) -> Evaluator:
    evaluators = [evaluate for evaluate in evaluators if evaluate is not _identity] or [_identity]
    if len(evaluators) == 1:
        return evaluators[0]
    steps = tuple(evaluators)
    # where to resume once the collection is empty: the next step that answers an empty input
    resume = [len(steps)] * len(steps)
    for index in range(len(steps) - 2, -1, -1):
        resume[index] = index + 1 if steps[index + 1] in _ANSWER_EMPTY else resume[index + 1]
    size = len(steps)

    def composed(items: Collection) -> Collection:
        index = 0
        while index < size:
            items = steps[index](items)
            index = resume[index] if not items else index + 1
        return items

    return composed


def compile_path(
    expression: str, choice_elements: Iterable[str] = (), resource_type: str | None = None
) -> Evaluator:
    """Compile ``expression`` for evaluation on ``[resource]``.

    ``choice_elements`` names the FHIR choice elements (``value`` for ``value[x]``…) so
    that an untyped step reads whichever ``valueX`` is present. With ``resource_type``
    the evaluator may only be given resources of that type.
    """
    return _Compiler(frozenset(choice_elements), resource_type).compile(parse(expression), top=True)


@dataclass(frozen=True, slots=True)
class EntryPoints:
    """What a path needs at the top of the resource to yield anything: one of ``elements``
    present, or a top-level extension with one of ``extension_urls``."""

    elements: frozenset[str]
    extension_urls: frozenset[str]


def entry_points(expression: str) -> EntryPoints | None:
    """The :class:`EntryPoints` of ``expression``, or ``None`` when some member could read anything."""
    elements: set[str] = set()
    urls: set[str] = set()
    for member in split_union(expression):
        node = parse(member)
        if isinstance(node, TypeOp) and node.op == "as":
            node = _as_chain(node.operand, node.type_name)
        if not isinstance(node, Chain) or not isinstance(node.head, Ident) or not node.head.name[:1].isupper():
            return None
        extension = _leading_extension(node.steps)
        if extension is not None:
            urls.add(extension[0])
        elif isinstance(node.steps[0], Ident):
            elements.add(node.steps[0].name)
        else:
            return None
    return EntryPoints(frozenset(elements), frozenset(urls))


@dataclass(frozen=True, slots=True)
class ExtensionRooted:
    """A path that starts by selecting a top-level extension: ``T.extension('url')`` + the rest.

    The rest is evaluated on one repetition of that extension, so that values coming
    from the same repetition can be grouped. When it starts by selecting a
    sub-extension (``.extension('sub_url')``), ``sub_url`` names it and ``rest``
    applies to the selected sub-extensions (so a caller can index them by url once);
    otherwise ``sub_url`` is ``None`` and ``rest`` applies to ``[repetition]``.
    """

    url: str
    sub_url: str | None
    rest: Evaluator


Steps = tuple[Ident | Call | Index, ...]


def _leading_extension(steps: Steps) -> tuple[str, Steps] | None:
    """``extension.where(url='u')…`` or ``extension('u')…`` at the start of ``steps``: ``u`` and what follows."""
    if len(steps) >= 2 and steps[0] == Ident("extension") and isinstance(steps[1], Call):
        url = _where_url(steps[1])
        return (url, steps[2:]) if url is not None else None
    if steps and isinstance(steps[0], Call) and steps[0].name == "extension" and len(steps[0].args) == 1:
        argument = steps[0].args[0]
        if isinstance(argument, Literal) and isinstance(argument.value, str):
            return argument.value, steps[1:]
    return None


def compile_extension_rooted(member: str, choice_elements: Iterable[str] = ()) -> ExtensionRooted:
    """Split a single union member of the form ``T.extension.where(url='u')…`` (or ``T.extension('u')…``)."""
    node = parse(member)
    if isinstance(node, TypeOp) and node.op == "as":
        node = _as_chain(node.operand, node.type_name)
    if not isinstance(node, Chain) or not isinstance(node.head, Ident) or not node.head.name[:1].isupper():
        raise UnsupportedExpression(f"{member!r} does not start from a resource type")
    root = _leading_extension(node.steps)
    if root is None:
        raise UnsupportedExpression(f"{member!r} does not select a top-level extension first")
    url, steps = root
    sub = _leading_extension(steps)
    sub_url, steps = sub if sub is not None else (None, steps)
    compiler = _Compiler(frozenset(choice_elements))
    rest = compiler.chain(Chain(Ident("$this"), steps), top=False) if steps else _identity
    return ExtensionRooted(url, sub_url, rest)
