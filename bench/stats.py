"""Per-class measurements: latency distribution, errors, result sizes."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bench.call import Call, Outcome

ERROR_SAMPLES = 3  # error bodies kept per class


def percentile(ordered: list[float], q: float) -> float:
    """Nearest-rank percentile ``q`` (0-100) of an ascending list (0 when empty)."""
    if not ordered:
        return 0.0
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


@dataclass(slots=True)
class Recorder:
    latencies_ms: list[float] = field(default_factory=list)
    error_statuses: Counter[int] = field(default_factory=Counter)
    error_samples: list[dict[str, Any]] = field(default_factory=list)
    totals: list[int] = field(default_factory=list)  # Bundle.total of the successful searches that had one
    matches: list[int] = field(default_factory=list)  # matches on the first page of each successful answer
    bytes: int = 0
    fallbacks: int = 0

    @property
    def count(self) -> int:
        return len(self.latencies_ms)

    def add(self, call: Call, outcome: Outcome) -> None:
        self.latencies_ms.append(outcome.seconds * 1000)
        self.bytes += outcome.size
        self.fallbacks += outcome.fell_back
        if not outcome.ok:
            self.error_statuses[outcome.status] += 1
            if len(self.error_samples) < ERROR_SAMPLES:
                self.error_samples.append({"request": call.describe(), "status": outcome.status, "body": outcome.error})
            return
        if outcome.total is not None:
            self.totals.append(outcome.total)
        if outcome.matches is not None:
            self.matches.append(outcome.matches)

    @classmethod
    def merged(cls, recorders: Iterable[Recorder]) -> Recorder:
        """One recorder holding the measurements of all ``recorders`` (the mix as a whole)."""
        total = cls()
        for recorder in recorders:
            total.latencies_ms += recorder.latencies_ms
            total.error_statuses.update(recorder.error_statuses)
            total.error_samples += recorder.error_samples[: ERROR_SAMPLES - len(total.error_samples)]
            total.totals += recorder.totals
            total.matches += recorder.matches
            total.bytes += recorder.bytes
            total.fallbacks += recorder.fallbacks
        return total

    def summary(self, elapsed_s: float) -> dict[str, Any]:
        """The result-file record of these measurements over a window of ``elapsed_s`` seconds."""
        ordered = sorted(self.latencies_ms)
        errors = sum(self.error_statuses.values())
        answered = len(self.matches)
        return {
            "count": self.count,
            "errors": errors,
            "error_statuses": {str(status): n for status, n in sorted(self.error_statuses.items())},
            "error_samples": self.error_samples,
            "elapsed_s": round(elapsed_s, 3),
            "throughput_rps": round(self.count / elapsed_s, 2) if elapsed_s > 0 else 0.0,
            "latency_ms": {
                "mean": round(sum(ordered) / len(ordered), 2) if ordered else 0.0,
                "p50": round(percentile(ordered, 50), 2),
                "p95": round(percentile(ordered, 95), 2),
                "p99": round(percentile(ordered, 99), 2),
                "max": round(ordered[-1], 2) if ordered else 0.0,
            },
            "results": {
                "avg_total": round(sum(self.totals) / len(self.totals), 2) if self.totals else None,
                "avg_matches_first_page": round(sum(self.matches) / answered, 2) if answered else None,
                "nonempty_ratio": round(sum(1 for m in self.matches if m) / answered, 3) if answered else None,
                "avg_bytes": round(self.bytes / self.count) if self.count else 0,
            },
            "fallbacks": self.fallbacks,
        }
