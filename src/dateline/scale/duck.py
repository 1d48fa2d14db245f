"""A Dask run's shard folders queried in place with DuckDB, for corpora too large for SQLite.

Each table (``articles``, ``actors``, ``mentions``, ``quotes``, ``events``, ``errors``) is a
view over every partition's Parquet file of that name; ``sql`` runs any DuckDB query over
them. Actors here are per article (the registry that links them across articles is built
by ``dateline load``).

    >>> shards = open_shards("out/")
    >>> shards.events(source="RUS", root="04", limit=5)
    >>> shards.sql("SELECT root, count(*) FROM events GROUP BY root ORDER BY 2 DESC")
"""

from __future__ import annotations

from pathlib import Path

from ..errors import DatelineError, ErrorCode
from .partitions import MANIFEST
from .shards import SCHEMAS

TABLES = [name for name in SCHEMAS if name != "items"]


class Shards:
    def __init__(self, folder: str | Path) -> None:
        try:
            import duckdb
        except ImportError as exc:
            raise DatelineError(ErrorCode.E009_BAD_OPTION, "shards", "pip install 'dateline[dask]' (duckdb)") from exc
        self.folder = Path(folder)
        if not (self.folder / MANIFEST).is_file():
            raise DatelineError(ErrorCode.E009_BAD_OPTION, str(folder), f"no {MANIFEST}: not a Dask run's output")
        self.conn = duckdb.connect()
        for name in TABLES:
            files = sorted(str(p) for p in self.folder.glob(f"part-*/{name}.parquet"))
            if files:
                listed = ", ".join("'" + f.replace("'", "''") + "'" for f in files)  # DDL takes no parameters
                self.conn.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet([{listed}], union_by_name = true)")
            else:  # no partition written yet: an empty table of the right columns
                columns = ", ".join(f'NULL::{_duck_type(f.type)} AS "{f.name}"' for f in SCHEMAS[name])
                self.conn.execute(f"CREATE VIEW {name} AS SELECT {columns} LIMIT 0")

    def sql(self, query: str, params: list | None = None) -> list[dict]:
        cursor = self.conn.execute(query, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def counts(self) -> dict[str, int]:
        return {name: self.sql(f"SELECT count(*) AS n FROM {name}")[0]["n"] for name in TABLES}

    def events(self, source: str | None = None, target: str | None = None, code: str | None = None,
               root: str | None = None, listed_only: bool = True, limit: int = 100) -> list[dict]:  # fmt: skip
        """Events, by actor code prefix ("RUS", "USAGOV"), CAMEO code prefix or root."""
        where, params = ["TRUE"], []
        for column, value in (("source_code", source), ("target_code", target), ("code", code)):
            if value:
                where.append(f"starts_with({column}, ?)")
                params.append(value.upper())
        if root:
            where.append("root = ?")
            params.append(root.zfill(2))
        if listed_only:
            where.append("listed")
        return self.sql(f"SELECT * FROM events WHERE {' AND '.join(where)} ORDER BY date, content_hash, ordinal, "
                        f"event LIMIT {int(limit)}", params)  # fmt: skip

    def quotes(self, speaker: str | None = None, limit: int = 100, listed_only: bool = True) -> list[dict]:
        """Quotes, by words of the speaker's name (case-insensitive)."""
        where, params = "listed" if listed_only else "TRUE", []
        if speaker:
            where, params = f"{where} AND speaker_name ILIKE ?", [f"%{speaker}%"]
        return self.sql(f"SELECT * FROM quotes WHERE {where} ORDER BY content_hash, ordinal, quote LIMIT {int(limit)}",
                        params)  # fmt: skip

    def close(self) -> None:
        self.conn.close()


def open_shards(folder: str | Path) -> Shards:
    return Shards(folder)


def _duck_type(arrow_type) -> str:
    import pyarrow as pa

    if pa.types.is_list(arrow_type):
        return "VARCHAR[]"
    return {"string": "VARCHAR", "int64": "BIGINT", "double": "DOUBLE", "bool": "BOOLEAN"}[str(arrow_type)]
