"""Scores for the evaluation sets (used by bench scripts and the CI quality gate).

The article-body score is the one defined in ../shared/eval/aeb/README.md: multisets of
4-token shingles, per-page (tp, fp, fn) normalised so each page weighs the same.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")


def shingles(text: str, size: int = 4) -> Counter:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


@dataclass(frozen=True)
class PageCounts:
    tp: float
    fp: float
    fn: float

    @property
    def f1(self) -> float:
        if self.tp == 0:
            return 1.0 if self.fp == 0 and self.fn == 0 else 0.0
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)


def page_counts(predicted: str, truth: str) -> PageCounts:
    """Shingle (tp, fp, fn) of one page, normalised to sum to 1."""
    pred, true = shingles(predicted), shingles(truth)
    tp = sum((pred & true).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    if total == 0:
        return PageCounts(0.0, 0.0, 0.0)
    return PageCounts(tp / total, fp / total, fn / total)


@dataclass(frozen=True)
class BodyScore:
    precision: float
    recall: float
    f1: float
    pages: int


def body_score(pages: Iterable[PageCounts]) -> BodyScore:
    """Precision and recall averaged over pages, then F1 of the two means."""
    pages = list(pages)
    precisions = [1.0 if p.fp == 0 and p.fn == 0 else p.tp / (p.tp + p.fp) for p in pages if p.tp + p.fp > 0]
    recalls = [1.0 if p.fp == 0 and p.fn == 0 else p.tp / (p.tp + p.fn) for p in pages if p.tp + p.fn > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BodyScore(precision, recall, f1, len(pages))


@dataclass(frozen=True)
class DumpScore:
    f1_sum: float  # sum of per-true-article F1 after one-to-one matching
    true_articles: int
    predicted_articles: int

    @property
    def mean_f1(self) -> float:
        # Extra predicted articles count as false positives: each adds a zero to the mean.
        denominator = max(self.true_articles, self.predicted_articles)
        return self.f1_sum / denominator if denominator else 1.0


def dump_score(predicted: Sequence[str], truth: Sequence[str]) -> DumpScore:
    """Match each true article to its best predicted article (one-to-one, greedy by F1)."""
    pairs = sorted(
        ((page_counts(p, t).f1, i, j) for i, t in enumerate(truth) for j, p in enumerate(predicted)), reverse=True
    )
    used_true: set[int] = set()
    used_pred: set[int] = set()
    total = 0.0
    for f1, i, j in pairs:
        if i in used_true or j in used_pred or f1 == 0:
            continue
        used_true.add(i)
        used_pred.add(j)
        total += f1
    return DumpScore(total, len(truth), len(predicted))
