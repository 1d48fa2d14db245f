"""The event coder: predicates to CAMEO codes, with their sides, mood, date and place."""

from __future__ import annotations

from bisect import bisect_left
from datetime import date, timedelta

import numpy as np
from spacy.attrs import POS
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...cameo import NO_EVENT, LexiconEntry, codebook, event_lexicon, event_nouns
from ...model import Actor, Event, EventSide, Place, Quote, Span
from ...nlp.gazetteer import gazetteer
from ...nlp.text import ArticleText, token_at
from ...nlp.tokens import indices_of
from ..lexicon import reporting_verbs
from ..mentions import MentionIndex
from ..tone import tone
from .arguments import Arguments
from .sides import Sides
from .words import (
    BEFORE_YEAR,
    CONDITIONAL_MARKS,
    DIRECTIVES,
    ENDED_BY_ROOT,
    FUTURE,
    GENERIC_EFFORTS,
    HYPOTHETICAL,
    INTENDING,
    INTENT_ADJECTIVES,
    INTENT_BY_ROOT,
    MANDATIVE,
    NEGATIVE_DETS,
    OBLIGATION,
    OCCURRING,
    PENDING_MARKS,
    PERSONAL_PRONOUNS,
    QUESTIONING,
    REFUSAL_BY_ROOT,
    SAYING,
    VISITORS,
    WEEKDAYS,
    YEAR,
    agent_type,
    ends,
    infinitive,
    noun_entry,
    phrase_tokens,
    quantified,
    resolve_date,
    same_side,
    side_key,
)

# How far from neutral the words of a label must be to count as praise or criticism.
LABEL_TONE = 0.25


class Coder(Arguments, Sides):
    """Codes an article sentence by sentence; ``merged`` gives its events."""

    def __init__(
        self, doc: Doc, text: ArticleText, actors: list[Actor], places: list[Place], article_date: str | None,
        article_country: str | None, quotes: list[Quote] = (),
    ) -> None:  # fmt: skip
        self.doc, self.text, self.actors, self.places = doc, text, actors, places
        # "he", "she" as the quote finder resolved them where they speak (by document offset)
        self.pronoun_speakers = {q.speaker.start: q.speaker_actor for q in quotes if q.speaker is not None
                                 and q.speaker_actor is not None and q.speaker.text.lower() in PERSONAL_PRONOUNS}
        self.article_date = date.fromisoformat(article_date[:10]) if article_date else None
        self.article_country = article_country
        self.lexicon = event_lexicon()
        self.codes = codebook()
        self.gaz = gazetteer()
        self.mentions = MentionIndex(actors)
        self.events: list[Event] = []
        self.dateline_place = next((p for p in places if p.source == "dateline" and p.geonameid), None)
        # the tokens code_sentence may act on, found over the whole parse at once: verbs (and a
        # headline's nouns), and the adjectives of intent
        pos = doc.to_array(POS) if len(doc) else np.zeros(0, dtype=np.uint64)
        verbs = np.flatnonzero(np.isin(pos, [VERB, AUX])).tolist()
        self._acting = sorted({*verbs, *indices_of(doc, frozenset(INTENT_ADJECTIVES), lower=True)})
        self._acting_in_headline = sorted({*self._acting, *np.flatnonzero(pos == NOUN).tolist()})

    # -- coding ---------------------------------------------------------------------------

    def code_sentence(self, sent: SpacySpan) -> None:
        piece = self.text.piece_index(sent.start_char)
        block = piece - self.text.first_block if piece >= self.text.first_block else None
        question = sent.text.rstrip().endswith("?")
        headline = piece == 0 and self.text.first_block > 0
        consumed: set[int] = set()
        if question:
            return
        for token in self._may_act_on(sent, headline):
            if token.i in consumed:
                continue
            if token.lower_ in INTENT_ADJECTIVES and token.pos_ == "ADJ":
                self._intent_adjective(token, sent, block, consumed)
                continue
            if not self._is_predicate(token, headline):
                continue
            if self._demanded(token, sent, block):
                continue
            entries = self.lexicon.get(token.lemma_.lower(), [])
            entry = self._best_entry(token, entries)
            if entry is not None and entry.code == NO_EVENT:
                continue  # "fight for gun control", "captured the zeitgeist": the verb is used for no act
            refusal = self._refused(token, entry)
            if entry is None and (token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() in SAYING):
                continue  # neither coded nor an act on an event noun (below)
            if refusal is None and self._not_an_event(token):
                continue
            if refusal is not None:
                sources = self._sources(token)
                self._emit(token, sent, refusal, "NEG" + entry.id, len(entry.conditions), sources,
                           self._targets(token, entry, sources), block, future_ok=False)  # fmt: skip
                continue
            if entry is not None:
                if any(kind == "xcomp" for kind, _ in entry.conditions):
                    # "agreed to meet" is one event: the meeting is the content of the intent.
                    consumed.update(c.i for c in token.children if c.dep_ == "xcomp")
                sources = self._sources(token)
                targets = self._targets(token, entry, sources)
                if headline and _headline_passive(token, entry):
                    sources, targets = [], sources  # "One man killed in Toronto shooting": the man was
                code = self._intended(token) if entry.code == "030" else entry.code
                self._emit(token, sent, code, entry.id, len(entry.conditions), sources, targets, block)
            else:  # a verb with no entry of its own (see above)
                self._noun_event(token, sent, block)

    def _may_act_on(self, sent: SpacySpan, headline: bool) -> list[Token]:
        """The tokens of ``sent`` that ``code_sentence`` may act on, in order: the others are
        neither predicates nor adjectives of intent."""
        found = self._acting_in_headline if headline else self._acting
        return [self.doc[i] for i in found[bisect_left(found, sent.start) : bisect_left(found, sent.end)]]

    def _intended(self, verb: Token) -> str:
        """ "vowed to continue the war" threatens (138), "pledged to send aid" offers aid
        (033): a stated intention is coded by the act it names (CAMEO 03, or 13 for force)."""
        for act in (c for c in verb.children if c.dep_ == "xcomp"):
            entry = self._best_entry(act, self.lexicon.get(act.lemma_.lower(), []))
            code = entry.code if entry is not None and entry.code != NO_EVENT else None
            if code is None:
                found = [noun_entry(o) for o in act.children if o.dep_ == "dobj"]
                code = next((f.code for f in found if f is not None), None)
            if code is not None:
                return INTENT_BY_ROOT.get(code[:2], "030")
        return "030"

    def _intent_adjective(self, adjective: Token, sent: SpacySpan, block: int | None, consumed: set[int]) -> None:
        """ "The United States is willing to provide loans": an intent, coded by the act."""
        acts = [c for c in adjective.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        if not acts or self._not_an_event(adjective.head):
            return
        act = acts[0]
        consumed.add(act.i)
        entry = self._best_entry(act, self.lexicon.get(act.lemma_.lower(), []))
        if entry is not None and entry.code == NO_EVENT:
            entry = None
        code = INTENT_BY_ROOT.get(entry.code[:2], "030") if entry else "030"
        subjects = [c for c in adjective.head.children if c.dep_ == "nsubj"]
        subject = subjects[0] if subjects else None
        if subject is not None and subject.pos_ == "PRON":  # "Syria says it is willing to …"
            subject = self._speaker_for(adjective.head) or subject
        sources = self._coordinated(subject) if subject is not None else []
        targets = self._targets(act, entry, sources)  # "willing to send material to help defend X"
        self._emit(act, sent, code, "A" + (entry.id if entry else "030"), 1, sources, targets, block, future_ok=False)

    def _demanded(self, verb: Token, sent: SpacySpan, block: int | None) -> bool:
        """ "Russia said Sudan must return the helicopter": the speaker demands (100) of
        the embedded subject; what "must" happen has not happened."""
        obligations = [c for c in verb.children if c.dep_ == "aux" and c.lower_ in OBLIGATION]
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if obligations and subjects and obligations[0].i < subjects[0].i:
            return False  # "should Albany pass the bill" is a condition, not an obligation
        # "insisted that Uganda withdraw": a bare verb after a verb of insisting is what it demands
        mandative = (
            verb.tag_ == "VB" and verb.dep_ == "ccomp" and subjects and verb.head.lemma_.lower() in MANDATIVE
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        )  # fmt: skip
        if not obligations and not mandative:
            return False
        speech = verb
        while speech.dep_ in ("ccomp", "conj") and speech.head.i != speech.i:
            speech = speech.head
            if reporting_verbs().get(speech.lemma_.lower()) == "speech":
                break
        else:
            return False
        if speech.i == verb.i or self._not_an_event(speech):
            return False
        subject = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        targets = self._coordinated(subject[0]) if subject else []
        self._emit(speech, sent, "100", "MUST100", 1, self._sources(speech), targets, block, future_ok=False)
        return True

    def _refused(self, verb: Token, entry: LexiconEntry | None) -> str | None:
        """ "will not release the soldiers": a refusal (12), which CAMEO codes, not a non-event."""
        if entry is None or not "03" <= entry.code[:2] <= "08":
            return None
        negated = any(c.dep_ == "neg" for c in verb.children)
        future = any(c.dep_ == "aux" and c.lower_ in FUTURE for c in verb.children)
        failed = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("fail", "decline")  # "failed to reach a deal"
        if not ((negated and future) or failed):
            return None
        return REFUSAL_BY_ROOT.get(entry.code[:2], "120")

    def _noun_event(self, verb: Token, sent: SpacySpan, block: int | None) -> None:
        """ "launched an appeal for …", "started their assault on Mosul", "issued a warning"."""
        nouns = event_nouns()
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if verb.lemma_ in ("be", "remain", "become"):  # "remains the largest donor"
            objects += [c for c in verb.children if c.dep_ == "attr"]
        objects += [c for p in verb.children if p.dep_ == "prep" and p.lower_ in ("on", "for") for c in p.children
                    if c.dep_ == "pobj" and verb.lemma_ in ("go", "embark")]  # fmt: skip
        if verb.lemma_.lower() in OCCURRING:  # "riots erupted", "the protests continued"
            objects += [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
        for obj in objects:
            entry = noun_entry(obj)
            if entry is None and obj.lemma_.lower() in GENERIC_EFFORTS:  # "a mediation effort"
                modifiers = [c for c in obj.children if c.dep_ in ("compound", "amod")]
                entry = next((nouns[m.lower_] for m in modifiers if m.lower_ in nouns), None)
            if entry is None or any(d.lower_ in NEGATIVE_DETS for d in obj.children if d.dep_ == "det"):
                continue
            code, entry_id = entry.code, entry.id
            if obj.dep_ != "nsubj" and ends(verb):
                code, entry_id = ENDED_BY_ROOT.get(entry.code[:2], ""), "END" + entry.id
                if not code or verb.lemma_.lower() in ("avoid", "prevent", "avert"):
                    return
            sources = self._sources(verb) if obj.dep_ in ("dobj", "attr") else self._agents(verb)
            if obj.dep_ == "nsubj":  # "Kenyan riots continued": the noun's owner acted
                sources = [c for c in obj.children if c.dep_ in ("amod", "compound", "poss")
                           and (self._actor_at(c) is not None or self.gaz.country_of_word(c.text))][:1]  # fmt: skip
            targets: list[Token] | None = []
            for slot in entry.targets:
                targets = self._noun_slot(obj, slot) or self._slot(verb, slot, [])
                if targets:
                    break
            if not targets and "none" not in entry.targets:
                # "reiterated its demand that Israel ease restrictions": the one the noun's
                # clause is about.
                clauses = [c for c in obj.children if c.dep_ in ("acl", "ccomp")]
                clauses += [c for c in verb.children if c.dep_ == "ccomp" and c.i > obj.i]  # the clause moved off
                for clause in (c for c in clauses if c.pos_ in ("VERB", "AUX")):
                    targets = self._clause_subject(clause)
                    if targets:
                        break
            if not targets and "none" not in entry.targets:
                # "lodged an official protest with Albania", "after deliberations with the
                # government": whoever the noun's own phrase names is the one it concerns.
                targets = self._named_in([obj], sources)
            self._emit(verb, sent, code, entry_id, 1, sources, targets, block)
            return

    @staticmethod
    def _is_predicate(token: Token, headline: bool) -> bool:
        if token.pos_ in ("VERB", "AUX"):
            # "the besieged town" describes a state and "the wounded" are people; an act
            # needs a clause ("territory occupied by Russia" has its agent).
            nominal = token.dep_ in ("amod", "dobj")
            return not nominal or any(c.dep_ == "agent" for c in token.children)
        # Headlines drop the words that tell a verb from a noun: "Bangladeshis rally
        # against minority sect" comes out of the small model as a noun phrase.
        return headline and token.pos_ == "NOUN" and any(c.dep_ == "prep" for c in token.children)

    def _best_entry(self, verb: Token, entries: list[LexiconEntry]) -> LexiconEntry | None:
        if not entries:
            return None
        phrase = phrase_tokens(verb)
        for entry in entries:
            if all(self._holds(verb, phrase, kind, words) for kind, words in entry.conditions):
                return entry
        return None

    def _holds(self, verb: Token, phrase: list[Token], kind: str, words: frozenset[str]) -> bool:
        if kind == "prep":
            # The verb's own prepositions, not its infinitive's ("agreed to lift embargoes …
            # with strings attached" is no agreement with anyone).
            found = [t for t in phrase if t.dep_ in ("prep", "agent", "dative") and t.lower_ in words]
            # "called the leader on Monday" is no "call on": a date is when, not whom.
            found = [t for t in found if not _dated(t)]
            if not found:
                return False
            nested = {t.i for c in verb.children if c.dep_ == "xcomp" for t in c.subtree}
            return any(t.i not in nested for t in found)
        if kind == "obj":
            objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
            objects += [c for p in verb.children if p.dep_ == "prep" for c in p.children if c.dep_ == "pobj"]
            objects += [c for o in objects for c in o.children if c.dep_ == "conj"]  # "air and artillery strikes"
            objects += [q for o in objects if (q := quantified(o)).i != o.i]  # "thousands of troops"
            if "*" in words:
                return any(o.dep_ == "dobj" for o in objects)
            if "-" in words:  # no direct object: "demonstrated" protests, "demonstrated his skill" does not;
                # a passive has one: its subject, or the noun it describes ("a tunnel blown up by its forces")
                passive = any(c.dep_ == "agent" for c in verb.children)
                return not passive and not any(o.dep_ in ("dobj", "nsubjpass") for o in objects)
            objects += [c for o in objects for c in o.children if c.dep_ == "compound"]  # "aid deliveries"
            if any(o.lemma_.lower() in words or o.lower_ in words for o in objects):
                return True
            # Someone received or called is the object itself, not a place the act came from
            # ("received uranium from reactors at Oak Ridge"), and calling someone something
            # names them ("called Bingenheimer a famous groupie").
            if any(c.dep_ == "oprd" for c in verb.children):
                return False
            return any(self._is_person(o, words) for o in objects if o.dep_ in ("dobj", "nsubjpass"))
        if kind == "xcomp":  # a "to"-infinitive, not a participle ("told viewers watching the crew")
            return any(
                c.dep_ == "xcomp" and infinitive(c) and (c.lemma_.lower() in words or "*" in words)
                for c in verb.children
            )
        if kind == "prt":
            return any(c.dep_ == "prt" and c.lower_ in words for c in verb.children)
        if kind == "word":
            return any(t.lower_ in words or t.lemma_.lower() in words for t in phrase)
        if kind == "label":  # "called the ambassador a very stupid guy"
            named = [c for c in verb.children if c.dep_ == "oprd"]
            # someone is named so: "what the agency calls legacy waste" praises no one
            if not named or not any(c.dep_ == "dobj" and self._someone(c) for c in verb.children):
                return False
            score = tone(" ".join(t.text for c in named for t in c.subtree))
            return score <= -LABEL_TONE if "negative" in words else score >= LABEL_TONE
        if kind == "subj":
            subject = self._subject(verb)
            return subject is not None and (subject.lower_ in words or subject.lemma_.lower() in words)
        return False

    def _is_person(self, token: Token, words: frozenset[str]) -> bool:
        """ "person" in a condition: someone who can be received or called (``_someone``)."""
        return "person" in words and self._someone(token)

    def _someone(self, token: Token) -> bool:
        """Someone, named ("Putin", "the OSCE") or not ("the minister", "a delegation of observers")."""
        if token.ent_type_ == "PERSON" or self._actor_at(token) is not None:
            return True
        return token.lemma_.lower() in VISITORS or agent_type(token) is not None

    def _not_an_event(self, verb: Token) -> bool:
        """Negated, conditional or hypothetical predicates report nothing that happened."""
        if _negated_or_possible(verb):
            return True
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
                d.lower_ in NEGATIVE_DETS for d in child.children if d.dep_ == "det"
            ):
                return True
        if verb.dep_ == "conj" and _negated_or_possible(verb.head) and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children
        ):
            return True  # "would have gone or asked someone", "did not arrest or charge him"
        if verb.lemma_.lower() in QUESTIONING and any(_question_clause(c) for c in verb.children):
            return True  # "asked why the companies were based there": a question, not an appeal
        if verb.dep_ in ("ccomp", "xcomp", "acl") and verb.head.lemma_.lower() in DIRECTIVES:
            return True  # "demanded that Belarus free the journalists", "its demand that …": asked for, not done
        if verb.dep_ == "ccomp" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in DIRECTIVES and c.i < verb.i for c in verb.head.children
        ):
            return True  # "reiterated its demand today that Israel ease …": the clause moved off the noun
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENDING:
            return True  # "offered to negotiate": the offer is the event, not a negotiation
        current = verb
        while current.head.i != current.i:
            if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in current.children):
                return True
            if any(c.dep_ == "mark" and c.lower_ in PENDING_MARKS for c in current.children) and not _past(current):
                return True  # "will fight until the hostages are freed": not freed yet
            if current.dep_ in ("ccomp", "xcomp", "conj", "advcl") or current.i == verb.i:
                current = current.head
            else:
                break
        return any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in current.children)

    # -- output -----------------------------------------------------------------------------

    def _emit(
        self, verb: Token, sent: SpacySpan, code: str, entry_id: str, conditions: int, source_tokens: list[Token],
        targets: list[Token] | str | None, block: int | None, future_ok: bool = True,
    ) -> None:  # fmt: skip
        mood = "asserted"
        if future_ok and any(c.dep_ == "aux" and c.lower_ in FUTURE for c in verb.children):
            code, mood = INTENT_BY_ROOT.get(code[:2], code), "intent"
        where = self._where(verb)
        sources = [s for s in (self._side(t, where) for t in source_tokens) if s is not None] or [None]
        if targets == "reciprocal":
            pairs = [(a, b) for a in sources for b in sources if a is not b]
        else:
            target_sides = [s for s in (self._side(t, where) for t in targets or []) if s is not None]
            if not target_sides and where is not None:
                # "imposed a curfew in Algiers", "shelled targets in Jericho": with no one
                # named, the act falls on the place, coded by its country as GDELT does.
                target_sides = [where]
            pairs = [(a, b) for a in sources for b in target_sides or [None]]
        for source, target in pairs:
            if source is None and target is None and verb.dep_ != "ROOT":
                continue  # a main-clause act with unknown actors is still an act ("sanctions were lifted")
            if source is not None and target is not None and same_side(source, target):
                continue  # an actor acting on itself: a parse artefact
            self.events.append(self._event(code, mood, source, target, verb, sent, entry_id, block, conditions))

    def _event(
        self, code: str, mood: str, source: EventSide | None, target: EventSide | None, cue: Token,
        sent: SpacySpan, entry_id: str, block: int | None, conditions: int,
    ) -> Event:  # fmt: skip
        info = self.codes[code]
        to_doc = self.text.to_document
        start = sent.start_char
        sentence = Span(sent.text.strip(), to_doc(start), to_doc(start) + len(sent.text.strip()))
        cue_span = Span(cue.text, to_doc(cue.idx), to_doc(cue.idx) + len(cue.text))
        when, when_source = self._date(sent, forward=mood == "intent", cue=cue)
        confidence = 0.5 + 0.1 * conditions
        confidence += 0.1 * sum(1 for side in (source, target) if side is not None and side.actor is not None)
        confidence -= 0.3 if source is None else 0.0  # who acted is unknown
        return Event(
            code=code, root=info.root, quad_class=info.quad_class, goldstein=info.goldstein, source=source,
            target=target, sentence=sentence, cue=cue_span, entry=entry_id, block=block, date=when,
            date_source=when_source, place=self._place(sent), mood=mood, confidence=round(min(confidence, 0.95), 2),
            tone=tone(sentence.text),
        )  # fmt: skip

    def statements(self, quotes: list[Quote]) -> None:
        """A quoted actor made a statement (010) about the first other actor it names."""
        for quote in quotes:
            if any(f.startswith("nested") for f in quote.flags) or (
                quote.speaker_actor is None and quote.speaker is None
            ):
                continue
            target = self.mentions.first_within(quote.content.start, quote.content.end, quote.speaker_actor)
            first = self.text.to_parse(quote.content.start)
            span = self.doc.char_span(first, first + 1, alignment_mode="expand")
            if span is None or quote.cue is None:
                continue
            sent = span[0].sent
            cue = self.doc.char_span(self.text.to_parse(quote.cue.start), self.text.to_parse(quote.cue.end),
                                     alignment_mode="expand")  # fmt: skip
            if cue is None or not len(cue):
                continue
            if quote.speaker_actor is not None:
                speaker = self.actors[quote.speaker_actor]
                source = EventSide(speaker.name, speaker.code, quote.speaker_actor)
            else:  # "the agency said": a statement by someone we cannot code
                start, end = self.text.to_parse(quote.speaker.start), self.text.to_parse(quote.speaker.end)
                head = self.doc.char_span(start, end, alignment_mode="expand")
                source = self._side(head.root) if head is not None and len(head) else None
                if source is None:
                    source = EventSide(quote.speaker.text, None, None, quote.speaker.start, quote.speaker.end)
            target_side = None
            if target is not None:
                t = self.actors[target]
                target_side = EventSide(t.name, t.code, target)
            self.events.append(
                self._event("010", "asserted", source, target_side, cue[0], sent, "Q010", quote.block, 1)
            )

    def _date(self, sent: SpacySpan, forward: bool = False, cue: Token | None = None) -> tuple[str | None, str | None]:
        """The date the act's own clause gives it ("territory occupied by Russia since 2014" in a
        sentence that opens "Earlier on Wednesday"), else the date the sentence gives, else the
        article's. A weekday is the last one before the article, or, for an act to come ("will
        meet on Sunday", "next Tuesday"), the next one after it; a year alone ("in 2019") is that
        year."""
        base = self.article_date
        if base is None:
            return None, None
        if cue is not None:
            own = [t for t in sent if _clause_verb(t) == cue.i]
            found = self._date_in(own, [e for e in sent.ents if _clause_verb(e.root) == cue.i], base, forward)
            if found is not None:
                return found, "sentence"
        found = self._date_in(list(sent), list(sent.ents), base, forward)
        return (found, "sentence") if found is not None else (base.isoformat(), "article")

    def _date_in(self, tokens: list[Token], ents: list[SpacySpan], base: date, forward: bool) -> str | None:
        """The date these tokens (and date entities) give, if any (see ``_date``)."""
        for token in tokens:
            word = token.lower_
            if word in WEEKDAYS and token.ent_type_ == "DATE":
                day = WEEKDAYS.index(word)
                if forward or (token.i > 0 and token.nbor(-1).lower_ == "next"):
                    return (base + timedelta(days=(day - base.weekday()) % 7 or 7)).isoformat()
                back = (base.weekday() - day) % 7
                return (base - timedelta(days=back)).isoformat()
            if word == "yesterday":
                return (base - timedelta(days=1)).isoformat()
            if word == "today":
                return base.isoformat()
        for ent in ents:
            if ent.label_ == "DATE" and any(t.is_digit for t in ent) and any(t.is_alpha for t in ent):
                value = resolve_date(ent.text, base.isoformat())
                if value:
                    return value
            year = ent.label_ == "DATE" and YEAR.fullmatch(ent.text) and int(ent.text) <= base.year
            if year and ent.start > 0 and ent.doc[ent.start - 1].lower_ in BEFORE_YEAR:  # "in 2019", "the 2021 coup"
                return ent.text
        return None

    def merged(self) -> list[Event]:
        """The same event told twice in one article is one event with two mentions; in one
        sentence, acts of one code between the same sides are one event ("arrested him and
        charged him" is one 173)."""
        kept: list[Event] = []
        told: dict[tuple, Event] = {}
        for event in self.events:
            sides = (side_key(event.source), side_key(event.target))
            keys = ((event.code, event.entry, *sides), (event.sentence.start, event.code, *sides))
            first = next((told[k] for k in keys if k in told), None)  # told again, or by another verb
            if first is not None:
                first.mentions += 1
            else:
                kept.append(event)
                told.update(dict.fromkeys(keys, event))
        # in a sentence, the main clause's act first ("warplanes supported by Russia pounded the
        # enclave": the pounding, then the support)
        return sorted(kept, key=lambda e: (e.sentence.start, self._depth(e.cue.start)))

    def _depth(self, document_offset: int) -> int:
        """How many heads lie between the token at this offset and its sentence's root."""
        token, depth = token_at(self.doc, self.text, document_offset), 0
        if token is None:
            return 0
        while token.head.i != token.i and depth < 50:
            token, depth = token.head, depth + 1
        return depth


def _past(clause: Token) -> bool:
    """A clause told in the past tense ("until he was arrested")."""
    return clause.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in clause.children)


def _headline_passive(verb: Token, entry: LexiconEntry) -> bool:
    """A headline's "X killed", "Two soldiers wounded": a past participle with its "be" left
    out, read by the parser as an act of X; X is whom it was done to."""
    own = {c.dep_ for c in verb.children}
    return (
        verb.tag_ in ("VBD", "VBN") and entry.targets[:1] == ("dobj",) and "nsubj" in own
        and not own & {"dobj", "aux", "auxpass", "agent", "ccomp", "xcomp", "dative"}
    )  # fmt: skip


def _negated_or_possible(verb: Token) -> bool:
    """A predicate negated ("did not attack"), put as possible ("could attack") or counter
    to fact ("would have told an adult")."""
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    for child in verb.children:
        if child.dep_ == "neg" or child.lower_ in ("never",):
            return True
        if child.dep_ == "aux" and child.lower_ in HYPOTHETICAL:
            return True
    return "would" in auxiliaries and any(a in ("have", "'ve") for a in auxiliaries) and verb.tag_ == "VBN"


def _question_clause(clause: Token) -> bool:
    """ "why the companies were based there", "whether New Jersey had a shot": an indirect
    question, not what is asked for."""
    if clause.dep_ != "ccomp":
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children):
        return True
    return clause.left_edge.tag_ in ("WRB", "WP", "WP$", "WDT")  # "why", "what steps", "who"


def _clause_verb(token: Token) -> int | None:
    """The index of the verb whose clause a token is in: itself if a verb, else its nearest verb above."""
    for _ in range(40):
        if token.pos_ in ("VERB", "AUX"):
            return token.i
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _dated(prep: Token) -> bool:
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)
