"""Segmentation + cleaning score on the shared multi-page text scrapes (../shared/eval/dumps,
36 dumps, and ../shared/eval/dumps2023, 87 dumps).

Prints, per dump, articles found vs true and the mean per-true-article F1 (AEB shingle
score, one-to-one matching; extra predicted articles count as zeros), then the totals, for
dateline's cleaner and, with ``--rules``, for the rule segmenter alone. dumps2023 is also
scored in its two parts (tune / untouched: the first hex digit of the SHA-1 of the dump's
name, 0-7 / 8-f, as in tools/train_segmenter.py).

The shipped line model was trained on every one of these dumps, so these are in-sample
figures (a regression check); the figures for sites the model never saw are the ones
``tools/train_segmenter.py --evaluate-only`` prints (cross-validated by site).

    python bench/dumps_eval.py [--shared ../shared] [--corpus dumps2023] [--rules] [--verbose]
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from bench_support import add_shared_option, eval_folder
from dateline.clean import clean_document, learned, segment
from dateline.evaluate import dump_score
from dateline.ingest.decode import decode
from dateline.ingest.sources import content_hash
from dateline.model import RawDocument


def part_of(name: str) -> str:
    return "tune" if hashlib.sha1(name.encode()).hexdigest()[0] in "01234567" else "untouched"


def evaluate(dumps_dir: Path, verbose: bool = False, segmenter=learned.find_regions, part: str | None = None) -> dict:
    truth = json.loads((dumps_dir / "truth.json").read_text(encoding="utf-8"))
    rows = []
    for name in sorted(truth):
        if part is not None and part_of(name) != part:
            continue
        data = (dumps_dir / name).read_bytes()
        doc = clean_document(decode(RawDocument(name, data, content_hash(data))), segmenter)
        predicted = [article.body for article in doc.articles]
        score = dump_score(predicted, [a["articleBody"] for a in truth[name]])
        rows.append((name, score))
        if verbose:
            print(f"{name}: found {score.predicted_articles} / true {score.true_articles}  F1 {score.mean_f1:.3f}")
    mean = sum(s.mean_f1 * max(s.true_articles, s.predicted_articles) for _, s in rows) / sum(
        max(s.true_articles, s.predicted_articles) for _, s in rows
    )
    exact = sum(1 for _, s in rows if s.predicted_articles == s.true_articles)
    return {"mean_f1": mean, "dumps": len(rows), "right_count": exact,
            "true_articles": sum(s.true_articles for _, s in rows),
            "predicted_articles": sum(s.predicted_articles for _, s in rows)}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_shared_option(parser)
    parser.add_argument("--corpus", choices=["dumps", "dumps2023", "all"], default="all")
    parser.add_argument("--rules", action="store_true", help="also score the rule segmenter alone")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    corpora = ["dumps", "dumps2023"] if args.corpus == "all" else [args.corpus]
    segmenters = [("dateline", learned.find_regions)] + ([("rules", segment.find_regions)] if args.rules else [])
    for corpus in corpora:
        dumps_dir = eval_folder(args.shared, corpus)
        if dumps_dir is None:
            return 2
        parts = [None, "tune", "untouched"] if corpus == "dumps2023" else [None]
        for label, segmenter in segmenters:
            for part in parts:
                result = evaluate(dumps_dir, args.verbose, segmenter, part)
                print(f"{corpus:9s} {part or 'all':9s} {label:8s} mean per-article F1 {result['mean_f1']:.3f}  "
                      f"right count {result['right_count']}/{result['dumps']}  "
                      f"articles found/true {result['predicted_articles']}/{result['true_articles']}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
