"""Tone with VADER (its lexicon ships inside the vaderSentiment package)."""

from __future__ import annotations

from functools import cache, lru_cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


class _Analyzer(SentimentIntensityAnalyzer):
    """VADER with the same scores, less work: two of its checks lower-case every word of the
    text for each word they look at (a paragraph of n words costs n * n), yet read only the
    three words before it and the two after. They are given just those words."""

    @staticmethod
    def _negation_check(valence, words_and_emoticons, start_i, i):
        low = max(i - 3, 0)
        return SentimentIntensityAnalyzer._negation_check(valence, words_and_emoticons[low:i], start_i, i - low)

    @staticmethod
    def _special_idioms_check(valence, words_and_emoticons, i):
        if i < 3:  # never so called; VADER would read words from the end
            return SentimentIntensityAnalyzer._special_idioms_check(valence, words_and_emoticons, i)
        return SentimentIntensityAnalyzer._special_idioms_check(valence, words_and_emoticons[i - 3 : i + 3], 3)


@cache
def _analyzer() -> SentimentIntensityAnalyzer:
    return _Analyzer()


@lru_cache(maxsize=4096)  # an article's events share their sentences
def tone(text: str) -> float:
    """VADER compound score of ``text``: -1 (most negative) to +1 (most positive)."""
    return round(_analyzer().polarity_scores(text)["compound"], 4)


def article_tone(block_tones: list[float]) -> float | None:
    """An article's tone: the mean of its paragraphs' tones."""
    return round(sum(block_tones) / len(block_tones), 4) if block_tones else None
