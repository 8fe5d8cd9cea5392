"""Regenerate ``mappings/oids.json`` from the NOS FHIR Shorthand files.

Each NOS code system (``TRE_*``) and value set (``JDV_*``) carries its canonical URL in ``^url`` and the
OID that the legacy XML uses in ``^identifier.value`` (``urn:oid:...``). The table also lists a few
systems the legacy model needs but the FSH copy lacks (:data:`EXTRA_PAIRS`).

    python -m mappings.build_oid_table /work/shared/nos/fsh
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

OUTPUT = Path(__file__).with_name("oids.json")

_URL = re.compile(r'^\* \^url = "([^"]+)"', re.MULTILINE)
_OID = re.compile(r'^\* \^identifier(?:\[\d+\])?\.value = "urn:oid:([0-9.]+)"', re.MULTILINE)

# Systems used by the legacy exchange whose FSH file is not in the NOS copy; OIDs from
# shared/spec/legacy-xml.md §1.4 (NOS public tables bundled with PLATINES).
EXTRA_PAIRS: tuple[tuple[str, str], ...] = (
    ("https://mos.esante.gouv.fr/NOS/TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM", "1.2.250.1.213.2.23"),
    ("https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante", "1.2.250.1.71.1.2.7"),
    ("https://mos.esante.gouv.fr/NOS/TRE_R247-UcumUniteMesure/FHIR/TRE-R247-UcumUniteMesure", "2.16.840.1.113883.6.8"),
    ("http://unitsofmeasure.org", "2.16.840.1.113883.6.8"),
    ("urn:iso:std:iso:4217", "1.0.4217"),
)


def read_pairs(fsh_root: Path) -> list[tuple[str, str]]:
    """(canonical URL, OID) for every FSH file under ``fsh_root`` that declares both, code systems first."""
    pairs: list[tuple[str, str]] = []
    for folder in ("TRE", "JDV"):
        for path in sorted((fsh_root / folder).glob("*.fsh")):
            text = path.read_text(encoding="utf-8")
            url, oid = _URL.search(text), _OID.search(text)
            if url and oid:
                pairs.append((url.group(1), oid.group(1)))
    return pairs


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    pairs = read_pairs(Path(argv[1])) + list(EXTRA_PAIRS)
    lines = ",\n".join(json.dumps(pair, ensure_ascii=False) for pair in pairs)
    OUTPUT.write_text(f"[\n{lines}\n]\n", encoding="utf-8")
    print(f"wrote {len(pairs)} pairs to {OUTPUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
