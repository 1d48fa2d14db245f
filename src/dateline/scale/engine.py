"""The same pipeline on Dask: one task per partition, Parquet shards out, one writer to load.

Each task runs the very functions of a local run (``read_inputs``, then
``pipeline.process_batch`` over batches of documents) in a Dask worker process, which loads
spaCy once and keeps it for every later task. A partition already written is skipped; a
task that fails is retried, and a partition that keeps failing becomes an E014 error shard
(``<name>.failed``) without stopping the others: the next run tries it again.

Point it at any Dask cluster with ``scheduler="tcp://host:8786"`` (every worker needs
dateline installed and the inputs and output folder on a shared path), or let it start a
``LocalCluster`` of ``workers`` processes on this machine.
"""

from __future__ import annotations

import logging
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DatelineError, ErrorCode
from ..options import RunOptions
from .partitions import PARTITION_FILES, Partition, plan, write_manifest
from .shards import ShardWriter, remove_temporaries

log = logging.getLogger(__name__)
RETRIES = 2  # a failed task is tried this many more times before its partition is an E014 shard


@dataclass
class DaskSummary:
    partitions: int = 0
    done_before: int = 0  # already written by an earlier run: skipped
    written: int = 0
    failed: list[str] = field(default_factory=list)  # partition names
    documents: int = 0
    articles: int = 0
    errors: int = 0
    dashboard: str | None = None

    def describe(self) -> str:
        failed = f", {len(self.failed)} failed (E014; run again to retry)" if self.failed else ""
        return (
            f"{self.partitions} partition(s): {self.written} written, {self.done_before} done before{failed}; "
            f"{self.documents} document(s) with {self.articles} article(s), {self.errors} error(s) in this run"
        )


def run_partition(partition: Partition, out: str, options: RunOptions, own_process: bool = False) -> dict:
    """One partition through the local pipeline's functions into its shard folder."""
    folder = Path(out) / partition.name
    if folder.is_dir():
        return {"name": partition.name, "before": True}
    if own_process:
        from ..runtime import keep_torch_out

        keep_torch_out()
    from ..ingest.sources import read_inputs
    from ..model import RawDocument
    from ..nlp.pipeline import load_nlp
    from ..pipeline import PARSE_BATCH, Pipeline, process_batch

    writer = ShardWriter()
    if partition.error is not None:
        code, source, detail = partition.error
        writer.error(DatelineError(ErrorCode(code), source, detail), stage="read")
    else:
        load_nlp()  # once per worker process, before any document's time budget starts
        pipeline, seen, batch = Pipeline(), set(), []

        def flush() -> None:
            for raw, result in zip(batch, process_batch(batch, pipeline, options.max_seconds), strict=True):
                writer.add(raw, result)
            batch.clear()

        for item in read_inputs(list(partition.files), options):
            if isinstance(item, RawDocument) and item.content_hash not in seen:
                seen.add(item.content_hash)
                batch.append(item)
                if len(batch) == PARSE_BATCH:
                    flush()
            else:  # in input order: the documents before it first
                flush()
                writer.add(item, None)
        flush()
    written = writer.commit(folder)
    failed = folder.with_name(folder.name + ".failed")
    if failed.exists():  # an earlier run's failure, now done
        shutil.rmtree(failed, ignore_errors=True)
    return {"name": partition.name, "before": not written, **writer.counts()}


def run_dask(inputs: list[str], out: str | Path, options: RunOptions | None = None, scheduler: str | None = None,
             workers: int = 2, progress: bool = True,
             partition_files: int = PARTITION_FILES) -> DaskSummary:  # fmt: skip
    """Process ``inputs`` on a Dask cluster into shard folders under ``out`` (at most
    ``partition_files`` files, or 8 MB, a partition)."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise DatelineError(
            ErrorCode.E009_BAD_OPTION, "--engine", "dask is not installed: pip install 'dateline[dask]'"
        ) from exc
    options = options or RunOptions()
    out = Path(out)
    partitions = plan(inputs, options, files=partition_files)
    write_manifest(out, partitions)
    summary = DaskSummary(partitions=len(partitions))
    todo = [p for p in partitions if not (out / p.name).is_dir()]
    summary.done_before = len(partitions) - len(todo)
    if not todo:
        return summary
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        summary.dashboard = client.dashboard_link
        print(f"Dask dashboard: {summary.dashboard}", file=sys.stderr)
        futures = client.map(run_partition, todo, out=str(out), options=options, own_process=cluster is not None,
                             retries=RETRIES, pure=False, key=[f"dateline-{p.name}" for p in todo])  # fmt: skip
        by_key = {future.key: partition for future, partition in zip(futures, todo, strict=True)}
        bar = _bar(len(todo), progress)
        for future in as_completed(futures):
            partition = by_key[future.key]
            try:
                result = future.result()
            except Exception as exc:  # retried and still failing, or its workers kept dying
                log.warning("partition %s failed: %s: %s", partition.name, type(exc).__name__, exc)
                _write_failed(out, partition, f"{type(exc).__name__}: {exc}")
                summary.failed.append(partition.name)
            else:
                if result["before"]:
                    summary.done_before += 1
                else:
                    summary.written += 1
                    summary.documents += result["documents"]
                    summary.articles += result["articles"]
                    summary.errors += result["errors"]
            bar.update(1)
        bar.close()
        # every task has ended: a temporary folder left now is a killed worker's, never a result
        remove_temporaries(out)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return summary


def _write_failed(out: Path, partition: Partition, cause: str) -> None:
    """Every input of a partition that kept failing, as an E014 error row."""
    writer = ShardWriter()
    for source in partition.files or (partition.error[1],):
        writer.error(DatelineError(ErrorCode.E014_PARTITION_FAILED, source, cause[:500]), stage="partition")
    folder = out / (partition.name + ".failed")
    if folder.exists():
        shutil.rmtree(folder, ignore_errors=True)
    writer.commit(folder)


def _bar(total: int, progress: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="partition", disable=not progress, file=sys.stderr)
