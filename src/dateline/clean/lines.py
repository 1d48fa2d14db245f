"""Split a text into lines and say what each one looks like.

The classes are cues, not verdicts: a "short" line may still turn out to be a subhead
once we know it sits between two paragraphs. Everything here is language-light (length,
case, punctuation, repetition) because scraped dumps mix many languages.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from ..resources import data_regex

_DATA = "dateline.clean.data"

# A sentence's end; a quotation signed with a dash ("“…” ― Maria Lopes") ends like one.
_TERMINAL = re.compile(r"[.!?…。！？][\"”’'»)\]]*$|[\"”»]$|[.!?…,][\"”»]\s*[—―–]\s*\w[\w.' -]{0,60}$")
_CLAUSE_MARK = re.compile(r"[,;:]")
# A short line cut off with an ellipsis is a teaser for another story.
_TEASER = re.compile(r"\w(\.\.\.|…)\s*$")
TEASER_WORDS = 15
_BULLET = re.compile(r"^\s*([•▪●◦‣►■·]|[-*–—](?=\s))\s*")
_MARKUP = re.compile(r"^</?[a-zA-Z][\w-]*(\s|>|/>)|\b(style|class|href|src)=[\"']")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LETTER = re.compile(r"[^\W\d_]")
_WORD_LOWER = re.compile(r"^[\W\d_]*[a-zà-ÿа-я]")
_WORD_UPPER = re.compile(r"^[\W\d_]*[A-ZÀ-ÞА-Я]")
_DATE_CUE = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b"
    r"|\bago\b|\b(updated|published|posted|modified)\b",
    re.IGNORECASE,
)
_DATE_LABEL = re.compile(
    r"^\s*(last updated|updated|first published|published|posted|modified|date)\b\s*(on|at)?\s*:?\s*", re.IGNORECASE
)


class Kind(StrEnum):
    BLANK = "blank"
    PROSE = "prose"  # a sentence-like paragraph
    SHORT = "short"  # anything else with words: headline, subhead, menu item, byline
    FURNITURE = "furniture"  # never article text ("Short Url", "Advertisement")
    CHROME = "chrome"  # site footer/navigation: articles never run across it
    COMMENTS = "comments"  # a comment section starts: what follows is readers' text
    DATE = "date"  # a published/updated line
    BULLET = "bullet"
    CAPTION = "caption"
    CREDIT = "credit"  # a line that is only a photo credit
    NOISE = "noise"  # no letters at all


@dataclass
class Line:
    index: int
    start: int  # offsets of the stripped text in the document text
    end: int
    text: str
    kind: Kind
    words: int

    @property
    def is_titlelike(self) -> bool:
        return self.kind is Kind.SHORT and 2 <= self.words <= 25 and not self.text.endswith((".", ",", ";"))


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """Lines of ``text[start:end]`` with stripped offsets and a first classification."""
    end = len(text) if end is None else end
    lines: list[Line] = []
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        raw = text[pos:stop]
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        s = pos + lead
        lines.append(Line(len(lines), s, s + len(stripped), stripped, classify(stripped), word_count(stripped)))
        if nl == -1:
            break
        pos = nl + 1
    _mark_repeated_captions(lines)
    return lines


def word_count(text: str) -> int:
    # Chinese and Japanese are written without spaces: count two of their characters as
    # a word so their paragraphs still look like paragraphs.
    cjk = len(_CJK.findall(text))
    return len(text.split()) + cjk // 2 if cjk else len(text.split())


def classify(text: str) -> Kind:
    if not text:
        return Kind.BLANK
    if not _LETTER.search(text) or _MARKUP.search(text):
        return Kind.NOISE
    words = word_count(text)
    if data_regex(_DATA, "boilerplate.txt").search(text):
        return Kind.CHROME
    if words <= 20 and data_regex(_DATA, "comments.txt").fullmatch(text):
        return Kind.COMMENTS
    if words <= 12 and data_regex(_DATA, "furniture.txt").fullmatch(text):
        return Kind.FURNITURE
    if words <= 15 and data_regex(_DATA, "chrome.txt").fullmatch(text):
        return Kind.CHROME
    if words <= 14 and is_date_line(text):
        return Kind.DATE
    credit = data_regex(_DATA, "credits.txt")
    if words <= 10 and credit.match(text):
        return Kind.CREDIT
    if _BULLET.match(text) and words >= 4:
        return Kind.BULLET
    if words >= 6 and credit.search(text) and not _ends_as_quote(text):
        return Kind.CAPTION
    if is_prose(text, words):
        return Kind.PROSE
    return Kind.SHORT


def _ends_as_quote(text: str) -> bool:
    return text.rstrip().endswith(("”", '"', "»"))


def is_prose(text: str, words: int | None = None) -> bool:
    """Sentence-like: long enough, punctuated like a sentence, mostly lower-case words."""
    words = word_count(text) if words is None else words
    terminal = bool(_TERMINAL.search(text))
    if words < 6 or (not terminal and words < 20):
        return False
    if words <= TEASER_WORDS and _TEASER.search(text):
        return False  # "Oil prices steady after 2-day drop amid growth concerns...": a link to another story
    if not terminal and not _CLAUSE_MARK.search(text):
        return False  # a long run of words with no punctuation at all is a tag cloud or a menu
    if terminal and words >= 8:
        return _lower_ratio(text) >= 0.35
    return _lower_ratio(text) >= 0.5


def _lower_ratio(text: str) -> float:
    tokens = [t for t in text.split() if _LETTER.search(t)]
    lower = sum(1 for t in tokens if _WORD_LOWER.match(t))
    upper = sum(1 for t in tokens if _WORD_UPPER.match(t))
    if lower + upper == 0:
        return 1.0  # a script without letter case: no evidence either way
    return lower / (lower + upper)


def is_date_line(text: str) -> bool:
    if not _DATE_CUE.search(text) or not re.search(r"\d", text):
        return False
    rest = _DATE_LABEL.sub("", text)
    # A date line is mostly date: few words that are neither numbers nor date words.
    tokens = re.findall(r"[^\W\d_]+", rest)
    other = [t for t in tokens if not _DATE_CUE.fullmatch(t) and t.lower() not in _DATE_WORDS]
    return len(other) <= 2


# A line of a list of sources ends in its date: "PolitiFact, RFK Jr.'s Wi-Fi claim, July 10, 2023".
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATED_END = re.compile(
    rf"\b{_MONTH} \d{{1,2}}[,.] (19|20)\d\d\.?$|\b\d{{1,2}} {_MONTH} (19|20)\d\d\.?$"
    rf"|, (accessed )?{_MONTH} (19|20)\d\d\.?$",
    re.IGNORECASE,
)
CITATION_WORDS = 40


def is_citation(text: str) -> bool:
    """A line of a list of sources: short, and ending in the date of the source it names."""
    return len(text.split()) <= CITATION_WORDS and bool(_DATED_END.search(text.strip()))


_DATE_WORDS = {
    "am", "pm", "at", "on", "by", "min", "mins", "minute", "minutes", "sec", "secs", "second", "seconds",
    "hour", "hours", "hr", "hrs", "day", "days", "week", "weeks", "month", "months", "year", "years", "ago",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
    "utc", "gmt", "est", "edt", "pst", "pdt", "cst", "cdt", "bst", "cet", "ist", "et", "pt", "st", "nd", "rd", "th",
    "updated", "published", "posted", "modified", "last", "first", "date", "today", "yesterday",
}  # fmt: skip


def _mark_repeated_captions(lines: list[Line]) -> None:
    """A long line printed twice in a row is a photo caption shown with its image."""
    previous: Line | None = None
    for line in lines:
        if line.kind is Kind.BLANK:
            continue
        if previous is not None and line.text == previous.text and line.words >= 8 and line.kind is not Kind.SHORT:
            previous.kind = line.kind = Kind.CAPTION
        previous = line


def occurrences(lines: list[Line]) -> dict[str, list[int]]:
    """Line indices of every non-blank text, for cross-line repetition cues."""
    seen: dict[str, list[int]] = defaultdict(list)
    for line in lines:
        if line.kind is not Kind.BLANK:
            seen[line.text].append(line.index)
    return seen
