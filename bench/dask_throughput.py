"""Words per second of the Dask engine with 1 and 2 workers, and each worker's peak memory.

The inputs are one-article files (the hand-cleaned bodies of ../shared/eval/news2023), as
in ``workers_throughput.py``. For each worker count a real ``LocalCluster`` is started and
its workers load spaCy before the clock starts (what a long run amortises); the time is
then that of ``run_dask`` into an empty shard folder. Peak memory is each worker process's
maximum resident set size, read in the worker after the run. The same run prints the
words/s of bare ``nlp.pipe(batch_size=32)`` in this process for scale.

    python bench/dask_throughput.py [--shared ../shared] [--limit 280] [--partition-files 8]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from bench_support import add_shared_option, eval_folder, one_article_files


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def warm() -> None:
    from dateline.runtime import keep_torch_out

    keep_torch_out()  # as run_dask's own local cluster does
    from dateline.nlp.pipeline import load_nlp

    load_nlp()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_shared_option(parser)
    parser.add_argument("--limit", type=int, default=280)
    parser.add_argument("--partition-files", type=int, default=8)
    args = parser.parse_args()
    folder = eval_folder(args.shared, "news2023")
    if folder is None:
        return 2
    from dask.distributed import Client, LocalCluster

    from dateline.scale import run_dask

    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "articles"
        texts = one_article_files(folder, inputs, args.limit)
        words = sum(len(t.split()) for t in texts)
        print(f"{len(texts)} one-article files, {words:,} words, {args.partition_files} files a partition")
        seconds = {}
        for workers in (1, 2):
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")
            with cluster, Client(cluster) as client:
                client.run(warm)
                started = time.perf_counter()
                summary = run_dask([str(inputs)], Path(tmp) / f"out{workers}", scheduler=cluster.scheduler_address,
                                   progress=False, partition_files=args.partition_files)  # fmt: skip
                seconds[workers] = time.perf_counter() - started
                peaks = client.run(peak_mb)
            assert summary.written == summary.partitions and not summary.failed
            print(f"{workers} worker(s): {seconds[workers]:6.1f} s  {words / seconds[workers]:7,.0f} words/s  "
                  f"peak RSS per worker: {', '.join(f'{v:.0f} MB' for v in peaks.values())}")  # fmt: skip
        print(f"2 workers / 1 worker: {seconds[1] / seconds[2]:.2f}x")
        from dateline.runtime import keep_torch_out

        keep_torch_out()
        from dateline.nlp.pipeline import load_nlp

        nlp = load_nlp()
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        bare = time.perf_counter() - started
        print(f"bare nlp.pipe(batch_size=32) in this process: {bare:6.1f} s  {words / bare:7,.0f} words/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
