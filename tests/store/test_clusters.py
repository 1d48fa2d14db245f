"""Near-duplicate clusters of syndicated stories."""

from __future__ import annotations

import pytest

from dateline import RunOptions, Store, run
from dateline.store import EventFilter
from tests.ingest.builders import STORY, page

OTHER = [
    "The regional council approved a new bus network for the northern suburbs on Tuesday after months of delays.",
    "Twelve new lines will connect the suburbs with the central station, and buses will run every ten minutes.",
    "“People in the north have waited too long for decent public transport,” transport chief Mark Olsen said.",
    "The network will cost 25 million euros a year to run, paid for by the region and the city together.",
    "Critics said the plan did nothing for cyclists and that bus lanes would slow down delivery traffic.",
    "The first lines will open in March, with the full network in service by the end of next year.",
]


def write(folder, name, html):
    path = folder / name
    path.write_text(html, encoding="utf-8")
    return str(path)


def clusters(db):
    with Store(db) as store:
        return {r["source"].rsplit("/", 1)[-1]: r["cluster_id"] for r in store.articles()}


def test_syndicated_copies_cluster_and_other_stories_do_not(tmp_path):
    copy = [p.replace("the council said", "council officials said") for p in STORY[:-1]]  # trimmed, reworded
    paths = [
        write(tmp_path, "a.html", page("Council approves island ferry route", STORY)),
        write(tmp_path, "b.html", page("Islands get their ferry at last", copy, boilerplate="Subscribe to our newsletter")),
        write(tmp_path, "c.html", page("Suburbs to get new bus network", OTHER)),
    ]  # fmt: skip
    db = tmp_path / "d.db"
    run(paths, db)
    ids = clusters(db)
    assert ids["a.html"] == ids["b.html"]
    assert ids["c.html"] != ids["a.html"]
    run(paths, db)  # re-running keeps clusters as they were
    assert clusters(db) == ids


def test_events_and_quotes_count_once_per_cluster(tmp_path):
    copy = STORY[:-1]
    paths = [write(tmp_path, f"{n}.html", page(f"Ferry route headline {n}", copy)) for n in range(3)]
    db = tmp_path / "d.db"
    run(paths, db)
    with Store(db) as store:
        all_quotes = store.quotes()
        unique = store.quotes(unique=True)
        assert len(all_quotes) == 3 * len(unique)
        assert all(q["num_articles"] == 3 and q["num_sources"] == 3 for q in unique)
        events = store.events(EventFilter(everything=True), unique=True)
        assert events and all(e["num_articles"] == 3 for e in events)


def test_threshold_is_configurable(tmp_path):
    paths = [
        write(tmp_path, "a.html", page("Ferry one", STORY)),
        write(tmp_path, "b.html", page("Ferry two", STORY[:3])),
    ]
    strict, loose = tmp_path / "strict.db", tmp_path / "loose.db"
    run(paths, strict, RunOptions(dedup_threshold=0.95))
    run(paths, loose, RunOptions(dedup_threshold=0.3))
    assert len(set(clusters(strict).values())) == 2
    assert len(set(clusters(loose).values())) == 1


@pytest.mark.parametrize("order", [("dated", "undated"), ("undated", "dated")])
def test_a_unique_row_takes_the_date_of_a_dated_copy(tmp_path, order):
    import dateline

    paths = [write(tmp_path, f"{n}.html", page(f"Ferry route approved, {n} copy", STORY[:-1])) for n in order]
    db = tmp_path / "d.db"
    run(paths, db)
    with Store(db) as store:  # one copy as a scrape without any date
        undated = "(SELECT a.id FROM articles a JOIN documents d ON d.id = a.document_id WHERE d.source LIKE ?)"
        store.conn.execute(f"UPDATE articles SET published = NULL, updated = NULL WHERE id = {undated}",
                           ("%undated.html",))  # fmt: skip
        store.conn.execute(f"UPDATE events SET date = NULL WHERE article_id = {undated}", ("%undated.html",))
        store.conn.execute("UPDATE articles SET published = '2025-03-03' WHERE published IS NOT NULL "
                           "OR updated IS NOT NULL")  # fmt: skip
        store.conn.execute("UPDATE events SET date = '2025-03-03' WHERE date IS NOT NULL")
    with dateline.open(db) as store:
        dates = {a.source.rsplit("/", 1)[-1]: a.date for a in store.articles()}
        assert dates == {"dated.html": "2025-03-03", "undated.html": None}
        rows = [*store.quotes(unique=True), *store.events(everything=True, unique=True)]
        in_both = [row for row in rows if row.num_articles == 2]
        assert in_both and all(row.date == "2025-03-03" for row in in_both), rows


def _run_part(args) -> None:
    paths, db = args
    run(paths, db, RunOptions(progress=False))


def _partition(db) -> set[frozenset[str]]:
    groups: dict[int, set[str]] = {}
    with Store(db) as store:
        for record in store.articles():
            groups.setdefault(record["cluster_id"], set()).add(record["source"].rsplit("/", 1)[-1])
    return {frozenset(g) for g in groups.values()}


def test_clusters_are_the_same_whatever_the_number_of_writers(tmp_path):
    import multiprocessing

    stories = {"ferry": STORY[:-1], "bus": OTHER}
    paths = [write(tmp_path, f"{name}-{n}.html", page(f"{name} story, copy {n}", [*body, f"Copy {n} of the story."]))
             for n in range(3) for name, body in stories.items()]  # fmt: skip
    sequential = tmp_path / "one.db"
    run(paths, sequential, RunOptions(progress=False))
    expected = _partition(sequential)
    assert expected == {frozenset(f"ferry-{n}.html" for n in range(3)), frozenset(f"bus-{n}.html" for n in range(3))}
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    for writers in (2, 3):
        db = tmp_path / f"many-{writers}.db"
        parts = [(paths[i::writers], db) for i in range(writers)]  # each story's copies spread over writers
        with context.Pool(writers) as pool:
            pool.map(_run_part, parts)
        assert _partition(db) == expected, writers
