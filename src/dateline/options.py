"""One options object with every default in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime

from .errors import DatelineError, ErrorCode


@dataclass(frozen=True)
class RunOptions:
    """How a run reads and cleans its inputs.

    ``crawl_time`` is the reference for relative dates ("58 min ago"); when it is None,
    relative dates stay unresolved rather than being read against this machine's clock.
    """

    crawl_time: datetime | None = None
    max_bytes: int = 64 * 1024 * 1024
    progress: bool = False
    # Estimated Jaccard similarity of body word 3-shingles above which two articles are
    # the same story (a syndicated copy with another headline, trimmed or re-framed).
    dedup_threshold: float = 0.5
    # Seconds one document may take to decode, clean, parse and extract; past it the
    # document is an E013 error row and the run goes on (0: no limit).
    max_seconds: float = 60.0
    # Processes that decode, clean, parse and extract; this one alone writes (1: no pool).
    workers: int = 1

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise DatelineError(ErrorCode.E009_BAD_OPTION, "workers", f"must be at least 1, got {self.workers}")
        if self.max_seconds < 0:
            raise DatelineError(ErrorCode.E009_BAD_OPTION, "max_seconds", f"must be >= 0, got {self.max_seconds}")
        if not 0 < self.dedup_threshold < 1:
            raise DatelineError(
                ErrorCode.E009_BAD_OPTION, "dedup_threshold", f"must be in (0, 1): {self.dedup_threshold}"
            )
        if self.max_bytes <= 0:
            raise DatelineError(ErrorCode.E009_BAD_OPTION, "max_bytes", f"must be positive, got {self.max_bytes}")


def usable_cores() -> int:
    """Cores this process may run on (its CPU affinity where the system tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def parse_crawl_time(value: str | None) -> datetime | None:
    """Parse an ISO 8601 crawl time; naive times are taken as UTC."""
    if value is None or value == "":
        return None
    text = value.strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise DatelineError(ErrorCode.E009_BAD_OPTION, "--crawl-time", f"not ISO 8601: {value!r}") from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
