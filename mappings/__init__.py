"""Legacy XML adapter: the pre-FHIR ROR exchange (IHE CSD + ROR extension, SOAP 1.2, zip extraction).

Pure: no web framework, no store. The server mounts :func:`handle_soap`, :func:`wsdl`, :func:`xsd` and
:func:`extraction_zip`, giving them an :class:`OfferSource` over its store.
"""

from mappings.csd import CodeMapper, build_csd, import_csd
from mappings.extraction import extraction_name, extraction_zip
from mappings.graph import OfferGraph
from mappings.oids import OidTable, nos_oid_table
from mappings.profiles import AccessProfile, redact
from mappings.soap import SOAP_CONTENT_TYPE, XML_CONTENT_TYPE, handle_soap, wsdl, xsd
from mappings.source import OfferSource
from mappings.versions import CsdVersion
from mappings.xmlsafe import XmlRejected, parse_xml

__all__ = [
    "SOAP_CONTENT_TYPE",
    "XML_CONTENT_TYPE",
    "AccessProfile",
    "CodeMapper",
    "CsdVersion",
    "OfferGraph",
    "OfferSource",
    "OidTable",
    "XmlRejected",
    "build_csd",
    "extraction_name",
    "extraction_zip",
    "handle_soap",
    "import_csd",
    "nos_oid_table",
    "parse_xml",
    "redact",
    "wsdl",
    "xsd",
]
