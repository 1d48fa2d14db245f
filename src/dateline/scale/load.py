"""Shards of a Dask run into the SQLite store, in the order a local run would have written.

Partitions are read in the manifest's order and each one's items in their own order, and
every item goes through ``pipeline.record_item``, the local run's own writer: the actor
registry links across shards and near-duplicate clusters form across them exactly as in
one process, and a document already stored is skipped, so loading twice adds nothing.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ..codec import document_from_json
from ..errors import DatelineError, ErrorCode
from ..ingest.warc import Skipped
from ..model import RawDocument
from ..options import RunOptions
from .partitions import read_manifest
from .shards import read_items

log = logging.getLogger(__name__)


def load_shards(out: str | Path, db, options: RunOptions | None = None):
    """Load every finished (or failed) partition under ``out`` into ``db``; a partition not
    run yet is a warning, and counted in the summary's ``missing``."""
    from ..record import RunSummary, record_item
    from ..store import Store

    options = options or RunOptions()
    out = Path(out)
    partitions = read_manifest(out)
    store = db if isinstance(db, Store) else Store(db, dedup_threshold=options.dedup_threshold)
    summary = RunSummary()
    try:
        for partition in partitions:
            folder = out / partition.name
            if not folder.is_dir():
                folder = out / (partition.name + ".failed")
            if not folder.is_dir():
                log.warning("partition %s has not been run: run the same inputs again to finish", partition.name)
                summary.missing.append(partition.name)
                continue
            for row in read_items(folder):
                record_item(store, summary, *_item(row))
    finally:
        if not isinstance(db, Store):
            store.close()
    return summary


def _item(row: dict):
    kind = row["kind"]
    if kind == "document":
        doc = document_from_json(row["document"])
        return doc.raw, doc
    if kind == "skipped":
        return Skipped(row["source"], row["detail"] or ""), None
    raw = RawDocument(row["source"], b"", row["content_hash"] or "")
    if kind == "repeat":
        return raw, None
    error = DatelineError(ErrorCode(row["code"]), row["source"], row["detail"] or "")
    if row["stage"] in ("read", "partition"):
        return error, None
    return raw, error
