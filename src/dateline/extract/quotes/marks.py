"""Candidate spans, first kind: quotation marks paired in the headline and each paragraph.

Curly, straight and guillemet marks, and the ''…'' and ``…'' of archive text; a curly quote may
close with a straight mark; a quote left open at the end of a paragraph continues when the next
paragraph opens with a mark (the convention of multi-paragraph quotes), and is otherwise left
unclosed (the direct-quote stage cuts it at its sentence end and flags it)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

_OPEN = {"“": "”", "«": "»", "„": "“"}

_CLOSE = {"”", "»"}
# Every character the scan below acts on; the others are skipped.
_MARK_CHARACTERS = re.compile("[\"'`“”„«»‘]")


@dataclass
class Marked:
    """Quotation-marked characters in the parse text: [start, end)."""

    start: int
    end: int
    closed: bool
    block: int
    continued: bool = False  # opened in the paragraph before
    used: bool = False


def _mixed_closer(text: str, open_at: int, i: int, closers: set[str]) -> bool:
    """`“We will win," she said`, `"We will win,” she said`: scraped text mixes curly and
    straight marks; a curly closer ends a straight quote unless a curly one opened inside it."""
    c = text[i]
    if text[i - 1].isspace():
        return False
    if c == '"':
        return closers != {'"'}
    return c == "”" and closers == {'"'} and "“" not in text[open_at:i]


def _opening_position(text: str, i: int, start: int, end: int) -> bool:
    """A mark at i stands where a quote opens: after a space or the paragraph start, before a word."""
    return (i == start or text[i - 1].isspace()) and i + 1 < end and text[i + 1].isalnum()


# Feet and inches before a straight double mark: `6'1"`, `5’10"`.
_FEET_INCHES = re.compile(r"\d['’]\d{1,2}\Z")


def _closing_position(text: str, i: int, end: int) -> bool:
    """A mark at i stands where a quote closes: after a word, before a space, punctuation or the end."""
    return not text[i - 1].isspace() and (i + 1 >= end or text[i + 1].isspace() or text[i + 1] in ".,;:!?)")


def _single_closer(text: str, i: int, start: int, end: int) -> int | None:
    """Where a ‘ at ``i`` that opens a quote (after a space, bracket or dash, before a letter) is
    closed: the first ’ that is no apostrophe ("don’t", "the parents’ union") in the paragraph;
    None when it opens nothing or nothing closes it (a single mark left open is no quote)."""
    if not (i == start or text[i - 1].isspace() or text[i - 1] in "([—–-") or i + 1 >= end:
        return None
    if not (text[i + 1].isalpha() or text[i + 1] == "…"):
        return None  # "the ‘90s"
    for j in range(i + 2, end):
        c = text[j]
        if c == "‘" or c == "\n":
            return None
        if c != "’":
            continue
        before, after = text[j - 1], text[j + 1] if j + 1 < end else ""
        if before.isalpha() and after.isalpha():
            continue  # don’t
        if before in ",.!?…" or not after or after in ",.;:!?)—–\n":
            return j
        if after.isspace() and before.lower() != "s":  # (not "the parents’ union")
            return j
    return None


def find_marks(text: str, headline: tuple[int, int] | None, blocks: list[tuple[int, int]]) -> list[Marked]:
    """The quotation marks of the headline (block -1) and of each paragraph, in reading order."""
    marks: list[Marked] = []
    if headline is not None:
        marks.extend(_marks_in(text, -1, *headline))
    for block, (start, end) in enumerate(blocks):
        marks.extend(_marks_in(text, block, start, end))
    for before, after in pairwise(marks):
        if (
            not before.closed
            and before.block >= 0
            and after.block == before.block + 1
            and after.start == blocks[after.block][0]
        ):
            after.continued = True
            before.closed = True  # closed by the convention of multi-paragraph quotes
    return marks


def _marks_in(text: str, block: int, start: int, end: int) -> list[Marked]:
    found: list[Marked] = []
    open_at, closers, depth = None, set(), 0
    skip_to = start
    for match in _MARK_CHARACTERS.finditer(text, start, end):
        i = match.start()
        if i < skip_to:
            continue
        c = text[i]
        pair = text[i : i + 2]
        if pair in ("''", "``") and (open_at is None or closers == {"''"}):
            # ''…'' and ``…'': two-character marks of archive and typewriter text.
            if open_at is None and (i == start or not text[i - 1].isalnum()):
                open_at, closers = i, {"''"}
            elif open_at is not None and pair == "''" and i > open_at + 1:
                found.append(Marked(open_at, i + 2, True, block))
                open_at = None
            skip_to = i + 2
            continue
        if open_at is None and c == "‘":
            # ‘…’: single curly marks, as British and Australian papers quote (inside double
            # marks they are a quote within a quote, and are not read there)
            close = _single_closer(text, i, start, end)
            if close is not None:
                found.append(Marked(i, close + 1, True, block))
                skip_to = close + 1
            continue
        if open_at is None:
            if c in _OPEN:
                open_at, closers, depth = i, {_OPEN[c], *_CLOSE} if c != "„" else {"“", "”"}, 0
            elif c == '"' and (i == start or not text[i - 1].isalnum()):
                open_at, closers = i, {'"'}
            elif c == "”" and _opening_position(text, i, start, end):
                open_at, closers, depth = i, {"”", "»"}, 0  # `”Fear. I am …” ― Name`: a closer typed as opener
        elif c == '"' and _FEET_INCHES.search(text, max(start, i - 6), i):
            continue  # `a "white male, 6'1" tall, …"`: inches, not the end of the quote
        elif c in closers and i > open_at:
            if depth:
                depth -= 1  # the end of a quote inside the quote
                continue
            found.append(Marked(open_at, i + 1, True, block))
            open_at = None
        elif c == "“" and closers == {"”", "»"} and _closing_position(text, i, end):
            found.append(Marked(open_at, i + 1, True, block))  # `the film “Frozen“`: an opener typed as closer
            open_at = None
        elif _mixed_closer(text, open_at, i, closers):
            found.append(Marked(open_at, i + 1, True, block))
            open_at = None
        elif c in _OPEN and closers != {'"'}:
            rest = text[i + 1 : end]
            if sum(rest.count(m) for m in closers) >= sum(rest.count(m) for m in _OPEN) + 2:
                depth += 1  # `“… what he calls “hell” than …”`: closers ahead for this mark and the outer one
                continue
            # A second opening mark before any closing one: the first was never closed.
            found.append(Marked(open_at, i, False, block))
            open_at, closers, depth = i, {_OPEN[c], *_CLOSE}, 0
    if open_at is not None:
        found.append(Marked(open_at, end, False, block))
    return found
