"""Tone: dateline's VADER gives plain VADER's scores, only faster."""

from __future__ import annotations

import json

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from dateline.extract.tone import _analyzer, article_tone, tone

# negations one to three words back, "never so", "without doubt", idioms before and after the
# word, "kind of", "at least", capitals, emoji, words at both ends of the text
WRITTEN = [
    "The minister was not happy with the deal.",
    "Officials said they were never so pleased, and without doubt it was a good day.",
    "The plan isn't really that good, critics say; it is kind of a disaster.",
    "Good.",
    "no good",
    "The talks, at least, were not bad, and the rebels were the bomb at the party.",
    "Protesters said the police were HORRIBLE to them 😠 but the mayor was cool with it.",
    "It was a hard time, yet supporters had a cut above the rest of them, they said!!",
    "Nobody disputes the result; none of the voters seemed upset or angry.",
    "For the governor the vote was the kiss of death, sadly, and a broken heart hurts.",
    "Markets were in the red badly while the team was on the ball happily.",
    "It was sort of a good day for them, kind of the best, and the show was the bomb really.",
]


@pytest.mark.parametrize("text", WRITTEN)
def test_same_scores_as_plain_vader(text):
    assert _analyzer().polarity_scores(text) == SentimentIntensityAnalyzer().polarity_scores(text)


def test_same_scores_on_shared_news_paragraphs(shared_dir):
    """Every paragraph of 40 hand-cleaned news2023 bodies (thousands of lexicon words)."""
    plain = SentimentIntensityAnalyzer()
    truth = json.loads((shared_dir / "eval" / "news2023" / "ground-truth.json").read_text(encoding="utf-8"))
    bodies = [page["articleBody"] for page in truth.values() if page.get("articleBody")][:40]
    paragraphs = [line for body in bodies for line in body.split("\n") if line.strip()]
    assert len(paragraphs) > 300
    assert [_analyzer().polarity_scores(p) for p in paragraphs] == [plain.polarity_scores(p) for p in paragraphs]


def test_article_tone_is_the_mean_of_its_paragraphs():
    assert article_tone([tone("A wonderful, happy day."), tone("A terrible, awful loss.")]) is not None
    assert article_tone([]) is None
