"""What was said: the content a reporting verb reports.

A clausal complement ("said Putin had agreed to meet"), an object that stands for words ("denied
the report"), a topic after a preposition ("warned of a crisis"), a view ("described the plan as a
disaster"), naming ("called Trump unhinged"), the host clause of "as X reported" or a parenthetical
"X said", and the words fronted before `, he said.`. Frames of verbs are data
(extract/data/verb_frames.tsv, reporting_verbs.tsv)."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import circumstance_nouns, reporting_verbs, topic_prepositions, word_nouns
from .speakers import Speakers
from .view import ArticleView, Stage
from .words import (
    FINDINGS,
    RELATIVE,
    as_clause,
    bare_participle,
    frame,
    host_clause,
    marked_that,
    names_something,
)

# Objects of "say" that stand for the words ("said much the same", "said as much").
_PRO_FORMS = {"same", "much", "everything", "opposite"}

# Subjects whose findings are reports ("A 2014 study found 31 incidents", "the inquiry found …").
_FINDERS = FINDINGS | {"report", "review", "inquiry", "investigation", "analysis", "research", "paper", "audit",
                        "probe", "jury", "judge", "court", "panel", "researcher", "researchers", "author", "authors",
                        "email", "article", "data", "count", "census"}  # fmt: skip

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


def _subject_taken_for_object(verb: Token, clause: Token) -> list[Token]:
    """ "Katie explained her stage debut wasn't smooth sailing": a clause with no subject right
    after an object of the verb has that object for its subject (the parse took it for the verb's
    object); nothing when the clause has its own subject or the object is the one told."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children):
        return []
    if verb.lemma_.lower() in frame("audience"):
        return []
    objects = [
        c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i and c.right_edge.i + 1 == clause.left_edge.i
    ]
    return list(objects[0].subtree) if objects and objects[0].pos_ in ("NOUN", "PROPN") else []


def _stands_for_words(obj: Token) -> bool:
    """An object that stands for words said elsewhere: "said the same thing", "said as much"."""
    lemma = obj.lemma_.lower()
    return lemma in _PRO_FORMS or (lemma == "thing" and any(c.lower_ == "same" for c in obj.children))


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
        told = child.dep_ == "dobj" and verb.lemma_.lower() in frame("audience")
        if told and child.pos_ in ("NOUN", "PROPN", "PRON"):
            continue
        when = child.ent_type_ in ("DATE", "TIME") or child.lower_ in _WHEN_WORDS
        if child.dep_ in ("npadvmod", "advmod") and when:
            continue
        return False
    return True


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


# Relative words that head a relative clause's subject.
_RELATIVE_SUBJECTS = {"that", "which", "who"}


def _relative_on_object(verb: Token, clause: Token) -> bool:
    """A "complement" whose subject is a relative word right after a noun the verb governs (not its
    subject): a relative clause on that noun, parsed as the verb's ("questioned NASA's approach that, in their
    view, minimizes the use of the rocket": the approach minimizes it; no one said so; "reported
    wait times that exceeded two hours", "the third witness testifying Tuesday who listened in")."""
    if verb.lemma_.lower() in frame("audience") or verb.lemma_.lower() == "ask":
        return False  # the one told, then what: "told investors that …", "asked Rubio which states …"
    relative = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _RELATIVE_SUBJECTS]
    if not relative or relative[0].i <= verb.i + 1:
        return False  # "said that was a mistake": a demonstrative right after the verb
    before = verb.doc[relative[0].i - 1]
    if before.pos_ not in ("NOUN", "PROPN") or clause.pos_ not in ("VERB", "AUX"):
        return False  # (a clause the parse heads with a name is no clause: "writes in The Atlantic that Trump …")
    return any(before in c.subtree for c in verb.children if c.i != clause.i and c.dep_ not in ("nsubj", "nsubjpass"))


def _clause_of_its_own(verb: Token, clause: Token) -> bool:
    """A clause before the verb that the parse hangs on it as its complement, though the verb's own
    clause stands apart: after a semicolon ("Some felt proud …; others admitted yearning …") or with
    what the verb itself reports ("… ; judges feel freer to express themselves", "…; the gallery
    promised to send back looted objects"). A trailing "…, officials said" (or "told reporters", "said
    in a statement") reports the clause before it."""
    if clause.i > verb.i:
        return False
    if any(c.dep_ == "punct" and c.text == ";" and clause.i < c.i < verb.i for c in verb.children):
        return True
    audience = verb.lemma_.lower() in frame("audience")
    return any(c.dep_ in ("xcomp", "acomp") or (c.dep_ == "dobj" and not audience)
               for c in verb.children if c.i > verb.i)  # fmt: skip


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


class Content(Stage):
    """The content a reporting verb reports, as tokens of the parse."""

    def __init__(self, view: ArticleView, speakers: Speakers) -> None:
        super().__init__(view)
        self.speakers = speakers

    def content_of(self, verb: Token) -> list[Token] | None:
        # a topic verb reports what its preposition names: a clause the parse hangs on it from before
        # it is not what was said ("X cleared the subcommittee as all 10 Republicans voted yes")
        topic = reporting_verbs().get(verb.lemma_.lower()) == "topic"
        complements = [
            c for c in verb.children
            if c.dep_ == "ccomp" and not (topic and c.i < verb.i) and not _relative_on_object(verb, c)
            and not _clause_of_its_own(verb, c) and not bare_participle(c)
        ]  # fmt: skip
        if not complements and self.speakers.is_speech(verb):
            # "told a meeting of island leaders that few people understood …": the clause
            # parsed as a relative clause of the audience, with "that" as its mark.
            complements = [
                r
                for o in verb.children
                if o.dep_ in ("dobj", "dative")
                for r in o.subtree
                if r.dep_ in ("relcl", "acl")
                and marked_that(r)
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in r.children)
                and not self._claimed_inside(o, r)
            ][:1]
            complements = complements or self._misattached_clause(verb)
        if complements:
            # "The probe set off fireworks: Republicans said they are convinced …": what
            # follows the verb is what was said, not a clause before a colon.
            following = [c for c in complements if c.i > verb.i]
            if following:
                # A clause after the verb holds nothing before it: `“…,” X said, “and …”`
                # parsed as one clause is a quote split around its attribution.
                clause = following[0]
                words = _from_subject([t for t in self.without_other_speech(clause) if t.i > verb.i], clause)
                return _subject_taken_for_object(verb, clause) + words

            clause = list(complements[0].subtree)
            unmarked = [t for t in clause if not self.view.inside_marks(t.idx, t.idx + len(t.text))]
            attributions = [t for t in unmarked if t.pos_ == "VERB" and t.lemma_.lower() in reporting_verbs()]
            if len(unmarked) < len(clause) and any(c.dep_ == "nsubj" for t in attributions for c in t.children):
                # `Rhimes declared the need for …: “Change the world …,” she said`: the words before
                return None  # the quote are an attribution of their own; the quote is attributed below
            return self.without_other_speech(complements[0])
        lemma = verb.lemma_.lower()
        kind = reporting_verbs().get(lemma)
        misparsed = self._misparsed_clause(verb) if kind == "speech" else None
        if misparsed:
            return misparsed
        answer = _answer(verb) if kind == "speech" else None
        if answer:
            return answer  # "46 percent said yes", "half said so", "26 percent said the same"
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        subject = self.speakers.subject(verb)  # said by nobody, an object or a topic reports nothing
        # With no clause, the object is what was said ("denied the report", "polls show Clinton ahead"),
        # except for verbs whose object is the one addressed, the medium or a continuation ("told
        # reporters", "wrote a book"); "tweeted her thanks" is said, "said the same thing" stands for words.
        not_said = lemma in frame("object_not_said") and lemma not in _LIKENING_PREPS
        said = not not_said or any(_stands_for_words(o) for o in objects)
        if lemma == "find" and not _reports_findings(subject):
            said = False  # "found ways to …", "found himself …", "found a job": what polls and studies find is reported
        if lemma in frame("giving") and subject is not None:
            # "offered no proof that …", "gave his assessment of the race": giving words is saying them
            given = [o for o in objects if o.lemma_.lower() in word_nouns()]
            if given:
                return self.without_other_speech(given[0])
        passive = [c for c in verb.children if c.dep_ == "nsubjpass" and c.pos_ in ("NOUN", "PROPN")]
        if (
            passive
            and kind in ("speech", "object")
            and lemma not in frame("object_not_said")
            and self.speakers.agent(verb)
        ):
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
            if kind != "as" and (lemma not in frame("object_not_said") or _stands_for_words(objects[0])):
                return self.without_other_speech(objects[0])
        if kind == "as":
            return None
        if names_something(verb):
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
        if (verb.dep_ == "parataxis" and self.speakers.is_speech(verb)) or (
            (as_clause(verb) or _trailing_inverted(verb)) and bare and kind == "speech"
        ):
            # "In his state, Christie said, offenders are sent to treatment", "…, as the
            # Washington Post reported": the host clause is what was said.
            return host_clause(verb)
        if kind == "speech":
            fronted = self._fronted_words(verb)
            if fronted:
                return fronted
        if verb.lemma_.lower() in frame("infinitive"):  # "refused to give", "wants to lose"
            complements = [c for c in verb.children if c.dep_ == "xcomp"]
            if complements:
                content = self.without_other_speech(complements[0])
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
        called_out = any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
        if verb.lemma_.lower() in ("call", "ask", "urge", "appeal", "push") and not called_out:
            # ("calling out X on social media for telling …": the "for" phrase is what X is blamed for)
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
        subject = self.speakers.subject(verb)
        if subject is None or subject.i > verb.i or subject.head.i != verb.i or subject.lower_ in RELATIVE:
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
        if any(m.start > verb.idx and m.start < sent.end_char for m in self.view.marked):
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

    def _own_title(self, verb: Token, noun: Token) -> bool:
        """A quoted name in the verb's own phrase ("wrote in “Mein Kampf”"), under no other verb."""
        if not self.view.inside_marks(noun.idx, noun.idx + 1):
            return False
        current = noun.head
        while current.i != verb.i:
            if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
                return False
            current = current.head
        return True

    def _claimed_inside(self, phrase: Token, clause: Token) -> bool:
        """A verb of speech inside ``phrase`` whose own clause this is ("noted the parallels with
        Orwell, who wrote in “Animal Farm” that …": Orwell wrote it, the historian noted it)."""
        return any(
            v.i < clause.i and self.speakers.is_speech(v) and self._misattached_clause(v) == [clause]
            for v in phrase.subtree
        )

    def _misattached_clause(self, verb: Token) -> list[Token]:
        """A "that" clause of a speech verb the parser hung elsewhere: from a quoted title after
        the verb ("said on NBC's “Meet the Press” on Sunday that …") or as an adverbial ("tweeted
        in the early hours that Machado was …", with "that" taken for an adverb)."""
        for child in verb.children:
            if child.dep_ in ("xcomp", "dobj", "npadvmod") and self.view.inside_marks(child.idx, child.idx + 1):
                for clause in child.children:
                    if clause.dep_ == "ccomp" and clause.i > child.i and marked_that(clause):
                        return [clause]
        # "wrote in “Mein Kampf” that German blood …": the clause hung on the quoted title, or
        # on a noun before the verb, right where the verb's own phrase ends.
        titled = [t for c in verb.children if c.i > verb.i for t in c.subtree
                  if t.dep_ in ("relcl", "acl") and marked_that(t) and self._own_title(verb, t.head)]  # fmt: skip
        after = [t.i for c in verb.children if c.i > verb.i for t in c.subtree]
        j = max(after, default=verb.i) + 1
        while j < len(self.doc) and self.doc[j].is_punct and self.doc[j].is_quote:
            j += 1
        if not titled and j < len(self.doc) and self.doc[j].lower_ == "that" and self.doc[j].dep_ == "mark":
            clause = self.doc[j].head
            if not (verb.left_edge.i <= clause.i <= verb.right_edge.i) and clause.i > j:
                titled = [clause]
        if titled and any(c.dep_ in ("nsubj", "nsubjpass") for c in titled[0].children):
            return titled[:1]
        adverbials = [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and c.left_edge.lower_ == "that"]
        # "said after the convention he would not accept …": a clause with its own subject and
        # no conjunction ("because", "as", "when") hung as an adverbial is the unmarked complement
        adverbials += [c for c in verb.children
                       if c.dep_ == "advcl" and c.i > verb.i and not any(m.dep_ == "mark" for m in c.children)
                       and not any(a.dep_ == "advmod" and a.tag_ == "WRB" for a in c.children)]  # fmt: skip
        return [c for c in adverbials if any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)][:1]

    def without_other_speech(self, head: Token) -> list[Token]:
        """The clause's tokens less another's reported speech set against it ("Trump and Zelensky
        had spoken …, while the Kremlin said …"). Other clauses with a verb of saying or thinking
        are part of what was said ("said it could not vote because it believed …"): in 400 PolNeAR
        train such clauses lie inside the annotated content 97 times in 118."""
        tokens = list(head.subtree)
        # ("noted the parallels with Orwell, who wrote in “Animal Farm” that …": Orwell's clause)
        for clause in [t for t in tokens if t.dep_ in ("relcl", "acl") and marked_that(t)]:
            if self._claimed_inside(head, clause):
                owned = {t.i for t in clause.subtree}
                tokens = [t for t in tokens if t.i not in owned]
        return self._before_contrasting_speech(tokens, head)

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
        if not cut:
            return list(tokens)
        kept = [t for t in tokens if t.i not in cut]
        return [t for t in kept if t.i <= head.i or all(k.i not in cut for k in self.doc[head.i : t.i])]
