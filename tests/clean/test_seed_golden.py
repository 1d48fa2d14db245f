"""The first golden test: the seed dump that started the project (../shared/seeds)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from dateline import process_text


def _articles(seed_path, crawl_time=None):
    doc = process_text(seed_path.read_bytes(), source=str(seed_path), crawl_time=crawl_time)
    for article in doc.articles:
        for _, span in article.blocks:
            assert doc.text[span.start : span.end] == span.text
    return doc


@pytest.fixture
def seed_doc(seed_path):
    return _articles(seed_path, datetime(2025, 11, 15, 12, tzinfo=UTC))


def test_exactly_two_articles(seed_doc):
    assert len(seed_doc.articles) == 2


def test_article_one(seed_doc):
    a = seed_doc.articles[0]
    assert a.headline.text == "Trump makes first big foray into Ukraine diplomacy, speaking to Putin, Zelensky"
    assert a.updated.value == "2025-02-13"
    assert a.dateline_places == ["Washington", "Moscow", "Kyiv"]
    assert a.agency == "AFP"
    assert [s.text for s in a.summary] == [
        "Putin last spoke to a sitting US president in February 2022 when he had a call with Joe Biden "
        "shortly before ordering thousands of troops into Ukraine"
    ]
    assert len(a.captions) == 1
    assert a.captions[0].text.startswith("Donald Trump discussed war in Ukraine")
    assert a.captions[0].text.endswith("(File/AFP)")
    assert [s.text for s in a.subheads] == ["Zelensky offers minerals"]
    assert len(a.paragraphs) == 21
    assert a.paragraphs[0].text.startswith("Donald Trump discussed the war in Ukraine on Wednesday")
    assert a.paragraphs[-1].text.endswith("his “Plan B.”")
    body = a.body
    assert "Short Url" not in body
    assert a.headline.text not in body
    assert "(File/AFP)" not in body and "Donald Trump discussed war in Ukraine" not in body
    assert a.flags == []


def test_article_two_with_crawl_time(seed_doc):
    b = seed_doc.articles[1]
    assert b.headline.text == "They are not us: Bangladeshis rally against minority sect"
    assert b.updated.value == "2025-11-15T11:01:21Z"
    assert b.updated.raw == "58 min 39 sec ago"
    assert b.dateline_places == ["Dhaka"]
    assert b.agency == "AFP"
    assert len(b.paragraphs) == 17
    assert b.paragraphs[-1].text == "“We will not give in,” he said."
    assert len(b.flags) == 1
    flag = b.flags[0]
    assert flag.codepoint == "U+05B1"
    para = next(p for p in b.paragraphs if "India, Pakistan," in p.text)
    assert para.start <= flag.offset < para.end
    assert seed_doc.text[flag.offset] == "\u05b1"
    assert "and Egypt" in seed_doc.text[flag.offset : para.end]


def test_article_two_without_crawl_time_keeps_raw(seed_path):
    b = _articles(seed_path).articles[1]
    assert b.updated.value is None
    assert b.updated.raw == "58 min 39 sec ago"
    assert b.updated.relative


def test_dateline_removed_from_first_paragraph(seed_doc):
    a, b = seed_doc.articles
    assert not a.paragraphs[0].text.startswith("WASHINGTON")
    assert a.dateline.text == "WASHINGTON/MOSCOW/KYIV:"
    assert b.paragraphs[0].text.startswith("Tens of thousands of demonstrators")
