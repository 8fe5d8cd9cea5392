"""Codes and displays of the NOS terminologies, read from the ANS FSH export.

A development-time helper for the demo and test data: it fills displays when
the data is generated and checks coded values afterwards. It reads only what
that needs (code system URL, concept codes and displays, value-set includes);
the terminology module is the complete implementation.

Layout expected (see ``shared/nos/README.md``): ``TRE/*.fsh`` code systems and
``JDV/*.fsh`` value sets whose include lines use ``$TRE-Rxx-Name`` aliases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

NOS_BASE = "https://mos.esante.gouv.fr/NOS/"

_URL = re.compile(r'^\* \^url = "([^"]+)"', re.M)
_CONTENT = re.compile(r"^\* \^content = #(\S+)", re.M)
_CONCEPT = re.compile(r'^\s*\* #("[^"]+"|\S+) "((?:[^"\\]|\\.)*)"', re.M)
_INCLUDE = re.compile(r'^\* \$(TRE-[^#\s]+)#("[^"]+"|\S+) "((?:[^"\\]|\\.)*)"', re.M)


def tre_system(name: str) -> str:
    """Canonical URL of a NOS code system from its name, e.g. ``R211-ActiviteOperationnelle``."""
    return f"{NOS_BASE}TRE_{name}/FHIR/TRE-{name}"


def _alias_system(alias: str) -> str:
    return tre_system(alias.removeprefix("TRE-"))


@dataclass(frozen=True, slots=True)
class NosCodes:
    """Displays by system URL and code, and which systems can be checked.

    A system is *checkable* when its full concept list was read (a TRE file
    with its concepts) or when it is known only through ROR value sets (then
    ROR data must use one of the listed codes). A TRE published as a summary
    (``^content = #not-present``, e.g. TRE_R210) is not checkable.
    """

    displays: dict[str, dict[str, str]]
    checkable: frozenset[str]

    def display(self, system: str, code: str) -> str:
        """The NOS display of ``system|code``; ``KeyError`` when the code is unknown."""
        return self.displays[system][code]


def _unquote(code: str) -> str:
    return code[1:-1] if code.startswith('"') else code


def read_nos(fsh_dir: Path) -> NosCodes:
    """Read every ``TRE/*.fsh`` and ``JDV/*.fsh`` file under ``fsh_dir``."""
    displays: dict[str, dict[str, str]] = {}
    complete: set[str] = set()
    summaries: set[str] = set()
    for path in sorted((fsh_dir / "TRE").glob("*.fsh")):
        text = path.read_text(encoding="utf-8")
        url = _URL.search(text)
        if url is None:
            continue
        system = url.group(1)
        content = _CONTENT.search(text)
        concepts = {_unquote(m.group(1)): m.group(2) for m in _CONCEPT.finditer(text)}
        displays.setdefault(system, {}).update(concepts)
        if content is not None and content.group(1) == "not-present":
            summaries.add(system)
        else:
            complete.add(system)
    value_set_only: set[str] = set()
    for path in sorted((fsh_dir / "JDV").glob("*.fsh")):
        for match in _INCLUDE.finditer(path.read_text(encoding="utf-8")):
            system = _alias_system(match.group(1))
            displays.setdefault(system, {}).setdefault(_unquote(match.group(2)), match.group(3))
            if system not in complete and system not in summaries:
                value_set_only.add(system)
    return NosCodes(displays=displays, checkable=frozenset(complete | value_set_only))
