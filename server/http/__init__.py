"""The HTTP layer: the only package that knows Starlette/FastAPI."""
