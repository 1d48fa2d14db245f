"""What a run costs as the store grows, and what an article costs on disk.

1. Real documents: the first ``--docs`` hand-cleaned bodies of ../shared/eval/news2023 go
   through the pipeline once (one-article JSON Lines files, as a user's folder would be).
2. A large store: those documents written again and again through ``Store.write_document``
   until it holds ``--articles`` articles. Each copy gets its own content hash, a random
   MinHash (so it is not everyone's near-duplicate) and its own actors: a person
   "First Last" becomes "First<k> Last" (so thousands share a surname, the registry's
   hardest case), other actors get a suffix. The registry grows as it would on new news.
3. The cost of one more document, in the same process, interleaved: the CPU time of
   ``write_document`` into an empty store and into the large one (median of ``--runs``),
   and the CPU time of a whole ``dateline run`` of one file in a fresh process into a copy
   of each (start-up included, as a user pays it). Goal: large within 10% of empty.
4. Bytes per article: a store of the real documents alone, vacuumed, with each table's
   share (SQLite's dbstat).

    python bench/store_cost.py [--shared ../shared] [--docs 60] [--articles 10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import copy
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_support import add_shared_option, eval_folder, one_article_files


def documents(folder: Path, inputs: Path, count: int) -> list:
    from dateline.ingest.sources import read_inputs
    from dateline.options import RunOptions
    from dateline.pipeline import Pipeline, process_batch

    one_article_files(folder, inputs, count)
    raws = list(read_inputs([str(inputs)], RunOptions()))
    return [doc for doc in process_batch(raws, Pipeline(), 0) if hasattr(doc, "articles")]


def variant(doc, k: int, rng: random.Random):
    """Copy ``k`` of a processed document: new hash, new fingerprint, its own actors."""
    from dateline.model import RawDocument

    new = copy.deepcopy(doc)
    raw = doc.raw
    new.raw = RawDocument(f"{raw.source}#{k}", raw.data, f"{raw.content_hash}-{k}", raw.crawl_time, raw.media_type)
    for article in new.articles:
        if article.minhash is not None:
            article.minhash = [rng.getrandbits(32) for _ in article.minhash]
        for actor in article.actors:
            if actor.kind == "country":
                continue
            parts = actor.name.split()
            if actor.kind == "person" and len(parts) > 1:
                actor.name = " ".join([parts[0] + str(k), *parts[1:]])
            else:
                actor.name = f"{actor.name} {k}"
    return new


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def write_cost(path: Path, doc) -> float:
    from dateline.store import Store

    with Store(path) as store:
        started = cpu()
        store.write_document(doc, "bench")
        return cpu() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_shared_option(parser)
    parser.add_argument("--docs", type=int, default=60)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = eval_folder(args.shared, "news2023")
    if folder is None:
        return 2
    from dateline.store import Store

    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        docs = documents(folder, tmp / "inputs", args.docs)
        print(f"{len(docs)} real documents processed")

        real = tmp / "real.db"
        with Store(real) as store:
            for doc in docs:
                store.write_document(doc, "bench")
        sizes(real)

        empty, large = tmp / "empty.db", tmp / "large.db"
        Store(empty).close()
        started = time.perf_counter()
        with Store(large) as store:
            k = 0
            while store.counts()["articles"] < args.articles:
                k += 1
                for doc in docs:
                    store.write_document(variant(doc, k, rng), "bench")
            counts = store.counts()
        actors = sqlite3.connect(large).execute("SELECT count(*) FROM actors").fetchone()[0]
        print(f"large store: {counts['articles']:,} articles, {actors:,} registry actors, "
              f"{large.stat().st_size / 1e6:.0f} MB, built in {time.perf_counter() - started:.0f} s")  # fmt: skip

        probe = docs[len(docs) // 2]
        writes: dict[str, list[float]] = {"empty": [], "large": []}
        runs: dict[str, list[float]] = {"empty": [], "large": []}
        one = tmp / "one"
        one.mkdir()
        shutil.copy(sorted((tmp / "inputs").iterdir())[len(docs) // 2], one)
        for n in range(args.runs):
            for name, base in (("empty", empty), ("large", large)):
                target = tmp / f"{name}-{n}.db"
                shutil.copy(base, target)
                writes[name].append(write_cost(target, variant(probe, 10_000 + n, rng)))
                shutil.copy(base, target)
                before = child_cpu()
                subprocess.run([sys.executable, "-m", "dateline.cli", "run", str(one), "--db", str(target),
                                "--no-progress", "--workers", "1"], check=True, capture_output=True)  # fmt: skip
                runs[name].append(child_cpu() - before)
                target.unlink()
        for label, table in (("write_document CPU", writes), ("whole `dateline run` of one file, CPU", runs)):
            a, b = statistics.median(table["empty"]), statistics.median(table["large"])
            print(f"{label}: empty store {a * 1000:8.1f} ms, {counts['articles']:,}-article store "
                  f"{b * 1000:8.1f} ms ({b / a:.2f}x)")  # fmt: skip
    return 0


def sizes(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("VACUUM")
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    total = path.stat().st_size
    print(f"real store: {articles} articles, {total / articles / 1024:.1f} KB per article after VACUUM")
    try:
        rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
    except sqlite3.OperationalError:
        return  # this SQLite has no dbstat
    print("  " + ", ".join(f"{name} {size / articles / 1024:.1f}" for name, size in rows[:12]) + " (KB per article)")
    conn.close()


if __name__ == "__main__":
    raise SystemExit(main())
