"""Server time as FHIR instants (UTC, millisecond precision, strictly increasing in one process)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

_last = datetime.min.replace(tzinfo=UTC)


def now_instant() -> str:
    """The current time as a FHIR instant, later than any instant this process gave before."""
    global _last
    wall = datetime.now(UTC)
    now = wall.replace(microsecond=wall.microsecond // 1000 * 1000)
    if now <= _last:
        now = _last + timedelta(milliseconds=1)
    _last = now
    return now.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_instant(value: str) -> datetime:
    """Parse an instant written by :func:`now_instant` (or any ISO 8601 date-time with offset)."""
    return datetime.fromisoformat(value.replace("Z", "+00:00"))
