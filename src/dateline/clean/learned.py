"""Segment a dump with the trained line model: which lines are article text, where a page starts.

Three gradient-boosted models (LightGBM) read the features of ``linefeatures``: one gives each
non-blank line the probability that it belongs to an article body, one that a new page starts
there, and the third, for each pair of consecutive body lines, that they stand on different pages
(from the page-start probabilities between them, what lies between, and the change of topic).
A stretch of body lines too small to be an article is dropped (and counted as discarded by the
caller).

The model is package data (``data/segmenter.json.gz``), trained by ``tools/train_segmenter.py``
on the shared dumps; the file names the data it read and its seed.
"""

from __future__ import annotations

import gzip
import itertools
import json
import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import numpy as np

from . import segment
from .linefeatures import FEATURES_VERSION, feature_names, line_features
from .lines import Kind, Line
from .segment import Region

_FEATURE_AT = {name: i for i, name in enumerate(feature_names())}
_GAP_COUNTED = ("nav_cue", "footer_cue", "kind_chrome", "kind_furniture", "title_break", "window_title", "kind_date")
# Body lines on each side of a gap whose words are compared (a new page brings a new topic).
TOPIC_LINES = 6
_TOPIC_WORD = re.compile(r"[^\W\d_]{4,}")

MODEL_FILE = "segmenter.json.gz"
# A dump whose non-blank lines are at least this share prose is a clean scrape, and one with
# fewer non-blank lines than this is not a full-page scrape (see find_regions).
CLEAN_PROSE_SHARE = 0.5
MIN_MODEL_LINES = 30


@dataclass(frozen=True)
class Thresholds:
    body: float = 0.35  # a line is body text at or above this probability
    start: float = 0.5  # a page starts at a line at or above this probability
    gap: float = 0.5  # two body lines are on different pages at or above this probability
    min_words: int = 30  # fewer words of body than this is not an article


@dataclass
class LineModel:
    body: object  # lightgbm.Booster
    start: object
    gap: object
    thresholds: Thresholds
    meta: dict

    def regions(self, lines: list[Line]) -> list[Region]:
        nonblank, features = line_features(lines)
        if not nonblank:
            return []
        # one thread: OpenMP threads started here would hang a worker forked afterwards
        body_p, start_p = self.body.predict(features, num_threads=1), self.start.predict(features, num_threads=1)
        gaps = gap_features(nonblank, features, body_p, start_p, body_lines(body_p, self.thresholds))
        gap_p = with_rule_splits(self.gap.predict(gaps, num_threads=1) if len(gaps) else np.zeros(0), gaps)
        return regions_from(nonblank, features, body_p, start_p, gap_p, self.thresholds)


@cache
def load_model() -> LineModel:
    import lightgbm

    data = json.loads(gzip.decompress(resources.files("dateline.clean.data").joinpath(MODEL_FILE).read_bytes()))
    if data["features_version"] != FEATURES_VERSION or data["feature_names"] != feature_names():
        raise RuntimeError(f"{MODEL_FILE} was trained on other line features: run tools/train_segmenter.py")
    return LineModel(
        body=lightgbm.Booster(model_str=data["body"]),
        start=lightgbm.Booster(model_str=data["start"]),
        gap=lightgbm.Booster(model_str=data["gap"]),
        thresholds=Thresholds(**data["thresholds"]),
        meta=data["meta"],
    )


def find_regions(lines: list[Line], model: LineModel | None = None) -> list[Region]:
    """Article regions in reading order.

    A full-page scrape (menus, footers, teasers around each body) goes to the line model. Text
    outside what the model was trained on goes to the rule segmenter (``segment.find_regions``):
    a clean scrape of article regions, mostly prose (in the shared dumps prose is at most 38% of
    a dump's lines, against 57-70% in clean scrapes), and a text shorter than any full-page
    scrape (the shared dumps have at least 39 non-blank lines; the cut is 30).
    """
    if not in_model_domain(lines):
        return segment.find_regions(lines)
    return (model or load_model()).regions(lines)


def in_model_domain(lines: list[Line]) -> bool:
    kinds = [line.kind for line in lines if line.kind is not Kind.BLANK]
    prose = sum(1 for kind in kinds if kind is Kind.PROSE)
    return len(kinds) >= MIN_MODEL_LINES and prose < CLEAN_PROSE_SHARE * len(kinds)


def body_lines(body_p: np.ndarray, t: Thresholds) -> list[int]:
    """Positions (among the non-blank lines) of the lines read as body text."""
    return [i for i in range(len(body_p)) if body_p[i] >= t.body]


def regions_from(
    nonblank: list[Line], features: np.ndarray, body_p: np.ndarray, start_p: np.ndarray, gap_p: np.ndarray,
    t: Thresholds,
) -> list[Region]:  # fmt: skip
    """Regions from the three models' probabilities (shared by use and the training script)."""
    regions = decode_regions(nonblank, body_lines(body_p, t), start_p, gap_p, t)
    # The title prints the features already found, as the rules' list reader wants them.
    breaks = {nonblank[i].index for i in np.flatnonzero(features[:, _FEATURE_AT["title_break"]])}
    return without_satellites(segment.with_announced_lists(regions, nonblank, breaks), nonblank)


# Non-blank lines not taken for body that part two stretches of one region's body.
SATELLITE_GAP = 10


def without_satellites(regions: list[Region], nonblank: list[Line]) -> list[Region]:
    """Each region's body up to the end of its biggest stretch (by words). A stretch of body
    lines that comes after it, past more than SATELLITE_GAP lines of other matter, is prose from
    further down the page (a related story's teaser, a comment, an author's note) that the line
    model kept, not more of the article. Stretches before it stay: a standfirst or first
    paragraph set apart by a photo and its credits is the article's."""
    position = {line.index: k for k, line in enumerate(nonblank)}
    kept = []
    for region in regions:
        at = [position.get(line.index) for line in region.body]
        if len(at) < 2 or None in at:
            kept.append(region)
            continue
        stretches = [[0]]
        for j in range(1, len(at)):
            if at[j] - at[j - 1] - 1 > SATELLITE_GAP:
                stretches.append([j])
            else:
                stretches[-1].append(j)
        if len(stretches) == 1:
            kept.append(region)
            continue
        words = [sum(region.body[j].words for j in stretch) for stretch in stretches]
        main = int(np.argmax(words))
        body = [region.body[j] for stretch in stretches[: main + 1] for j in stretch]
        items = region.list_items & {line.index for line in body}
        kept.append(replace(region, body=body, list_items=items))
    return kept


GAP_FEATURES = [
    "max_start", "sum_start", "log_lines", "log_words", "body_before", "body_after", "topic_cosine",
    "log_words_before", *(f"count_{name}" for name in _GAP_COUNTED),
]  # fmt: skip


def gap_features(
    nonblank: list[Line], features: np.ndarray, body_p: np.ndarray, start_p: np.ndarray, body_at: list[int]
) -> np.ndarray:
    """One row for each pair of consecutive body lines: is a page boundary between them?"""
    gaps = len(body_at) - 1
    if gaps <= 0:
        return np.zeros((0, len(GAP_FEATURES)), dtype=np.float32)
    columns = [_FEATURE_AT[name] for name in _GAP_COUNTED]
    at = np.asarray(body_at)
    a, b = at[:-1], at[1:]
    # Sums over the lines strictly between a and b, and over a+1..b, from running totals.
    counted_total = np.concatenate([np.zeros((1, len(columns))), np.cumsum(features[:, columns], axis=0)])
    counted = counted_total[b] - counted_total[a + 1]
    words = np.asarray([line.words for line in nonblank], dtype=np.float64)
    words_total = np.concatenate([[0.0], np.cumsum(words)])
    body_words = np.concatenate([[0.0], np.cumsum(words[at])])
    k = np.arange(gaps)
    words_before = body_words[k + 1] - body_words[np.maximum(0, k + 1 - TOPIC_LINES)]
    start_total = np.concatenate([[0.0], np.cumsum(start_p)])
    max_start = np.asarray([start_p[i + 1 : j + 1].max() for i, j in zip(a, b, strict=True)])
    return np.column_stack([
        max_start, start_total[b + 1] - start_total[a + 1], np.log1p(b - a - 1),
        np.log1p(words_total[b] - words_total[a + 1]), body_p[a], body_p[b],
        _topic_cosines([nonblank[i].text for i in body_at]), np.log1p(words_before), counted,
    ]).astype(np.float32)  # fmt: skip


def _topic_cosines(texts: list[str]) -> np.ndarray:
    """For each gap between consecutive body lines, the cosine of the word counts of the
    TOPIC_LINES lines before it and the TOPIC_LINES lines after it."""
    from scipy import sparse

    vocabulary: dict[str, int] = {}
    rows, cols = [], []
    for row, text in enumerate(texts):
        for word in _TOPIC_WORD.findall(text):
            rows.append(row)
            cols.append(vocabulary.setdefault(word.lower(), len(vocabulary)))
    n = len(texts)
    counts = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, max(len(vocabulary), 1)))
    gaps = n - 1
    window_rows, before_cols, after_cols, after_rows = [], [], [], []
    for k in range(gaps):
        for i in range(max(0, k + 1 - TOPIC_LINES), k + 1):
            window_rows.append(k)
            before_cols.append(i)
        for i in range(k + 1, min(n, k + 1 + TOPIC_LINES)):
            after_rows.append(k)
            after_cols.append(i)
    before = sparse.csr_matrix((np.ones(len(window_rows)), (window_rows, before_cols)), shape=(gaps, n)) @ counts
    after = sparse.csr_matrix((np.ones(len(after_rows)), (after_rows, after_cols)), shape=(gaps, n)) @ counts
    dot = np.asarray(before.multiply(after).sum(axis=1)).ravel()
    norms = np.sqrt(
        np.asarray(before.multiply(before).sum(axis=1)).ravel() * np.asarray(after.multiply(after).sum(axis=1)).ravel()
    )
    return np.divide(dot, norms, out=np.zeros(gaps), where=norms > 0)


def with_rule_splits(gap_p: np.ndarray, gaps: np.ndarray) -> np.ndarray:
    """The rule segmenter's surest cue overrides the model: site chrome and a headline printed
    twice between two body lines are a page boundary, however short the pages."""
    if not len(gaps):
        return gap_p
    chrome = gaps[:, GAP_FEATURES.index("count_kind_chrome")] >= 1
    title = gaps[:, GAP_FEATURES.index("count_title_break")] >= 1
    return np.where(chrome & title, 1.0, gap_p)


def decode_regions(
    nonblank: list[Line], body_at: list[int], start_p: np.ndarray, gap_p: np.ndarray, t: Thresholds
) -> list[Region]:
    """Regions from the body lines and the gap probabilities."""
    if not body_at:
        return []
    # Each segment: (index of its first line, positions of its body lines).
    segments: list[tuple[int, list[int]]] = []
    first = _likeliest_start(start_p, 0, body_at[0] + 1, t.start, default=0)
    current = [body_at[0]]
    for k, (a, b) in enumerate(itertools.pairwise(body_at)):
        if gap_p[k] < t.gap:
            current.append(b)
            continue
        segments.append((first, current))
        first, current = _likeliest_start(start_p, a + 1, b + 1, 0.0, default=b), [b]
    segments.append((first, current))

    regions = []
    previous_end = -1
    for first, body in segments:
        words = sum(nonblank[i].words for i in body)
        if words < t.min_words:
            continue
        zone_start = max(first, previous_end + 1)
        regions.append(Region(zone=nonblank[zone_start : body[0]], body=[nonblank[i] for i in body]))
        previous_end = body[-1]
    return regions


def _likeliest_start(start_p: np.ndarray, lo: int, hi: int, threshold: float, default: int | None) -> int | None:
    """The position in [lo, hi) most likely to open a page, if any reaches the threshold."""
    if hi <= lo:
        return default
    i = lo + int(np.argmax(start_p[lo:hi]))
    return i if start_p[i] >= threshold else default
