from __future__ import annotations

import io
import sys

from dateline.errors import DatelineError, ErrorCode
from dateline.ingest.sources import read_inputs
from dateline.options import RunOptions


def test_directories_recurse_and_skip_hidden(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("one")
    (tmp_path / "two.txt").write_text("two")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("x")
    docs = list(read_inputs([str(tmp_path)], RunOptions()))
    assert sorted(d.data for d in docs) == [b"one", b"two"]


def test_globs_and_missing_paths(tmp_path):
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "b.txt").write_text("b")
    items = list(
        read_inputs([str(tmp_path / "*.txt"), str(tmp_path / "nope.txt"), str(tmp_path / "*.md")], RunOptions())
    )
    assert [i.data for i in items if not isinstance(i, DatelineError)] == [b"a", b"b"]
    errors = [i for i in items if isinstance(i, DatelineError)]
    assert [e.code for e in errors] == [ErrorCode.E001_NOT_FOUND, ErrorCode.E001_NOT_FOUND]
    assert "nope.txt" in str(errors[0])


def test_too_large_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2000)
    (item,) = list(read_inputs([str(big)], RunOptions(max_bytes=1000)))
    assert isinstance(item, DatelineError) and item.code is ErrorCode.E004_TOO_LARGE
    assert "big.txt" in str(item)


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"from stdin")))
    (doc,) = list(read_inputs(["-"], RunOptions()))
    assert doc.source == "<stdin>" and doc.data == b"from stdin"


def test_crawl_time_travels_with_each_document(tmp_path):
    from dateline.options import parse_crawl_time

    (tmp_path / "a.txt").write_text("a")
    options = RunOptions(crawl_time=parse_crawl_time("2025-11-15T12:00:00Z"))
    (doc,) = list(read_inputs([str(tmp_path)], options))
    assert doc.crawl_time.isoformat() == "2025-11-15T12:00:00+00:00"


def test_gzipped_single_files_are_read_transparently(tmp_path):
    import gzip

    (tmp_path / "page.html.gz").write_bytes(gzip.compress(b"<!DOCTYPE html><html><body><p>Hello</p></body></html>"))
    (tmp_path / "broken.txt.gz").write_bytes(gzip.compress(bytes(range(256)) * 40)[:60])
    items = list(read_inputs([str(tmp_path)], RunOptions()))
    docs = [i for i in items if not isinstance(i, DatelineError)]
    errors = [i for i in items if isinstance(i, DatelineError)]
    assert [d.media_type for d in docs] == ["text/html"] and docs[0].data.startswith(b"<!DOCTYPE")
    assert len(errors) == 1 and "broken.txt.gz" in str(errors[0]) and errors[0].code is ErrorCode.E006_UNDECODABLE
