"""Cleaning: segment a decoded document into articles and strip the page furniture."""

from __future__ import annotations

from ..model import Document
from .article import build_article
from .lines import split_lines
from .segment import find_regions

__all__ = ["clean_document"]


def clean_document(doc: Document) -> Document:
    """Stage: find the articles in ``doc.text`` and attach them to ``doc.articles``.

    Documents that arrive with their article already built (HTML pages, titled records)
    are left as they are.
    """
    if doc.articles:
        return doc
    lines = split_lines(doc.text)
    regions = find_regions(lines)
    doc.articles = [
        build_article(region, i, doc.text, doc.flags, doc.raw.crawl_time) for i, region in enumerate(regions)
    ]
    return doc
