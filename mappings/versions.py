"""The exchange-model versions served by the legacy adapter and their schema files."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from server.errors import NotFound

XSD_DIR = Path(__file__).with_name("xsd")


class CsdVersion(StrEnum):
    V2_4 = "2.4"
    V3_0 = "3.0"

    @classmethod
    def parse(cls, text: str) -> CsdVersion:
        """Accept ``2.4``, ``v2.4``, ``V3.0``, a :class:`CsdVersion`…; an unknown version is a 404 (it names a
        resource path)."""
        try:
            return cls(text.strip().lstrip("vV"))
        except ValueError:
            known = ", ".join(v.value for v in cls)
            message = f"Version du modèle d'exposition inconnue : {text!r} (connues : {known})"
            raise NotFound(message) from None

    @property
    def xsd_path(self) -> Path:
        return XSD_DIR / f"IHE_ProfilCSD-ExtensionROR_fr-v{self.value}.xsd"

    @property
    def wsdl_path(self) -> Path:
        name = "ROR-v2.4.wsdl" if self is CsdVersion.V2_4 else "ROR_ME_V3.0_VFD1.0_20221222.wsdl"
        return XSD_DIR / name
