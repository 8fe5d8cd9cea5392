"""Schemas and WSDL of the legacy exchange (CSD + ROR extension 2.4 and 3.0, and the W3C schemas they
import), copied byte-for-byte from ``shared/legacy-xml/xsd`` (PLATINES, ansforge/dops-platines-application
@ b299bd5). A package only so that the files ship with ``mappings``."""
