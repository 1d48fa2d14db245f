"""Turn command-line style inputs (files, directories, globs, stdin) into raw documents.

Reading never stops at a bad input: each problem is yielded as a ``DatelineError`` in the
stream, in order, so the caller can record it and carry on.
"""

from __future__ import annotations

import glob
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import DatelineError, ErrorCode
from ..model import RawDocument
from ..options import RunOptions
from .records import read_csv, read_jsonl
from .sniff import Kind, sniff
from .sources_util import content_hash
from .warc import GZIP_MAGIC, Skipped, read_warc

__all__ = ["STDIN", "content_hash", "expand_paths", "read_inputs"]

STDIN = "-"


def expand_paths(inputs: Iterable[str]) -> Iterator[str | DatelineError]:
    """Yield file paths for each input (recursing into directories, expanding globs)."""
    for item in inputs:
        if item == STDIN:
            yield STDIN
            continue
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path)))
            if not found:
                yield DatelineError(ErrorCode.E001_NOT_FOUND, item, "directory holds no file")
            yield from (str(p) for p in found)
        elif path.exists():
            yield str(path)
        elif glob.has_magic(item):
            matches = sorted(m for m in glob.glob(item, recursive=True) if os.path.isfile(m))
            if not matches:
                yield DatelineError(ErrorCode.E001_NOT_FOUND, item, "glob matched no file")
            yield from matches
        else:
            yield DatelineError(ErrorCode.E001_NOT_FOUND, item)


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def read_inputs(inputs: Iterable[str], options: RunOptions) -> Iterator[RawDocument | DatelineError | Skipped]:
    """Read every input into raw documents, yielding errors in place of bad ones.

    The kind of each file is sniffed from its content (not its name): a WARC archive,
    JSON Lines or CSV collection yields one document per record; an HTML page or a text
    dump yields one document.
    """
    for item in expand_paths(inputs):
        if isinstance(item, DatelineError):
            yield item
            continue
        if item != STDIN and sniff_file(item) is Kind.WARC:
            yield from read_warc(item, options.max_bytes)
            continue
        try:
            data = _read_bytes(item, options.max_bytes)
        except DatelineError as exc:
            yield exc
            continue
        source = "<stdin>" if item == STDIN else item
        if data.startswith(GZIP_MAGIC):
            try:
                data = _gunzip(data, options.max_bytes)
            except DatelineError as exc:
                yield DatelineError(exc.code, source, exc.detail)
                continue
        kind = sniff(data, source)
        if kind is Kind.JSONL:
            yield from read_jsonl(source, data)
        elif kind is Kind.CSV:
            yield from read_csv(source, data)
        else:
            yield RawDocument(source, data, content_hash(data), options.crawl_time, media_type=kind.media_type)


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    """A gzipped page or dump (``page.html.gz``), decompressed within the size limit."""
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise DatelineError(ErrorCode.E006_UNDECODABLE, "", f"corrupt gzip data: {exc}") from exc
    if len(out) > max_bytes:
        raise DatelineError(ErrorCode.E004_TOO_LARGE, "", f"more than {max_bytes} bytes once decompressed")
    if not inflater.eof:
        raise DatelineError(ErrorCode.E006_UNDECODABLE, "", "truncated gzip data")
    return out


def sniff_file(path: str) -> Kind | None:
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return None  # _read_bytes reports it
    return sniff(head, path, head_only=True)


def _read_bytes(path: str, max_bytes: int) -> bytes:
    if path == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise DatelineError(ErrorCode.E004_TOO_LARGE, "<stdin>", f"more than {max_bytes} bytes")
        return data
    try:
        size = os.path.getsize(path)
        # Check the size before reading so an enormous file never lands in memory.
        if size > max_bytes:
            raise DatelineError(ErrorCode.E004_TOO_LARGE, path, f"{size} bytes > {max_bytes}")
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise DatelineError(ErrorCode.E002_UNREADABLE, path, exc.strerror or str(exc)) from exc
