from __future__ import annotations

import sqlite3

import pytest

from dateline import Store, process_text
from dateline.errors import DatelineError, ErrorCode
from dateline.store import MIGRATIONS, schema_version

TEXT = "Harbour news\n\nFerry route approved by council\n\nFerry route approved by council\n\n" + "".join(
    f"The council approved the new ferry route on Thursday after debate number {k} about its cost.\n" for k in range(6)
)


def test_migrations_are_recorded_and_idempotent(tmp_path):
    path = tmp_path / "x.db"
    with Store(path) as store:
        assert schema_version(store.conn) == len(MIGRATIONS)
    with Store(path) as store:  # opening again applies nothing new
        assert schema_version(store.conn) == len(MIGRATIONS)
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_write_read_and_search(tmp_path):
    doc = process_text(TEXT, source="harbour.txt")
    with Store(tmp_path / "x.db") as store:
        assert store.write_document(doc, "test") is not None
        assert store.write_document(doc, "test") is None  # same hash: nothing added
        assert store.counts()["documents"] == 1
        (record,) = store.articles()
        assert record["headline"] == "Ferry route approved by council"
        assert record["source"] == "harbour.txt"
        assert len(record["paragraphs"]) == 6
        assert store.articles(search="ferry") and not store.articles(search="avalanche")
        first = record["paragraphs"][0]
        assert doc.text[first["start"] : first["end"]] == first["text"]


def test_paragraph_text_is_read_back_from_the_document_text_exactly(tmp_path):
    # Stored once, as offsets into the document text: characters outside the BMP and
    # combining marks before a paragraph must not shift the slice.
    lead = "Café déjà vu as Zürich votes again 😀\n\n"
    text = lead + "".join(
        f"Señor Núñez 🇺🇦 said on Thursday that the council vote number {k} on the new ferry route would go ahead "
        "as planned, whatever the cost.\n\n"
        for k in range(6)
    )
    doc = process_text(text, source="accents.txt")
    with Store(tmp_path / "x.db") as store:
        store.write_document(doc, "test")
        (record,) = store.articles()
        assert "text" not in {row[1] for row in store.conn.execute("PRAGMA table_info(paragraphs)")}
    stored = [p["text"] for p in record["paragraphs"]]
    assert stored == [span.text for span in doc.articles[0].paragraphs]
    assert any("🇺🇦" in t for t in stored)


def test_a_failed_document_leaves_nothing_behind(tmp_path):
    doc = process_text(TEXT, source="harbour.txt")
    doc.articles[0].blocks.append(("p", None))  # breaks the paragraph insert half-way
    with Store(tmp_path / "x.db") as store:
        with pytest.raises((AttributeError, ValueError)):
            store.write_document(doc, "test")
        assert set(store.counts().values()) == {0}


def test_errors_are_recorded_once(tmp_path):
    error = DatelineError(ErrorCode.E003_EMPTY, "empty.txt")
    with Store(tmp_path / "x.db") as store:
        store.record_error(error, "decode", "abc")
        store.record_error(error, "decode", "abc")
        (row,) = store.errors()
        assert row["source"] == "empty.txt" and row["code"] == "E003"


def test_database_is_a_real_sqlite_file(tmp_path):
    path = tmp_path / "x.db"
    with Store(path) as store:
        store.write_document(process_text(TEXT), "test")
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_a_split_quote_keeps_its_parts(tmp_path):
    body = "".join(f"The council met on Monday to discuss the ferry route for meeting number {k}.\n" for k in range(4))
    body += "“The route will create jobs,” Mayor Anna Berg said. “And it will bring the tourists back.”\n"
    doc = process_text("Harbour news\n\nFerry route approved\n\nFerry route approved\n\n" + body, source="split.txt")
    with Store(tmp_path / "x.db") as store:
        store.write_document(doc, "test")
        (quote,) = [q for q in store.quotes() if q["kind"] == "direct"]
    assert [doc.text[start:end] for start, end in quote["parts"]] == [
        "“The route will create jobs,”",
        "“And it will bring the tourists back.”",
    ]
    assert doc.text[quote["start"] : quote["end"]] == quote["content"]


def _open_new_store(path: str) -> int:
    from dateline.store import Store, schema_version

    with Store(path) as store:
        return schema_version(store.conn)


def test_many_processes_opening_a_new_store_at_once_all_succeed(tmp_path):
    import multiprocessing

    from dateline.store import MIGRATIONS

    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    for round_ in range(3):
        path = str(tmp_path / f"new-{round_}.db")
        with context.Pool(8) as pool:
            versions = pool.map(_open_new_store, [path] * 16)
        assert versions == [len(MIGRATIONS)] * 16
