"""Events scored on real news: ../shared/eval/events (35 news2023 pages coded sentence by sentence).

Builds a store from exactly the gold pages with ``dateline run``, lists ``dateline events --json``
and ``dateline articles --json`` (the default listing, as a user sees it) and scores them with the
corpus's own ``score.py``, three times: all 35 pages, the *tune* half and the *untouched* half.

The halves are fixed by the page id (the first hex digit of the SHA-1 of the page name: 0-7 tune,
8-f untouched), so no one chooses them. Changes to the coder are judged on the tune half; the
untouched half is read only as the figure to report, never to decide a change.

Printed per part: strict P/R/F1 (root + source + target country), without root 01, ignoring the
target; ``--details`` writes gold and predicted events side by side for the tune pages only.

    python bench/events_eval.py [--shared ../shared] [--details FILE] [--all]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from bench_support import add_shared_option, eval_folder

VARIANTS = {
    "strict": "strict (root + source + target country)",
    "no01": "excluding root 01 statements",
    "loose": "loose: ignore target",
}


def part_of(page: str) -> str:
    return "tune" if hashlib.sha1(page.encode()).hexdigest()[0] in "01234567" else "untouched"


def dateline(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "dateline.cli", *args], capture_output=True, text=True, check=True)
    return done.stdout


def score(folder: Path, gold_rows: list[dict], events: str, articles: str, work: Path, name: str) -> dict:
    gold = work / f"gold-{name}.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in gold_rows), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(folder / "score.py"), str(gold), events, articles], capture_output=True, text=True
    )
    figures = {}
    for key, label in VARIANTS.items():
        figures_pattern = r"\s+P ([\d.]+) R ([\d.]+) F1 ([\d.]+)\s+\(tp (\d+), pred (\d+), gold (\d+)"
        match = re.search(re.escape(label) + figures_pattern, done.stdout)
        if match:
            p, r, f, tp, npred, ngold = match.groups()
            figures[key] = {"P": float(p), "R": float(r), "F1": float(f), "tp": int(tp), "pred": int(npred),
                            "gold": int(ngold)}  # fmt: skip
    figures["report"] = done.stdout
    return figures


def write_details(path: Path, gold_rows: list[dict], events: list[dict], articles: list[dict]) -> None:
    """Gold and predicted events per sentence of the tune pages: the material of error analysis."""
    page_of = {a["id"]: Path(a.get("source") or "").name for a in articles}
    by_page = defaultdict(list)
    for event in events:
        by_page[Path(event.get("document_source") or "").name or page_of.get(event.get("article_id"))].append(event)

    def norm(s: str) -> str:
        return re.sub(r"\W+", " ", (s or "").lower()).strip()

    lines = []
    for row in gold_rows:
        if part_of(row["page"]) != "tune":
            continue
        sentence = norm(row["sentence"])
        predicted = [e for e in by_page[row["page"]] if norm(e["sentence"]) and (
            norm(e["sentence"]) in sentence or sentence in norm(e["sentence"]))]  # fmt: skip
        if not row["events"] and not predicted:
            continue
        lines.append(f"## {row['page'][:8]} {row['sentence']}")
        for g in row["events"]:
            lines.append(f"  gold {g['code']:>4} {g['source_code'] or '-':<8} {g['source_text'][:30]!r:<32} -> "
                         f"{g['target_code'] or '-':<8} {g['target_text'][:30]!r}")  # fmt: skip
        for e in predicted:
            source, target = (e.get("source_text") or "")[:30], (e.get("target_text") or "")[:30]
            lines.append(f"  pred {e['code']:>4} {e.get('source_code') or '-':<8} {source!r:<32} -> "
                         f"{e.get('target_code') or '-':<8} {target!r} "
                         f"[{e.get('entry')} {e.get('unlisted_because') or 'listed'}]")  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def evaluate(folder: Path, pages_folder: Path, every_event: bool = False, details: Path | None = None):
    """Run dateline on the gold pages and score its listing (or, with ``every_event``, every
    stored event) on all pages, the tune half and the untouched half."""
    gold_rows = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    pages = sorted({row["page"] for row in gold_rows})
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db = str(work / "g.db")
        started = time.perf_counter()
        dateline("run", *(str(pages_folder / p) for p in pages), "--db", db, "--no-progress")
        seconds = time.perf_counter() - started
        listing = ["--all"] if every_event else []
        (work / "ev.jsonl").write_text(dateline("events", "--db", db, "--json", *listing), encoding="utf-8")
        (work / "art.jsonl").write_text(dateline("articles", "--db", db, "--json"), encoding="utf-8")
        events_path, articles_path = str(work / "ev.jsonl"), str(work / "art.jsonl")
        parts = {
            "all": gold_rows,
            "tune": [r for r in gold_rows if part_of(r["page"]) == "tune"],
            "untouched": [r for r in gold_rows if part_of(r["page"]) == "untouched"],
        }
        results = {name: score(folder, rows, events_path, articles_path, work, name) for name, rows in parts.items()}
        if details:
            events = [json.loads(x) for x in (work / "ev.jsonl").read_text(encoding="utf-8").splitlines() if x]
            articles = [json.loads(x) for x in (work / "art.jsonl").read_text(encoding="utf-8").splitlines() if x]
            write_details(details, gold_rows, events, articles)
    return results, parts, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_shared_option(parser)
    parser.add_argument("--details", type=Path, help="write gold and predicted events of the tune pages here")
    parser.add_argument("--all", action="store_true", help="score every stored event, not only the default listing")
    parser.add_argument("--report", action="store_true", help="print score.py's whole report for all pages")
    args = parser.parse_args()
    folder = eval_folder(args.shared, "events")
    pages_folder = eval_folder(args.shared, "news2023", "html")
    if folder is None or pages_folder is None:
        return 2
    results, parts, seconds = evaluate(folder, pages_folder, args.all, args.details)
    if args.report:
        print(results["all"]["report"])
    pages = {r["page"] for r in parts["all"]}
    print(f"{len(pages)} pages run in {seconds:.0f} s; listing: {'every stored event' if args.all else 'default'}")
    print(f"{'part':<10} {'pages':>5} {'variant':<8} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'pred':>5} {'gold':>5}")
    for name, rows in parts.items():
        count = len({r["page"] for r in rows})
        for key in VARIANTS:
            f = results[name].get(key)
            if f:
                print(f"{name:<10} {count:>5} {key:<8} {f['P']:>6.3f} {f['R']:>6.3f} {f['F1']:>6.3f} {f['tp']:>4} "
                      f"{f['pred']:>5} {f['gold']:>5}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
