"""JSON Lines and CSV collections: one document per record.

A record has ``text`` (a scrape or an article) or ``html`` (a page), and optionally
``url``, ``date`` (the crawl or publication time) and ``title``. With a title, text is
read as one article under that headline; without, it goes through the dump cleaner.
A bad record becomes an error naming file and line; the others go on.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from ..errors import DatelineError, ErrorCode
from ..model import RawDocument
from .html import crawl_time_of
from .sources_util import content_hash

TEXT_FIELDS = ("text", "html")
ARTICLE_MEDIA_TYPE = "text/x-article"  # one clean article: headline line, then paragraphs


def read_jsonl(path: str, data: bytes) -> Iterator[RawDocument | DatelineError]:
    for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield DatelineError(ErrorCode.E011_BAD_RECORD, where, f"not JSON: {exc.msg}")
            continue
        if not isinstance(record, dict):
            yield DatelineError(ErrorCode.E011_BAD_RECORD, where, "a line must hold a JSON object")
            continue
        yield _raw(record, where)


def read_csv(path: str, data: bytes) -> Iterator[RawDocument | DatelineError]:
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig", "replace")))
    if not reader.fieldnames or not set(TEXT_FIELDS) & {f.strip().lower() for f in reader.fieldnames}:
        yield DatelineError(ErrorCode.E011_BAD_RECORD, path, "CSV needs a 'text' or 'html' column")
        return
    for number, row in enumerate(reader, start=2):
        yield _raw({(k or "").strip().lower(): v for k, v in row.items()}, f"{path}:{number}")


def _raw(record: dict, where: str) -> RawDocument | DatelineError:
    html, text = record.get("html"), record.get("text")
    if not (isinstance(html, str) and html.strip()) and not (isinstance(text, str) and text.strip()):
        return DatelineError(ErrorCode.E011_BAD_RECORD, where, "no 'text' or 'html' value")
    source = record.get("url") if isinstance(record.get("url"), str) and record.get("url") else where
    crawl_time = crawl_time_of(record.get("date") if isinstance(record.get("date"), str) else None)
    if isinstance(html, str) and html.strip():
        data, media_type = html.encode("utf-8"), "text/html"
    elif isinstance(record.get("title"), str) and record["title"].strip():
        data, media_type = f"{record['title'].strip()}\n\n{text}".encode(), ARTICLE_MEDIA_TYPE
    else:
        data, media_type = text.encode("utf-8"), "text/plain"
    return RawDocument(source, data, content_hash(data), crawl_time, media_type=media_type)
