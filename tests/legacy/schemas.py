"""Offline XSD 1.1 validation of the legacy documents (compiled schemas are cached per session).

The CSD XSD imports W3C schemas by URL: they are mapped to the copies in ``mappings/xsd``. The elements of
the ``urn:asip:ror:2015`` namespace (Notif request/response, ``erreur``) are declared in the WSDL inline
schema, compiled here with its import redirected to the local CSD XSD.
"""

from __future__ import annotations

from functools import cache

import xmlschema
from lxml import etree

from mappings.versions import XSD_DIR, CsdVersion

_W3C = {
    "http://www.w3.org/2001/xml.xsd": XSD_DIR / "xml.xsd",
    "http://www.w3.org/MarkUp/Forms/2002/XForms-Schema.xsd": XSD_DIR / "XForms-Schema.xsd",
    "http://www.w3.org/MarkUp/SCHEMA/xml-events-attribs-1.xsd": XSD_DIR / "xml-events-attribs-1.xsd",
    "http://www.w3.org/2001/XMLSchema.xsd": XSD_DIR / "XMLSchema.xsd",
}
_XSD_NS = "http://www.w3.org/2001/XMLSchema"
_WSDL_NS = "http://schemas.xmlsoap.org/wsdl/"


def _uri_mapper(version: CsdVersion) -> dict[str, str]:
    mapping = {url: path.as_uri() for url, path in _W3C.items()}
    for location in (
        f"https://esante.gouv.fr/sites/default/files/media_entity/documents/IHE_ProfilCSD-ExtensionROR_fr-v{version.value}.xsd",
        f"./IHE_ProfilCSD-ExtensionROR_fr-v{version.value}.xsd",
    ):
        mapping[location] = version.xsd_path.as_uri()
    return mapping


@cache
def csd_schema(version: CsdVersion) -> xmlschema.XMLSchema11:
    return xmlschema.XMLSchema11(str(version.xsd_path), uri_mapper=_uri_mapper(version))


@cache
def ror_schema(version: CsdVersion) -> xmlschema.XMLSchema11:
    """The WSDL's inline schema (``urn:asip:ror:2015``), importing the CSD schema."""
    wsdl = etree.parse(str(version.wsdl_path))
    inline = wsdl.find(f"{{{_WSDL_NS}}}types/{{{_XSD_NS}}}schema")
    assert inline is not None
    inline = etree.fromstring(etree.tostring(inline))
    for imported in inline.findall(f"{{{_XSD_NS}}}import"):
        imported.set("schemaLocation", version.xsd_path.as_uri())
    return xmlschema.XMLSchema11(
        etree.tostring(inline).decode(), base_url=str(XSD_DIR), uri_mapper=_uri_mapper(version), build=True
    )


def errors(version: CsdVersion, element: etree._Element) -> list[str]:
    """Validation errors of a CSD-namespace element (``CSD``, ``careServicesResponse``…) or a ROR one."""
    namespace = etree.QName(element).namespace
    schema = ror_schema(version) if namespace == "urn:asip:ror:2015" else csd_schema(version)
    return [f"{e.path}: {e.reason}" for e in schema.iter_errors(etree.tostring(element))]
