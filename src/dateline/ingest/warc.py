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
    """Documents of an archive's HTTP 200 HTML responses. Each is handed on once the next
    record has been read, so the last one is kept back until the archive is known to end
    cleanly: a record cut off by truncation is an error, never a partial document."""
    last_pos, records, documents, pending = None, 0, 0, None
    with open(path, "rb") as stream:
        try:
            for record in ArchiveIterator(stream, parse_http=False):
                last_pos = record.stream_pos
                records += 1
                if pending is not None:
                    yield pending[1]
                    pending = None
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
                documents += 1
                pending = (record.stream_pos, RawDocument(uri, body, content_hash(body),
                                                          crawl_time_of(record.headers.get("WARC-Date")),
                                                          media_type="text/html"))  # fmt: skip
        except Exception as exc:  # FastWARC raises on some kinds of damage
            if pending is not None:
                yield pending[1]
            yield DatelineError(ErrorCode.E010_CORRUPT_ARCHIVE, path, f"{type(exc).__name__}: {exc}")
            return
    if records == 0:
        yield DatelineError(ErrorCode.E010_CORRUPT_ARCHIVE, path, "no WARC record could be read")
        return
    problem = _damage_after(path, last_pos)
    if pending is not None:
        if problem and "truncated inside a record" in problem:
            documents -= 1
            cause = "the archive ends inside this record: not stored, as its page is incomplete"
            yield DatelineError(ErrorCode.E010_CORRUPT_ARCHIVE, pending[1].source, cause)
        else:
            yield pending[1]
    if documents == 0:  # nothing vanishes silently: an archive of redirects and images says so
        yield DatelineError(ErrorCode.E012_NO_ARTICLE, path, f"no HTTP 200 HTML response in {records} record(s)")
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
                # Inflate a bounded piece at a time and throw it away: a gzip bomb's member
                # must not land in memory whole.
                inflater.decompress(chunk, 1 << 20)
                while inflater.unconsumed_tail and not inflater.eof:
                    inflater.decompress(inflater.unconsumed_tail, 1 << 20)
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
