"""Who speaks where no subject of a verb of speech says it: the sender of a text ("received a
call from a neighbour saying …"), the one blamed for speaking ("called out Mia for telling …"), the
one heard speaking ("Denicola recalled a nurse asking"), a name before a colon ("Carly Fiorina: …")
or closing an according-to phrase ("according to a fan account, MAFSFan")."""

from __future__ import annotations

from itertools import takewhile

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..lexicon import lexicon
from .view import ArticleView
from .words import frame, is_speech

# Forms of address, which the title list leaves out (they say nothing of a role); fewer than
# lexicon.HONORIFICS, which strips "Sir", "Lady" and the like from a name: here they make no source.
_ADDRESS = {"mr", "mrs", "ms", "miss", "dr", "prof"}

# Verbs that blame or praise someone "for" or "of" something they did: "accused him of saying …",
# "criticized her for telling …", "praised Reyes for saying …".
_BLAMING = frozenset({
    "accuse", "criticize", "criticise", "scold", "chide", "mock", "slam", "blast", "fault", "rebuke", "condemn",
    "denounce", "ridicule", "lambaste", "lambast", "attack", "assail", "deride", "knock", "hammer", "praise",
    "thank", "congratulate", "credit", "hail", "applaud", "commend", "compliment", "blame",
})  # fmt: skip

# Verbs of recalling, perceiving and citing: their object may be heard speaking ("recalled a nurse
# asking", "cited officials saying").
_PERCEIVING = frozenset({"recall", "remember", "hear", "overhear", "see", "watch", "quote", "cite"})

# Verbs whose subject gets or cites a text rather than puts it out ("Police received 911 calls saying …",
# "Frank cited a memo saying …").
_RECEIVING = frozenset({"receive", "get", "obtain", "read", "hear", "see", "review", "intercept", "cite", "quote"})


def received(text: Token) -> bool:
    return text.dep_ == "dobj" and text.head.lemma_.lower() in _RECEIVING


def sender_of(text: Token) -> Token | None:
    """Whom a text came "from": "a letter from the mayor", "received a call from X" (the
    preposition on the text or on the verb it is the object of)."""
    holders = [text] + ([text.head] if text.dep_ == "dobj" and received(text) else [])
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "from":
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                if objects and objects[0].pos_ in ("PROPN", "NOUN", "PRON"):
                    return objects[0]
    return None


def blamed_object(prep: Token) -> Token | None:
    """The object of a verb that a "for"/"of"/"over" phrase blames or praises it for: "called out
    Mia for telling …", "accused him of saying …" (the one who did it is the object, not the subject)."""
    if prep.lower_ not in ("for", "of", "over"):
        return None
    verb = prep.head
    lemma = verb.lemma_.lower()
    called_out = lemma == "call" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    if verb.pos_ != "VERB" or not (called_out or lemma in _BLAMING):
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < prep.i]
    if not objects:
        return None
    named = objects[0].pos_ == "PROPN" and objects[0].ent_type_ in ("", "PERSON")
    return objects[0] if named or objects[0].lower_ in ("him", "her", "them", "me", "us") else None


def heard_speaking(verb: Token) -> tuple[Token, Token] | None:
    """A verb of recalling or perceiving whose object is heard speaking (`Denicola recalled a
    nurse asking`, `remembers his son saying`): that verb of speech, and its speaker."""
    if verb.lemma_.lower() not in _PERCEIVING or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None  # ("would like to see the board agree to …" is a wish)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # the speaking verb hangs on the verb ("recalled a nurse asking") or on its object ("cited officials saying")
    for child in [*verb.children, *(c for o in objects for c in o.children if c.dep_ == "acl")]:
        if child.tag_ not in ("VBG", "VB") or child.dep_ not in ("advcl", "ccomp", "xcomp", "acl") or child.i < verb.i:
            continue
        if not is_speech(child):
            continue
        subjects = [c for c in child.children if c.dep_ == "nsubj"]
        subjects = subjects or [o for o in objects if o.i < child.i]
        if subjects and subjects[0].pos_ in ("NOUN", "PROPN", "PRON"):
            return child, subjects[0]
    return None


def named_source(view: ArticleView, before: SpacySpan, block: int) -> SpacySpan | None:
    """The words before a colon when they name who speaks: names and titles ("Dr. Ben Carson:
    Hillary Clinton ‘Not Fit To Serve’", "Carly Fiorina: …", or an actor of the story); in a
    headline also a name, then what it did or whom it spoke to ("Trump Addresses Munich Attack:
    ‘…’", "CNN President On Trump: …"), the name alone. None when they name no one."""
    if not len(before) or before[0].tag_ == "VBG":
        return None  # ("Harnessing Carbon for Plastics: A Breakthrough …": a title, not a name)
    known = [t.ent_type_ in ("PERSON", "ORG") or view.actor_at(t) is not None for t in before]
    if any(known) and all(k or t.is_punct or is_title(t) for k, t in zip(known, before, strict=True)):
        return before
    if block < 0:
        lead = next((i for i, (k, t) in enumerate(zip(known, before, strict=True)) if not (k or is_title(t))), 0)
        if any(known[:lead]) and before[lead].pos_ in ("VERB", "ADP") and before[lead].lower_ not in ("of", "'s"):
            return before[:lead]
    return None


def name_after(sent: SpacySpan, end: int) -> int:
    """Where a source phrase ends that a name in apposition closes: "according to a fan account,
    MAFSFan." (the sentence's last words, a comma and a proper name, are the source's name)."""
    rest = [t for t in sent if t.i >= end and not t.is_space]
    while rest and rest[-1].is_punct:
        rest.pop()
    if len(rest) >= 2 and rest[0].text == "," and len(rest) <= 5 and all(t.pos_ == "PROPN" for t in rest[1:]):
        return rest[-1].i + 1
    return end


def is_title(token: Token) -> bool:
    """A title or form of address before a name: "Senator", "Dr.", "Mrs."."""
    word = token.text.rstrip(".")
    return word.lower() in _ADDRESS or lexicon().title(word) is not None


def seen_happening(verb: Token) -> bool:
    """A verb of seeing or hearing whose complement is a bare infinitive or a participle ("saw the
    numbers work", "watched prices climbing"): something perceived happening, not a view held."""
    if verb.lemma_.lower() not in _PERCEIVING:
        return False
    if verb.head.lemma_.lower() in frame("desire") | frame("aim"):
        return False  # "would like to see the board agree to …": a wish
    return any(
        c.dep_ == "ccomp" and c.tag_ in ("VB", "VBG") and not any(m.dep_ in ("mark", "aux") for m in c.children)
        for c in verb.children
    )


def inverted_aside(verb: Token) -> tuple[list[Token], list[Token], list[Token]] | None:
    """ "The new pier, said Mayor Tomas Reyes, will open in May", "The Manhattan Project, wrote
    Richard Rhodes, author of …, was “…”": a verb of speech and its speaker set off by commas inside
    the sentence they attribute, the speaker after the verb. Returns the words before the aside (a
    subject with no verb of its own), the speaker's words, and the rest of the sentence (from the
    verb it resumes with); None for any other shape."""
    sent = verb.sent
    if not is_speech(verb) or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # ("Trump, speaking to veterans, said …": a participle aside, the speaker before it)
    if verb.i - 1 <= sent.start or verb.doc[verb.i - 1].text != ",":
        return None
    before = list(verb.doc[sent.start : verb.i - 1])
    if any(t.pos_ in ("VERB", "AUX") for t in before) or not any(t.pos_ in ("NOUN", "PROPN") for t in before):
        return None
    end = min(sent.end, verb.i + 16)
    for comma in (t for t in verb.doc[verb.i + 1 : end] if t.text == ","):
        following = comma.nbor(1) if comma.i + 1 < sent.end else None
        if following is None or following.pos_ not in ("VERB", "AUX"):
            continue
        speaker = list(verb.doc[verb.i + 1 : comma.i])
        first = list(takewhile(lambda t: t.text != ",", speaker))  # the name, before any apposition
        if not speaker or speaker[0].pos_ == "ADP" or any(t.pos_ in ("VERB", "AUX") for t in speaker):
            return None  # ("said Mr. Manafort envisioned an approach …, tapping …": what was said)
        if not any(t.ent_type_ in ("PERSON", "ORG") for t in first):
            return None
        rest = [t for t in verb.doc[comma.i + 1 : sent.end] if not t.is_space]
        while rest and rest[-1].is_punct and rest[-1].text not in ("”", "\"", "’"):
            rest.pop()
        return (before, speaker, rest) if rest else None
    return None
