"""Namespaces of the legacy exchange and small lxml helpers to build and read CSD elements."""

from __future__ import annotations

from typing import Any, TypeAlias

from lxml import etree

CSD_NS = "urn:ihe:iti:csd:2013"
ROR_NS = "urn:asip:ror:2015"
SOAP_NS = "http://www.w3.org/2003/05/soap-envelope"

Element: TypeAlias = etree._Element

EXTENSION_ATTRS = {"type": "ROR", "urn": ROR_NS}
"""Every CSD ``extension`` element requires ``@type`` and ``@urn``; their values carry no meaning."""


def q(name: str, namespace: str = CSD_NS) -> str:
    return f"{{{namespace}}}{name}"


def sub(parent: Element, name: str, text: Any = None, /, **attrs: Any) -> Element:
    """Append ``<csd:name attrs>text</csd:name>``; ``None`` attributes are omitted."""
    element = etree.SubElement(parent, q(name), {k: _text(v) for k, v in attrs.items() if v is not None})
    if text is not None:
        element.text = _text(text)
    return element


def sub_extension(parent: Element) -> Element:
    return etree.SubElement(parent, q("extension"), EXTENSION_ATTRS)


def _text(item: Any) -> str:
    if isinstance(item, bool):
        return "true" if item else "false"
    return str(item)


def child(element: Element | None, name: str) -> Element | None:
    return None if element is None else element.find(q(name))


def children(element: Element | None, name: str) -> list[Element]:
    return [] if element is None else element.findall(q(name))


def text(element: Element | None, name: str) -> str | None:
    found = child(element, name)
    if found is None or found.text is None:
        return None
    return found.text.strip() or None


def boolean(element: Element | None, name: str) -> bool | None:
    value = text(element, name)
    return None if value is None else value in ("true", "1")


def integer(element: Element | None, name: str) -> int | None:
    value = text(element, name)
    try:
        return None if value is None else int(value)
    except ValueError:
        return None


def decimal(element: Element | None, name: str) -> float | None:
    value = text(element, name)
    try:
        return None if value is None else float(value)
    except ValueError:
        return None


def extension_children(element: Element | None, name: str) -> list[Element]:
    """``name`` children of every ``extension`` child of ``element`` (CSD allows several extensions)."""
    found: list[Element] = []
    for ext in children(element, "extension"):
        found.extend(children(ext, name))
    return found
