"""A workload ("query class"): a named request generator drawing from the data pool."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from random import Random
from typing import Any

from bench.call import Call
from bench.pool import DataPool


@dataclass(frozen=True, slots=True)
class Workload:
    """``candidates`` lists what the server holds that this class can ask about (empty: the class is
    skipped, ``needs`` saying what was missing); ``draw`` turns one candidate into a request."""

    name: str
    summary: str  # what is sent, with the spec section it comes from
    needs: str
    candidates: Callable[[DataPool], Sequence[Any]]
    draw: Callable[[Any, DataPool, Random], Call]
    writes: bool = False

    def prepare(self, pool: DataPool) -> Prepared | None:
        """The generator bound to ``pool``; None when the pool holds nothing this class can ask for."""
        candidates = self.candidates(pool)
        return Prepared(self, pool, tuple(candidates)) if candidates else None


@dataclass(frozen=True, slots=True)
class Prepared:
    workload: Workload
    pool: DataPool
    candidates: tuple[Any, ...]

    def next_call(self, rng: Random) -> Call:
        return self.workload.draw(rng.choice(self.candidates), self.pool, rng)
