"""Every field of every event the coder gives on the shared event data, written down to compare
two versions.

A refactoring of the event coder must not change what it codes. This runs the whole pipeline
on the PentaClass sentences (train and dev), the PLOVER gold sentences and the 35 pages of the
real-news event gold (``../shared/eval/cameo`` and ``../shared/eval/events``), and writes one
JSON line per event with every field; ``--compare`` reports the first differences.

    python tools/event_snapshot.py --out before.jsonl
    ... change the coder ...
    python tools/event_snapshot.py --out after.jsonl --compare before.jsonl
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from bench_support import add_shared_option, eval_folder
from dateline.api import process_articles, process_text


def sentence_sets(shared: str | None) -> dict[str, list[str]]:
    folder = eval_folder(shared, "cameo")
    if folder is None:
        return {}
    sets = {}
    for name in ("pentaclass_train", "pentaclass_dev"):
        lines = (folder / f"{name}.tsv").read_text(encoding="utf-8").splitlines()
        sets[name] = [line.rsplit("\t", 1)[0] for line in lines if "\t" in line]
    records = json.loads((folder / "plover_gsr.json").read_text(encoding="utf-8"))[1:]
    sets["plover"] = [r["text"] for r in records]
    return sets


def gold_pages(shared: str | None) -> list[Path]:
    folder, pages = eval_folder(shared, "events"), eval_folder(shared, "news2023", "html")
    if folder is None or pages is None:
        return []
    rows = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    return [pages / name for name in sorted({row["page"] for row in rows})]


def snapshot(shared: str | None) -> list[dict]:
    out = []
    for name, sentences in sentence_sets(shared).items():
        doc = process_articles(sentences, headline=False)
        for i, article in enumerate(doc.articles):
            out += [{"set": name, "item": i, **dataclasses.asdict(e)} for e in article.events]
    for path in gold_pages(shared):
        doc = process_text(gzip.decompress(path.read_bytes()), source=path.name)
        for i, article in enumerate(doc.articles):
            out += [{"set": path.name, "item": i, **dataclasses.asdict(e)} for e in article.events]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_shared_option(parser)
    parser.add_argument("--out", type=Path, required=True, help="write the events here (JSON lines)")
    parser.add_argument("--compare", type=Path, help="an earlier --out file to compare with")
    args = parser.parse_args()
    events = snapshot(args.shared)
    lines = [json.dumps(e, sort_keys=True, default=str) for e in events]
    args.out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"{len(lines)} events written to {args.out}")
    if args.compare is None:
        return 0
    before = args.compare.read_text(encoding="utf-8").splitlines()
    differ = [(i, a, b) for i, (a, b) in enumerate(zip(before, lines, strict=False)) if a != b]
    print(f"compared with {args.compare}: {len(before)} vs {len(lines)} events, {len(differ)} differ")
    for i, a, b in differ[:5]:
        print(f"  event {i}:\n    before {a[:300]}\n    after  {b[:300]}")
    return 0 if not differ and len(before) == len(lines) else 1


if __name__ == "__main__":
    sys.exit(main())
