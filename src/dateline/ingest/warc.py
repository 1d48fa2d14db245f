"""WARC archives (Common Crawl CC-News), streamed with FastWARC, gzip or not.

Each HTTP 200 HTML response becomes a raw HTML document whose source is its
WARC-Target-URI and whose crawl time is its WARC-Date (the reference for relative
dates). Other records are skipped and counted. A truncated or corrupt archive yields
every record before the damage and then one error naming the file: FastWARC stops
quietly at damage, so the reader checks that the archive ends where its last record
does.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from fastwarc.warc import ArchiveIterator, WarcRecordType

from ..errors import DatelineError, ErrorCode
from ..model import RawDocument
from .html import crawl_time_of
from .sources_util import content_hash

GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class Skipped:
    """A record read and deliberately not processed (not HTML, not 200, not a response)."""

    source: str
    reason: str


def read_warc(path: str, max_bytes: int) -> Iterator[RawDocument | DatelineError | Skipped]:
    last_pos, records = None, 0
    with open(path, "rb") as stream:
        try:
            for record in ArchiveIterator(stream, parse_http=False):
                last_pos = record.stream_pos
                records += 1
                if record.record_type != WarcRecordType.response:
                    continue  # warcinfo, request, metadata: not documents, not counted
                uri = record.headers.get("WARC-Target-URI") or f"{path}#{record.stream_pos}"
                record.parse_http()
                status = record.http_headers.status_code if record.http_headers else None
                content_type = (record.http_headers.get("Content-Type") or "") if record.http_headers else ""
                if status != 200:
                    yield Skipped(uri, f"HTTP status {status}")
                    continue
                if "html" not in content_type.lower():
                    yield Skipped(uri, f"content type {content_type or 'unknown'}")
                    continue
                body = record.reader.read(max_bytes + 1)
                if len(body) > max_bytes:
                    yield DatelineError(ErrorCode.E004_TOO_LARGE, uri, f"record larger than {max_bytes} bytes")
                    continue
                yield RawDocument(uri, body, content_hash(body), crawl_time_of(record.headers.get("WARC-Date")),
                                  media_type="text/html")  # fmt: skip
        except Exception as exc:  # FastWARC raises on some kinds of damage
            yield DatelineError(ErrorCode.E010_CORRUPT_ARCHIVE, path, f"{type(exc).__name__}: {exc}")
            return
    if records == 0:
        yield DatelineError(ErrorCode.E010_CORRUPT_ARCHIVE, path, "no WARC record could be read")
        return
    problem = _damage_after(path, last_pos)
    if problem:
        yield DatelineError(ErrorCode.E010_CORRUPT_ARCHIVE, path, f"{problem} after {records} record(s)")


def _damage_after(path: str, last_pos: int) -> str | None:
    """Whether the file holds more (or less) than its last readable record."""
    with open(path, "rb") as stream:
        stream.seek(last_pos)
        head = stream.read(2)
        stream.seek(last_pos)
        if head == GZIP_MAGIC:
            inflater = zlib.decompressobj(wbits=31)
            while chunk := stream.read(1 << 20):
                inflater.decompress(chunk)
                if inflater.eof:
                    break
            if not inflater.eof:
                return "the archive is truncated inside a record"
            rest = inflater.unused_data + stream.read()
            return "the archive has unreadable data" if rest.strip(b"\r\n\x00") else None
        header = stream.read(64 * 1024)
        end = header.find(b"\r\n\r\n")
        match = re.search(rb"(?im)^content-length:\s*(\d+)", header[:end])
        if end < 0 or not match:
            return "the last record's header is incomplete"
        expected = last_pos + end + 4 + int(match.group(1)) + 4
        size = stream.seek(0, 2)
        if size < expected:
            return "the archive is truncated inside a record"
        return "the archive has unreadable data" if size > expected + 4 else None
