"""Near-duplicate clusters, from an LSH index kept in the store itself.

A new article joins the cluster of the earliest similar article already stored (or
written earlier in the same document), else starts its own cluster named by its own
id. Clusters never change once assigned, so re-running keeps them stable.

The index is the ``article_bands`` table: each fingerprinted article's MinHash cut into
``b`` bands of ``r`` values (datasketch's optimal banding for the threshold), each band
hashed; two articles are candidates when any band hash is equal, as in datasketch's
MinHashLSH. It is queried inside the writer's transaction, so whatever process commits an
article, every later writer sees it: clusters do not depend on how many writers ran, and
opening a store costs nothing however large it is.
"""

from __future__ import annotations

import hashlib
import sqlite3
from functools import cache

import numpy as np

from ..signature import NUM_PERM, to_blob


class ClusterIndex:
    def __init__(self, conn: sqlite3.Connection, threshold: float) -> None:
        self.conn = conn
        self.threshold = threshold
        self._backfilled = False

    @property
    def bands(self) -> int:
        return banding(self.threshold, NUM_PERM)[0]

    @property
    def rows(self) -> int:  # computed on first write: reading a store never imports datasketch (and scipy)
        return banding(self.threshold, NUM_PERM)[1]

    def assign(self, article_id: int, values: list[int] | None) -> int:
        """The cluster id of a newly written article (inside the caller's transaction)."""
        if values is None:
            return article_id
        self._backfill()
        hashes = band_hashes(values, self.bands, self.rows)
        # One index seek per band (an OR of the bands would scan the threshold's every row).
        lookup = "SELECT article_id FROM article_bands WHERE threshold = ? AND band = ? AND hash = ?"
        similar = [row[0] for row in self.conn.execute(
            " UNION ".join([lookup] * len(hashes)),
            [v for band, value in enumerate(hashes) for v in (self.threshold, band, value)],
        )]  # fmt: skip
        cluster = article_id
        if similar:
            row = self.conn.execute(
                f"SELECT min(cluster_id) FROM articles WHERE id IN ({','.join('?' * len(similar))})", similar
            ).fetchone()
            cluster = row[0] if row and row[0] is not None else article_id
        self.conn.execute(
            "INSERT INTO article_minhash (article_id, hashvalues) VALUES (?, ?)", (article_id, to_blob(values))
        )
        self._insert_bands(article_id, hashes)
        return cluster

    def _insert_bands(self, article_id: int, hashes: list[int]) -> None:
        self.conn.executemany(
            "INSERT INTO article_bands (article_id, threshold, band, hash) VALUES (?, ?, ?, ?)",
            [(article_id, self.threshold, band, value) for band, value in enumerate(hashes)],
        )

    def _backfill(self) -> None:
        """Band hashes for fingerprints stored before this threshold was first used (or before
        the bands were kept), computed once, inside the caller's transaction."""
        if self._backfilled:
            return
        self._backfilled = True
        # Every article written under a threshold gets its bands, and a backfill gives them
        # to all before it: so when the newest fingerprint has bands, all have (no scan).
        newest = self.conn.execute(
            """SELECT EXISTS (SELECT 1 FROM article_bands WHERE threshold = ? AND article_id =
                              (SELECT max(article_id) FROM article_minhash))""",
            (self.threshold,),
        ).fetchone()[0]
        if newest or self.conn.execute("SELECT NOT EXISTS (SELECT 1 FROM article_minhash)").fetchone()[0]:
            return
        missing = self.conn.execute(
            """SELECT m.article_id, m.hashvalues FROM article_minhash m WHERE NOT EXISTS
               (SELECT 1 FROM article_bands b WHERE b.article_id = m.article_id AND b.threshold = ?)""",
            (self.threshold,),
        ).fetchall()
        for article_id, blob in missing:
            self._insert_bands(article_id, band_hashes(np.frombuffer(blob, dtype=np.uint64), self.bands, self.rows))

    def rollback(self) -> None:
        self._backfilled = False  # a backfill inside a rolled-back transaction is undone too


def band_hashes(values, bands: int, rows: int) -> list[int]:
    """One signed 64-bit hash per band of the MinHash values."""
    array = np.asarray(values, dtype=np.uint64)
    return [
        int.from_bytes(hashlib.blake2b(array[i * rows : (i + 1) * rows].tobytes(), digest_size=8).digest(), "big",
                       signed=True)
        for i in range(bands)
    ]  # fmt: skip


@cache
def banding(threshold: float, num_perm: int) -> tuple[int, int]:
    """datasketch's optimal (bands, rows) for a Jaccard threshold: the split that minimises
    the equally weighted false positive and false negative probabilities."""
    from datasketch.lsh import _optimal_param

    return _optimal_param(threshold, num_perm, 0.5, 0.5)
