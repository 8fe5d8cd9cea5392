"""Load-test harness for FHIR R4 servers serving the ROR API (``python -m bench``, see bench/README.md).

It uses only standard FHIR R4 interactions and the ROR search parameters, so any server (this one,
HAPI FHIR JPA, ...) can be measured with the same load on the same machine.
"""
