"""The map between document offsets and the text spaCy parses."""

from __future__ import annotations

import random

import pytest

from dateline.model import Span
from dateline.nlp.text import SEPARATOR, ArticleText


def _text(pieces: list[Span]) -> ArticleText:
    starts, position = [], 0
    for piece in pieces:
        starts.append(position)
        position += len(piece.text) + len(SEPARATOR)
    return ArticleText(SEPARATOR.join(p.text for p in pieces), starts, pieces, "", 0, False)


def _scan(text: ArticleText, offset: int) -> int:
    """The definition: the first piece holding the offset, ends included."""
    for start, piece in zip(text.starts, text.pieces, strict=True):
        if piece.start <= offset <= piece.end:
            return start + (offset - piece.start)
    return 0


@pytest.mark.parametrize("seed", range(30))
def test_to_parse_is_the_first_piece_holding_the_offset(seed):
    """Pieces in document order with gaps, pieces that touch (the offset between them is the
    first's end), and pieces out of order (a caption printed before the headline)."""
    rng = random.Random(seed)
    pieces, position = [], rng.randrange(0, 20)
    for _ in range(rng.randrange(1, 12)):
        length = rng.randrange(1, 30)
        pieces.append(Span("x" * length, position, position + length))
        position += length + rng.choice((0, 0, 1, 2, 15))
    if seed % 3 == 0:
        rng.shuffle(pieces)
    text = _text(pieces)
    for offset in range(0, position + 5):
        assert text.to_parse(offset) == _scan(text, offset), (offset, pieces)


def test_to_parse_of_touching_pieces_takes_the_first():
    text = _text([Span("Headline", 10, 18), Span("Body.", 18, 23)])
    assert text.to_parse(18) == 8  # the headline's end, not the body's start
    assert text.to_parse(19) == 8 + len(SEPARATOR) + 1
    assert text.to_parse(5) == 0 and text.to_parse(40) == 0
