"""The whole SQLite schema, as named migrations applied in order, each in a transaction.

A migration's name is recorded in ``migrations`` once applied, so opening an older
database brings it up to date and opening a current one changes nothing.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_documents_articles_errors",
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            content_hash TEXT NOT NULL UNIQUE,
            crawl_time TEXT,
            media_type TEXT NOT NULL,
            encoding TEXT,
            repaired INTEGER NOT NULL,
            byte_size INTEGER NOT NULL,
            text TEXT NOT NULL,
            flags TEXT NOT NULL,            -- JSON list of unrecoverable characters
            pipeline_version TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            headline TEXT,
            headline_start INTEGER,
            headline_end INTEGER,
            published TEXT,
            published_raw TEXT,
            updated TEXT,
            updated_raw TEXT,
            dateline_places TEXT NOT NULL,  -- JSON list of names
            agency TEXT,
            summary TEXT NOT NULL,          -- JSON list of spans
            captions TEXT NOT NULL,         -- JSON list of spans
            subheads TEXT NOT NULL,         -- JSON list of spans
            flags TEXT NOT NULL,            -- JSON list of flags
            body TEXT NOT NULL,
            pipeline_version TEXT NOT NULL,
            UNIQUE (document_id, ordinal)
        );
        CREATE TABLE paragraphs (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('paragraph', 'subhead')),
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            UNIQUE (article_id, ordinal)
        );
        CREATE TABLE errors (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            content_hash TEXT NOT NULL DEFAULT '',
            code TEXT NOT NULL,
            cause TEXT NOT NULL,
            stage TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (source, content_hash, code)
        );
        CREATE INDEX articles_document ON articles(document_id);
        CREATE INDEX paragraphs_article ON paragraphs(article_id);
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            headline, body, content='articles', content_rowid='id', tokenize='unicode61'
        );
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, headline, body) VALUES (new.id, new.headline, new.body);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, headline, body)
            VALUES ('delete', old.id, old.headline, old.body);
        END;
        """,
    ),
]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply pending migrations; return the names applied now."""
    conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    done = {row[0] for row in conn.execute("SELECT name FROM migrations")}
    applied = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        # executescript would commit on its own; run statements inside one explicit
        # transaction so a failed migration leaves nothing half-applied.
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO migrations(name, applied_at) VALUES (?, ?)",
                (name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            conn.execute("COMMIT")
        except Exception:
            conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied


def _statements(sql: str) -> list[str]:
    """Split a script into statements, keeping trigger bodies (BEGIN ... END;) whole."""
    statements, current = [], ""
    for line in sql.splitlines():
        current += line + "\n"
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM migrations").fetchone()[0]
