"""Nothing vanishes silently: the prose of a text dump that no article took is counted."""

from __future__ import annotations

from dateline.clean import clean_document
from dateline.errors import ErrorCode
from dateline.model import Article, Document, RawDocument
from dateline.record import document_warning
from tests.ingest.builders import STORY

TEASERS = [
    "Readers of this site also liked a long piece about river ferries and the people who have run them for decades.",
    "Another story told how the old harbour bridge was rebuilt in a single summer by a small crew of local builders.",
]


def dump(text: str) -> Document:
    return clean_document(Document(raw=RawDocument("dump.txt", text.encode(), "h"), text=text))


def test_prose_outside_every_article_is_counted():
    text = "\n\n".join(["Ferry route approved", *STORY, *STORY, "© 2025 Example Media. All rights reserved.", *TEASERS])
    doc = dump(text)
    assert len(doc.articles) == 1
    teaser_words = sum(len(t.split()) for t in TEASERS)
    assert doc.discarded_words == teaser_words
    assert doc.prose_words == teaser_words + 2 * sum(len(s.split()) for s in STORY)
    assert document_warning(doc) is None  # a little furniture prose is no cause for alarm


def test_a_dump_whose_prose_mostly_went_nowhere_is_flagged():
    raw = RawDocument("merged.txt", b"x", "h")
    doc = Document(raw=raw, text="x", articles=[Article(0, 0, 1)], prose_words=1200, discarded_words=700)
    warning = document_warning(doc)
    assert warning.code is ErrorCode.E015_MOSTLY_DISCARDED and "700 of 1,200" in str(warning)
    doc.discarded_words = 500
    assert document_warning(doc) is None
    doc.articles = []
    assert document_warning(doc).code is ErrorCode.E012_NO_ARTICLE
