"""Fuzz every reader, the decoder, the cleaner and the query API with mutated real inputs.

Each case is a seed input (a text dump, an HTML page, JSON Lines, CSV, a WARC archive, each
also gzipped) put through random mutations (bytes flipped, inserted, deleted, repeated,
cut; hostile fragments such as "<meta " in a loop, NUL, U+2028, deep brackets, long
digit runs; gzip of a mutated body; two seeds run together). It is read as a file through
``read_inputs``, then decoded and cleaned, with a time budget. A query case is a random
string from hostile characters asked of a small store as a search, a raw FTS5 query, a
name, a code, a date and an id.

Printed: cases run, tracebacks (any exception other than dateline's own one-line errors),
hangs over the budget, inputs that ended with neither a document nor an error, and the
peak memory of the process. Exit status 1 when any traceback, hang or silent input was
found. Deterministic for a seed.

    python fuzz/fuzz_dateline.py [--cases 10000] [--seed 1] [--budget 10] [--show 5]
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import random
import resource
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

import dateline
from dateline.clean import clean_document
from dateline.demo import sample_path
from dateline.errors import DatelineError
from dateline.ingest import decode_any
from dateline.ingest.sources import read_inputs
from dateline.ingest.warc import Skipped
from dateline.model import RawDocument
from dateline.options import RunOptions
from dateline.query import QueryError

HOSTILE = [b"<meta ", b'"<meta ', b"\x00", b"\xff\xfe", "\u2028".encode(), "\u0085".encode(), b"{" * 200,
           b"[" * 2000, b"7" * 5000, b'"', b"\r", b"\r\n\r\n", b"<p>a</p>" * 200, b"WARC/1.0\r\n", b"\x1f\x8b",
           b"Updated 58 min 39 sec ago\n", b"LONDON (Reuters) - ", "\u200b".encode() * 50, b"&#0;&#xD800;",
           b"<script>" * 50, b",text,html\n", b'{"text": ']  # fmt: skip
QUERY_CHARS = [*'"\'*^():-+%_[]\\ \t\n\u2028\u202e\x00…🙂中ü', "AND", "OR", "NOT", "NEAR", "U.S.", "Putin", "a"]


def seeds() -> dict[str, bytes]:
    text = sample_path().read_bytes()
    body = "".join(f"<p>{line}</p>" for line in text.decode().splitlines()[:40] if line.strip())
    html = f"<!DOCTYPE html><html><head><title>A page</title></head><body><article>{body}</article></body></html>"
    records = [{"text": p, "url": f"https://x.example/{i}", "date": "2025-03-01T00:00:00Z"}
               for i, p in enumerate(text.decode().split("\n\n")[:6])]  # fmt: skip
    jsonl = "".join(json.dumps(r) + "\n" for r in records).encode()
    out = io.StringIO()
    out.write("text,url\n")
    for r in records:
        out.write('"' + r["text"].replace('"', '""') + f'",{r["url"]}\n')
    found = {"dump.txt": text, "page.html": html.encode(), "records.jsonl": jsonl}
    found["records.csv"] = out.getvalue().encode()
    found["archive.warc"] = _warc([("https://x.example/a", html.encode()), ("https://x.example/b", html.encode())])
    for name, data in list(found.items()):
        found[name + ".gz"] = gzip.compress(data)
    return found


def _warc(pages: list[tuple[str, bytes]]) -> bytes:
    """A small uncompressed WARC of HTTP 200 HTML responses, written by hand."""
    out = b""
    for uri, body in pages:
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
        head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-11-15T12:00:00Z\r\n"
                f"WARC-Record-ID: <urn:uuid:{abs(hash(uri)):032x}>\r\nContent-Type: application/http; msgtype=response"
                f"\r\nContent-Length: {len(http)}\r\n\r\n").encode()  # fmt: skip
        out += head + http + b"\r\n\r\n"
    return out


def mutate(data: bytes, rng: random.Random, pool: list[bytes]) -> bytes:
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(9)
        at = rng.randrange(len(data) + 1)
        if kind == 0 and data:  # flip bytes
            data = bytearray(data)
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
            data = bytes(data)
        elif kind == 1:  # insert random bytes
            data = data[:at] + rng.randbytes(rng.randint(1, 200)) + data[at:]
        elif kind == 2:  # delete a slice
            data = data[:at] + data[at + rng.randint(1, 2000) :]
        elif kind == 3 and data:  # repeat a slice
            piece = data[at : at + rng.randint(1, 200)]
            data = data[:at] + piece * rng.randint(2, 300) + data[at:]
        elif kind == 4:  # cut
            data = data[:at]
        elif kind == 5:  # a hostile fragment, maybe many times
            data = data[:at] + rng.choice(HOSTILE) * rng.choice((1, 1, 10, 500)) + data[at:]
        elif kind == 6:  # gzip what we have, maybe damaged
            data = gzip.compress(data)
            if rng.random() < 0.5:
                data = data[: rng.randint(2, len(data))]
        elif kind == 7:  # two inputs run together
            data = data + b"\n\n" + rng.choice(pool)
        else:  # re-encode
            data = data.decode("utf-8", "replace").encode(rng.choice(["utf-16", "latin-1", "cp1252", "utf-8"]),
                                                           "replace")  # fmt: skip
    return data


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang()


def run_input(path: Path, options: RunOptions) -> tuple[int, int]:
    """Documents and errors an input ends as (read, decode, clean)."""
    documents = errors = 0
    for item in read_inputs([str(path)], options):
        if isinstance(item, DatelineError):
            errors += 1
        elif isinstance(item, RawDocument):
            try:
                clean_document(decode_any(item))
                documents += 1
            except DatelineError:
                errors += 1
        elif isinstance(item, Skipped):
            errors += 1  # counted, said in the run summary
    return documents, errors


def query_case(db: dateline.Database, text: str) -> None:
    for call in (
        lambda: db.search(text), lambda: db.search(text, fts=True), lambda: db.articles(search=text),
        lambda: db.actors(name=text), lambda: db.quotes(speaker=text), lambda: db.events(source=text, target=text),
        lambda: db.events(code=text), lambda: db.events(root=text), lambda: db.events(since=text),
        lambda: db.articles(until=text), lambda: db.article(text), lambda: db.events(limit=text),
    ):  # fmt: skip
        with contextlib.suppress(QueryError):
            call()


def fuzz(cases: int, seed: int, budget: float, show: int, quiet: bool = False) -> dict:
    rng = random.Random(seed)
    pool = list(seeds().values())
    names = list(seeds())
    report = Counter()
    failures: list[str] = []
    slowest = 0.0
    signal.signal(signal.SIGALRM, _alarm)
    options = RunOptions(max_bytes=8 << 20, progress=False)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db_path = folder / "q.db"
        dateline.run([str(sample_path())], db_path, RunOptions(progress=False))
        with dateline.open(db_path) as db:
            for n in range(cases):
                is_query = n % 10 == 9
                if is_query:
                    text = "".join(rng.choice(QUERY_CHARS) for _ in range(rng.randint(0, 12)))
                    label = f"query {text!r}"
                else:
                    name = rng.choice(names)
                    data = mutate(pool[names.index(name)], rng, pool)
                    path = folder / f"case{n % 7}"
                    path.write_bytes(data)
                    label = f"{name} mutated, {len(data)} bytes"
                started = time.perf_counter()
                signal.setitimer(signal.ITIMER_REAL, budget)
                try:
                    if is_query:
                        query_case(db, text)
                    else:
                        documents, errors = run_input(path, options)
                        if documents + errors == 0:
                            report["silent"] += 1
                            failures.append(f"SILENT {label}")
                except Hang:
                    report["hangs"] += 1
                    failures.append(f"HANG over {budget} s: {label}")
                except Exception:
                    report["tracebacks"] += 1
                    failures.append(f"TRACEBACK {label}\n{traceback.format_exc(limit=4)}")
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                slowest = max(slowest, time.perf_counter() - started)
                report["queries" if is_query else "inputs"] += 1
                if not quiet and (n + 1) % 1000 == 0:
                    print(f"  {n + 1} cases, {report['tracebacks']} tracebacks, {report['hangs']} hangs", flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {"cases": cases, **report, "slowest_s": round(slowest, 2), "peak_mb": round(peak), "failures": failures}
    if not quiet:
        print(f"cases {cases} (inputs {report['inputs']}, queries {report['queries']}); tracebacks "
              f"{report['tracebacks']}; hangs over {budget} s {report['hangs']}; inputs with neither a document nor "
              f"an error {report['silent']}; slowest case {slowest:.2f} s; peak RSS {peak:.0f} MB")  # fmt: skip
        for failure in failures[:show]:
            print(failure)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--budget", type=float, default=10.0, help="seconds one case may take")
    parser.add_argument("--show", type=int, default=5, help="failures to print")
    args = parser.parse_args()
    result = fuzz(args.cases, args.seed, args.budget, args.show)
    return 1 if result.get("tracebacks") or result.get("hangs") or result.get("silent") else 0


if __name__ == "__main__":
    sys.exit(main())
