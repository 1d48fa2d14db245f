"""Event arguments: which words of the sentence are an act's source and target."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ...cameo import LexiconEntry
from .words import (
    ARGUMENT_PREPS,
    CONDITIONAL_MARKS,
    DEFIANT_STANCES,
    NOT_ACTORS,
    SAYING,
    STANCE_PARTICIPLES,
    STANCES,
    displaced_objects,
    governor,
    infinitive,
    phrase_tokens,
    prep_objects,
    stance_prefixed,
    where_named,
    whom,
)

# Entity types of places.
_PLACES = ("GPE", "LOC", "FAC")


class Arguments:
    """Which words are an act's source and target: the subject (the agent of a passive, the
    speaker of reported speech), the slots a lexicon entry names, and the places a target
    hides in. Mixed into the coder, it reads the coder's article state."""

    def _noun_slot(self, noun: Token, slot: str) -> list[Token]:
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == slot):
            objects = whom(prep)
            if objects:
                return self._coordinated(objects[0])
        return []

    def _agents(self, verb: Token) -> list[Token]:
        agents = [c for a in verb.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]
        return self._coordinated(agents[0]) if agents else []

    def _subject(self, verb: Token) -> Token | None:
        current = verb
        for _ in range(4):
            # The small model sometimes hangs the subject on the auxiliary ("Chile is opposed").
            auxiliaries = [g for a in current.children if a.dep_ in ("aux", "auxpass") for g in a.children]
            subjects = [c for c in [*current.children, *auxiliaries]
                        if c.dep_ in ("nsubj", "csubj") and any(ch.isalpha() for ch in c.text)]  # fmt: skip
            if subjects:
                # A verb has one subject: of two, a place is a misread locative ("St. Louis,
                # Missouri police crashed …": the police), as is a place with a common noun in
                # apposition ("Kansas City, Missouri police arrested …"); a country is an actor.
                subject = next((c for c in subjects if not self._locative(c)), subjects[0])
                if self._locative(subject):
                    subject = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "NOUN"), subject)
                return subject
            agents = [c for a in current.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]
            if agents:
                return agents[0]
            if current.lemma_.lower() in STANCE_PARTICIPLES:  # "Israel is opposed to …": Israel opposes
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
            elif current.dep_ in ("acl", "relcl") and infinitive(current) and governor(current.head) is not None:
                current = governor(current.head)  # "converged for a rally to protest": the ralliers
            elif current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
                return current.head
            else:
                break
        return None

    def _locative(self, token: Token) -> bool:
        """A place named to say where (a city, a state), not an actor (a country)."""
        return token.ent_type_ in _PLACES and self._actor_at(token) is None

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
            if lemma in SAYING or lemma in ("announce", "declare", "vow", "pledge", "confirm", "report"):
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
        yield self._named_in(self._stance_phrases(verb, DEFIANT_STANCES), sources)
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
                if p.dep_ == "prep" and p.lower_ in ARGUMENT_PREPS
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
        yield self._named_in([c for c in verb.children if c.dep_ in ("advcl", "xcomp") and infinitive(c)], sources)
        yield self._named_in(self._stance_phrases(verb, STANCES), sources)
        # "threatened to strike unless Israel rescinded the annexation": the condition is
        # put to its subject.
        acts = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
        for clause in (c for a in acts for c in a.children if c.dep_ == "advcl"):
            if any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in clause.children):
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
        phrases += [c for p in verb.children if p.dep_ == "prep" and p.lower_ in ARGUMENT_PREPS for c in p.children
                    if c.dep_ == "pobj"]  # fmt: skip
        for act in (c for c in verb.children if c.dep_ == "xcomp"):  # "threatened to cut off electricity to X"
            phrases += [c for c in act.children if c.dep_ == "dobj"]
            phrases += [c for p in act.children if p.dep_ == "prep" and p.lower_ in ARGUMENT_PREPS
                        for c in p.children if c.dep_ == "pobj"]  # fmt: skip
        return self._named_in(phrases, sources)

    def _named_in(self, phrases: list[Token], sources: list[Token]) -> list[Token] | None:
        """The first actor, nationality or city named in these phrases that is not a source."""
        taken = {self._actor_at(t) for t in sources} - {None}
        for phrase in phrases:
            for token in sorted(phrase_tokens(phrase), key=lambda t: t.i):
                if token.ent_type_ in NOT_ACTORS or stance_prefixed(token) or where_named(token, phrase):
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
            objects = [c for c in verb.children if c.dep_ == "dobj"] or passive or displaced_objects(verb)
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
                    if token.i != clause.i and token.ent_type_ not in NOT_ACTORS and self._actor_at(token) is not None:
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
        for token in phrase_tokens(verb):  # a preposition: "with", "against", …
            if token.dep_ in ("prep", "dative") and token.lower_ == slot:
                objects = prep_objects(token)
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
