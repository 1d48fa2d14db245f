"""Running the pipeline on a Dask cluster, and loading or querying what it wrote.

``run_dask`` cuts the inputs into partitions and runs each as one Dask task with the local
pipeline's own functions, into Parquet shard folders; ``load_shards`` writes them into a
SQLite store; ``open_shards`` queries the folders in place with DuckDB.
"""

from __future__ import annotations

from .engine import DaskSummary, run_dask, run_partition
from .load import load_shards

__all__ = ["DaskSummary", "load_shards", "open_shards", "run_dask", "run_partition"]


def __getattr__(name: str):
    if name == "open_shards":
        from .duck import open_shards

        return open_shards
    raise AttributeError(name)
