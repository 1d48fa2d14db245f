"""Data-file patterns: the guard that skips a regex's search must never change its answer."""

from __future__ import annotations

import re

import pytest

from dateline.resources import GuardedPattern, _needed, data_lines, data_regex

from .conftest import SHARED, need_shared

PATTERNS = [
    r"\ball rights? reserved\b",
    r"©\s*(19|20)\d\d",
    r"\b(enable|turn on) javascript\b",
    r"\bI (agree|consent) to\b.{0,80}\b(terms|privacy)\b",
]
# The cleaner's files that are searched (the others are only matched whole, which is not guarded).
_SEARCHED = ["boilerplate.txt", "credits.txt", "footer.txt", "site_policy.txt"]


def test_needs_are_read_from_the_pattern():
    assert frozenset({"all right"}) in _needed(PATTERNS[0])
    assert frozenset({"©"}) in _needed(PATTERNS[1]) and frozenset({"19", "20"}) in _needed(PATTERNS[1])
    assert frozenset({"enable", "turn on"}) in _needed(PATTERNS[2])
    assert _needed(r"\W*\d+\W*") == []  # nothing a text must hold: every text is searched


@pytest.mark.parametrize(
    "text",
    [
        "© 2024 The Harbour Times. ALL RIGHTS RESERVED.",
        "Please ENABLE JavaScript to view this page",
        "i agree to the Terms of use",
        "The council reserved all its rights on Monday.",  # needs met, pattern not matched
        "A plain sentence about ferries and the outer islands.",
        "ALL RİGHTS RESERVED",  # a dotted capital I, which IGNORECASE matches to i
        "enable javaſcript",  # a long s, which IGNORECASE matches to s
    ],
)
def test_guarded_search_answers_as_the_plain_alternation(text):
    guarded = GuardedPattern(PATTERNS)
    plain = re.compile("|".join(f"(?:{p})" for p in PATTERNS), re.IGNORECASE)
    found, expected = guarded.search(text), plain.search(text)
    assert (found and found.span()) == (expected and expected.span())


def test_every_character_ignorecase_folds_to_a_letter_is_seen_by_the_guard():
    """For each letter a pattern needs, every character IGNORECASE matches to it passes the guard."""
    guarded = GuardedPattern([r"\bxyzzy [a-z]\b"])
    for code in range(0x10000):
        char = chr(code)
        for letter in "abcdefghijklmnopqrstuvwxyz":
            if re.fullmatch(letter, char, re.IGNORECASE):
                text = f"{'xyzzy'.replace(letter, char)} b" if letter in "xyz" else "xyzzy b"
                plain = re.search(r"\bxyzzy [a-z]\b", text, re.IGNORECASE)
                assert bool(guarded.search(text)) == bool(plain), (letter, char)


@pytest.mark.parametrize("name", _SEARCHED)
def test_data_file_patterns_search_the_shared_dumps_as_before(name):
    """Every line of the shared dumps: the guarded search finds what the plain alternation finds."""
    folder = need_shared(SHARED / "eval" / "dumps2023")
    guarded = data_regex("dateline.clean.data", name)
    plain = re.compile("|".join(f"(?:{p})" for p in data_lines("dateline.clean.data", name)), re.IGNORECASE)
    lines = [line.strip() for path in sorted(folder.glob("dump*.txt"))[:30] for line in path.read_text().split("\n")]
    for line in filter(None, lines):
        found, expected = guarded.search(line), plain.search(line)
        assert (found and found.span()) == (expected and expected.span()), line
