"""Reading inputs and turning their bytes into documents."""

from __future__ import annotations

from ..clean.written import article_as_written
from ..model import Document, RawDocument
from .decode import decode
from .html import decode_html
from .records import ARTICLE_MEDIA_TYPE

__all__ = ["decode_any"]


def decode_any(raw: RawDocument) -> Document:
    """Bytes to a Document by media type: a text dump, an HTML page, or one clean article."""
    if raw.media_type == "text/html":
        return decode_html(raw)
    doc = decode(raw)
    if raw.media_type == ARTICLE_MEDIA_TYPE:
        doc.articles = [article_as_written(doc.text, 0, 0, headline=True)]
    return doc
