"""Near-duplicate clusters: one LSH index over every stored article's MinHash.

A new article joins the cluster of the earliest similar article already stored (or
written earlier in the same document), else starts its own cluster named by its own
id. Clusters never change once assigned, so re-running keeps them stable. The index
lives in memory, rebuilt from the ``article_minhash`` table when a store is opened;
signatures enter it only once their document's transaction has committed.
"""

from __future__ import annotations

import sqlite3

from datasketch import MinHashLSH

from ..extract.fingerprint import NUM_PERM, as_minhash, to_blob


class ClusterIndex:
    def __init__(self, conn: sqlite3.Connection, threshold: float) -> None:
        self.conn = conn
        self.threshold = threshold
        self._lsh: MinHashLSH | None = None
        self._pending: list[tuple[int, object]] = []  # written in the open transaction

    def _index(self) -> MinHashLSH:
        if self._lsh is None:
            self._lsh = MinHashLSH(threshold=self.threshold, num_perm=NUM_PERM)
            for article_id, blob in self.conn.execute("SELECT article_id, hashvalues FROM article_minhash"):
                self._lsh.insert(str(article_id), as_minhash(blob))
        return self._lsh

    def assign(self, article_id: int, values: list[int] | None) -> int:
        """The cluster id of a newly written article (inside the caller's transaction)."""
        if values is None:
            return article_id
        minhash = as_minhash(values)
        similar = [int(key) for key in self._index().query(minhash)]
        similar += [pid for pid, other in self._pending if minhash.jaccard(other) >= self.threshold]
        cluster = article_id
        if similar:
            rows = self.conn.execute(
                f"SELECT min(cluster_id) FROM articles WHERE id IN ({','.join('?' * len(similar))})", similar
            ).fetchone()
            cluster = rows[0] if rows and rows[0] is not None else article_id
        self.conn.execute(
            "INSERT INTO article_minhash (article_id, hashvalues) VALUES (?, ?)", (article_id, to_blob(values))
        )
        self._pending.append((article_id, minhash))
        return cluster

    def commit(self) -> None:
        index = self._index()
        for article_id, minhash in self._pending:
            index.insert(str(article_id), minhash)
        self._pending.clear()

    def rollback(self) -> None:
        self._pending.clear()
