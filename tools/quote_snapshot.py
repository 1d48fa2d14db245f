"""Every field of every quote the finder gives on PolNeAR, written down to compare two versions.

A refactoring of the quote finder must not change what it finds. This parses the PolNeAR
articles once (as ``bench/polnear_eval.py`` reads them: first line headline, other lines
paragraphs), keeps the parses and actors in a cache file, and runs only the quote stage over
them, so that a before/after comparison of all 924 articles takes a minute rather than ten.

    python tools/quote_snapshot.py --cache /tmp/polnear.pickle --out before.jsonl
    ... change the finder ...
    python tools/quote_snapshot.py --cache /tmp/polnear.pickle --out after.jsonl --compare before.jsonl

The cache holds spaCy Docs made by this machine's model; delete it when the parse changes.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from bench_support import add_shared_option, eval_folder
from dateline.clean.written import article_as_written
from dateline.extract import find_actors, parse_documents
from dateline.extract.quotes import extract_quotes
from dateline.ingest.sources import content_hash
from dateline.model import Document, RawDocument


def parsed_articles(shared: str | None, splits: list[str]) -> list[tuple[str, object, object, list]]:
    """(name, spaCy doc, article text, actors) for every PolNeAR article of ``splits``."""
    docs = []
    for split in splits:
        folder = eval_folder(shared, "polnear", split)
        if folder is None:
            raise SystemExit(2)
        for path in sorted((folder / "text").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            data = text.encode("utf-8")
            doc = Document(raw=RawDocument(f"{split}/{path.name}", data, content_hash(data)), text=text)
            doc.articles.append(article_as_written(text, 0, 0, True))
            docs.append(doc)
    for start in range(0, len(docs), 32):
        parse_documents(docs[start : start + 32])
    rows = []
    for doc in docs:
        find_actors(doc)
        article = doc.articles[0]
        rows.append((doc.source, article.parse, article.parse_text, article.actors))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_shared_option(parser)
    parser.add_argument("--cache", type=Path, required=True, help="pickle of the parses (made when missing)")
    parser.add_argument("--out", type=Path, required=True, help="JSON lines: one article's quotes a line")
    parser.add_argument("--compare", type=Path, help="an earlier --out file: print every article that differs")
    parser.add_argument("--splits", nargs="+", default=["dev", "train"], choices=("dev", "train"))
    args = parser.parse_args()
    if args.cache.exists():
        rows = pickle.loads(args.cache.read_bytes())
    else:
        rows = parsed_articles(args.shared, args.splits)
        args.cache.write_bytes(pickle.dumps(rows))
    started = time.process_time()
    with args.out.open("w", encoding="utf-8") as out:
        for name, spacy_doc, text, actors in rows:
            quotes = []
            for quote in extract_quotes(spacy_doc, text, actors):
                name_of = None if quote.speaker_actor is None else actors[quote.speaker_actor].name
                quotes.append(dataclasses.asdict(quote) | {"speaker_name": name_of})
            out.write(json.dumps({"article": name, "quotes": quotes}, ensure_ascii=False) + "\n")
    total = sum(1 for _ in args.out.open(encoding="utf-8"))
    print(f"{total} articles, quote stage {time.process_time() - started:.1f} CPU s -> {args.out}")
    if args.compare is None:
        return 0
    before = {json.loads(line)["article"]: line for line in args.compare.open(encoding="utf-8")}
    changed = 0
    for line in args.out.open(encoding="utf-8"):
        name = json.loads(line)["article"]
        if before.get(name) != line:
            changed += 1
            print(f"  differs: {name}")
    print(f"{changed} of {total} articles differ")
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
