"""Throughput of the cleaning stage (decode + repair + segment + build articles).

Generates a large dump in the seed's shape from the bundled sample (articles with
furniture, repeated headlines, captions, relative dates), then times:
  baseline   reading every line once (split + strip): the floor any cleaner pays
  decode     charset detection + ftfy repair + unrecoverable-character scan
  clean      segmentation and article building
and prints articles/s and MB/s, with each stage's time as a ratio of the baseline. That
shape (a clean scrape) is segmented by the rules.

Full-page scrapes are segmented by the line model: on the shared dumps2023 (where present)
the bench times, in the same run and interleaved dump by dump, segmentation + article building
by the rule segmenter (the cleaner before the model) and by dateline's cleaner (the model),
and prints the ratio.

    python bench/clean_throughput.py [--copies 300] [--shared ../shared] [--rounds 3]
"""

from __future__ import annotations

import argparse
import time

from bench_support import add_shared_option, eval_folder
from dateline.clean import clean_document, learned, segment
from dateline.clean.article import build_article
from dateline.clean.lines import split_lines
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


def clean_with(find_regions, text: str) -> int:
    """Segmentation and article building with one segmenter: articles found."""
    regions = find_regions(split_lines(text))
    return len([build_article(region, i, text, [], None) for i, region in enumerate(regions)])


def full_page_ratio(shared, rounds: int) -> None:
    folder = eval_folder(shared, "dumps2023")
    if folder is None:
        return
    texts = []
    for path in sorted(folder.glob("dump*.txt")):
        data = path.read_bytes()
        texts.append(decode(RawDocument(path.name, data, content_hash(data))).text)
    learned.load_model()  # loaded once per process, as in a run
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    spent = {"rules": 0.0, "model": 0.0}
    found = {"rules": 0, "model": 0}
    for _ in range(rounds):
        for text in texts:
            for name, finder in (("rules", segment.find_regions), ("model", learned.find_regions)):
                n, seconds = timed(clean_with, finder, text)
                spent[name] += seconds
                found[name] += n
    print(f"full-page dumps (dumps2023): {len(texts)} dumps, {megabytes:.2f} MB, {rounds} rounds")
    for name in spent:
        rate = megabytes * rounds / spent[name]
        print(f"  {name:5s} segment+articles: {spent[name]:.2f} s  {rate:.2f} MB/s  ({found[name] // rounds} articles)")
    print(f"  model / rules time: {spent['model'] / spent['rules']:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=300, help="copies of the 3-article sample (default 300)")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the full-page dumps (default 3)")
    add_shared_option(parser)
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
    full_page_ratio(args.shared, args.rounds)
    return 0 if n == args.copies * 3 else 1


if __name__ == "__main__":
    raise SystemExit(main())
