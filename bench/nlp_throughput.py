"""Words/s of the whole pipeline (decode, clean, spaCy + entity fixer, actors, places,
tone, quotes, events) against bare ``nlp.pipe`` of the same model on the same article texts, in one run.

Input: the 36 real dumps in ../shared/eval/dumps when present, else the bundled sample
repeated. Prints words/s for both, the ratio (goal: ours >= 0.8x bare), each stage's
time, events/s of the event coder and its share of pipeline time, the time spent
writing to SQLite, and the process's peak memory.

    python bench/nlp_throughput.py [--shared ../shared] [--limit N]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

import spacy

from bench_support import add_shared_option
from dateline.api import process_text
from dateline.demo import sample_path
from dateline.nlp.pipeline import MODEL_PACKAGES, load_nlp
from dateline.nlp.text import article_text
from dateline.pipeline import Pipeline
from dateline.record import PIPELINE_VERSION
from dateline.store import Store


def inputs(shared: Path, limit: int | None) -> list[bytes]:
    folder = shared / "eval" / "dumps"
    if folder.is_dir():
        files = sorted(folder.glob("dump*.txt"))[:limit]
        return [f.read_bytes() for f in files]
    return [sample_path().read_bytes()] * 20


def bare_model():
    import importlib.util

    for package in MODEL_PACKAGES:
        if importlib.util.find_spec(package):
            return spacy.load(package)
    raise SystemExit("no spaCy model installed")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_shared_option(parser)
    parser.add_argument("--limit", type=int, help="at most this many input files")
    args = parser.parse_args()
    data = inputs(args.shared, args.limit)

    # Load both pipelines and warm them up before any timing.
    ours, bare = load_nlp(), bare_model()
    process_text(sample_path().read_bytes())
    list(bare.pipe(["Warm-up sentence for the bare model."]))

    pipeline = Pipeline()
    start = time.perf_counter()
    docs = [process_text(blob, source=f"bench-{i}", pipeline=pipeline) for i, blob in enumerate(data)]
    t_ours = time.perf_counter() - start

    texts = [article_text(a, d.text).text for d in docs for a in d.articles]
    words = sum(len(t.split()) for t in texts)
    start = time.perf_counter()
    list(bare.pipe(texts, batch_size=32))
    t_bare = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        start = time.perf_counter()
        for doc in docs:
            store.write_document(doc, PIPELINE_VERSION)
        t_store = time.perf_counter() - start

    n_events = sum(len(a.events) for d in docs for a in d.articles)
    t_events = pipeline.timings["events"]
    stages = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in pipeline.timings.items())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    articles = sum(len(d.articles) for d in docs)
    print(f"input: {len(data)} documents, {articles} articles, {words} words (ours: {len(ours.pipe_names)} pipes)")
    print(f"bare nlp.pipe:          {words / t_bare:8.0f} words/s  ({t_bare:.2f} s)")
    print(f"whole pipeline (ours):  {words / t_ours:8.0f} words/s  ({t_ours:.2f} s)")
    print(f"ratio ours / bare:      {t_bare / t_ours:8.2f}x  (goal >= 0.8x)")
    print(f"stages:                 {stages}")
    print(f"event coder:            {n_events} events, {n_events / t_events:.0f} events/s, "
          f"{t_events / t_ours:.1%} of pipeline time")  # fmt: skip
    print(f"store writes:           {t_store:8.2f} s  ({articles / t_store:.0f} articles/s)")
    print(f"peak memory (RSS):      {peak_mb:8.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
