"""Article bodies from real HTML pages (../shared/eval/aeb, 121 pages of the public
ScrapingHub article-extraction benchmark), scored with the AEB shingle score.

Prints precision, recall and F1 of our HTML reader's body (paragraphs and subheads,
captions kept apart, dateline removed as stored) and of bare ``trafilatura.extract`` on
the same pages in the same run.

    python bench/aeb_eval.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

import trafilatura

from bench_support import add_shared_option, eval_folder
from dateline.evaluate import body_score, page_counts
from dateline.ingest.html import decode_html
from dateline.ingest.sources import content_hash
from dateline.model import RawDocument


def our_body(html: bytes, name: str) -> str:
    try:
        doc = decode_html(RawDocument(name, html, content_hash(html), media_type="text/html"))
    except Exception:
        return ""
    return doc.articles[0].body


def evaluate(folder: Path) -> dict:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    ours, bare = [], []
    t_ours = t_bare = 0.0
    for path in sorted((folder / "html").glob("*.html.gz")):
        page_id = path.name[: -len(".html.gz")]
        if page_id not in truth:
            continue
        html = gzip.decompress(path.read_bytes())
        expected = truth[page_id]["articleBody"]
        start = time.perf_counter()
        ours.append(page_counts(our_body(html, path.name), expected))
        t_ours += time.perf_counter() - start
        start = time.perf_counter()
        bare.append(page_counts(trafilatura.extract(html.decode("utf-8", "replace")) or "", expected))
        t_bare += time.perf_counter() - start
    return {"ours": body_score(ours), "bare": body_score(bare), "t_ours": t_ours, "t_bare": t_bare}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_shared_option(parser)
    args = parser.parse_args()
    folder = eval_folder(args.shared, "aeb")
    if folder is None:
        return 2
    result = evaluate(folder)
    for label in ("ours", "bare"):
        s = result[label]
        name = "dateline HTML reader " if label == "ours" else "bare trafilatura.extract"
        print(f"{name:<25} F1 {s.f1:.3f}  P {s.precision:.3f}  R {s.recall:.3f}  ({s.pages} pages, "
              f"{result['t_' + label]:.1f} s)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
