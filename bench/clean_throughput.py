"""Throughput of the cleaning stage (decode + repair + segment + build articles).

Generates a large dump in the seed's shape from the bundled sample (articles with
furniture, repeated headlines, captions, relative dates), then times:
  baseline   reading every line once (split + strip): the floor any cleaner pays
  decode     charset detection + ftfy repair + unrecoverable-character scan
  clean      segmentation and article building
and prints articles/s and MB/s, with each stage's time as a ratio of the baseline. That
shape (a clean scrape) is segmented by the rules.

Full-page scrapes are segmented by the line model: on the shared dumps2023 (where present)
the bench times, in the same run and interleaved dump by dump, the cleaning stage
(``clean_document``) with the rule segmenter and with dateline's own (the model), and
prints the ratio. It also times the cleaning stage as it was at ``--then`` (by default the
commit before the line model, the cleaner issue 22 measured), taken from git and imported
beside today's, and prints the model's time as a ratio of it.

    python bench/clean_throughput.py [--copies 300] [--shared ../shared] [--rounds 3] [--then 7b84b38]
"""

from __future__ import annotations

import argparse
import importlib
import tempfile
import time
from pathlib import Path

from bench_support import add_shared_option, eval_folder, frozen_package
from dateline.clean import clean_document, learned, segment
from dateline.demo import SAMPLE_CRAWL_TIME, sample_path
from dateline.ingest.decode import decode
from dateline.ingest.sources import content_hash
from dateline.model import Document, RawDocument


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


def clean_with(segmenter, decoded: Document) -> int:
    """The cleaning stage on a fresh copy of a decoded dump, with one segmenter: articles found."""
    doc = Document(raw=decoded.raw, text=decoded.text, encoding=decoded.encoding, flags=list(decoded.flags))
    return len(clean_document(doc, segmenter).articles)


def full_page_ratio(shared, rounds: int, then: str) -> None:
    folder = eval_folder(shared, "dumps2023")
    if folder is None:
        return
    decoded = []
    for path in sorted(folder.glob("dump*.txt")):
        data = path.read_bytes()
        decoded.append(decode(RawDocument(path.name, data, content_hash(data))))
    learned.load_model()  # loaded once per process, as in a run
    cleaners = {"rules": lambda doc: clean_with(segment.find_regions, doc),
                "model": lambda doc: clean_with(learned.find_regions, doc)}  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        name = frozen_package(then, Path(tmp))
        if name is not None:
            old = importlib.import_module(f"{name}.clean")
            old_model = importlib.import_module(f"{name}.model")

            def clean_then(doc: Document) -> int:
                copy = old_model.Document(raw=doc.raw, text=doc.text, encoding=doc.encoding, flags=list(doc.flags))
                return len(old.clean_document(copy).articles)

            cleaners = {"then": clean_then, **cleaners}
        megabytes = sum(len(d.text.encode()) for d in decoded) / 1e6
        spent = dict.fromkeys(cleaners, 0.0)
        found = dict.fromkeys(cleaners, 0)
        for _ in range(rounds):
            for doc in decoded:
                for key, cleaner in cleaners.items():
                    n, seconds = timed(cleaner, doc)
                    spent[key] += seconds
                    found[key] += n
    print(f"full-page dumps (dumps2023): {len(decoded)} dumps, {megabytes:.2f} MB, {rounds} rounds")
    labels = {"then": f"at {then}", "rules": "rules now", "model": "model now"}
    for key in spent:
        rate = megabytes * rounds / spent[key]
        articles = found[key] // rounds
        print(f"  cleaning stage, {labels[key]:12s}: {spent[key]:.2f} s  {rate:.2f} MB/s  ({articles} articles)")
    print(f"  model / rules time: {spent['model'] / spent['rules']:.2f}x")
    if "then" in spent:
        print(f"  model now / cleaner at {then}: {spent['model'] / spent['then']:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=300, help="copies of the 3-article sample (default 300)")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the full-page dumps (default 3)")
    parser.add_argument("--then", default="7b84b38", help="the commit whose cleaner is the baseline (default 7b84b38)")
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
    full_page_ratio(args.shared, args.rounds, args.then)
    return 0 if n == args.copies * 3 else 1


if __name__ == "__main__":
    raise SystemExit(main())
