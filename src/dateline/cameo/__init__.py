"""The CAMEO codebook and event lexicon, loaded from the data files beside this module."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..resources import data_rows

_DATA = "dateline.cameo.data"

QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True)
class EventCode:
    code: str
    name: str
    root: str
    quad_class: int
    goldstein: float


@dataclass(frozen=True)
class LexiconEntry:
    id: str
    lemma: str
    conditions: tuple[tuple[str, frozenset[str]], ...]  # (kind, words)
    code: str
    targets: tuple[str, ...]


def quad_class(root: str) -> int:
    number = int(root)
    if number <= 5:
        return 1
    if number <= 8:
        return 2
    if number <= 13:
        return 3
    return 4


@cache
def codebook() -> dict[str, EventCode]:
    codes = {}
    for code, name, goldstein in data_rows(_DATA, "event_codes.tsv"):
        codes[code] = EventCode(code, name, code[:2], quad_class(code[:2]), float(goldstein))
    return codes


# The code of a lexicon entry for a use of a verb that is no event ("fight for gun control").
NO_EVENT = "-"


@cache
def event_lexicon() -> dict[str, list[LexiconEntry]]:
    """Entries by lemma, most specific (most conditions) first, then file order."""
    by_lemma: dict[str, list[LexiconEntry]] = {}
    for row in data_rows(_DATA, "verbs.tsv"):
        ident, lemma, conditions, code, targets = (list(row) + [""] * 5)[:5]
        parsed = tuple(
            (kind, frozenset(words.split("|"))) for kind, words in (c.split("=", 1) for c in conditions.split() if c)
        )
        entry = LexiconEntry(ident, lemma, parsed, code, tuple(t for t in targets.split("|") if t))
        by_lemma.setdefault(lemma, []).append(entry)
    for entries in by_lemma.values():
        entries.sort(key=lambda e: -len(e.conditions))  # stable: file order among equals
    return by_lemma


@dataclass(frozen=True)
class NounEntry:
    id: str
    noun: str
    code: str
    targets: tuple[str, ...]


@cache
def event_nouns() -> dict[str, NounEntry]:
    """Event nouns by lemma (first entry wins)."""
    entries: dict[str, NounEntry] = {}
    for ident, noun, code, targets in data_rows(_DATA, "nouns.tsv"):
        entries.setdefault(noun, NounEntry(ident, noun, code, tuple(t for t in targets.split("|") if t)))
    return entries


@cache
def agent_nouns() -> dict[str, str]:
    return dict(data_rows(_DATA, "agents.tsv"))


@cache
def regions() -> dict[str, str]:
    """CAMEO region codes by region name, lower-cased, without a leading "the" (data/regions.tsv)."""
    return {_region_key(row[0]): row[1] for row in data_rows(_DATA, "regions.tsv")}


def region_code(name: str) -> str | None:
    return regions().get(_region_key(name))


def _region_key(name: str) -> str:
    key = " ".join(name.lower().replace("-", " ").split())
    return key[4:] if key.startswith("the ") else key


@cache
def agent_types() -> dict[str, str]:
    return {row[0]: row[1] for row in data_rows(_DATA, "agent_types.tsv")}
