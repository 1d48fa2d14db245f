"""dateline: raw news text to a structured record of who said and did what, where and when.

The public API is small: ``run`` a batch of inputs into a store, or ``process_text`` one
text in memory; ``open`` a store to ask it questions (``db.quotes(speaker="Zelensky")``).
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import process_article, process_articles, process_text
from .model import Article, DateValue, Document, Flag, RawDocument, Span
from .options import RunOptions, parse_crawl_time
from .pipeline import Pipeline, RunSummary, run
from .query import Database, QueryError, Records, open
from .store import Store

__all__ = [
    "Article",
    "Database",
    "DateValue",
    "Document",
    "Flag",
    "Pipeline",
    "QueryError",
    "RawDocument",
    "Records",
    "RunOptions",
    "RunSummary",
    "Span",
    "Store",
    "open",
    "parse_crawl_time",
    "process_article",
    "process_articles",
    "process_text",
    "run",
]
