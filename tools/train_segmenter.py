"""Train the dump line model (``src/dateline/clean/data/segmenter.json.gz``) from the shared dumps.

Data read (and nothing else): ``../shared/eval/dumps`` and ``../shared/eval/dumps2023`` (each
dump and its ``truth.json``) and the HTML pages they were rendered from (``../shared/eval/aeb/html``,
``../shared/eval/news2023/html``). Each page is rendered again the way the dumps were built
(html-text 0.7.1, ``guess_layout=True``) only to find where it starts in its dump; a line is
labelled *body* when its text is part of the page's hand-cleaned ``articleBody``, and *start* when
it is the first line of a page.

Scores are cross-validated by site: dumps fall into five folds, and the model that labels a
fold's dumps was trained only on pages of sites that appear in no dump of that fold. The
dumps2023 dumps are split into a *tune* part and an *untouched* part by the SHA-1 of the dump's
name (first hex digit 0-7: tune); choices are made on the tune figures, the untouched ones are
reported. The shipped model is then trained on every page.

    pip install lightgbm html-text
    python tools/train_segmenter.py [--shared ../shared] [--evaluate-only] [--rules]

Seeded (``SEED``): the same data gives the same model.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import itertools
import json
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

from dateline.clean import lines as line_kinds
from dateline.clean.learned import (
    GAP_FEATURES,
    MODEL_FILE,
    Thresholds,
    body_lines,
    gap_features,
    in_model_domain,
    regions_from,
    with_rule_splits,
)
from dateline.clean.linefeatures import FEATURES_VERSION, feature_names, line_features
from dateline.clean.segment import find_regions
from dateline.evaluate import dump_score
from dateline.ingest.decode import decode
from dateline.ingest.sources import content_hash
from dateline.model import RawDocument

SEED = 13
FOLDS = 5
CORPORA = {"dumps": "aeb", "dumps2023": "news2023"}
PARAMS = {
    "objective": "binary",
    "learning_rate": 0.1,
    "num_leaves": 15,
    "min_data_in_leaf": 40,
    "feature_fraction": 0.7,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "seed": SEED,
    "deterministic": True,
    "force_row_wise": True,
    "num_threads": 2,
    "verbose": -1,
}
ROUNDS = {"body": 150, "start": 100, "gap": 75}
OUT = Path(__file__).resolve().parent.parent / "src" / "dateline" / "clean" / "data" / MODEL_FILE


@dataclass
class Dump:
    corpus: str
    name: str
    part: str  # "tune" or "untouched" (dumps2023) / "shared" (dumps)
    lines: list  # non-blank Line objects
    features: np.ndarray
    body: np.ndarray  # labels
    start: np.ndarray
    page: np.ndarray  # per non-blank line: which page of the dump
    site: list[str]  # per non-blank line: its page's site
    sites: set[str]
    truth: list[str]
    all_lines: list
    text: str
    pages: list[dict]  # the truth records of its pages

    @property
    def key(self) -> str:
        return f"{self.corpus}/{self.name}/{self.part}"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _render(html_path: Path) -> str:
    import html_text

    raw = gzip.decompress(html_path.read_bytes()) if html_path.suffix == ".gz" else html_path.read_bytes()
    text = html_text.extract_text(raw.decode("utf-8", errors="replace"), guess_layout=True).strip()
    return re.sub(r"\n\s*\n+", "\n\n", text)


def _part(corpus: str, name: str) -> str:
    if corpus != "dumps2023":
        return "shared"
    return "tune" if hashlib.sha1(name.encode()).hexdigest()[0] in "01234567" else "untouched"


def load_dumps(shared: Path, corpora: dict[str, str] = CORPORA, names: list[str] | None = None) -> list[Dump]:
    dumps = []
    for corpus, pages_corpus in corpora.items():
        folder = shared / "eval" / corpus
        truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
        html = shared / "eval" / pages_corpus / "html"
        for name in sorted(truth) if names is None else names:
            data = (folder / name).read_bytes()
            text = decode(RawDocument(name, data, content_hash(data))).text
            starts = []
            pos = 0
            for page in truth[name]:
                rendered = _render(next(html.glob(page["id"] + "*")))
                at = text.find(rendered[:200], pos)
                if at < 0:
                    raise SystemExit(f"{corpus}/{name}: page {page['id']} not found in the dump")
                starts.append(at)
                pos = at + 1
            dumps.append(_labelled(corpus, name, _part(corpus, name), text, starts, truth[name]))
    return dumps


def _labelled(corpus: str, name: str, part: str, text: str, starts: list[int], pages: list[dict]) -> Dump:
    """A dump's lines with their labels, given where each of its pages starts in its text."""
    bodies = [_norm(page["articleBody"]) for page in pages]
    body_lines = [{_norm(line) for line in page["articleBody"].split("\n")} for page in pages]
    page_sites = [urlsplit(page["url"]).netloc.lower().removeprefix("www.") for page in pages]
    all_lines = line_kinds.split_lines(text)
    nonblank, features = line_features(all_lines)
    body, start, site, page_of = [], [], [], []
    first_seen: set[int] = set()
    for line in nonblank:
        page = max((i for i, s in enumerate(starts) if s <= line.start), default=0)
        normal = _norm(line.text)
        in_body = bool(normal) and normal in bodies[page] and (line.words >= 4 or normal in body_lines[page])
        body.append(float(in_body))
        start.append(float(page not in first_seen))
        first_seen.add(page)
        site.append(page_sites[page])
        page_of.append(page)
    labels = np.array(body), np.array(start), np.array(page_of)
    truths = [page["articleBody"] for page in pages]
    return Dump(corpus, name, part, nonblank, features, *labels, site, set(page_sites), truths, all_lines, text, pages)


# Pages of other sites carry less furniture and shorter bodies than the shared ones, and other
# scrapers print no blank line between paragraphs: each real dump is also learned from in
# shortened copies (some furniture around each body, the first few body paragraphs), so the
# model does not learn "an article is long and sits among hundreds of menu lines".
SHORTENED_COPIES = 1


def shortened(d: Dump, copy: int, rng: random.Random) -> Dump:
    blank_lines = rng.random() < 0.5
    text, starts = "", []
    for page in range(len(d.pages)):
        at = [i for i in range(len(d.lines)) if d.page[i] == page]
        body = [i for i in at if d.body[i]]
        if not body:
            keep = at[: rng.randint(1, 8)]
        else:
            head = [i for i in at if i < body[0]]
            tail = [i for i in at if i > body[-1]]
            last = body[min(len(body), rng.randint(3, 30)) - 1]
            middle = [i for i in at if body[0] <= i <= last]
            keep = sorted({*head[: rng.randint(1, 15)], *head[-rng.randint(1, 15) :], *middle,
                           *tail[: rng.randint(0, 10)], *tail[len(tail) - rng.randint(0, 10) :]})  # fmt: skip
        text += "\n\n" if text else ""
        starts.append(len(text))
        text += ("\n\n" if blank_lines else "\n").join(d.lines[i].text for i in keep)
    return _labelled(d.corpus, f"{d.name}~{copy}", "shortened", text, starts, d.pages)


def _fold(dump: Dump) -> int:
    name = dump.name.split("~")[0]  # a shortened copy stays in its dump's fold
    return int(hashlib.sha1(f"{dump.corpus}/{name}".encode()).hexdigest(), 16) % FOLDS


def train(dumps: list[Dump], exclude_sites: set[str] | None = None) -> tuple[object, object]:
    import lightgbm

    exclude_sites = exclude_sites or set()
    rows = [(d, np.array([s not in exclude_sites for s in d.site])) for d in dumps]
    x = np.concatenate([d.features[keep] for d, keep in rows])
    models = []
    for label in ("body", "start"):
        y = np.concatenate([getattr(d, label)[keep] for d, keep in rows])
        names = [_safe(n) for n in feature_names()]
        data = lightgbm.Dataset(x, y, feature_name=names, free_raw_data=True)
        models.append(lightgbm.train(PARAMS, data, num_boost_round=ROUNDS[label]))
    return models[0], models[1]


def gap_rows(d: Dump, body_p: np.ndarray, start_p: np.ndarray) -> tuple[np.ndarray, np.ndarray, list]:
    """A dump's gap features, their labels (the two body lines are on different pages) and the
    sites of the two lines (for leaving a fold's sites out)."""
    body_at = body_lines(body_p, Thresholds())
    x = gap_features(d.lines, d.features, body_p, start_p, body_at)
    y = np.array([float(d.page[a] != d.page[b]) for a, b in itertools.pairwise(body_at)])
    return x, y, [(d.site[a], d.site[b]) for a, b in itertools.pairwise(body_at)]


def train_gap(rows: list[tuple], exclude_sites: set[str] | None = None) -> object:
    import lightgbm

    exclude_sites = exclude_sites or set()
    keep = [np.array([a not in exclude_sites and b not in exclude_sites for a, b in sites], dtype=bool)
            for _, _, sites in rows]  # fmt: skip
    x = np.concatenate([x[k] for (x, _, _), k in zip(rows, keep, strict=True) if len(x)])
    y = np.concatenate([y[k] for (_, y, _), k in zip(rows, keep, strict=True) if len(y)])
    data = lightgbm.Dataset(x, y, feature_name=GAP_FEATURES, free_raw_data=True)
    return lightgbm.train(PARAMS, data, num_boost_round=ROUNDS["gap"])


def _safe(name: str) -> str:
    return re.sub(r"[^\w@+-]", "_", name)


def cross_validate(dumps: list[Dump]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Out-of-fold probabilities per dump, each fold's model trained without the fold's sites."""
    predictions = {}
    for fold in range(FOLDS):
        held = [d for d in dumps if _fold(d) == fold]
        sites = set().union(*(d.sites for d in held))
        rest = [d for d in dumps if _fold(d) != fold]
        body_model, start_model = train(rest, exclude_sites=sites)
        for d in held:
            predictions[d.key] = (body_model.predict(d.features), start_model.predict(d.features))
    return predictions


def cross_validate_gaps(dumps: list[Dump], stage1: dict) -> dict[str, np.ndarray]:
    """Out-of-fold gap probabilities, the gap model of each fold trained on the other folds' dumps."""
    rows = {d.key: gap_rows(d, *stage1[d.key]) for d in dumps}
    gaps = {}
    for fold in range(FOLDS):
        held = [d for d in dumps if _fold(d) == fold]
        sites = set().union(*(d.sites for d in held))
        model = train_gap([rows[d.key] for d in dumps if _fold(d) != fold], exclude_sites=sites)
        for d in held:
            x = rows[d.key][0]
            gaps[d.key] = with_rule_splits(model.predict(x), x) if len(x) else np.zeros(0)
    return gaps


def score(dumps: list[Dump], regions_of) -> dict[str, tuple[float, int, int]]:
    """Mean article F1 (as bench/dumps_eval.py weighs it) per part, with right counts and dumps,
    of the regions ``regions_of(dump)`` finds."""
    from dateline.clean.article import build_article

    by_part: dict[str, list] = {}
    for d in dumps:
        if d.part == "shortened":
            continue  # its truth is the whole page's body
        bodies = [build_article(r, i, d.text, [], None).body for i, r in enumerate(regions_of(d))]
        by_part.setdefault(f"{d.corpus}:{d.part}", []).append(dump_score(bodies, d.truth))
    return {part: _summary(scores) for part, scores in by_part.items()}


def model_regions(d: Dump, predictions: dict, gaps: dict, thresholds: Thresholds) -> list:
    """What dateline finds in the dump with these (out-of-fold) probabilities."""
    if not in_model_domain(d.all_lines):
        return find_regions(d.all_lines)  # as dateline does: the rules take what the model never saw
    return regions_from(d.lines, d.features, *predictions[d.key], gaps[d.key], thresholds)


def _summary(scores: list) -> tuple[float, int, int]:
    weight = [max(s.true_articles, s.predicted_articles) for s in scores]
    mean = sum(s.mean_f1 * w for s, w in zip(scores, weight, strict=True)) / sum(weight)
    return round(mean, 3), sum(1 for s in scores if s.predicted_articles == s.true_articles), len(scores)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--evaluate-only", action="store_true", help="cross-validate, do not write the model")
    parser.add_argument("--rules", action="store_true", help="also score the rule segmenter on the same parts")
    args = parser.parse_args()
    began = time.time()
    dumps = load_dumps(args.shared)
    rng = random.Random(SEED)
    dumps += [shortened(d, copy, rng) for d in list(dumps) for copy in range(SHORTENED_COPIES)]
    n = sum(len(d.lines) for d in dumps)
    print(f"{len(dumps)} dumps, {n} non-blank lines, {sum(int(d.body.sum()) for d in dumps)} body lines "
          f"({time.time() - began:.0f} s)", file=sys.stderr)  # fmt: skip
    if args.rules:
        for part, figures in sorted(score(dumps, lambda d: find_regions(d.all_lines)).items()):
            print(f"rules   {part:20s} mean article F1 {figures[0]:.3f}  right count {figures[1]}/{figures[2]}")
    predictions = cross_validate(dumps)
    gaps = cross_validate_gaps(dumps, predictions)
    thresholds = Thresholds()
    found = score(dumps, lambda d: model_regions(d, predictions, gaps, thresholds))
    for part, figures in sorted(found.items()):
        print(f"model   {part:20s} mean article F1 {figures[0]:.3f}  right count {figures[1]}/{figures[2]}")
    if args.evaluate_only:
        return 0
    body_model, start_model = train(dumps)
    gap_model = train_gap([gap_rows(d, *predictions[d.key]) for d in dumps])
    OUT.write_bytes(gzip.compress(json.dumps({
        "features_version": FEATURES_VERSION,
        "feature_names": feature_names(),
        "thresholds": thresholds.__dict__,
        "meta": {"trained_on": sorted(CORPORA), "pages_from": sorted(CORPORA.values()), "seed": SEED,
                 "params": PARAMS, "rounds": ROUNDS, "dumps": len(dumps), "lines": n},
        "body": body_model.model_to_string(),
        "start": start_model.model_to_string(),
        "gap": gap_model.model_to_string(),
    }).encode(), mtime=0))  # fmt: skip
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
