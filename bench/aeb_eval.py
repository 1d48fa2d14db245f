"""Article bodies from real HTML pages (../shared/eval/aeb, 121 pages of the public
ScrapingHub article-extraction benchmark; ../shared/eval/news2023, 280 pages of 139 sites),
scored with the AEB shingle score.

Prints precision, recall and F1 of our HTML reader's body (paragraphs and subheads,
captions kept apart, dateline removed as stored) and of bare ``trafilatura.extract`` on
the same pages in the same run: AEB whole, news2023 in its two parts split by site
(``bench_support.site_part``: the part choices were made on, and the untouched part).

    python bench/aeb_eval.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from bench_support import add_shared_option, eval_folder, site_part
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


def evaluate(folder: Path, part: Callable[[dict], str] | None = None) -> dict:
    """Scores of ours and bare trafilatura on every page of ``folder``; with ``part`` (a page's
    gold record -> the name of its part), one such result per part instead."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages: dict[str, dict] = {}
    for path in sorted((folder / "html").glob("*.html.gz")):
        page_id = path.name[: -len(".html.gz")]
        if page_id not in truth:
            continue
        tally = pages.setdefault(part(truth[page_id]) if part else "all", {"ours": [], "bare": [], "t_ours": 0.0,
                                                                            "t_bare": 0.0})  # fmt: skip
        html = gzip.decompress(path.read_bytes())
        expected = truth[page_id]["articleBody"]
        start = time.perf_counter()
        tally["ours"].append(page_counts(our_body(html, path.name), expected))
        tally["t_ours"] += time.perf_counter() - start
        start = time.perf_counter()
        tally["bare"].append(page_counts(trafilatura.extract(html.decode("utf-8", "replace")) or "", expected))
        tally["t_bare"] += time.perf_counter() - start
    results = {name: {**t, "ours": body_score(t["ours"]), "bare": body_score(t["bare"])} for name, t in pages.items()}
    return results if part else results["all"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_shared_option(parser)
    args = parser.parse_args()
    folder = eval_folder(args.shared, "aeb")
    if folder is None:
        return 2
    report("AEB", evaluate(folder))
    news = eval_folder(args.shared, "news2023")
    if news is not None:
        for name, result in sorted(evaluate(news, lambda gold: site_part(gold.get("url"))).items()):
            report(f"news2023 {name}", result)
    return 0


def report(label: str, result: dict) -> None:
    for key in ("ours", "bare"):
        s = result[key]
        name = "dateline HTML reader " if key == "ours" else "bare trafilatura.extract"
        print(f"{label:<19} {name:<25} F1 {s.f1:.3f}  P {s.precision:.3f}  R {s.recall:.3f}  ({s.pages} pages, "
              f"{result['t_' + key]:.1f} s)")  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
