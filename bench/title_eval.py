"""Headlines of real HTML pages against the hand-cleaned titles of ../shared/eval/news2023.

A page's headline is right when it equals the gold title after white space and quote
marks are normalised. The pages are split by site (SHA-1 of the site's domain: first hex
digit 0-7 tune, else untouched), and each part is reported with trafilatura's title as it
comes and with ours (``decode_html``: the page's first <h1> of headline length, else the
window title without the site's name).

    python bench/title_eval.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import gzip
import json

import trafilatura

from bench_support import add_shared_option, eval_folder, site_part
from dateline.errors import DatelineError
from dateline.ingest.html import decode_html
from dateline.model import RawDocument


def norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split()).strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_shared_option(parser)
    args = parser.parse_args()
    folder = eval_folder(args.shared, "news2023")
    if folder is None:
        return 2
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    scores = {"tune": [0, 0, 0], "untouched": [0, 0, 0]}  # pages, bare right, ours right
    for page_id, gold in sorted(truth.items()):
        path = folder / "html" / f"{page_id}.html.gz"
        if not path.exists() or not gold.get("title"):
            continue
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        meta = trafilatura.extract_metadata(html, default_url=gold.get("url"))
        title = (meta.title if meta else None) or ""
        try:
            raw = RawDocument(gold.get("url") or page_id, html.encode("utf-8"), page_id, media_type="text/html")
            headline = decode_html(raw).articles[0].headline
        except DatelineError:
            headline = None
        ours = headline.text if headline else ""
        part = site_part(gold.get("url"))
        scores[part][0] += 1
        scores[part][1] += norm(title) == norm(gold["title"])
        scores[part][2] += norm(ours) == norm(gold["title"])
    for part, (pages, bare, ours) in scores.items():
        print(f"{part:9} {pages:3} pages: title exact, trafilatura {bare / pages:.3f}, ours {ours / pages:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
