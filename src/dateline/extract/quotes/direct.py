"""Direct quotes: each pair of quotation marks attributed to a speech verb, or carried over.

The attribution is the reporting verb beside the marks (`“…,” X said`, `X said: “…”`, `“…” — X`);
else the host clause's subject (`Moore thanked him for “stepping up”`) or the speaker of the quote
or attribution just before (a quote-only paragraph). A short quoted title after "on", "of" or a
possessive ("ABC’s “This Week”"), or the object of a verb other than one of speech ("after playing
“Harbour Lights”"), and scare quotes are nobody's words; quoted words that belong to
an earlier quote go to ``parts``."""

from __future__ import annotations

from itertools import takewhile

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .draft import Draft
from .marks import Marked
from .parts import Parts
from .roles import heard_speaking, named_source
from .speakers import Speaker, Speakers
from .view import ArticleView, Stage
from .words import ATTRIBUTION_REACH, DASHES, EDITORIAL_LABELS, RELATIVE, bare_participle, idiom, title_case

# Quoted words fewer than this, inside someone else's sentence, are not carried over to the last speaker.
_WORDS_WITHIN_A_SENTENCE = 25

# Words before a quoted title or name: "appeared on “Meet the Press”", "wrote in “Mein Kampf”", "Rivera, aka “Colonel
# Mike”" (nouns for works, "his book “The Art of the Deal”", are a data file: extract/data/title_nouns.txt).
_BEFORE_TITLES = (" on", " of", " in", " from", "’s", "'s", " titled", " entitled", " aka", " a.k.a.", " known as",
                  " nicknamed")  # fmt: skip


def _according_to_source(after: list[Token]) -> Token | None:
    """The source named by "according to" right after a quote's closing mark."""
    words = [t for t in after[:3] if not t.is_punct]
    if len(words) < 2 or words[0].lower_ != "according" or words[1].lower_ != "to":
        return None
    objects = [c for c in words[1].children if c.dep_ == "pobj"]
    return objects[0] if objects else None


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


class DirectQuotes(Stage):
    """Quotation-marked words in a sentence, attributed."""

    def __init__(self, view: ArticleView, draft: Draft, speakers: Speakers, parts: Parts) -> None:
        super().__init__(view)
        self.draft, self.speakers, self.parts = draft, speakers, parts

    def find(self, sent: SpacySpan, block: int) -> None:
        for mark in self.view.marked:
            if mark.used or not (sent.start_char <= mark.start < sent.end_char):
                continue
            mark.used = True
            start, end = mark.start, mark.end
            flags = []
            if not mark.closed:
                end = min(end, self.view.sentence_end(mark.start))
                flags.append("unbalanced quotation mark: cut at the end of its sentence")
            if not any(c.isalpha() for c in self.text.text[start:end]):
                continue  # a stray mark, not a quotation
            if self._title(start, end):
                continue  # said on Fox News’ “Hannity,”: a programme's name, nobody's words
            at_head = block >= 0 and start == self.blocks[block][0]
            turn = self.view.turn_label(block, inside_mark=True) if at_head else None
            if turn is not None:
                start, label = turn
                self.draft.emit(start, end, "direct", block, None, self.speakers.label_speaker(label), ":", flags)
                continue
            verb, cue_text, speaker = self._attribution(mark, end)
            phrase = speaker.span if speaker is not None else None
            if phrase is not None and phrase.start_char <= start and end <= phrase.end_char:
                continue  # `the “Alien Superstar” singer announced …`: part of the speaker's name
            if cue_text is None and self.parts.widens_reported(start, end, verb, flags):
                continue
            continued = carried = False
            if verb is not None or cue_text is not None:
                self.draft.state.pending = None  # an attribution waits for the next quote only, not past this one
            if verb is None and cue_text is None and (speaker is None or speaker.span is None):
                if self._short_fragment(start, end) and not self.parts.short_sentence_after_quote(start, end, block):
                    continue  # scare quotes or a title ("the “Gang of Eight”"): nobody's utterance
                if self._name_in_a_sentence(mark, start, end):
                    continue
                host = self.speakers.host_speaker(mark)
                speaker = host or self.speakers.nearest_mention(self.speakers.continuation(mark), start)
                continued = True  # no attribution of its own
                carried = host is None
            if self.parts.joins_previous(start, end, block, verb, speaker, continued, flags):
                continue
            if continued and self.parts.continues_reported(start, end, block, speaker, flags):
                continue
            if self.parts.runs_on(mark, start, end, verb, speaker, flags):
                continue
            if carried and (self._words_within_a_sentence(mark, start, end) or self._words_then_more(block, end)):
                speaker = None  # within someone else's sentence, or the writer's words follow: not the last speaker's
            self.draft.emit(start, end, "direct", block, verb, speaker or Speaker(), cue_text, flags)
            self.draft.last_direct = (len(self.draft.quotes) - 1, end, verb)

    def _governing_lead_in(self, first: Token, mark: Marked) -> Token | None:
        """A verb of speech before the quote that the quoted words hang on, heading an adverbial
        clause of its own with its own subject ("While protesters chanted, “Red for Ed,” in a
        hallway, the Speaker spoke …"): the quote's attribution, whatever verb of speech follows
        in the sentence."""
        token = first
        while self.view.inside_marks(token.idx, token.idx + 1) and token.head.i != token.i:
            token = token.head
        if token.idx >= mark.start or token.dep_ != "advcl" or not self.speakers.is_speech(token):
            return None
        opened = any(c.dep_ == "mark" for c in token.children)  # "while …", "as …", "after …"
        subjects = [c for c in token.children if c.dep_ == "nsubj" and c.i < token.i]
        return token if opened and subjects else None

    def _title(self, start: int, end: int) -> bool:
        """A short quoted name in title case after "on", a possessive or a word such as
        "show": the title of a programme, book or film ("told ABC’s “This Week,”")."""
        before = self.text.text[max(0, start - 30) : start].rstrip().lower()
        possessive = before.endswith(("’s", "'s"))  # "on CBS's ''Face the Nation.''": a title, full stop and all
        if not title_case(self.text.text[start:end], 6, possessive):
            return False
        return (
            before.endswith(_BEFORE_TITLES)
            or before.endswith(("’", "'"))
            or self.view.names_a_work(start, end)
            or self._named_thing(start, end)
        )

    def _named_thing(self, start: int, end: int) -> bool:
        """Quoted words that are the object of a verb other than one of speech, or of a
        preposition: a thing named ("After hitting “Takin’ It to the Streets,” the singer told …",
        "watched “Oppenheimer” twice")."""
        first = self.view.token_at(start + 1)
        if first is None:
            return False
        token = first
        while start <= token.head.idx < end and token.head.i != token.i:
            token = token.head
        governor = token.head
        if governor.i == token.i or start <= governor.idx < end or token.dep_ not in ("dobj", "pobj"):
            return False
        return governor.pos_ == "ADP" or (governor.pos_ == "VERB" and not self.speakers.is_speech(governor))

    def _name_in_a_sentence(self, mark: Marked, start: int, end: int) -> bool:
        """Quoted words in title case inside the writer's sentence, with no attribution of their
        own: a name (`starred in “Once Upon a Time in Hollywood”`, `the “Gang of Eight”`), not
        words anyone said. (Headlines are in title case throughout: not there.)"""
        return mark.block >= 0 and title_case(self.text.text[start:end], 8) and self.view.opens_inside_a_sentence(mark)

    def _words_within_a_sentence(self, mark: Marked, start: int, end: int) -> bool:
        """Fewer than 25 words, quoted inside a sentence that opens before them (`… the crowd
        reprised the chant “Lock her up!” that …`, `his call for “a total ban” on …`). Carried over
        to the last speaker, about one such quote in ten in PolNeAR train had that speaker as its
        annotated source; the rest were someone else's or nobody's (a slogan, a title, a
        document's words)."""
        return len(self.text.text[start:end].split()) < _WORDS_WITHIN_A_SENTENCE and self.view.opens_inside_a_sentence(
            mark
        )

    def _words_then_more(self, block: int, end: int) -> bool:
        """Quoted words followed in their paragraph by the writer's own (`“…” The banners were taken
        down.`): with no attribution found, they are not carried over to the last speaker either
        (on PolNeAR train they seldom had that speaker as source)."""
        return block >= 0 and any(c.isalpha() for c in self.text.text[end : self.blocks[block][1]])

    def _short_fragment(self, start: int, end: int) -> bool:
        return len(self.text.text[start:end].split()) <= 4

    def _attribution(self, mark: Marked, end: int) -> tuple[Token | None, str | None, Speaker | None]:
        text = self.text.text
        first, last = self.view.token_at(mark.start), self.view.token_at(end - 1)
        if first is None or last is None:
            return None, None, None
        after = [t for t in last.sent if t.idx >= end and not self.view.inside_marks(t.idx, t.idx + 1)]
        from_next = not after
        if not after and last.sent.end < len(self.doc) and not self._led_in(first, mark):
            # `“…?” Clinton said. “…”`: the parser ended the sentence at the closing mark;
            # the short sentence right after it is the attribution.
            following = self.doc[last.sent.end].sent
            if self._leads_next_quote(following):
                pass  # `X exclaimed, “…” Y replied, “…”`: "Y replied," opens the next quote, not this one's
            elif following.start_char - end <= 2 and len(following) <= ATTRIBUTION_REACH:
                after = [t for t in following if not self.view.inside_marks(t.idx, t.idx + 1)]
            elif following.start_char - end <= 2 and (verb := self._opening_attribution(following)) is not None:
                # `“…?” Trump said of Apple in February, when the company …`: a longer sentence
                # that opens with the attribution (its own words go on past it)
                self.draft.cues_from_next.add(verb.i)
                return verb, None, self.speakers.speaker_of(verb)
        before = [
            t for t in first.sent if t.idx + len(t.text) <= mark.start and not self.view.inside_marks(t.idx, t.idx + 1)
        ]
        after = _outside_brackets(after)  # "Rep. Jason Chaffetz (R-Utah) said"
        next_open = self.view.next_mark_start(end)
        if next_open is not None and self.text.text[end:next_open].rstrip().endswith(":"):
            # `from X, who …: “A,” to Y, who …: “B,” she says`: B has a lead-in of its own; "says" is B's
            after = [t for t in after if t.idx < next_open]
        source = _according_to_source(after)
        if source is not None:  # `“… . The new material shows …,” according to Judicial Watch.`
            return None, "according to", self.speakers.resolve(self.view.phrase(source))
        governing = self._governing_lead_in(first, mark)
        if governing is not None:  # `While protesters chanted, “…,” in a hallway, X spoke …`: the chant's
            return governing, None, self.speakers.speaker_of(governing)
        for token in after[:ATTRIBUTION_REACH]:  # “…,” X said / “…,” said X / “…,” X, a member, said
            if self.speakers.is_speech(token):
                heard = heard_speaking(token)
                if heard is not None:  # “…?” Denicola recalled a nurse asking: the nurse's words
                    return heard[0], None, self.speakers.resolve(self.view.phrase(heard[1]))
                speaker = self.speakers.speaker_of(token)
                if speaker.span is None:  # no subject outside the quote (`“… Full panic mode,” said X`)
                    speaker = self.speakers.name_near(after, token)
                if from_next:
                    self.draft.cues_from_next.add(token.i)
                return token, None, speaker
        for token in after:
            # “…,” the economist X, a former adviser in the Obama White House, wrote on his
            # blog: a long apposition, but the sentence's own verb is the speech verb (or, when
            # the parse joins it to the quoted clause, a verb with its own subject after the quote).
            if token.text == ";":
                break  # ("the first “strike” was reported …; four workers confirmed that …": another clause)
            if token.dep_ in ("ROOT", "conj") and self.speakers.is_speech(token):
                subject = self.speakers.subject(token)
                if subject is not None and subject.i > last.i:
                    return token, None, self.speakers.speaker_of(token)
                if subject is not None:
                    break
        for token in reversed(before[-10:]):  # X said: “…” / X told AFP: “…”
            if self.speakers.is_speech(token) and not idiom(token):  # ("That said, …" is the writer's)
                if bare_participle(token):  # "told them on the call reported by the News that: “…”"
                    token = next((h for h in token.ancestors if self.speakers.is_speech(h)), None)
                    if token is None or bare_participle(token):
                        continue
                verb = self._split_quotes_verb(token, mark)
                return verb, None, self.speakers.speaker_of(verb)
        verb = self._bare_frame(after, end)
        if verb is not None:
            return verb, None, self.speakers.speaker_of(verb)
        rest = text[end : end + 4].lstrip()
        if rest[:1] in ("—", "–", "―"):  # “…” — X (the parser may make the dash line its own sentence)
            following = [t for t in self.doc[last.i + 1 : last.i + 8] if "\n\n" not in t.text]
            following = following[: next((i for i, t in enumerate(following) if "\n" in t.text), len(following))]
            names = [t for t in following if t.ent_type_ in ("PERSON", "ORG")]
            names = names or [t for t in following if t.pos_ == "PROPN"]  # a reader's name the model missed
            if names:
                return None, "—", self.speakers.resolve(self.view.phrase(names[0]))
        if before and before[-1].text == ":":
            # "IOWA POLLS NOT NECESSARILY WRONG - Mark Blumenthal and Jon Cohen: “…”": a digest's item,
            # its heading, a spaced dash, then the source
            dashes = [i for i, t in enumerate(before[1:-1], start=1) if t.text in DASHES and before[i - 1].whitespace_]
            segment = before[dashes[-1] + 1 : -1] if dashes and before[dashes[-1]].whitespace_ else []
            if 0 < len(segment) <= 6 and segment[0].text[:1].isupper():
                return None, ":", self.speakers.resolve(self.doc[segment[0].i : segment[-1].i + 1])
            # "Darrell Scott: “You Find Me an Aberration …”": a name the parse hung on the quote's verb
            source = named_source(self.view, self.doc[before[0].i : before[-1].i], mark.block)
            if source is not None and not dashes:
                return None, ":", self.speakers.resolve(source)
            subject = [t for t in before if t.dep_ in ("nsubj", "ROOT") and t.pos_ in ("PROPN", "NOUN", "PRON")]
            if subject and len(before) == 2 and subject[0].text.upper() in EDITORIAL_LABELS:
                return None, None, None  # "Example: “…”", "Answer: “…”": a label, not a speaker
            if subject:
                return None, ":", self.speakers.resolve(self.view.phrase(subject[0]))
        return None, None, None

    def _led_in(self, first: Token, mark: Marked) -> bool:
        """The quote has its own lead-in: a speech verb and a "," or ":" right before its opening
        mark (`Pons replied, “…”`); the sentence after it is not its attribution."""
        before = [t for t in first.sent if t.idx < mark.start and not t.is_space]
        if not before or before[-1].text not in (",", ":"):
            return False
        return any(self.speakers.is_speech(t) for t in before[-ATTRIBUTION_REACH:])

    def _leads_next_quote(self, sent: SpacySpan) -> bool:
        """A sentence that opens with a few words and a "," or ":" right before a quotation mark
        opens (`Pons replied, “…”`): the lead-in of the quote that follows, not a trailer of the one before."""
        text, starts = self.text.text, {mark.start for mark in self.view.marked}
        for n, token in enumerate(t for t in sent if not t.is_space):
            if n > ATTRIBUTION_REACH or self.view.inside_marks(token.idx, token.idx + 1):
                return False
            if token.text in (",", ":"):
                at = token.idx + 1
                while at < len(text) and text[at].isspace():  # (not a copy of the rest of the text)
                    at += 1
                return at in starts
        return False

    def _split_quotes_verb(self, verb: Token, mark: Marked) -> Token:
        """`“…,” Thiel wrote in a statement explaining why he is speaking, “but …”`: a speech verb
        inside the clause of the attribution just before these words (after the quote before them,
        in this sentence) is part of that attribution; its verb attributes these words, too."""
        if self.draft.last_direct is None or self.draft.last_direct[2] is None:
            return verb
        _, previous_end, previous_verb = self.draft.last_direct
        if previous_end <= previous_verb.idx < verb.idx < mark.start and previous_verb.is_ancestor(verb):
            return previous_verb
        return verb

    def _opening_attribution(self, sent: SpacySpan) -> Token | None:
        """The speech verb a sentence opens with, its subject all that stands before it (`Trump
        said of Apple …`, `he urged them, as …`) or right after it (`said Smith, …`), with no
        clause of what was said after it (`Trump said the deal …` reports words of its own)."""
        words = [t for t in sent if not t.is_punct][:ATTRIBUTION_REACH]
        verb = next((t for t in words if self.speakers.is_speech(t)), None)
        if verb is None or self.view.inside_marks(verb.idx, verb.idx + 1):
            return None
        if any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children):
            return None
        subject = self.speakers.subject(verb)
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
        if not subjects or subjects[0].pos_ not in ("PROPN", "PRON", "NOUN") or subjects[0].lower_ in RELATIVE:
            return None  # (`… the chant “Lock her up!” that rang through the hall`: the words ring, no one speaks)
        phrase = {t.i for t in subjects[0].subtree}
        # a manner ("shot back with a laugh") or the one addressed ("he urged them") may follow
        manner = {t.i for c in verb.children if c.dep_ == "prep" for t in c.subtree}
        rest = [t for t in clause if t.i not in phrase and t.i != verb.i and t.i not in manner]
        if any(t.dep_ not in ("prt", "advmod") and not (t.dep_ == "dobj" and t.pos_ == "PRON") for t in rest):
            return None
        return verb
