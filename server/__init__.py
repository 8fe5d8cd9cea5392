"""FHIR R4 server for the French national health-offer directory (ROR)."""

__version__ = "0.1.0"
