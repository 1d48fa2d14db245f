from __future__ import annotations

import json

from dateline import RunOptions, Store, run
from dateline.ingest.sources import read_inputs
from dateline.model import RawDocument

from .builders import STORY, page

BODY = "\n".join(STORY)


def test_jsonl_text_html_and_a_bad_line(tmp_path):
    lines = [
        json.dumps({"text": BODY, "title": "Ferry route approved", "url": "https://a.example/1",
                    "date": "2025-11-15T10:00:00Z"}),
        "{not json",
        json.dumps({"html": page("Ferry route approved again", STORY), "url": "https://b.example/2"}),
        json.dumps({"url": "https://c.example/3"}),
    ]  # fmt: skip
    path = tmp_path / "feed.data"  # any name: sniffed by content
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_inputs([str(path)], RunOptions()))
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if not isinstance(i, RawDocument)]
    assert [d.source for d in docs] == ["https://a.example/1", "https://b.example/2"]
    assert [d.media_type for d in docs] == ["text/x-article", "text/html"]
    assert docs[0].crawl_time.isoformat() == "2025-11-15T10:00:00+00:00"
    assert [e.source for e in errors] == [f"{path}:2", f"{path}:4"]
    summary = run([str(path)], tmp_path / "j.db")
    assert summary.stored == 2 and len(summary.errors) == 2
    with Store(tmp_path / "j.db") as store:
        headlines = [a["headline"] for a in store.articles()]
        assert headlines == ["Ferry route approved", "Ferry route approved again"]


def test_csv_with_text_column(tmp_path):
    path = tmp_path / "feed.csv"
    quoted = BODY.replace('"', '""')
    path.write_text(f'url,title,text\nhttps://a.example/1,Ferry route approved,"{quoted}"\n', encoding="utf-8")
    summary = run([str(path)], tmp_path / "c.db")
    assert summary.stored == 1
    with Store(tmp_path / "c.db") as store:
        (article,) = store.articles()
        assert article["source"] == "https://a.example/1" and len(article["paragraphs"]) == len(STORY)


def test_mixed_inputs_in_one_run(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.bin").write_text(page("Ferry route approved", STORY), encoding="utf-8")
    (tmp_path / "in" / "dump.txt").write_text("Site\n\nFerry route approved\n\nFerry route approved\n\n" + BODY)
    summary = run([str(tmp_path / "in")], tmp_path / "m.db")
    assert summary.stored == 2 and not summary.errors
