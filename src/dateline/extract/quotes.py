"""Quotations: who said what, direct and indirect, with the speaker resolved to an actor.

Per body paragraph, in reading order:
1. quotation marks are paired (curly, straight, guillemets, the ''…'' and ``…'' of archive
   text; a curly quote may close with a straight mark); a quote left open at the
   end of a paragraph continues when the next paragraph opens with a mark, and is
   otherwise cut at its sentence end and flagged;
2. reported speech: a reporting verb (data file) with a clausal complement ("The Kremlin
   said Putin and Trump had agreed to meet") gives an indirect quote, "mixed" or
   "partial" when quoted words stand inside it; "according to X" and "call for" too;
3. direct quotes are attributed to the reporting verb beside them (`“…,” X said`,
   `X said: “…”`, `“…” — X`), else continue the speaker of the quote or attribution just
   before them (a quote-only paragraph); a quote split around its attribution
   (`“…,” X said, “…”`, `“…,” X said. “…”`) is one quote in parts; a transcript
   paragraph (`PENCE: Well, …`) is its labelled speaker's; a short quoted title after
   "on", "of" or a possessive ("ABC’s “This Week”") is nobody's words;
4. speakers resolve to actors through their mentions; pronouns to the person last in
   focus (the last person speaker or subject); phrases naming nobody ("a source",
   "a banner") are kept, typed, with no actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise, takewhile

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..model import Actor, Quote, Span
from ..nlp.text import ArticleText
from ..resources import data_rows
from .lexicon import (
    circumstance_nouns,
    issued_texts,
    lexicon,
    phrasal_speech_verbs,
    reporting_verbs,
    stance_adjectives,
    topic_prepositions,
    verb_frames,
    word_nouns,
)
from .mentions import MentionIndex
from .tone import tone

_DATA = "dateline.extract.data"
_OPEN = {"“": "”", "«": "»", "„": "“"}
_QUOTE_CHARS = "\"'“”«»„‘’"
_CLOSE = {"”", "»"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them"}
_PERSON_PRONOUNS = {"he", "she", "him", "her", "i", "his", "my"}
# possessors as speakers ("his speech defending …", "their statement saying …"), resolved as pronouns
_POSSESSIVES = {"his", "my", "their", "its", "our"}
_RELATIVE = {"that", "which", "who", "whom"}
_MEDIA_NOUNS = {"interview", "statement", "post", "tweet", "video", "message", "letter", "op-ed", "column",
                "press conference", "speech", "broadcast", "podcast", "briefing"}  # fmt: skip
_TRIM = " \n\t,;:"
_DASHES = {"-", "–", "—"}
# How many words after a closing quotation mark its speech verb may stand: a name with a
# title and an apposition ("Rep. Jim Jordan, an oversight panel member, said").
ATTRIBUTION_REACH = 12
# Quoted words fewer than this, inside someone else's sentence, are not carried over to the last speaker.
_WORDS_WITHIN_A_SENTENCE = 25
# Nouns whose "that" clause is reported content: "Trump’s claim that …", "the report that …".
_SPEECH_NOUNS = {"claim", "statement", "assertion", "argument", "suggestion", "warning", "promise",
                 "announcement", "accusation", "allegation", "belief", "view", "insistence", "report",
                 "contention", "charge", "assurance", "prediction", "admission", "message", "pledge",
                 "vow", "threat", "complaint", "demand", "call", "proposal", "explanation", "remark",
                 "case", "stance", "criticism", "swipe", "jab", "appeal", "comment", "concern",
                 "reference", "doubt", "reservation", "question", "misgiving", "opinion", "illusion", "fear",
                 "objection", "qualm", "worry"}  # fmt: skip
# Subjects whose thoughts are no one's stance in particular ("you want", "it seems"). "I think" and
# "we know" outside quotation marks are the writer's (or, in a Q&A, the interviewee's) stance, and
# "they believe" a group's the story names: they stay.
_VAGUE_SUBJECTS = {"it", "you"}
# Forms of address, which the title list leaves out (they say nothing of a role).
_ADDRESS = {"mr", "mrs", "ms", "miss", "dr", "prof"}
# Nouns of asking and promising whose "for" phrase or "to" infinitive is what their owner
# asked or promised: "Pence's call for a special prosecutor", "her pledge to cut taxes".
_DEMAND_NOUNS = {"call", "demand", "appeal", "proposal", "pledge", "promise", "vow", "threat"}
# Objects of "say" that stand for the words ("said much the same", "said as much").
_PRO_FORMS = {"same", "much", "everything", "opposite"}
# What a clause after "In the same poll, …" reports.
_FINDINGS = {"poll", "survey", "study", "average"}
# What opens an open question: "see what happens" is no view.
_WH_WORDS = {"what", "how", "why", "if", "whether", "when", "where", "who", "which"}
# Subjects whose findings are reports ("A 2014 study found 31 incidents", "the inquiry found …").
_FINDERS = _FINDINGS | {"report", "review", "inquiry", "investigation", "analysis", "research", "paper", "audit",
                        "probe", "jury", "judge", "court", "panel", "researcher", "researchers", "author", "authors",
                        "email", "article", "data", "count", "census"}  # fmt: skip
# "made it clear that …", "made plain that …": saying, with "make".
_MADE_CLEAR = {"clear", "plain", "known"}
_STANCE_PREPS = {"against", "for", "about", "on", "at", "over"}
_HELD_PREPS = {"about", "on", "over", "toward", "towards", "regarding"}
# A transcript's speaker label: "PENCE:", "CHRIS WALLACE:".
_TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2}):\s")
# Capitalised labels of editors' notes, which look like a transcript's speaker labels.
_EDITORIAL_LABELS = {"CORRECTION", "CLARIFICATION", "UPDATE", "UPDATED", "PREVIOUSLY", "RELATED", "WATCH", "NOTE",
                     "EDITOR'S NOTE", "EDITOR’S NOTE", "READ MORE", "PHOTOS", "VIDEO", "ADVERTISEMENT"}  # fmt: skip
# Words before a quoted title: "appeared on “Meet the Press”", "his book “The Art of the Deal”".
_BEFORE_TITLES = (" on", " of", "’s", "'s", " titled", " entitled", " show", " program", " programme", " book", " film",
                  " movie", " series", " column", " podcast", " documentary", " novel", " song", " album")  # fmt: skip
# Prepositions whose object is the topic of what was said.
_TOPIC_PREPS = {"about", "of"}
# Adverbs of time after a speech verb: "said later", "said again" (nothing said in them).
_WHEN_WORDS = {"later", "earlier", "recently", "today", "yesterday", "again", "also", "then", "too", "afterward"}
# Prepositions carrying the view a verb takes of its object: "described the plan as a
# disaster"; comparing and thanking take their own ("likened RT to the BBC", "thanked
# voters for their support": the person thanked alone is no content).
_VIEW_PREPS = {"as"}
# ... and what the object is charged with or praised for: "accused Holt of being a Democrat".
_CHARGE_PREPS = {"of", "about", "for"}
_LIKENING_PREPS = {"compare": {"to", "with"}, "liken": {"to"}, "thank": {"for"}}
# A quoted stretch covering at least this share of reported content makes it "mixed";
# less is a "partial" quote inside indirect speech.
MIXED_SHARE = 0.5


@cache
def _unnamed() -> dict[str, str]:
    return {noun: kind for noun, kind in data_rows(_DATA, "unnamed_sources.tsv")}


@dataclass
class _Marked:
    """Quotation-marked characters in the parse text: [start, end)."""

    start: int
    end: int
    closed: bool
    block: int
    continued: bool = False  # opened in the paragraph before
    used: bool = False


@dataclass
class _Speaker:
    span: SpacySpan | None = None
    actor: int | None = None
    unnamed: str | None = None
    refers: SpacySpan | None = None  # what a relative speaker ("who", "which") stands for


@dataclass
class _State:
    focus_person: int | None = None  # actor index of the last person speaker or subject
    last_speaker: _Speaker | None = None
    last_block: int = -1
    pending: tuple[_Speaker, int] | None = None  # "X told The Economist." waiting for its quote
    last_medium: dict[int, tuple[str, int]] = field(default_factory=dict)  # actor -> (medium, block)


def extract_quotes(doc: Doc, text: ArticleText, actors: list[Actor]) -> list[Quote]:
    return _QuoteFinder(doc, text, actors).run()


class _QuoteFinder:
    def __init__(self, doc: Doc, text: ArticleText, actors: list[Actor]) -> None:
        self.doc, self.text, self.actors = doc, text, actors
        # Headlines carry attributions too ("Sanders: ‘It Is Not A Radical Idea’"); the
        # headline is block -1, read before the body.
        self.headline = (text.starts[0], text.starts[0] + len(text.pieces[0].text)) if text.has_headline else None
        self.blocks = [
            (text.starts[i], text.starts[i] + len(text.pieces[i].text))
            for i in range(text.first_block, len(text.pieces))
        ]
        self.marked = self._find_marks()
        self.mentions = MentionIndex(actors)
        self.state = _State()
        self.quotes: list[Quote] = []
        # The last direct quote (its index in self.quotes), where it ends in the parse
        # text, and its speech verb.
        self.last_direct: tuple[int, int, Token | None] | None = None
        # Speech verbs of the next sentence taken as a quote's attribution (`“…?” X said of Y, …`):
        # that sentence's own reading of them would report the topic ("Y") a second time.
        self.cues_from_next: set[int] = set()

    # -- quotation marks ----------------------------------------------------------------

    def _find_marks(self) -> list[_Marked]:
        marks: list[_Marked] = []
        if self.headline is not None:
            marks.extend(self._marks_in(-1, *self.headline))
        for block, (start, end) in enumerate(self.blocks):
            marks.extend(self._marks_in(block, start, end))
        for before, after in pairwise(marks):
            if (
                not before.closed
                and before.block >= 0
                and after.block == before.block + 1
                and after.start == self.blocks[after.block][0]
            ):
                after.continued = True
                before.closed = True  # closed by the convention of multi-paragraph quotes
        return marks

    def _marks_in(self, block: int, start: int, end: int) -> list[_Marked]:
        text = self.text.text
        found: list[_Marked] = []
        open_at, closers, depth = None, set(), 0
        i = start - 1
        while i + 1 < end:
            i += 1
            c = text[i]
            pair = text[i : i + 2]
            if pair in ("''", "``") and (open_at is None or closers == {"''"}):
                # ''…'' and ``…'': two-character marks of archive and typewriter text.
                if open_at is None and (i == start or not text[i - 1].isalnum()):
                    open_at, closers = i, {"''"}
                elif open_at is not None and pair == "''" and i > open_at + 1:
                    found.append(_Marked(open_at, i + 2, True, block))
                    open_at = None
                i += 1
                continue
            if open_at is None:
                if c in _OPEN:
                    open_at, closers, depth = i, {_OPEN[c], *_CLOSE} if c != "„" else {"“", "”"}, 0
                elif c == '"' and (i == start or not text[i - 1].isalnum()):
                    open_at, closers = i, {'"'}
                elif c == "”" and _opening_position(text, i, start, end):
                    open_at, closers, depth = i, {"”", "»"}, 0  # `”Fear. I am …” ― Name`: a closer typed as opener
            elif c in closers and i > open_at:
                if depth:
                    depth -= 1  # the end of a quote inside the quote
                    continue
                found.append(_Marked(open_at, i + 1, True, block))
                open_at = None
            elif c == "“" and closers == {"”", "»"} and _closing_position(text, i, end):
                found.append(_Marked(open_at, i + 1, True, block))  # `the film “Frozen“`: an opener typed as closer
                open_at = None
            elif _mixed_closer(text, open_at, i, closers):
                found.append(_Marked(open_at, i + 1, True, block))
                open_at = None
            elif c in _OPEN and closers != {'"'}:
                rest = text[i + 1 : end]
                if sum(rest.count(m) for m in closers) >= sum(rest.count(m) for m in _OPEN) + 2:
                    depth += 1  # `“… what he calls “hell” than …”`: closers ahead for this mark and the outer one
                    continue
                # A second opening mark before any closing one: the first was never closed.
                found.append(_Marked(open_at, i, False, block))
                open_at, closers, depth = i, {_OPEN[c], *_CLOSE}, 0
        if open_at is not None:
            found.append(_Marked(open_at, end, False, block))
        return found

    def _inside_marks(self, start: int, end: int) -> _Marked | None:
        for mark in self.marked:
            if mark.start <= start and end <= mark.end:
                return mark
        return None

    # -- main loop ----------------------------------------------------------------------

    def run(self) -> list[Quote]:
        for sent in self.doc.sents:
            block = self._block_of(sent.start_char)
            if block is None:
                continue
            found = len(self.quotes)
            self._reported_speech(sent, block)
            self._direct_quotes(sent, block)
            if block < 0 and len(self.quotes) == found and sent.start_char == self.headline[0]:
                self._headline_verb(sent)
            self._lead_in(sent, block)
            self._update_focus(sent)
        self.quotes = _outermost(self.quotes)
        for quote in self.quotes:
            quote.tone = tone(" ".join(part.text for part in quote.stretches()))
        return self.quotes

    def _headline_verb(self, sent: SpacySpan) -> None:
        """ "Clinton blasts Trump over …", "Dems hope Trump's behavior will help them …": the
        model tags headlinese badly ("blasts" an auxiliary, "Trump" the verb), so a headline with
        no attribution found is read by its words: a leading name or group, a reporting verb's
        inflected form, and what follows it."""
        headline_end = self.headline[1]
        words = [t for t in self.doc[sent.start :] if t.idx < headline_end and not t.is_space]  # may be 2 sentences
        for i, token in enumerate(words[1:7], start=1):
            lemma = _verb_form_lemma(token.lower_)
            if lemma is None:
                continue
            subject = words[:i]
            while subject and subject[-1].text == ",":
                subject = subject[:-1]
            # "Clinton", "Trump, Ryan", "Atlantic City officials": names, perhaps ending in a plain noun
            named = subject[:-1] if subject and subject[-1].pos_ == "NOUN" else subject
            names = all(t.text[:1].isupper() or t.text in (",", "&") or t.lower_ == "and" for t in named)
            if not subject or not names:
                return
            plural = subject[-1].tag_ in ("NNS", "NNPS") or any(t.text == "," or t.lower_ == "and" for t in subject)
            if token.lower_ == lemma and not plural:
                return  # "Washington Post Hit Piece", "Clinton Plan for Taxes": a noun after a name
            rest = list(takewhile(lambda t: t.text != ";", words[i + 1 :]))
            while rest and rest[-1].text in ".,!?" and not self._inside_marks(rest[-1].idx, rest[-1].idx + 1):
                rest.pop()
            start, end = self._char_bounds(rest)
            if start is None:
                return
            speaker = self._resolve(self.doc[subject[0].i : subject[-1].i + 1])
            cue = self.doc[token.i : token.i + 1]  # its own lemma, which the tagger got wrong
            self._emit(start, end, self._kind_of_reported(start, end), -1, cue, speaker, lemma)
            return

    def _block_of(self, char: int) -> int | None:  # -1: the headline
        if self.headline is not None and self.headline[0] <= char < self.headline[1]:
            return -1
        for block, (start, end) in enumerate(self.blocks):
            if start <= char < end:
                return block
        return None

    # -- reported speech ----------------------------------------------------------------

    def _reported_speech(self, sent: SpacySpan, block: int) -> None:
        self._colon_attribution(sent, block)
        for token in sent:
            nested = self._inside_marks(token.idx, token.idx + len(token.text)) is not None
            if token.lower_ == "according" and token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "to":
                self._according_to(token, sent, block)
                continue
            if token.pos_ == "NOUN" and token.lemma_.lower() in _SPEECH_NOUNS and not nested:
                self._noun_attribution(token, block)
                continue
            if _put_it_as(token) and not nested:
                # "As Steven Rosenthal recently put it, ''Did Trump …''": the host clause, quoted or not
                start, end = self._char_bounds(_host_clause(token))
                if start is not None:
                    self._add_reported(token, start, end, block, cue_text=None)
                continue
            if token.lower_ == "in" and token.dep_ == "prep" and not nested:
                self._in_a_poll(token, block)
                continue
            if token.lemma_.lower() == "make" and token.pos_ == "VERB" and not nested:
                self._made_clear(token, block)
                continue
            if token.dep_ == "acomp" and token.pos_ == "ADJ" and not nested:
                self._stance_adjective(token, block)
                continue
            if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in reporting_verbs():
                continue
            if _idiom(token) or _purpose(token) or token.i in self.cues_from_next:
                continue
            content = self._content_of(token)
            if content is None:
                self._remember_attribution(token, sent, block)
                continue
            start, end = self._char_bounds(content)
            if start is None:
                continue
            whole = self._inside_marks(start, end)
            if whole is not None and _mostly(whole, start, end) and not nested:
                continue  # the complement is a direct quote: attributed below
            if not nested and self._all_quoted(content):
                continue  # `“…,” X said, “…”` parsed as one clause: a split direct quote
            # Inside a quote, "I think …" is the quoted speaker's own attribution.
            self._add_reported(token, start, end, block, cue_text=None, nested=nested)

    def _all_quoted(self, tokens: list[Token]) -> bool:
        words = [t for t in tokens if not (t.is_punct or t.is_space)]
        return bool(words) and all(self._inside_marks(t.idx, t.idx + len(t.text)) for t in words)

    def _noun_attribution(self, noun: Token, block: int) -> None:
        """ "Trump’s claim that Mexico will pay": content hangs from a noun of saying; "made
        these allegations against the NRA", "took a firm stance against …": what a stance
        taken with a light verb is about."""
        clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and _marked_that(c)]
        owned = any(c.dep_ == "poss" for c in noun.children)
        if not clauses and owned and noun.lemma_.lower() in _DEMAND_NOUNS:
            # "Pence's call for a special prosecutor", "his call to ban all Muslim immigrants"
            clauses = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "for"
                       for o in p.children if o.dep_ == "pobj"]  # fmt: skip
            clauses += [c for c in noun.children if c.dep_ == "acl" and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]  # fmt: skip
        if not clauses and noun.dep_ == "dobj" and noun.head.lemma_.lower() in _frame("light"):
            preps = [*noun.children, *(p for p in noun.head.children if p.i > noun.i)]  # "took a swipe at X"
            # what one "has" is about something: "has doubts about X", not "has a question for you"
            stance_preps = _HELD_PREPS if noun.head.lemma_.lower() == "have" else _STANCE_PREPS
            clauses = [o for p in preps if p.dep_ == "prep" and p.lower_ in stance_preps
                       for o in p.children if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")]  # fmt: skip
        if not clauses:
            return
        start, end = self._char_bounds(list(clauses[0].subtree))
        if start is None or any(q.content.start <= self.text.to_document(start) < q.content.end for q in self.quotes):
            return
        owners = [c for c in noun.children if c.dep_ == "poss"]
        # "But Trump claims that …" with "claims" tagged a noun: its subject, or a name
        # compounded on it ("the Trump claim that …"), owns it.
        owners += [c for c in noun.children if c.dep_ == "nsubj" or (c.dep_ == "compound" and (
            c.ent_type_ in ("PERSON", "ORG") or self._actor_at(c) is not None))]  # fmt: skip
        if owners:
            speaker = self._resolve(self._phrase(owners[0]))
        elif noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
            speaker = self._speaker_of(noun.head)  # "X made the claim that …"
        elif noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX"):
            speaker = self._speaker_of(noun.head.head)  # "X says in a statement that …"
        else:
            speaker = _Speaker()
        self._emit(start, end, self._kind_of_reported(start, end), block, noun, speaker, None)

    def _in_a_poll(self, prep: Token, block: int) -> None:
        """ "In the same poll, Obama led by 28 points": a poll or study the clause reports."""
        finding = prep.head
        objects = [c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in _FINDINGS]
        if (
            objects
            and finding.pos_ == "NOUN"
            and finding.dep_ in ("dobj", "attr")
            and finding.head.pos_ in ("VERB", "AUX")
        ):
            finding = finding.head  # "Trump has a decisive lead in the polls": the lead is the finding
        if not objects or finding.pos_ not in ("VERB", "AUX") or finding.dep_ not in ("ROOT", "conj"):
            return
        if any(t.lemma_.lower() in reporting_verbs() and t.pos_ == "VERB" for t in finding.subtree):
            return  # "In an interview, Clinton said …": the verb's own attribution
        start, end = self._char_bounds(_host_clause(prep, finding))
        if start is None:
            return
        source = self._resolve(self._phrase(objects[0]))
        self._emit(start, end, self._kind_of_reported(start, end), block, prep, source, "in")

    def _made_clear(self, verb: Token, block: int) -> None:
        """ "Clinton made it clear that she …", "officials have made clear that …": a verb
        phrase of saying, with its clause hung on "clear" or on the verb."""
        clear = [c for c in verb.children if c.lower_ in _MADE_CLEAR and c.dep_ in ("ccomp", "oprd", "acomp", "xcomp")]
        if not clear:
            return
        clauses = [c for c in (*clear[0].children, *verb.children)
                   if c.dep_ in ("ccomp", "advcl") and c.i > clear[0].i and _marked_that(c)]  # fmt: skip
        if not clauses:
            return
        start, end = self._char_bounds(self._without_other_speech(clauses[0]))
        if start is None:
            return
        cue = self.doc[verb.i : clear[0].i + 1]
        self._emit(start, end, self._kind_of_reported(start, end), block, cue, self._speaker_of(verb), "make clear")

    def _stance_adjective(self, adjective: Token, block: int) -> None:
        """ "Clinton was critical of the deal", "Cruz was quick to blame …", "officials are
        concerned that …": a stance told with "be" and an adjective, its complement the content."""
        kinds = stance_adjectives().get(adjective.lemma_.lower())
        if kinds is None or adjective.head.lemma_.lower() != "be":
            return
        content = None
        for child in adjective.children:
            clause = {"ccomp": "that", "xcomp": "to"}.get(child.dep_)
            if clause is not None and clause in kinds:
                content = self._without_other_speech(child)
            elif child.dep_ == "prep" and child.lower_ in kinds:
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                content = list(objects[0].subtree) if objects else None
            if content:
                break
        if not content:
            return
        start, end = self._char_bounds(content)
        speaker = self._speaker_of(adjective.head)
        if start is None or speaker.span is None or speaker.span.root.lower_ in _VAGUE_SUBJECTS:
            return
        self._emit(start, end, self._kind_of_reported(start, end), block, adjective, speaker, None)

    def _kind_of_reported(self, start: int, end: int) -> str:
        """Reported speech with quoted words inside is "mixed" or "partial"; those quoted
        stretches are then used up (not attributed again as direct quotes)."""
        inner = [m for m in self.marked if start <= m.start and m.end <= end + 1]
        if not inner:
            return "indirect"
        for mark in inner:
            mark.used = True
        if len(inner) == 1 and inner[0].start == start and inner[0].end >= end:
            return "direct"  # "As X put it, “…”": all of it in quotation marks
        quoted = sum(m.end - m.start for m in inner)
        return "mixed" if quoted >= MIXED_SHARE * (end - start) else "partial"

    def _colon_attribution(self, sent: SpacySpan, block: int) -> None:
        """ "Wash Post Fact-Check: If Obama Says It, It’s True": a named source, a colon, a claim."""
        colon = next((t for t in sent[:12] if t.text == ":"), None)
        if colon is None or colon.i == sent.start or self._inside_marks(colon.idx, colon.idx + 1):
            return
        if self._transcript_turn(sent, colon, block):
            return
        before = self.doc[sent.start : colon.i]
        kicker = next((t.i for t in before[:3] if t.text in _DASHES), None)
        if kicker is not None and all(t.is_upper for t in self.doc[sent.start : kicker]):
            before = self.doc[kicker + 1 : colon.i]  # "EXCLUSIVE – Roger Stone: …": the kicker is no source
            if not len(before):
                return
        known = [t.ent_type_ in ("PERSON", "ORG") or self._actor_at(t) is not None for t in before]
        named = any(known) and all(k or t.is_punct or _is_title(t) for k, t in zip(known, before, strict=True))
        # "Dr. Ben Carson: Hillary Clinton ‘Not Fit To Serve’", "Carly Fiorina: …" (an actor of the story)
        if not named and block < 0:
            # "Trump Addresses Munich Attack: ‘…’", "CNN President On Trump: …": in a headline, a
            # name, then what it did or whom it spoke to, before the words
            lead = next((i for i, (k, t) in enumerate(zip(known, before, strict=True)) if not (k or _is_title(t))), 0)
            if any(known[:lead]) and before[lead].pos_ in ("VERB", "ADP") and before[lead].lower_ not in ("of", "'s"):
                before, named = before[:lead], True
        if not named and not (len(before) <= 3 and _unnamed().get(before[-1].lemma_.lower()) in ("object", "source")):
            return  # "Poll: Wealthy voters abandon …", "Report: …" name their source too
        end_of_claim = sent.end
        if colon.i == sent.end - 1 and sent.end < len(self.doc) and self._block_of(self.doc[sent.end].idx) == block:
            end_of_claim = self.doc[sent.end].sent.end  # "AP: Trump chair routed …" parsed as two sentences
        start, end = self._char_bounds(list(self.doc[colon.i + 1 : end_of_claim]))
        if start is None or self._inside_marks(start, end):
            return
        if sum(1 for word in self.text.text[start:end].split() if any(c.isalpha() for c in word)) < 2:
            return  # "Clinton: 1,769." is a tally, not words of hers
        self._emit(start, end, "indirect", block, colon, self._resolve(before), ":")

    def _transcript_turn(self, sent: SpacySpan, colon: Token, block: int) -> bool:
        """ "PENCE: Well, look, …" at the head of a paragraph: a transcript's speaker label
        (in capitals) and the words that follow, to the paragraph's end, are that speaker's."""
        if block < 0 or sent.start_char != self.blocks[block][0]:
            return False
        turn = self._turn_label(block, inside_mark=False)
        if turn is None or turn[1].end_char != colon.idx:
            return False
        start, end = self._char_bounds(list(self.doc[colon.i + 1 :]))
        if start is None:
            return False
        end = min(end, self.blocks[block][1])
        self._emit(start, end, "direct", block, colon, self._label_speaker(turn[1]), ":")
        return True

    def _label_speaker(self, label: SpacySpan) -> _Speaker:
        speaker = self._resolve(label)
        if speaker.actor is None:  # "PENCE" names the article's Mike Pence
            surname = label[-1].text.title()
            people = [i for i, a in enumerate(self.actors) if a.kind == "person" and a.name.split()[-1] == surname]
            speaker = _Speaker(label, people[0]) if len(people) == 1 else _Speaker(label, None, "person")
        return speaker

    def _turn_label(self, block: int, inside_mark: bool) -> tuple[int, SpacySpan] | None:
        """A transcript's speaker label at the head of a paragraph, or just inside the mark
        opening a quoted one (`"PENCE: Well, …`): where the turn's words start, and the label."""
        match = _TRANSCRIPT_LABEL.match(self.text.text, self.blocks[block][0] + inside_mark)
        if match is None or match.group(1).rstrip(".") in _EDITORIAL_LABELS:
            return None
        label = self.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        return (match.end(), label) if label is not None and len(label) else None

    def _remember_attribution(self, verb: Token, sent: SpacySpan, block: int) -> None:
        """A speech verb with a speaker and no content of its own, outside any quote:
        the quote that follows is likely its content ("X told The Economist. “…”")."""
        if not self._is_speech(verb) or self._holds_quote(sent):
            return
        if self._inside_marks(verb.idx, verb.idx + 1):
            return  # "… the president essentially saying, 'Don't …'": someone quoted within a quote
        speaker = self._speaker_of(verb)
        if speaker.actor is not None:
            self.state.pending = (speaker, block)

    def _holds_quote(self, sent: SpacySpan) -> bool:
        return any(m.start >= sent.start_char and m.end <= sent.end_char for m in self.marked)

    def _lead_in(self, sent: SpacySpan, block: int) -> None:
        """A paragraph ending in a colon introduces the quote below it: "Stated Stone:",
        "President Clinton released the following statement:", "17-year-old Jared Potts echoed:"."""
        if block < 0 or self.text.text[sent.start_char : self.blocks[block][1]].rstrip()[-1:] != ":":
            return
        if self._holds_quote(sent):
            return
        verbs = [t for t in sent if self._is_speech(t)] or [sent.root]
        speaker = self._speaker_of(verbs[0])
        if speaker.span is None:
            return
        if speaker.actor is not None or speaker.unnamed not in (None, "other"):
            self.state.pending = (speaker, block)

    def _content_of(self, verb: Token) -> list[Token] | None:
        complements = [c for c in verb.children if c.dep_ == "ccomp"]
        if not complements and self._is_speech(verb):
            # "told a meeting of island leaders that few people understood …": the clause
            # parsed as a relative clause of the audience, with "that" as its mark.
            complements = [
                r
                for o in verb.children
                if o.dep_ in ("dobj", "dative")
                for r in o.subtree
                if r.dep_ in ("relcl", "acl")
                and _marked_that(r)
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in r.children)
            ][:1]
            complements = complements or self._misattached_clause(verb)
        if complements:
            # "The probe set off fireworks: Republicans said they are convinced …": what
            # follows the verb is what was said, not a clause before a colon.
            following = [c for c in complements if c.i > verb.i]
            if following:
                # A clause after the verb holds nothing before it: `“…,” X said, “and …”`
                # parsed as one clause is a quote split around its attribution.
                return _from_subject(
                    [t for t in self._without_other_speech(following[0]) if t.i > verb.i], following[0]
                )
            clause = list(complements[0].subtree)
            unmarked = [t for t in clause if not self._inside_marks(t.idx, t.idx + len(t.text))]
            attributions = [t for t in unmarked if t.pos_ == "VERB" and t.lemma_.lower() in reporting_verbs()]
            if len(unmarked) < len(clause) and any(c.dep_ == "nsubj" for t in attributions for c in t.children):
                # `Rhimes declared the need for …: “Change the world …,” she said`: the words before
                return None  # the quote are an attribution of their own; the quote is attributed below
            return self._without_other_speech(complements[0])
        lemma = verb.lemma_.lower()
        kind = reporting_verbs().get(lemma)
        misparsed = self._misparsed_clause(verb) if kind == "speech" else None
        if misparsed:
            return misparsed
        answer = _answer(verb) if kind == "speech" else None
        if answer:
            return answer  # "46 percent said yes", "half said so", "26 percent said the same"
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        subject = self._subject(verb)  # said by nobody, an object or a topic reports nothing
        # With no clause, the object is what was said ("denied the report", "polls show Clinton ahead"),
        # except for verbs whose object is the one addressed, the medium or a continuation ("told
        # reporters", "wrote a book"); "tweeted her thanks" is said, "said the same thing" stands for words.
        not_said = lemma in _frame("object_not_said") and lemma not in _LIKENING_PREPS
        said = not not_said or any(_stands_for_words(o) for o in objects)
        if lemma == "find" and not _reports_findings(subject):
            said = False  # "found ways to …", "found himself …", "found a job": what polls and studies find is reported
        if lemma in _frame("giving") and subject is not None:
            # "offered no proof that …", "gave his assessment of the race": giving words is saying them
            given = [o for o in objects if o.lemma_.lower() in word_nouns()]
            if given:
                return self._without_other_speech(given[0])
        passive = [c for c in verb.children if c.dep_ == "nsubjpass" and c.pos_ in ("NOUN", "PROPN")]
        if passive and kind in ("speech", "object") and lemma not in _frame("object_not_said") and self._agent(verb):
            return list(passive[0].subtree)  # "The meeting was first reported by Politico"
        if kind not in (None, "topic") and said and objects and subject is not None:
            # "sees the plan as a chance", "likened RT to the BBC": the view runs on past the object
            preps = _LIKENING_PREPS.get(lemma, _VIEW_PREPS if kind == "as" else _VIEW_PREPS | _CHARGE_PREPS)
            view = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps and c.i > objects[0].i]
            if kind == "as":  # "see police violence as a problem", the "as" hung on the object
                view = view or [c for c in objects[0].children if c.dep_ == "prep" and c.lower_ in _VIEW_PREPS]
            if view:  # (up to a contrasting "while X suggests …" hung on the view)
                return self._before_contrasting_speech(
                    list(self.doc[objects[0].left_edge.i : view[0].right_edge.i + 1]), view[0]
                )
            if kind != "as" and (lemma not in _frame("object_not_said") or _stands_for_words(objects[0])):
                return self._without_other_speech(objects[0])
        if kind == "as":
            return None
        calling_for = any(p.dep_ == "prep" and p.lower_ == "for" for p in verb.children)
        if verb.lemma_.lower() in ("call", "label", "brand", "dub", "term") and not calling_for:
            # "called Trump “unhinged”", "calling Trump a fascist": naming is saying.
            named = [c for c in verb.children if c.dep_ in ("dobj", "xcomp")]
            predicate = [c for c in verb.children if c.dep_ in ("oprd", "attr", "acomp")]
            predicate += [c for n in named for c in n.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
            if named and predicate:
                first, last = min(t.left_edge.i for t in named), max(t.right_edge.i for t in predicate)
                return list(self.doc[first : last + 1])
        # "as the Post reported" reports the host clause; "As Clinton talked about …" is a time
        bare = not any(c.dep_ in ("dobj", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS)
                       for c in verb.children)  # fmt: skip
        if (verb.dep_ == "parataxis" and self._is_speech(verb)) or (
            (_as_clause(verb) or _trailing_inverted(verb)) and bare and kind == "speech"
        ):
            # "In his state, Christie said, offenders are sent to treatment", "…, as the
            # Washington Post reported": the host clause is what was said.
            return _host_clause(verb)
        if kind == "speech":
            fronted = self._fronted_words(verb)
            if fronted:
                return fronted
        if verb.lemma_.lower() in _frame("infinitive"):  # "refused to give", "wants to lose"
            complements = [c for c in verb.children if c.dep_ == "xcomp"]
            if complements:
                content = self._without_other_speech(complements[0])
                asked = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "for" and p.i < complements[0].i
                         for o in p.children if o.dep_ == "pobj"]  # fmt: skip
                if asked:  # "is calling for the port authority to dredge …": who is asked, too
                    return [*asked[0].subtree, *content]
                return content
        if kind in ("speech", "object", "topic") and subject is not None:
            # "spoke about the attack", "accused her of lying", "warned of a crisis", "would
            # vote for Clinton": the topic after the preposition is what was said.
            topics = _TOPIC_PREPS | topic_prepositions().get(lemma, frozenset())
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ in topics and any(_is_topic(c) for c in child.children):
                    # "distanced himself from the plan": a reflexive object is not what was held
                    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < child.i
                               and not c.lower_.endswith(("self", "selves"))]  # fmt: skip
                    first = objects[0].left_edge.i if objects else child.i + 1
                    # ("accused Sanders of a smear, while Sanders suggests …": not the accusation)
                    return self._before_contrasting_speech(list(self.doc[first : child.right_edge.i + 1]), child)
        if verb.lemma_.lower() in ("call", "ask", "urge", "appeal", "push"):
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ == "for":
                    objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]  # "called for reducing …"
                    if objects:
                        return list(objects[0].subtree)
                if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in child.children):
                    # "is calling for the United States to step up …"
                    return [t for t in child.subtree if not (t.dep_ == "mark" and t.head.i == child.i)]
        return None

    def _fronted_words(self, verb: Token) -> list[Token] | None:
        """`Those who take on heavy debt struggle, even with a good job, he said.`: a speech verb
        with nothing said after it, its subject set off by a comma after a clause the parse did
        not hang on it, ending its sentence. The words before the comma are what was said."""
        subject = self._subject(verb)
        if subject is None or subject.i > verb.i or subject.head.i != verb.i or subject.lower_ in _RELATIVE:
            return None  # (", who added …" is a clause on the noun before it)
        if not _says_nothing_more(verb):
            return None  # "Mexico said enough", "said of the plan": something said after all
        comma = subject.left_edge.i - 1
        sent = verb.sent
        if comma < sent.start or self.doc[comma].text != ",":
            return None
        start = sent.start
        if comma == start and start > 0 and "\n" not in self.doc[start - 1].text:
            start = self.doc[start - 1].sent.start  # the parser began a sentence at the comma
        rest = [t for t in self.doc[verb.i + 1 : sent.end] if not t.is_punct]
        own = {t.i for t in verb.subtree}
        if any(t.i not in own or t.pos_ in ("VERB", "AUX") for t in rest):
            return None  # the sentence goes on past the attribution
        if any(m.start > verb.idx and m.start < sent.end_char for m in self.marked):
            return None  # a quote after the verb is what was said: attributed below
        words = [t for t in self.doc[start:comma] if not t.is_space and not (t.is_punct and t.i == start)]
        clause = [t for t in words if t.pos_ in ("VERB", "AUX")]
        lead = next((t for t in words if t.pos_ != "CCONJ"), None)
        if lead is None or not clause or lead.tag_ in ("VBN", "VBG") or lead.pos_ == "SCONJ":
            return None  # "Asked about it, he said.", "When it ended, he said.": no words of his
        return words

    def _misparsed_clause(self, verb: Token) -> list[Token] | None:
        """ "Economists say taxing consumption encourages savings": a clause after a speech verb
        whose gerund subject the parser took for a complement of the verb."""
        following = [c for c in verb.children if c.i > verb.i]  # (a verb with a ccomp was handled before)
        if not following or any(c.dep_ in ("dobj", "dative") for c in verb.children):
            return None
        first = following[0]
        if first.dep_ == "xcomp" and first.tag_ == "VBG" and any(c.dep_ == "ccomp" for c in first.children):
            return list(first.subtree)
        return None

    def _misattached_clause(self, verb: Token) -> list[Token]:
        """A "that" clause of a speech verb the parser hung elsewhere: from a quoted title after
        the verb ("said on NBC's “Meet the Press” on Sunday that …") or as an adverbial ("tweeted
        in the early hours that Machado was …", with "that" taken for an adverb)."""
        for child in verb.children:
            if child.dep_ in ("xcomp", "dobj", "npadvmod") and self._inside_marks(child.idx, child.idx + 1):
                for clause in child.children:
                    if clause.dep_ == "ccomp" and clause.i > child.i and _marked_that(clause):
                        return [clause]
        adverbials = [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and c.left_edge.lower_ == "that"]
        # "said after the convention he would not accept …": a clause with its own subject and
        # no conjunction ("because", "as", "when") hung as an adverbial is the unmarked complement
        adverbials += [c for c in verb.children
                       if c.dep_ == "advcl" and c.i > verb.i and not any(m.dep_ == "mark" for m in c.children)
                       and not any(a.dep_ == "advmod" and a.tag_ == "WRB" for a in c.children)]  # fmt: skip
        return [c for c in adverbials if any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)][:1]

    def _without_other_speech(self, head: Token) -> list[Token]:
        """The clause's tokens less another's reported speech set against it ("Trump and Zelensky
        had spoken …, while the Kremlin said …"). Other clauses with a verb of saying or thinking
        are part of what was said ("said it could not vote because it believed …"): in 400 PolNeAR
        train such clauses lie inside the annotated content 97 times in 118."""
        return self._before_contrasting_speech(list(head.subtree), head)

    def _before_contrasting_speech(self, tokens: list[Token], head: Token) -> list[Token]:
        """``tokens`` (around ``head``) up to a contrasting "while/whereas X said …" clause among them."""
        cut: set[int] = set()
        for token in tokens:
            if token.i == head.i or token.dep_ not in ("advcl", "conj"):
                continue
            if token.lemma_.lower() not in reporting_verbs():
                continue
            contrast = any(c.lower_ in ("while", "whereas") for c in token.children if c.dep_ in ("mark", "advmod"))
            if contrast and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
                cut.update(t.i for t in token.subtree)
        kept = [t for t in tokens if t.i not in cut]
        return [t for t in kept if t.i <= head.i or all(k.i not in cut for k in self.doc[head.i : t.i])]

    def _char_bounds(self, tokens: list[Token]) -> tuple[int | None, int | None]:
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

    def _add_reported(
        self, verb: Token, start: int, end: int, block: int, cue_text: str | None, nested: bool = False
    ) -> None:
        kind = "indirect" if nested else self._kind_of_reported(start, end)
        verb_class = reporting_verbs().get(verb.lemma_.lower())
        subject = self._subject(verb)
        vague = subject is None or subject.lower_ in _VAGUE_SUBJECTS
        if verb_class == "thought" and kind == "indirect" and vague:
            return  # thoughts ("believe", "want") are a stance of someone named or a pronoun for someone
        if verb_class in ("object", "topic", "as") and subject is not None and subject.lower_ == "you":
            return  # "Do you support Trump?", "why are you voting for Trump": the reader asked, no one's stance
        if verb_class == "as" and self.text.text[start:end].split()[0].lower() in _WH_WORDS:
            return  # "waited to see what would happen", "see how it goes": an open question, not a view
        speaker = self._speaker_of(verb)
        if speaker.refers is not None and speaker.span.root.lower_ == "that" and speaker.unnamed == "other":
            # "policies that favor workers", "a moment that could play big": a thing that "says"
            # or "favors" is mostly a way of describing it (a fifth of these are attributions)
            return
        if speaker.span is not None and start <= speaker.span.start_char < end <= verb.idx:
            # `“… There is a disconnect …,” Flynn, a surrogate, said`: a clause before the verb that
            # runs on into its own speaker is the parse's; the quote is attributed below
            return
        flags = ["nested: an attribution inside another quote"] if nested else None
        self._emit(start, end, kind, block, verb, speaker, cue_text, flags, remember=not nested)

    def _according_to(self, token: Token, sent: SpacySpan, block: int) -> None:
        to = self.doc[token.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"] or [c for c in token.children if c.dep_ == "pobj"]
        # "according to show insiders": the noun phrase parsed as a verb and its object
        misparsed = [c for c in to.children if c.dep_ == "pcomp" and c.i == to.i + 1]
        if not objects and not misparsed:
            return
        source = objects[0] if objects else misparsed[0]
        phrase_start, phrase_end = token.i, max(t.i for t in source.subtree) + 1
        before = [t for t in sent if t.i < phrase_start]
        after = [t for t in sent if t.i >= phrase_end]
        if not any(t.is_alpha for t in before + after):
            # "According to Rush Limbaugh, the move reeks of …" with the sentence parsed as an
            # apposition of the source: what follows the source's comma is what was said
            commas = [t for t in source.subtree if t.text == "," and t.i > source.i]
            if not commas:
                return
            phrase_end = commas[0].i
            after = [t for t in sent if t.i > phrase_end]
        phrase = self._phrase(source) if objects else self.doc[source.i : phrase_end]
        # "X, according to Y." and "According to Y, X": the content is the side with words in it;
        # "X, according to Y, is Z" runs across the phrase.
        if not any(t.is_alpha or t.like_num for t in after):
            start, end = self._char_bounds(before)
        elif not any(t.is_alpha or t.like_num for t in before):
            start, end = self._char_bounds(after[:-1] if after[-1].text == "." else after)
        else:
            start, end = self._char_bounds(before + after)
        if start is None:
            return
        speaker = self._resolve(phrase)
        cue = self.doc[token.i : token.i + 2]
        self._emit(start, end, self._kind_of_reported(start, end), block, cue, speaker, "according to")

    # -- direct quotes ------------------------------------------------------------------

    def _direct_quotes(self, sent: SpacySpan, block: int) -> None:
        for mark in self.marked:
            if mark.used or not (sent.start_char <= mark.start < sent.end_char):
                continue
            mark.used = True
            start, end = mark.start, mark.end
            flags = []
            if not mark.closed:
                end = min(end, self._sentence_end(mark.start))
                flags.append("unbalanced quotation mark: cut at the end of its sentence")
            if not any(c.isalpha() for c in self.text.text[start:end]):
                continue  # a stray mark, not a quotation
            if self._title(start, end):
                continue  # said on Fox News’ “Hannity,”: a programme's name, nobody's words
            at_head = block >= 0 and start == self.blocks[block][0]
            turn = self._turn_label(block, inside_mark=True) if at_head else None
            if turn is not None:
                start, label = turn
                self._emit(start, end, "direct", block, None, self._label_speaker(label), ":", flags)
                continue
            verb, cue_text, speaker = self._attribution(mark, end)
            if cue_text is None and self._widens_reported(start, end, verb, flags):
                continue
            continued = carried = False
            if verb is not None or cue_text is not None:
                self.state.pending = None  # an attribution waits for the next quote only, not past this one
            if verb is None and cue_text is None and (speaker is None or speaker.span is None):
                if self._short_fragment(start, end) and not self._short_sentence_after_quote(start, end, block):
                    continue  # scare quotes or a title ("the “Gang of Eight”"): nobody's utterance
                host = self._host_speaker(mark)
                speaker = host or self._nearest_mention(self._continuation(mark), start)
                continued = True  # no attribution of its own
                carried = host is None
            if self._joins_previous(start, end, block, verb, speaker, continued, flags):
                continue
            if continued and self._continues_reported(start, end, block, speaker, flags):
                continue
            if self._runs_on(mark, start, end, verb, speaker, flags):
                continue
            if carried and (self._words_within_a_sentence(mark, start, end) or self._words_then_more(block, end)):
                speaker = None  # within someone else's sentence, or the writer's words follow: not the last speaker's
            self._emit(start, end, "direct", block, verb, speaker or _Speaker(), cue_text, flags)
            self.last_direct = (len(self.quotes) - 1, end, verb)

    def _widens_reported(self, start: int, end: int, verb: Token | None, flags: list[str]) -> bool:
        """`He said Obama “knows full well … . Still, he goes after …”`, `said “we’re extremely
        happy” about the decision`: quoted words that overlap or directly follow the reported
        speech of the same verb, running past its clause as the parse has it, are part of that
        one quote, not a second quote of the same words. Quoted words with no attribution of
        their own that open inside or right after reported speech (`characterized Kaine as, “a
        little desperate there, …”`) are its rest whatever its verb."""
        cue_at = self.text.to_document(verb.idx) if verb is not None else None
        for index in range(len(self.quotes) - 1, -1, -1):
            quote = self.quotes[index]
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
                    self._add_part(index, start, end, flags, verb)
                    return True
                if not touches:
                    return False  # apart from it
            elif verb is not None or not (touches and first <= start):
                continue
            first, last = min(first, start), max(last, end)
            quote.content = self._span(first, last)
            quote.kind = self._kind_of_reported(first, last)
            return True
        return False

    def _continues_reported(self, start: int, end: int, block: int, speaker: _Speaker | None, flags: list[str]) -> bool:
        """`Clinton said the campaign was conflating donations with support.¶“I do not have …”`:
        quoted words with no attribution of their own, opening the sentence right after the
        same speaker's reported speech (or the next paragraph, when that speech ended its own),
        go on with it as a further part: one attribution, one quote. Its own attribution may
        stand between, as between a split direct quote's parts (`… a “change agent,” Cole said.
        “…”`)."""
        ends = [(self.text.to_parse(q.content.end), i) for i, q in enumerate(self.quotes)]
        previous_end, index = max(((e, i) for e, i in ends if e <= start), default=(None, None))
        if index is None:
            return False
        previous = self.quotes[index]  # the quote ending nearest before these words
        if previous.kind == "direct" or previous.speaker is None or not _same_speaker(speaker, previous):
            return False  # after a direct quote _joins_previous has decided
        gap = self.text.text[previous_end:start]
        new_paragraph = previous.block == block - 1
        # between them only punctuation, or the quote's own attribution (`… a “change agent,” Cole said. “…”`)
        if any(c.isalnum() for c in gap) and not self._only_own_attribution(previous, previous_end, start):
            return False
        if not (previous.block == block or (new_paragraph and previous.block >= 0)):
            return False
        if new_paragraph != ("\n" in gap):
            return False
        self.last_direct = (index, previous_end, None)
        self._add_part(index, start, end, flags)
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

    def _joins_previous(
        self, start: int, end: int, block: int, verb: Token | None, speaker: _Speaker | None, continued: bool,
        flags: list[str],
    ) -> bool:  # fmt: skip
        """A quote split around its attribution is one quote: `“…,” he said, “…”` (the
        same speech verb on both sides) or `“…,” he said. “…”` (the second part has no
        attribution of its own and follows within the attribution's reach), also when the
        second part opens the next paragraph (`“…,” Collins told MSNBC.¶“…”`)."""
        gap = self._gap_after_last_direct(start, block, into_paragraph=continued)
        if gap is None:
            return False
        index, previous_end, previous_verb = self.last_direct
        previous = self.quotes[index]
        if previous.speaker is None:
            return False
        # another quote stands between; one inside the attribution or either part's words is part of it
        gap_start, gap_end = previous.content.start, self.text.to_document(end)
        if any(not (gap_start <= q.content.start and q.content.end <= gap_end) for q in self.quotes[index + 1 :]):
            return False
        same_verb = verb is not None and previous_verb is not None and verb.i == previous_verb.i
        # An unnamed speaker ("one user wrote") is not carried over by name, so the words after
        # its attribution cannot be matched to it: they are its own when nothing intervenes.
        same_speaker = _same_speaker(speaker, previous) or previous.speaker_actor is None
        paragraph_end = previous_end + len(gap.rstrip())  # the attribution ends its paragraph
        follows = _within_reach(gap.rstrip()) or self._only_attribution(previous_end, paragraph_end, previous_verb)
        if not (same_verb or (continued and follows and same_speaker)):
            return False
        self._add_part(index, start, end, flags)
        return True

    def _runs_on(
        self, mark: _Marked, start: int, end: int, verb: Token | None, speaker: _Speaker | None, flags: list[str]
    ) -> bool:
        """A quote running over paragraphs, its opening mark repeated at each and closed only
        at the end, is one quote with a part per paragraph (unless the new paragraph names
        another speaker)."""
        if not mark.continued or self.last_direct is None:
            return False
        index, previous_end, _ = self.last_direct
        previous = self.quotes[index]
        if previous.block != mark.block - 1 or previous_end < self.blocks[previous.block][1] - 1:
            return False  # the quote before did not run to the end of the paragraph before
        named = verb is not None and speaker is not None and speaker.span is not None
        if named and not _same_speaker(speaker, previous):
            return False
        self._add_part(index, start, end, flags)
        return True

    def _add_part(self, index: int, start: int, end: int, flags: list[str], verb: Token | None = None) -> None:
        """Quoted words [start, end) go on the quote at ``index`` as a further part (``verb``: its
        speech verb, when no direct quote came before it)."""
        previous = self.quotes[index]
        previous.parts = [*previous.stretches(), self._span(start, end)]
        # from its first part to this one, as the document has it (over paragraphs, whatever stands between)
        first, last = previous.content.start, self.text.to_document(end - 1) + 1
        previous.content = Span(self.text.document[first:last], first, last)
        previous.flags.extend(f for f in flags if f not in previous.flags)
        if verb is None and self.last_direct is not None:
            verb = self.last_direct[2]  # the split quote's verb, from its first (direct) part
        self.last_direct = (index, end, verb)

    def _only_attribution(self, previous_end: int, start: int, verb: Token | None) -> bool:
        """Between two quotes of one paragraph stands only the first one's attribution, however
        long: `“…,” said X, a Miami lawyer who has … . “…”`."""
        if verb is None or not previous_end <= verb.idx < start or "\n" in self.text.text[previous_end:start]:
            return False
        first = self._token_at(previous_end - 1)
        sentences = {verb.sent.start} | ({first.sent.start} if first is not None else set())
        gap = self.doc.char_span(previous_end, start, alignment_mode="expand")
        return gap is not None and all(t.sent.start in sentences for t in gap if not t.is_space and t.idx < start)

    def _sentence_end(self, char: int) -> int:
        token = self._token_at(char)
        return token.sent.end_char if token is not None else char

    def _title(self, start: int, end: int) -> bool:
        """A short quoted name in title case after "on", a possessive or a word such as
        "show": the title of a programme, book or film ("told ABC’s “This Week,”")."""
        inner = self.text.text[start:end].strip(_QUOTE_CHARS + " ").rstrip(",")  # “…” and ''…''
        before = self.text.text[max(0, start - 30) : start].rstrip().lower()
        possessive = before.endswith(("’s", "'s"))  # "on CBS's ''Face the Nation.''": a title, full stop and all
        words = inner.split()
        if not words or len(words) > 6 or (inner[-1:] in ".!?" and not possessive) or "," in inner:
            return False
        significant = [words[0]] + [w.rstrip(".") for w in words[1:] if w.rstrip(".").isalpha() and len(w) > 3]
        if not all(w[:1].isupper() for w in significant):
            return False
        return before.endswith(_BEFORE_TITLES) or before.endswith(("’", "'"))

    def _words_within_a_sentence(self, mark: _Marked, start: int, end: int) -> bool:
        """Fewer than 25 words, quoted inside a sentence that opens before them (`… the crowd
        reprised the chant “Lock her up!” that …`, `his call for “a total ban” on …`). Carried over
        to the last speaker, about one such quote in ten in PolNeAR train had that speaker as its
        annotated source; the rest were someone else's or nobody's (a slogan, a title, a
        document's words)."""
        return len(self.text.text[start:end].split()) < _WORDS_WITHIN_A_SENTENCE and self._opens_inside_a_sentence(mark)

    def _opens_inside_a_sentence(self, mark: _Marked) -> bool:
        """The quote's sentence has words of the writer's before its opening mark."""
        first = self._token_at(mark.start)
        return first is not None and any(
            t.is_alpha and not self._inside_marks(t.idx, t.idx + 1) for t in first.sent if t.idx < mark.start
        )

    def _words_then_more(self, block: int, end: int) -> bool:
        """Quoted words followed in their paragraph by the writer's own (`“…” The banners were taken
        down.`): with no attribution found, they are not carried over to the last speaker either
        (on PolNeAR train they seldom had that speaker as source)."""
        return block >= 0 and any(c.isalpha() for c in self.text.text[end : self.blocks[block][1]])

    def _short_fragment(self, start: int, end: int) -> bool:
        return len(self.text.text[start:end].split()) <= 4

    def _gap_after_last_direct(self, start: int, block: int, into_paragraph: bool = False) -> str | None:
        """The text between the last direct quote and a quote opening at ``start`` in the
        same paragraph (or, ``into_paragraph``, opening this paragraph after a quote in the
        one before); None when there is no such quote."""
        if self.last_direct is None:
            return None
        previous = self.quotes[self.last_direct[0]].block
        opens_paragraph = into_paragraph and block >= 1 and start == self.blocks[block][0]
        if previous != block and not (opens_paragraph and previous == block - 1):
            return None
        return self.text.text[self.last_direct[1] : start]

    def _short_sentence_after_quote(self, start: int, end: int, block: int) -> bool:
        """`“…,” she said. “It is unsafe.”`: a short whole sentence right after a quote's
        attribution goes on with the quote; it is no scare quote."""
        gap = self._gap_after_last_direct(start, block)
        words = self.text.text[start + 1 : end - 1].strip()
        return gap is not None and _within_reach(gap) and words[:1].isupper() and words[-1:] in (".", "!", "?")

    def _attribution(self, mark: _Marked, end: int) -> tuple[Token | None, str | None, _Speaker | None]:
        text = self.text.text
        first, last = self._token_at(mark.start), self._token_at(end - 1)
        if first is None or last is None:
            return None, None, None
        after = [t for t in last.sent if t.idx >= end and not self._inside_marks(t.idx, t.idx + 1)]
        from_next = not after
        if not after and last.sent.end < len(self.doc):
            # `“…?” Clinton said. “…”`: the parser ended the sentence at the closing mark;
            # the short sentence right after it is the attribution.
            following = self.doc[last.sent.end].sent
            if following.start_char - end <= 2 and len(following) <= ATTRIBUTION_REACH:
                after = [t for t in following if not self._inside_marks(t.idx, t.idx + 1)]
            elif following.start_char - end <= 2 and (verb := self._opening_attribution(following)) is not None:
                # `“…?” Trump said of Apple in February, when the company …`: a longer sentence
                # that opens with the attribution (its own words go on past it)
                self.cues_from_next.add(verb.i)
                return verb, None, self._speaker_of(verb)
        before = [
            t for t in first.sent if t.idx + len(t.text) <= mark.start and not self._inside_marks(t.idx, t.idx + 1)
        ]
        after = _outside_brackets(after)  # "Rep. Jason Chaffetz (R-Utah) said"
        source = _according_to_source(after)
        if source is not None:  # `“… . The new material shows …,” according to Judicial Watch.`
            return None, "according to", self._resolve(self._phrase(source))
        for token in after[:ATTRIBUTION_REACH]:  # “…,” X said / “…,” said X / “…,” X, a member, said
            if self._is_speech(token):
                speaker = self._speaker_of(token)
                if speaker.span is None:  # no subject outside the quote (`“… Full panic mode,” said X`)
                    speaker = self._name_near(after, token)
                if from_next:
                    self.cues_from_next.add(token.i)
                return token, None, speaker
        for token in after:
            # “…,” the economist X, a former adviser in the Obama White House, wrote on his
            # blog: a long apposition, but the sentence's own verb is the speech verb (or, when
            # the parse joins it to the quoted clause, a verb with its own subject after the quote).
            if token.dep_ in ("ROOT", "conj") and self._is_speech(token):
                subject = self._subject(token)
                if subject is not None and subject.i > last.i:
                    return token, None, self._speaker_of(token)
                if subject is not None:
                    break
        for token in reversed(before[-10:]):  # X said: “…” / X told AFP: “…”
            if self._is_speech(token) and not _idiom(token):  # ("That said, …" is the writer's)
                verb = self._split_quotes_verb(token, mark)
                return verb, None, self._speaker_of(verb)
        verb = self._bare_frame(after, end)
        if verb is not None:
            return verb, None, self._speaker_of(verb)
        rest = text[end : end + 4].lstrip()
        if rest[:1] in ("—", "–", "―"):  # “…” — X (the parser may make the dash line its own sentence)
            following = [t for t in self.doc[last.i + 1 : last.i + 8] if "\n\n" not in t.text]
            following = following[: next((i for i, t in enumerate(following) if "\n" in t.text), len(following))]
            names = [t for t in following if t.ent_type_ in ("PERSON", "ORG")]
            names = names or [t for t in following if t.pos_ == "PROPN"]  # a reader's name the model missed
            if names:
                return None, "—", self._resolve(self._phrase(names[0]))
        if before and before[-1].text == ":":
            # "IOWA POLLS NOT NECESSARILY WRONG - Mark Blumenthal and Jon Cohen: “…”": a digest's item,
            # its heading, a spaced dash, then the source
            dashes = [i for i, t in enumerate(before[1:-1], start=1) if t.text in _DASHES and before[i - 1].whitespace_]
            segment = before[dashes[-1] + 1 : -1] if dashes and before[dashes[-1]].whitespace_ else []
            if 0 < len(segment) <= 6 and segment[0].text[:1].isupper():
                return None, ":", self._resolve(self.doc[segment[0].i : segment[-1].i + 1])
            subject = [t for t in before if t.dep_ in ("nsubj", "ROOT") and t.pos_ in ("PROPN", "NOUN", "PRON")]
            if subject:
                return None, ":", self._resolve(self._phrase(subject[0]))
        return None, None, None

    def _split_quotes_verb(self, verb: Token, mark: _Marked) -> Token:
        """`“…,” Thiel wrote in a statement explaining why he is speaking, “but …”`: a speech verb
        inside the clause of the attribution just before these words (after the quote before them,
        in this sentence) is part of that attribution; its verb attributes these words, too."""
        if self.last_direct is None or self.last_direct[2] is None:
            return verb
        _, previous_end, previous_verb = self.last_direct
        if previous_end <= previous_verb.idx < verb.idx < mark.start and previous_verb.is_ancestor(verb):
            return previous_verb
        return verb

    def _opening_attribution(self, sent: SpacySpan) -> Token | None:
        """The speech verb a sentence opens with, its subject all that stands before it (`Trump
        said of Apple …`, `he urged them, as …`) or right after it (`said Smith, …`), with no
        clause of what was said after it (`Trump said the deal …` reports words of its own)."""
        words = [t for t in sent if not t.is_punct][:ATTRIBUTION_REACH]
        verb = next((t for t in words if self._is_speech(t)), None)
        if verb is None or self._inside_marks(verb.idx, verb.idx + 1):
            return None
        if any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children):
            return None
        subject = self._subject(verb)
        if subject is None:
            return None
        phrase = {t.i for t in subject.subtree}  # with its apposition ("Miller, a retired worker, said")
        before = [t for t in sent if t.i < verb.i and not t.is_punct]
        if before and not all(t.i in phrase for t in before):
            return None
        if not before and subject.i != verb.i + 1 and self.doc[verb.i + 1 : subject.i].text.strip(" ,"):
            return None
        return verb

    def _bare_frame(self, after: list[Token], end: int) -> Token | None:
        """`“…,” Trump boomed.`, `“…,” he went on.`: words ending in a comma inside the mark and
        a clause of only a subject and its verb after them are that subject's, whatever the verb,
        also with its manner or the one addressed (`“…,” Bennett shot back with a laugh.`)."""
        if self.text.text[end - 2 : end - 1] not in (",", "?", "!"):
            return None
        clause = list(takewhile(lambda t: not t.is_punct, after))
        verbs = [t for t in clause if t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ", "VBP")]
        if not clause or len(clause) > 8 or len(verbs) != 1 or clause[-1].i + 1 >= len(self.doc):
            return None
        if self.doc[clause[-1].i + 1].text not in (".", ","):
            return None
        verb = verbs[0]
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c in clause]
        if not subjects or subjects[0].pos_ not in ("PROPN", "PRON", "NOUN") or subjects[0].lower_ in _RELATIVE:
            return None  # (`… the chant “Lock her up!” that rang through the hall`: the words ring, no one speaks)
        phrase = {t.i for t in subjects[0].subtree}
        # a manner ("shot back with a laugh") or the one addressed ("he urged them") may follow
        manner = {t.i for c in verb.children if c.dep_ == "prep" for t in c.subtree}
        rest = [t for t in clause if t.i not in phrase and t.i != verb.i and t.i not in manner]
        if any(t.dep_ not in ("prt", "advmod") and not (t.dep_ == "dobj" and t.pos_ == "PRON") for t in rest):
            return None
        return verb

    def _name_near(self, after: list[Token], verb: Token) -> _Speaker:
        """The parse gave the verb no subject: take the name between quote and verb, or
        just after the verb ("“…,” protester X, 50, told AFP", "“…,” said X")."""
        between = [t for t in after if t.i < verb.i]
        following = [t for t in after if t.i > verb.i][:4]
        for token in [*reversed(between), *following]:
            if token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or token.lower_ in _PRONOUNS:
                return self._resolve(self._phrase(token.head if token.dep_ == "compound" else token))
        return _Speaker()

    def _host_speaker(self, mark: _Marked) -> _Speaker | None:
        """Quoted words set inside a sentence about someone are that someone's: `Moore thanked
        him for “stepping up …”`, `Bolton thought …, a tribute to “the consummate …”`. The
        speaker is the named subject of the clause the quote hangs on."""
        first = self._token_at(mark.start)
        if first is None or not self._opens_inside_a_sentence(mark):
            return None  # the quote opens its sentence: no host clause
        token = first
        for _ in range(8):
            if token.pos_ in ("VERB", "AUX") and not self._inside_marks(token.idx, token.idx + 1):
                subject = self._subject(token)
                if subject is not None and not self._inside_marks(subject.idx, subject.idx + 1):
                    speaker = self._resolve(self._phrase(subject))
                    return speaker if speaker.actor is not None else None
            if token.head.i == token.i:
                break
            token = token.head
        return None

    def _continuation(self, mark: _Marked) -> _Speaker | None:
        """A quote with no attribution of its own continues the previous speaker."""
        if self.state.pending is not None:
            speaker, block = self.state.pending
            self.state.pending = None
            if block >= mark.block - 1:
                return speaker
        last = self.state.last_speaker
        if last is None:
            return None
        if last.refers is not None:  # "who" means nothing outside its clause: carry the noun
            last = _Speaker(last.refers, last.actor, last.unnamed)
        if mark.continued or self.state.last_block >= mark.block - 1:
            return last
        return None

    def _nearest_mention(self, speaker: _Speaker | None, start: int) -> _Speaker | None:
        """A speaker carried over to a quote with no attribution of its own, named by the
        actor's mention nearest before the quote ("Mayor Anna Berg said …. The fishermen cheered
        Berg …. “…”": "Berg"), when that mention is in this paragraph or the one before and
        outside quotes."""
        if speaker is None or speaker.actor is None:
            return speaker
        found = self.mentions.last_before(speaker.actor, self.text.to_document(start))
        if found is None:
            return speaker
        at = self.text.to_parse(found[0])
        if speaker.span is not None and speaker.span.start_char >= at:
            return speaker  # the phrase carried over ("he") is the nearer one
        span = self.doc.char_span(at, at + found[1] - found[0], alignment_mode="expand")
        block = self._block_of(at)
        if span is None or block is None or block < (self._block_of(start) or 0) - 1 or self._inside_marks(at, at + 1):
            return speaker
        return _Speaker(span, speaker.actor, speaker.unnamed)

    def _is_speech(self, token: Token) -> bool:
        return token.pos_ in ("VERB", "AUX") and (
            reporting_verbs().get(token.lemma_.lower()) == "speech" or _particle(token) is not None
        )

    # -- speakers -----------------------------------------------------------------------

    def _subject(self, verb: Token) -> Token | None:
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return self._subject_of_noun_clause(verb)
        if (
            verb.tag_ == "VBN"
            and verb.dep_ == "advcl"
            and not any(c.dep_.startswith(("aux", "nsubj")) for c in verb.children)
        ):
            return None  # "when asked about the levy, X said …": X is the one asked
        controller = self._object_controller(verb)
        if controller is not None:
            return controller
        current, via_conj = verb, False
        for _ in range(5):
            # the subject of a passive reporting verb is the one asked or expected, not the speaker
            # ("Trump is expected to …", "Berg was asked whether …"), except "was quoted as saying"
            # and "He's said he gets …" (a perfect "'s" the model took for "is": a clause of its own follows)
            passive_ok = current.lemma_.lower() not in reporting_verbs() or current.lemma_.lower() == "quote"
            passive_ok = passive_ok or self._perfect_taken_for_passive(current)
            # a subject with letters ("three in 10 saying …", not a bare number), not a date ("the 46-year-old" is)
            subjects = [c for c in current.children if (c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and passive_ok))
                        and any(ch.isalpha() for t in c.subtree for ch in t.text)
                        and (c.ent_type_ not in ("DATE", "TIME") or c.lower_ == "old")]  # fmt: skip
            # "voters in six states going to the polls said …", parsed with the participle as the
            # clausal subject: the participle's own subject is the verb's
            subjects = subjects or [s for c in current.children if c.dep_ == "csubj" and c.tag_ in ("VBG", "VBN")
                                    for s in c.children if s.dep_ == "nsubj" and s.i < c.i]  # fmt: skip
            if subjects:
                # a relative "who"/"that" is resolved through its noun; of two subjects the nearer
                # is the verb's ("Washington (AFP) – Hillary Clinton has taken …")
                subject = max((c for c in subjects if c.i < current.i), key=lambda c: c.i, default=subjects[0])
                # "To understand the real Dred Scott, Chief Justice Roberts said, …": a name right
                # before the verb, with no comma to close an apposition, is the one who said it
                named = [a for a in subject.children if a.dep_ == "appos" and a.right_edge.i == current.i - 1
                         and a.ent_type_ in ("PERSON", "ORG") and current.i > subject.i]  # fmt: skip
                # "Of Carson, Levine … said": a preposition taken for the subject stands for its object
                named = named or [o for o in subject.children if o.dep_ == "pobj" and subject.pos_ == "ADP"][-1:]
                if subject.lower_ in ("that", "which") and current.dep_ == "relcl":
                    # "he posted a comment that compared …": the text's author
                    named = named or [a for a in [self._author(current.head)] if a is not None]
                return named[0] if named else subject
            agent = self._agent(current)
            if agent is not None:
                return agent
            if current.dep_ in ("conj", "advcl", "xcomp", "acomp") and current.head.i != current.i:
                via_conj = current.dep_ == "conj" and self._is_speech(current)
                current = current.head  # "Ukraine demands … and says …", "voters are more likely to say …"
            elif via_conj and current.dep_ == "ccomp" and self._is_speech(current.head):
                # "Clark said A … but said B", the second "said" hung on what the first one said
                current, via_conj = current.head, False
            elif current.dep_ == "pcomp" and current.head.dep_ == "prep":
                current = current.head.head  # "began by saying", "before clarifying that …"
            else:
                break
        return None

    def _subject_of_noun_clause(self, verb: Token) -> Token | None:
        """The speaker of a verb hung on a noun: "A banner called for …" (the noun itself, as the
        parse has it), "X released a statement saying …" (the text's author), "York took a
        moment to point out …" (the one taking it), "an effort to deny …" (no one)."""
        noun = verb.head
        if _infinitive(verb) and noun.dep_ == "dobj" and noun.head.lemma_.lower() in _frame("taking"):
            return self._subject(noun.head)
        author = self._author(noun)
        if author is not None:
            return author
        if _infinitive(verb):
            # "Trump's refusal to release …": the possessor; "the decision to charge …": an aim
            # names no one who says it, unless the noun is a role or a group ("the chair … to call")
            owners = [c for c in noun.children if c.dep_ == "poss"]
            if owners:
                return owners[0]
            named = self._resolve(self._phrase(noun))
            lemma = noun.lemma_.lower()
            agent = lemma in lexicon().titles or lemma in lexicon().group_nouns or bool(noun.ent_type_)
            if named.actor is None and named.unnamed in (None, "other") and not agent:
                return None
        return noun

    def _author(self, text: Token) -> Token | None:
        """Who put out a statement, a letter, an ad: its possessor ("his speech defending …") or
        the subject of the verb it is the object of ("X released a statement saying …")."""
        if text.lemma_.lower() not in issued_texts():
            return None
        owners = [c for c in text.children if c.dep_ == "poss"]
        if owners:
            return owners[0]
        if text.dep_ == "dobj" and text.head.pos_ in ("VERB", "AUX"):
            return self._subject(text.head)
        return None

    @staticmethod
    def _perfect_taken_for_passive(verb: Token) -> bool:
        contracted = any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in verb.children)
        clause = any(c.dep_ == "ccomp" and any(g.dep_ == "nsubj" for g in c.children) for c in verb.children)
        return contracted and clause

    @staticmethod
    def _object_controller(verb: Token) -> Token | None:
        """ "Warren pressed Stumpf to admit …": the object of a verb of pressing is the subject
        of the infinitive hanging from it (not of "used his speech to call for …")."""
        if verb.dep_ != "xcomp" or verb.tag_ != "VB" or verb.head.lemma_.lower() not in _frame("object_control"):
            return None
        objects = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
        return objects[0] if objects and objects[0].pos_ in ("PROPN", "NOUN", "PRON") else None

    @staticmethod
    def _agent(verb: Token) -> Token | None:
        """The one "by" whom a passive verb's action was done."""
        objects = [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        return objects[0] if objects else None

    def _speaker_of(self, verb: Token) -> _Speaker:
        subject = self._subject(verb)
        if subject is not None and _dateline_word(subject):
            # "WASHINGTON -- President Obama, …, said": the name the parser hung on the dateline
            names = [t for t in subject.subtree if t.ent_type_ in ("PERSON", "ORG") and not t.is_upper]
            subject = names[0].head if names and names[0].dep_ == "compound" else (names[0] if names else None)
        if subject is not None and not self._inside_marks(subject.idx, subject.idx + 1):
            speaker = self._resolve(self._phrase(subject))
            if speaker.span is None or not self._inside_marks(speaker.span.start_char, speaker.span.start_char + 1):
                return speaker
        # No subject, or quoted words taken for it: "… of the Washington Post Trump said
        # that …" (the parse hung the name on the phrase before it; a name right before the
        # verb is still its subject), "Said Stone: …".
        before = self.doc[verb.i - 1]
        quoted = self._inside_marks(before.idx, before.idx + 1)
        if verb.i - 1 > verb.sent.start and before.ent_type_ in ("PERSON", "ORG", "NORP") and not quoted:
            return self._resolve(self._entity_of(before) or self.doc[before.i : verb.i])
        if (
            verb.tag_ in ("VBP", "VBD")
            and not quoted
            and (
                (before.tag_ == "NNS" and before.lower_ in _unnamed())
                or before.lower_ in ("he", "she", "they", "we", "i")
            )
        ):
            # "the $20 million experts say it costs": a contact clause's subject hung on the phrase before it
            return self._resolve(self.doc[before.i : verb.i])
        named = self._described_name(verb)
        if named is not None:
            return self._resolve(named)
        after = self.doc[verb.i + 1] if verb.i + 1 < len(self.doc) else None
        if verb.i == verb.sent.start and after is not None and after.ent_type_ in ("PERSON", "ORG"):
            return self._resolve(self._entity_of(after) or self.doc[after.i : after.i + 1])  # "Said Stone: …"
        return _Speaker()

    def _described_name(self, verb: Token) -> SpacySpan | None:
        """`Senator Harry Reid, the minority leader, said …` parsed with no subject: the name
        whose appositive ends right before the verb."""
        before = verb.i - 1
        while before > verb.sent.start and self.doc[before].is_punct:
            before -= 1
        token = self.doc[before]
        while token.dep_ != "appos" and token.head.i != token.i and token.head.i <= before:
            token = token.head  # up to the head of the appositive phrase
        if token.dep_ != "appos" or token.right_edge.i != before or token.head.ent_type_ not in ("PERSON", "ORG"):
            return None
        if self._inside_marks(token.head.idx, token.head.idx + 1):
            return None
        return self._entity_of(token.head)

    def _entity_of(self, token: Token) -> SpacySpan | None:
        for ent in self.doc.ents:
            if ent.start <= token.i < ent.end:
                return ent
        return None

    def _phrase(self, head: Token) -> SpacySpan:
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
        ent = self._entity_of(head) if head.ent_iob_ != "O" else None
        if ent is not None:
            start, end = min(start, ent.start), max(end, ent.end)
        while start < end and self.doc[start].is_punct:
            start += 1
        return self.doc[start:end]

    def _resolve(self, phrase: SpacySpan) -> _Speaker:
        head = phrase.root
        if len(phrase) == 1 and head.lower_ in _RELATIVE and head.head.dep_ in ("relcl", "acl"):
            noun = head.head.head  # "Trump, who said …", "T-shirts that read: …"
            noun = self._described(noun) or noun
            resolved = self._resolve(self._phrase(noun))
            # the speaker as written is the relative word (its clause may be far from the noun);
            # the noun it stands for names an unnamed speaker ("three members, who said …")
            return _Speaker(phrase, resolved.actor, resolved.unnamed, resolved.span)
        if (head.lower_ in _PRONOUNS or head.lower_ in _POSSESSIVES) and len(phrase) == 1:
            if head.lower_ in _PERSON_PRONOUNS and self.state.focus_person is not None:
                return _Speaker(phrase, self.state.focus_person)
            return _Speaker(phrase, None, "person" if head.lower_ in _PERSON_PRONOUNS else "group")
        actor = self._actor_at(head) if head is not None else None
        if actor is None:
            for token in reversed(list(phrase)):
                actor = self._actor_at(token)
                if actor is not None:
                    break
        if actor is None:
            # "His former business partner at Lenox, Lawrence B. Cummings, called …": the name in apposition
            # (the parse may hang it on the last noun: "Lenox, Lawrence B. Cummings")
            names = [t for t in head.subtree if t.dep_ == "appos" and t.i > head.i and t.ent_type_ == "PERSON"]
            actor = self._actor_at(names[-1]) if names else None
        if actor is not None:
            return _Speaker(phrase, actor)
        unnamed = _unnamed().get(head.lower_) or _unnamed().get(head.lemma_.lower()) or "other"
        return _Speaker(phrase, None, unnamed)

    def _described(self, noun: Token) -> Token | None:
        """The subject a predicate noun describes: "Trump is a liar and a birther who pledged …"
        (the one who pledged is Trump)."""
        while noun.dep_ == "conj":
            noun = noun.head
        if noun.dep_ != "attr" or noun.head.lemma_ != "be":
            return None
        subject = self._subject(noun.head)
        return subject if subject is not None and subject.lower_ not in _RELATIVE else None

    def _actor_at(self, token: Token) -> int | None:
        start = self.text.to_document(token.idx)
        return self.mentions.actor_at(start, start + len(token.text))

    def _update_focus(self, sent: SpacySpan) -> None:
        for token in sent:
            if token.dep_ in ("nsubj", "nsubjpass") and not self._inside_marks(token.idx, token.idx + 1):
                actor = self._actor_at(token)
                if actor is not None and self.actors[actor].kind == "person":
                    self.state.focus_person = actor

    def _token_at(self, char: int) -> Token | None:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    # -- output -------------------------------------------------------------------------

    def _medium(self, verb: Token | SpacySpan | None) -> str | None:
        if not isinstance(verb, Token):
            return None
        for child in verb.children:
            if child.dep_ in ("dative", "dobj") and verb.lemma_.lower() == "tell":
                return self._phrase(child).text
            if child.dep_ == "prep" and child.lower_ in ("on", "to", "in"):
                for obj in (c for c in child.children if c.dep_ == "pobj"):
                    if child.lower_ in ("on", "to"):
                        return self._phrase(obj).text
                    if obj.lemma_.lower() in _MEDIA_NOUNS or obj.lower_ in _MEDIA_NOUNS:
                        inner = [p for p in obj.children if p.dep_ == "prep" and p.lower_ in ("with", "on", "to")]
                        for prep in inner:
                            for target in (c for c in prep.children if c.dep_ == "pobj"):
                                return self._phrase(target).text
                        return self._phrase(obj).text
        return None

    def _span(self, start: int, end: int) -> Span:
        """Parse-text offsets [start, end) within one piece, as a span of the document."""
        at = self.text.to_document(start)
        return Span(self.text.text[start:end], at, at + (end - start))

    def _emit(
        self, start: int, end: int, kind: str, block: int, cue: Token | SpacySpan | None, speaker: _Speaker,
        cue_text: str | None, flags: list[str] | None = None, remember: bool = True,
    ) -> None:  # fmt: skip
        if not any(c.isalnum() for c in self.text.text[start:end]):
            return  # "…, according to Rush Limbaugh." leaves only the full stop
        content = self._span(start, end)
        cue_span = None
        lemma = cue_text
        if cue is not None:
            cue_start = cue.idx if isinstance(cue, Token) else cue.start_char
            cue_span = self._span(cue_start, cue_start + len(cue.text))
            lemma = cue.lemma_.lower() if isinstance(cue, Token) else cue_text
            particle = _particle(cue) if isinstance(cue, Token) and lemma not in reporting_verbs() else None
            if particle is not None:
                lemma = f"{lemma} {particle}"  # "shoot back"
        speaker_span, refers_span = (
            None if s is None else self._span(s.start_char, s.start_char + len(s.text))
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
            )
        )
        # speech reported inside another's words ("Greene added that the Fed wants …") is
        # dropped below (_outermost): its speaker is no one's to continue
        inside = _within_words(content, [s for q in self.quotes[:-1] for s in q.stretches()])
        if remember and not inside and (speaker.actor is not None or speaker.unnamed not in (None, "other")):
            self.state.last_speaker = speaker
            self.state.last_block = block


def _frame(name: str) -> frozenset[str]:
    """The lemmas of a verb frame (extract/data/verb_frames.tsv)."""
    return verb_frames()[name]


def _according_to_source(after: list[Token]) -> Token | None:
    """The source named by "according to" right after a quote's closing mark."""
    words = [t for t in after[:3] if not t.is_punct]
    if len(words) < 2 or words[0].lower_ != "according" or words[1].lower_ != "to":
        return None
    objects = [c for c in words[1].children if c.dep_ == "pobj"]
    return objects[0] if objects else None


def _infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _particle(verb: Token) -> str | None:
    """The particle that makes a verb a verb of speaking ("shot back", "piped up"), if any."""
    particles = phrasal_speech_verbs().get(verb.lemma_.lower())
    if particles is None:  # (asked of every verb not on the list: no walk over its children)
        return None
    return next((c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod") and c.lower_ in particles), None)


def _mixed_closer(text: str, open_at: int, i: int, closers: set[str]) -> bool:
    """`“We will win," she said`, `"We will win,” she said`: scraped text mixes curly and
    straight marks; a curly closer ends a straight quote unless a curly one opened inside it."""
    c = text[i]
    if text[i - 1].isspace():
        return False
    if c == '"':
        return closers != {'"'}
    return c == "”" and closers == {'"'} and "“" not in text[open_at:i]


def _stands_for_words(obj: Token) -> bool:
    """An object that stands for words said elsewhere: "said the same thing", "said as much"."""
    lemma = obj.lemma_.lower()
    return lemma in _PRO_FORMS or (lemma == "thing" and any(c.lower_ == "same" for c in obj.children))


def _verb_form_lemma(word: str) -> str | None:
    """The reporting verb a third-person or past form spells ("blasts", "hopes", "denies", "vowed")."""
    if word.endswith(("ies", "ied")):
        candidates = [word[:-3] + "y"]
    elif word.endswith(("s", "ed")):
        candidates = [word[:-1], word[:-2]]  # "blasts", "urges"; "vowed", "urged"
    else:
        candidates = [word]
    verbs = reporting_verbs()
    return next((c for c in candidates if c in verbs), None)


def _from_subject(tokens: list[Token], clause: Token) -> list[Token]:
    """An unmarked complement less the reporter's time or place before its subject: "said
    after the convention he would not …", "said on Monday the plan was dead"."""
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not tokens or not subjects or any(c.dep_ == "mark" for c in clause.children):
        return tokens
    first = subjects[0].left_edge.i
    leading = [t for t in tokens if t.i < first]
    heads = [t for t in leading if t.head.i not in {x.i for x in leading}]
    if leading and all(h.dep_ in ("prep", "npadvmod") for h in heads) and not any(t.text == "," for t in leading):
        return [t for t in tokens if t.i >= first]
    return tokens


def _says_nothing_more(verb: Token) -> bool:
    """The speech verb has nothing said in its own words: no clause or topic, and after it only
    where, when or to whom ("on Facebook", "Wednesday", "later", "told a Senate panel"). An
    "object" before the verb is the parse's reading of the words said."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp") or (child.dep_ == "prep" and child.lower_ in _TOPIC_PREPS):
            return False
        if child.i < verb.i or child.is_punct or child.dep_ in ("prep", "dative", "agent"):
            continue
        told = child.dep_ == "dobj" and verb.lemma_.lower() in _frame("audience")
        if told and child.pos_ in ("NOUN", "PROPN", "PRON"):
            continue
        when = child.ent_type_ in ("DATE", "TIME") or child.lower_ in _WHEN_WORDS
        if child.dep_ in ("npadvmod", "advmod") and when:
            continue
        return False
    return True


def _as_clause(verb: Token) -> bool:
    """ "…, as the Post reported": a clause hung on another by "as"."""
    return verb.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as" for m in verb.children)


def _answer(verb: Token) -> list[Token] | None:
    """A short answer standing for words said: "said yes", "said no to the war", "said so",
    "said the same", "said as much" (right after the verb, ending its clause)."""
    doc, i = verb.doc, verb.i + 1
    words = [t.lower_ for t in doc[i : i + 2]]
    if words[:1] in (["yes"], ["no"], ["so"]):
        end = i + 1
        if words[0] != "so" and end < len(doc) and doc[end].lower_ == "to" and doc[end].head.i in (verb.i, i):
            end = doc[end].right_edge.i + 1  # "said no to the Iraq war"
    elif words in (["the", "same"], ["as", "much"], ["the", "opposite"]):
        end = i + 2
    else:
        return None
    if end < len(doc) and not (doc[end].is_punct or doc[end].pos_ in ("ADP", "CCONJ", "SCONJ")):
        return None  # "said no one", "said so many things", "said the same people …"
    return list(doc[i:end])


def _put_it_as(verb: Token) -> bool:
    """ "as X put it": an "as" clause of "put it" with nothing else said in it."""
    return (
        verb.lemma_.lower() == "put"
        and _as_clause(verb)
        and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children)
    )


def _trailing_inverted(verb: Token) -> bool:
    """ "…, but it is under pressure from imports, said the chief executive, John Ferriola.": a
    speech verb after a comma with its subject after it, parsed as a conjunct of the clause it frames."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    return (
        verb.dep_ == "conj"
        and before is not None
        and before.text == ","
        and any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.children)
    )


def _host_clause(token: Token, head: Token | None = None) -> list[Token]:
    """The clause ``token`` hangs on (or ``head``'s), less ``token``'s own phrase: what
    "Christie said", "as the Post reported" or "In the same poll" frames."""
    inner = {t.i for t in token.subtree}
    host = [t for t in (head or token.head).subtree if t.i not in inner]
    # a frame at either end is not inside what it frames: "The law is flawed, as the Post reported."
    if all(t.is_punct for t in host if t.i > max(inner)):
        host = [t for t in host if t.i < min(inner)]
    elif all(t.is_punct for t in host if t.i < min(inner)):
        host = [t for t in host if t.i > max(inner)]
    return host


def _opening_position(text: str, i: int, start: int, end: int) -> bool:
    """A mark at i stands where a quote opens: after a space or the paragraph start, before a word."""
    return (i == start or text[i - 1].isspace()) and i + 1 < end and text[i + 1].isalnum()


def _closing_position(text: str, i: int, end: int) -> bool:
    """A mark at i stands where a quote closes: after a word, before a space, punctuation or the end."""
    return not text[i - 1].isspace() and (i + 1 >= end or text[i + 1].isspace() or text[i + 1] in ".,;:!?)")


def _same_speaker(speaker: _Speaker | None, quote: Quote) -> bool:
    """The speaker found for new words is the quote's: the same actor, or the same phrase."""
    return speaker is not None and (
        (speaker.actor is not None and speaker.actor == quote.speaker_actor)
        or (speaker.span is not None and quote.speaker is not None and speaker.span.text == quote.speaker.text)
    )


def _dateline_word(token: Token) -> bool:
    """A dateline or subhead in capitals ("WASHINGTON", "THE BORROWING") that the parser made a
    subject; short acronyms ("FBI", "NATO") and names the model knows are left alone."""
    words = [t for t in token.subtree if t.is_alpha and t.i <= token.i and t.is_upper]
    return (
        token.is_upper
        and sum(len(t) for t in words) > 5
        and (token.ent_type_ not in ("PERSON", "ORG", "NORP") or token.i == token.sent.start)
    )


def _marked_that(clause: Token) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)


def _idiom(verb: Token) -> bool:
    """ "That said, …" and "It goes without saying that …" frame the writer's own sentence."""
    if verb.lemma_.lower() != "say":
        return False
    after = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if verb.i > 0 and verb.nbor(-1).lower_ == "that" and verb.nbor(-1).dep_ == "nsubj" and after is not None:
        return after.text == ","
    return verb.head.lower_ == "without" and verb.head.head.lemma_ == "go"


def _purpose(verb: Token) -> bool:
    """ "met on Monday to discuss the plan": what a meeting is for, nobody's words yet."""
    return (
        verb.lemma_.lower() == "discuss"
        and verb.dep_ in ("advcl", "xcomp", "relcl", "acl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _reports_findings(subject: Token | None) -> bool:
    """Whether what this subject "found" is a finding: a poll, study or court, or an organisation."""
    if subject is None:
        return False
    return subject.lemma_.lower() in _FINDERS or subject.lower_ in _FINDERS or subject.ent_type_ == "ORG"


def _is_topic(pobj: Token) -> bool:
    """Whether a preposition's object names what was said: not "on Saturday", "on condition of
    anonymity", "on his behalf", "on the phone", and not a programme or channel spoken on
    ("speaking on CNBC", "on “CBS This Morning”")."""
    if pobj.dep_ not in ("pobj", "pcomp") or pobj.ent_type_ in ("DATE", "TIME"):
        return False
    if pobj.head.lower_ in ("about", "of"):
        return True  # "talked about the phone call"
    return pobj.lemma_.lower() not in circumstance_nouns() and pobj.ent_type_ not in ("ORG", "WORK_OF_ART", "FAC")


def _is_title(token: Token) -> bool:
    """A title or form of address before a name: "Senator", "Dr.", "Mrs."."""
    word = token.text.rstrip(".")
    return word.lower() in _ADDRESS or lexicon().title(word) is not None


def _within_reach(gap: str) -> bool:
    """No more words than an attribution takes, and no line break, between two quotes."""
    return len(gap.split()) <= ATTRIBUTION_REACH and "\n" not in gap


def _within_words(content: Span, stretches: list[Span]) -> bool:
    """Whether ``content`` lies within one of these quoted stretches."""
    return any(s.start <= content.start and content.end <= s.end for s in stretches)


def _outermost(quotes: list[Quote]) -> list[Quote]:
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


def _outside_brackets(tokens: list[Token]) -> list[Token]:
    kept, depth = [], 0
    for token in tokens:
        if token.text in ("(", "["):
            depth += 1
        elif token.text in (")", "]"):
            depth = max(0, depth - 1)
        elif depth == 0:
            kept.append(token)
    return kept


def _mostly(mark: _Marked, start: int, end: int) -> bool:
    return mark.start <= start and end <= mark.end
