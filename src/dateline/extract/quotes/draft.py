"""The quotes being built: each candidate, once attributed, becomes a ``Quote`` here.

``Draft.emit`` turns parse offsets into document spans, names the medium ("told CNN"), and keeps
the state later quotes read: the last speaker, the person in focus, a pending attribution
("X told The Economist." waiting for its quote). ``outermost`` drops speech reported inside
another's quoted words."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...model import Quote, Span
from ..lexicon import reporting_verbs
from .view import ArticleView, Stage
from .words import speech_particle

if TYPE_CHECKING:
    from .speakers import Speaker

_MEDIA_NOUNS = {"interview", "statement", "post", "tweet", "video", "message", "letter", "op-ed", "column",
                "press conference", "speech", "broadcast", "podcast", "briefing"}  # fmt: skip

# A quoted stretch covering at least this share of reported content makes it "mixed";
# less is a "partial" quote inside indirect speech.
MIXED_SHARE = 0.5


@dataclass
class State:
    focus_person: int | None = None  # actor index of the last person speaker or subject
    focus_body: int | None = None  # ... of the organisation "it" stands for, while no other thing is the subject
    last_speaker: Speaker | None = None
    last_block: int = -1
    pending: tuple[Speaker, int] | None = None  # "X told The Economist." waiting for its quote
    last_medium: dict[int, tuple[str, int]] = field(default_factory=dict)  # actor -> (medium, block)


def _within_words(content: Span, stretches: list[Span]) -> bool:
    """Whether ``content`` lies within one of these quoted stretches."""
    return any(s.start <= content.start and content.end <= s.end for s in stretches)


def outermost(quotes: list[Quote]) -> list[Quote]:
    """Quotes in reading order, less those reported inside another quote's words: in
    "Pence said Clinton thinks this is a game show" Clinton's thought is Pence's claim,
    part of his quote, not a quote of Clinton's. Only the quoted stretches of a split quote
    count: what its attribution between them reports ("“…,” X said, praising Y. “…”") stays."""
    kept: list[Quote] = []
    stretches: list[Span] = []  # of the quotes kept so far
    for quote in sorted(quotes, key=lambda q: (q.content.start, -q.content.end)):
        if _within_words(quote.content, stretches):
            continue  # within an earlier quote's words (same start: the longer came first)
        kept.append(quote)
        stretches.extend(quote.stretches())
    return kept


class Draft(Stage):
    """The quotes found so far, in the order found, and what later quotes read of them."""

    def __init__(self, view: ArticleView) -> None:
        super().__init__(view)
        self.state = State()
        self.quotes: list[Quote] = []
        # The last direct quote (its index in self.quotes), where it ends in the parse
        # text, and its speech verb.
        self.last_direct: tuple[int, int, Token | None] | None = None
        # Speech verbs of the next sentence taken as a quote's attribution (`“…?” X said of Y, …`):
        # that sentence's own reading of them would report the topic ("Y") a second time.
        self.cues_from_next: set[int] = set()

    def kind_of_reported(self, start: int, end: int) -> str:
        """Reported speech with quoted words inside is "mixed" or "partial"; those quoted
        stretches are then used up (not attributed again as direct quotes)."""
        inner = [m for m in self.view.marked if start <= m.start and m.end <= end + 1]
        if not inner:
            return "indirect"
        for mark in inner:
            mark.used = True
        if len(inner) == 1 and inner[0].start == start and inner[0].end >= end:
            return "direct"  # "As X put it, “…”": all of it in quotation marks
        quoted = sum(m.end - m.start for m in inner)
        return "mixed" if quoted >= MIXED_SHARE * (end - start) else "partial"

    def add_part(self, index: int, start: int, end: int, flags: list[str], verb: Token | None = None) -> None:
        """Quoted words [start, end) go on the quote at ``index`` as a further part (``verb``: its
        speech verb, when no direct quote came before it)."""
        previous = self.quotes[index]
        previous.parts = [*previous.stretches(), self.view.span(start, end)]
        # from its first part to this one, as the document has it (over paragraphs, whatever stands between)
        first, last = previous.content.start, self.text.to_document(end - 1) + 1
        previous.content = Span(self.text.document[first:last], first, last)
        previous.flags.extend(f for f in flags if f not in previous.flags)
        if verb is None and self.last_direct is not None:
            verb = self.last_direct[2]  # the split quote's verb, from its first (direct) part
        self.last_direct = (index, end, verb)

    def _medium(self, verb: Token | SpacySpan | None) -> str | None:
        if not isinstance(verb, Token):
            return None
        for child in verb.children:
            if child.dep_ in ("dative", "dobj") and verb.lemma_.lower() == "tell":
                return self.view.phrase(child).text
            if child.dep_ == "prep" and child.lower_ in ("on", "to", "in"):
                for obj in (c for c in child.children if c.dep_ == "pobj"):
                    if child.lower_ in ("on", "to"):
                        return self.view.phrase(obj).text
                    if obj.lemma_.lower() in _MEDIA_NOUNS or obj.lower_ in _MEDIA_NOUNS:
                        inner = [p for p in obj.children if p.dep_ == "prep" and p.lower_ in ("with", "on", "to")]
                        for prep in inner:
                            for target in (c for c in prep.children if c.dep_ == "pobj"):
                                return self.view.phrase(target).text
                        return self.view.phrase(obj).text
        return None

    def emit(
        self, start: int, end: int, kind: str, block: int, cue: Token | SpacySpan | None, speaker: Speaker,
        cue_text: str | None, flags: list[str] | None = None, remember: bool = True,
        parts: list[tuple[int, int]] | None = None,
    ) -> None:  # fmt: skip
        """A quote of [start, end) (parse offsets); ``parts``, when the words stand on both sides of
        something that is not theirs ("With Y2K over, according to X, it might be time …")."""
        if not any(c.isalnum() for c in self.text.text[start:end]):
            return  # "…, according to Rush Limbaugh." leaves only the full stop
        content = self.view.span(start, end)
        cue_span = None
        lemma = cue_text
        if cue is not None:
            cue_start = cue.idx if isinstance(cue, Token) else cue.start_char
            cue_span = self.view.span(cue_start, cue_start + len(cue.text))
            lemma = cue.lemma_.lower() if isinstance(cue, Token) else cue_text
            particle = speech_particle(cue) if isinstance(cue, Token) and lemma not in reporting_verbs() else None
            if particle is not None:
                lemma = f"{lemma} {particle}"  # "shoot back"
        speaker_span, refers_span = (
            None if s is None else self.view.span(s.start_char, s.start_char + len(s.text))
            for s in (speaker.span, speaker.refers)
        )
        medium = self._medium(cue)
        medium = medium.rstrip(".,;: ") if medium else None
        if speaker.actor is not None and remember:
            if medium:
                self.state.last_medium[speaker.actor] = (medium, block)
            elif kind == "direct" and speaker.actor in self.state.last_medium:
                earlier, earlier_block = self.state.last_medium[speaker.actor]
                medium = earlier if block - earlier_block <= 1 else None  # the same interview goes on
            if self.actors[speaker.actor].kind == "person":
                self.state.focus_person = speaker.actor
            elif self.actors[speaker.actor].kind == "organisation":
                self.state.focus_body = speaker.actor
        self.quotes.append(
            Quote(
                content=content,
                kind=kind,
                block=block,
                cue=cue_span,
                cue_lemma=lemma,
                speaker=speaker_span,
                speaker_actor=speaker.actor,
                speaker_refers=refers_span,
                unnamed=speaker.unnamed if speaker.actor is None else None,
                medium=medium,
                flags=flags or [],
                parts=[self.view.span(a, b) for a, b in parts] if parts else [],
            )
        )
        # speech reported inside another's words ("Greene added that the Fed wants …") is
        # dropped below (outermost): its speaker is no one's to continue
        inside = _within_words(content, [s for q in self.quotes[:-1] for s in q.stretches()])
        if remember and not inside and (speaker.actor is not None or speaker.unnamed not in (None, "other")):
            self.state.last_speaker = speaker
            self.state.last_block = block
