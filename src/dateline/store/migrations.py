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
    (
        "0002_actors_places_tone",
        """
        ALTER TABLE articles ADD COLUMN tone REAL;
        ALTER TABLE paragraphs ADD COLUMN tone REAL;
        CREATE TABLE actors (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,             -- canonical: the fullest name seen
            norm_name TEXT NOT NULL,        -- lower case, no accents or punctuation
            surname TEXT,                   -- normalised last name (people)
            kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'country')),
            country TEXT,
            agent_type TEXT,
            code TEXT,
            role TEXT,
            rank TEXT,
            aliases TEXT NOT NULL DEFAULT '[]',
            mention_count INTEGER NOT NULL DEFAULT 0,
            article_count INTEGER NOT NULL DEFAULT 0,
            first_seen TEXT,
            last_seen TEXT
        );
        CREATE INDEX actors_norm_name ON actors(norm_name);
        CREATE INDEX actors_surname ON actors(surname);
        CREATE INDEX actors_code ON actors(code);
        CREATE TABLE article_actors (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            actor_id INTEGER NOT NULL REFERENCES actors(id),
            ordinal INTEGER NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            country TEXT,
            country_source TEXT,
            agent_type TEXT,
            code TEXT,
            role TEXT,
            rank TEXT,
            UNIQUE (article_id, ordinal)
        );
        CREATE INDEX article_actors_actor ON article_actors(actor_id);
        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            article_actor_id INTEGER NOT NULL REFERENCES article_actors(id) ON DELETE CASCADE,
            actor_id INTEGER NOT NULL REFERENCES actors(id),
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL
        );
        CREATE INDEX mentions_actor ON mentions(actor_id);
        CREATE INDEX mentions_article ON mentions(article_id);
        CREATE TABLE places (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            start INTEGER,
            end INTEGER,
            source TEXT NOT NULL,
            geonameid INTEGER,
            resolved_name TEXT,
            feature TEXT,
            country TEXT,
            latitude REAL,
            longitude REAL,
            population INTEGER
        );
        CREATE INDEX places_article ON places(article_id);
        CREATE INDEX places_country ON places(country);
        """,
    ),
    (
        "0003_quotes",
        """
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed', 'partial')),
            content TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            paragraph INTEGER NOT NULL,     -- index of the body block
            cue TEXT,
            cue_lemma TEXT,
            cue_start INTEGER,
            cue_end INTEGER,
            speaker TEXT,                   -- the speaker phrase as written
            speaker_start INTEGER,
            speaker_end INTEGER,
            speaker_actor_id INTEGER REFERENCES actors(id),
            unnamed TEXT,                   -- source | person | group | object | other
            medium TEXT,
            tone REAL,
            flags TEXT NOT NULL DEFAULT '[]',
            UNIQUE (article_id, ordinal)
        );
        CREATE INDEX quotes_speaker ON quotes(speaker_actor_id);
        CREATE INDEX quotes_article ON quotes(article_id);
        """,
    ),
    (
        "0004_events",
        """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            code TEXT NOT NULL,
            root TEXT NOT NULL,
            quad_class INTEGER NOT NULL CHECK (quad_class BETWEEN 1 AND 4),
            goldstein REAL NOT NULL,
            source_text TEXT,
            source_code TEXT,
            source_actor_id INTEGER REFERENCES actors(id),
            source_start INTEGER,
            source_end INTEGER,
            target_text TEXT,
            target_code TEXT,
            target_actor_id INTEGER REFERENCES actors(id),
            target_start INTEGER,
            target_end INTEGER,
            sentence TEXT NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            cue TEXT NOT NULL,
            cue_start INTEGER NOT NULL,
            cue_end INTEGER NOT NULL,
            entry TEXT NOT NULL,            -- the lexicon entry (or rule) that produced it
            paragraph INTEGER,              -- body block; NULL for headline and summary
            date TEXT,
            date_source TEXT,
            place_name TEXT,
            place_geonameid INTEGER,
            place_country TEXT,
            latitude REAL,
            longitude REAL,
            mood TEXT NOT NULL,
            confidence REAL NOT NULL,
            tone REAL,
            mentions INTEGER NOT NULL DEFAULT 1,
            UNIQUE (article_id, ordinal)
        );
        CREATE INDEX events_code ON events(code);
        CREATE INDEX events_root ON events(root);
        CREATE INDEX events_date ON events(date);
        CREATE INDEX events_source ON events(source_actor_id);
        CREATE INDEX events_target ON events(target_actor_id);
        """,
    ),
    (
        "0005_near_duplicate_clusters",
        """
        ALTER TABLE articles ADD COLUMN cluster_id INTEGER;
        CREATE INDEX articles_cluster ON articles(cluster_id);
        CREATE TABLE article_minhash (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            hashvalues BLOB NOT NULL          -- 128 uint64 MinHash values of body word 3-shingles
        );
        """,
    ),
    (
        "0006_quote_parts",
        """
        -- A quote split around its attribution: JSON [[start, end], ...] of its quoted
        -- stretches in documents.text; '[]' when the content is one stretch.
        ALTER TABLE quotes ADD COLUMN parts TEXT NOT NULL DEFAULT '[]';
        """,
    ),
    (
        "0007_quote_speaker_refers",
        """
        -- A relative speaker is stored as written ("who", "which"); these hold the noun it
        -- stands for ("three members, who said …"), which names an unnamed speaker.
        ALTER TABLE quotes ADD COLUMN speaker_refers TEXT;
        ALTER TABLE quotes ADD COLUMN speaker_refers_start INTEGER;
        ALTER TABLE quotes ADD COLUMN speaker_refers_end INTEGER;
        """,
    ),
    (
        "0008_event_listed",
        """
        -- Events the text does not assert, or with no source we can code, are stored but not
        -- listed by default; unlisted_because says why (statement, no source, in a quote, ...).
        ALTER TABLE events ADD COLUMN listed INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE events ADD COLUMN unlisted_because TEXT;
        CREATE INDEX events_listed ON events(listed);
        """,
    ),
    (
        "0009_article_bands",
        """
        -- The near-duplicate LSH index, kept in the store (store/clusters.py): a MinHash's
        -- band hashes, per similarity threshold. Filled from article_minhash on first use.
        CREATE TABLE article_bands (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            threshold REAL NOT NULL,
            band INTEGER NOT NULL,
            hash INTEGER NOT NULL
        );
        CREATE INDEX article_bands_lookup ON article_bands(threshold, band, hash);
        CREATE INDEX article_bands_article ON article_bands(article_id);
        """,
    ),
    (
        "0010_event_lookups",
        """
        -- Code prefixes ("RUS", "USAGOV") as index ranges, and the actor network (pairs of
        -- actors of listed events) read from an index instead of the whole table.
        CREATE INDEX events_source_code ON events(source_code);
        CREATE INDEX events_target_code ON events(target_code);
        CREATE INDEX events_pairs ON events(listed, source_actor_id, target_actor_id, quad_class);
        """,
    ),
    (
        "0011_paragraph_text_once",
        """
        -- A paragraph's text is its slice of the document text (start, end): stored there once.
        ALTER TABLE paragraphs DROP COLUMN text;
        """,
    ),
    (
        "0012_text_accounting",
        """
        -- Words of prose in a text dump, and how many of them are in no article.
        ALTER TABLE documents ADD COLUMN prose_words INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE documents ADD COLUMN discarded_words INTEGER NOT NULL DEFAULT 0;
        """,
    ),
    (
        "0013_quote_listed",
        """
        -- Attributions that report no words said (negated, an act, a thing) are stored but not listed by
        -- default; unlisted_because says why (extract/quotes/checks.py).
        ALTER TABLE quotes ADD COLUMN listed INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE quotes ADD COLUMN unlisted_because TEXT;
        """,
    ),
]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply pending migrations; return the names applied now. Safe when several processes
    open a new store at once: each migration is re-checked under the write lock."""
    conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    done = {row[0] for row in conn.execute("SELECT name FROM migrations")}
    applied = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        # executescript would commit on its own; run statements inside one explicit
        # transaction so a failed migration leaves nothing half-applied.
        conn.execute("BEGIN IMMEDIATE")
        if conn.execute("SELECT 1 FROM migrations WHERE name = ?", (name,)).fetchone():
            conn.execute("COMMIT")  # another process applied it while we waited for the lock
            continue
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
