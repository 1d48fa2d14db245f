"""Records/s of our WARC reader against plain FastWARC iteration, same archive, same run.

Builds a gzipped WARC of generated HTML responses (plus image and 404 records that are
skipped), then times:
  baseline  FastWARC ArchiveIterator reading every record's payload
  ours      dateline's reader (HTTP parsing, filtering, hashing, truncation check)
and prints records/s for both and the ratio. Peak memory shows it stays flat.

    python bench/warc_throughput.py [--records 20000]
"""

from __future__ import annotations

import argparse
import io
import resource
import sys
import tempfile
import time
from pathlib import Path

from fastwarc.warc import ArchiveIterator

from dateline.ingest.warc import read_warc

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.ingest.builders import STORY, page


def build(path: Path, count: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for i in range(count):
            if i % 10 == 9:
                status, ctype, body = 200, "image/png", b"\x89PNG" + bytes(200)
            else:
                status, ctype = 200, "text/html"
                body = page(f"Story {i}", [f"{i}: {p}" for p in STORY]).encode()
            headers = StatusAndHeaders(f"{status} OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://news.example/{i}", "response", payload=io.BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2025-11-15T12:00:00Z"}))  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=20000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.warc.gz"
        build(path, args.records)
        size_mb = path.stat().st_size / 1e6
        start = time.perf_counter()
        with open(path, "rb") as stream:
            baseline = sum(1 for record in ArchiveIterator(stream) if record.reader.read() is not None)
        t_base = time.perf_counter() - start
        start = time.perf_counter()
        ours = sum(1 for _ in read_warc(str(path), 64 * 1024 * 1024))
        t_ours = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"archive: {size_mb:.1f} MB gzipped, {args.records} responses")
    print(f"plain FastWARC:  {baseline / t_base:8.0f} records/s ({t_base:.2f} s)")
    print(f"dateline reader: {ours / t_ours:8.0f} records/s ({t_ours:.2f} s)")
    print(f"ratio ours / plain: {t_base / t_ours:.2f}x   peak RSS {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
