"""NOS terminology: code systems, value sets, commune table, and the FHIR terminology operations over them."""
