"""Which quotes a user is shown by default, and why the others are not.

Every attribution the finder proposes stays on the record (PolNeAR, like most attribution
corpora, annotates them all), but only words someone said are *listed* (``dateline quotes``
shows them; ``--all`` shows the rest with the reason). The reasons are general properties of
the attribution, not lists of sentences:

- ``negated``: the speech is denied: "did not say why", "no group claimed responsibility";
- ``an act``: what the verb reports is a deed, not words: "decided to delay the vote",
  "declined to comment", "agreed to pay", "claimed responsibility for the attack".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...model import Quote
from ...nlp.text import ArticleText
from .words import frame

# Negative determiners and pronouns of a subject: "no group", "neither man", "nobody".
_NO_ONE = {"no", "neither", "nobody", "none", "noone"}
# Objects of "claim" and "take" that are deeds owned, not words: "claimed responsibility".
_DEEDS = {"responsibility", "credit"}


def assess_quotes(quotes: list[Quote], doc: Doc, text: ArticleText) -> list[Quote]:
    """Set ``listed`` and ``unlisted_because`` on each quote (in place); returns the quotes."""
    for quote in quotes:
        reason = _reason(quote, doc, text)
        quote.listed, quote.unlisted_because = reason is None, reason
    return quotes


def _reason(quote: Quote, doc: Doc, text: ArticleText) -> str | None:
    cue = _cue_verb(quote, doc, text)
    if cue is None:
        return None
    if _negated(cue):
        return "negated"
    if _act(cue):
        return "an act"
    return None


def _cue_verb(quote: Quote, doc: Doc, text: ArticleText) -> Token | None:
    if quote.cue is None:
        return None
    span = doc.char_span(text.to_parse(quote.cue.start), text.to_parse(quote.cue.end), alignment_mode="expand")
    if span is None or not len(span):
        return None
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX")]
    return verbs[0] if verbs else None


def _negated(verb: Token) -> bool:
    """ "did not say", "never said", "No group claimed …", "Neither man commented"."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(
        s.lower_ in _NO_ONE or any(d.dep_ == "det" and d.lower_ in _NO_ONE for d in s.children) for s in subjects
    )


def _act(verb: Token) -> bool:
    """A deed decided or owned: an act verb with a "to"-infinitive, or "claimed responsibility"."""
    lemma = verb.lemma_.lower()
    if lemma in frame("act") and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children
    ):
        return True
    return lemma in ("claim", "take") and any(c.dep_ == "dobj" and c.lemma_.lower() in _DEEDS for c in verb.children)
