"""In-memory entry points for users who want records, not a database."""

from __future__ import annotations

from datetime import datetime

from .clean.written import article_as_written
from .ingest import decode_any
from .ingest.sniff import sniff
from .ingest.sources import content_hash
from .model import Document, RawDocument
from .pipeline import DEFAULT_STAGES, Pipeline


def process_text(
    text: str | bytes, source: str = "<text>", crawl_time: datetime | None = None, pipeline: Pipeline | None = None
) -> Document:
    """Run the pipeline on one text (or its bytes) and return the document with its articles."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    raw = RawDocument(source, data, content_hash(data), crawl_time, media_type=sniff(data, source).media_type)
    return (pipeline or Pipeline())(decode_any(raw))


def process_article(
    text: str, source: str = "<article>", crawl_time: datetime | None = None, headline: bool = True
) -> Document:
    """Run the pipeline on ``text`` as one article, as written: no segmentation or cleaning.

    With ``headline`` the first non-empty line is the headline; every other non-empty
    line is a paragraph. For texts already known to be a single clean article.
    """
    return process_articles([text], source, crawl_time, headline)


def process_articles(
    texts: list[str], source: str = "<articles>", crawl_time: datetime | None = None, headline: bool = True
) -> Document:
    """Many clean articles (or single sentences) as one document, one article each,
    parsed in one batch. The document text is the texts joined by blank lines."""
    text = "\n\n".join(texts)
    data = text.encode("utf-8")
    doc = Document(raw=RawDocument(source, data, content_hash(data), crawl_time), text=text)
    position = 0
    for ordinal, piece in enumerate(texts):
        doc.articles.append(article_as_written(piece, position, ordinal, headline))
        position += len(piece) + 2
    after_cleaning = [stage for stage in DEFAULT_STAGES if stage.name != "clean"]
    return Pipeline(after_cleaning, provided={"text", "articles"})(doc)
