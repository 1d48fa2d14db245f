"""In-memory entry points for users who want records, not a database."""

from __future__ import annotations

from datetime import datetime

from .ingest.decode import decode
from .ingest.sources import content_hash
from .model import Document, RawDocument
from .pipeline import Pipeline


def process_text(text: str | bytes, source: str = "<text>", crawl_time: datetime | None = None) -> Document:
    """Run the pipeline on one text (or its bytes) and return the document with its articles."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    raw = RawDocument(source=source, data=data, content_hash=content_hash(data), crawl_time=crawl_time)
    return Pipeline()(decode(raw))
