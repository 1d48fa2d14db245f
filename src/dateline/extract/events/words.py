"""Words and small parse helpers the event coder's stages share: verb classes, CAMEO code
maps by root, and questions about one token."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Token

from ...cameo import NounEntry, agent_nouns, event_nouns
from ...clean.dates import resolve
from ...model import EventSide

# Verbs of saying: "told a meeting" reports speech; it is no meeting of its own. (Verbs
# such as "announce" or "declare" do make their object happen: "announced a ceasefire".)
SAYING = {"say", "tell", "add", "write", "ask", "reply", "respond", "note", "comment", "explain", "state", "insist"}
# Adjectives that, with a "to" infinitive, express an intent: "is ready to contribute troops".
INTENT_ADJECTIVES = {"willing", "ready", "prepared", "committed", "determined", "eager", "keen", "open"}
NOT_ACTORS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"}
CLAUSAL = {"ccomp", "advcl", "relcl", "parataxis", "csubj", "acl"}
HYPOTHETICAL = {"could", "might", "may", "should", "can"}
# Verbs that ask for something or ask a question, told apart by their clause.
QUESTIONING = {"ask", "inquire", "enquire"}
# "said Sudan must return …": an obligation named in reported speech is a demand.
OBLIGATION = {"must", "should"}
# Verbs of speech whose clause, in the bare (subjunctive) form, says what is demanded:
# "insisted that Uganda withdraw"; "insisted (that) the plan was working" demands nothing.
MANDATIVE = {"insist"}
# Verbs that offer, plan or promise an act: the act they name has not happened either.
# An attempt is not among them: it was made, and CAMEO codes an attempted killing as the act.
INTENDING = {"offer", "plan", "propose", "want", "hope", "seek", "intend", "promise", "pledge", "vow", "threaten",
             "aim", "wish", "prepare", "expect", "consider"}  # fmt: skip
# Verbs that ask for an act: the act they name has not happened.
DIRECTIVES = {"demand", "urge", "ask", "request", "insist", "press", "call", "appeal", "propose", "suggest",
              "recommend", "order", "implore", "beg", "invite"}  # fmt: skip
# "would" reports a plan in indirect speech ("said it would hold talks"); conditionals
# ("would … if") are caught by their "if".
FUTURE = {"will", "'ll", "shall", "would", "'d"}
NEGATIVE_DETS = {"no", "neither", "nor"}
# Groups that visit, are received or are called, besides agent nouns ("a mission of observers").
VISITORS = {"delegation", "mission", "team", "envoy", "visitor", "observer", "inspector", "counterpart", "leader",
            "representative", "emissary", "guest"}  # fmt: skip
# Nouns that take their event from a modifier: "a mediation effort", "a peace mission".
GENERIC_EFFORTS = {"effort", "mission", "bid", "attempt", "initiative", "drive", "campaign", "process"}
# Prepositions that place a phrase: "demonstrators in Baghdad", "a curfew in Algiers".
LOCATIVE = {"in", "at", "inside", "into", "near", "across", "throughout", "outside"}
# "the town of Samarra": a name the small model may not tag as a place, but the phrase does.
SETTLEMENTS = {"town", "city", "village", "capital", "port", "province", "region", "district", "enclave", "camp"}
PLACE_ENTITIES = {"GPE", "LOC", "FAC"}
# Places a country or city may be named to locate: "the crossing with Ukraine", "the border between".
PLACE_NOUNS = SETTLEMENTS | {"border", "crossing", "frontier", "checkpoint", "bridge", "road", "highway", "route",
                              "airport", "area", "side", "coast", "waters", "line"}  # fmt: skip
# Verbs that say an event happened, with the event noun as subject.
OCCURRING = {"continue", "erupt", "break", "spread", "begin", "start", "occur", "rage", "escalate", "intensify",
             "resume", "take"}  # fmt: skip
# Participles that seat a body in a place: "a group based in Trinidad".
SEATED = {"base", "operate", "station", "locate", "headquarter", "deploy"}
# Prepositions that introduce who an act is aimed at (not when or why: "following", "amid").
ARGUMENT_PREPS = {"against", "with", "to", "on", "for", "from", "over", "toward", "towards", "about", "upon"}
CONDITIONAL_MARKS = {"if", "unless"}
# Marks of a clause whose act is awaited, unless told in the past: "until the hostages are freed".
PENDING_MARKS = {"until", "till"}
# Participles that state a stance of their grammatical subject: "is opposed to", "is committed to".
STANCE_PARTICIPLES = {"oppose", "commit", "dedicate", "devote"}
PERSONAL_PRONOUNS = {"he", "him", "she", "her"}
DEFIANT_STANCES = {"defiance", "protest", "opposition"}
STANCES = {"defiance", "protest", "solidarity", "retaliation", "response", "support", "opposition", "revenge"}
YEAR = re.compile(r"(19|20)\d\d")
BEFORE_YEAR = {"in", "since", "during", "until", "by", "of", "the", "early", "late", "mid"}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# Refusing a cooperative act, by the root of the act (CAMEO 12x).
REFUSAL_BY_ROOT = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
# Ending an act, by the root of the act: ending conflict yields (CAMEO 08: "ended their
# blockade", "called off a strike", "ceased its operations"); ending cooperation reduces
# relations (16: "suspended talks", "halted aid"). Avoiding or preventing an act is none.
ENDED_BY_ROOT = {"04": "164", "05": "161", "06": "160", "07": "162", "13": "080", "14": "082", "15": "087",
                 "16": "085", "17": "081", "18": "087", "19": "087", "20": "087"}  # fmt: skip
ENDING = {"end", "halt", "suspend", "cease", "stop", "postpone", "scrap", "cancel", "abandon", "drop", "terminate",
          "lift", "avoid", "prevent", "avert"}  # fmt: skip
# Planned or promised acts: CAMEO codes the intent, by the root of the act.
INTENT_BY_ROOT = {"04": "036", "05": "032", "06": "030", "07": "033", "08": "035", "19": "138", "18": "138"}


QUANTITIES = {"tens", "hundreds", "thousands", "millions", "dozens", "scores", "group", "number", "some", "many",
              "most", "all", "several", "both", "part", "members", "band", "crowd"}  # fmt: skip


def ends(verb: Token) -> bool:
    """ "ended their blockade", "called off a strike": the verb stops the act its object names."""
    lemma = verb.lemma_.lower()
    return lemma in ENDING or (lemma == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children))


def where_named(token: Token, phrase: Token) -> bool:
    """ "a blockade of the crossings between Ukraine and Poland": a country named to say
    where a place is, not whom the act is aimed at."""
    current = token
    while current.i != phrase.i and current.head.i != current.i:
        head = current.head
        if current.dep_ == "prep" and head.pos_ == "NOUN" and head.lemma_.lower() in PLACE_NOUNS:
            return True
        current = head
    return False


def displaced_objects(verb: Token) -> list[Token]:
    """An object the parser did not hang as one: "kidnapped up to 16 Russian advisers"
    ("up" read as a particle, the number phrase as its "to" object), "denounced as an ugly
    crime Serbia's suppression of …" (the object moved after its "as" phrase), "beat and
    arrested its owner" (the object hung on the second verb only)."""
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
    # "beat and arrested its owner": the first of two joined verbs shares the object the
    # second one carries, when nothing but the conjunction stands between them.
    if verb.i + 2 < len(verb.doc) and verb.nbor(1).dep_ == "cc" and verb.nbor(1).lower_ in ("and", "or"):
        joined = verb.nbor(2)
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in joined.children)
        if joined.head == verb and joined.dep_ == "conj" and joined.pos_ == "VERB" and not own_subject:
            return [c for c in joined.children if c.dep_ == "dobj"][:1]
    return []


def whom(prep: Token) -> list[Token]:
    """A preposition's objects that can be someone: "on Monday" is when, not whom."""
    return [c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ not in NOT_ACTORS]


def prep_objects(prep: Token) -> list[Token]:
    """A preposition's object; when the parser hung the phrase after it on a clause of its
    own ("granted asylum to five officers holed up in …" read with "officers" as the
    subject of "holed"), the subject that starts right after the preposition."""
    if any(c.dep_ == "pobj" for c in prep.children) or prep.i + 1 >= len(prep.doc):
        return whom(prep)
    following = prep.doc[prep.i + 1]
    for token in following.sent:
        if token.dep_ in ("nsubj", "nsubjpass") and token.left_edge.i == prep.i + 1 and token.head.i > token.i:
            return [token]
    return []


OFFICE_HOLDERS = {"officer", "official", "personnel", "spokesman", "spokeswoman", "spokesperson", "source"}


def infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def governor(noun: Token) -> Token | None:
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


def stance_prefixed(token: Token) -> bool:
    """ "an anti-Syria journalist", "the pro-Iranian group": a stance toward a country, not
    where one comes from."""
    if token.lower_.startswith(("anti-", "pro-")):
        return True
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in ("anti", "pro")


def settlement_name(token: Token) -> bool:
    head = token.head
    of_settlement = head.lower_ == "of" and head.head.lemma_.lower() in SETTLEMENTS
    return token.pos_ == "PROPN" and token.dep_ == "pobj" and of_settlement


def quantified(token: Token) -> Token:
    """ "Tens of thousands of demonstrators" acts through its last noun: demonstrators."""
    for _ in range(4):
        if token.lower_ not in QUANTITIES and token.ent_type_ not in ("CARDINAL", "QUANTITY"):
            return token
        objects = [
            c for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children if c.dep_ == "pobj"
        ]
        if not objects:
            return token
        token = objects[0]
    return token


def phrase_tokens(head: Token) -> list[Token]:
    """A predicate's or noun's own phrase: its subtree without the clauses hanging from it
    ("… who fled", "… and said")."""
    tokens, stack = [], [head]
    while stack:
        token = stack.pop()
        tokens.append(token)
        stack.extend(c for c in token.children if c.dep_ not in CLAUSAL and not verbal_conj(c))
    return tokens


def same_side(a: EventSide, b: EventSide) -> bool:
    if a.start is not None and (a.start, a.end) == (b.start, b.end):
        return True  # the same words on both sides
    if a.actor is not None or b.actor is not None:
        return a.actor == b.actor
    return a.code is not None and a.code == b.code and a.text.lower() == b.text.lower()


def verbal_conj(token: Token) -> bool:
    return token.dep_ == "conj" and token.pos_ == "VERB"


def agent_type(token: Token) -> str | None:
    """The CAMEO agent type of a generic agent noun ("troops" -> MIL), as written or by lemma;
    an office holder takes the body a modifier names ("army officers" -> MIL)."""
    own = agent_nouns().get(token.lower_) or agent_nouns().get(token.lemma_.lower())
    if token.lemma_.lower() in OFFICE_HOLDERS:
        for child in token.children:
            body = agent_nouns().get(child.lower_) if child.dep_ in ("compound", "amod") else None
            if body and body != own:
                return body
    return own


def side_key(side: EventSide | None) -> tuple:
    if side is None:
        return (None,)
    return (side.actor,) if side.actor is not None else (side.code, side.text.lower())


@cache
def resolve_date_cached(text: str, base: str) -> str | None:
    from datetime import UTC, datetime

    value = resolve(text, datetime.fromisoformat(base).replace(tzinfo=UTC)).value
    return value[:10] if value else None


def resolve_date(text: str, base: str) -> str | None:
    """An explicit date; "February 2022" stays a month ("2022-02"), not a made-up day."""
    value = resolve_date_cached(text, base)
    if value and not re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", text):
        return value[:7]
    return value


def noun_entry(token: Token) -> NounEntry | None:
    """The event-noun entry (cameo/data/nouns.tsv) of a word, as written or by its lemma."""
    nouns = event_nouns()
    return nouns.get(token.lower_) or nouns.get(token.lemma_.lower())
