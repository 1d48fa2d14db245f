"""Speaker resolution: who the subject of a speech verb is, and which actor it names.

A speaker phrase resolves to an actor through the actor's mentions; a pronoun to the person last
in focus (the last person speaker or subject); a relative "who" through its noun; phrases naming
nobody ("a source", "a banner") are kept, typed, with no actor. Quotes with no attribution of
their own are carried over to the speaker before them (``continuation``)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...cameo import agent_nouns
from ..lexicon import HONORIFICS, issued_texts, lexicon, person_nouns, reporting_verbs
from .draft import Draft
from .marks import Marked
from .roles import blamed_object, received, sender_of
from .view import NOUN_GENDER, ArticleView, Stage
from .words import RELATIVE, frame, is_speech, marked_to, unnamed_sources

_PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them"}

_PERSON_PRONOUNS = {"he", "she", "him", "her", "i", "his", "my"}
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# "I" outside quotation marks is the writer ("when I asked him …"), not the person in focus.
_FIRST_PERSON = {"i", "my"}

# possessors as speakers ("his speech defending …", "their statement saying …"), resolved as pronouns
_POSSESSIVES = {"his", "my", "their", "its", "our"}
# Pronouns for an organisation: "…, the ministry said. “…,” it added."
_BODY_PRONOUNS = {"it", "its"}


@dataclass
class Speaker:
    span: SpacySpan | None = None
    actor: int | None = None
    unnamed: str | None = None
    refers: SpacySpan | None = None  # what a relative speaker ("who", "which") stands for


def _infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and marked_to(verb)


# Nouns for the body a person leads, which speaks for them: "the Clinton campaign said".
_OWN_BODIES = {"campaign", "administration", "team", "camp", "government", "office", "cabinet", "family",
               "foundation", "organization", "organisation", "presidency", "regime", "transition"}  # fmt: skip


def _possessor(token: Token, head: Token) -> bool:
    """Whether the token names the owner of the phrase's head ("Kohberger's" in "Kohberger's defense")."""
    while token.i != head.i and token.head.i != token.i:
        if token.dep_ == "poss":
            return True
        token = token.head
    return False


def _in_noun_phrase(token: Token, head: Token) -> bool:
    """Whether ``token`` hangs on ``head`` within its noun phrase: through nouns, prepositions and
    relative clauses (the parse may hang the name on a relative clause's last noun: "One of his
    supporters who backs Randolph, Pat Schroeder, wrote …"), not through another clause ("the
    office of the NYAG, Letitia James" is no apposition of "the company" in "The company
    confirmed that it had been contacted by the office of …", however the parse hangs it)."""
    current = token.head
    while current.i != head.i:
        if (current.pos_ in ("VERB", "AUX") and current.dep_ != "relcl") or current.head.i == current.i:
            return False
        current = current.head
    return True


def _dateline_word(token: Token) -> bool:
    """A dateline or subhead in capitals ("WASHINGTON", "THE BORROWING") that the parser made a
    subject; short acronyms ("FBI", "NATO") and names the model knows are left alone."""
    words = [t for t in token.subtree if t.is_alpha and t.i <= token.i and t.is_upper]
    return (
        token.is_upper
        and sum(len(t) for t in words) > 5
        and (token.ent_type_ not in ("PERSON", "ORG", "NORP") or token.i == token.sent.start)
    )


class Speakers(Stage):
    """Speakers of speech verbs and of quotes, resolved to actors."""

    def __init__(self, view: ArticleView, draft: Draft) -> None:
        super().__init__(view)
        self.draft = draft

    def label_speaker(self, label: SpacySpan) -> Speaker:
        speaker = self.resolve(label)
        if speaker.actor is None:  # "PENCE" names the article's Mike Pence
            surname = label[-1].text.title()
            people = [i for i, a in enumerate(self.actors) if a.kind == "person" and a.name.split()[-1] == surname]
            speaker = Speaker(label, people[0]) if len(people) == 1 else Speaker(label, None, "person")
        return speaker

    def name_near(self, after: list[Token], verb: Token) -> Speaker:
        """The parse gave the verb no subject: take the name between quote and verb, or
        just after the verb ("“…,” protester X, 50, told AFP", "“…,” said X")."""
        between = [t for t in after if t.i < verb.i]
        following = [t for t in after if t.i > verb.i][:4]
        for token in [*reversed(between), *following]:
            if token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or token.lower_ in _PRONOUNS:
                return self.resolve(self.view.phrase(token.head if token.dep_ == "compound" else token))
        return Speaker()

    def host_speaker(self, mark: Marked) -> Speaker | None:
        """Quoted words set inside a sentence about someone are that someone's: `Moore thanked
        him for “stepping up …”`, `Bolton thought …, a tribute to “the consummate …”`. The
        speaker is the named subject of the clause the quote hangs on."""
        first = self.view.token_at(mark.start)
        if first is None or not self.view.opens_inside_a_sentence(mark):
            return None  # the quote opens its sentence: no host clause
        token = first
        for _ in range(8):
            if token.pos_ in ("VERB", "AUX") and not self.view.inside_marks(token.idx, token.idx + 1):
                subject = self.subject(token)
                if subject is not None and not self.view.inside_marks(subject.idx, subject.idx + 1):
                    speaker = self.resolve(self.view.phrase(subject))
                    return speaker if speaker.actor is not None else None
            if token.head.i == token.i:
                break
            token = token.head
        return None

    def continuation(self, mark: Marked) -> Speaker | None:
        """A quote with no attribution of its own continues the previous speaker."""
        if self.draft.state.pending is not None:
            speaker, block = self.draft.state.pending
            self.draft.state.pending = None
            if block >= mark.block - 1:
                return speaker
        last = self.draft.state.last_speaker
        if last is None:
            return None
        if last.refers is not None:  # "who" means nothing outside its clause: carry the noun
            last = Speaker(last.refers, last.actor, last.unnamed)
        if mark.continued or self.draft.state.last_block >= mark.block - 1:
            return last
        return None

    def nearest_mention(self, speaker: Speaker | None, start: int) -> Speaker | None:
        """A speaker carried over to a quote with no attribution of its own, named by the
        actor's mention nearest before the quote ("Mayor Anna Berg said …. The fishermen cheered
        Berg …. “…”": "Berg"), when that mention is in this paragraph or the one before and
        outside quotes."""
        if speaker is None or speaker.actor is None:
            return speaker
        found = self.view.mentions.last_before(speaker.actor, self.text.to_document(start))
        if found is None:
            return speaker
        at = self.text.to_parse(found[0])
        if speaker.span is not None and speaker.span.start_char >= at:
            return speaker  # the phrase carried over ("he") is the nearer one
        span = self.doc.char_span(at, at + found[1] - found[0], alignment_mode="expand")
        block = self.view.block_of(at)
        if (
            span is None
            or block is None
            or block < (self.view.block_of(start) or 0) - 1
            or self.view.inside_marks(at, at + 1)
        ):
            return speaker
        return Speaker(span, speaker.actor, speaker.unnamed)

    def is_speech(self, token: Token) -> bool:
        return is_speech(token)

    def subject(self, verb: Token) -> Token | None:
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return self._subject_of_noun_clause(verb)
        if verb.tag_ == "VBG" and verb.dep_ == "advcl":
            # "Police received a call from a neighbour, saying …": the one the text came from
            texts = [c for c in verb.head.children if c.dep_ == "dobj" and c.lemma_.lower() in issued_texts()]
            sender = sender_of(texts[0]) if texts else None
            if sender is not None:
                return sender
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
            agent = self.agent(current)
            if agent is not None:
                return agent
            if not passive_ok and any(c.dep_ == "nsubjpass" for c in current.children):
                break  # "it is expected to exceed …": whoever expects it is not named, nor is the head's subject
            if current.dep_ in ("conj", "advcl", "xcomp", "acomp") and current.head.i != current.i:
                via_conj = current.dep_ == "conj" and self.is_speech(current)
                current = current.head  # "Ukraine demands … and says …", "voters are more likely to say …"
            elif via_conj and current.dep_ == "ccomp" and self.is_speech(current.head):
                # "Clark said A … but said B", the second "said" hung on what the first one said
                current, via_conj = current.head, False
            elif current.dep_ == "pcomp" and current.head.dep_ == "prep":
                blamed = blamed_object(current.head)
                if blamed is not None:  # "criticised Mia for telling …": Mia told
                    return blamed
                current = current.head.head  # "began by saying", "before clarifying that …"
            else:
                break
        return None

    def _subject_of_noun_clause(self, verb: Token) -> Token | None:
        """The speaker of a verb hung on a noun: "A banner called for …" (the noun itself, as the
        parse has it), "X released a statement saying …" (the text's author), "York took a
        moment to point out …" (the one taking it), "an effort to deny …" (no one)."""
        noun = verb.head
        if _infinitive(verb) and noun.dep_ == "dobj" and noun.head.lemma_.lower() in frame("taking"):
            return self.subject(noun.head)
        if verb.tag_ == "VBG" and _where_put(noun):
            return self.subject(noun.head.head)  # "posted on Twitter accusing …", "said in a statement urging …"
        author = self._author(noun)
        if author is not None:
            return author
        if _infinitive(verb):
            # "Trump's refusal to release …": the possessor; "the decision to charge …": an aim
            # names no one who says it, unless the noun is a role or a group ("the chair … to call")
            owners = [c for c in noun.children if c.dep_ == "poss"]
            if owners:
                return owners[0]
            named = self.resolve(self.view.phrase(noun))
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
        sender = sender_of(text)
        if sender is not None:  # "Police received a call from a neighbour saying …": the neighbour
            return sender
        if text.dep_ == "dobj" and text.head.pos_ in ("VERB", "AUX") and not received(text):
            return self.subject(text.head)
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
        if verb.dep_ != "xcomp" or verb.tag_ != "VB" or verb.head.lemma_.lower() not in frame("object_control"):
            return None
        objects = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
        return objects[0] if objects and objects[0].pos_ in ("PROPN", "NOUN", "PRON") else None

    @staticmethod
    def agent(verb: Token) -> Token | None:
        """The one "by" whom a passive verb's action was done."""
        objects = [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        return objects[0] if objects else None

    def speaker_of(self, verb: Token) -> Speaker:
        subject = self.subject(verb)
        if subject is not None and _dateline_word(subject):
            # "WASHINGTON -- President Obama, …, said": the name the parser hung on the dateline
            names = [t for t in subject.subtree if t.ent_type_ in ("PERSON", "ORG") and not t.is_upper]
            subject = names[0].head if names and names[0].dep_ == "compound" else (names[0] if names else None)
        if subject is not None:
            subject = self._titled_name_within(subject) or subject
        if subject is not None and not self.view.inside_marks(subject.idx, subject.idx + 1):
            speaker = self.resolve(self.view.phrase(subject))
            if speaker.span is None or not self.view.inside_marks(speaker.span.start_char, speaker.span.start_char + 1):
                return speaker
        # No subject, or quoted words taken for it: "… of the Washington Post Trump said
        # that …" (the parse hung the name on the phrase before it; a name right before the
        # verb is still its subject), "Said Stone: …".
        before = self.doc[verb.i - 1]
        quoted = self.view.inside_marks(before.idx, before.idx + 1)
        if verb.i - 1 > verb.sent.start and before.ent_type_ in ("PERSON", "ORG", "NORP") and not quoted:
            return self.resolve(self.view.entity_of(before) or self.doc[before.i : verb.i])
        if (
            verb.tag_ in ("VBP", "VBD")
            and not quoted
            and (
                (before.tag_ == "NNS" and before.lower_ in unnamed_sources())
                or before.lower_ in ("he", "she", "they", "we", "i")
            )
        ):
            # "the $20 million experts say it costs": a contact clause's subject hung on the phrase before it
            return self.resolve(self.doc[before.i : verb.i])
        named = self._described_name(verb)
        if named is not None:
            return self.resolve(named)
        after = self.doc[verb.i + 1] if verb.i + 1 < len(self.doc) else None
        if verb.i == verb.sent.start and after is not None and after.ent_type_ in ("PERSON", "ORG"):
            return self.resolve(self.view.entity_of(after) or self.doc[after.i : after.i + 1])  # "Said Stone: …"
        return Speaker()

    def _titled_name_within(self, subject: Token) -> Token | None:
        """ "University of Texas at San Antonio astrophysics professor Angela Speck said": the parse
        heads the subject with the organisation; the person it ends on, named after a title or a
        common noun for a person, is the one who spoke."""
        if self._names_someone(subject) and not subject.ent_type_:
            return self._office_holder(subject)
        named_thing = subject.ent_type_ not in ("", "PERSON") or (subject.pos_ == "PROPN" and not subject.ent_type_)
        if not named_thing or subject.right_edge.ent_type_ != "PERSON":
            return None
        name = self.view.entity_of(subject.right_edge)
        if name is None or name.start <= subject.i or name.end != subject.right_edge.i + 1:
            return None
        before = self.doc[name.start - 1]
        return name.root if self._names_someone(before) and not before.ent_type_ and before.dep_ == "compound" else None

    def _office_holder(self, title: Token) -> Token | None:
        """ "U.S. Ambassador to the U.N. Linda Thomas-Greenfield said", "The Minister of Health Jane
        Okafor said": the parse heads the subject with the title and hangs the name on its office;
        the name, glued to the office's last word, is who spoke (not "the lawyer for John Smith",
        nor "a spokesman for Senator Jane Reyes", whose name follows a preposition or a title)."""
        right = title.right_edge
        name = self.view.entity_of(right) if right.ent_type_ == "PERSON" else None
        if name is None or name.end != right.i + 1 or name.start <= title.i + 1:
            return None
        # one office ("Minister of", "Ambassador to"), not someone's aide ("a spokesman for", "aides to")
        if title.tag_ not in ("NN", "NNP") or any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in title.children):
            return None
        offices = [p for p in title.children if p.dep_ == "prep" and p.lower_ in ("of", "to") and p.i < name.start]
        if not any(p.is_ancestor(name.root) for p in offices):
            return None
        glue = self.doc[name.start - 1]
        if glue.dep_ != "compound" or not name.start <= glue.head.i < name.end or self._names_someone(glue):
            return None
        if glue.text.rstrip(".").lower() in HONORIFICS:
            return None  # "aides to Mr. Sanders"
        return name.root

    @staticmethod
    def _names_someone(word: Token) -> bool:
        """A title or a common noun for a person ("professor", "Gov.", "niece")."""
        return word.lower_ in person_nouns() or lexicon().title(word.text.rstrip(".")) is not None

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
        if self.view.inside_marks(token.head.idx, token.head.idx + 1):
            return None
        return self.view.entity_of(token.head)

    def resolve(self, phrase: SpacySpan) -> Speaker:
        head = phrase.root
        if len(phrase) == 1 and head.lower_ in RELATIVE and head.head.dep_ in ("relcl", "acl"):
            noun = head.head.head  # "Trump, who said …", "T-shirts that read: …"
            noun = self._described(noun) or noun
            resolved = self.resolve(self.view.phrase(noun))
            # the speaker as written is the relative word (its clause may be far from the noun);
            # the noun it stands for names an unnamed speaker ("three members, who said …")
            return Speaker(phrase, resolved.actor, resolved.unnamed, resolved.span)
        pronoun = head.lower_ in _PRONOUNS and all(not t.ent_type_ or t.i == head.i for t in head.children)
        if ((head.lower_ in _PRONOUNS or head.lower_ in _POSSESSIVES) and len(phrase) == 1) or pronoun:
            # (a pronoun with an aside is still the pronoun: "she (and everyone else on Instagram)")
            writer = head.lower_ in _FIRST_PERSON and not self.view.inside_marks(head.idx, head.idx + 1)
            bound = self._bound_noun(head) if len(phrase) == 1 else None
            if bound is not None:  # "My mom loved it so much that she declared …": the mom
                return Speaker(phrase, None, "person", self.view.phrase(bound))
            earlier = self._subject_before(head) if head.lower_ in _PERSON_PRONOUNS and not writer else None
            if earlier is not None:  # "Golovkin is not afraid to fight Floyd -- in fact, he said …": Golovkin
                return Speaker(phrase, earlier)
            if head.lower_ in _PERSON_PRONOUNS and self.draft.state.focus_person is not None and not writer:
                return Speaker(phrase, self._agreeing(head, self.draft.state.focus_person))
            body = self._body_for(head) if head.lower_ in _BODY_PRONOUNS else None
            if body is not None:  # "…, the ministry said. “…,” it added."
                return Speaker(phrase, body)
            return Speaker(phrase, None, "person" if head.lower_ in _PERSON_PRONOUNS else "group")
        actor = self.view.actor_at(head) if head is not None else None
        if actor is None:
            for token in reversed(list(phrase)):
                if _possessor(token, head):
                    continue  # "Kohberger's defense wrote": the defense, not Kohberger
                actor = self.view.actor_at(token)
                if actor is not None and self._person_modifier(token, head, actor):
                    actor = None  # "the Fullerton native", "a Trump spokesman": someone else, not named
                    continue
                if actor is not None:
                    break
        if actor is None:
            # "His former business partner at Lenox, Lawrence B. Cummings, called …": the name in apposition
            # (the parse may hang it on the last noun: "Lenox, Lawrence B. Cummings")
            names = [t for t in head.subtree if t.dep_ == "appos" and t.i > head.i and t.ent_type_ == "PERSON"
                     and _in_noun_phrase(t, head)]  # fmt: skip
            actor = self.view.actor_at(names[-1]) if names else None
        if actor is not None:
            return Speaker(phrase, actor)
        unnamed = unnamed_sources().get(head.lower_) or unnamed_sources().get(head.lemma_.lower()) or "other"
        return Speaker(phrase, None, unnamed)

    def _person_modifier(self, token: Token, head: Token, actor: int) -> bool:
        """A person's name that only modifies the common noun heading the phrase ("the Fullerton
        native", "Sanders supporters", "Clinton aides"): the noun is the speaker, not that person
        (a person's own body still speaks for them: "the Clinton campaign", "the Obama administration")."""
        return (
            head.pos_ == "NOUN"
            and head.lemma_.lower() not in _OWN_BODIES
            and token.i != head.i
            and token.dep_ in ("compound", "amod", "nmod")
            and token.head.i == head.i
            and self.actors[actor].kind == "person"
        )

    def _bound_noun(self, pronoun: Token) -> Token | None:
        """The unnamed person a he or she stands for within its own sentence: the subject of the
        clause that governs the pronoun's clause, when that subject is a common noun for a person
        of the pronoun's gender ("My mom loved the recipe so much that she declared …")."""
        wanted = _PRONOUN_GENDER.get(pronoun.lower_)
        if wanted is None or pronoun.dep_ not in ("nsubj", "nsubjpass"):
            return None
        current = pronoun.head
        for _ in range(3):
            if current.head.i == current.i:
                return None
            current = current.head
            subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                noun = subjects[0]
                person = noun.pos_ == "NOUN" and noun.lemma_.lower() in agent_nouns()
                if not person or self.view.actor_at(noun) is not None:
                    return None
                if self.view.inside_marks(noun.idx, noun.idx + 1) and not self.view.inside_marks(
                    pronoun.idx, pronoun.idx + 1
                ):
                    return None  # (`she doesn’t think …: “People are …”`: a noun in the quote is no one bound)
                return noun if NOUN_GENDER.get(noun.lemma_.lower(), wanted) == wanted else None
        return None

    def _subject_before(self, pronoun: Token) -> int | None:
        """The person who is the subject of an earlier clause of the pronoun's own sentence (the
        nearest, outside quotation marks, of the pronoun's gender when the article tells it)."""
        wanted = _PRONOUN_GENDER.get(pronoun.lower_)
        own = pronoun.head  # (its own clause's parts are what it says or supposes: "Trump fits the bill, he added")
        for token in reversed(self.doc[pronoun.sent.start : pronoun.i]):
            if token.dep_ not in ("nsubj", "nsubjpass") or self.view.inside_marks(token.idx, token.idx + 1):
                continue
            if own.is_ancestor(token) or (own.dep_ == "parataxis" and own.head.is_ancestor(token)):
                continue  # (and the clause an aside interrupts: "Loyalty, he noted, has long been …")
            actor = self.view.actor_at(token)
            if actor is not None and self.actors[actor].kind == "person":
                return actor if wanted is None or self.view.gender_of(actor) in (None, wanted) else None
        return None

    def _agreeing(self, pronoun: Token, focus: int) -> int | None:
        """The person a he/she stands for: the one in focus, unless the article gives them the
        other gender; then the one other person named in this sentence or the one before who
        may be of that gender, if there is exactly one (else none: better unknown than wrong)."""
        wanted = _PRONOUN_GENDER.get(pronoun.lower_)
        if wanted is None or self.view.gender_of(focus) in (None, wanted):
            return focus
        sent = pronoun.sent
        start = sent.start_char if sent.start == 0 else self.doc[sent.start - 1].sent.start_char
        lo, hi = self.text.to_document(start), self.text.to_document(pronoun.idx)
        near = {
            actor for _, _, actor in self.view.mentions.within(lo, hi)
            if self.actors[actor].kind == "person" and self.view.gender_of(actor) in (None, wanted)
        }  # fmt: skip
        return near.pop() if len(near) == 1 else None

    def _described(self, noun: Token) -> Token | None:
        """The subject a predicate noun describes: "Trump is a liar and a birther who pledged …"
        (the one who pledged is Trump)."""
        while noun.dep_ == "conj":
            noun = noun.head
        if noun.dep_ != "attr" or noun.head.lemma_ != "be":
            return None
        subject = self.subject(noun.head)
        return subject if subject is not None and subject.lower_ not in RELATIVE else None

    def update_focus(self, sent: SpacySpan) -> None:
        """The person in focus after this sentence: the last person who is a subject in it, outside
        quotation marks, preferring the subject of the sentence's own clause to one of what someone
        said in it ("Caron told the Post that Bruce now sees life through a screen door. However he
        believes …": Caron)."""
        self._update_body_focus(sent)
        found: dict[bool, int] = {}
        for token in sent:
            if token.dep_ in ("nsubj", "nsubjpass") and not self.view.inside_marks(token.idx, token.idx + 1):
                actor = self.view.actor_at(token)
                if actor is not None and self.actors[actor].kind == "person":
                    head = token.head
                    main = head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT")
                    found[main and token.dep_ == "nsubj"] = actor  # (one named in a passive is no agent)
        if found:
            self.draft.state.focus_person = found.get(True, found.get(False))

    def _body_for(self, pronoun: Token) -> int | None:
        """The organisation an "it" that says something stands for: the last one named earlier in
        its sentence ("Documents from the DNC began circulating after it announced …"), else the
        one in focus. Only as the subject of a verb of speech: "it is worth noting" stands for no
        organisation."""
        lemma = pronoun.head.lemma_.lower()
        if pronoun.dep_ != "nsubj" or reporting_verbs().get(lemma) != "speech":
            return None
        if lemma in frame("permission") or lemma in frame("object_control"):
            return None  # (what makes others speak is often a thing: "a loss could encourage him to stay")
        for token in reversed(self.doc[pronoun.sent.start : pronoun.i]):
            actor = self.view.actor_at(token)
            if actor is not None and not self.view.inside_marks(token.idx, token.idx + 1):
                return actor if self.actors[actor].kind == "organisation" else self.draft.state.focus_body
        return self.draft.state.focus_body

    def _update_body_focus(self, sent: SpacySpan) -> None:
        """The organisation "it" stands for after this sentence: the subject of its main clause when
        that is an organisation; none when it is another thing ("The report was leaked. It said …");
        unchanged when it is a person or a pronoun."""
        root = sent.root
        subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or self.view.inside_marks(subjects[0].idx, subjects[0].idx + 1):
            return
        subject = subjects[0]
        actor = self.view.actor_at(subject)
        if actor is not None and self.actors[actor].kind == "organisation":
            self.draft.state.focus_body = actor
        elif actor is None and subject.pos_ in ("NOUN", "PROPN") and subject.lemma_.lower() not in agent_nouns():
            self.draft.state.focus_body = None


def _where_put(noun: Token) -> bool:
    """A noun that names where someone's words went out, after "on", "in" or "via" under a verb: a
    name ("on Twitter", "on CNN", "in The Atlantic", "in Ohio") or a text put out ("in a statement").
    A participle hung on it is the words of the verb's subject, not of the medium or the place."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("on", "in", "via") or noun.head.head.pos_ not in ("VERB", "AUX"):
        return False
    return noun.pos_ == "PROPN" or bool(noun.ent_type_) or noun.lemma_.lower() in issued_texts()
