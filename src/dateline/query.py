"""Ask the store: the reading API that the CLI, the exports and the web UI call.

    import dateline
    db = dateline.open("news.db")
    db.quotes(speaker="Zelensky")                 # Records of QuoteRecord
    db.events(source="RUS", since="2025-02-01")   # Records of EventRecord
    db.search("U.S. sanctions", limit=10)         # ranked, with highlighted snippets
    db.events(root="19").to_pandas()              # with pandas installed

Every filter is validated: a bad date, code or number is a ``QueryError`` with a one-line
message naming the option, never an SQLite traceback. A plain search string means what a
user means ("U.S.", "Putin's call", "COVID-19" are searched as written); ``fts=True`` passes
raw SQLite FTS5 syntax through and reports a syntax error in one line.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import asdict, dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

from .errors import DatelineError, ErrorCode
from .store import Store
from .store.names import actor_ids, prefix_bounds

MAX_TEXT = 1000  # longest name, code or search string a filter takes
MAX_INT = 2**63 - 1
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$")
_EVENT_CODE = re.compile(r"^\d{1,4}$")
_ACTOR_CODE = re.compile(r"^[A-Za-z]{3,15}$")
# Marks a snippet puts around matched words; the CLI shows them, the web UI turns them into <mark>.
MARKS = ("[", "]")


class QueryError(DatelineError):
    """A filter a user gave that cannot be asked: one line, naming the option."""

    def __init__(self, option: str, detail: str) -> None:
        super().__init__(ErrorCode.E009_BAD_OPTION, option, detail)
        self.args = (f"{option}: {detail}",)
        self.option = option

    def __reduce__(self):
        return (QueryError, (self.option, self.detail))

    def __str__(self) -> str:
        return self.args[0]


class Records(list):
    """A list of typed records that turns into a table: ``to_pandas()``, ``to_arrow()``."""

    def __init__(self, items, kind: type) -> None:
        super().__init__(items)
        self.kind = kind

    @property
    def columns(self) -> list[str]:
        return [f.name for f in fields(self.kind)]

    def to_dicts(self) -> list[dict]:
        return [asdict(r) for r in self]

    def to_pandas(self):
        try:
            import pandas
        except ImportError as exc:  # an optional extra
            raise ImportError("to_pandas needs pandas: pip install 'dateline[arrow]'") from exc
        return pandas.DataFrame(self.to_dicts(), columns=self.columns)

    def to_arrow(self):
        import pyarrow

        return pyarrow.Table.from_pylist(self.to_dicts(), schema=_arrow_schema(self.kind))


@dataclass(frozen=True)
class ArticleRecord:
    id: int
    date: str | None  # published, else updated (ISO)
    headline: str | None
    agency: str | None
    dateline: str | None  # the dateline places, "KYIV" or "WASHINGTON / MOSCOW"
    source: str  # the input file or URL
    published: str | None
    updated: str | None
    cluster_id: int | None  # near-duplicate story cluster (the id of its first article)
    tone: float | None


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    rank: float  # bm25: lower is better
    date: str | None
    headline: str | None
    agency: str | None
    snippet: str  # matched words between MARKS
    source: str


@dataclass(frozen=True)
class QuoteRecord:
    id: int
    article_id: int
    date: str | None
    kind: str  # direct | indirect | mixed | partial
    content: str
    speaker: str | None  # the phrase as written ("he", "the Kremlin", "who")
    speaker_refers: str | None  # the noun a relative speaker stands for ("three members, who said …")
    speaker_name: str | None  # the actor it resolves to
    speaker_code: str | None
    speaker_actor_id: int | None
    unnamed: str | None  # for speakers that name nobody: source | person | group | object | other
    cue: str | None  # the reporting verb, ":" or "according to"
    medium: str | None
    paragraph: int | None  # index into the article's paragraphs (as `show --json`); None: headline
    headline: str | None
    source: str
    start: int
    end: int
    listed: bool = True  # False: an attribution of no words said, shown with everything=True
    # a citation | no speaker | unresolved | negated | hypothetical | a name | an act | an aim | a thing | the writer |
    # a belief | a topic | a stance | unlikely
    unlisted_because: str | None = None
    num_articles: int | None = None  # with unique=True: copies of the story that carry it
    num_sources: int | None = None


@dataclass(frozen=True)
class EventRecord:
    id: int
    article_id: int
    date: str | None
    code: str  # CAMEO event code
    root: str
    quad_class: int  # 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
    goldstein: float
    source_text: str | None
    source_code: str | None  # CAMEO actor code
    source_actor_id: int | None
    target_text: str | None
    target_code: str | None
    target_actor_id: int | None
    place_name: str | None
    place_country: str | None
    place_geonameid: int | None
    latitude: float | None
    longitude: float | None
    sentence: str
    paragraph: int | None
    cue: str
    entry: str  # the lexicon entry or rule that coded it
    mood: str
    confidence: float
    tone: float | None
    listed: bool
    unlisted_because: str | None
    mentions: int
    headline: str | None
    document_source: str
    num_mentions: int | None = None  # with unique=True, GDELT's NumMentions / NumArticles / NumSources
    num_articles: int | None = None
    num_sources: int | None = None


@dataclass(frozen=True)
class ActorRecord:
    id: int
    name: str
    kind: str  # person | organisation | country
    code: str | None
    country: str | None
    agent_type: str | None
    role: str | None
    aliases: list[str]
    mention_count: int
    article_count: int
    first_seen: str | None
    last_seen: str | None


def open(path: str | Path, read_only: bool = False) -> Database:
    """Open an existing dateline database for reading (``dateline run`` creates one).
    ``read_only`` opens the file so that nothing can change it (as the web UI does)."""
    return Database(path, read_only)


class Database:
    """An existing store, read through validated filters. Use as a context manager or ``close()``."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        if str(path) != ":memory:" and not Path(path).is_file():
            raise QueryError("--db", f"no database at {path} (create one with: dateline run INPUTS --db {path})")
        try:
            self.store = Store(path, read_only=read_only)
        except sqlite3.DatabaseError as exc:
            raise QueryError("--db", f"{path} is not a dateline database ({exc})") from None
        self.path = str(path)
        self.conn = self.store.conn

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles and search ------------------------------------------------------------

    def articles(
        self, search: str | None = None, fts: bool = False, since: str | None = None, until: str | None = None,
        agency: str | None = None, actor: str | None = None, limit: int | None = None, offset: int = 0,
        place: str | None = None,
    ) -> Records:  # fmt: skip
        """Articles in input order, filtered; ``search`` keeps those matching the words."""
        where, params = self._article_filters(since, until, agency, actor, place)
        if search is not None:
            where.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(fts_query(search, fts))
        sql = f"""SELECT a.id, coalesce(a.published, a.updated) AS date, a.headline, a.agency, a.dateline_places,
                         d.source, a.published, a.updated, a.cluster_id, a.tone
                  FROM articles a JOIN documents d ON d.id = a.document_id
                  WHERE {" AND ".join(where) or "1"} ORDER BY a.document_id, a.ordinal"""
        rows = self._fetch(sql + _page(limit, offset), params, "--search" if search is not None else None)
        return Records([_article(r) for r in rows], ArticleRecord)

    def article(self, article_id: int) -> dict | None:
        """One article in full: paragraphs, captions, actors, places, quotes, events."""
        return self.store.article(_integer(article_id, "ID"))

    def search(
        self, query: str, fts: bool = False, since: str | None = None, until: str | None = None,
        agency: str | None = None, actor: str | None = None, limit: int | None = 20, offset: int = 0,
        marks: tuple[str, str] = MARKS, place: str | None = None,
    ) -> Records:  # fmt: skip
        """Articles ranked by relevance (bm25), with a snippet marking the matched words."""
        where, params = self._article_filters(since, until, agency, actor, place)
        sql = f"""SELECT f.rowid AS article_id, bm25(articles_fts) AS rank, coalesce(a.published, a.updated) AS date,
                         a.headline, a.agency, snippet(articles_fts, -1, ?, ?, '…', 16) AS snippet, d.source
                  FROM articles_fts f JOIN articles a ON a.id = f.rowid JOIN documents d ON d.id = a.document_id
                  WHERE articles_fts MATCH ? {"".join(" AND " + w for w in where)} ORDER BY rank"""
        rows = self._fetch(sql + _page(limit, offset), [*marks, fts_query(query, fts), *params], "QUERY")
        return Records([SearchHit(**dict(r)) for r in rows], SearchHit)

    def _article_filters(self, since, until, agency, actor, place=None) -> tuple[list[str], list]:
        where, params = [], []
        if place:  # a place the article names or is datelined from, by name or ISO3 country
            where.append("a.id IN (SELECT article_id FROM places WHERE resolved_name = ? COLLATE NOCASE "
                         "OR name = ? COLLATE NOCASE OR country = ? COLLATE NOCASE)")  # fmt: skip
            value = _text(place, "--place")
            params.extend([value, value, value])
        if since:
            where.append("coalesce(a.published, a.updated) >= ?")
            params.append(_date(since, "--since"))
        if until:
            where.append("coalesce(a.published, a.updated) <= ?")
            params.append(_date(until, "--until") + "\uffff")
        if agency:
            where.append("a.agency = ? COLLATE NOCASE")
            params.append(_text(agency, "--agency"))
        if actor:
            ids = actor_ids(self.conn, _text(actor, "--actor"))
            where.append(f"a.id IN (SELECT article_id FROM article_actors WHERE actor_id IN ({_marks(ids)}))")
            params.extend(ids)
        return where, params

    # -- quotes, events, actors -------------------------------------------------------------

    def quotes(
        self, speaker: str | None = None, since: str | None = None, until: str | None = None,
        kind: str | None = None, article_id: int | None = None, unique: bool = False, limit: int | None = None,
        offset: int = 0, everything: bool = False,
    ) -> Records:  # fmt: skip
        """Who said what: listed quotes with their speaker, article and date (``everything`` adds
        the attributions of no words said, with why)."""
        where, params = [] if everything else ["q.listed = 1"], []
        if speaker:
            ids = actor_ids(self.conn, _text(speaker, "--speaker"))
            where.append(f"q.speaker_actor_id IN ({_marks(ids)})")
            params.extend(ids)
        if kind:
            if kind not in ("direct", "indirect", "mixed", "partial"):
                raise QueryError("--kind", f"{kind!r} is not one of direct, indirect, mixed, partial")
            where.append("q.kind = ?")
            params.append(kind)
        self._dated("coalesce(r.published, r.updated)", since, until, where, params)
        if article_id is not None:
            where.append("q.article_id = ?")
            params.append(_integer(article_id, "--article"))
        sql = f"""SELECT q.id, q.article_id, coalesce(r.published, r.updated) AS date, q.kind, q.content, q.speaker,
                         q.speaker_refers, a.name AS speaker_name, a.code AS speaker_code, q.speaker_actor_id,
                         q.unnamed, q.cue, q.medium, {_paragraph("q")} AS paragraph, r.headline, d.source,
                         q.start, q.end, r.cluster_id, q.listed, q.unlisted_because
                  FROM quotes q LEFT JOIN actors a ON a.id = q.speaker_actor_id
                  JOIN articles r ON r.id = q.article_id JOIN documents d ON d.id = r.document_id
                  WHERE {" AND ".join(where) or "1"}"""
        if unique:  # one row per quote per story cluster; the dated copy's date
            sql = f"""SELECT *, max(date) AS date, count(DISTINCT article_id) AS num_articles,
                             count(DISTINCT source) AS num_sources
                      FROM ({sql}) GROUP BY coalesce(cluster_id, article_id),
                               coalesce(speaker_actor_id, lower(speaker)), lower(content)"""
        rows = self._fetch(f"SELECT * FROM ({sql}) ORDER BY article_id, start" + _page(limit, offset), params)
        return Records([_typed(QuoteRecord, r, listed=bool(r["listed"])) for r in rows], QuoteRecord)

    def events(
        self, source: str | None = None, target: str | None = None, code: str | None = None,
        root: str | None = None, quad: int | None = None, since: str | None = None, until: str | None = None,
        place: str | None = None, article_id: int | None = None, everything: bool = False, unique: bool = False,
        limit: int | None = None, offset: int = 0,
    ) -> Records:  # fmt: skip
        """Who did what to whom: listed events (``everything`` adds the rest, with why)."""
        where, params = self._event_filters(source, target, code, root, quad, since, until, place, article_id,
                                            everything)  # fmt: skip
        details = f"""SELECT e.*, {_paragraph("e")} AS paragraph_index, a.headline, a.cluster_id,
                             d.source AS document_source
                      FROM events e JOIN articles a ON a.id = e.article_id JOIN documents d ON d.id = a.document_id"""
        if unique:  # one row per event per story cluster, GDELT-style counts; the dated copy's date
            sql = f"""SELECT *, max(date) AS date, sum(mentions) AS num_mentions,
                             count(DISTINCT article_id) AS num_articles, count(DISTINCT document_source) AS num_sources
                      FROM ({details} WHERE {where}) GROUP BY coalesce(cluster_id, article_id), code,
                               coalesce(source_actor_id, source_code || '|' || lower(source_text)),
                               coalesce(target_actor_id, target_code || '|' || lower(target_text))"""
            rows = self._fetch(f"SELECT * FROM ({sql}) ORDER BY date, article_id, id" + _page(limit, offset), params)
        else:  # the page of ids first, then the details of those rows only
            page = f"SELECT e.id FROM events e WHERE {where} ORDER BY e.date, e.article_id, e.id" + _page(limit, offset)
            rows = self._fetch(f"{details} WHERE e.id IN ({page}) ORDER BY e.date, e.article_id, e.id", params)
        events = [_typed(EventRecord, r, listed=bool(r["listed"]), paragraph=r["paragraph_index"]) for r in rows]
        return Records(events, EventRecord)

    def event_days(self, **filters) -> list[dict]:
        """Events per day and QuadClass for the same filters as ``events``: [{"date", "counts"}]."""
        where, params = self._event_filters(**filters)
        days: dict[str, dict[int, int]] = {}
        for day, quad, count in self._fetch(
            f"SELECT substr(coalesce(e.date, 'undated'), 1, 10), e.quad_class, count(*) FROM events e "
            f"WHERE {where} GROUP BY 1, 2 ORDER BY 1", params
        ):  # fmt: skip
            days.setdefault(day, {})[quad] = count
        return [{"date": day, "counts": counts} for day, counts in days.items()]

    def _event_filters(
        self, source: str | None = None, target: str | None = None, code: str | None = None,
        root: str | None = None, quad: int | None = None, since: str | None = None, until: str | None = None,
        place: str | None = None, article_id: int | None = None, everything: bool = False,
    ) -> tuple[str, list]:  # fmt: skip
        where, params = [], []
        for side, value in (("source", source), ("target", target)):
            if value:
                value = _text(value, f"--{side}")
                ids = actor_ids(self.conn, value)
                clause = f"e.{side}_actor_id IN ({_marks(ids)})"
                if _ACTOR_CODE.match(value):  # "RUS", "USAGOV": a code prefix too (a range: the index serves it)
                    clause += f" OR (e.{side}_code >= ? AND e.{side}_code < ?)"
                    ids = [*ids, *prefix_bounds(value.upper())]
                where.append(f"({clause})")
                params.extend(ids)
        if code:
            if not _EVENT_CODE.match(code):
                raise QueryError("--code", f"{code!r} is not a CAMEO event code (digits, e.g. 04 or 0411)")
            where.append("e.code >= ? AND e.code < ?")
            params.extend(prefix_bounds(code))
        if root:
            if not (root.isdigit() and 1 <= int(root) <= 20):
                raise QueryError("--root", f"{root!r} is not a CAMEO root (01 to 20)")
            where.append("e.root = ?")
            params.append(f"{int(root):02d}")
        if quad is not None:
            if str(quad) not in ("1", "2", "3", "4"):
                raise QueryError("--quad", f"{quad!r} is not a QuadClass (1 to 4)")
            where.append("e.quad_class = ?")
            params.append(int(quad))
        if place:
            where.append("(e.place_name = ? COLLATE NOCASE OR e.place_country = ? COLLATE NOCASE)")
            params.extend([_text(place, "--place"), place])
        self._dated("e.date", since, until, where, params)
        if article_id is not None:
            where.append("e.article_id = ?")
            params.append(_integer(article_id, "--article"))
        if not everything:
            where.append("e.listed = 1")
        return " AND ".join(where) or "1", params

    def actors(
        self, name: str | None = None, country: str | None = None, agent_type: str | None = None,
        kind: str | None = None, limit: int | None = None, offset: int = 0,
    ) -> Records:  # fmt: skip
        """Actors of the registry, most mentioned first."""
        where, params = [], []
        if name:
            ids = actor_ids(self.conn, _text(name, "NAME"))
            where.append(f"id IN ({_marks(ids)})")
            params.extend(ids)
        for column, value, option in (("country", country, "--country"), ("agent_type", agent_type, "--type")):
            if value:
                where.append(f"{column} = ? COLLATE NOCASE")
                params.append(_text(value, option))
        if kind:
            where.append("kind = ?")
            params.append(kind)
        sql = f"SELECT * FROM actors WHERE {' AND '.join(where) or '1'} ORDER BY mention_count DESC, name"
        rows = self._fetch(sql + _page(limit, offset), params)
        return Records([_typed(ActorRecord, r, aliases=_json_list(r["aliases"])) for r in rows], ActorRecord)

    def actor(self, name: str, context: int = 60) -> list[dict]:
        """Actors matching a name, each with its articles and mentions in context."""
        ids = actor_ids(self.conn, _text(name, "NAME"))
        return [self.store.actor_detail(i, context) for i in ids]

    def errors(self) -> list[dict]:
        return self.store.errors()

    def stats(self) -> dict[str, Any]:
        """What the store holds: counts, dates, the most mentioned actors, errors by kind."""
        one = self.conn.execute
        dates = "SELECT min(coalesce(published, updated)), max(coalesce(published, updated)) FROM articles"
        first, last = one(dates).fetchone()
        undated = "SELECT count(*) FROM articles WHERE coalesce(published, updated) IS NULL"
        top = "SELECT id, name, code, mention_count FROM actors ORDER BY mention_count DESC, name LIMIT 10"
        quads = "SELECT quad_class, count(*) FROM events WHERE listed = 1 GROUP BY 1 ORDER BY 1"
        return {
            "database": self.path,
            "counts": self.store.counts(),
            "listed_events": one("SELECT count(*) FROM events WHERE listed = 1").fetchone()[0],
            "undated_articles": one(undated).fetchone()[0],
            "first_date": first,
            "last_date": last,
            "top_actors": [dict(r) for r in one(top)],
            "events_by_quad_class": {r[0]: r[1] for r in one(quads)},
            "errors_by_code": {r[0]: r[1] for r in one("SELECT code, count(*) FROM errors GROUP BY 1 ORDER BY 1")},
        }

    # -- helpers ---------------------------------------------------------------------------

    @staticmethod
    def _dated(column: str, since: str | None, until: str | None, where: list[str], params: list) -> None:
        if since:
            where.append(f"{column} >= ?")
            params.append(_date(since, "--since"))
        if until:
            where.append(f"{column} <= ?")
            params.append(_date(until, "--until") + "\uffff")  # "2025-02" takes the whole month

    def _fetch(self, sql: str, params: list, search: str | None = None) -> list[sqlite3.Row]:
        """Rows of a query; with ``search`` (the option that holds it), an error SQLite raises
        about the full-text query is the user's query, said in one line."""
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if search is None:
                raise
            raise QueryError(search, f"not a valid full-text query: {exc}") from None


def fts_query(text: str, raw: bool = False) -> str:
    """An FTS5 query for a search string. Plain: every word must occur, "quoted words" as a
    phrase, punctuation as the tokenizer sees it ("U.S." is the phrase "U S"). Raw: as given."""
    text = _text(text, "QUERY")
    if raw:
        return text
    parts = []
    for phrase, word in re.findall(r'"([^"]*)"|([^\s"]+)', text):
        tokens = re.findall(r"\w+", phrase or word)
        if tokens:
            parts.append('"' + " ".join(tokens) + '"')
    if not parts:
        raise QueryError("QUERY", f"{text!r} has no word to search for")
    return " ".join(parts)


def _date(value: str, option: str) -> str:
    value = str(value).strip()
    if not _DATE.match(value):
        raise QueryError(option, f"{value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    try:
        date.fromisoformat(value[:10]) if len(value) >= 10 else date(int(value[:4]), int(value[5:7] or 1), 1)
    except ValueError:
        raise QueryError(option, f"{value!r} is not a date of the calendar") from None
    return value


def _text(value: str, option: str) -> str:
    value = str(value)
    if len(value) > MAX_TEXT:
        raise QueryError(option, f"longer than {MAX_TEXT} characters")
    if "\x00" in value:
        raise QueryError(option, "holds a NUL character")
    return value


def _integer(value: int | str, option: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise QueryError(option, f"{value!r} is not a whole number") from None
    if not 0 <= number <= MAX_INT:
        raise QueryError(option, f"{value} is out of range")
    return number


def _page(limit: int | None, offset: int) -> str:
    if limit is None and not offset:
        return ""
    limit_value = -1 if limit is None else _integer(limit, "--limit")
    return f" LIMIT {limit_value} OFFSET {_integer(offset, '--offset')}"


def _marks(ids: list[int]) -> str:
    return ",".join("?" * len(ids)) or "NULL"


def _paragraph(alias: str) -> str:
    """The stored block index counts subheads; users count paragraphs, as `show --json` lists them."""
    return f"""(SELECT CASE WHEN b.kind = 'paragraph' THEN (SELECT count(*) FROM paragraphs p
               WHERE p.article_id = {alias}.article_id AND p.kind = 'paragraph' AND p.ordinal < b.ordinal) END
               FROM paragraphs b WHERE b.article_id = {alias}.article_id AND b.ordinal = {alias}.paragraph)"""


def _json_list(text: str) -> list:
    return json.loads(text) if text else []


def _typed(kind: type, row: sqlite3.Row, **overrides):
    keys = set(row.keys())
    values = {f.name: row[f.name] for f in fields(kind) if f.name in keys}
    return kind(**{**values, **overrides})


def _article(row: sqlite3.Row) -> ArticleRecord:
    places = _json_list(row["dateline_places"])
    return _typed(ArticleRecord, row, dateline=" / ".join(places) or None)


def _arrow_schema(kind: type):
    """A fixed schema from the record's annotations, so an empty result has its columns too."""
    import pyarrow

    columns = []
    for f in fields(kind):
        annotation = str(f.type)
        if annotation.startswith("list"):
            columns.append((f.name, pyarrow.list_(pyarrow.string())))
            continue
        base = annotation.split("|")[0].strip()
        name = {"int": "int64", "float": "float64", "str": "string", "bool": "bool"}.get(base, "string")
        columns.append((f.name, pyarrow.type_for_alias(name)))
    return pyarrow.schema(columns)
