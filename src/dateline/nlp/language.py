"""The language an article is written in.

dateline's parse, lexicons and codebooks are English: quotes and events found in an article in
another language are noise (an English tagger reading Portuguese finds "speakers" such as "muito
ao Carlos"). They are still stored, but not listed, when the article is surely in another
language. The identifier is py3langid's (its model ships in its wheel).
"""

from __future__ import annotations

from functools import cache

# Below this many characters a text is too short to tell, and is taken for English.
MIN_CHARS = 200
# How sure the identifier must be that the text is in another language.
SURE = 0.9
# Characters read: enough to tell, and the cost stays flat on long articles.
READ_CHARS = 3000


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def other_language(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` is surely written in, when that is not
    English; None for English and for texts too short to tell."""
    sample = text[:READ_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_CHARS:
        return None
    language, probability = _identifier().classify(sample)
    return language if language != "en" and probability >= SURE else None
