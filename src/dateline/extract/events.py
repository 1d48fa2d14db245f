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
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..cameo import LexiconEntry, agent_nouns, codebook, event_lexicon, event_nouns, region_code
from ..clean.dates import resolve
from ..model import Actor, Event, EventSide, Place, Quote, Span
from ..nlp.gazetteer import gazetteer
from ..nlp.text import ArticleText
from .lexicon import lexicon, reporting_verbs
from .mentions import MentionIndex
from .tone import tone

# Verbs of saying: "told a meeting" reports speech; it is no meeting of its own. (Verbs
# such as "announce" or "declare" do make their object happen: "announced a ceasefire".)
_SAYING = {"say", "tell", "add", "write", "ask", "reply", "respond", "note", "comment", "explain", "state", "insist"}
# Adjectives that, with a "to" infinitive, express an intent: "is ready to contribute troops".
_INTENT_ADJECTIVES = {"willing", "ready", "prepared", "committed", "determined", "eager", "keen", "open"}
_NOT_ACTORS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"}
_CLAUSAL = {"ccomp", "advcl", "relcl", "parataxis", "csubj", "acl"}
_HYPOTHETICAL = {"could", "might", "may", "should", "can"}
# "said Sudan must return …": an obligation named in reported speech is a demand.
_OBLIGATION = {"must", "should"}
# Verbs that offer, plan or promise an act: the act they name has not happened either.
# An attempt is not among them: it was made, and CAMEO codes an attempted killing as the act.
_INTENDING = {"offer", "plan", "propose", "want", "hope", "seek", "intend", "promise", "pledge", "vow", "threaten",
              "aim", "wish", "prepare", "expect", "consider"}  # fmt: skip
# Verbs that ask for an act: the act they name has not happened.
_DIRECTIVES = {"demand", "urge", "ask", "request", "insist", "press", "call", "appeal", "propose", "suggest",
               "recommend", "order", "implore", "beg", "invite"}  # fmt: skip
# "would" reports a plan in indirect speech ("said it would hold talks"); conditionals
# ("would … if") are caught by their "if".
_FUTURE = {"will", "'ll", "shall", "would", "'d"}
_NEGATIVE_DETS = {"no", "neither", "nor"}
# Groups that visit, are received or are called, besides agent nouns ("a mission of observers").
_VISITORS = {"delegation", "mission", "team", "envoy", "visitor", "observer", "inspector", "counterpart", "leader",
             "representative", "emissary", "guest"}  # fmt: skip
# Nouns that take their event from a modifier: "a mediation effort", "a peace mission".
_GENERIC_EFFORTS = {"effort", "mission", "bid", "attempt", "initiative", "drive", "campaign", "process"}
# Prepositions that place a phrase: "demonstrators in Baghdad", "a curfew in Algiers".
_LOCATIVE = {"in", "at", "inside", "into", "near", "across", "throughout", "outside"}
# "the town of Samarra": a name the small model may not tag as a place, but the phrase does.
_SETTLEMENTS = {"town", "city", "village", "capital", "port", "province", "region", "district", "enclave", "camp"}
_PLACE_ENTITIES = {"GPE", "LOC", "FAC"}
# Places a country or city may be named to locate: "the crossing with Ukraine", "the border between".
_PLACE_NOUNS = _SETTLEMENTS | {"border", "crossing", "frontier", "checkpoint", "bridge", "road", "highway", "route",
                               "airport", "area", "side", "coast", "waters", "line"}  # fmt: skip
# Verbs that say an event happened, with the event noun as subject.
_OCCURRING = {"continue", "erupt", "break", "spread", "begin", "start", "occur", "rage", "escalate", "intensify",
              "resume", "take"}  # fmt: skip
# Participles that seat a body in a place: "a group based in Trinidad".
_SEATED = {"base", "operate", "station", "locate", "headquarter", "deploy"}
# Prepositions that introduce who an act is aimed at (not when or why: "following", "amid").
_ARGUMENT_PREPS = {"against", "with", "to", "on", "for", "from", "over", "toward", "towards", "about", "upon"}
_CONDITIONAL_MARKS = {"if", "unless"}
# Participles that state a stance of their grammatical subject: "is opposed to", "is committed to".
_STANCE_PARTICIPLES = {"oppose", "commit", "dedicate", "devote"}
_PERSONAL_PRONOUNS = {"he", "him", "she", "her"}
_DEFIANT_STANCES = {"defiance", "protest", "opposition"}
_STANCES = {"defiance", "protest", "solidarity", "retaliation", "response", "support", "opposition", "revenge"}
_YEAR = re.compile(r"(19|20)\d\d")
_BEFORE_YEAR = {"in", "since", "during", "until", "by", "of", "the", "early", "late", "mid"}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# Planned or promised acts: CAMEO codes the intent, by the root of the act.
# Refusing a cooperative act, by the root of the act (CAMEO 12x).
_REFUSAL_BY_ROOT = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
# Ending an act, by the root of the act: ending conflict yields (CAMEO 08: "ended their
# blockade", "called off a strike", "ceased its operations"); ending cooperation reduces
# relations (16: "suspended talks", "halted aid"). Avoiding or preventing an act is none.
_ENDED_BY_ROOT = {"04": "164", "05": "161", "06": "160", "07": "162", "13": "080", "14": "082", "15": "087",
                  "16": "085", "17": "081", "18": "087", "19": "087", "20": "087"}  # fmt: skip
_ENDING = {"end", "halt", "suspend", "cease", "stop", "postpone", "scrap", "cancel", "abandon", "drop", "terminate",
           "lift", "avoid", "prevent", "avert"}  # fmt: skip
_INTENT_BY_ROOT = {"04": "036", "05": "032", "06": "030", "07": "033", "08": "035", "19": "138", "18": "138"}


def extract_events(
    doc: Doc, text: ArticleText, actors: list[Actor], quotes: list[Quote], places: list[Place],
    article_date: str | None, article_country: str | None,
) -> list[Event]:  # fmt: skip
    coder = _Coder(doc, text, actors, places, article_date, article_country)
    for sent in doc.sents:
        coder.code_sentence(sent)
    coder.statements(quotes)
    return coder.merged()


class _Coder:
    def __init__(
        self, doc: Doc, text: ArticleText, actors: list[Actor], places: list[Place], article_date: str | None,
        article_country: str | None,
    ) -> None:  # fmt: skip
        self.doc, self.text, self.actors, self.places = doc, text, actors, places
        self.article_date = date.fromisoformat(article_date[:10]) if article_date else None
        self.article_country = article_country
        self.lexicon = event_lexicon()
        self.codes = codebook()
        self.gaz = gazetteer()
        self.mentions = MentionIndex(actors)
        self.events: list[Event] = []
        self.dateline_place = next((p for p in places if p.source == "dateline" and p.geonameid), None)

    # -- coding ---------------------------------------------------------------------------

    def code_sentence(self, sent: SpacySpan) -> None:
        piece = self.text.piece_index(sent.start_char)
        block = piece - self.text.first_block if piece >= self.text.first_block else None
        question = sent.text.rstrip().endswith("?")
        headline = piece == 0 and self.text.first_block > 0
        consumed: set[int] = set()
        for token in sent:
            if question or token.i in consumed:
                continue
            if token.lower_ in _INTENT_ADJECTIVES and token.pos_ == "ADJ":
                self._intent_adjective(token, sent, block, consumed)
                continue
            if not self._is_predicate(token, headline):
                continue
            if self._demanded(token, sent, block):
                continue
            entries = self.lexicon.get(token.lemma_.lower(), [])
            entry = self._best_entry(token, entries)
            refusal = self._refused(token, entry)
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
                code = self._intended(token) if entry.code == "030" else entry.code
                self._emit(token, sent, code, entry.id, len(entry.conditions), sources, targets, block)
            elif token.pos_ in ("VERB", "AUX") and token.lemma_.lower() not in _SAYING:
                self._noun_event(token, sent, block)

    def _intended(self, verb: Token) -> str:
        """ "vowed to continue the war" threatens (138), "pledged to send aid" offers aid
        (033): a stated intention is coded by the act it names (CAMEO 03, or 13 for force)."""
        for act in (c for c in verb.children if c.dep_ == "xcomp"):
            entry = self._best_entry(act, self.lexicon.get(act.lemma_.lower(), []))
            code = entry.code if entry is not None else None
            if code is None:
                nouns = event_nouns()
                objects = [c for c in act.children if c.dep_ == "dobj"]
                found = [nouns.get(o.lower_) or nouns.get(o.lemma_.lower()) for o in objects]
                code = next((f.code for f in found if f is not None), None)
            if code is not None:
                return _INTENT_BY_ROOT.get(code[:2], "030")
        return "030"

    def _intent_adjective(self, adjective: Token, sent: SpacySpan, block: int | None, consumed: set[int]) -> None:
        """ "The United States is willing to provide loans": an intent, coded by the act."""
        acts = [c for c in adjective.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        if not acts or self._not_an_event(adjective.head):
            return
        act = acts[0]
        consumed.add(act.i)
        entry = self._best_entry(act, self.lexicon.get(act.lemma_.lower(), []))
        code = _INTENT_BY_ROOT.get(entry.code[:2], "030") if entry else "030"
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
        obligations = [c for c in verb.children if c.dep_ == "aux" and c.lower_ in _OBLIGATION]
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not obligations or (subjects and obligations[0].i < subjects[0].i):
            return False  # "should Albany pass the bill" is a condition, not an obligation
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
        future = any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in verb.children)
        failed = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("fail", "decline")  # "failed to reach a deal"
        if not ((negated and future) or failed):
            return None
        return _REFUSAL_BY_ROOT.get(entry.code[:2], "120")

    def _noun_event(self, verb: Token, sent: SpacySpan, block: int | None) -> None:
        """ "launched an appeal for …", "started their assault on Mosul", "issued a warning"."""
        nouns = event_nouns()
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if verb.lemma_ in ("be", "remain", "become"):  # "remains the largest donor"
            objects += [c for c in verb.children if c.dep_ == "attr"]
        objects += [c for p in verb.children if p.dep_ == "prep" and p.lower_ in ("on", "for") for c in p.children
                    if c.dep_ == "pobj" and verb.lemma_ in ("go", "embark")]  # fmt: skip
        if verb.lemma_.lower() in _OCCURRING:  # "riots erupted", "the protests continued"
            objects += [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
        for obj in objects:
            entry = nouns.get(obj.lower_) or nouns.get(obj.lemma_.lower())
            if entry is None and obj.lemma_.lower() in _GENERIC_EFFORTS:  # "a mediation effort"
                modifiers = [c for c in obj.children if c.dep_ in ("compound", "amod")]
                entry = next((nouns[m.lower_] for m in modifiers if m.lower_ in nouns), None)
            if entry is None or any(d.lower_ in _NEGATIVE_DETS for d in obj.children if d.dep_ == "det"):
                continue
            code, entry_id = entry.code, entry.id
            if obj.dep_ != "nsubj" and _ends(verb):
                code, entry_id = _ENDED_BY_ROOT.get(entry.code[:2], ""), "END" + entry.id
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

    def _noun_slot(self, noun: Token, slot: str) -> list[Token]:
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == slot):
            objects = _whom(prep)
            if objects:
                return self._coordinated(objects[0])
        return []

    def _agents(self, verb: Token) -> list[Token]:
        agents = [c for a in verb.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]
        return self._coordinated(agents[0]) if agents else []

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
        phrase = _phrase_tokens(verb)
        for entry in entries:
            if all(self._holds(verb, phrase, kind, words) for kind, words in entry.conditions):
                return entry
        return None

    def _holds(self, verb: Token, phrase: list[Token], kind: str, words: frozenset[str]) -> bool:
        if kind == "prep":
            # The verb's own prepositions, not its infinitive's ("agreed to lift embargoes …
            # with strings attached" is no agreement with anyone).
            found = [t for t in phrase if t.dep_ in ("prep", "agent", "dative") and t.lower_ in words]
            if not found:
                return False
            nested = {t.i for c in verb.children if c.dep_ == "xcomp" for t in c.subtree}
            return any(t.i not in nested for t in found)
        if kind == "obj":
            objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
            objects += [c for p in verb.children if p.dep_ == "prep" for c in p.children if c.dep_ == "pobj"]
            objects += [c for o in objects for c in o.children if c.dep_ == "conj"]  # "air and artillery strikes"
            if "*" in words:
                return any(o.dep_ == "dobj" for o in objects)
            objects += [c for o in objects for c in o.children if c.dep_ == "compound"]  # "aid deliveries"
            return any(o.lemma_.lower() in words or o.lower_ in words or self._is_person(o, words) for o in objects)
        if kind == "xcomp":
            return any(c.dep_ == "xcomp" and (c.lemma_.lower() in words or "*" in words) for c in verb.children)
        if kind == "prt":
            return any(c.dep_ == "prt" and c.lower_ in words for c in verb.children)
        if kind == "word":
            return any(t.lower_ in words or t.lemma_.lower() in words for t in phrase)
        if kind == "subj":
            subject = self._subject(verb)
            return subject is not None and (subject.lower_ in words or subject.lemma_.lower() in words)
        return False

    def _is_person(self, token: Token, words: frozenset[str]) -> bool:
        """ "person" in a condition: someone who can be received or called, named ("Putin",
        "the OSCE") or not ("the minister", "a delegation of observers")."""
        if "person" not in words:
            return False
        if token.ent_type_ == "PERSON" or self._actor_at(token) is not None:
            return True
        return token.lemma_.lower() in _VISITORS or _agent_type(token) is not None

    def _not_an_event(self, verb: Token) -> bool:
        """Negated, conditional or hypothetical predicates report nothing that happened."""
        for child in verb.children:
            if child.dep_ == "neg" or child.lower_ in ("never",):
                return True
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
                d.lower_ in _NEGATIVE_DETS for d in child.children if d.dep_ == "det"
            ):
                return True
            if child.dep_ == "aux" and child.lower_ in _HYPOTHETICAL:
                return True
        if verb.dep_ in ("ccomp", "xcomp", "acl") and verb.head.lemma_.lower() in _DIRECTIVES:
            return True  # "demanded that Belarus free the journalists", "its demand that …": asked for, not done
        if verb.dep_ == "ccomp" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _DIRECTIVES and c.i < verb.i for c in verb.head.children
        ):
            return True  # "reiterated its demand today that Israel ease …": the clause moved off the noun
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _INTENDING:
            return True  # "offered to negotiate": the offer is the event, not a negotiation
        current = verb
        while current.head.i != current.i:
            if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in current.children):
                return True
            if current.dep_ in ("ccomp", "xcomp", "conj", "advcl") or current.i == verb.i:
                current = current.head
            else:
                break
        return any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in current.children)

    # -- actors of an event ---------------------------------------------------------------

    def _subject(self, verb: Token) -> Token | None:
        current = verb
        for _ in range(4):
            # The small model sometimes hangs the subject on the auxiliary ("Chile is opposed").
            auxiliaries = [g for a in current.children if a.dep_ in ("aux", "auxpass") for g in a.children]
            for child in [*current.children, *auxiliaries]:
                if child.dep_ in ("nsubj", "csubj") and any(c.isalpha() for c in child.text):
                    return child
            agents = [c for a in current.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]
            if agents:
                return agents[0]
            if current.lemma_.lower() in _STANCE_PARTICIPLES:  # "Israel is opposed to …": Israel opposes
                held = [c for c in current.children if c.dep_ == "nsubjpass"]
                if held:
                    return held[0]
            if current.pos_ == "NOUN":  # a headline verb read as a noun: its modifier acts
                named = [c for c in current.children if c.dep_ in ("amod", "compound", "nmod") and c.ent_type_]
                return named[0] if named else None
            if current.dep_ in ("xcomp", "conj", "advcl") and current.head.i != current.i:
                current = current.head  # "agreed to meet": the one who agreed meets
            elif current.dep_ == "pcomp" and current.head.head.i != current.head.i:
                current = current.head.head  # "succeeded in pushing … and recapturing"
            elif current.dep_ in ("acl", "relcl") and _infinitive(current) and _governor(current.head) is not None:
                current = _governor(current.head)  # "converged for a rally to protest": the ralliers
            elif current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
                return current.head
            else:
                break
        return None

    def _sources(self, verb: Token) -> list[Token]:
        subject = self._subject(verb)
        if subject is not None and subject.lower_ in ("who", "which", "that") and subject.head.dep_ == "relcl":
            subject = subject.head.head  # "farmers who demanded subsidies": the farmers demanded
        if subject is not None and subject.pos_ == "PRON":
            subject = self._speaker_for(verb) or subject
        return self._coordinated(subject) if subject is not None else []

    def _speaker_for(self, verb: Token) -> Token | None:
        """ "Rebels said they will lay down their weapons": "they" are the rebels."""
        current = verb
        while current.dep_ in ("ccomp", "xcomp", "conj") and current.head.i != current.i:
            current = current.head
            lemma = current.lemma_.lower()
            if lemma in _SAYING or lemma in ("announce", "declare", "vow", "pledge", "confirm", "report"):
                speaker = current
                for _ in range(3):  # "X was quoted as saying he would …": the one quoted
                    subjects = [c for c in speaker.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"]
                    if subjects:
                        return subjects[0]
                    if speaker.dep_ not in ("advcl", "pcomp", "pobj", "xcomp", "prep") or speaker.head.i == speaker.i:
                        return None
                    speaker = speaker.head
                return None
        return None

    def _targets(self, verb: Token, entry: LexiconEntry | None, sources: list[Token]) -> list[Token] | str | None:
        """The entry's target slots in order; then the places a target hides in when the slot
        is empty or holds a thing no one can code ("threatened to stop negotiations if the
        United States ..."): the first candidate that resolves to a coded actor wins, else
        the first candidate found."""
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        first: list[Token] | None = None
        for candidate in self._target_candidates(verb, entry, sources, passive):
            if candidate in ("none", "reciprocal"):
                if first is not None:
                    return first
                return "reciprocal" if candidate == "reciprocal" and len(sources) > 1 else None
            if not candidate:
                continue
            side = self._side(candidate[0], guess=False)
            if side is not None and side.code is not None:
                return candidate
            first = first or candidate
        return first

    def _target_candidates(
        self, verb: Token, entry: LexiconEntry | None, sources: list[Token], passive: list[Token]
    ) -> Iterator[list[Token] | str | None]:
        # An actor named in the object is offered right after a slot that holds a thing, else
        # later; offering the same candidate twice cannot change the choice.
        offered_named = False
        # "blocked streets in Hong Kong in defiance of Chinese authorities": a defiant stance
        # names whom the act is aimed at more surely than its object does.
        yield self._named_in(self._stance_phrases(verb, _DEFIANT_STANCES), sources)
        for slot in entry.targets if entry is not None else ():
            if slot in ("none", "reciprocal"):
                yield slot
                return
            found = self._slot(verb, slot, passive)
            if found:
                # "demanded an immediate admission by Moscow": the slot holds a thing,
                # and an actor named around it is the one the act falls on.
                yield found
                if not offered_named:
                    offered_named = True
                    yield self._named_in_object(verb, sources)
        # "threatened to ban Ugandan opposition candidates": a threat, demand or refusal
        # falls on whoever the act it names would fall on.
        for act in (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")):
            objects = [c for c in act.children if c.dep_ in ("dobj", "dative")]
            objects += [
                c
                for p in act.children
                if p.dep_ == "prep" and p.lower_ in _ARGUMENT_PREPS
                for c in p.children
                if c.dep_ == "pobj"
            ]  # fmt: skip  "offered to negotiate with the president"
            if objects and objects[0].pos_ in ("NOUN", "PROPN"):
                yield self._coordinated(objects[0])
        # "demanded that the US cancel plans": the one the clause is about.
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            yield self._clause_subject(clause)
        if not offered_named:
            yield self._named_in_object(verb, sources)
        # "blocked a road to show their disapproval of the United States' policies", "in
        # defiance of Chinese authorities": whom the act is aimed at, by its purpose or stance.
        yield self._named_in([c for c in verb.children if c.dep_ in ("advcl", "xcomp") and _infinitive(c)], sources)
        yield self._named_in(self._stance_phrases(verb, _STANCES), sources)
        # "threatened to strike unless Israel rescinded the annexation": the condition is
        # put to its subject.
        acts = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
        for clause in (c for a in acts for c in a.children if c.dep_ == "advcl"):
            if any(m.dep_ == "mark" and m.lower_ in _CONDITIONAL_MARKS for m in clause.children):
                yield self._clause_subject(clause)

    @staticmethod
    def _stance_phrases(verb: Token, stances: set[str]) -> list[Token]:
        """ "in defiance of …", "in protest at …": the stance nouns on the verb."""
        return [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children
                if o.dep_ == "pobj" and o.lemma_.lower() in stances]  # fmt: skip

    def _clause_subject(self, clause: Token) -> list[Token]:
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
        return self._coordinated(subjects[0]) if subjects else []

    def _named_in_object(self, verb: Token, sources: list[Token]) -> list[Token] | None:
        """ "rejected an Indian proposal", "denounced Serbia's suppression of …", "called for
        sanctions against Nigeria": an actor named inside the object is its target."""
        phrases = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        phrases += [c for p in verb.children if p.dep_ == "prep" and p.lower_ in _ARGUMENT_PREPS for c in p.children
                    if c.dep_ == "pobj"]  # fmt: skip
        for act in (c for c in verb.children if c.dep_ == "xcomp"):  # "threatened to cut off electricity to X"
            phrases += [c for c in act.children if c.dep_ == "dobj"]
            phrases += [c for p in act.children if p.dep_ == "prep" and p.lower_ in _ARGUMENT_PREPS
                        for c in p.children if c.dep_ == "pobj"]  # fmt: skip
        return self._named_in(phrases, sources)

    def _named_in(self, phrases: list[Token], sources: list[Token]) -> list[Token] | None:
        """The first actor, nationality or city named in these phrases that is not a source."""
        taken = {self._actor_at(t) for t in sources} - {None}
        for phrase in phrases:
            for token in sorted(_phrase_tokens(phrase), key=lambda t: t.i):
                if token.ent_type_ in _NOT_ACTORS or _stance_prefixed(token) or _where_named(token, phrase):
                    continue
                actor = self._actor_at(token)
                if actor is not None and actor not in taken:
                    return [token]
                if actor is None and token.pos_ == "ADJ" and self.gaz.country_of_word(token.text):
                    return [token]
                if actor is None and self._city_country(token):  # "an admission by Moscow"
                    return [token]
        return None

    def _slot(self, verb: Token, slot: str, passive: list[Token]) -> list[Token]:
        if slot == "dobj":
            objects = [c for c in verb.children if c.dep_ == "dobj"] or passive or _displaced_objects(verb)
            if not objects and verb.dep_ == "acl" and verb.tag_ == "VBN":
                objects = [verb.head]  # "territory occupied by Russia": the noun is the object
            return self._coordinated(objects[0]) if objects else []
        if slot == "purpose":  # "gathered … to demand that followers of a sect be declared …"
            clauses = [c for c in verb.children if c.dep_ in ("xcomp", "advcl")]
            for clause in clauses:
                for token in clause.subtree:
                    named = self._actor_at(token) is not None or self._group_actor(token) is not None
                    if token.dep_ in ("nsubj", "nsubjpass", "dobj") and token.i != clause.i and named:
                        return self._coordinated(token)
            for clause in clauses:  # "to demand the resignation of President X", "to protest Sweden's decision"
                for token in clause.subtree:
                    if token.i != clause.i and token.ent_type_ not in _NOT_ACTORS and self._actor_at(token) is not None:
                        return [token]
            return []
        if slot == "dative":
            datives = [c for c in verb.children if c.dep_ in ("dative", "iobj")]
            return self._coordinated(datives[0]) if datives else []
        if slot == "xobj":
            for xcomp in (c for c in verb.children if c.dep_ == "xcomp"):
                objects = [c for c in xcomp.children if c.dep_ == "dobj"]
                if objects:
                    return self._coordinated(objects[0])
            return []
        if slot == "in_obj":
            objects = [c for c in verb.children if c.dep_ == "dobj"] or passive
            if not objects and verb.dep_ == "acl" and verb.tag_ == "VBN":
                objects = [verb.head]
            objects += [c for p in verb.children if p.dep_ == "prep" for c in p.children if c.dep_ == "pobj"]
            for obj in objects:
                named = [t for t in obj.subtree if self._actor_at(t) is not None]
                if named:
                    return self._coordinated(named[0])
            return []
        for token in _phrase_tokens(verb):  # a preposition: "with", "against", …
            if token.dep_ in ("prep", "dative") and token.lower_ == slot:
                objects = _prep_objects(token)
                if objects:
                    return self._coordinated(objects[0])
        return []

    def _coordinated(self, token: Token) -> list[Token]:
        found, stack = [], [token]
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(c for c in current.children if c.dep_ == "conj")
        return sorted(found, key=lambda t: t.i)

    def _side(self, token: Token, where: EventSide | None = None, guess: bool = True) -> EventSide | None:
        """Resolve a phrase head to an actor, or to an agent noun with its country.

        A generic agent ("police", "demonstrators", "the government") named with no country
        takes the country of the place it is in ("demonstrators in Baghdad"), else of the
        place where it acts (``where``): domestic actors are coded where they act. Anything
        else named (a thing, an unknown noun) is coded by where it is, else, when ``guess``,
        by the sentence's city or the article's country.
        """
        token = _quantified(token)
        if token.ent_type_ in _NOT_ACTORS:
            return None  # "in February 2022" is when, not whom
        start = self.text.to_document(token.idx)
        actor = self._actor_at(token)
        if actor is None:
            actor = self._group_actor(token)
        if actor is None:
            actor = self._person_before(token)
        if actor is not None:
            a = self.actors[actor]
            if a.kind == "country" and token.text in self.gaz.peoples:
                # "ethnic Albanians in south Serbia": a people is coded where it lives.
                home = self._locative_place(token, _LOCATIVE | {"of", "from"})
                if home is not None and home.code and home.code != a.code:
                    return self._phrase_side(token, home.code, None)
                if any(c.lower_ == "ethnic" for c in token.children):
                    # "ethnic" says they live outside their people's country: where the
                    # sentence puts them, else the other country it names.
                    elsewhere = self._other_country(token, a.code, where)
                    if elsewhere:
                        return self._phrase_side(token, elsewhere, None)
            return self._actor_side(token, actor, start, guess)
        # "a fifth of Ukraine", "Baghdad’s forces": an actor named inside the phrase.
        inner = next(
            (
                self._actor_at(t)
                for t in token.subtree
                if t.i != token.i and self._actor_at(t) is not None and not _stance_prefixed(t)
                and not _where_named(t, token)
            ),
            None,
        )
        agent = _agent_type(token)
        if agent is not None:
            if inner is not None and (self.actors[inner].code or "")[:3] in ("IGO", "NGO"):
                # "European Community foreign ministers" act for the body
                return self._phrase_side(token, self.actors[inner].code, inner)
            owner = self.actors[inner].country if inner is not None else None
            country = self._country_in(token) or owner or self._located_country(token)
            if country and any(t.lower_ == "ethnic" for t in token.subtree if t.i < token.i):
                # "ethnic Albanian guerrillas operating in Macedonia": coded where they are
                country = self._located_country(token) or self._other_country(token, country, where) or country
            country = country or (where.code if where is not None else None) or self._city_country_near(token)
            return self._phrase_side(token, (country or self.article_country or "") + agent, None)
        own = self._modifier_country(token)
        if own is not None:
            # "the Cambodian refugee camp in Thailand", "US mediation": the noun's own
            # nationality, before any actor its phrase goes on to name. A thing ("swathes of
            # Russian-occupied territory") stands for that country: the country is the side.
            if token.pos_ == "NOUN" and not token.ent_type_ and self.gaz.country_name(own[0]):
                return EventSide(self.gaz.country_name(own[0]), own[0], own[1], start, start + len(token.text))
            return self._phrase_side(token, *own)
        if inner is not None:  # "land for an Alewite temple, Cemevi"
            return self._actor_side(token, inner, start, guess)
        country = self._country_in(token) or self._city_country(token)
        if country:
            thing = token.pos_ == "NOUN" and not token.ent_type_  # "swathes of Russian-occupied territory"
            name = self.gaz.country_name(country) if thing else None
            return EventSide(name or token.text, country, None, start, start + len(token.text))
        if token.pos_ == "PROPN":  # someone acted, though we cannot code who
            region = region_code(self.doc[token.left_edge.i : token.i + 1].text)
            if region is not None:  # "Europe would play its role": the region, not a guessed country
                return self._phrase_side(token, region, None)
            # ... though we may know where: "prisoners in East Timor's capital Dili"
            country = self._guessed_country(token) if guess else self._located_country(token)
            return self._phrase_side(token, country, None)
        # A common noun that is no agent (cameo/data/agents.tsv) is a thing: "a car bomb",
        # "the theological arguments", "its approach" are no actors.
        return None

    def _actor_side(self, token: Token, actor: int, start: int, guess: bool) -> EventSide:
        """An actor of the article as a side; one with no code (someone we know nothing of
        but the name) is coded, when ``guess``, by where the sentence puts it."""
        a = self.actors[actor]
        code = a.code
        if code is None and guess and a.kind != "country":
            code = self._guessed_country(token)
        return EventSide(a.name, code, actor, start, start + len(token.text))

    def _phrase_side(self, token: Token, code: str | None, actor: int | None) -> EventSide:
        """An event side named by the noun phrase ending at ``token`` ("Riot police")."""
        phrase = self.doc[token.left_edge.i : token.i + 1]
        start = self.text.to_document(phrase.start_char)
        return EventSide(phrase.text, code, actor, start, start + len(phrase.text))

    def _where(self, verb: Token) -> EventSide | None:
        """The place an act happens, from a locative phrase on the verb or its object."""
        heads = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        for head in heads:
            place = self._locative_place(head)
            if place is not None:
                return place
        return None

    def _located_country(self, token: Token) -> str | None:
        place = self._locative_place(token)
        return place.code if place is not None else None

    def _locative_place(self, head: Token, preps: frozenset[str] | set[str] = _LOCATIVE) -> EventSide | None:
        seated = [c for v in head.children if v.dep_ == "acl" and v.lemma_.lower() in _SEATED for c in v.children]
        for prep in [*head.children, *seated]:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for token in prep.subtree:
                if token.ent_type_ not in _PLACE_ENTITIES and not _settlement_name(token):
                    continue
                actor = self._actor_at(token)
                start = self.text.to_document(token.idx)
                if actor is not None and self.actors[actor].kind == "country":
                    a = self.actors[actor]
                    return EventSide(a.name, a.code, actor, start, start + len(token.text))
                place = self._place_at(token)
                country = (place.country if place is not None else None) or self.gaz.country_of_word(token.text)
                if country is None and _settlement_name(token):
                    country = self.gaz.country_of_city(token.text)
                if country:
                    return EventSide(token.text, country, None, start, start + len(token.text))
        return None

    def _place_at(self, token: Token) -> Place | None:
        """The resolved place a token stands in, if the places stage found one there."""
        start = self.text.to_document(token.idx)
        return next((p for p in self.places if p.start is not None and p.start <= start < (p.end or 0)), None)

    def _group_actor(self, token: Token) -> int | None:
        """ "the sect", "followers of a tiny Muslim sect": the article's group actor."""
        nouns = lexicon().group_nouns | {"followers", "members"}
        if token.lower_ not in nouns:
            return None
        if token.lower_ in ("followers", "members"):
            inner = [t for t in token.subtree if t.lower_ in lexicon().group_nouns]
            if not inner:
                return None
        groups = [i for i, a in enumerate(self.actors) if a.kind == "organisation" and a.agent_type in ("REL", "PTY")]
        groups.sort(key=lambda i: -len(self.actors[i].mentions))
        return groups[0] if groups else None

    def _person_before(self, token: Token) -> int | None:
        """ "he", "her": the person the article named last before the pronoun."""
        if token.lower_ not in _PERSONAL_PRONOUNS or token.dep_ == "poss":
            return None
        offset = self.text.to_document(token.idx)
        return self.mentions.last_person_before(offset, self.actors)

    def _city_country(self, token: Token) -> str | None:
        """A city named as an actor stands for its country, as CAMEO codes it ("in Amman")."""
        if token.ent_type_ != "GPE":
            return None
        place = self._place_at(token)
        if place is not None and place.country:
            return place.country
        return self.gaz.country_of_city(token.text)

    def _country_in(self, token: Token) -> str | None:
        for child in token.subtree:
            if child.i > token.i + 3 or child.i < token.left_edge.i or _stance_prefixed(child):
                continue
            if _where_named(child, token):
                continue
            iso3 = self._word_country(child) or (self._city_country(child) if child.i != token.i else None)
            if iso3:
                return iso3  # "Iraqi troops", "Ankara's district administration"
            actor = self._actor_at(child)
            if actor is not None and self.actors[actor].country:
                return self.actors[actor].country
        return None

    def _modifier_country(self, token: Token) -> tuple[str, int | None] | None:
        """The country a noun's own modifier names ("French mediation"), with its actor."""
        for child in token.children:
            if child.i < token.i and child.dep_ in ("amod", "compound", "nmod"):
                iso3 = self._word_country(child)
                if iso3:
                    actor = self._actor_at(child)
                    kind = self.actors[actor].kind if actor is not None else None
                    return iso3, actor if kind == "country" else None
        return None

    def _word_country(self, token: Token) -> str | None:
        """A nationality or country word, of one word or two ("Sri Lankan army")."""
        if _stance_prefixed(token):
            return None
        iso3 = self.gaz.country_of_word(token.text)
        if iso3 is None and token.i + 1 < len(self.doc):
            iso3 = self.gaz.country_of_word(f"{token.text} {self.doc[token.i + 1].text}")
        return iso3

    def _actor_at(self, token: Token) -> int | None:
        start = self.text.to_document(token.idx)
        return self.mentions.actor_at(start, start + len(token.text))

    # -- output -----------------------------------------------------------------------------

    def _emit(
        self, verb: Token, sent: SpacySpan, code: str, entry_id: str, conditions: int, source_tokens: list[Token],
        targets: list[Token] | str | None, block: int | None, future_ok: bool = True,
    ) -> None:  # fmt: skip
        mood = "asserted"
        if future_ok and any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in verb.children):
            code, mood = _INTENT_BY_ROOT.get(code[:2], code), "intent"
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
            if source is not None and target is not None and _same_side(source, target):
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
        when, when_source = self._date(sent, forward=mood == "intent")
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

    def _date(self, sent: SpacySpan, forward: bool = False) -> tuple[str | None, str | None]:
        """The date the sentence gives the act, else the article's. A weekday is the last one
        before the article, or, for an act to come ("will meet on Sunday", "next Tuesday"), the
        next one after it; a year alone ("in 2019") is that year."""
        base = self.article_date
        if base is None:
            return None, None
        for token in sent:
            word = token.lower_
            if word in _WEEKDAYS and token.ent_type_ == "DATE":
                day = _WEEKDAYS.index(word)
                if forward or (token.i > 0 and token.nbor(-1).lower_ == "next"):
                    return (base + timedelta(days=(day - base.weekday()) % 7 or 7)).isoformat(), "sentence"
                back = (base.weekday() - day) % 7
                return (base - timedelta(days=back)).isoformat(), "sentence"
            if word == "yesterday":
                return (base - timedelta(days=1)).isoformat(), "sentence"
            if word == "today":
                return base.isoformat(), "sentence"
        for ent in sent.ents:
            if ent.label_ == "DATE" and any(t.is_digit for t in ent) and any(t.is_alpha for t in ent):
                value = _resolve_date(ent.text, base.isoformat())
                if value:
                    return value, "sentence"
            year = ent.label_ == "DATE" and _YEAR.fullmatch(ent.text) and int(ent.text) <= base.year
            if year and ent.start > 0 and ent.doc[ent.start - 1].lower_ in _BEFORE_YEAR:  # "in 2019", "the 2021 coup"
                return ent.text, "sentence"
        return base.isoformat(), "article"

    def _other_country(self, token: Token, own: str | None, where: EventSide | None) -> str | None:
        if where is not None and where.code and where.code != own:
            return where.code
        for other in token.sent:
            if other.i == token.i:
                continue
            actor = self._actor_at(other)
            country = self.actors[actor].country if actor is not None else self.gaz.country_of_word(other.text)
            if country and country != own:
                return country
        return None

    def _guessed_country(self, token: Token) -> str | None:
        """Where a side the text cannot code is: the place it is in, else the sentence's
        city, else the country the article names most (never its dateline)."""
        return self._located_country(token) or self._city_country_near(token) or self.article_country

    def _city_country_near(self, token: Token) -> str | None:
        """The country of the first city named in the token's sentence: "killed 23 people
        ... when they blew themselves up in Tel Aviv" were people in Israel."""
        cities = [p for p in self._places_in(token.sent) if p.feature == "city"]
        return cities[0].country if cities else None

    def _places_in(self, sent: SpacySpan) -> list[Place]:
        """The places the text names inside a sentence, in order."""
        start = self.text.to_document(sent.start_char)
        end = start + len(sent.text)
        return [p for p in self.places if p.source == "text" and p.start is not None and start <= p.start < end]

    def _place(self, sent: SpacySpan) -> Place | None:
        inside = self._places_in(sent)
        cities = [p for p in inside if p.feature == "city"]
        if cities:
            return cities[0]
        dateline = self.dateline_place
        if inside:
            country = inside[0]
            if dateline is not None and dateline.country == country.country:
                return dateline  # "in Bangladesh’s capital", filed from Dhaka: Dhaka
            return country
        return dateline

    def merged(self) -> list[Event]:
        """The same event told twice in one article is one event with two mentions; in one
        sentence, acts of one code between the same sides are one event ("arrested him and
        charged him" is one 173)."""
        kept: dict[tuple, Event] = {}
        for event in self.events:
            sides = (_side_key(event.source), _side_key(event.target))
            key, in_sentence = (event.code, event.entry, *sides), (event.sentence.start, event.code, *sides)
            first = kept.get(key) or kept.get(in_sentence)  # told again, or by another verb
            if first is not None:
                first.mentions += 1
            else:
                kept[key] = kept[in_sentence] = event
        unique = {id(e): e for e in kept.values()}
        return sorted(unique.values(), key=lambda e: e.sentence.start)


_QUANTITIES = {"tens", "hundreds", "thousands", "millions", "dozens", "scores", "group", "number", "some", "many",
               "most", "all", "several", "both", "part", "members", "band", "crowd"}  # fmt: skip


def _ends(verb: Token) -> bool:
    """ "ended their blockade", "called off a strike": the verb stops the act its object names."""
    lemma = verb.lemma_.lower()
    return lemma in _ENDING or (lemma == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children))


def _where_named(token: Token, phrase: Token) -> bool:
    """ "a blockade of the crossings between Ukraine and Poland": a country named to say
    where a place is, not whom the act is aimed at."""
    current = token
    while current.i != phrase.i and current.head.i != current.i:
        head = current.head
        if current.dep_ == "prep" and head.pos_ == "NOUN" and head.lemma_.lower() in _PLACE_NOUNS:
            return True
        current = head
    return False


def _displaced_objects(verb: Token) -> list[Token]:
    """An object the parser did not hang as one: "kidnapped up to 16 Russian advisers"
    ("up" read as a particle, the number phrase as its "to" object), "denounced as an ugly
    crime Serbia's suppression of …" (the object moved after its "as" phrase)."""
    for child in verb.children:
        if child.dep_ == "prt" and child.lower_ == "up":
            for prep in (p for p in child.children if p.dep_ == "prep" and p.lower_ == "to"):
                counted = [o for o in prep.children if o.dep_ == "pobj" and any(n.dep_ == "nummod" for n in o.children)]
                if counted:
                    return counted
        if child.dep_ == "prep" and child.lower_ == "as":
            described = [o for o in child.children if o.dep_ == "pobj"]
            moved = [a for o in described for a in o.children if a.dep_ == "appos"] + described[1:]
            if moved:
                return moved[:1]
    return []


def _whom(prep: Token) -> list[Token]:
    """A preposition's objects that can be someone: "on Monday" is when, not whom."""
    return [c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ not in _NOT_ACTORS]


def _prep_objects(prep: Token) -> list[Token]:
    """A preposition's object; when the parser hung the phrase after it on a clause of its
    own ("granted asylum to five officers holed up in …" read with "officers" as the
    subject of "holed"), the subject that starts right after the preposition."""
    if any(c.dep_ == "pobj" for c in prep.children) or prep.i + 1 >= len(prep.doc):
        return _whom(prep)
    following = prep.doc[prep.i + 1]
    for token in following.sent:
        if token.dep_ in ("nsubj", "nsubjpass") and token.left_edge.i == prep.i + 1 and token.head.i > token.i:
            return [token]
    return []


_OFFICE_HOLDERS = {"officer", "official", "personnel", "spokesman", "spokeswoman", "spokesperson", "source"}


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _governor(noun: Token) -> Token | None:
    """The verb a noun phrase hangs from, through prepositions ("converged for a rally")."""
    current = noun
    for _ in range(3):
        if current.head.i == current.i:
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
        if current.pos_ != "ADP":
            return None
    return None


def _stance_prefixed(token: Token) -> bool:
    """ "an anti-Syria journalist", "the pro-Iranian group": a stance toward a country, not
    where one comes from."""
    if token.lower_.startswith(("anti-", "pro-")):
        return True
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in ("anti", "pro")


def _settlement_name(token: Token) -> bool:
    head = token.head
    of_settlement = head.lower_ == "of" and head.head.lemma_.lower() in _SETTLEMENTS
    return token.pos_ == "PROPN" and token.dep_ == "pobj" and of_settlement


def _quantified(token: Token) -> Token:
    """ "Tens of thousands of demonstrators" acts through its last noun: demonstrators."""
    for _ in range(4):
        if token.lower_ not in _QUANTITIES and token.ent_type_ not in ("CARDINAL", "QUANTITY"):
            return token
        objects = [
            c for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children if c.dep_ == "pobj"
        ]
        if not objects:
            return token
        token = objects[0]
    return token


def _phrase_tokens(head: Token) -> list[Token]:
    """A predicate's or noun's own phrase: its subtree without the clauses hanging from it
    ("… who fled", "… and said")."""
    tokens, stack = [], [head]
    while stack:
        token = stack.pop()
        tokens.append(token)
        stack.extend(c for c in token.children if c.dep_ not in _CLAUSAL and not _verbal_conj(c))
    return tokens


def _same_side(a: EventSide, b: EventSide) -> bool:
    if a.start is not None and (a.start, a.end) == (b.start, b.end):
        return True  # the same words on both sides
    if a.actor is not None or b.actor is not None:
        return a.actor == b.actor
    return a.code is not None and a.code == b.code and a.text.lower() == b.text.lower()


def _verbal_conj(token: Token) -> bool:
    return token.dep_ == "conj" and token.pos_ == "VERB"


def _agent_type(token: Token) -> str | None:
    """The CAMEO agent type of a generic agent noun ("troops" -> MIL), as written or by lemma;
    an office holder takes the body a modifier names ("army officers" -> MIL)."""
    own = agent_nouns().get(token.lower_) or agent_nouns().get(token.lemma_.lower())
    if token.lemma_.lower() in _OFFICE_HOLDERS:
        for child in token.children:
            body = agent_nouns().get(child.lower_) if child.dep_ in ("compound", "amod") else None
            if body and body != own:
                return body
    return own


def _side_key(side: EventSide | None) -> tuple:
    if side is None:
        return (None,)
    return (side.actor,) if side.actor is not None else (side.code, side.text.lower())


@cache
def _resolve_date_cached(text: str, base: str) -> str | None:
    from datetime import UTC, datetime

    value = resolve(text, datetime.fromisoformat(base).replace(tzinfo=UTC)).value
    return value[:10] if value else None


def _resolve_date(text: str, base: str) -> str | None:
    """An explicit date; "February 2022" stays a month ("2022-02"), not a made-up day."""
    value = _resolve_date_cached(text, base)
    if value and not re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", text):
        return value[:7]
    return value
