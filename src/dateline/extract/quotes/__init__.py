"""Quotations: who said what, direct and indirect, with the speaker resolved to an actor.

The finder reads an article sentence by sentence, headline first, in stages:

- ``marks``: quotation marks paired in each paragraph (candidate direct quotes);
- ``reported``: reported speech in the sentence, a reporting verb and what it reports
  (candidate indirect quotes), ``content`` finding what the verb reports;
- ``direct``: the quotation marks opening in the sentence, each attributed to a speech verb
  beside it or carried over from the speaker before;
- ``speakers``: the speaker of each verb or quote, resolved to an actor (``roles``: who speaks when
  the subject does not: the sender of a text, the one blamed or heard speaking, a name by a colon);
- ``parts``: quoted words that go on an earlier quote (a quote split around its attribution,
  running over paragraphs, or widening reported speech);
- ``draft``: the quotes as built, and the state later sentences read (last speaker, person
  in focus, a pending attribution);
- ``checks``: which quotes are listed by default (words someone said: see its docstring);
- ``judge``: a learned second opinion on the listed ones (trained on PolNeAR).

``view`` holds what every stage reads of the article; ``words`` the words they share.
Vocabularies and verb frames are data files (``extract/data``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ...model import Actor, Quote
from ...nlp.text import ArticleText
from ..tone import tone
from . import judge
from .checks import assess_quotes
from .content import Content
from .direct import DirectQuotes
from .draft import Draft, outermost
from .parts import Parts
from .reported import ReportedSpeech
from .speakers import Speakers
from .view import ArticleView

__all__ = ["extract_quotes"]


def extract_quotes(doc: Doc, text: ArticleText, actors: list[Actor]) -> list[Quote]:
    """The quotes of one parsed article, in reading order, with their tone."""
    view = ArticleView(doc, text, actors)
    draft = Draft(view)
    speakers = Speakers(view, draft)
    reported = ReportedSpeech(view, draft, speakers, Content(view, speakers))
    direct = DirectQuotes(view, draft, speakers, Parts(view, draft))
    for sent in doc.sents:
        block = view.block_of(sent.start_char)
        if block is None:
            continue
        found = len(draft.quotes)
        reported.find(sent, block)
        direct.find(sent, block)
        if block < 0 and len(draft.quotes) == found and sent.start_char == view.headline[0]:
            reported.headline_verb(sent)
        reported.lead_in(sent, block)
        speakers.update_focus(sent)
    quotes = _once(outermost(draft.quotes))
    for quote in quotes:
        quote.tone = tone(" ".join(part.text for part in quote.stretches()))
    return judge.judge_quotes(assess_quotes(quotes, doc, text), actors, doc, text)


def _once(quotes: list[Quote]) -> list[Quote]:
    """A headline's quote once: the same words from the same speaker in the body are the headline
    printed again (as a subhead or a first line), not a second quote. (Quotes repeated within
    the body stay: PolNeAR counts each.)"""
    headline = {_said(q) for q in quotes if q.block < 0}
    return [q for q in quotes if q.block < 0 or _said(q) not in headline]


def _said(quote: Quote) -> tuple[str, int | str | None]:
    words = " ".join(_WORD.findall(quote.content.text.casefold()))
    return words, quote.speaker_actor if quote.speaker_actor is not None else (quote.speaker and quote.speaker.text)


_WORD = re.compile(r"\w+")
