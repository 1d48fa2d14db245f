from __future__ import annotations

from dateline import RunOptions, Store, run
from dateline.ingest.sources import read_inputs
from dateline.ingest.warc import Skipped
from dateline.model import RawDocument

from .builders import STORY, page


def archive(tmp_path, gzip=True, name="crawl.warc.gz"):
    records = [
        (f"https://news.example/{i}", 200, "text/html; charset=utf-8",
         page(f"Story number {i} about the ferry route", [f"Part {i}. {p}" for p in STORY]).encode())
        for i in range(3)
    ]  # fmt: skip
    records.insert(1, ("https://news.example/logo.png", 200, "image/png", b"\x89PNG...."))
    records.insert(2, ("https://news.example/missing", 404, "text/html", b"<html>not found</html>"))
    path = tmp_path / name
    from .builders import warc

    path.write_bytes(warc(records, gzip=gzip))
    return path


def test_html_responses_become_documents_with_uri_and_crawl_time(tmp_path):
    items = list(read_inputs([str(archive(tmp_path))], RunOptions()))
    docs = [i for i in items if isinstance(i, RawDocument)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [d.source for d in docs] == [f"https://news.example/{i}" for i in range(3)]
    assert all(d.media_type == "text/html" for d in docs)
    assert docs[0].crawl_time.isoformat() == "2025-11-15T12:00:00+00:00"
    assert sorted(s.reason.split()[0] for s in skipped) == ["HTTP", "content"]


def test_uncompressed_archive_and_a_misleading_name(tmp_path):
    path = archive(tmp_path, gzip=False, name="not-a-warc.txt")  # sniffed by content, not name
    docs = [i for i in read_inputs([str(path)], RunOptions()) if isinstance(i, RawDocument)]
    assert len(docs) == 3


def test_truncated_archive_keeps_records_before_the_damage(tmp_path):
    for gzip in (True, False):
        whole = archive(tmp_path, gzip=gzip, name=f"whole-{gzip}.warc")
        data = whole.read_bytes()
        cut = tmp_path / f"cut-{gzip}.warc"
        cut.write_bytes(data[: int(len(data) * 0.8)])
        items = list(read_inputs([str(cut)], RunOptions()))
        docs = [i for i in items if isinstance(i, RawDocument)]
        errors = [i for i in items if not isinstance(i, (RawDocument, Skipped))]
        assert 1 <= len(docs) < 3
        assert len(errors) == 1 and errors[0].code.value == "E010" and str(cut) in str(errors[0])


def test_run_stores_pages_counts_skips_and_is_idempotent(tmp_path):
    path = archive(tmp_path)
    db = tmp_path / "w.db"
    first = run([str(path)], db)
    assert (first.stored, first.skipped_records, len(first.errors)) == (3, 2, 0)
    assert "2 archive record(s) skipped" in first.describe()
    second = run([str(path)], db)
    assert (second.stored, second.skipped) == (0, 3)
    with Store(db) as store:
        records = store.articles()
        assert [r["source"] for r in records] == [f"https://news.example/{i}" for i in range(3)]
        assert records[0]["headline"] == "Story number 0 about the ferry route"


def test_a_record_cut_off_by_truncation_is_an_error_not_a_partial_page(tmp_path):
    for gzip in (True, False):
        data = archive(tmp_path, gzip=gzip, name=f"whole-{gzip}.warc").read_bytes()
        cut = tmp_path / f"cut-end-{gzip}.warc"
        cut.write_bytes(data[:-300])  # inside the last page's HTML
        items = list(read_inputs([str(cut)], RunOptions()))
        docs = [i.source for i in items if isinstance(i, RawDocument)]
        errors = [i for i in items if not isinstance(i, (RawDocument, Skipped))]
        assert docs == ["https://news.example/0", "https://news.example/1"], (gzip, docs)
        assert any(e.source == "https://news.example/2" and e.code.value == "E010" for e in errors), errors


def test_an_archive_without_an_html_page_says_so(tmp_path):
    from .builders import warc

    path = tmp_path / "images.warc.gz"
    path.write_bytes(warc([("https://news.example/logo.png", 200, "image/png", b"\x89PNG....")], gzip=True))
    items = list(read_inputs([str(path)], RunOptions()))
    assert [i.code.value for i in items if not isinstance(i, (RawDocument, Skipped))] == ["E012"]
