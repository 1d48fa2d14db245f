"""dateline: raw news text to a structured record of who said and did what, where and when.

The public API is small: ``run`` a batch of inputs into a store, or ``process_text`` one
text in memory; ``open`` a store to ask it questions (``db.quotes(speaker="Zelensky")``).

Names are imported when first used, so reading a store never loads spaCy.
"""

from __future__ import annotations

from importlib import import_module

__version__ = "0.1.0"

_WHERE = {
    "process_article": "api", "process_articles": "api", "process_text": "api",
    "Article": "model", "DateValue": "model", "Document": "model", "Flag": "model", "RawDocument": "model",
    "Span": "model", "RunOptions": "options", "parse_crawl_time": "options", "Pipeline": "pipeline",
    "RunSummary": "record", "run": "pipeline", "Database": "query", "QueryError": "query", "Records": "query",
    "open": "query", "Store": "store",
}  # fmt: skip
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'dateline' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])
