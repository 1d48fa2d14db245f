"""Listed quotes of news pages drawn at random, printed to be read by hand.

A quote is read as right when a reader takes its words and its speaker as words that person
said. The sample is the first ``--per-page`` listed quotes of the first ``--pages`` pages (in an
order drawn by ``--seed``) that list at least ``--least`` quotes, from the HTML pages of
``../shared/eval/<corpus>/html`` run through the whole pipeline as ``dateline run`` would.
``--skip-seeds`` leaves out the pages of earlier samples (drawn again from their seeds), so a
page is read once. Drawing a seed again runs today's finder, which may list a different number of
quotes on a page than the finder of the day it was read, so the pages of every sample are also
written down in ``bench/quote_samples.tsv`` (corpus, seed, page) and any page listed there is
passed over: that list is the record of what has been read (from 2026-12-08; earlier samples are
known only by their seeds). Each quote prints with its sentence, its speaker phrase, the actor it
stands for and its cue.

    python tools/quote_sample.py --corpus aeb --seed 1 [--pages 5] [--skip-seeds 0] [--no-record]
"""

from __future__ import annotations

import argparse
import gzip
import random
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from bench_support import add_shared_option, eval_folder
from dateline import process_text


def drawn(folder: Path, seed: int) -> list[Path]:
    pages = sorted(folder.glob("*.html*"))
    random.Random(seed).shuffle(pages)
    return pages


def listed(path: Path) -> tuple[object, list]:
    data = path.read_bytes()
    data = gzip.decompress(data) if path.suffix == ".gz" else data
    doc = process_text(data, source=path.name.removesuffix(".gz"))
    return doc, [(article, q) for article in doc.articles for q in article.quotes if q.listed]


RECORD = Path(__file__).resolve().parents[1] / "bench" / "quote_samples.tsv"
_ID = 16  # the pages are named by hex digests: this many characters name one


def recorded(corpus: str) -> set[str]:
    """The pages of ``corpus`` some earlier sample read (bench/quote_samples.tsv)."""
    if not RECORD.exists():
        return set()
    rows = [line.split("\t") for line in RECORD.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    return {page for name, _, page in rows if name == corpus}


def sample(folder: Path, seed: int, pages: int, least: int, skip: set[str]) -> list[tuple[Path, object, list]]:
    chosen = []
    for path in drawn(folder, seed):
        if path.name in skip or path.name[:_ID] in skip:
            continue
        doc, quotes = listed(path)
        if len(quotes) >= least:
            chosen.append((path, doc, quotes))
        if len(chosen) == pages:
            break
    return chosen


def show(doc, article, quote) -> str:
    text = doc.text
    content = " … ".join(text[part.start : part.end] for part in quote.stretches())
    speaker = text[quote.speaker.start : quote.speaker.end] if quote.speaker else "-"
    actor = article.actors[quote.speaker_actor].name if quote.speaker_actor is not None else "-"
    cue = quote.cue_lemma or "-"
    lo = max(text.rfind("\n", 0, quote.content.start) + 1, quote.content.start - 300)
    hi = text.find("\n", quote.content.end)
    hi = min(hi if hi >= 0 else len(text), quote.content.end + 300)
    context = text[lo:hi]
    return (f"  [{quote.kind}] speaker={speaker!r} actor={actor!r} cue={cue}\n  CONTENT: {content}\n"
            + textwrap.indent(textwrap.fill(context[:900], 110), "    | "))  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default="aeb", help="aeb or news2023 (default aeb)")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--pages", type=int, default=5)
    parser.add_argument("--per-page", type=int, default=8)
    parser.add_argument("--least", type=int, default=4, help="pages listing fewer quotes are passed over")
    parser.add_argument("--skip-seeds", type=int, nargs="*", default=[], help="leave out these samples' pages")
    parser.add_argument("--no-record", action="store_true", help="do not write the pages down as read")
    add_shared_option(parser)
    args = parser.parse_args()
    folder = eval_folder(args.shared, args.corpus, "html")
    if folder is None:
        return 1
    skip: set[str] = recorded(args.corpus)
    for seed in args.skip_seeds:
        skip |= {path.name for path, _, _ in sample(folder, seed, args.pages, args.least, skip)}
    chosen = sample(folder, args.seed, args.pages, args.least, skip)
    for path, doc, quotes in chosen:
        headline = doc.articles[0].headline.text if doc.articles and doc.articles[0].headline else ""
        print(f"\n=== {path.name[:_ID]} {headline!r} ({len(quotes)} listed)")
        for n, (article, quote) in enumerate(quotes[: args.per_page], 1):
            print(f"{n}." + show(doc, article, quote)[1:])
    if chosen and not args.no_record:
        if not RECORD.exists():
            RECORD.write_text("corpus\tseed\tpage\n", encoding="utf-8")
        with RECORD.open("a", encoding="utf-8") as out:
            out.writelines(f"{args.corpus}\t{args.seed}\t{path.name[:_ID]}\n" for path, _, _ in chosen)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
