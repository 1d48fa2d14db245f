"""The text of one article as spaCy sees it, with a map back to document offsets.

An article's pieces (headline, summary bullets, body blocks) are scattered through the
document text; spaCy gets them joined by blank lines, and every offset it returns is
mapped back so that a mention's offsets always point into ``Document.text``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise

from spacy.tokens import Doc, Token

from ..model import Article, Span

SEPARATOR = "\n\n"


@dataclass(frozen=True)
class ArticleText:
    text: str
    starts: list[int]  # where each piece begins in ``text``
    pieces: list[Span]  # the pieces, with their document offsets
    document: str  # Document.text, for what runs between pieces (a quote over paragraphs)
    first_block: int = 0  # index of the first body block among the pieces
    has_headline: bool = False  # the first piece is the headline

    def to_document(self, offset: int) -> int:
        """Document offset of ``offset`` in ``text`` (piece-relative, never in a separator)."""
        i = bisect_right(self.starts, offset) - 1
        return self.pieces[i].start + (offset - self.starts[i])

    def to_parse(self, document_offset: int) -> int:
        """Offset in ``text`` of a document offset inside one of the pieces (0 if none; the
        first piece, if it ends where the next begins)."""
        order = self._document_starts
        if order is None:  # pieces out of document order: look at each
            candidates = range(len(self.pieces))
        else:
            i = bisect_right(order, document_offset) - 1
            candidates = range(max(i - 1, 0), i + 1)
        for i in candidates:
            piece = self.pieces[i]
            if piece.start <= document_offset <= piece.end:
                return self.starts[i] + (document_offset - piece.start)
        return 0

    @cached_property
    def _document_starts(self) -> list[int] | None:
        """Where each piece begins in the document, if the pieces follow one another there."""
        pieces = self.pieces
        if all(a.end <= b.start for a, b in pairwise(pieces)):
            return [piece.start for piece in pieces]
        return None

    def body(self) -> str:
        """The body blocks as parsed (blank lines between them); "" for an article without."""
        return self.text[self.starts[self.first_block] :] if self.first_block < len(self.starts) else ""

    def piece_index(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1


def repeated_prints(article: Article, document_text: str) -> list[tuple[Span, int]]:
    """Other prints of the headline and captions in the article region, as (piece, shift).

    Scrapes print a headline or caption several times; a mention found in the piece
    also stands at each other print, ``shift`` characters away.
    """
    found = []
    for piece in ([article.headline] if article.headline else []) + article.captions:
        position = document_text.find(piece.text, article.start)
        while position != -1 and position + len(piece.text) <= article.end:
            if position != piece.start:
                found.append((piece, position - piece.start))
            position = document_text.find(piece.text, position + 1)
    return found


def article_text(article: Article, document_text: str) -> ArticleText:
    pieces: list[Span] = []
    if article.headline:
        pieces.append(article.headline)
    pieces.extend(article.summary)
    pieces.extend(article.captions)
    first_block = len(pieces)
    pieces.extend(span for _, span in article.blocks)
    starts, parts, position = [], [], 0
    for span in pieces:
        starts.append(position)
        parts.append(span.text)
        position += len(span.text) + len(SEPARATOR)
    return ArticleText(SEPARATOR.join(parts), starts, pieces, document_text, first_block, article.headline is not None)


def token_at(doc: Doc, text: ArticleText, document_offset: int) -> Token | None:
    """The parse token at a document offset (the one it falls in, or the next), if any."""
    at = text.to_parse(document_offset)
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
