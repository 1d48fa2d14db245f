"""Vocabularies for actor extraction, loaded once from the data files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..nlp.gazetteer import normalise
from ..resources import data_lines, data_rows

_EXTRACT = "dateline.extract.data"
_CAMEO = "dateline.cameo.data"

# Forms of address before a name, lower case, no full stop: "Mr", "Dr", "Sir".
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "prof", "professor"})


@dataclass(frozen=True)
class Title:
    words: str  # lower case
    agent_type: str | None
    rank: str


@dataclass(frozen=True)
class KnownOrg:
    code: str
    agent_type: str
    country: str | None


@dataclass(frozen=True)
class Leader:
    name: str
    country: str | None  # ISO3; None for an international body's officer
    code: str | None  # the body's CAMEO code ("IGOUNO") for those
    agent_type: str
    role: str


@dataclass(frozen=True)
class Lexicon:
    titles: dict[str, Title]
    title_max_words: int
    orgs: dict[str, KnownOrg]  # name without dots or a leading "the" -> org
    org_types: list[tuple[str, str]]  # (word, type), longest first
    religions: frozenset[str]
    group_nouns: frozenset[str]
    agent_types: frozenset[str]
    leaders: dict[str, Leader]  # normalised full name -> leader
    leader_surnames: dict[str, Leader]  # normalised surname -> leader, where only one fits

    def leader(self, full: str | None, surname: str) -> Leader | None:
        """A well-known figure by full name, or by a surname that fits only one of them."""
        if full:
            return self.leaders.get(normalise(full))
        words = normalise(surname).split()
        return self.leader_surnames.get(words[-1]) if words else None

    def title(self, words: str) -> Title | None:
        return self.titles.get(words.lower())

    def known_org(self, name: str) -> KnownOrg | None:
        """An organisation by its name as written, dots and a leading "the" aside ("U.N."
        is "UN"), or an international body by a name it starts with ("UN refugee agency")."""
        words = _org_form(name).split()
        found = self.orgs.get(" ".join(words))
        if found is not None:
            return found
        for size in range(len(words) - 1, 0, -1):
            found = self.orgs.get(" ".join(words[:size]))
            if found is not None and found.agent_type in ("IGO", "NGO"):
                return found
        return None


def _org_form(name: str) -> str:
    name = name.replace(".", "").strip()
    return name[4:] if name.lower().startswith("the ") else name


@cache
def lexicon() -> Lexicon:
    titles = {
        words: Title(words, agent_type or None, rank) for words, agent_type, rank in _rows(_EXTRACT, "titles.tsv", 3)
    }
    orgs: dict[str, KnownOrg] = {}
    for names, code, agent_type, country in _rows(_CAMEO, "organisations.tsv", 4):
        for name in names.split("|"):
            orgs[_org_form(name)] = KnownOrg(code, agent_type, country or None)
    org_types = sorted(((w.lower(), t) for w, t in data_rows(_EXTRACT, "org_types.tsv")), key=lambda p: -len(p[0]))
    return Lexicon(
        titles=titles,
        title_max_words=max(len(t.split()) for t in titles),
        orgs=orgs,
        org_types=org_types,
        religions=frozenset(data_lines(_EXTRACT, "religions.txt")),
        group_nouns=frozenset(data_lines(_EXTRACT, "group_nouns.txt")),
        agent_types=frozenset(row[0] for row in data_rows(_CAMEO, "agent_types.tsv")),
        **_leaders(),
    )


_NAME_TITLES = {"king", "queen", "prince", "pope", "sheikh", "ayatollah", "sultan", "emir"}
_SUFFIXES = {"jr", "sr"}
# A regnal name ("Mohammed VI", "Benedict XVI") is a given name with a number: the figure is
# found by it with its number or title ("King Mohammed"), never by the bare name, which
# thousands of others bear (the Prophet Mohammed among them).
_REGNAL = re.compile(r"^(i{1,3}|iv|vi{0,3}|ix|xi{0,3}|xiv|xvi{0,3}|xix|xx)$")


def _leaders() -> dict[str, dict[str, Leader]]:
    by_name: dict[str, Leader] = {}
    by_surname: dict[str, set[Leader]] = {}
    for names, country, agent_type, role, _years in _rows(_EXTRACT, "leaders.tsv", 5):
        international = country.startswith("IGO")
        for name in names.split("|"):
            leader = Leader(name, None if international else country, country if international else None,
                            agent_type, role)  # fmt: skip
            words = normalise(name).split()
            by_name[" ".join(words)] = leader
            if words[0] in _NAME_TITLES and len(words) > 1:
                by_name[" ".join(words[1:])] = leader  # "King Hassan" is "Hassan" too
            named = [w for w in words if w not in _SUFFIXES and w not in _NAME_TITLES]
            if named and not any(_REGNAL.match(w) for w in words[1:]):
                by_surname.setdefault(named[-1], set()).add(leader)
    common = set(data_lines(_EXTRACT, "common_surnames.txt"))
    surnames = {}
    for surname, leaders in by_surname.items():
        kinds = {(leader.country, leader.code, leader.agent_type) for leader in leaders}
        if len(kinds) == 1 and surname not in common and len(surname) >= 4:
            surnames[surname] = next(iter(leaders))
    return {"leaders": by_name, "leader_surnames": surnames}


def _rows(package: str, name: str, width: int) -> list[tuple[str, ...]]:
    """Rows padded to ``width`` cells (trailing empty cells are stripped by editors)."""
    return [tuple(row) + ("",) * (width - len(row)) for row in data_rows(package, name)]


@cache
def reporting_verbs() -> dict[str, str]:
    """Reporting verbs by lemma: "speech", "thought", "object" or "topic" (extract/data/reporting_verbs.tsv)."""
    return {lemma: kind for lemma, kind in data_rows(_EXTRACT, "reporting_verbs.tsv")}


@cache
def stance_adjectives() -> dict[str, frozenset[str]]:
    """Adjectives after "be" that report a stance, with the complements that carry it: "that"
    (a clause), "to" (an infinitive) or prepositions (extract/data/stance_adjectives.tsv)."""
    return _word_sets("stance_adjectives.tsv")


@cache
def word_nouns() -> frozenset[str]:
    """Nouns naming words or judgements, which "offer" and "give" report (extract/data/word_nouns.txt)."""
    return frozenset(data_lines(_EXTRACT, "word_nouns.txt"))


@cache
def first_names() -> dict[str, str]:
    """First names almost always a man's ("m") or a woman's ("f") (extract/data/first_names.tsv)."""
    return {name: sex for name, sex in data_rows(_EXTRACT, "first_names.tsv")}


def first_name_sex(name: str) -> str | None:
    """ "m" or "f" when a full name's first word is a first name almost always given to one sex
    ("Ivanka Trump"); a surname alone ("Sanders") is no first name."""
    words = name.split()
    return first_names().get(words[0].rstrip(".").lower()) if len(words) >= 2 else None


# Honorifics that say a person's sex.
HONORIFIC_SEX = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}


def named_sex(actor) -> str | None:
    """ "m" or "f" when a person's own name tells: an honorific the article writes it with ("Mr
    Sunak") or a first name almost always given to one sex ("Ivanka Trump"); None when nothing
    tells or the two disagree. (The quote finder weighs more: he and she after the name.)"""
    if actor.kind != "person":
        return None
    signs = {HONORIFIC_SEX.get(m.text.split()[0].rstrip(".").lower()) for m in actor.mentions if m.text}
    signs.add(first_name_sex(actor.name))
    signs.discard(None)
    return signs.pop() if len(signs) == 1 else None


@cache
def title_nouns() -> frozenset[str]:
    """Nouns naming a work with a title: "the paper “…”" (extract/data/title_nouns.txt)."""
    return frozenset(data_lines(_EXTRACT, "title_nouns.txt"))


@cache
def building_nouns() -> frozenset[str]:
    """Last words of names of buildings and places: "Trump Tower" (extract/data/building_nouns.txt)."""
    return frozenset(data_lines(_EXTRACT, "building_nouns.txt"))


@cache
def circumstance_nouns() -> frozenset[str]:
    """Nouns naming where or how something was said, never what (extract/data/circumstance_nouns.txt)."""
    return frozenset(data_lines(_EXTRACT, "circumstance_nouns.txt"))


@cache
def topic_prepositions() -> dict[str, frozenset[str]]:
    """Prepositions whose object a reporting verb reports, by lemma (extract/data/topic_prepositions.tsv)."""
    return _word_sets("topic_prepositions.tsv")


@cache
def speaker_nouns() -> frozenset[str]:
    """Common nouns that name speakers, learned from PolNeAR train (extract/data/speaker_nouns.tsv,
    made by tools/speaker_nouns.py)."""
    return frozenset(row[0] for row in data_rows(_EXTRACT, "speaker_nouns.tsv"))


@cache
def person_nouns() -> frozenset[str]:
    """Common nouns naming people that the other lists miss ("captain", "niece"; extract/data/person_nouns.txt)."""
    return frozenset(data_lines(_EXTRACT, "person_nouns.txt"))


@cache
def issued_texts() -> frozenset[str]:
    """Nouns naming a text someone puts out, whose words are its author's (extract/data/issued_texts.txt)."""
    return frozenset(data_lines(_EXTRACT, "issued_texts.txt"))


@cache
def phrasal_speech_verbs() -> dict[str, frozenset[str]]:
    """Verbs that frame a quote with a particle, by lemma (extract/data/phrasal_speech_verbs.tsv)."""
    return _word_sets("phrasal_speech_verbs.tsv")


@cache
def verb_frames() -> dict[str, frozenset[str]]:
    """Lemmas of the verb frames the quote finder reads, by frame (extract/data/verb_frames.tsv)."""
    return _word_sets("verb_frames.tsv")


def _word_sets(name: str) -> dict[str, frozenset[str]]:
    """A data file of lemmas, each with a "|"-separated set of words."""
    return {lemma: frozenset(words.split("|")) for lemma, words in data_rows(_EXTRACT, name)}
