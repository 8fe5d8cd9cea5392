"""Reference tables of the generator, rebuilt by ``python -m server.generate.build_tables`` (package data)."""
