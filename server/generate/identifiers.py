"""Resource ids and national identifiers, all unique within one generation run.

Resource ids are numeric strings counted per resource type, like production ROR ids. National numbers follow
the published formats (FINESS = department + sequence, SIREN 9 digits, RPPS-like 11 digits starting with 1,
ROR offer/place identifiers ``<region>/<number>``); sequences are scattered with a modular bijection so that
consecutive records do not get consecutive numbers.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field


def _scatter(counter: int, multiplier: int, offset: int, modulus: int) -> int:
    """A bijection of [0, modulus) (``multiplier`` is coprime with ``modulus``, a power of ten)."""
    return (counter * multiplier + offset) % modulus


@dataclass
class Identifiers:
    _ids: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))
    _sequences: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))

    def resource_id(self, resource_type: str) -> str:
        self._ids[resource_type] += 1
        return str(self._ids[resource_type])

    def _next(self, sequence: str) -> int:
        self._sequences[sequence] += 1
        return self._sequences[sequence]

    def finess(self, department: str) -> str:
        """A 9-character FINESS number of ``department`` (``2A``, ``44``, ``971``...)."""
        width = 9 - len(department)
        return f"{department}{self._next(f'finess:{department}') * 7 % 10**width:0{width}d}"

    def siren(self) -> str:
        return f"{_scatter(self._next('siren'), 387_420_489, 301_562_947, 10**9):09d}"

    def rpps(self) -> str:
        return f"10{_scatter(self._next('rpps'), 282_475_249, 3_126_487, 10**9):09d}"

    def role_number(self) -> str:
        return f"11{_scatter(self._next('role'), 129_140_163, 100_237_961, 10**9):09d}"

    def regional(self, kind: str, region: str, width: int = 0) -> str:
        """``<region>/<n>``: the ROR functional identifier of an offer, place or internal organisation."""
        return f"{region}/{self._next(f'{kind}:{region}'):0{width}d}"

    def local_code(self, prefix: str) -> str:
        """An establishment's own code for a bed zone (``SSR38888``)."""
        return f"{prefix}{_scatter(self._next(f'zone:{prefix}'), 7_777, 10_000, 100_000):05d}"
