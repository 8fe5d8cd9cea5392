"""Hostile or malformed XML is refused before anything is read."""

from __future__ import annotations

import pytest

from mappings.csd.document import import_csd
from mappings.xmlsafe import XmlRejected, parse_xml
from tests.legacy.hostile_xml import BILLION_LAUGHS, EXTERNAL_DTD, EXTERNAL_ENTITY, PARAMETER_ENTITY, UTF16_DOCTYPE


@pytest.mark.parametrize(
    "document", [BILLION_LAUGHS, EXTERNAL_ENTITY, EXTERNAL_DTD, PARAMETER_ENTITY, UTF16_DOCTYPE], ids=str
)
def test_dtd_and_entities_are_refused(document: bytes) -> None:
    with pytest.raises(XmlRejected) as refused:
        parse_xml(document)
    assert refused.value.status == 400


def test_import_of_hostile_document_is_refused() -> None:
    with pytest.raises(XmlRejected):
        import_csd(EXTERNAL_ENTITY)


def test_malformed_document() -> None:
    with pytest.raises(XmlRejected, match="mal formé"):
        parse_xml(b"<CSD><organizationDirectory></CSD>")


def test_size_limit() -> None:
    with pytest.raises(XmlRejected) as refused:
        parse_xml(b"<a>" + b" " * 2000 + b"</a>", max_bytes=1000)
    assert refused.value.status == 413


def test_depth_limit() -> None:
    with pytest.raises(XmlRejected):
        parse_xml(b"<a>" * 300 + b"</a>" * 300)


def test_ordinary_document() -> None:
    assert parse_xml(b'<CSD xmlns="urn:ihe:iti:csd:2013"><!-- note --><organizationDirectory/></CSD>')[0].tag == (
        "{urn:ihe:iti:csd:2013}organizationDirectory"
    )
