"""Which coded events a user is shown by default, and why the others are not.

The rule coder proposes; this stage disposes. Every event stays in the store, but only an
event that the text asserts really happened, done by a source we can code, is *listed*
(``dateline events`` shows it; ``--all`` shows the rest with the reason). The reasons are
general properties of the sentence, not lists of sentences:

- ``statement``: a bare "X said" (CAMEO 010 from a quotation) only sources what follows;
- ``no source``: no one, or no one we can code, did it;
- ``in a quote``: the act is inside someone's quoted words (rhetoric, a claim);
- ``not asserted``: the act is tried, wanted, planned, expected, alleged or claimed, or only
  the aim of another, not done;
- ``future``: "will", "would" with no one saying so (a forecast, not a stated intention);
- ``to the press``: speaking or talking to reporters or a news outlet attributes what
  follows; it is no meeting or statement *to* them;
- ``about no one``: a statement (CAMEO root 01: admitting, denying, mourning, issuing a
  statement) that names no one it is about or addressed to, or a policy only considered
  (014: deliberation is no act);
- ``a noun``: an event noun ("the war", "a request") is an act only when a verb that
  carries it out governs it ("launched an offensive", "filed a request" is no appeal to anyone);
- ``no political actor``: no side of the article's other listed events is a government, armed
  force, police, court, legislature, party, rebel or opposition group or an international
  body, and no country acts in one: a film review's "cast joins", a sports page's "travel to
  face the Knicks" are no CAMEO events.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Actor, Event, Quote
from ..nlp.text import ArticleText, token_at
from .events.words import infinitive

# Heads that make the act they govern unreal: tried, wanted, planned, expected, claimed.
_UNREAL_HEADS = {
    "try", "attempt", "seek", "want", "wish", "hope", "plan", "aim", "intend", "expect", "look", "work", "strive",
    "struggle", "fail", "refuse", "decline", "consider", "threaten", "need", "have", "allow", "permit", "let",
    "prepare", "scramble", "rush", "move", "push", "lobby", "campaign", "fight", "vow", "promise", "pledge",
    "claim", "allege", "accuse", "deny", "suspect", "risk", "face", "threat",
}  # fmt: skip
# Verbs whose clause reports speech or belief: an act under them is what someone said.
_REPORTING = {
    "say", "tell", "add", "state", "announce", "report", "claim", "allege", "insist", "argue", "write", "note",
    "explain", "suggest", "warn", "confirm", "believe", "think", "fear", "testify", "acknowledge", "admit",
}  # fmt: skip
_CLAIMS = {"allegedly", "purportedly", "supposedly"}
# Verbs that report what they say as someone's claim: "claimed that the army shelled the town".
_CLAIMING = {"claim", "allege", "contend", "purport"}
_MODAL = {"could", "might", "may", "should", "can", "must"}
# Verbs that carry out the act their object names: "launched an offensive", "staged a protest".
_CARRYING_OUT = {
    "launch", "start", "begin", "stage", "hold", "carry", "conduct", "mount", "wage", "make", "issue", "lodge",
    "impose", "sign", "reach", "step", "intensify", "escalate", "expand", "resume", "renew", "deliver", "give",
    "pay", "embark", "undertake", "declare", "open", "organise", "organize", "lead", "extend", "unleash",
    "initiate", "conclude", "release", "order", "send", "be", "go", "continue",
}  # fmt: skip


def assess_events(
    events: list[Event], doc: Doc, text: ArticleText, quotes: list[Quote], actors: list[Actor]
) -> list[Event]:
    """Set ``listed`` and ``unlisted_because`` on each event (in place); returns the events."""
    quoted = [s for q in quotes if q.kind == "direct" for s in q.stretches()]
    reasons = [_reason(event, doc, text, quoted) for event in events]
    # among the events listed so far: a political agent on a side, or a country acting
    political = any(
        any(side is not None and side.code and _political(side.code) for side in (e.source, e.target))
        or (e.source.actor is not None and actors[e.source.actor].kind == "country")
        for e, reason in zip(events, reasons, strict=True) if reason is None
    )  # fmt: skip
    for event, reason in zip(events, reasons, strict=True):
        if reason is None and not political:
            reason = "no political actor"
        event.listed, event.unlisted_because = reason is None, reason
    return events


# CAMEO agent types of the state and of those who contest it.
_POLITICAL_TYPES = {"GOV", "MIL", "COP", "JUD", "LEG", "PTY", "REB", "OPP", "SPY", "INS", "SEP", "ELI"}


def _political(code: str) -> bool:
    """An actor code naming an international body or a political agent ("USAGOV", "IGOUNO").
    (A bare country code is not enough: persons and things take one from where they are; a
    country acting is told by its side's actor, in ``assess_events``.)"""
    return code.startswith("IGO") or any(code[i : i + 3] in _POLITICAL_TYPES for i in range(3, len(code), 3))


def _reason(event: Event, doc: Doc, text: ArticleText, quoted) -> str | None:
    if event.entry == "Q010":
        return "statement"
    if event.source is None or not event.source.code:
        return "no source"
    if any(s.start <= event.cue.start and event.cue.end <= s.end for s in quoted):
        return "in a quote"
    if event.root in ("01", "04") and event.target is not None and (event.target.code or "").endswith("MED"):
        return "to the press"
    if event.root == "01" and (event.target is None or event.code == "014"):
        return "about no one"
    cue = token_at(doc, text, event.cue.start)
    if cue is None:
        return None
    if event.entry.startswith("N") and cue.lemma_.lower() not in _CARRYING_OUT:
        return "a noun"
    unreal = _unreal(cue)
    if unreal:
        return unreal
    if event.mood == "intent" and not _under_reporting(cue):
        return "future"
    return None


def _unreal(verb: Token) -> str | None:
    """ "tried to flee", "could decide", "allegedly attacked", "accused of attacking": not done."""
    if any(c.lower_ in _CLAIMS for c in verb.children):
        return "not asserted"
    current = verb
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in _MODAL for c in current.children):
            return "not asserted"
        head = current.head
        if head.i == current.i:
            return None
        if current.dep_ == "xcomp" and head.lemma_.lower() in _UNREAL_HEADS:
            return "not asserted"
        if current.dep_ == "advcl" and _purpose(current):
            return "not asserted"  # "worked to negotiate compromises": the aim, not the act
        if current.dep_ == "acl" and infinitive(current) and not _ranked(head):
            return "not asserted"  # "an agreement to end the blockades": what it is for, not done
        if current.dep_ == "advcl" and _own_clause(current):
            return None  # "... as Haniyeh traveled to Egypt": said as fact, whatever the main clause
        if current.dep_ == "pcomp" and head.head.lemma_.lower() in ("accuse", "suspect", "charge"):
            return "not asserted"  # "accused of attacking": a claim
        if current.dep_ in ("xcomp", "conj", "acl") and head.pos_ in ("NOUN",) and head.lemma_.lower() in (
            "attempt", "effort", "plan", "bid", "threat", "call", "demand", "push", "proposal", "promise"):
            return "not asserted"  # "an attempt to seize", "calls to release"
        if current.dep_ not in ("xcomp", "conj", "acl", "advcl", "ccomp", "pcomp"):
            return None
        if current.dep_ == "ccomp" and head.lemma_.lower() in _CLAIMING:
            return "not asserted"  # "X claimed that Y attacked Z": a claim, not a fact told
        if current.dep_ == "ccomp" and head.lemma_.lower() in _REPORTING:
            return None  # "X said that Y attacked Z": the reported fact is coded as fact
        current = head
    return None


def _ranked(noun: Token) -> bool:
    """ "the first country to recognize it": the infinitive tells what the ranked one did."""
    return any(c.lower_ in ("first", "last", "only", "second", "third") or c.ent_type_ == "ORDINAL"
               for c in noun.children if c.dep_ in ("amod", "nummod"))  # fmt: skip


def _under_reporting(verb: Token) -> bool:
    """ "said it would back a resolution": a stated intention (CAMEO 03), not a forecast."""
    current = verb
    for _ in range(4):
        head = current.head
        if head.i == current.i:
            return False
        if current.dep_ in ("ccomp", "xcomp") and head.lemma_.lower() in _REPORTING | {"vow", "pledge", "promise"}:
            return True
        if current.dep_ not in ("conj", "xcomp", "ccomp", "advcl"):
            return False
        current = head
    return False


def _purpose(verb: Token) -> bool:
    """ "to negotiate", "in order to end": an infinitive of purpose with no subject of its own."""
    return infinitive(verb) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _own_clause(verb: Token) -> bool:
    """ "as Haniyeh traveled", "after police arrested him": a clause with its own subject,
    joined by a conjunction that states it as fact (not "if" or "unless")."""
    marks = [c.lower_ for c in verb.children if c.dep_ == "mark"]
    return (
        bool(marks)
        and not any(m in ("if", "unless", "so", "lest") for m in marks)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )
