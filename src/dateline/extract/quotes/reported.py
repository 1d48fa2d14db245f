"""Candidate spans, second kind: reported speech, with its cue and speaker.

A reporting verb (data file) with what it reports ("The Kremlin said Putin and Trump had agreed to
meet"): "indirect", or "mixed"/"partial" when quoted words stand inside it; "according to X"; nouns
of saying ("Trump's claim that …"); stances told with an adjective ("was critical of"); "made
clear"; polls ("In the same poll, …"); a named source before a colon; transcript turns
(`PENCE: Well, …`); and a headline's own reporting verb ("Clinton blasts Trump over …")."""

from __future__ import annotations

from bisect import bisect_left
from functools import cached_property
from itertools import takewhile

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...nlp.tokens import indices_of, indices_with_dep, indices_with_lemma
from ..lexicon import reporting_verbs, stance_adjectives
from .content import Content
from .draft import Draft
from .marks import Marked
from .roles import heard_speaking, inverted_aside, is_title, name_after, named_source, seen_happening
from .speakers import Speaker, Speakers
from .view import ArticleView, Stage
from .words import (
    DASHES,
    FINDINGS,
    after_last_clause_break,
    as_clause,
    frame,
    host_clause,
    idiom,
    marked_that,
    marked_to,
    points_back,
    unnamed_sources,
)

# Nouns whose "that" clause is reported content: "Trump’s claim that …", "the report that …".
_SPEECH_NOUNS = {"claim", "statement", "assertion", "argument", "suggestion", "warning", "promise",
                 "announcement", "accusation", "allegation", "belief", "view", "insistence", "report",
                 "contention", "charge", "assurance", "prediction", "admission", "message", "pledge",
                 "vow", "threat", "complaint", "demand", "call", "proposal", "explanation", "remark",
                 "case", "stance", "criticism", "swipe", "jab", "appeal", "comment", "concern",
                 "reference", "doubt", "reservation", "question", "misgiving", "opinion", "illusion", "fear",
                 "objection", "qualm", "worry"}  # fmt: skip

# Entity types that name a source after a headline's colon ("…: Seoul", "…: IRGC chief").
_SOURCE_ENTITIES = {"PERSON", "ORG", "NORP", "GPE"}

# Subjects whose thoughts are no one's stance in particular ("you want", "it seems"). "I think" and
# "we know" outside quotation marks are the writer's (or, in a Q&A, the interviewee's) stance, and
# "they believe" a group's the story names: they stay.
_VAGUE_SUBJECTS = {"it", "you"}

# Nouns of asking and promising whose "for" phrase or "to" infinitive is what their owner
# asked or promised: "Pence's call for a special prosecutor", "her pledge to cut taxes".
_DEMAND_NOUNS = {"call", "demand", "appeal", "proposal", "pledge", "promise", "vow", "threat"}

# What opens an open question: "see what happens" is no view.
_WH_WORDS = {"what", "how", "why", "if", "whether", "when", "where", "who", "which"}

# "made it clear that …", "made plain that …": saying, with "make".
_MADE_CLEAR = {"clear", "plain", "known"}

_STANCE_PREPS = {"against", "for", "about", "on", "at", "over"}

_HELD_PREPS = {"about", "on", "over", "toward", "towards", "regarding"}


# Words opening what follows an according-to phrase that make it the writer's own clause.
_WRITERS_LINKS = {"so", "while", "although", "though", "whereas"}


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


def _a_field(noun: Token) -> bool:
    """ "degrees in safety studies", "a minor in marine studies": a field of study, no study (but
    "in recent studies", "in several studies" are studies)."""
    return (
        noun.lemma_.lower() == "study"
        and noun.tag_ == "NNS"
        and any(c.dep_ == "compound" or (c.dep_ == "amod" and c.lower_ not in _STUDIES_COUNTED) for c in noun.children)
        and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)
    )


# Adjectives that count or date studies rather than name a field.
_STUDIES_COUNTED = {"recent", "new", "previous", "earlier", "past", "latest", "several", "many", "other", "numerous",
                    "multiple", "separate", "independent", "similar", "various", "further", "additional"}  # fmt: skip


def _within_brackets(verb: Token, content: list[Token]) -> list[Token]:
    """A verb inside brackets reports no further than the closing one: "(Apple claims the
    product is carbon neutral) and iPhones"."""
    opened = 0
    for token in verb.doc[verb.sent.start : verb.i]:
        opened += token.text == "("
        opened -= token.text == ")" and opened > 0
    if not opened:
        return content
    closing = next((t.i for t in verb.doc[verb.i : verb.sent.end] if t.text == ")"), None)
    return content if closing is None else [t for t in content if t.i < closing]


def _put_it_as(verb: Token) -> bool:
    """ "as X put it": an "as" clause of "put it" with nothing else said in it."""
    return (
        verb.lemma_.lower() == "put"
        and as_clause(verb)
        and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children)
    )


def _purpose(verb: Token) -> bool:
    """ "met on Monday to discuss the plan": what a meeting is for, nobody's words yet."""
    return (
        verb.lemma_.lower() == "discuss"
        and verb.dep_ in ("advcl", "xcomp", "relcl", "acl")
        and marked_to(verb)
    )


def _mostly(mark: Marked, start: int, end: int) -> bool:
    return mark.start <= start and end <= mark.end


# Words (lower-cased) ``ReportedSpeech.find`` looks for by their text.
_WORDS_LOOKED_FOR = frozenset({"according", "in"})
# Prepositions through which a verb's subject says what the noun of saying after them holds.
_MEDIUM_PREPS = {"in", "during", "through", "via", "with"}

class ReportedSpeech(Stage):
    """Reported speech in a sentence: cue, content and speaker."""

    def __init__(self, view: ArticleView, draft: Draft, speakers: Speakers, content: Content) -> None:
        super().__init__(view)
        self.draft, self.speakers, self.content = draft, speakers, content

    def headline_verb(self, sent: SpacySpan) -> None:
        """ "Clinton blasts Trump over …", "Dems hope Trump's behavior will help them …": the
        model tags headlinese badly ("blasts" an auxiliary, "Trump" the verb), so a headline with
        no attribution found is read by its words: a leading name or group, a reporting verb's
        inflected form, and what follows it."""
        headline_end = self.headline[1]
        in_headline = takewhile(lambda t: t.idx < headline_end, self.doc[sent.start :])  # may be 2 sentences
        words = [t for t in in_headline if not t.is_space]
        for i, token in enumerate(words[1:7], start=1):
            lemma = _verb_form_lemma(token.lower_)
            if lemma is None or token.ent_iob_ == "I":
                continue  # ("United States to Lift …": a word inside a name is no verb)
            head = token.head
            if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "compound") and head.pos_ == "VERB" and (
                head.i > token.i and not head.ent_type_  # ("Berg blasts Trump": a name is no verb)
            ):
                return  # "Harbour talks fail", "Peace talks collapse": the subject of the verb after it
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
            while rest and rest[-1].text in ".,!?" and not self.view.inside_marks(rest[-1].idx, rest[-1].idx + 1):
                rest.pop()
            start, end = self.view.char_bounds(rest)
            if start is None:
                return
            speaker = self.speakers.resolve(self.doc[subject[0].i : subject[-1].i + 1])
            cue = self.doc[token.i : token.i + 1]  # its own lemma, which the tagger got wrong
            self.draft.emit(start, end, self.draft.kind_of_reported(start, end), -1, cue, speaker, lemma)
            return

    @cached_property
    def _maybe_cues(self) -> list[int]:
        """Indices of the tokens ``find`` acts on (all others meet none of its tests), over the
        whole parse at once: "according", "in", an "acomp", or a lemma it looks for."""
        lemmas = frozenset({*_SPEECH_NOUNS, "put", "make", *reporting_verbs()})
        found = {*indices_of(self.doc, _WORDS_LOOKED_FOR, lower=True), *indices_with_dep(self.doc, "acomp"),
                 *indices_with_lemma(self.doc, lemmas)}  # fmt: skip
        return sorted(found)

    def find(self, sent: SpacySpan, block: int) -> None:
        self._colon_attribution(sent, block)
        cues = self._maybe_cues
        for i in cues[bisect_left(cues, sent.start) : bisect_left(cues, sent.end)]:
            token = self.doc[i]
            if token.lower_ == "according" and token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "to":
                self._according_to(token, sent, block)
                continue
            if token.pos_ == "NOUN" and token.lemma_.lower() in _SPEECH_NOUNS and not self._nested(token):
                self._noun_attribution(token, block)
                continue
            if _put_it_as(token) and not self._nested(token):
                # "As Steven Rosenthal recently put it, ''Did Trump …''": the host clause, quoted or not
                start, end = self.view.char_bounds(host_clause(token))
                if start is not None:
                    self._add_reported(token, start, end, block, cue_text=None)
                continue
            if token.lower_ == "in" and token.dep_ == "prep" and not self._nested(token):
                self._in_a_poll(token, block)
                continue
            if token.lemma_.lower() == "make" and token.pos_ == "VERB" and not self._nested(token):
                self._made_clear(token, block)
                continue
            if token.dep_ == "acomp" and token.pos_ == "ADJ" and not self._nested(token):
                self._stance_adjective(token, block)
                continue
            if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in reporting_verbs():
                continue
            if idiom(token) or _purpose(token) or token.i in self.draft.cues_from_next:
                continue
            aside = inverted_aside(token) if not self._nested(token) else None
            if aside is not None:
                self._inverted_aside(token, *aside, block)
                continue
            if heard_speaking(token) is not None:
                continue  # "remembers his son asking", "cited officials saying …": the words are theirs
            if seen_happening(token):
                continue  # "continues to see the numbers work": what is seen, not a view
            nested = self._nested(token)
            content = self.content.content_of(token)
            if content is None:
                self._remember_attribution(token, sent, block)
                continue
            content = _within_brackets(token, content)
            start, end = self.view.char_bounds(content)
            if start is None:
                continue
            opening = self.view.inside_marks(start, start + 1)
            if opening is not None and opening.start == start and self.view.names_a_work(opening.start, opening.end):
                continue  # `says X, author of the paper “Why …,” after …`: a title the parse hung on the verb
            if token.idx >= end:
                start = self._after_lead_in(start, end)
            whole = self.view.inside_marks(start, end)
            if whole is not None and _mostly(whole, start, end) and not nested:
                continue  # the complement is a direct quote: attributed below
            if not nested and self.view.all_quoted(content):
                continue  # `“…,” X said, “…”` parsed as one clause: a split direct quote
            # Inside a quote, "I think …" is the quoted speaker's own attribution.
            self._add_reported(token, start, end, block, cue_text=None, nested=nested)

    def _inverted_aside(self, verb: Token, before: list, speaker: list, rest: list, block: int) -> None:
        """ "The new pier, said Mayor Tomas Reyes, will open in May": the words on both sides of the
        aside, as two parts, are the speaker's."""
        (a, b), (c, d) = self.view.char_bounds(before), self.view.char_bounds(rest)
        if a is None or c is None:
            return
        names = self.speakers.resolve(self.doc[speaker[0].i : speaker[-1].i + 1])
        kind = self.draft.kind_of_reported(a, d)
        self.draft.emit(a, d, kind, block, verb, names, None, parts=[(a, b), (c, d)])

    def _after_lead_in(self, start: int, end: int) -> int:
        """`By writing new roles: “What I want …,” says X`: the words before a colon that opens
        the quotation marks are the writer's lead-in, not what the verb after them reports."""
        opening = self.view.next_mark_start(start)
        if opening is not None and start < opening < end and self.text.text[start:opening].rstrip().endswith(":"):
            return opening
        return start

    def _sentence_before(self, sent: SpacySpan) -> list[Token] | None:
        """The words of the sentence before ``sent`` (the paragraph's before, if it opens one) up to any
        attribution of its own, without its closing stop; None at the start of the article."""
        i = sent.start - 1
        while i >= 0 and self.doc[i].is_space:
            i -= 1
        if i < 0:
            return None
        # up to another attribution in it ("…, but majorities say they want …" is theirs)
        taken = [span for q in self.draft.quotes for span in (q.content, q.cue, q.speaker) if span is not None]
        words = list(takewhile(
            lambda t: not any(s.start <= self.text.to_document(t.idx) < s.end for s in taken), self.doc[i].sent
        ))  # fmt: skip
        while words and (words[-1].is_punct or words[-1].lower_ in ("but", "and", "while")):
            words.pop()
        return words or None

    def _nested(self, token: Token) -> bool:
        """Inside quotation marks (read only for tokens that may be cues: most are not)."""
        return self.view.inside_marks(token.idx, token.idx + len(token.text)) is not None

    def _noun_attribution(self, noun: Token, block: int) -> None:
        """ "Trump’s claim that Mexico will pay": content hangs from a noun of saying; "made
        these allegations against the NRA", "took a firm stance against …": what a stance
        taken with a light verb is about."""
        clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and marked_that(c)]
        owned = any(c.dep_ == "poss" for c in noun.children)
        if not clauses and owned and noun.lemma_.lower() in _DEMAND_NOUNS:
            # "Pence's call for a special prosecutor", "his call to ban all Muslim immigrants"
            clauses = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "for"
                       for o in p.children if o.dep_ == "pobj"]  # fmt: skip
            clauses += [c for c in noun.children if c.dep_ == "acl" and marked_to(c)]
        if not clauses and noun.dep_ == "dobj" and noun.head.lemma_.lower() in frame("light"):
            preps = [*noun.children, *(p for p in noun.head.children if p.i > noun.i)]  # "took a swipe at X"
            # what one "has" is about something: "has doubts about X", not "has a question for you"
            stance_preps = _HELD_PREPS if noun.head.lemma_.lower() == "have" else _STANCE_PREPS
            clauses = [o for p in preps if p.dep_ == "prep" and p.lower_ in stance_preps
                       for o in p.children if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")]  # fmt: skip
        if not clauses:
            return
        start, end = self.view.char_bounds(list(clauses[0].subtree))
        if start is None or any(
            q.content.start <= self.text.to_document(start) < q.content.end for q in self.draft.quotes
        ):
            return
        owners = [c for c in noun.children if c.dep_ == "poss"]
        # "But Trump claims that …" with "claims" tagged a noun: its subject, or a name
        # compounded on it ("the Trump claim that …"), owns it.
        owners += [c for c in noun.children if c.dep_ == "nsubj" or (c.dep_ == "compound" and (
            c.ent_type_ in ("PERSON", "ORG") or self.view.actor_at(c) is not None))]  # fmt: skip
        if owners:
            speaker = self.speakers.resolve(self.view.phrase(owners[0]))
        elif noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
            speaker = self.speakers.speaker_of(noun.head)  # "X made the claim that …"
        elif noun.dep_ == "pobj" and noun.head.lower_ in _MEDIUM_PREPS and noun.head.head.pos_ in ("VERB", "AUX"):
            # "X says in a statement that …" (but "X held firm despite criticism that …", "amid
            # claims that …", "responded to reports that …": someone else's words)
            speaker = self.speakers.speaker_of(noun.head.head)
        else:
            speaker = Speaker()
        self.draft.emit(start, end, self.draft.kind_of_reported(start, end), block, noun, speaker, None)

    def _in_a_poll(self, prep: Token, block: int) -> None:
        """ "In the same poll, Obama led by 28 points": a poll or study the clause reports."""
        finding = prep.head
        objects = [c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in FINDINGS and not _a_field(c)]
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
        start, end = self.view.char_bounds(host_clause(prep, finding))
        if start is None:
            return
        source = self.speakers.resolve(self.view.phrase(objects[0]))
        self.draft.emit(start, end, self.draft.kind_of_reported(start, end), block, prep, source, "in")

    def _made_clear(self, verb: Token, block: int) -> None:
        """ "Clinton made it clear that she …", "officials have made clear that …": a verb
        phrase of saying, with its clause hung on "clear" or on the verb."""
        clear = [c for c in verb.children if c.lower_ in _MADE_CLEAR and c.dep_ in ("ccomp", "oprd", "acomp", "xcomp")]
        if not clear:
            return
        clauses = [c for c in (*clear[0].children, *verb.children)
                   if c.dep_ in ("ccomp", "advcl") and c.i > clear[0].i and marked_that(c)]  # fmt: skip
        if not clauses:
            return
        start, end = self.view.char_bounds(self.content.without_other_speech(clauses[0]))
        if start is None:
            return
        cue = self.doc[verb.i : clear[0].i + 1]
        self.draft.emit(
            start,
            end,
            self.draft.kind_of_reported(start, end),
            block,
            cue,
            self.speakers.speaker_of(verb),
            "make clear",
        )

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
                content = self.content.without_other_speech(child)
            elif child.dep_ == "prep" and child.lower_ in kinds:
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                content = list(objects[0].subtree) if objects else None
            if content:
                break
        if not content:
            return
        start, end = self.view.char_bounds(content)
        speaker = self.speakers.speaker_of(adjective.head)
        if start is None or speaker.span is None or speaker.span.root.lower_ in _VAGUE_SUBJECTS:
            return
        self.draft.emit(start, end, self.draft.kind_of_reported(start, end), block, adjective, speaker, None)

    def _colon_attribution(self, sent: SpacySpan, block: int) -> None:
        """ "Wash Post Fact-Check: If Obama Says It, It’s True": a named source, a colon, a claim."""
        colon = next((t for t in sent[:12] if t.text == ":"), None)
        if colon is None or colon.i == sent.start or self.view.inside_marks(colon.idx, colon.idx + 1):
            return
        if self._transcript_turn(sent, colon, block):
            return
        before = self.doc[sent.start : colon.i]
        if before[0].text in ("[", "("):
            return  # "[CLIP: Walking on pebbles]": a stage direction, no one's words
        if block < 0 and self._source_after_colon(before, colon, sent):
            return
        kicker = next((t.i for t in before[:3] if t.text in DASHES), None)
        if kicker is not None and all(t.is_upper for t in self.doc[sent.start : kicker]):
            before = self.doc[kicker + 1 : colon.i]  # "EXCLUSIVE – Roger Stone: …": the kicker is no source
            if not len(before):
                return
        source = named_source(self.view, before, block)
        named = source is not None
        before = source if source is not None else before
        if not named and not (
            len(before) <= 3 and unnamed_sources().get(before[-1].lemma_.lower()) in ("object", "source")
        ):
            return  # "Poll: Wealthy voters abandon …", "Report: …" name their source too
        start, end = self.view.char_bounds(list(self.doc[colon.i + 1 : self._after_colon_end(colon, sent, block)]))
        if start is None or self.view.inside_marks(start, end):
            return
        if sum(1 for word in self.text.text[start:end].split() if any(c.isalpha() for c in word)) < 2:
            return  # "Clinton: 1,769." is a tally, not words of hers
        self.draft.emit(start, end, "indirect", block, colon, self.speakers.resolve(before), ":")

    def _after_colon_end(self, colon: Token, sent: SpacySpan, block: int) -> int:
        """Where what follows a colon ends: its sentence's end, or the next sentence's when the
        parser began one right after the colon ("AP: Trump chair routed …" as two sentences)."""
        if colon.i == sent.end - 1 and sent.end < len(self.doc) and self.view.block_of(self.doc[sent.end].idx) == block:
            return self.doc[sent.end].sent.end
        return sent.end

    def _source_after_colon(self, before: SpacySpan, colon: Token, sent: SpacySpan) -> bool:
        """ "Americans gradually packing bags to leave region: IRGC chief": a headline's claim, then
        its source after the colon (a name or a title, a few words at the headline's end)."""
        end = self._after_colon_end(colon, sent, -1)
        after = [t for t in self.doc[colon.i + 1 : end] if not (t.is_punct or t.is_space)]
        claim = [t for t in before if not t.is_punct]
        if not 1 <= len(after) <= 4 or len(claim) < 4 or not any(t.pos_ in ("VERB", "AUX") for t in claim):
            return False
        if any(self.speakers.is_speech(t) for t in claim):
            return False  # "…, island council says: mayor": the claim has its own attribution
        if self.view.inside_marks(before.start_char, before.end_char):
            return False  # (a quoted claim is attributed as a direct quote)
        names = [t for t in after if t.ent_type_ in _SOURCE_ENTITIES or self.view.actor_at(t) is not None]
        if not names and not any(is_title(t) for t in after):
            return False
        start, end = self.view.char_bounds(list(before))
        if start is None:
            return False
        source = self.speakers.resolve(self.doc[after[0].i : after[-1].i + 1])
        self.draft.emit(start, end, self.draft.kind_of_reported(start, end), -1, colon, source, ":")
        return True

    def _transcript_turn(self, sent: SpacySpan, colon: Token, block: int) -> bool:
        """ "PENCE: Well, look, …" at the head of a paragraph: a transcript's speaker label
        (in capitals) and the words that follow, to the paragraph's end, are that speaker's."""
        if block < 0 or sent.start_char != self.blocks[block][0]:
            return False
        turn = self.view.turn_label(block, inside_mark=False)
        if turn is None or turn[1].end_char != colon.idx:
            return False
        start, end = self.view.char_bounds(list(self.doc[colon.i + 1 :]))
        if start is None:
            return False
        end = min(end, self.blocks[block][1])
        self.draft.emit(start, end, "direct", block, colon, self.speakers.label_speaker(turn[1]), ":")
        return True

    def _remember_attribution(self, verb: Token, sent: SpacySpan, block: int) -> None:
        """A speech verb with a speaker and no content of its own, outside any quote:
        the quote that follows is likely its content ("X told The Economist. “…”")."""
        if not self.speakers.is_speech(verb) or self.view.holds_quote(sent):
            return
        if self.view.inside_marks(verb.idx, verb.idx + 1):
            return  # "… the president essentially saying, 'Don't …'": someone quoted within a quote
        speaker = self.speakers.speaker_of(verb)
        if speaker.actor is not None:
            self.draft.state.pending = (speaker, block)

    def lead_in(self, sent: SpacySpan, block: int) -> None:
        """A paragraph ending in a colon introduces the quote below it: "Stated Stone:",
        "President Clinton released the following statement:", "17-year-old Jared Potts echoed:"."""
        if block < 0 or self.text.text[sent.start_char : self.blocks[block][1]].rstrip()[-1:] != ":":
            return
        if self.view.holds_quote(sent):
            return
        verbs = [t for t in sent if self.speakers.is_speech(t)] or [sent.root]
        speaker = self.speakers.speaker_of(verbs[0])
        if speaker.span is None:
            return
        if speaker.actor is not None or speaker.unnamed not in (None, "other"):
            self.draft.state.pending = (speaker, block)

    def _add_reported(
        self, verb: Token, start: int, end: int, block: int, cue_text: str | None, nested: bool = False
    ) -> None:
        kind = "indirect" if nested else self.draft.kind_of_reported(start, end)
        verb_class = reporting_verbs().get(verb.lemma_.lower())
        subject = self.speakers.subject(verb)
        vague = subject is None or subject.lower_ in _VAGUE_SUBJECTS
        if verb_class == "thought" and kind == "indirect" and vague:
            return  # thoughts ("believe", "want") are a stance of someone named or a pronoun for someone
        if verb_class in ("object", "topic", "as") and subject is not None and subject.lower_ == "you":
            return  # "Do you support Trump?", "why are you voting for Trump": the reader asked, no one's stance
        if verb_class == "as" and self.text.text[start:end].split()[0].lower() in _WH_WORDS:
            return  # "waited to see what would happen", "see how it goes": an open question, not a view
        speaker = self.speakers.speaker_of(verb)
        if speaker.refers is not None and speaker.span.root.lower_ == "that" and speaker.unnamed == "other":
            # "policies that favor workers", "a moment that could play big": a thing that "says"
            # or "favors" is mostly a way of describing it (a fifth of these are attributions)
            return
        if speaker.span is not None and start <= speaker.span.start_char < end <= verb.idx:
            # `“… There is a disconnect …,” Flynn, a surrogate, said`: a clause before the verb that
            # runs on into its own speaker is the parse's; the quote is attributed below
            return
        flags = ["nested: an attribution inside another quote"] if nested else None
        self.draft.emit(start, end, kind, block, verb, speaker, cue_text, flags, remember=not nested)

    def _according_to(self, token: Token, sent: SpacySpan, block: int) -> None:
        to = self.doc[token.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"] or [c for c in token.children if c.dep_ == "pobj"]
        # "according to show insiders": the noun phrase parsed as a verb and its object
        misparsed = [c for c in to.children if c.dep_ == "pcomp" and c.i == to.i + 1]
        if not objects and not misparsed:
            return
        source = objects[0] if objects else misparsed[0]
        phrase_start, phrase_end = token.i, max(t.i for t in source.subtree) + 1
        # "according to the group's statement to cyberdaily.au": the phrase's own prepositions
        own = [t.i for c in (*token.children, *to.children) if c.dep_ == "prep" and c.i >= phrase_end
               for t in c.subtree]  # fmt: skip
        phrase_end = max([phrase_end, *(i + 1 for i in own)])
        named_end = name_after(sent, phrase_end)
        named_end = named_end if named_end > phrase_end else None
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
        phrase = self.view.phrase(source) if objects else self.doc[source.i : phrase_end]
        if named_end is not None:  # "according to a fan account, MAFSFan."
            phrase, phrase_end = self.doc[phrase.start : named_end], named_end
            after = [t for t in sent if t.i >= phrase_end]
        before = after_last_clause_break(before)
        words_after = [t for t in after if t.is_alpha]
        if words_after and words_after[0].lower_ in _WRITERS_LINKS and any(t.is_alpha for t in before):
            after = after[-1:]  # "X, according to a report, so it seems …": the writer's own conclusion
        if not any(t.is_alpha or t.like_num for t in after) and points_back(before):
            # "Teens love their earbuds. That's according to a new survey.": what "that" stands for
            before = self._sentence_before(sent)
            if before is None:
                return  # "That's" opening the article: no words to report
        # "X, according to Y." and "According to Y, X": the content is the side with words in it;
        # "X, according to Y, is Z" runs across the phrase.
        if not any(t.is_alpha or t.like_num for t in after):
            start, end = self.view.char_bounds(before)
        elif not any(t.is_alpha or t.like_num for t in before):
            start, end = self.view.char_bounds(after[:-1] if after[-1].text == "." else after)
        else:
            start, end = self.view.char_bounds(before + after)
        if start is None:
            return
        speaker = self.speakers.resolve(phrase)
        cue = self.doc[token.i : token.i + 2]
        parts = None
        if any(t.is_alpha for t in before) and any(t.is_alpha for t in after):
            # "With Y2K over, according to Jenny Walton, a Vogue contributor, it might be time …": the
            # words run across the phrase, which is no part of them
            sides = [self.view.char_bounds(side) for side in (before, after[:-1] if after[-1].is_punct else after)]
            parts = sides if all(a is not None for a, _ in sides) else None
        kind = self.draft.kind_of_reported(start, end)
        self.draft.emit(start, end, kind, block, cue, speaker, "according to", parts=parts)
