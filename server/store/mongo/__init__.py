"""The MongoDB store: PyMongo's asyncio driver, one collection per resource type, history, commit log."""
