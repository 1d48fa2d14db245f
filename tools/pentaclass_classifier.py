"""A learned event classifier over the parse, measured on its own and beside the rule coder.

Issue 20 asks whether a classifier over the spaCy parse (lemmas, the root's arguments) should be
combined with the rule coder's code and give every event a confidence. This script answers with
figures; nothing it trains is shipped (see the closing rows it prints).

Data read: ``../shared/eval/cameo/pentaclass_train.tsv`` (training, and five-fold cross-validation
on it), ``pentaclass_dev.tsv`` (measured only), and for the real-news check ``../shared/eval/events``
with the news2023 pages it codes (the tune half of the pages, as ``bench/events_eval.py``, is
where the decision was made; the untouched half is printed as the figure to report).

Model: multinomial logistic regression (scikit-learn, lbfgs, C=3) over binary features of each
sentence's parse: content lemmas, verb lemmas, each verb's object/preposition/complement lemma
pairs, the root lemma and its clausal complements. Deterministic: no random state enters the fit.

Printed:
- the classifier alone: PentaClass macro-F1 cross-validated on train and on dev;
- combined: the coder's main event (``bench/cameo_eval.py``) against choosing, among the coder's
  events in the sentence, the one whose class the classifier finds likeliest;
- as a confidence: share of the coder's main events that are right, by the classifier's
  probability of their class (dev), and the precision of the coder's listed events on the
  real-news gold kept at each probability threshold.

    pip install -e ".[train]"
    python tools/pentaclass_classifier.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from bench_support import add_shared_option, eval_folder
from cameo_eval import macro_f1, main_event, penta
from dateline.api import process_articles, process_text
from dateline.nlp.pipeline import load_nlp
from events_eval import part_of

_ARGUMENTS = ("dobj", "prep", "prt", "xcomp", "ccomp", "nsubjpass", "agent", "neg", "attr")


def features(doc) -> dict[str, int]:
    found = {}
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" or (token.pos_ in ("NOUN", "ADJ", "AUX") and not token.is_stop):
            found["w:" + lemma] = 1
        if token.pos_ == "VERB":
            found["v:" + lemma] = 1
            for child in token.children:
                if child.dep_ in _ARGUMENTS:
                    found[f"{lemma}>{child.dep_}:{child.lemma_.lower()}"] = 1
        if token.dep_ == "ROOT":
            found["root:" + lemma] = 1
            for child in token.children:
                if child.dep_ in ("ccomp", "xcomp", "dobj"):
                    found[f"rootc:{child.dep_}:{child.lemma_.lower()}"] = 1
    return found


def read_rows(path: Path) -> list[tuple[str, int]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            sentence, label = line.rsplit("\t", 1)
            rows.append((sentence.strip().strip('"').replace('""', '"'), int(label)))
    return rows


def main() -> int:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_shared_option(parser)
    args = parser.parse_args()
    folder = eval_folder(args.shared, "cameo")
    if folder is None:
        print("../shared/eval/cameo not found: nothing to measure")
        return 1
    nlp = load_nlp()
    train, dev = read_rows(folder / "pentaclass_train.tsv"), read_rows(folder / "pentaclass_dev.tsv")
    x_train = [features(d) for d in nlp.pipe([s for s, _ in train])]
    x_dev = [features(d) for d in nlp.pipe([s for s, _ in dev])]
    y_train, y_dev = np.array([label for _, label in train]), np.array([label for _, label in dev])
    vectoriser = DictVectorizer()
    a_train, a_dev = vectoriser.fit_transform(x_train), vectoriser.transform(x_dev)
    model = LogisticRegression(C=3, max_iter=3000)
    folds = StratifiedKFold(5, shuffle=True, random_state=7)
    p_train = cross_val_predict(model, a_train, y_train, cv=folds, method="predict_proba")
    model.fit(a_train, y_train)
    p_dev = model.predict_proba(a_dev)
    print(f"features: {a_train.shape[1]}")
    for name, rows, probs, gold, labels in (("train (5-fold CV)", train, p_train, y_train, range(5)),
                                            ("dev", dev, p_dev, y_dev, range(1, 5))):  # fmt: skip
        doc = process_articles([s for s, _ in rows], headline=False)
        events = [a.events for a in doc.articles]
        rules = [penta(main_event(e).root) if e else None for e in events]
        chosen = [max((penta(x.root) for x in e), key=lambda c, i=i: probs[i][c]) if e else None
                  for i, e in enumerate(events)]  # fmt: skip
        alone = [int(np.argmax(p)) for p in probs]
        print(f"PentaClass {name}: classifier alone macro-F1 {macro_f1(list(gold), alone, labels):.3f}; "
              f"rules {macro_f1(list(gold), rules, labels):.3f}; "
              f"rules with the main event chosen by the classifier {macro_f1(list(gold), chosen, labels):.3f}")
        if name == "dev":
            scored = [(probs[i][r], r == gold[i]) for i, r in enumerate(rules) if r is not None]
            for low, high in ((0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.01)):
                kept = [right for p, right in scored if low <= p < high]
                share = sum(kept) / len(kept) if kept else 0.0
                print(f"  dev main events with class probability in [{low:.1f}, {min(high, 1):.1f}): "
                      f"{len(kept)}, right {share:.2f}")
    real_news(args.shared, nlp, vectoriser, model)
    return 0


def real_news(shared, nlp, vectoriser, model) -> None:
    """Precision of the coder's listed events on the real-news gold, kept by class probability."""
    folder, pages = eval_folder(shared, "events"), eval_folder(shared, "news2023", "html")
    if folder is None or pages is None:
        return
    sys.path.insert(0, str(folder))
    import score  # the corpus's own scorer: its sentence matching and code parts

    gold = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    by_page: dict[str, list[dict]] = {}
    for row in gold:
        by_page.setdefault(row["page"], []).append(row)
    kept = {"tune": [], "untouched": []}
    for page, rows in sorted(by_page.items()):
        doc = process_text(gzip.decompress((pages / page).read_bytes()), source=page)
        for article in doc.articles:
            for event in article.events:
                sentence = doc.text[event.sentence.start : event.sentence.end]
                matched = [r for r in rows if score.sentence_matches(score.norm(sentence), score.norm(r["sentence"]))]
                if not event.listed or not matched:
                    continue
                source = event.source.code if event.source else None
                target = event.target.code if event.target else None
                right = any(score.root_of(g) == event.root and score.cpart(g.get("source_code")) == score.cpart(source)
                            and score.cpart(g.get("target_code")) == score.cpart(target)
                            for r in matched for g in r["events"])  # fmt: skip
                probability = model.predict_proba(vectoriser.transform([features(nlp(sentence))]))[0][penta(event.root)]
                kept[part_of(page)].append((probability, right))
    for part, scored in kept.items():
        cells = []
        for threshold in (0.0, 0.1, 0.2, 0.3, 0.4):
            chosen = [right for p, right in scored if p >= threshold]
            cells.append(f"p>={threshold:.1f}: {sum(chosen)}/{len(chosen)}")
        print(f"real-news gold, {part} pages, listed events right: " + "; ".join(cells))


if __name__ == "__main__":
    raise SystemExit(main())
