"""Find the tokens of a parse by their words, over the whole parse at once.

spaCy builds a new ``Token`` object each time one is read, so a scan of a long article token by
token for a handful of words ("the", a country's name) costs more than all the work on the few it
finds. The words' string ids are compared over one array of the parse instead.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from spacy.attrs import DEP, LEMMA, LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc


@cache
def _ids(words: frozenset[str]) -> np.ndarray:
    return np.fromiter((get_string_id(word) for word in words), dtype=np.uint64, count=len(words))


def indices_of(doc: Doc, words: frozenset[str], *, lower: bool = False) -> list[int]:
    """Indices, in order, of the tokens whose text (lower-cased, with ``lower``) is one of ``words``."""
    if not words or len(doc) == 0:
        return []
    column = doc.to_array(LOWER if lower else ORTH)
    return np.flatnonzero(np.isin(column, _ids(words))).tolist()


def indices_with_lemma(doc: Doc, lemmas: frozenset[str]) -> list[int]:
    """Indices, in order, of the tokens whose lemma, lower-cased, is one of ``lemmas``."""
    if not lemmas or len(doc) == 0:
        return []
    column = doc.to_array(LEMMA)
    strings = doc.vocab.strings
    wanted = [lemma for lemma in np.unique(column).tolist() if strings[lemma].lower() in lemmas]
    return np.flatnonzero(np.isin(column, wanted)).tolist() if wanted else []


def indices_with_dep(doc: Doc, label: str) -> list[int]:
    """Indices, in order, of the tokens attached to their head by ``label``."""
    if len(doc) == 0:
        return []
    return np.flatnonzero(doc.to_array(DEP) == get_string_id(label)).tolist()
