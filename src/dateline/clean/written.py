"""An article taken as written: first line the headline, every other line a paragraph.

For inputs already known to be one clean article (a JSON record with a title, an
evaluation sentence): no segmentation, no furniture to strip.
"""

from __future__ import annotations

from ..model import Article, Span


def article_as_written(text: str, offset: int, ordinal: int, headline: bool) -> Article:
    """``text`` starts at ``offset`` in the document text."""
    article = Article(ordinal=ordinal, start=offset, end=offset + len(text))
    position = offset
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = position + len(line) - len(line.lstrip())
            span = Span(stripped, start, start + len(stripped))
            if headline and article.headline is None:
                article.headline = span
            else:
                article.blocks.append(("p", span))
                article.paragraphs.append(span)
        position += len(line) + 1
    return article
