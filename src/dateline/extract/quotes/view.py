"""The article as the quote finder reads it: paragraphs, quotation marks, tokens, mentions.

``ArticleView`` answers the questions every stage asks of the text (which paragraph holds this
character, is it inside quotation marks, which actor is mentioned here, what is the noun phrase
of this word); ``Stage`` is the base of the stages, which read the article through it."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...model import Actor, Span
from ...nlp.text import ArticleText
from ..lexicon import HONORIFIC_SEX, first_name_sex, title_nouns
from ..mentions import MentionIndex
from .marks import Marked, find_marks
from .words import EDITORIAL_LABELS, title_case

_TRIM = " \n\t,;:"

# A transcript's speaker label: "PENCE:", "CHRIS WALLACE:".
_TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2}):\s")

# Capitalised labels of editors' notes, which look like a transcript's speaker labels.


# Pronouns and honorifics that say a person's gender (0: he, 1: she).
_GENDERED = {"he": 0, "him": 0, "his": 0, "himself": 0, "she": 1, "her": 1, "hers": 1, "herself": 1}
_HONORIFIC_GENDER = {word: int(sex == "f") for word, sex in HONORIFIC_SEX.items()}
# Person nouns of one gender (others, "the officer", "the neighbour", may be either).
NOUN_GENDER = {
    **dict.fromkeys(("mother", "mom", "mum", "wife", "daughter", "sister", "woman", "girl", "grandmother", "aunt",
                     "girlfriend", "widow", "niece", "actress", "queen"), "f"),
    **dict.fromkeys(("father", "dad", "husband", "son", "brother", "man", "boy", "grandfather", "uncle",
                     "boyfriend", "widower", "nephew", "actor", "king"), "m"),
}  # fmt: skip


class ArticleView:
    """The article's text, parse, paragraphs, quotation marks and actor mentions."""

    def __init__(self, doc: Doc, text: ArticleText, actors: list[Actor]) -> None:
        self.doc, self.text, self.actors = doc, text, actors
        # Headlines carry attributions too ("Sanders: ‘It Is Not A Radical Idea’"); the
        # headline is block -1, read before the body.
        self.headline = (text.starts[0], text.starts[0] + len(text.pieces[0].text)) if text.has_headline else None
        self.blocks = [
            (text.starts[i], text.starts[i] + len(text.pieces[i].text))
            for i in range(text.first_block, len(text.pieces))
        ]
        self.marked = find_marks(text.text, self.headline, self.blocks)
        self._mark_starts = [mark.start for mark in self.marked]
        self.mentions = MentionIndex(actors)
        self._entities: dict[int, SpacySpan] | None = None
        self._genders: dict[int, str] | None = None

    def inside_marks(self, start: int, end: int) -> Marked | None:
        """The quotation marks around [start, end), if any (marks are in reading order and do not
        overlap: only the last one opening at or before ``start`` can hold it)."""
        i = bisect_right(self._mark_starts, start) - 1
        if i >= 0 and end <= self.marked[i].end:
            return self.marked[i]
        return None

    def names_a_work(self, start: int, end: int) -> bool:
        """Quoted words [start, end) in title case right after a noun for a work with a title
        (`the 1978 paper “Why Astrology Is a Pseudoscience,”`): the title, nobody's words."""
        before = self.text.text[max(0, start - 30) : start].split()
        return bool(before) and before[-1].lower().rstrip(",:") in title_nouns() and title_case(
            self.text.text[start:end], 8
        )

    def next_mark_start(self, char: int) -> int | None:
        """Where the first quotation mark opening at or after ``char`` opens, if any."""
        i = bisect_left(self._mark_starts, char)
        return self._mark_starts[i] if i < len(self._mark_starts) else None

    def block_of(self, char: int) -> int | None:  # -1: the headline
        if self.headline is not None and self.headline[0] <= char < self.headline[1]:
            return -1
        for block, (start, end) in enumerate(self.blocks):
            if start <= char < end:
                return block
        return None

    def all_quoted(self, tokens: list[Token]) -> bool:
        words = [t for t in tokens if not (t.is_punct or t.is_space)]
        return bool(words) and all(self.inside_marks(t.idx, t.idx + len(t.text)) for t in words)

    def turn_label(self, block: int, inside_mark: bool) -> tuple[int, SpacySpan] | None:
        """A transcript's speaker label at the head of a paragraph, or just inside the mark
        opening a quoted one (`"PENCE: Well, …`): where the turn's words start, and the label."""
        match = _TRANSCRIPT_LABEL.match(self.text.text, self.blocks[block][0] + inside_mark)
        if match is None or match.group(1).rstrip(".") in EDITORIAL_LABELS:
            return None
        label = self.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        return (match.end(), label) if label is not None and len(label) else None

    def holds_quote(self, sent: SpacySpan) -> bool:
        return any(m.start >= sent.start_char and m.end <= sent.end_char for m in self.marked)

    def char_bounds(self, tokens: list[Token]) -> tuple[int | None, int | None]:
        tokens = [t for t in tokens if not t.is_space]
        if not tokens:
            return None, None
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t.text) for t in tokens)
        text = self.text.text
        while end > start and text[end - 1] in _TRIM:
            end -= 1
        while start < end and text[start] in _TRIM:
            start += 1
        # A bracket the content opens and the parse cut is closed: "unusually high (for a dive bar), …"
        if text.count("(", start, end) > text.count(")", start, end):
            close = text.find(")", end, min(len(text), end + 80))
            if close != -1 and "\n" not in text[end:close]:
                end = close + 1
        # Content that stops just inside a closing mark takes the mark (and the full stop
        # before it): `… must include “robust security guarantees.”`
        for mark in self.marked:
            if mark.start < end < mark.end and mark.end - end <= 3:
                end = mark.end
            # ... and content that starts just after an opening mark closed inside it takes that
            # mark: `offering “a deep and sincere apology” to …` (the parse hangs “ on the verb);
            # not after a comma or colon, where the mark opens a quotation of its own (`saying, “…”`).
            if mark.start == start - 1 and mark.end <= end and text[: mark.start].rstrip()[-1:] not in (",", ":"):
                start = mark.start
        return (start, end) if end > start else (None, None)

    def sentence_end(self, char: int) -> int:
        token = self.token_at(char)
        return token.sent.end_char if token is not None else char

    def opens_inside_a_sentence(self, mark: Marked) -> bool:
        """The quote's sentence has words of the writer's before its opening mark."""
        first = self.token_at(mark.start)
        return first is not None and any(
            t.is_alpha and not self.inside_marks(t.idx, t.idx + 1) for t in first.sent if t.idx < mark.start
        )

    def entity_of(self, token: Token) -> SpacySpan | None:
        if self._entities is None:  # (doc.ents builds every span anew on each call: read it once)
            self._entities = {i: ent for ent in self.doc.ents for i in range(ent.start, ent.end)}
        return self._entities.get(token.i)

    def phrase(self, head: Token) -> SpacySpan:
        """The noun phrase of a speaker: determiners and modifiers, names, coordination."""
        start = head.left_edge.i
        end = head.i + 1
        for child in head.children:
            if child.dep_ in ("compound", "flat") and child.i >= end:
                end = child.i + 1
            if child.dep_ == "appos" and child.ent_type_ == "PERSON" and child.left_edge.i == end:
                end = child.i + 1  # "the economist Jared Bernstein"
            if child.dep_ == "conj":
                end = max(end, max(t.i for t in child.subtree) + 1)
        ent = self.entity_of(head) if head.ent_iob_ != "O" else None
        if ent is not None:
            start, end = min(start, ent.start), max(end, ent.end)
        while start < end and self.doc[start].is_punct:
            start += 1
        return self.doc[start:end]

    def actor_at(self, token: Token) -> int | None:
        start = self.text.to_document(token.idx)
        return self.mentions.actor_at(start, start + len(token.text))

    def gender_of(self, actor: int) -> str | None:
        """ "m" or "f" when the article says so of a person: an honorific ("Mr Sunak", "Ms
        Nandy"), or he/him/his (she/her) after their name in a sentence naming no other
        person, outside quotation marks, weighed with a first name almost always given to one
        sex (extract/data/first_names.tsv); None when nothing tells, or the signs tie."""
        if self._genders is None:
            self._genders = self._read_genders()
        return self._genders.get(actor)

    def _read_genders(self) -> dict[int, str]:
        counts: dict[int, list[int]] = {}
        for i, actor in enumerate(self.actors):
            if actor.kind == "person":
                for mention in actor.mentions:
                    word = mention.text.split()[0].rstrip(".").lower() if mention.text else ""
                    if word in _HONORIFIC_GENDER:
                        counts.setdefault(i, [0, 0])[_HONORIFIC_GENDER[word]] += 2
        for sent in self.doc.sents:
            named = {}
            for token in sent:
                actor = self.actor_at(token)
                if actor is not None and self.actors[actor].kind == "person":
                    named.setdefault(actor, token.i)
                    for noun in self._described_as(token, actor):  # "her husband, Andrew Gregory", "his wife Jane"
                        side = NOUN_GENDER.get(noun.lemma_.lower())
                        if side is not None:
                            counts.setdefault(actor, [0, 0])[side == "f"] += 2
            if len(named) != 1:
                continue
            (actor, first), = named.items()
            for token in sent:
                side = _GENDERED.get(token.lower_)
                if side is not None and token.i > first and not self.inside_marks(token.idx, token.idx + 1):
                    counts.setdefault(actor, [0, 0])[side] += 1
        # the first word of a full name ("Ivanka Trump") almost always given to one sex counts as
        # much as an honorific (a surname alone, "Sanders", is no first name)
        for i, actor in enumerate(self.actors):
            sex = first_name_sex(actor.name) if actor.kind == "person" else None
            if sex is not None:
                counts.setdefault(i, [0, 0])[sex == "f"] += 2
        return {a: "m" if m > f else "f" for a, (m, f) in counts.items() if m != f}

    def _described_as(self, token: Token, actor: int) -> list[Token]:
        """The common nouns a person's full name, written out, stands in apposition to or is headed
        by ("her husband, Andrew Gregory", "his wife Jane"; not "Sanders' son", nor "Dorothy Woods,
        whose husband, …"). A surname alone is left out: spouses share it."""
        name = self.entity_of(token)
        if name is None or token.i != name.root.i or name.root.dep_ == "poss" or name.text != self.actors[actor].name:
            return []
        nouns = [c for c in token.children if c.dep_ in ("appos", "compound")
                 and not any(g.lower_ == "whose" for g in c.children)]  # fmt: skip
        if token.dep_ == "appos":
            nouns.append(token.head)
        return [noun for noun in nouns if noun.tag_ == "NN"]  # one person: not "his sons"

    def token_at(self, char: int) -> Token | None:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def span(self, start: int, end: int) -> Span:
        """Parse-text offsets [start, end) within one piece, as a span of the document."""
        at = self.text.to_document(start)
        return Span(self.text.text[start:end], at, at + (end - start))


class Stage:
    """One stage of the finder, reading the article through its view."""

    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self.doc, self.text, self.actors = view.doc, view.text, view.actors
        self.blocks, self.headline = view.blocks, view.headline
