"""kill -9 in the middle of `dateline run`, then re-run: nothing lost, nothing doubled."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time

from tests.ingest.builders import STORY, page

TABLES = ("documents", "articles", "paragraphs", "actors", "mentions", "quotes", "events", "errors", "article_bands")


def rows(db) -> dict[str, object]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        found = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        found["articles by source"] = sorted(conn.execute(
            "SELECT d.source, a.ordinal, a.headline, a.cluster_id IS NOT NULL FROM articles a "
            "JOIN documents d ON d.id = a.document_id"
        ).fetchall())  # fmt: skip
        return found
    finally:
        conn.close()


def committed(db) -> int:
    """Documents committed to the store so far (0 before it has its tables)."""
    if not db.exists():
        return 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
    try:
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


def test_killed_runs_resume_to_the_same_store_as_a_clean_run(tmp_path):
    inputs = []
    for n in range(10):
        path = tmp_path / f"page{n}.html"
        path.write_text(page(f"Ferry story number {n}", [f"In town {n}, {p}" for p in STORY]), encoding="utf-8")
        inputs.append(str(path))
    (tmp_path / "bad.txt").write_bytes(b"")
    inputs.append(str(tmp_path / "bad.txt"))
    command = [sys.executable, "-m", "dateline.cli", "run", *inputs, "--no-progress", "--db"]
    clean = tmp_path / "clean.db"
    subprocess.run([*command, str(clean)], check=True, capture_output=True, timeout=300)
    killed = tmp_path / "killed.db"
    kills = 0
    for _ in range(4):
        # Killed as soon as it has committed one more document than the runs before it: in
        # the middle of its work, however fast the machine (a fixed sleep let it finish).
        target = committed(killed) + 1
        process = subprocess.Popen([*command, str(killed)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while process.poll() is None:
            if committed(killed) >= target:
                process.send_signal(signal.SIGKILL)
                kills += 1
                break
            time.sleep(0.02)
        process.wait(timeout=60)
    subprocess.run([*command, str(killed)], check=True, capture_output=True, timeout=300)
    assert kills >= 1
    assert rows(killed) == rows(clean)
