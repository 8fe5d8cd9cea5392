"""The search layer: parameter registry, index extraction and query planning. No I/O."""
