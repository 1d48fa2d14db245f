"""Event coding scored on real news sentences (../shared/eval/cameo).

PentaClass (pentaclass_train.tsv, 1,349 sentences, the rules' tuning set; pentaclass_dev.tsv,
257 sentences with no class 0, whose macro-F1 is over the classes it holds): the class of the main event the
coder finds per sentence (0 statement: root 01; 1 verbal cooperation: 02-05; 2 material
cooperation: 06-08; 3 verbal conflict: 09-13; 4 material conflict: 14-20). The main
event is the first event in the sentence that is not the reporter's statement (010 from
a quote), else that statement. No event counts as wrong. Accuracy and macro-F1, with
the confusion table (rows gold, columns predicted, "-" for no event).

PLOVER (plover_gsr.json, 322 sentences): the main event's CAMEO code mapped to PLOVER
with CAMEO2PLOVER-2021.txt (the longest code prefix in the table; root 02 appeals are
REQUEST; root 01 statements have no PLOVER event). The gold labels are PLOVER 0.5b1;
renamed since, mapped here: DEMAND->REQUEST, DISAPPROVE->ACCUSE, FIGHT->ASSAULT,
INVESTIGATE->ACCUSE (0.8 files investigations under ACCUSE, mode "investigate").
Actor codes: the first three letters of the main event's source and target codes
against the gold's first source and target ``code`` (country or IGO/NGO), over gold
records that have one. A few gold records use the older KEDS-era country codes JAP, ITL
and VTN; they are read as the ISO codes JPN, ITA and VNM that CAMEO uses now. Actor-code
errors are counted by kind: no event found, no source/target, an actor without a code, a
different code.

    python bench/cameo_eval.py [--shared ../shared] [--errors]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from pathlib import Path

from bench_support import add_shared_option, eval_folder
from dateline.api import process_articles
from dateline.model import Event

LEGACY_COUNTRY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
GSR_RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}


def penta(root: str) -> int:
    number = int(root)
    return 0 if number == 1 else 1 if number <= 5 else 2 if number <= 8 else 3 if number <= 13 else 4


def main_event(events: list[Event]) -> Event | None:
    for event in events:
        if event.entry != "Q010":
            return event
    return events[0] if events else None


def code_sentences(sentences: list[str]) -> list[Event | None]:
    doc = process_articles(sentences, headline=False)
    return [main_event(article.events) for article in doc.articles]


def macro_f1(gold: list, pred: list, labels) -> float:
    scores = []
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == p == label)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if p == label and g != label)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p != label)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def evaluate_pentaclass(path: Path) -> dict:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            sentence, label = line.rsplit("\t", 1)
            rows.append((sentence.strip().strip('"').replace('""', '"'), int(label)))
    events = code_sentences([s for s, _ in rows])
    gold = [label for _, label in rows]
    pred = [penta(e.root) if e is not None else None for e in events]
    accuracy = sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(rows)
    confusion = Counter(zip(gold, pred, strict=True))
    return {"n": len(rows), "accuracy": accuracy, "macro_f1": macro_f1(gold, pred, sorted(set(gold))),
            "confusion": confusion, "no_event": pred.count(None),
            "errors": [(s, g, e) for (s, g), e, p in zip(rows, events, pred, strict=True) if g != p]}  # fmt: skip


def plover_table(path: Path) -> dict[str, str]:
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{2,4}):\s*([A-Z_]+)", line)
        if match:
            table.setdefault(match.group(1), match.group(2))
    return table


def to_plover(code: str, table: dict[str, str]) -> str | None:
    for size in range(len(code), 1, -1):
        if code[:size] in table:
            return table[code[:size]]
    return "REQUEST" if code.startswith("02") else None


def evaluate_plover(folder: Path) -> dict:
    records = json.loads((folder / "plover_gsr.json").read_text(encoding="utf-8"))[1:]
    table = plover_table(folder / "CAMEO2PLOVER-2021.txt")
    events = code_sentences([r["text"] for r in records])
    right = 0
    actor_hits = {"source": 0, "target": 0}
    actor_total = {"source": 0, "target": 0}
    actor_errors: Counter = Counter()
    errors = []
    for record, event in zip(records, events, strict=True):
        gold = GSR_RENAMED.get(record["event"], record["event"])
        predicted = to_plover(event.code, table) if event else None
        right += predicted == gold
        if predicted != gold:
            errors.append((record["text"], gold, predicted, event.code if event else None))
        for side in ("source", "target"):
            gold_actors = [a for a in record.get(side) or [] if isinstance(a, dict) and a.get("code")]
            if not gold_actors:
                continue
            actor_total[side] += 1
            ours = getattr(event, side) if event else None
            gold_code = gold_actors[0]["code"][:3]
            if ours is not None and ours.code and ours.code[:3] == LEGACY_COUNTRY_CODES.get(gold_code, gold_code):
                actor_hits[side] += 1
            else:
                kind = ("no event" if event is None else f"no {side}" if ours is None
                        else "actor without a code" if not ours.code else "other code")  # fmt: skip
                actor_errors[(side, kind)] += 1
    pooled = (actor_hits["source"] + actor_hits["target"]) / max(1, actor_total["source"] + actor_total["target"])
    return {"n": len(records), "accuracy": right / len(records), "errors": errors, "actor_accuracy": pooled,
            "actor_errors": actor_errors,
            "source_accuracy": actor_hits["source"] / max(1, actor_total["source"]),
            "target_accuracy": actor_hits["target"] / max(1, actor_total["target"])}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_shared_option(parser)
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    folder = eval_folder(args.shared, "cameo")
    if folder is None:
        return 2
    start = time.perf_counter()
    for split in ("train", "dev"):
        result = evaluate_pentaclass(folder / f"pentaclass_{split}.tsv")
        print(f"PentaClass {split}: {result['n']} sentences, accuracy {result['accuracy']:.3f}, "
              f"macro-F1 {result['macro_f1']:.3f}, no event found {result['no_event']}")  # fmt: skip
        labels = [0, 1, 2, 3, 4, None]
        print("  gold\\pred " + " ".join(f"{str(p) if p is not None else '-':>5}" for p in labels))
        for g in range(5):
            print(f"  {g:>9} " + " ".join(f"{result['confusion'][(g, p)]:>5}" for p in labels))
    plover = evaluate_plover(folder)
    print(f"PLOVER: {plover['n']} sentences, event-type accuracy {plover['accuracy']:.3f}; actor codes: "
          f"source {plover['source_accuracy']:.3f}, target {plover['target_accuracy']:.3f}, "
          f"pooled {plover['actor_accuracy']:.3f}")  # fmt: skip
    wrong = plover["actor_errors"]
    for side in ("source", "target"):
        kinds = ", ".join(f"{kind} {n}" for (s, kind), n in sorted(wrong.items()) if s == side)
        print(f"  {side} code errors by kind: {kinds}")
    print(f"time: {time.perf_counter() - start:.1f} s")
    if args.errors:
        for sentence, gold, event in result["errors"][:80]:
            code = f"{event.code} {event.entry} {event.cue.text}" if event else "no event"
            print(f"  P gold {gold} got {code}: {sentence[:120]}")
        for sentence, gold, predicted, code in plover["errors"][:60]:
            print(f"  V gold {gold} got {predicted} ({code}): {sentence[:120]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
