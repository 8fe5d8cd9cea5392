"""Transport-free core of the server: interactions, bundles, patch, validation."""
