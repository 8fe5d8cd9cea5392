"""Parsing of untrusted XML: no DTD, no entity expansion, no network, bounded size and depth.

Every XML document the adapter reads (SOAP requests, CSD files to import) goes through :func:`parse_xml`.
A document that is too large, declares a DTD (the vector of "billion laughs" and external entities),
is nested deeper than libxml2 allows without ``huge_tree`` (256 levels) or is not well formed raises
:class:`XmlRejected`, an ``InvalidRequest``, before anything else happens.
"""

from __future__ import annotations

import re

from lxml import etree

from server.errors import InvalidRequest

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
"""Large enough for any SOAP request; imports of regional files pass their own limit."""

_DTD_MARKER = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_DTD_REFUSED = "Document XML refusé : les déclarations DOCTYPE/ENTITY sont interdites"


class XmlRejected(InvalidRequest):
    """The XML document was refused (too large, DTD/entities, malformed, too deep)."""


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> etree._Element:
    """Parse ``data`` into an element tree or raise :class:`XmlRejected`."""
    if len(data) > max_bytes:
        message = f"Document XML trop volumineux ({len(data)} octets, maximum {max_bytes})"
        raise XmlRejected(message, status=413)
    if _DTD_MARKER.search(data):
        raise XmlRejected(_DTD_REFUSED, code="security")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise XmlRejected(f"Document XML mal formé : {exc}") from None
    if root is None:
        raise XmlRejected("Document XML vide")
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise XmlRejected(_DTD_REFUSED, code="security")
    return root
