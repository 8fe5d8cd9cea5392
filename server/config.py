"""Server settings, from the command line and the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True, slots=True)
class Settings:
    """``store`` is ``sqlite`` (the embedded default, file ``db``) or ``mongodb``."""

    store: str = "sqlite"
    db: str = "ror.db"
    mongodb_uri: str = "mongodb://127.0.0.1:27017"
    mongodb_db: str = "ror"
    default_count: int = 200
    max_count: int = 200
    strict_fhir_search: bool = False
    lenient_search: bool = False
    terminology_releases: str = "terminology-releases"
    legacy_profile: int = 0
    terminology_lenient: bool = False

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        values: dict[str, object] = {
            "store": os.environ.get("ROR_STORE", "mongodb" if os.environ.get("MONGODB_URI") else "sqlite"),
            "db": os.environ.get("ROR_DB", "ror.db"),
            "mongodb_uri": os.environ.get("MONGODB_URI", "mongodb://127.0.0.1:27017"),
            "mongodb_db": os.environ.get("MONGODB_DB", "ror"),
            "default_count": int(os.environ.get("ROR_DEFAULT_COUNT", "200")),
            "max_count": int(os.environ.get("ROR_MAX_COUNT", "200")),
            "strict_fhir_search": _env_bool("ROR_STRICT_FHIR_SEARCH", False),
            "lenient_search": _env_bool("ROR_LENIENT_SEARCH", False),
            "terminology_releases": os.environ.get("ROR_TERMINOLOGY_RELEASES", "terminology-releases"),
            "legacy_profile": int(os.environ.get("ROR_LEGACY_PROFILE", "0")),
            "terminology_lenient": _env_bool("ROR_TERMINOLOGY_LENIENT", False),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
