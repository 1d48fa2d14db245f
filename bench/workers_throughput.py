"""Words per second of `dateline run` with 1 and 2 workers against bare spaCy, same run.

The inputs are one-article files: the hand-cleaned bodies of ../shared/eval/news2023 (one
file each, as a user's folder of clean articles would be), so every figure parses the same
words. Bare: ``nlp.pipe(texts, batch_size=32)`` with the same model, timed twice: in this
process with the model already loaded (the strict figure), and as a fresh process that
imports spaCy, loads the model and reads the same files (what a user's own script pays,
like for like with dateline). Each run of dateline is a fresh process
(``dateline run DIR --workers N``), its wall time including spaCy's load.

    python bench/workers_throughput.py [--shared ../shared] [--limit 280]
"""

from __future__ import annotations

import argparse
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
    args = parser.parse_args()
    folder = eval_folder(args.shared, "news2023")
    if folder is None:
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "articles"
        texts = one_article_files(folder, inputs, args.limit)
        words = sum(len(t.split()) for t in texts)
        from dateline.nlp.pipeline import load_nlp

        started = time.perf_counter()
        nlp = load_nlp()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        bare = time.perf_counter() - started
        print(f"{len(texts)} one-article files, {words:,} words")
        print(f"bare nlp.pipe(batch_size=32), model loaded:  {bare:6.1f} s  {words / bare:7,.0f} words/s")
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", BARE_SCRIPT, str(inputs)], check=True)
        fresh = time.perf_counter() - started
        print(f"bare, fresh process (import, load, read): {fresh:6.1f} s  {words / fresh:7,.0f} words/s")
        seconds = {}
        for workers in (1, 2):
            db = Path(tmp) / f"w{workers}.db"
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "dateline.cli", "run", str(inputs), "--db", str(db), "--no-progress",
                            "--workers", str(workers)], check=True, capture_output=True)  # fmt: skip
            seconds[workers] = time.perf_counter() - started
            print(f"dateline run --workers {workers}:  {seconds[workers]:6.1f} s  {words / seconds[workers]:7,.0f} "
                  f"words/s  ({bare / seconds[workers]:.2f}x bare loaded, "
                  f"{fresh / seconds[workers]:.2f}x bare fresh)")  # fmt: skip
        print(f"2 workers / 1 worker: {seconds[1] / seconds[2]:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
