"""Throughput of the cleaning stage (decode + repair + segment + build articles).

Generates a large dump in the seed's shape from the bundled sample (articles with
furniture, repeated headlines, captions, relative dates), then times:
  baseline   reading every line once (split + strip): the floor any cleaner pays
  decode     charset detection + ftfy repair + unrecoverable-character scan
  clean      segmentation and article building
and prints articles/s and MB/s, with each stage's time as a ratio of the baseline.

    python bench/clean_throughput.py [--copies 300]
"""

from __future__ import annotations

import argparse
import time

from dateline.clean import clean_document
from dateline.demo import SAMPLE_CRAWL_TIME, sample_path
from dateline.ingest.decode import decode
from dateline.ingest.sources import content_hash
from dateline.model import RawDocument


def make_dump(copies: int) -> bytes:
    sample = sample_path().read_text(encoding="utf-8")
    parts = []
    for i in range(copies):
        # Vary the text so nothing is cached or deduplicated across copies.
        parts.append(sample.replace("Tuesday", f"Tuesday ({i})").replace("Monday", f"Monday ({i})"))
    return "\n\n".join(parts).encode("utf-8")


def timed(func, *args):
    start = time.perf_counter()
    result = func(*args)
    return result, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=300, help="copies of the 3-article sample (default 300)")
    args = parser.parse_args()
    data = make_dump(args.copies)
    megabytes = len(data) / 1e6
    raw = RawDocument("bench.txt", data, content_hash(data), SAMPLE_CRAWL_TIME)

    _, baseline = timed(lambda: [line.strip() for line in data.decode("utf-8").split("\n")])
    doc, t_decode = timed(decode, raw)
    doc, t_clean = timed(clean_document, doc)
    n = len(doc.articles)
    total = t_decode + t_clean
    print(f"input: {megabytes:.2f} MB, {args.copies * 3} articles expected, {n} found")
    print(f"baseline (split+strip): {baseline:.3f} s")
    print(f"decode+repair:          {t_decode:.3f} s  ({t_decode / baseline:.0f}x baseline)")
    print(f"segment+articles:       {t_clean:.3f} s  ({t_clean / baseline:.0f}x baseline)")
    print(f"cleaning stage total:   {total:.3f} s  -> {n / total:.0f} articles/s, {megabytes / total:.2f} MB/s")
    return 0 if n == args.copies * 3 else 1


if __name__ == "__main__":
    raise SystemExit(main())
