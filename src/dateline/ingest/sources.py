"""Turn command-line style inputs (files, directories, globs, stdin) into raw documents.

Reading never stops at a bad input: each problem is yielded as a ``DatelineError`` in the
stream, in order, so the caller can record it and carry on.
"""

from __future__ import annotations

import glob
import os
import stat
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
    """Yield file paths for each input (recursing into directories, expanding globs); a path
    that cannot be looked at (a folder without permission) is an error, and the rest go on."""
    for item in inputs:
        try:
            yield from _expand(item)
        except (OSError, ValueError) as exc:
            yield DatelineError(ErrorCode.E002_UNREADABLE, str(item), getattr(exc, "strerror", None) or str(exc))


def _expand(item: str) -> Iterator[str | DatelineError]:
    if item == STDIN:
        yield STDIN
        return
    path = Path(item)
    if path.is_dir():
        found, unreadable = _walk(path)
        yield from unreadable
        if not found and not unreadable:
            yield DatelineError(ErrorCode.E001_NOT_FOUND, item, "directory holds no file")
        yield from found
    elif path.exists():
        yield str(path)
    elif glob.has_magic(item):
        matches = sorted(m for m in glob.glob(item, recursive=True) if os.path.isfile(m))
        if not matches:
            yield DatelineError(ErrorCode.E001_NOT_FOUND, item, "glob matched no file")
        yield from matches
    else:
        yield DatelineError(ErrorCode.E001_NOT_FOUND, item)


def _walk(root: Path) -> tuple[list[str], list[DatelineError]]:
    """Files under ``root`` (not hidden ones), and a folder that cannot be read as an error."""
    found, unreadable = [], []

    def failed(exc: OSError) -> None:
        unreadable.append(DatelineError(ErrorCode.E002_UNREADABLE, exc.filename or str(root), exc.strerror or str(exc)))

    for folder, subfolders, files in os.walk(root, onerror=failed):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        found += [os.path.join(folder, f) for f in files if not f.startswith(".")]
    return sorted(p for p in found if os.path.isfile(p)), unreadable


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
        source = "<stdin>" if item == STDIN else item
        try:  # whatever one input does, the next one is read
            yield from _read_one(item, source, options)
        except DatelineError as exc:
            yield exc
        except Exception as exc:  # a reader's bug or a library's surprise: one error row, not a crash
            yield DatelineError(ErrorCode.E002_UNREADABLE, source, f"{type(exc).__name__}: {exc}")


def _read_one(item: str, source: str, options: RunOptions) -> Iterator[RawDocument | DatelineError | Skipped]:
    max_bytes = min(options.max_bytes, sys.maxsize - 1)
    regular = item != STDIN and _is_regular(item)
    if regular and sniff_file(item) is Kind.WARC:
        yield from read_warc(item, max_bytes)
        return
    data = _read_bytes(item, max_bytes, regular)
    if data.startswith(GZIP_MAGIC):
        try:
            data = _gunzip(data, max_bytes)
        except DatelineError as exc:
            raise DatelineError(exc.code, source, exc.detail) from None
    kind = sniff(data, source)
    if kind is Kind.WARC:
        raise DatelineError(ErrorCode.E002_UNREADABLE, source, "a WARC archive must be read from a file, not a stream")
    if kind is Kind.JSONL:
        yield from read_jsonl(source, data)
    elif kind is Kind.CSV:
        yield from read_csv(source, data)
    else:
        yield RawDocument(source, data, content_hash(data), options.crawl_time, media_type=kind.media_type)


def _is_regular(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False  # _read_bytes reports it


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


def _read_bytes(path: str, max_bytes: int, regular: bool) -> bytes:
    if path == STDIN:
        return _read_limited(sys.stdin.buffer, "<stdin>", max_bytes)
    try:
        if regular:  # check the size first so an enormous file never lands in memory
            size = os.path.getsize(path)
            if size > max_bytes:
                raise DatelineError(ErrorCode.E004_TOO_LARGE, path, f"{size} bytes > {max_bytes}")
            with open(path, "rb") as handle:
                return _read_limited(handle, path, max_bytes)
        # A pipe, a device or <( … ): its size is unknown, so read no more than the limit. Opened
        # without blocking, a named pipe with no writer reads as empty instead of waiting forever.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        os.set_blocking(descriptor, True)
        with os.fdopen(descriptor, "rb") as handle:
            return _read_limited(handle, path, max_bytes)
    except OSError as exc:
        raise DatelineError(ErrorCode.E002_UNREADABLE, path, exc.strerror or str(exc)) from exc


def _read_limited(handle, source: str, max_bytes: int) -> bytes:
    chunks, total = [], 0
    while total <= max_bytes:
        chunk = handle.read(min(1 << 20, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > max_bytes:
        raise DatelineError(ErrorCode.E004_TOO_LARGE, source, f"more than {max_bytes} bytes")
    return b"".join(chunks)
