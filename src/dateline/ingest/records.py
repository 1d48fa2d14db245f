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
    # Records end at "\n" only: U+2028 or U+0085 inside a JSON string is text, not a line break.
    for number, line in enumerate(data.decode("utf-8", "replace").split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield DatelineError(ErrorCode.E011_BAD_RECORD, where, f"not JSON: {exc.msg}")
            continue
        except (ValueError, RecursionError) as exc:  # nested too deep, an integer of 5,000 digits
            yield DatelineError(ErrorCode.E011_BAD_RECORD, where, f"unusable JSON: {type(exc).__name__}: {exc}")
            continue
        if not isinstance(record, dict):
            yield DatelineError(ErrorCode.E011_BAD_RECORD, where, "a line must hold a JSON object")
            continue
        yield _raw(record, where)


def read_csv(path: str, data: bytes) -> Iterator[RawDocument | DatelineError]:
    # A field may be as large as the input itself (a whole page's HTML in one cell).
    csv.field_size_limit(max(csv.field_size_limit(), min(len(data) + 1, 2**31 - 1)))
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig", "replace"), newline=""))
    try:
        fieldnames = reader.fieldnames
    except csv.Error as exc:
        yield DatelineError(ErrorCode.E011_BAD_RECORD, path, f"not CSV: {exc}")
        return
    if not fieldnames or not set(TEXT_FIELDS) & {f.strip().lower() for f in fieldnames}:
        yield DatelineError(ErrorCode.E011_BAD_RECORD, path, "CSV needs a 'text' or 'html' column")
        return
    rows = 0
    while True:
        where = f"{path}:{reader.line_num + 1}"
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:  # the rest of the file cannot be read as CSV
            yield DatelineError(ErrorCode.E011_BAD_RECORD, where, f"not CSV from here on: {exc}")
            return
        rows += 1
        yield _raw({(k or "").strip().lower(): v for k, v in row.items() if isinstance(v, str | None)}, where)
    if rows == 0:
        yield DatelineError(ErrorCode.E011_BAD_RECORD, path, "CSV holds a header and no record")


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
