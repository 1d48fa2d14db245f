"""What the line model sees: numbers describing each non-blank line of a dump and its neighbours.

Every feature is language-light shape (length, case, punctuation, repetition, neighbours) or a
cue the rule classifier already computes (``Kind``, title prints), so a site never seen in
training looks like the sites that were: a menu is short and repeated, a body is long, lower-case
and punctuated, a page opens with its window title above "Skip to content" and ends with a
copyright line. The same function serves training (``tools/train_segmenter.py``) and use.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from functools import cache

import numpy as np

from .lines import _BULLET, _TEASER, _TERMINAL, Kind, Line, is_date_line, occurrences
from .segment import _TITLE_SEPARATOR, title_breaks

# Bump when the features change: a model trained on other features must not be loaded.
FEATURES_VERSION = 4

_KINDS = [kind for kind in Kind if kind is not Kind.BLANK]
_NAV = re.compile(
    r"\b(skip to|jump to|menu|navigation|sign in|log ?in|sign up|subscribe|newsletter|search|cookie|accessibility"
    r"|main content|toggle|close|open)\b"
)  # these three are matched against the lower-cased line (faster than IGNORECASE)
_FOOTER = re.compile(
    r"©|\bcopyright\b|all rights reserved|\bprivacy\b|terms of (use|service)|contact us|about us|do not sell"
    r"|\bcareers\b|\badvertis"
)
# Words one of which a line must hold for the pattern above it to match: a substring test,
# far faster than the pattern, rules most lines out first (the features are unchanged).
_NAV_WORDS = ("skip to", "jump to", "menu", "navigation", "sign", "log", "subscribe", "newsletter", "search",
              "cookie", "accessibility", "main content", "toggle", "close", "open")  # fmt: skip
_FOOTER_WORDS = ("©", "copyright", "all rights reserved", "privacy", "terms of", "contact us", "about us",
                 "do not sell", "careers", "advertis")  # fmt: skip
_LINK_WORDS = ("http", "www.", "@", ".com")
_LINK = re.compile(r"https?://|www\.|\S@\S|\.com\b")
_BYLINE = re.compile(r"^(by|written by|words by|story by)\s+\w", re.IGNORECASE)
_FIRST_LETTER = re.compile(r"(?<!\S)(?:[^\w\s]|[\d_])*([^\W\d_])")
_CAP_LETTERS = frozenset(chr(c) for c in range(0x10000) if re.fullmatch(r"[A-ZÀ-ÞА-Я]", chr(c)))
# Characters one of which a title separator holds.
_SEPARATOR_CHARS = frozenset("-|–—·•:")
# A line-ending pattern is looked for in the line's last characters only.
_TAIL = 300

# Neighbours whose own features are copied next to a line's.
OFFSETS = (-3, -2, -1, 1, 2, 3)
# Windows (in non-blank lines, each side) over which shares and sums are taken.
WINDOWS = (3, 10, 25)
# Distances are capped: beyond this, "far".
FAR = 60
_BMP = 0x10000


@cache
def _char_classes() -> np.ndarray:
    """For each code point of the Basic Multilingual Plane: whether it is alphabetic, upper case,
    a digit, alphanumeric, space, as Python's ``str`` methods say."""
    chars = map(chr, range(_BMP))
    return np.array([(c.isalpha(), c.isupper(), c.isdigit(), c.isalnum(), c.isspace()) for c in chars], np.int32)


def _char_counts(nonblank: list[Line]) -> np.ndarray:
    """Per line: letters, upper-case letters, digits, alphanumerics and spaces, counted over the
    whole dump at once (one table lookup per character, not five method calls)."""
    text = "".join(line.text for line in nonblank)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    classes = _char_classes()[np.minimum(codes, _BMP - 1)]
    for i in np.flatnonzero(codes >= _BMP):  # emoji and other astral characters: asked one by one
        c = chr(int(codes[i]))
        classes[i] = (c.isalpha(), c.isupper(), c.isdigit(), c.isalnum(), c.isspace())
    starts = np.cumsum([0] + [len(line.text) for line in nonblank[:-1]])
    return np.add.reduceat(classes, starts, axis=0)


def _base(
    nonblank: list[Line], counts: np.ndarray, seen: dict[str, list[int]], breaks: set[int], later_titles: set[int]
) -> np.ndarray:
    """The base block: one row per line, one column per name of _BASE_NAMES, built column by
    column (a pattern mapped over all lines at once, ratios from the character counts)."""
    texts = [line.text for line in nonblank]
    words = [line.words for line in nonblank]
    lengths = [len(text) for text in texts]
    letters, upper, digits, alnum, space = (counts[:, k].astype(np.float64) for k in range(5))
    chars = np.asarray(lengths, dtype=np.float64)
    others = chars - alnum - space
    firsts = [_FIRST_LETTER.findall(text) for text in texts]  # the first letter of each word that has one
    caps = [sum(1 for c in f if c in _CAP_LETTERS) / len(f) if f else 0.0 for f in firsts]
    prints = [seen.get(text, ()) for text in texts]
    nav, footer, link = zip(*_cues(nonblank), strict=True)

    def ratio(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
        return np.divide(part, whole, out=np.zeros(len(whole)), where=whole > 0)

    def tail(pattern: re.Pattern) -> list[bool]:
        return [bool(pattern.search(text, max(0, n - _TAIL))) for text, n in zip(texts, lengths, strict=True)]

    kinds = [[float(line.kind is k) for line in nonblank] for k in _KINDS]
    columns = [
        [math.log1p(w) for w in words],
        [math.log1p(n) for n in lengths],
        *kinds,
        tail(_TERMINAL),
        [text.endswith(":") for text in texts],
        caps,
        ratio(digits, chars),
        ratio(others, chars),
        ratio(upper, letters),
        [math.log1p(len(p)) for p in prints],
        [_printed_near(line.index, p) for line, p in zip(nonblank, prints, strict=True)],
        [line.index in breaks for line in nonblank],
        [bool(_TITLE_SEPARATOR.search(text)) if _SEPARATOR_CHARS.intersection(text) else False for text in texts],
        [line.index in later_titles for line in nonblank],
        nav,
        footer,
        [bool(_BYLINE.match(text)) for text in texts],
        [w <= 14 and d > 0 and is_date_line(text) for w, d, text in zip(words, digits, texts, strict=True)],
        link,
        [float(text.count('"') + text.count("“") + text.count("”")) for text in texts],
        [bool(_TEASER.search(text, max(0, n - _TAIL))) if "..." in text or "…" in text else False
         for text, n in zip(texts, lengths, strict=True)],
        [bool(_BULLET.match(text)) for text in texts],
        [text.count(",") / max(w, 1) for text, w in zip(texts, words, strict=True)],
    ]
    return np.column_stack([np.asarray(c, dtype=np.float64) for c in columns]).astype(np.float32)


def _printed_near(index: int, prints) -> bool:
    """Whether the line's text is printed again within FAR lines of it."""
    if len(prints) <= 1:
        return False
    i = bisect_left(prints, index)
    return (i > 0 and index - prints[i - 1] <= FAR) or (i + 1 < len(prints) and prints[i + 1] - index <= FAR)


def _cues(nonblank: list[Line]) -> list[tuple[bool, bool, bool]]:
    """Per line: whether it holds a navigation cue, a footer cue and a link. The lines holding one
    of a pattern's words are found in the whole lower-cased dump at once; only they are searched."""
    lowers = [line.text.lower() for line in nonblank]
    joined = "\n".join(lowers)
    starts = np.cumsum([0] + [len(text) + 1 for text in lowers[:-1]])
    found = []
    for pattern, words in ((_NAV, _NAV_WORDS), (_FOOTER, _FOOTER_WORDS), (_LINK, _LINK_WORDS)):
        candidates = set()
        for word in words:
            at = joined.find(word)
            while at != -1:
                row = int(np.searchsorted(starts, at, side="right")) - 1
                candidates.add(row)
                at = joined.find(word, starts[row + 1] if row + 1 < len(starts) else len(joined))
        hits = {row for row in candidates if pattern.search(lowers[row])}
        found.append([row in hits for row in range(len(lowers))])
    return list(zip(*found, strict=True))


_BASE_NAMES = [
    "log_words", "log_chars", *[f"kind_{k.value}" for k in _KINDS], "terminal", "colon_end", "cap_words",
    "digits", "symbols", "upper", "log_prints", "printed_near", "title_break",
    "title_separator", "window_title", "nav_cue", "footer_cue", "byline", "date_line", "link", "quotes", "teaser",
    "bullet", "commas_per_word",
]  # fmt: skip
# Columns of the base block that the neighbour and window features reuse.
_PROSE = _BASE_NAMES.index("kind_prose")
_WORDS = _BASE_NAMES.index("log_words")
_NAVC = _BASE_NAMES.index("nav_cue")
_FOOTC = _BASE_NAMES.index("footer_cue")
_CHROME = _BASE_NAMES.index("kind_chrome")
_BREAK = _BASE_NAMES.index("title_break")
_WTITLE = _BASE_NAMES.index("window_title")


def feature_names() -> list[str]:
    names = list(_BASE_NAMES)
    for offset in OFFSETS:
        names += [f"{name}@{offset:+d}" for name in _BASE_NAMES]
    for w in WINDOWS:
        names += [f"prose_share±{w}", f"words_mean±{w}", f"prose_before{w}", f"prose_after{w}", f"nav_before{w}",
                  f"nav_after{w}", f"footer_before{w}", f"footer_after{w}"]  # fmt: skip
    for name in ("prose", "chrome", "nav", "footer", "break", "window_title"):
        names += [f"dist_prev_{name}", f"dist_next_{name}"]
    return names


def _window_titles(nonblank: list[Line], seen: dict[str, list[int]]) -> set[int]:
    """Lines whose part before a title separator is printed alone further on (a window title)."""
    found = set()
    for line in nonblank:
        if line.words > 40:
            continue
        for separator in _TITLE_SEPARATOR.finditer(line.text):
            head = line.text[: separator.start()]
            if len(head.split()) >= 2 and any(0 < i - line.index <= 4 * FAR for i in seen.get(head, ())):
                found.add(line.index)
                break
    return found


def _distances(flags: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each row, how many rows back and ahead the nearest flagged row is (capped at FAR)."""
    n = len(flags)
    index = np.arange(n)
    last = np.maximum.accumulate(np.where(flags, index, -1))  # the last flagged row at or before each row
    before = np.concatenate([[-1], last[:-1]])  # ... strictly before
    back = np.where(before >= 0, np.minimum(index - before, FAR), FAR)
    following = np.minimum.accumulate(np.where(flags, index, n)[::-1])[::-1]  # the first flagged row at or after
    after = np.concatenate([following[1:], [n]])  # ... strictly after
    ahead = np.where(after < n, np.minimum(after - index, FAR), FAR)
    return back.astype(np.float32), ahead.astype(np.float32)


def line_features(lines: list[Line]) -> tuple[list[Line], np.ndarray]:
    """The non-blank lines of a dump and one row of features for each."""
    nonblank = [line for line in lines if line.kind is not Kind.BLANK]
    n = len(nonblank)
    width = len(feature_names())
    if n == 0:
        return nonblank, np.zeros((0, width), dtype=np.float32)
    seen = occurrences(nonblank)
    breaks = title_breaks(nonblank)
    later_titles = _window_titles(nonblank, seen)
    counts = _char_counts(nonblank)
    base = _base(nonblank, counts, seen, breaks, later_titles)
    k = base.shape[1]
    blocks = [base]
    for offset in OFFSETS:
        shifted = np.full((n, k), -1.0, dtype=np.float32)  # -1: no such neighbour
        if offset < 0:
            shifted[-offset:] = base[:offset]
        else:
            shifted[:-offset] = base[offset:]
        blocks.append(shifted)

    def running(column: np.ndarray) -> np.ndarray:
        return np.concatenate([[0.0], np.cumsum(column, dtype=np.float64)])

    prose, words, nav, footer = base[:, _PROSE], base[:, _WORDS], base[:, _NAVC], base[:, _FOOTC]
    sums = {name: running(col) for name, col in (("prose", prose), ("words", words), ("nav", nav), ("footer", footer))}
    index = np.arange(n)
    for w in WINDOWS:
        lo = np.clip(index - w, 0, n)
        hi = np.clip(index + w + 1, 0, n)
        size = (hi - lo).astype(np.float32)

        def before(name: str, lo: np.ndarray = lo, w: int = w) -> np.ndarray:
            return (sums[name][index] - sums[name][lo]) / w

        def after(name: str, hi: np.ndarray = hi, w: int = w) -> np.ndarray:
            return (sums[name][hi] - sums[name][index + 1]) / w

        share = (sums["prose"][hi] - sums["prose"][lo]) / size
        mean_words = (sums["words"][hi] - sums["words"][lo]) / size
        columns = [share, mean_words, before("prose"), after("prose"), before("nav"), after("nav"),
                   before("footer"), after("footer")]  # fmt: skip
        blocks.append(np.stack(columns, axis=1).astype(np.float32))
    for col in (_PROSE, _CHROME, _NAVC, _FOOTC, _BREAK, _WTITLE):
        back, ahead = _distances(base[:, col] > 0)
        blocks.append(np.stack([back, ahead], axis=1))
    return nonblank, np.concatenate(blocks, axis=1)
