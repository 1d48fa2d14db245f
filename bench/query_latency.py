"""Query latency on a large synthetic store: 100k articles, 1M events, 10k actors.

Builds the store through the real schema (migrations, FTS5 triggers, indexes) with made-up
rows, then times the three questions users ask most, through the query API
(``dateline.open``): an actor's events, one day's events, a full-text search. Prints the
median and the slowest of the repeated runs. Goal: each median under 100 ms.

    python bench/query_latency.py [--articles 100000] [--events 1000000] [--runs 15]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import dateline
from dateline.store import Store

WORDS = [f"w{n}" for n in range(5000)] + ["sanctions", "ceasefire", "talks", "minister", "border", "protest"]
CODES = ["010", "036", "040", "042", "043", "051", "057", "111", "112", "120", "138", "141", "173", "190"]


def build(path: Path, articles: int, events: int, actors: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with Store(path) as store:
        conn = store.conn
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO actors (id, name, norm_name, surname, kind, country, agent_type, code, aliases, mention_count,"
            " article_count) VALUES (?, ?, ?, ?, 'person', 'USA', 'GOV', 'USAGOV', ?, ?, ?)",
            ((i, f"Person Number{i}", f"person number{i}", f"number{i}", f'["Number{i}"]', rng.randint(1, 500),
              rng.randint(1, 100)) for i in range(1, actors + 1)),
        )  # fmt: skip
        start = date(2025, 1, 1)
        for i in range(1, articles + 1):
            day = (start + timedelta(days=i % 365)).isoformat()
            body = " ".join(rng.choices(WORDS, k=120)) + (f" Number{i % actors + 1}." if i % 3 == 0 else ".")
            conn.execute(
                "INSERT INTO documents (id, source, content_hash, media_type, repaired, byte_size, text, flags, "
                "pipeline_version, ingested_at) VALUES (?, ?, ?, 'text/plain', 0, ?, ?, '[]', 'bench', ?)",
                (i, f"synthetic/{i}.txt", f"h{i}", len(body), body, day),
            )
            conn.execute(
                "INSERT INTO articles (id, document_id, ordinal, start, end, headline, published, dateline_places, "
                "summary, captions, subheads, flags, body, pipeline_version) "
                "VALUES (?, ?, 0, 0, ?, ?, ?, '[]', '[]', '[]', '[]', '[]', ?, 'bench')",
                (i, i, len(body), " ".join(rng.choices(WORDS, k=8)), day, body),
            )
            conn.execute(
                "INSERT INTO paragraphs (article_id, ordinal, kind, start, end) VALUES (?, 0, 'paragraph', 0, ?)",
                (i, len(body)),
            )
        rows = []
        for n in range(1, events + 1):
            article = rng.randint(1, articles)
            day = (start + timedelta(days=article % 365)).isoformat()
            code = rng.choice(CODES)
            rows.append((n, article, n, code, code[:2], 1, 1.0, "Person", "USAGOV", rng.randint(1, actors), "Other",
                         "USAGOV", rng.randint(1, actors), "A sentence.", 0, 11, "said", 2, 6, "V0000", 0, day,
                         "asserted", 0.8))  # fmt: skip
            if len(rows) == 50_000:
                _events(conn, rows)
                rows = []
        _events(conn, rows)
        conn.execute("COMMIT")
        conn.execute("ANALYZE")


def _events(conn, rows) -> None:
    conn.executemany(
        "INSERT INTO events (id, article_id, ordinal, code, root, quad_class, goldstein, source_text, source_code, "
        "source_actor_id, target_text, target_code, target_actor_id, sentence, sentence_start, sentence_end, cue, "
        "cue_start, cue_end, entry, paragraph, date, mood, confidence) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def timed(call, runs: int) -> tuple[float, float, int]:
    seconds, size = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        size = len(call())
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds) * 1000, max(seconds) * 1000, size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.db"
        started = time.perf_counter()
        build(path, args.articles, args.events, args.actors)
        print(f"built {args.articles:,} articles, {args.events:,} events, {args.actors:,} actors in "
              f"{time.perf_counter() - started:.0f} s; {path.stat().st_size / 1e6:.0f} MB")  # fmt: skip
        someone = f"Number{args.actors // 3}"
        with dateline.open(path) as db:
            day = {"since": "2025-03-01", "until": "2025-03-01"}
            questions = {
                "actor's events (by name)": lambda: db.events(source=f"Person {someone}"),
                "one day's events, first page of 100": lambda: db.events(**day, limit=100),
                "one day's events, all": lambda: db.events(**day),
                "full-text search, a name, top 20": lambda: db.search(someone),
                "full-text search, common words, top 20": lambda: db.search("ceasefire talks"),
            }
            for name, call in questions.items():
                median, worst, size = timed(call, args.runs)
                verdict = "ok" if median < 100 else "OVER 100 ms"
                print(f"{name:<40} median {median:7.1f} ms  max {worst:7.1f} ms  rows {size:>5}  {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
