"""Batch behaviour: bad inputs, re-runs, crashes and resuming, stage contracts."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from dateline import Pipeline, RunOptions, Store, run
from dateline.errors import DatelineError, ErrorCode
from dateline.pipeline import Stage


def article_text(n: int) -> str:
    body = "".join(
        f"Story {n}, part {k}: the regional council met on Monday and agreed a budget for the new bridge.\n"
        for k in range(4)
    )
    return (
        f"Site {n}\n\nHeadline number {n} for the bridge story\n\nHeadline number {n} for the bridge story\n\n" + body
    )


def make_batch(folder, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"{n:04d}.txt").write_text(article_text(n), encoding="utf-8")


def test_bad_documents_become_errors_and_the_batch_goes_on(tmp_path):
    make_batch(tmp_path / "in", 3)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (tmp_path / "in" / "huge.txt").write_bytes(b"word " * 5000)
    summary = run([str(tmp_path / "in"), str(tmp_path / "missing.txt")], tmp_path / "db.sqlite",
                  RunOptions(max_bytes=10_000))  # fmt: skip
    assert summary.stored == 3
    codes = sorted(e.code.value for e in summary.errors)
    assert codes == ["E001", "E003", "E004", "E005"]
    with Store(tmp_path / "db.sqlite") as store:
        errors = store.errors()
        assert {e["source"].rsplit("/", 1)[-1] for e in errors} == {"empty.txt", "image.png", "huge.txt", "missing.txt"}
        assert all(e["cause"] for e in errors)
        assert store.counts()["articles"] == 3


def test_rerun_adds_nothing(tmp_path):
    make_batch(tmp_path / "in", 4)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    db = tmp_path / "db.sqlite"
    first = run([str(tmp_path / "in")], db)
    with Store(db) as store:
        before = store.counts()
    second = run([str(tmp_path / "in")], db)
    with Store(db) as store:
        assert store.counts() == before
    assert (first.stored, second.stored, second.skipped) == (4, 0, 4)


def test_interrupted_run_keeps_committed_documents_and_resumes(tmp_path, monkeypatch):
    make_batch(tmp_path / "in", 6)
    db = tmp_path / "db.sqlite"
    original = Store.write_document
    calls = {"n": 0}

    def crash_on_third(self, doc, version):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # as if the process were stopped mid-write
        return original(self, doc, version)

    monkeypatch.setattr(Store, "write_document", crash_on_third)
    with pytest.raises(KeyboardInterrupt):
        run([str(tmp_path / "in")], db)
    monkeypatch.setattr(Store, "write_document", original)
    with Store(db) as store:
        assert store.counts()["documents"] == 2
    summary = run([str(tmp_path / "in")], db)
    assert (summary.skipped, summary.stored) == (2, 4)
    with Store(db) as store:
        assert store.counts()["documents"] == 6
        assert store.counts()["articles"] == 6


def test_killed_process_loses_nothing_committed(tmp_path):
    """SIGKILL a real `dateline run` mid-batch, then run again: every document once."""
    total = 200
    make_batch(tmp_path / "in", total)
    db = tmp_path / "db.sqlite"
    cmd = [sys.executable, "-m", "dateline.cli", "run", str(tmp_path / "in"), "--db", str(db), "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with Store(db) as store:
                    stored = store.counts()["documents"]
            except Exception:
                stored = 0
            if stored >= 5:
                break
        time.sleep(0.05)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    with Store(db) as store:
        partial = store.counts()
    assert 5 <= partial["documents"] < total
    assert partial["articles"] == partial["documents"]  # no half-written document
    summary = run([str(tmp_path / "in")], db)
    assert summary.skipped == partial["documents"]
    assert summary.stored + summary.skipped == total
    with Store(db) as store:
        assert store.counts()["documents"] == total
        assert store.counts()["articles"] == total


def test_stage_order_is_checked_when_built():
    with pytest.raises(ValueError, match="requires"):
        Pipeline([Stage("quotes", lambda d: d, requires=frozenset({"actors"}))])


def test_a_stage_must_return_the_document(tmp_path):
    from dateline.ingest.decode import decode
    from dateline.model import RawDocument

    pipeline = Pipeline([Stage("broken", lambda d: None, requires=frozenset({"text"}))])
    with pytest.raises(DatelineError) as info:
        pipeline(decode(RawDocument("x.txt", b"some text here", "h")))
    assert info.value.code is ErrorCode.E008_STAGE_CONTRACT


def test_a_document_over_its_time_budget_is_an_error_row_and_the_batch_goes_on(tmp_path):
    from dateline import RunOptions, Store, run
    from tests.ingest.builders import STORY, page

    slow = tmp_path / "a-slow.html"
    slow.write_text("<html><body>" + "<p>a</p>" * 200_000 + "</body></html>", encoding="utf-8")
    fine = tmp_path / "b-fine.html"
    fine.write_text(page("Ferry route approved", STORY), encoding="utf-8")
    summary = run([str(slow), str(fine)], tmp_path / "t.db", RunOptions(max_seconds=0.5))
    assert [e.code.value for e in summary.errors] == ["E013"] and "a-slow.html" in summary.errors[0].source
    assert summary.stored == 1
    with Store(tmp_path / "t.db") as store:
        assert [e["code"] for e in store.errors()] == ["E013"]


def test_two_workers_store_exactly_what_one_does(tmp_path):
    import sqlite3

    from dateline import RunOptions, run
    from tests.ingest.builders import STORY, page
    from tests.store.test_clusters import OTHER

    paths = []
    for n in range(6):  # two stories, three copies each, and one input that fails
        body = STORY if n % 2 else OTHER
        paths.append(tmp_path / f"p{n}.html")
        paths[-1].write_text(page(f"Story {n % 2}, copy {n}", [*body, f"Copy {n}."]), encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    inputs = [str(p) for p in paths] + [str(tmp_path / "empty.txt")]

    def stored(db):
        conn = sqlite3.connect(db)
        tables = {
            "articles": "SELECT d.source, a.ordinal, a.headline, a.body, a.cluster_id FROM articles a "
            "JOIN documents d ON d.id = a.document_id",
            "quotes": "SELECT article_id, kind, content, speaker, speaker_actor_id FROM quotes",
            "events": "SELECT article_id, code, source_text, source_code, target_code, listed FROM events",
            "actors": "SELECT id, name, code, mention_count, aliases FROM actors",
            "errors": "SELECT source, code FROM errors",
        }
        found = {name: sorted(conn.execute(sql).fetchall(), key=repr) for name, sql in tables.items()}
        conn.close()
        return found

    one, two = tmp_path / "one.db", tmp_path / "two.db"
    first = run(inputs, one, RunOptions(workers=1))
    second = run(inputs, two, RunOptions(workers=2))
    assert first.describe() == second.describe()
    assert stored(one) == stored(two)
    assert len({row[4] for row in stored(two)["articles"]}) == 2  # the copies cluster the same way


def test_workers_forked_after_the_learned_models_ran_here_do_not_hang(tmp_path):
    # The line model and the quote judge are LightGBM models; OpenMP threads started by a
    # prediction in this process would deadlock a worker forked afterwards. Run in a fresh
    # interpreter with a deadline, so a hang fails the test instead of stalling the suite.
    script = tmp_path / "fork_after_models.py"
    said = "".join(f"“We will not give up on pier {n},” the union leader told reporters.\n\n" for n in range(80))
    (tmp_path / "story.txt").write_text(f"Harbour strike\n\n{said}", encoding="utf-8")
    script.write_text(
        "import sys\n"
        "from dateline import RunOptions, process_article, process_text, run\n"
        "process_article(open(sys.argv[1], encoding='utf-8').read())\n"
        "process_text(open(sys.argv[1], 'rb').read() * 3)\n"
        "summary = run([sys.argv[1]], sys.argv[2], RunOptions(workers=2))\n"
        "print(summary.describe())\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "story.txt"), str(tmp_path / "f.db")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "1 document(s) stored" in done.stdout, done.stdout
