"""Tokens found over arrays of the parse (nlp/tokens.py) against a scan token by token."""

from __future__ import annotations

from dateline.nlp.pipeline import load_nlp
from dateline.nlp.tokens import indices_of, indices_with_dep, indices_with_lemma

TEXT = (
    "The mayor Said on Monday that the harbour would close. Fishermen say the levy is unfair, according to"
    " the Harbour Herald, and the council is aware of it. SAYING so, she left."
)


def test_lemmas_lowered_words_and_labels_are_found_as_a_scan_finds_them():
    doc = load_nlp()(TEXT)
    lemmas = frozenset({"say", "close", "levy"})
    assert indices_with_lemma(doc, lemmas) == [t.i for t in doc if t.lemma_.lower() in lemmas]
    assert indices_with_lemma(doc, lemmas)  # (the text holds some)
    assert indices_of(doc, frozenset({"according", "the"}), lower=True) == [
        t.i for t in doc if t.lower_ in ("according", "the")
    ]
    for label in ("acomp", "nsubj", "no-such-label"):
        assert indices_with_dep(doc, label) == [t.i for t in doc if t.dep_ == label]


def test_nothing_is_found_in_an_empty_parse_or_for_no_words():
    nlp = load_nlp()
    assert indices_with_lemma(nlp(""), frozenset({"say"})) == []
    assert indices_with_lemma(nlp("They said so."), frozenset()) == []
    assert indices_with_dep(nlp(""), "nsubj") == []
