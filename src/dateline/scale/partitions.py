"""Inputs cut into partitions: runs of consecutive files, in the order a local run reads them.

A partition is named by its position and a key over its files (path, size, modification
time) and the options that change what is read, so a re-run finds the partitions already
done, and an input that changed is processed again. An archive or any file larger than
the partition size is a partition of its own; a path that cannot be expanded (missing,
unreadable) is a partition holding just that error, so it keeps its place in the order.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from .. import __version__
from ..errors import DatelineError, ErrorCode
from ..ingest.sources import expand_paths
from ..options import RunOptions

PARTITION_BYTES = 8 * 1024 * 1024
PARTITION_FILES = 16
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Partition:
    index: int
    files: tuple[str, ...]
    key: str
    error: tuple[str, str, str] | None = None  # (code, source, detail) of a path that could not be expanded

    @property
    def name(self) -> str:
        return f"part-{self.index:06d}-{self.key[:16]}"


def plan(inputs: list[str], options: RunOptions, size: int = PARTITION_BYTES,
         files: int = PARTITION_FILES) -> list[Partition]:  # fmt: skip
    """The partitions of ``inputs``, in reading order."""
    partitions: list[Partition] = []
    group: list[tuple[str, int, int]] = []
    group_bytes = 0

    def close() -> None:
        nonlocal group, group_bytes
        if group:
            partitions.append(_partition(len(partitions), group, options))
        group, group_bytes = [], 0

    for item in expand_paths(inputs):
        if isinstance(item, DatelineError):
            close()
            key = _digest([item.code.value, item.source, item.detail])
            partitions.append(Partition(len(partitions), (), key, (item.code.value, item.source, item.detail)))
            continue
        if item == "-":
            raise DatelineError(ErrorCode.E009_BAD_OPTION, "paths", "standard input cannot be partitioned")
        try:
            stat = os.stat(item)
            length, mtime = stat.st_size, stat.st_mtime_ns
        except OSError:  # the reader will say what is wrong with it
            length, mtime = 0, 0
        if group and (group_bytes + length > size or len(group) >= files):
            close()
        group.append((item, length, mtime))
        group_bytes += length
        if length >= size:
            close()
    close()
    return partitions


def _partition(index: int, group: list[tuple[str, int, int]], options: RunOptions) -> Partition:
    reading = {"max_bytes": options.max_bytes, "max_seconds": options.max_seconds,
               "crawl_time": options.crawl_time.isoformat() if options.crawl_time else None}  # fmt: skip
    key = _digest([__version__, reading, [list(entry) for entry in group]])
    return Partition(index, tuple(path for path, _, _ in group), key)


def _digest(value) -> str:
    return hashlib.sha1(json.dumps(value, sort_keys=True).encode("utf-8")).hexdigest()


def write_manifest(out: Path, partitions: list[Partition]) -> None:
    """The run's partitions in order, for ``dateline load`` (written atomically)."""
    out.mkdir(parents=True, exist_ok=True)
    temporary = out / f".{MANIFEST}.{os.getpid()}"
    temporary.write_text(json.dumps([asdict(p) for p in partitions], indent=1), encoding="utf-8")
    os.replace(temporary, out / MANIFEST)


def read_manifest(out: Path) -> list[Partition]:
    path = out / MANIFEST
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DatelineError(ErrorCode.E009_BAD_OPTION, str(out), f"no {MANIFEST}: not a Dask run's output") from exc
    return [
        Partition(row["index"], tuple(row["files"]), row["key"], tuple(row["error"]) if row["error"] else None)
        for row in rows
    ]
