"""The bundled sample dump used by ``dateline demo``: written for dateline, in the shape
of real scraped news (three made-up sites, furniture, repeats, relative times)."""

from __future__ import annotations

from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

# The sample's "Updated 45 min ago" lines are read against this crawl time.
SAMPLE_CRAWL_TIME = datetime(2025, 3, 4, 9, 30, tzinfo=UTC)


def sample_path() -> Path:
    return Path(str(resources.files(__package__).joinpath("sample.txt")))
