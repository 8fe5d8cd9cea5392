"""A patch path read as ``<parent>.<member><filters>``: which element it ends on.

FHIRPath Patch paths are navigation chains such as ``Location.extension.where(url='…')``
or ``Organization.telecom[0]``. Knowing the last element name of the chain lets the
engine find the list an item belongs to, and lets the tolerant ROR shapes (``add``
without ``name``) recover the parent. Anything that is not a plain chain of steps
yields ``None`` and is handled by evaluation alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_IDENTIFIER = re.compile(r"`[^`]+`|[A-Za-z_][A-Za-z0-9_]*")
_INDEXERS = re.compile(r"(\[\s*\d+\s*\])*")


@dataclass(frozen=True, slots=True)
class Step:
    """One top-level step: ``name``, ``name(args)``, either followed by ``[n]`` indexers."""

    text: str
    name: str
    call: bool
    indexed: bool

    @property
    def is_member(self) -> bool:
        """Navigates to child elements (``extension('url')`` is ``extension`` plus a filter)."""
        return not self.call or self.name == "extension"


@dataclass(frozen=True, slots=True)
class ElementPath:
    """A path split on its last element name."""

    parent: str | None  # FHIRPath selecting the elements that hold ``member``; None: the resource root
    member: str
    filtered: bool  # steps after the member narrow its items (where, [n], first()…)


def _closing(text: str, start: int) -> int | None:
    """Index of the bracket closing the one at ``start``, skipping quoted text."""
    depth, quote, i = 0, "", start
    while i < len(text):
        char = text[i]
        if quote:
            if char == "\\":
                i += 1
            elif char == quote:
                quote = ""
        elif char in "'`\"":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


def _top_level_parts(path: str) -> list[str] | None:
    parts, start, i = [], 0, 0
    while i < len(path):
        char = path[i]
        if char in "([":
            end = _closing(path, i)
            if end is None:
                return None
            i = end
        elif char in "'`\"":
            end = path.find(char, i + 1)
            if end < 0:
                return None
            i = end
        elif char == ".":
            parts.append(path[start:i])
            start = i + 1
        i += 1
    parts.append(path[start:])
    return parts


def _read_step(text: str) -> Step | None:
    text = text.strip()
    name = _IDENTIFIER.match(text)
    if name is None:
        return None
    rest_at = name.end()
    call = rest_at < len(text) and text[rest_at] == "("
    if call:
        end = _closing(text, rest_at)
        if end is None:
            return None
        rest_at = end + 1
    indexers = _INDEXERS.fullmatch(text, rest_at)
    if indexers is None:
        return None
    return Step(text=text, name=name.group().strip("`"), call=call, indexed=bool(indexers.group()))


def split_steps(path: str) -> list[Step] | None:
    """The top-level steps of ``path``, or None when it is not a plain navigation chain."""
    parts = _top_level_parts(path)
    if parts is None:
        return None
    steps = [_read_step(part) for part in parts]
    if any(step is None for step in steps):
        return None
    return [step for step in steps if step is not None]


def _starts_with_type(steps: list[Step]) -> bool:
    first = steps[0]
    return not first.call and not first.indexed and first.name[:1].isupper()


def designates_root(path: str) -> bool:
    """True when ``path`` is just a resource type, e.g. ``Location``."""
    steps = split_steps(path)
    return steps is not None and len(steps) == 1 and _starts_with_type(steps)


def element_path(path: str) -> ElementPath | None:
    """``path`` split on the last element it navigates to; None when it cannot be read that way."""
    steps = split_steps(path)
    if not steps:
        return None
    first_member = 1 if _starts_with_type(steps) else 0
    members = [i for i in range(first_member, len(steps)) if steps[i].is_member]
    if not members:
        return None
    last = members[-1]
    step = steps[last]
    parent = ".".join(s.text for s in steps[:last]) or None
    filtered = step.call or step.indexed or last < len(steps) - 1
    return ElementPath(parent=parent, member=step.name, filtered=filtered)
