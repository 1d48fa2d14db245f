"""Headlines written in Title Case, parsed as the sentence they are.

The small model parses "Hillary Clinton Calls ISIS Violence Against Yazidis ‘Genocide’"
as a row of proper nouns: no verb, no subject, nothing to attribute. Lower-casing the
words that are not names (names are the words the article's body also capitalises in
mid-sentence) and parsing again gives the headline a verb; the new tags and tree are
copied back onto the article's parse. The text itself is never changed.
"""

from __future__ import annotations

import re

from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span

_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)$")
_ATTRS = [POS, TAG, DEP, HEAD, LEMMA]
# Short function words stay out of the title-case test: "of", "the", "in" are often lower-case anyway.
_MIN_LETTERS = 4


def is_title_case(headline: str) -> bool:
    words = [w for w in _WORD.findall(headline) if len(w) >= _MIN_LETTERS]
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def names_in(body: str) -> set[str]:
    """Words the body capitalises away from a sentence's start: names."""
    names = set()
    for match in _WORD.finditer(body):
        word = match.group()
        if word[0].isupper() and not _SENTENCE_START.search(body[max(0, match.start() - 3) : match.start()]):
            names.add(word)
    return names


def sentence_cased(headline: str, names: set[str]) -> str:
    """The headline with every capitalised word that is not a name (nor an acronym, nor the
    first word) lower-cased; the same length, so offsets still line up."""

    def lower(match: re.Match[str]) -> str:
        word = match.group()
        if match.start() == 0 or word in names or word.isupper() or not word[0].isupper():
            return word
        return word.lower()

    return _WORD.sub(lower, headline)


def reparse_headlines(nlp: Language, jobs: list[tuple[Doc, int, str]]) -> list[bool]:
    """For each (article parse, headline length, body): copy the parse of the sentence-cased
    headline onto the headline tokens of the parse (which starts with the headline). The
    re-cased headlines are parsed together, without the entity recogniser (the entities stay
    those of the article's parse, a person's name first trimmed by ``trim_headline_names``).
    False, and that parse untouched, when the headline is not in Title Case or the re-cased text
    splits into other tokens."""
    cased: list[str | None] = []
    for doc, end, body in jobs:
        if not is_title_case(doc.text[:end]):
            cased.append(None)
            continue
        names = names_in(body)
        trim_headline_names(doc, end, body, names)
        cased.append(cased_headline(doc, end, names))
    todo = [i for i, text in enumerate(cased) if text is not None]
    done = [False] * len(jobs)
    disabled = [name for name in ("ner",) if name in nlp.pipe_names]
    for i, redone in zip(todo, nlp.pipe((cased[i] for i in todo), disable=disabled), strict=True):
        done[i] = _copy_parse(jobs[i][0], redone)
    return done


def cased_headline(doc: Doc, headline_end: int, body_names: set[str]) -> str | None:
    """The Title Case headline of ``doc`` sentence-cased (``body_names``: ``names_in`` its body),
    or None when nothing would change."""
    headline = doc.text[:headline_end]
    names = body_names | {t.text for ent in doc.ents if ent.start_char >= headline_end for t in ent}
    cased = sentence_cased(headline, names)
    return None if cased == headline else cased


def _copy_parse(doc: Doc, redone: Doc) -> bool:
    count = len(redone)
    if count > len(doc) or [t.text.lower() for t in redone] != [t.text.lower() for t in doc[:count]]:
        return False
    if any(t.head.i >= count for t in doc[:count]) or any(t.head.i < count and not t.is_space for t in doc[count:]):
        return False  # the headline shares a tree with what follows: leave it
    array = doc.to_array(_ATTRS)
    array[:count] = redone.to_array(_ATTRS)
    ents = list(doc.ents)
    doc.from_array(_ATTRS, array)
    doc.ents = ents
    return True


_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]*\b")


def trim_headline_names(doc: Doc, headline_end: int, body: str, body_names: set[str] | None = None) -> None:
    """A person the model finds in a Title Case headline ends before a word the body writes in
    lower case and never as a name: "Blaming Trump Gaffe on Biden" names Trump, "Tucker Carlson Is
    Entering Streaming" Tucker Carlson, "Actor Nashawn Breedlove Dead at 46" Nashawn Breedlove.
    A name the body prints whole is left as it is. (``body_names``: ``names_in(body)``, when known.)"""
    if not is_title_case(doc.text[:headline_end]):
        return
    names = names_in(body) if body_names is None else body_names
    lowered = set(_LOWER_WORD.findall(body))
    kept, changed = [], False
    for ent in doc.ents:
        if ent.end_char > headline_end or ent.label_ != "PERSON" or len(ent) < 2 or ent.text in body:
            kept.append(ent)
            continue
        cut = next((i for i, t in enumerate(ent) if i and t.text not in names and t.text.lower() in lowered), None)
        if cut is None:
            kept.append(ent)
            continue
        changed = True
        if cut > 1 or ent[0].text in names:  # (one word alone stays a name only if the body prints it as one)
            kept.append(Span(doc, ent.start, ent.start + cut, label=ent.label_))
    if changed:
        doc.ents = kept
