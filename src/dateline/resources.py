"""Loading the data files (cue lists, lexicons, codebooks) that ship inside the package.

Vocabularies live in text files so they can be reviewed and extended without touching
code. Lines starting with ``#`` and blank lines are ignored everywhere.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources


@cache
def data_lines(package: str, name: str) -> tuple[str, ...]:
    """Non-blank, non-comment lines of a data file in ``package``."""
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    return tuple(line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


@cache
def data_rows(package: str, name: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows of a data file; the first row is a header and is skipped."""
    rows = [tuple(cell.strip() for cell in line.split("\t")) for line in data_lines(package, name)]
    return tuple(rows[1:])


@cache
def data_regex(package: str, name: str) -> GuardedPattern:
    """One case-insensitive regex matching a whole line against any pattern in the file."""
    patterns = data_lines(package, name)
    return GuardedPattern(patterns)


# Characters that IGNORECASE matches to an ASCII letter but ``str.lower`` does not turn into it.
_FOLD_ODD = frozenset("İıſK")


class GuardedPattern:
    """The case-insensitive alternation of some patterns, searched in a text only when the text
    holds strings one of the patterns needs.

    Every pattern is read (with the ``re`` parser) for strings that any text it matches must
    hold: ``\\ball rights? reserved\\b`` needs "all right" and " reserved", ``©\\s*(19|20)\\d\\d``
    needs "©" and "19" or "20". Substring tests on the lower-cased text are far faster than the
    regex's scan of every position, and most lines hold none of them. Results are those of the
    alternation itself: when a text fails every pattern's needs, no pattern can match it. Only
    ``search`` is guarded; a match anchored at the start is cheap already.
    """

    def __init__(self, patterns: tuple[str, ...] | list[str]) -> None:
        self.pattern = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
        needs = [_needed(p) for p in patterns]
        self.parts: list[tuple[re.Pattern[str], frozenset[str]]] | None = None
        self.needs: re.Pattern[str] | None = None
        if all(needs):  # else some pattern needs nothing we can test, and every text is searched whole
            pairs = zip(patterns, needs, strict=True)
            self.parts = [(re.compile(p, re.IGNORECASE), max(n, key=_telling)) for p, n in pairs]
            # One plain alternation of each pattern's most telling needs, searched in the lower-cased text.
            strings = sorted(set().union(*(n for _, n in self.parts)), key=lambda s: (-len(s), s))
            self.needs = re.compile("|".join(map(re.escape, strings)))

    def search(self, text: str) -> re.Match[str] | None:
        """The leftmost match of any pattern (of the first pattern, at equal starts), as the
        alternation's."""
        if self.parts is None or not _FOLD_ODD.isdisjoint(text):
            return self.pattern.search(text)
        lower = text.lower()
        if self.needs.search(lower) is None:
            return None
        best = None
        for pattern, strings in self.parts:  # only the patterns whose needs the text holds
            found = pattern.search(text) if any(s in lower for s in strings) else None
            if found and (best is None or found.start() < best.start()):
                best = found
        return best

    def match(self, text: str) -> re.Match[str] | None:
        return self.pattern.match(text)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.pattern.fullmatch(text)


def _telling(options: frozenset[str]) -> int:
    """How rarely a text holds one of ``options``, guessed: the length of the shortest, where a
    character outside ASCII ("©") counts as four."""
    return min(len(s) + 3 * sum(not c.isascii() for c in s) for s in options)


def _needed(pattern: str) -> list[frozenset[str]]:
    """What every match of ``pattern`` holds: sets of lower-case strings, each of which the match
    holds one of. Empty when nothing is found, or the parser (private to ``re``)
    is not there to read it."""
    try:
        from re import _constants as c
        from re import _parser
    except ImportError:  # pragma: no cover - a Python whose re is laid out otherwise
        return []
    try:
        parsed = _parser.parse(pattern, re.IGNORECASE)
    except re.error:
        return []

    def needed(items) -> list[frozenset[str]]:
        found: list[frozenset[str]] = []
        run: list[str] = []
        for op, arg in [*items, (None, None)]:  # the last one ends a run
            if op is c.LITERAL and _foldable(chr(arg)):
                run.append(chr(arg).lower())
                continue
            if run:
                found.append(frozenset(["".join(run)]))
                run = []
            if op is c.SUBPATTERN and not arg[1] and not arg[2]:  # a group that sets no flags of its own
                found += needed(arg[3])
            elif op is c.BRANCH:
                # One of the alternatives matches: each gives its most telling set.
                alternatives = [needed(alternative) for alternative in arg[1]]
                if all(alternatives):
                    found.append(frozenset().union(*(max(a, key=_telling) for a in alternatives)))
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and arg[0] >= 1:
                found += needed(arg[2])
        return found

    return needed(parsed)


def _foldable(char: str) -> bool:
    """Whether IGNORECASE matches ``char`` exactly where ``str.lower`` of a text (free of
    _FOLD_ODD) holds ``char.lower()``: ASCII letters, and characters with no case at all."""
    return (char.isascii() and char.isalpha()) or (char.lower() == char == char.upper() and len(char) == 1)
