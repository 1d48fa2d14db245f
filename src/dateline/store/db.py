"""The SQLite store: one file, WAL mode, one writer, one transaction per document.

Re-running the same input adds nothing: a document is keyed by the hash of its bytes,
and errors by (source, hash, code). A crash mid-run loses at most the document whose
transaction was open; the next run skips what was committed and goes on.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..errors import DatelineError
from ..model import Article, Document, Span
from .clusters import ClusterIndex
from .migrations import MIGRATIONS, migrate, schema_version
from .names import actor_ids, prefix_bounds
from .registry import link_actor


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class EventFilter:
    source: str | None = None  # actor name, alias, or code prefix ("RUS", "USAGOV")
    target: str | None = None
    code: str | None = None  # code prefix: "04" or "041"
    root: str | None = None
    quad: int | None = None
    since: str | None = None  # ISO date, inclusive
    until: str | None = None
    article_id: int | None = None
    everything: bool = False  # also the events not listed by default (see extract/event_checks.py)


def _article_time(article: Article) -> str | None:
    for value in (article.published, article.updated):
        if value is not None and value.value:
            return value.value
    return None


def _actor_record(row: sqlite3.Row) -> dict:
    record = dict(row)
    record["aliases"] = json.loads(record["aliases"])
    return record


def _spans(spans: list[Span]) -> str:
    return json.dumps([s.to_dict() for s in spans], ensure_ascii=False)


def _span_columns(span: Span | None) -> tuple[str | None, int | None, int | None]:
    """A span's text, start and end columns; NULLs when there is none."""
    return (span.text, span.start, span.end) if span is not None else (None, None, None)


def _use_wal(conn: sqlite3.Connection, seconds: float = 10.0) -> None:
    """Switch a store to WAL once. The switch takes an exclusive lock without waiting on the
    busy handler, so several processes opening a new store at once retry it for a while."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class Store:
    """A dateline database file. Use as a context manager or call ``close()``."""

    def __init__(self, path: str | Path, dedup_threshold: float = 0.5, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only:  # nothing this connection does can change the file (the web UI)
            uri = f"{Path(self.path).resolve().as_uri()}?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA busy_timeout=10000")
            if schema_version(self.conn) < len(MIGRATIONS):
                raise sqlite3.DatabaseError("the store is older than this dateline: run `dateline stats` on it once")
            self.clusters = ClusterIndex(self.conn, dedup_threshold)
            return
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: we open and close transactions ourselves, explicitly.
        self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA busy_timeout=10000")  # first: other processes may be opening it too
        _use_wal(self.conn)
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        migrate(self.conn)
        self.clusters = ClusterIndex(self.conn, dedup_threshold)

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
                    pipeline_version, ingested_at, prose_words, discarded_words)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
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
                    doc.prose_words,
                    doc.discarded_words,
                ),
            )
            if cursor.rowcount == 0:
                conn.execute("ROLLBACK")
                self.clusters.rollback()
                return None
            document_id = cursor.lastrowid
            crawl = doc.raw.crawl_time.isoformat() if doc.raw.crawl_time else None
            for article in doc.articles:
                self._write_article(document_id, article, pipeline_version, crawl)
            conn.execute("COMMIT")
            return document_id
        except BaseException:
            conn.execute("ROLLBACK")
            self.clusters.rollback()
            raise

    def _write_article(self, document_id: int, article: Article, pipeline_version: str, crawl: str | None) -> None:
        headline = article.headline
        published, updated = article.published, article.updated
        cursor = self.conn.execute(
            """INSERT INTO articles
               (document_id, ordinal, start, end, headline, headline_start, headline_end, published, published_raw,
                updated, updated_raw, dateline_places, agency, summary, captions, subheads, flags, body,
                pipeline_version, tone)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
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
                article.tone,
            ),
        )
        article_id = cursor.lastrowid
        article.cluster_id = self.clusters.assign(article_id, article.minhash)
        self.conn.execute("UPDATE articles SET cluster_id = ? WHERE id = ?", (article.cluster_id, article_id))
        tones = article.block_tones or [None] * len(article.blocks)
        self.conn.executemany(
            "INSERT INTO paragraphs (article_id, ordinal, kind, start, end, tone) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (article_id, i, "subhead" if kind == "h" else "paragraph", span.start, span.end, tone)
                for i, ((kind, span), tone) in enumerate(zip(article.blocks, tones, strict=True))
            ],
        )
        seen = _article_time(article) or crawl
        for ordinal, actor in enumerate(article.actors):
            actor.registry_id = link_actor(self.conn, actor, seen)
            local = self.conn.execute(
                """INSERT INTO article_actors (article_id, actor_id, ordinal, name, kind, country, country_source,
                                               agent_type, code, role, rank)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (article_id, actor.registry_id, ordinal, actor.name, actor.kind, actor.country, actor.country_source,
                 actor.agent_type, actor.code, actor.role, actor.rank),
            ).lastrowid  # fmt: skip
            self.conn.executemany(
                """INSERT INTO mentions (article_actor_id, actor_id, article_id, start, end, text, kind)
                   VALUES (?, ?, ?, ?, ?, ?, ?)""",
                [(local, actor.registry_id, article_id, m.start, m.end, m.text, m.kind) for m in actor.mentions],
            )
        self._write_quotes(article_id, article)
        self._write_events(article_id, article)
        self.conn.executemany(
            """INSERT INTO places (article_id, name, start, end, source, geonameid, resolved_name, feature, country,
                                   latitude, longitude, population)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [(article_id, p.name, p.start, p.end, p.source, p.geonameid, p.resolved_name, p.feature, p.country,
              p.latitude, p.longitude, p.population) for p in article.places],
        )  # fmt: skip

    def _write_quotes(self, article_id: int, article: Article) -> None:
        rows = []
        for ordinal, q in enumerate(article.quotes):
            actor = article.actors[q.speaker_actor].registry_id if q.speaker_actor is not None else None
            rows.append(
                (article_id, ordinal, q.kind, q.content.text, q.content.start, q.content.end, q.block,
                 *_span_columns(q.cue), q.cue_lemma, *_span_columns(q.speaker), actor, q.unnamed, q.medium, q.tone,
                 json.dumps(q.flags), json.dumps([[p.start, p.end] for p in q.parts]),
                 *_span_columns(q.speaker_refers), int(q.listed), q.unlisted_because)
            )  # fmt: skip
        self.conn.executemany(
            """INSERT INTO quotes (article_id, ordinal, kind, content, start, end, paragraph, cue, cue_start,
                                   cue_end, cue_lemma, speaker, speaker_start, speaker_end, speaker_actor_id,
                                   unnamed, medium, tone, flags, parts, speaker_refers, speaker_refers_start,
                                   speaker_refers_end, listed, unlisted_because)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            rows,
        )

    def _write_events(self, article_id: int, article: Article) -> None:
        def side(s):
            if s is None:
                return (None, None, None, None, None)
            actor = article.actors[s.actor].registry_id if s.actor is not None else None
            return (s.text, s.code, actor, s.start, s.end)

        rows = []
        for ordinal, e in enumerate(article.events):
            place = e.place
            rows.append(
                (article_id, ordinal, e.code, e.root, e.quad_class, e.goldstein, *side(e.source), *side(e.target),
                 e.sentence.text, e.sentence.start, e.sentence.end, e.cue.text, e.cue.start, e.cue.end, e.entry,
                 e.block, e.date, e.date_source, place.resolved_name if place else None,
                 place.geonameid if place else None, place.country if place else None,
                 place.latitude if place else None, place.longitude if place else None, e.mood, e.confidence,
                 e.tone, e.mentions, int(e.listed), e.unlisted_because)
            )  # fmt: skip
        self.conn.executemany(
            f"""INSERT INTO events (article_id, ordinal, code, root, quad_class, goldstein, source_text, source_code,
                   source_actor_id, source_start, source_end, target_text, target_code, target_actor_id,
                   target_start, target_end, sentence, sentence_start, sentence_end, cue, cue_start, cue_end, entry,
                   paragraph, date, date_source, place_name, place_geonameid, place_country, latitude, longitude,
                   mood, confidence, tone, mentions, listed, unlisted_because)
               VALUES ({", ".join("?" * 37)})""",
            rows,
        )

    def events(self, filters: EventFilter | None = None, unique: bool = False) -> list[dict]:
        """Events, filtered by actor (name or code), event code, root, QuadClass and dates.

        With ``unique``, an event told by several copies of one syndicated story (a
        near-duplicate cluster) is one row, with GDELT-style ``num_mentions`` (times
        reported), ``num_articles`` and ``num_sources`` (distinct documents).
        """
        f = filters or EventFilter()
        sql = """SELECT e.*, a.cluster_id, d.source AS document_source FROM events e
                 JOIN articles a ON a.id = e.article_id JOIN documents d ON d.id = a.document_id WHERE 1=1"""
        params: list = []
        for side, value in (("source", f.source), ("target", f.target)):
            if value:
                ids = [a["id"] for a in self.find_actors(value)]
                placeholders = ",".join("?" * len(ids)) or "NULL"
                sql += f" AND (e.{side}_actor_id IN ({placeholders}) OR (e.{side}_code >= ? AND e.{side}_code < ?))"
                params.extend([*ids, *prefix_bounds(value.upper())])
        if f.code:
            sql += " AND e.code >= ? AND e.code < ?"
            params.extend(prefix_bounds(f.code))
        if f.root:
            sql += " AND e.root = ?"
            params.append(f.root.zfill(2))
        if f.quad:
            sql += " AND e.quad_class = ?"
            params.append(f.quad)
        if f.since:
            sql += " AND e.date >= ?"
            params.append(f.since)
        if f.until:
            sql += " AND e.date <= ?"
            params.append(f.until)
        if f.article_id is not None:
            sql += " AND e.article_id = ?"
            params.append(f.article_id)
        if not f.everything:
            sql += " AND e.listed = 1"
        if unique:
            sql = f"""SELECT *, sum(mentions) AS num_mentions, count(DISTINCT article_id) AS num_articles,
                             count(DISTINCT document_source) AS num_sources
                      FROM ({sql}) GROUP BY coalesce(cluster_id, article_id), code,
                               coalesce(source_actor_id, source_code || '|' || lower(source_text)),
                               coalesce(target_actor_id, target_code || '|' || lower(target_text))
                      HAVING min(article_id)"""
        return [dict(r) for r in self.conn.execute(sql + " ORDER BY date, article_id, ordinal", params)]

    def quotes(self, speaker: str | None = None, article_id: int | None = None, unique: bool = False) -> list[dict]:
        """Quotes with their speaker's registry name; ``speaker`` matches a name or alias.

        With ``unique``, a quote repeated by copies of one syndicated story is one row with
        ``num_articles`` and ``num_sources``.
        """
        sql = """SELECT q.*, r.cluster_id, a.name AS speaker_name, a.code AS speaker_code, d.source
                 FROM quotes q LEFT JOIN actors a ON a.id = q.speaker_actor_id
                 JOIN articles r ON r.id = q.article_id JOIN documents d ON d.id = r.document_id WHERE 1=1"""
        params: list = []
        if speaker:
            ids = [a["id"] for a in self.find_actors(speaker)]
            sql += f" AND q.speaker_actor_id IN ({','.join('?' * len(ids))})" if ids else " AND 0"
            params.extend(ids)
        if article_id is not None:
            sql += " AND q.article_id = ?"
            params.append(article_id)
        order = " ORDER BY q.article_id, q.start"
        if unique:
            sql = f"""SELECT *, count(DISTINCT article_id) AS num_articles, count(DISTINCT source) AS num_sources
                      FROM ({sql}) GROUP BY coalesce(cluster_id, article_id),
                               coalesce(speaker_actor_id, lower(speaker)), lower(content)"""
            order = " ORDER BY article_id, start"
        rows = self.conn.execute(sql + order, params).fetchall()
        return [{**dict(r), "flags": json.loads(r["flags"]), "parts": json.loads(r["parts"])} for r in rows]

    def record_error(self, error: DatelineError, stage: str, content_hash: str = "") -> None:
        """Record a failed input; the same failure recorded twice stays one row."""
        self.conn.execute(
            """INSERT OR IGNORE INTO errors (source, content_hash, code, cause, stage, created_at)
               VALUES (?, ?, ?, ?, ?, ?)""",
            (error.source, content_hash, error.code.value, error.cause, stage, _now()),
        )

    # -- reads ----------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        tables = ("documents", "articles", "paragraphs", "errors", "actors", "mentions", "places", "quotes", "events")
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

    def actors(self, country: str | None = None, agent_type: str | None = None, kind: str | None = None) -> list[dict]:
        """Registry actors, most mentioned first, filtered by country / agent type / kind."""
        sql, params = "SELECT * FROM actors WHERE 1=1", []
        for column, value in (("country", country), ("agent_type", agent_type), ("kind", kind)):
            if value:
                sql += f" AND {column} = ?"
                params.append(value)
        rows = self.conn.execute(sql + " ORDER BY mention_count DESC, name", params).fetchall()
        return [_actor_record(row) for row in rows]

    def find_actors(self, name: str) -> list[dict]:
        """Actors whose name, surname or an alias is ``name`` (normalised), most mentioned first."""
        ids = actor_ids(self.conn, name)
        rows = self.conn.execute(
            f"SELECT * FROM actors WHERE id IN ({','.join('?' * len(ids)) or 'NULL'}) ORDER BY mention_count DESC, id",
            ids,
        ).fetchall()
        return [_actor_record(row) for row in rows]

    def actor_detail(self, actor_id: int, context: int = 60) -> dict | None:
        """One actor with its articles and every mention in context."""
        row = self.conn.execute("SELECT * FROM actors WHERE id = ?", (actor_id,)).fetchone()
        if row is None:
            return None
        record = _actor_record(row)
        record["articles"] = [
            dict(r)
            for r in self.conn.execute(
                """SELECT DISTINCT a.id, a.headline, d.source FROM article_actors x
                   JOIN articles a ON a.id = x.article_id JOIN documents d ON d.id = a.document_id
                   WHERE x.actor_id = ? ORDER BY a.id""",
                (actor_id,),
            )
        ]
        mentions = []
        for m in self.conn.execute(
            """SELECT m.article_id, m.start, m.end, m.text, m.kind, d.text AS doc_text FROM mentions m
               JOIN articles a ON a.id = m.article_id JOIN documents d ON d.id = a.document_id
               WHERE m.actor_id = ? ORDER BY m.article_id, m.start""",
            (actor_id,),
        ):
            doc_text = m["doc_text"]
            before = doc_text[max(0, m["start"] - context) : m["start"]].replace("\n", " ")
            after = doc_text[m["end"] : m["end"] + context].replace("\n", " ")
            mentions.append({"article_id": m["article_id"], "start": m["start"], "end": m["end"], "text": m["text"],
                             "kind": m["kind"], "context": f"{before}[{m['text']}]{after}"})  # fmt: skip
        record["mentions"] = mentions
        return record

    def places(self, article_id: int | None = None) -> list[dict]:
        sql, params = "SELECT * FROM places", []
        if article_id is not None:
            sql, params = sql + " WHERE article_id = ?", [article_id]
        return [dict(r) for r in self.conn.execute(sql + " ORDER BY article_id, start", params)]

    def errors(self) -> list[dict]:
        return [dict(row) for row in self.conn.execute("SELECT * FROM errors ORDER BY id")]

    def _article_record(self, row: sqlite3.Row) -> dict:
        paragraphs = self.conn.execute(
            """SELECT p.kind, substr(d.text, p.start + 1, p.end - p.start) AS text, p.start, p.end
               FROM paragraphs p JOIN documents d ON d.id = ? WHERE p.article_id = ? ORDER BY p.ordinal""",
            (row["document_id"], row["id"]),
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
            "tone": row["tone"],
            "cluster_id": row["cluster_id"],
            "actors": [
                dict(r)
                for r in self.conn.execute(
                    """SELECT actor_id, name, kind, code, country, country_source, agent_type, role, rank
                       FROM article_actors WHERE article_id = ? ORDER BY ordinal""",
                    (row["id"],),
                )
            ],
            "places": [
                {
                    k: p[k]
                    for k in (
                        "name",
                        "start",
                        "end",
                        "source",
                        "geonameid",
                        "resolved_name",
                        "feature",
                        "country",
                        "latitude",
                        "longitude",
                    )
                }
                for p in self.conn.execute("SELECT * FROM places WHERE article_id = ? ORDER BY id", (row["id"],))
            ],
            "quotes": [
                {
                    k: q[k]
                    for k in (
                        "kind",
                        "content",
                        "start",
                        "end",
                        "parts",
                        "speaker",
                        "speaker_refers",
                        "speaker_actor_id",
                        "speaker_name",
                        "unnamed",
                        "cue_lemma",
                        "medium",
                    )
                }
                for q in self.quotes(article_id=row["id"])
            ],
            "events": [
                {
                    k: e[k]
                    for k in (
                        "code",
                        "root",
                        "quad_class",
                        "goldstein",
                        "source_text",
                        "source_code",
                        "target_text",
                        "target_code",
                        "date",
                        "place_name",
                        "entry",
                        "mentions",
                    )
                }
                for e in self.events(EventFilter(article_id=row["id"]))
            ],
            "pipeline_version": row["pipeline_version"],
        }
