"""Peak memory of `dateline run` over a 2 GB input set (goal: under 1 GB RSS).

The set is what a crawl folder holds: a 1.8 GB WARC archive of images with news pages
between them, text files larger than --max-bytes, a gzip bomb (1 GB of zeros in 1 MB), a
JSON Lines file and a few hundred HTML pages. Everything is generated in a temporary
folder, run in a child process, and the child's peak resident memory is read from the
kernel (``getrusage(RUSAGE_CHILDREN)``).

    python bench/memory_2gb.py [--gigabytes 2] [--pages 200]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.ingest.builders import STORY, page

IMAGE = 2 * 1024 * 1024


def response(uri: str, content_type: str, body: bytes) -> bytes:
    http = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n".encode() + body
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-11-15T12:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{abs(hash(uri)):032x}>\r\nContent-Type: application/http; msgtype=response"
            f"\r\nContent-Length: {len(http)}\r\n\r\n").encode()  # fmt: skip
    return head + http + b"\r\n\r\n"


def build(folder: Path, gigabytes: float, pages: int) -> int:
    total = 0
    image = os.urandom(IMAGE)
    with (folder / "crawl.warc").open("wb") as warc:
        n = 0
        while total < gigabytes * 0.9 * 1e9:
            record = response(f"https://img.example/{n}.png", "image/png", image)
            if n % 10 == 0:
                html = page(f"Ferry story number {n}", [f"In town {n}, {p}" for p in STORY]).encode()
                record += response(f"https://news.example/{n}", "text/html; charset=utf-8", html)
            warc.write(record)
            total += len(record)
            n += 1
    for n in range(3):  # larger than the 64 MiB default of --max-bytes
        path = folder / f"huge-{n}.txt"
        with path.open("wb") as f:
            f.write((" ".join(STORY) + "\n\n").encode() * (70 * 1024 * 1024 // len(" ".join(STORY))))
        total += path.stat().st_size
    bomb = folder / "bomb.txt.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as f:
        chunk = b"\0" * (1 << 20)
        for _ in range(1024):
            f.write(chunk)
    total += bomb.stat().st_size
    records = folder / "feed.jsonl"
    records.write_text("".join(json.dumps({"text": "\n".join(STORY), "url": f"https://feed.example/{n}",
                                           "title": f"Feed story {n}"}) + "\n" for n in range(pages)))  # fmt: skip
    total += records.stat().st_size
    for n in range(pages):
        path = folder / f"page-{n}.html"
        path.write_text(page(f"Island ferry report {n}", [f"Report {n}: {p}" for p in STORY]), encoding="utf-8")
        total += path.stat().st_size
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gigabytes", type=float, default=2.0)
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "inputs"
        folder.mkdir()
        size = build(folder, args.gigabytes, args.pages)
        started = time.perf_counter()
        command = [sys.executable, "-m", "dateline.cli", "run", str(folder), "--db", str(Path(tmp) / "m.db")]
        done = subprocess.run([*command, "--no-progress"], capture_output=True, text=True)
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"inputs {size / 1e9:.2f} GB in {len(list(folder.iterdir()))} files; run {seconds:.0f} s, "
              f"exit {done.returncode}")  # fmt: skip
        print(done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-500:])
        print(f"errors reported: {sum(1 for line in done.stderr.splitlines() if line.startswith('error'))}")
        print(f"peak RSS of the run: {peak:.0f} MB ({'under' if peak < 1024 else 'OVER'} the 1 GB goal)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
