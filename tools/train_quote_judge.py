"""Train the quote judge (``src/dateline/extract/data/quote_judge.json``) on PolNeAR train, first half.

Data read (and nothing else): the articles of ``../shared/eval/polnear/train`` whose file name
falls in the *first* half (the SHA-1 of the name starts with 0-7, as ``bench/polnear_eval.py
--half first``) and their attribution annotations. The second half of train and PolNeAR dev are
never read here: they are left to measure the model (``bench/polnear_eval.py --listed-only``).

Each quote the rules list is a training row (``judge.quote_features``), labelled right when at
least half its words lie in one annotated content *and* its speaker phrase shares a word with
that attribution's source. Gradient-boosted trees (LightGBM, seeded), cross-validated by article
in five folds; the threshold is the highest of a fixed grid at which the cross-validated model
unlists at most ``MAX_RIGHT_LOST`` of the right quotes. The shipped model is then trained on the
whole first half.

    python tools/train_quote_judge.py [--shared ../shared] [--evaluate-only]

Seeded (``SEED``): the same data gives the same model.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import lightgbm
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import polnear_eval
from bench_support import add_shared_option, eval_folder
from dateline.api import process_article
from dateline.extract.quotes import judge
from dateline.ingest.decode import decode
from dateline.ingest.sources import content_hash
from dateline.model import RawDocument

SEED = 7
FOLDS = 5
ROUNDS = 200
MIN_LEMMA_COUNT = 5  # a cue lemma seen fewer times is "unknown" to the model
MAX_RIGHT_LOST = 0.01
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
PARAMS = {
    "objective": "binary", "learning_rate": 0.05, "num_leaves": 15, "min_data_in_leaf": 30,
    "feature_fraction": 0.8, "bagging_fraction": 0.8, "bagging_freq": 1, "cat_smooth": 20,
    "seed": SEED, "deterministic": True, "force_row_wise": True, "num_threads": 1, "verbose": -1,
}  # fmt: skip
OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "extract" / "data" / judge.MODEL_FILE


def rows(folder: Path) -> list[tuple[str, str, list[float], bool]]:
    """(article, cue lemma, features, right) for each listed quote of the first half."""
    found = []
    for path in sorted((folder / "text").glob("*.txt")):
        annotations = sorted((folder / "attributions").glob(path.stem + "_*.ann"))
        if not polnear_eval.in_half(path.name, "first") or not annotations:
            continue
        raw = path.read_bytes()
        text = decode(RawDocument(path.name, raw, content_hash(raw))).text
        if text != raw.decode("utf-8"):
            continue  # repair changed the text: the annotation offsets would not line up
        golds = [
            (polnear_eval.tokens(text, g.content), polnear_eval.tokens(text, g.source))
            for g in polnear_eval.read_gold(annotations[0])
        ]
        judge.collector = []
        try:
            process_article(text, source=path.name)
            gathered = judge.collector
        finally:
            judge.collector = None
        for quote, features in gathered:
            words = polnear_eval.tokens(text, [(p.start, p.end) for p in quote.stretches()])
            speaker = polnear_eval.tokens(text, [(quote.speaker.start, quote.speaker.end)]) if quote.speaker else set()
            right = bool(words) and any(
                len(content & words) >= 0.5 * len(words) and source & speaker for content, source in golds
            )
            found.append((path.name, (quote.cue_lemma or "").lower(), features, right))
    return found


def matrix(data, lemmas: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    at = judge.feature_names().index("cue_lemma")
    x = np.array([r[2] for r in data], dtype=float)
    x[:, at] = [lemmas.get(r[1], -1) for r in data]
    return x, np.array([r[3] for r in data], dtype=int)


def train(x: np.ndarray, y: np.ndarray) -> lightgbm.Booster:
    at = judge.feature_names().index("cue_lemma")
    data = lightgbm.Dataset(x, y, categorical_feature=[at], free_raw_data=False)
    return lightgbm.train(PARAMS, data, num_boost_round=ROUNDS)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_shared_option(parser)
    parser.add_argument("--evaluate-only", action="store_true", help="cross-validate; do not write the model")
    args = parser.parse_args()
    folder = eval_folder(args.shared, "polnear", "train")
    if folder is None:
        return 2
    data = rows(folder)
    counts = Counter(r[1] for r in data)
    lemmas = {lemma: i for i, (lemma, n) in enumerate(sorted(counts.items(), key=lambda c: (-c[1], c[0])))
              if n >= MIN_LEMMA_COUNT}  # fmt: skip
    x, y = matrix(data, lemmas)
    articles = sorted({r[0] for r in data})
    fold_of = {a: i % FOLDS for i, a in enumerate(articles)}
    folds = np.array([fold_of[r[0]] for r in data])
    held = np.zeros(len(y))
    for k in range(FOLDS):
        held[folds == k] = train(x[folds != k], y[folds != k]).predict(x[folds == k])
    right = int(y.sum())
    print(f"{len(y)} listed quotes in {len(articles)} articles, {right} right ({right / len(y):.3f})")
    chosen = THRESHOLDS[0]
    for threshold in THRESHOLDS:
        kept = held >= threshold
        lost, removed = int(((~kept) & (y == 1)).sum()), int(((~kept) & (y == 0)).sum())
        share = y[kept].mean()
        print(f"  threshold {threshold:.2f}: unlists {removed} wrong and {lost} right; right share {share:.3f}")
        if lost <= MAX_RIGHT_LOST * right:
            chosen = threshold
    print(f"threshold: {chosen}")
    if args.evaluate_only:
        return 0
    model = train(x, y)
    OUT.write_text(
        json.dumps(
            {
                "trained_by": "tools/train_quote_judge.py",
                "data": "../shared/eval/polnear/train, first half by file name (SHA-1 0-7): "
                f"{len(articles)} articles, {len(y)} listed quotes",
                "seed": SEED,
                "features": judge.feature_names(),
                "lemmas": lemmas,
                "threshold": chosen,
                "model": model.model_to_string(),
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
