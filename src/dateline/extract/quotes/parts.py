"""Merging: quoted words that go on an earlier quote as a further part.

A quote split around its attribution (`“…,” he said, “…”`, `“…,” he said. “…”`), a quote running
over paragraphs, quoted words that widen or continue the same speaker's reported speech: one
attribution, one quote."""

from __future__ import annotations

from spacy.tokens import Token

from ...model import Quote
from .draft import Draft
from .marks import Marked
from .speakers import Speaker
from .view import ArticleView, Stage
from .words import ATTRIBUTION_REACH


def _same_speaker(speaker: Speaker | None, quote: Quote) -> bool:
    """The speaker found for new words is the quote's: the same actor, or the same phrase."""
    return speaker is not None and (
        (speaker.actor is not None and speaker.actor == quote.speaker_actor)
        or (speaker.span is not None and quote.speaker is not None and speaker.span.text == quote.speaker.text)
    )


def _within_reach(gap: str) -> bool:
    """No more words than an attribution takes, and no line break, between two quotes."""
    return len(gap.split()) <= ATTRIBUTION_REACH and "\n" not in gap


class Parts(Stage):
    """Quoted words joined to an earlier quote as a further part."""

    def __init__(self, view: ArticleView, draft: Draft) -> None:
        super().__init__(view)
        self.draft = draft

    def widens_reported(self, start: int, end: int, verb: Token | None, flags: list[str]) -> bool:
        """`He said Obama “knows full well … . Still, he goes after …”`, `said “we’re extremely
        happy” about the decision`: quoted words that overlap or directly follow the reported
        speech of the same verb, running past its clause as the parse has it, are part of that
        one quote, not a second quote of the same words. Quoted words with no attribution of
        their own that open inside or right after reported speech (`characterized Kaine as, “a
        little desperate there, …”`) are its rest whatever its verb."""
        cue_at = self.text.to_document(verb.idx) if verb is not None else None
        for index in range(len(self.draft.quotes) - 1, -1, -1):
            quote = self.draft.quotes[index]
            if quote.kind == "direct" or quote.parts or quote.cue is None:
                continue
            if start <= self.text.to_parse(quote.cue.start) < end:
                continue  # reported inside these words ("“he said this, he tweeted that”")
            first, last = self.text.to_parse(quote.content.start), self.text.to_parse(quote.content.end)
            touches = end > first and (start <= last or not self.text.text[last:start].strip(" ,"))
            if quote.cue.start == cue_at:
                if not touches and start > last and self._only_own_attribution(quote, last, start):
                    # `The plan means “we must be doing something right,” she says, “but …”`: the
                    # rest of a quote split around its attribution
                    self.draft.add_part(index, start, end, flags, verb)
                    return True
                if not touches:
                    return False  # apart from it
            elif verb is not None or not (touches and first <= start):
                continue
            first, last = min(first, start), max(last, end)
            quote.content = self.view.span(first, last)
            quote.kind = self.draft.kind_of_reported(first, last)
            return True
        return False

    def continues_reported(self, start: int, end: int, block: int, speaker: Speaker | None, flags: list[str]) -> bool:
        """`Clinton said the campaign was conflating donations with support.¶“I do not have …”`:
        quoted words with no attribution of their own, opening the sentence right after the
        same speaker's reported speech (or the next paragraph, when that speech ended its own),
        go on with it as a further part: one attribution, one quote. Its own attribution may
        stand between, as between a split direct quote's parts (`… a “change agent,” Cole said.
        “…”`)."""
        ends = [(self.text.to_parse(q.content.end), i) for i, q in enumerate(self.draft.quotes)]
        previous_end, index = max(((e, i) for e, i in ends if e <= start), default=(None, None))
        if index is None:
            return False
        previous = self.draft.quotes[index]  # the quote ending nearest before these words
        if previous.kind == "direct" or previous.speaker is None or not _same_speaker(speaker, previous):
            return False  # after a direct quote joins_previous has decided
        gap = self.text.text[previous_end:start]
        new_paragraph = previous.block == block - 1
        # between them only punctuation, or the quote's own attribution (`… a “change agent,” Cole said. “…”`)
        if any(c.isalnum() for c in gap) and not self._only_own_attribution(previous, previous_end, start):
            return False
        if not (previous.block == block or (new_paragraph and previous.block >= 0)):
            return False
        if new_paragraph != ("\n" in gap):
            return False
        self.draft.last_direct = (index, previous_end, None)
        self.draft.add_part(index, start, end, flags)
        previous.kind = "mixed" if previous.kind == "indirect" else previous.kind
        return True

    def _only_own_attribution(self, quote: Quote, start: int, end: int) -> bool:
        """Between ``start`` and ``end`` (parse offsets) stand only the quote's cue and speaker,
        within an attribution's reach, and punctuation."""
        if quote.cue is None or quote.speaker is None:
            return False
        parts = sorted((self.text.to_parse(s.start), self.text.to_parse(s.end)) for s in (quote.cue, quote.speaker))
        if parts[0][0] < start or parts[-1][1] > end or len(self.text.text[start:end].split()) > ATTRIBUTION_REACH:
            return False
        text = self.text.text
        between = text[start : parts[0][0]] + text[parts[0][1] : parts[1][0]] + text[parts[1][1] : end]
        return not any(c.isalnum() for c in between)

    def joins_previous(
        self, start: int, end: int, block: int, verb: Token | None, speaker: Speaker | None, continued: bool,
        flags: list[str],
    ) -> bool:  # fmt: skip
        """A quote split around its attribution is one quote: `“…,” he said, “…”` (the
        same speech verb on both sides) or `“…,” he said. “…”` (the second part has no
        attribution of its own and follows within the attribution's reach), also when the
        second part opens the next paragraph (`“…,” Collins told MSNBC.¶“…”`)."""
        gap = self._gap_after_last_direct(start, block, into_paragraph=continued)
        if gap is None:
            return False
        index, previous_end, previous_verb = self.draft.last_direct
        previous = self.draft.quotes[index]
        if previous.speaker is None:
            return False
        # another quote stands between; one inside the attribution or either part's words is part of it
        gap_start, gap_end = previous.content.start, self.text.to_document(end)
        if any(not (gap_start <= q.content.start and q.content.end <= gap_end) for q in self.draft.quotes[index + 1 :]):
            return False
        same_verb = verb is not None and previous_verb is not None and verb.i == previous_verb.i
        # An unnamed speaker ("one user wrote") is not carried over by name, so the words after
        # its attribution cannot be matched to it: they are its own when nothing intervenes.
        same_speaker = _same_speaker(speaker, previous) or previous.speaker_actor is None
        paragraph_end = previous_end + len(gap.rstrip())  # the attribution ends its paragraph
        follows = _within_reach(gap.rstrip()) or self._only_attribution(previous_end, paragraph_end, previous_verb)
        if not (same_verb or (continued and follows and same_speaker)):
            return False
        self.draft.add_part(index, start, end, flags)
        return True

    def runs_on(
        self, mark: Marked, start: int, end: int, verb: Token | None, speaker: Speaker | None, flags: list[str]
    ) -> bool:
        """A quote running over paragraphs, its opening mark repeated at each and closed only
        at the end, is one quote with a part per paragraph (unless the new paragraph names
        another speaker)."""
        if not mark.continued or self.draft.last_direct is None:
            return False
        index, previous_end, _ = self.draft.last_direct
        previous = self.draft.quotes[index]
        if previous.block != mark.block - 1 or previous_end < self.blocks[previous.block][1] - 1:
            return False  # the quote before did not run to the end of the paragraph before
        named = verb is not None and speaker is not None and speaker.span is not None
        if named and not _same_speaker(speaker, previous):
            return False
        self.draft.add_part(index, start, end, flags)
        return True

    def _only_attribution(self, previous_end: int, start: int, verb: Token | None) -> bool:
        """Between two quotes of one paragraph stands only the first one's attribution, however
        long: `“…,” said X, a Miami lawyer who has … . “…”`."""
        if verb is None or not previous_end <= verb.idx < start or "\n" in self.text.text[previous_end:start]:
            return False
        first = self.view.token_at(previous_end - 1)
        sentences = {verb.sent.start} | ({first.sent.start} if first is not None else set())
        gap = self.doc.char_span(previous_end, start, alignment_mode="expand")
        return gap is not None and all(t.sent.start in sentences for t in gap if not t.is_space and t.idx < start)

    def _gap_after_last_direct(self, start: int, block: int, into_paragraph: bool = False) -> str | None:
        """The text between the last direct quote and a quote opening at ``start`` in the
        same paragraph (or, ``into_paragraph``, opening this paragraph after a quote in the
        one before); None when there is no such quote."""
        if self.draft.last_direct is None:
            return None
        previous = self.draft.quotes[self.draft.last_direct[0]].block
        opens_paragraph = into_paragraph and block >= 1 and start == self.blocks[block][0]
        if previous != block and not (opens_paragraph and previous == block - 1):
            return None
        return self.text.text[self.draft.last_direct[1] : start]

    def short_sentence_after_quote(self, start: int, end: int, block: int) -> bool:
        """`“…,” she said. “It is unsafe.”`: a short whole sentence right after a quote's
        attribution goes on with the quote; it is no scare quote."""
        gap = self._gap_after_last_direct(start, block)
        words = self.text.text[start + 1 : end - 1].strip()
        return gap is not None and _within_reach(gap) and words[:1].isupper() and words[-1:] in (".", "!", "?")
