"""Segmentation + cleaning score on ../shared/eval/dumps (36 real multi-page text scrapes).

Prints, per dump, articles found vs true and the mean per-true-article F1 (AEB shingle
score, one-to-one matching; extra predicted articles count as zeros), then the totals.

    python bench/dumps_eval.py [--shared ../shared] [--verbose]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bench_support import add_shared_option, eval_folder
from dateline.clean import clean_document
from dateline.evaluate import dump_score
from dateline.ingest.decode import decode
from dateline.ingest.sources import content_hash
from dateline.model import RawDocument


def evaluate(dumps_dir: Path, verbose: bool = False) -> dict:
    truth = json.loads((dumps_dir / "truth.json").read_text(encoding="utf-8"))
    rows = []
    for name in sorted(truth):
        data = (dumps_dir / name).read_bytes()
        doc = clean_document(decode(RawDocument(name, data, content_hash(data))))
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
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    dumps_dir = eval_folder(args.shared, "dumps")
    if dumps_dir is None:
        return 2
    result = evaluate(dumps_dir, args.verbose)
    print(f"mean per-article F1: {result['mean_f1']:.3f}")
    print(f"dumps with the right article count: {result['right_count']} / {result['dumps']}")
    print(f"articles found / true: {result['predicted_articles']} / {result['true_articles']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
