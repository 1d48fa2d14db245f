"""Tone with VADER (its lexicon ships inside the vaderSentiment package)."""

from __future__ import annotations

from functools import cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


@cache
def _analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def tone(text: str) -> float:
    """VADER compound score of ``text``: -1 (most negative) to +1 (most positive)."""
    return round(_analyzer().polarity_scores(text)["compound"], 4)


def article_tone(block_tones: list[float]) -> float | None:
    """An article's tone: the mean of its paragraphs' tones."""
    return round(sum(block_tones) / len(block_tones), 4) if block_tones else None
