"""The reading API (dateline.open) on real stores built from the seed and the bundled sample."""

from __future__ import annotations

import pytest

import dateline
from dateline.demo import SAMPLE_CRAWL_TIME, sample_path
from dateline.query import EventRecord, QueryError, fts_query


@pytest.fixture(scope="module")
def seed_db(seed_store):
    with dateline.open(seed_store) as db:
        yield db


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("query") / "sample.db"
    dateline.run([str(sample_path())], path, dateline.RunOptions(crawl_time=SAMPLE_CRAWL_TIME))
    with dateline.open(path) as db:
        yield db


def test_zelensky_quotes_include_plan_b(seed_db):
    quotes = seed_db.quotes(speaker="Zelensky")
    assert quotes and all(q.speaker_name == "Volodymyr Zelensky" for q in quotes)
    assert any("Plan B" in q.content for q in quotes)
    assert all(q.date == "2025-02-13" and q.headline for q in quotes)


def test_events_with_source_rus_include_putins_invitation_to_trump(seed_db):
    events = seed_db.events(source="RUS")
    invitation = [e for e in events if e.source_text == "Vladimir Putin" and e.target_text == "Donald Trump"]
    assert invitation and "invited Trump to visit Moscow" in invitation[0].sentence
    assert all(isinstance(e, EventRecord) and e.listed and e.document_source for e in events)
    assert seed_db.events(source="Vladimir Putin", target="Trump")  # by name as well as by code


def test_listing_hides_unasserted_events_that_all_shows(seed_db):
    listed, everything = seed_db.events(), seed_db.events(everything=True)
    hidden = [e for e in everything if not e.listed]
    assert len(everything) == len(listed) + len(hidden) and hidden
    assert all(e.unlisted_because for e in hidden)


def test_search_ranks_with_snippets_and_filters(seed_db, sample_db):
    hits = seed_db.search("Dhaka rally")
    assert hits and "Bangladeshis rally" in hits[0].headline and "[" in hits[0].snippet
    assert seed_db.search("Plan B", marks=("<mark>", "</mark>"))[0].snippet.count("<mark>") == 2
    assert not seed_db.search("Dhaka", agency="Reuters")
    assert seed_db.search("Putin", since="2025-02-01", until="2025-02-28")
    assert not seed_db.search("Putin", until="2024")
    assert [h.headline[:8] for h in seed_db.search("rally", place="Dhaka")] == ["They are"]
    assert not seed_db.search("rally", place="Lima") and seed_db.articles(place="UKR")
    assert sample_db.search("maize")


def test_articles_filters(seed_db, sample_db):
    assert [a.headline for a in seed_db.articles(actor="Zelensky")] == [
        "Trump makes first big foray into Ukraine diplomacy, speaking to Putin, Zelensky"
    ]
    assert len(seed_db.articles(agency="afp")) == 2
    assert len(sample_db.articles(limit=2)) == 2 and len(sample_db.articles(limit=2, offset=2)) == 1
    assert seed_db.article(seed_db.articles()[0].id)["paragraphs"]


def test_paragraph_numbers_index_the_paragraphs_users_see(seed_db):
    for event in seed_db.events(everything=True):
        if event.paragraph is not None:
            paragraphs = seed_db.article(event.article_id)["paragraphs"]
            start = paragraphs[event.paragraph]["start"]
            assert start <= seed_db.conn.execute("SELECT cue_start FROM events WHERE id = ?", (event.id,)).fetchone()[0]
            assert event.sentence[:20] in paragraphs[event.paragraph]["text"]


def test_actors_and_stats(seed_db):
    ukr = seed_db.actors(country="UKR", agent_type="GOV")
    assert "Volodymyr Zelensky" in {a.name for a in ukr}
    stats = seed_db.stats()
    assert stats["counts"]["articles"] == 2 and stats["top_actors"][0]["mention_count"] > 0


def test_records_become_dataframes_and_arrow_tables(seed_db):
    frame = seed_db.events(source="RUS").to_pandas()
    assert list(frame.columns) == seed_db.events(source="RUS").columns and len(frame) >= 1
    empty = seed_db.quotes(speaker="Nobody Atall").to_arrow()
    assert empty.num_rows == 0 and "content" in empty.column_names


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("U.S. sanctions", '"U S" "sanctions"'),
        ("Putin's call", '"Putin s" "call"'),
        ("COVID-19", '"COVID 19"'),
        ('"Plan B" Zelensky', '"Plan B" "Zelensky"'),
        ("NOT AND OR", '"NOT" "AND" "OR"'),
    ],
)
def test_a_plain_search_means_the_words_typed(text, query):
    assert fts_query(text) == query


ODD_QUERIES = [
    "U.S.", "Putin's", "COVID-19", "e-mail", "2025-11-15", '"', '""', "'", "*", "AND", "OR", "NOT", "NEAR(a b)",
    "a AND", "(", ")", "^", "-", "+", ":", "col:val", "headline:Putin", "%", "_", "[", "]", "\\", "a" * 5000,
    "🙂", "\u202e", "\u2028", "Zelensky*", "Dhaka OR", "SELECT * FROM articles", "'; DROP TABLE articles; --",
    "\t", "  ", "ü", "中文", "NULL", "0", "-1", "1e999", "99999999999999999999", "{}", "<script>", "a\x00b", "…",
]  # fmt: skip


@pytest.mark.parametrize("text", ODD_QUERIES)
def test_no_odd_query_ends_in_a_traceback(seed_db, text):
    """Each odd string, as a search (plain and raw FTS5), a name, a code and a date: either an
    answer or a QueryError, nothing else."""
    calls = [
        lambda: seed_db.search(text),
        lambda: seed_db.search(text, fts=True),
        lambda: seed_db.articles(search=text),
        lambda: seed_db.actors(name=text),
        lambda: seed_db.quotes(speaker=text),
        lambda: seed_db.events(source=text, target=text),
        lambda: seed_db.events(code=text),
        lambda: seed_db.events(root=text),
        lambda: seed_db.events(since=text),
        lambda: seed_db.articles(until=text),
        lambda: seed_db.article(text),
        lambda: seed_db.events(limit=text),
    ]
    for call in calls:
        try:
            result = call()
        except QueryError as exc:
            assert "\n" not in str(exc)
            continue
        assert result is None or isinstance(result, list | dict)


def test_a_name_is_never_a_pattern(seed_db):
    for wildcard in ("%", "_", "[", " ", "%Put%", "P_tin"):
        assert not seed_db.actors(name=wildcard)
        assert not seed_db.events(source=wildcard)
    with pytest.raises(QueryError):  # no CAMEO code: refused, never every event
        seed_db.events(code="%")


def test_bad_filters_are_one_line_errors(seed_db, tmp_path):
    for call, option in [
        (lambda: seed_db.events(since="yesterday"), "--since"),
        (lambda: seed_db.events(until="2025-13-01"), "--until"),
        (lambda: seed_db.events(root="21"), "--root"),
        (lambda: seed_db.events(code="04x"), "--code"),
        (lambda: seed_db.search("a AND", fts=True), "QUERY"),
        (lambda: seed_db.article(99999999999999999999), "ID"),
        (lambda: dateline.open(tmp_path / "typo.db"), "--db"),
    ]:
        with pytest.raises(QueryError) as info:
            call()
        assert str(info.value).startswith(option) and "\n" not in str(info.value)
    assert not (tmp_path / "typo.db").exists()
