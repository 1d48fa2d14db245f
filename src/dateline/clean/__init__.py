"""Cleaning: segment a decoded document into articles and strip the page furniture."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate

from ..model import Document
from .article import build_article
from .learned import find_regions
from .lines import Kind, Line, split_lines
from .segment import Region

__all__ = ["clean_document"]


def clean_document(doc: Document, segmenter: Callable[[list[Line]], list[Region]] = find_regions) -> Document:
    """Stage: find the articles in ``doc.text`` and attach them to ``doc.articles``.

    Documents that arrive with their article already built (HTML pages, titled records)
    are left as they are. ``segmenter`` is the line model with its rule fallback
    (``learned.find_regions``); benchmarks pass ``segment.find_regions`` to compare.
    """
    if doc.articles:
        return doc
    lines = split_lines(doc.text)
    regions = segmenter(lines)
    doc.articles = [
        build_article(region, i, doc.text, doc.flags, doc.raw.crawl_time) for i, region in enumerate(regions)
    ]
    doc.prose_words, doc.discarded_words = account(doc, lines)
    return doc


def account(doc: Document, lines: list[Line]) -> tuple[int, int]:
    """Words of prose in the document, and how many of them are in no article: nothing is
    dropped without being counted (a page merged away or lost shows here)."""
    spans = sorted(
        (span.start, span.end)
        for article in doc.articles
        for span in [*(s for _, s in article.blocks), *article.summary, *article.captions]
    )
    starts = [start for start, _ in spans]
    reach = list(accumulate((end for _, end in spans), max))  # furthest end of the spans so far
    prose = discarded = 0
    for line in lines:
        if line.kind is not Kind.PROSE:
            continue
        prose += line.words
        i = bisect_right(starts, line.end - 1) - 1  # spans[: i + 1] start before the line ends
        if i < 0 or reach[i] <= line.start:
            discarded += line.words
    return prose, discarded
