"""FHIR <-> IHE CSD (ROR extension) mapping, exchange-model versions 2.4 and 3.0."""

from mappings.csd.codes import CodeMapper
from mappings.csd.document import build_csd, import_csd, write_directories

__all__ = ["CodeMapper", "build_csd", "import_csd", "write_directories"]
