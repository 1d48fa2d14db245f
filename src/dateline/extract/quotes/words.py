"""Words and small tests of the parse shared by the quote finder's stages."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from ...resources import data_rows
from ..lexicon import phrasal_speech_verbs, reporting_verbs, verb_frames

_DATA = "dateline.extract.data"

RELATIVE = {"that", "which", "who", "whom"}

DASHES = {"-", "–", "—"}

# Labels that head a paragraph or a line before a colon: an editor's, not a speaker ("UPDATE:",
# "Example: “…”").
EDITORIAL_LABELS = {"CORRECTION", "CLARIFICATION", "UPDATE", "UPDATED", "PREVIOUSLY", "RELATED", "WATCH", "NOTE",
                    "EDITOR'S NOTE", "EDITOR’S NOTE", "READ MORE", "PHOTOS", "VIDEO", "ADVERTISEMENT", "MORE", "READ",
                    "ALSO READ", "SEE ALSO", "SEE", "LISTEN", "TRENDING", "RECOMMENDED", "SPONSORED", "BREAKING",
                    "LIVE", "EXCLUSIVE", "ANALYSIS", "OPINION", "PHOTO", "GALLERY", "PODCAST",
                    "NEWSLETTER", "WARNING", "DISCLAIMER", "DISCLOSURE", "ALERT", "NOTICE", "CAUTION", "TIP",
                    "SPOILER", "SPOILERS", "FACT CHECK", "PLEASE NOTE", "EXAMPLE", "ANSWER",
                    "QUESTION", "QUOTE", "TRANSLATION", "CAPTION", "SUMMARY", "VERDICT", "TAKEAWAY"}  # fmt: skip

QUOTE_CHARS = "\"'“”«»„‘’"

# How many words after a closing quotation mark its speech verb may stand: a name with a
# title and an apposition ("Rep. Jim Jordan, an oversight panel member, said").
ATTRIBUTION_REACH = 12

# Verbs that give someone or something a name: "called Trump unhinged", "what Apple calls …".
NAMING = frozenset({"call", "label", "brand", "dub", "term"})

# What a clause after "In the same poll, …" reports.
FINDINGS = {"poll", "survey", "study", "average"}


@cache
def unnamed_sources() -> dict[str, str]:
    return {noun: kind for noun, kind in data_rows(_DATA, "unnamed_sources.tsv")}


def frame(name: str) -> frozenset[str]:
    """The lemmas of a verb frame (extract/data/verb_frames.tsv)."""
    return verb_frames()[name]


def speech_particle(verb: Token) -> str | None:
    """The particle that makes a verb a verb of speaking ("shot back", "piped up"), if any."""
    particles = phrasal_speech_verbs().get(verb.lemma_.lower())
    if particles is None:  # (asked of every verb not on the list: no walk over its children)
        return None
    return next((c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod") and c.lower_ in particles), None)


def as_clause(verb: Token) -> bool:
    """ "…, as the Post reported": a clause hung on another by "as"."""
    return verb.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as" for m in verb.children)


def host_clause(token: Token, head: Token | None = None) -> list[Token]:
    """The clause ``token`` hangs on (or ``head``'s), less ``token``'s own phrase: what
    "Christie said", "as the Post reported" or "In the same poll" frames."""
    inner = {t.i for t in token.subtree}
    host = [t for t in (head or token.head).subtree if t.i not in inner]
    # a frame at either end is not inside what it frames: "The law is flawed, as the Post reported."
    if all(t.is_punct for t in host if t.i > max(inner)):
        host = [t for t in host if t.i < min(inner)]
    elif all(t.is_punct for t in host if t.i < min(inner)):
        host = [t for t in host if t.i > max(inner)]
    return host


def marked_that(clause: Token) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)


def marked_to(verb: Token) -> bool:
    """A "to"-infinitive: "to propose", "to ban"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def idiom(verb: Token) -> bool:
    """ "That said, …" and "It goes without saying that …" frame the writer's own sentence; "found
    itself forced to …", "finds himself alone" tell where someone ended up, not what they found."""
    if verb.lemma_.lower() == "find":
        following = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
        return following is not None and following.lower_.endswith(("self", "selves")) and following.pos_ == "PRON"
    if verb.lemma_.lower() != "say":
        return False
    after = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if verb.i > 0 and verb.nbor(-1).lower_ == "that" and verb.nbor(-1).dep_ == "nsubj" and after is not None:
        return after.text == ","
    return verb.head.lower_ == "without" and verb.head.head.lemma_ == "go"


def bare_participle(verb: Token) -> bool:
    """ "the phone call obtained and reported by the Detroit News": a passive participle with its
    agent but no subject, auxiliary or mark of its own modifies a noun; it says nothing itself
    (unlike "as reported by X", or "Beruff, an ally, called it …" tagged as a participle)."""
    if verb.tag_ != "VBN":
        return False
    head = verb.head if verb.dep_ == "conj" and verb.head.tag_ == "VBN" else verb  # "obtained and reported"
    group = [head, *(c for c in head.children if c.dep_ == "conj" and c.tag_ == "VBN")]
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "expl") for t in group for c in t.children):
        return False
    return any(c.dep_ == "agent" for t in group for c in t.children)


def names_something(verb: Token) -> bool:
    """A verb of naming that names ("called Trump “unhinged”"), not one that asks ("calling for …")."""
    return verb.lemma_.lower() in NAMING and not any(p.dep_ == "prep" and p.lower_ == "for" for p in verb.children)


def title_case(quoted: str, most: int, stop_allowed: bool = False) -> bool:
    """At most ``most`` words, each significant one capitalised, with no comma or (unless
    ``stop_allowed``) closing full stop, question or exclamation mark: a name or a title."""
    inner = quoted.strip(QUOTE_CHARS + " ").rstrip(",")  # “…” and ''…''
    words = inner.split()
    if not words or len(words) > most or (inner[-1:] in ".!?" and not stop_allowed) or "," in inner:
        return False
    significant = [words[0]] + [w.rstrip(".") for w in words[1:] if w.rstrip(".").isalpha() and len(w) > 3]
    return all(w[:1].isupper() for w in significant)


def is_speech(token: Token) -> bool:
    """A verb of speech: "said", "told", "shot back"."""
    return token.pos_ in ("VERB", "AUX") and (
        reporting_verbs().get(token.lemma_.lower()) == "speech" or speech_particle(token) is not None
    )


def points_back(tokens: list[Token]) -> bool:
    """ "That's", "This is", "That was": a host clause that only points at what was said before."""
    words = [t.lower_.replace("’", "'") for t in tokens if not t.is_punct and not t.is_space]
    return len(words) == 2 and words[0] in ("that", "this") and words[1] in ("'s", "is", "was")


def after_last_clause_break(tokens: list[Token]) -> list[Token]:
    """The words after the last break between clauses ("Almost a million injections are given
    every year - but according to experts, many …": the claim is what follows "but")."""
    dashes = [k for k, t in enumerate(tokens) if t.text in ("–", "—") or (t.text == "-" and t.whitespace_)]
    # two dashes around an aside ("20,000 people — almost 1% of the population — have been killed")
    # are no break; a lone (or last, odd) dash is
    aside = {k for pair in zip(dashes[::2], dashes[1::2], strict=False) for k in pair}
    cut = 0
    for k, token in enumerate(tokens):
        joined = token.lower_ in ("but", "yet") and k > 0 and tokens[k - 1].text in (",", ";", "-", "–", "—")
        # (", but is now considering …": a second predicate of the same subject goes with the first)
        joined = joined and not (k + 1 < len(tokens) and tokens[k + 1].pos_ in ("AUX", "VERB"))
        if token.text == ";" or (k in dashes and k not in aside) or joined:
            cut = k + 1
    while cut < len(tokens) and tokens[cut].lower_ in ("but", "yet", "and"):
        cut += 1
    return tokens[cut:]
