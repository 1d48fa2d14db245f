"""Events: who did what to whom, coded in CAMEO from the dependency parse.

For each predicate whose lemma is in the event lexicon (cameo/data/verbs.tsv), the most
specific entry whose conditions hold gives the code; the source is the subject (the
agent of a passive), the target the slot the entry names (object, "with", "against"…),
both expanded over coordination ("with Putin and Zelensky" -> two events) and resolved
to the article's actors, or to an agent noun with a country ("Iraqi troops" ->
IRQMIL). Events inside reported speech keep their own subject, not the speaker; the
speech act itself is a statement (010) by the speaker about the first actor it names.

Not events: negated predicates ("No peace talks have been held"), conditionals ("If
Ukraine is not in NATO"), hypotheticals (would/could/might), questions. Future and
planned acts become intents where CAMEO has them ("will meet" -> 036).

The coder is split by the question each part answers: ``coder`` (which predicates are events,
with what code, mood and date), ``arguments`` (which words are the source and the target),
``sides`` (whom or where those words name, with a CAMEO actor code) and ``words`` (the verb
classes and code maps they share). ``extract/event_checks.py`` then decides which events are
listed.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ...model import Actor, Event, Place, Quote
from ...nlp.text import ArticleText
from .coder import Coder

__all__ = ["extract_events"]


def extract_events(
    doc: Doc, text: ArticleText, actors: list[Actor], quotes: list[Quote], places: list[Place],
    article_date: str | None, article_country: str | None,
) -> list[Event]:  # fmt: skip
    coder = Coder(doc, text, actors, places, article_date, article_country, quotes)
    for sent in doc.sents:
        coder.code_sentence(sent)
    coder.statements(quotes)
    return coder.merged()
