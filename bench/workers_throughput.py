"""Words per second of `dateline run` with 1 and 2 workers against bare spaCy, same run.

The inputs are one-article files: the hand-cleaned bodies of ../shared/eval/news2023 (one
file each, as a user's folder of clean articles would be), so every figure parses the same
words. Bare: ``nlp.pipe(texts, batch_size=32)`` with the same model, timed twice: in this
process with the model already loaded (the strict figure), and as a fresh process that
imports spaCy, loads the model and reads the same files (what a user's own script pays,
like for like with dateline). Each run of dateline is a fresh process
(``dateline run DIR --workers N``), its wall time including spaCy's load. The machine's speed
drifts over minutes, so bare and dateline run back to back in rounds, each round's ratio its
own, and the median of the rounds is the figure.

    python bench/workers_throughput.py [--shared ../shared] [--limit 280] [--rounds 2]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_support import add_shared_option, eval_folder, one_article_files

BARE_SCRIPT = """
import json, sys
from pathlib import Path
from dateline.runtime import keep_torch_out
keep_torch_out()  # as the dateline command does: like for like
from dateline.nlp.pipeline import load_nlp
records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(sys.argv[1]).iterdir())]
texts = [f"{r['title']}\\n\\n{r['text']}" for r in records]
for _ in load_nlp().pipe(texts, batch_size=32):
    pass
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_shared_option(parser)
    parser.add_argument("--limit", type=int, default=280)
    parser.add_argument("--rounds", type=int, default=2, help="bare and dateline, back to back (the machine's "
                        "speed drifts: each round's ratio is its own)")
    args = parser.parse_args()
    folder = eval_folder(args.shared, "news2023")
    if folder is None:
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "articles"
        texts = one_article_files(folder, inputs, args.limit)
        words = sum(len(t.split()) for t in texts)
        print(f"{len(texts)} one-article files, {words:,} words; {args.rounds} round(s), each bare then dateline")
        from dateline.nlp.pipeline import load_nlp

        ratios: list[tuple[float, float]] = []
        for round_ in range(1, args.rounds + 1):
            # a model loaded anew before the clock: the bare figure is nlp.pipe alone, its
            # vocabulary as cold as in a fresh process (a second pass over the texts runs faster)
            load_nlp.cache_clear()
            nlp = load_nlp()
            started = time.perf_counter()
            for _ in nlp.pipe(texts, batch_size=32):
                pass
            bare = time.perf_counter() - started
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", BARE_SCRIPT, str(inputs)], check=True)
            fresh = time.perf_counter() - started
            one = _dateline(inputs, Path(tmp) / f"r{round_}.db", 1)
            ratios.append((bare / one, fresh / one))
            print(f"round {round_}: bare nlp.pipe, model loaded {bare:6.1f} s ({words / bare:,.0f} words/s); "
                  f"bare, fresh process (import, load, read) {fresh:6.1f} s; dateline run --workers 1 {one:6.1f} s "
                  f"({words / one:,.0f} words/s): {bare / one:.2f}x bare loaded, {fresh / one:.2f}x bare fresh")
        loaded, fresh = (statistics.median(r[i] for r in ratios) for i in (0, 1))
        print(f"--workers 1, median of {len(ratios)} round(s): {loaded:.2f}x bare loaded, {fresh:.2f}x bare fresh")
        two = _dateline(inputs, Path(tmp) / "w2.db", 2)
        print(f"dateline run --workers 2: {two:6.1f} s ({words / two:,.0f} words/s); "
              f"2 workers / 1 worker (last round): {one / two:.2f}x")
    return 0


def _dateline(inputs: Path, db: Path, workers: int) -> float:
    """Wall seconds of ``dateline run`` in a fresh process (spaCy's load included)."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "dateline.cli", "run", str(inputs), "--db", str(db), "--no-progress",
                    "--workers", str(workers)], check=True, capture_output=True)  # fmt: skip
    return time.perf_counter() - started


if __name__ == "__main__":
    raise SystemExit(main())
