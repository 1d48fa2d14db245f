"""The SQLite store: one file, WAL mode, one writer, one transaction per document.

Re-running the same input adds nothing: a document is keyed by the hash of its bytes,
and errors by (source, hash, code). A crash mid-run loses at most the document whose
transaction was open; the next run skips what was committed and goes on.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from ..errors import DatelineError
from ..model import Article, Document, Span
from .migrations import migrate


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _spans(spans: list[Span]) -> str:
    return json.dumps([s.to_dict() for s in spans], ensure_ascii=False)


class Store:
    """A dateline database file. Use as a context manager or call ``close()``."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: we open and close transactions ourselves, explicitly.
        self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA busy_timeout=10000")
        migrate(self.conn)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writes ---------------------------------------------------------------------

    def has_document(self, content_hash: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM documents WHERE content_hash = ?", (content_hash,)).fetchone()
        return row is not None

    def write_document(self, doc: Document, pipeline_version: str) -> int | None:
        """Store a document and its articles atomically; None if it was already stored."""
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            cursor = conn.execute(
                """INSERT OR IGNORE INTO documents
                   (source, content_hash, crawl_time, media_type, encoding, repaired, byte_size, text, flags,
                    pipeline_version, ingested_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    doc.source,
                    doc.content_hash,
                    doc.raw.crawl_time.isoformat() if doc.raw.crawl_time else None,
                    doc.raw.media_type,
                    doc.encoding,
                    int(doc.repaired),
                    len(doc.raw.data),
                    doc.text,
                    json.dumps([f.to_dict() for f in doc.flags], ensure_ascii=False),
                    pipeline_version,
                    _now(),
                ),
            )
            if cursor.rowcount == 0:
                conn.execute("ROLLBACK")
                return None
            document_id = cursor.lastrowid
            for article in doc.articles:
                self._write_article(document_id, article, pipeline_version)
            conn.execute("COMMIT")
            return document_id
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _write_article(self, document_id: int, article: Article, pipeline_version: str) -> None:
        headline = article.headline
        published, updated = article.published, article.updated
        cursor = self.conn.execute(
            """INSERT INTO articles
               (document_id, ordinal, start, end, headline, headline_start, headline_end, published, published_raw,
                updated, updated_raw, dateline_places, agency, summary, captions, subheads, flags, body,
                pipeline_version)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                document_id,
                article.ordinal,
                article.start,
                article.end,
                headline.text if headline else None,
                headline.start if headline else None,
                headline.end if headline else None,
                published.value if published else None,
                published.raw if published else None,
                updated.value if updated else None,
                updated.raw if updated else None,
                json.dumps(article.dateline_places, ensure_ascii=False),
                article.agency,
                _spans(article.summary),
                _spans(article.captions),
                _spans(article.subheads),
                json.dumps([f.to_dict() for f in article.flags], ensure_ascii=False),
                article.body,
                pipeline_version,
            ),
        )
        article_id = cursor.lastrowid
        self.conn.executemany(
            "INSERT INTO paragraphs (article_id, ordinal, kind, text, start, end) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (article_id, i, "subhead" if kind == "h" else "paragraph", span.text, span.start, span.end)
                for i, (kind, span) in enumerate(article.blocks)
            ],
        )

    def record_error(self, error: DatelineError, stage: str, content_hash: str = "") -> None:
        """Record a failed input; the same failure recorded twice stays one row."""
        self.conn.execute(
            """INSERT OR IGNORE INTO errors (source, content_hash, code, cause, stage, created_at)
               VALUES (?, ?, ?, ?, ?, ?)""",
            (error.source, content_hash, error.code.value, error.cause, stage, _now()),
        )

    # -- reads ----------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        tables = ("documents", "articles", "paragraphs", "errors")
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def articles(self, limit: int | None = None, search: str | None = None) -> list[dict]:
        """Articles as plain records, in input order; ``search`` is an FTS5 query."""
        sql = "SELECT a.*, d.source FROM articles a JOIN documents d ON d.id = a.document_id"
        params: list = []
        if search:
            sql += " WHERE a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
            params.append(search)
        sql += " ORDER BY a.document_id, a.ordinal"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        rows = self.conn.execute(sql, params).fetchall()
        return [self._article_record(row) for row in rows]

    def article(self, article_id: int) -> dict | None:
        row = self.conn.execute(
            "SELECT a.*, d.source FROM articles a JOIN documents d ON d.id = a.document_id WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        return self._article_record(row) if row else None

    def errors(self) -> list[dict]:
        return [dict(row) for row in self.conn.execute("SELECT * FROM errors ORDER BY id")]

    def _article_record(self, row: sqlite3.Row) -> dict:
        paragraphs = self.conn.execute(
            "SELECT kind, text, start, end FROM paragraphs WHERE article_id = ? ORDER BY ordinal", (row["id"],)
        ).fetchall()
        return {
            "id": row["id"],
            "source": row["source"],
            "document_id": row["document_id"],
            "ordinal": row["ordinal"],
            "start": row["start"],
            "end": row["end"],
            "headline": row["headline"],
            "headline_start": row["headline_start"],
            "headline_end": row["headline_end"],
            "published": row["published"],
            "published_raw": row["published_raw"],
            "updated": row["updated"],
            "updated_raw": row["updated_raw"],
            "dateline_places": json.loads(row["dateline_places"]),
            "agency": row["agency"],
            "summary": json.loads(row["summary"]),
            "captions": json.loads(row["captions"]),
            "subheads": json.loads(row["subheads"]),
            "paragraphs": [
                {"text": p["text"], "start": p["start"], "end": p["end"]}
                for p in paragraphs
                if p["kind"] == "paragraph"
            ],
            "flags": json.loads(row["flags"]),
            "pipeline_version": row["pipeline_version"],
        }
