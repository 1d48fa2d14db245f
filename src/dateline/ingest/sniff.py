"""What a file is, from its first bytes rather than its name."""

from __future__ import annotations

import gzip
import json
import re
import zlib
from enum import Enum


class Kind(Enum):
    WARC = "warc"
    JSONL = "jsonl"
    CSV = "csv"
    HTML = "html"
    TEXT = "text"

    @property
    def media_type(self) -> str:
        """The media type a single document of this kind is decoded as."""
        return "text/html" if self is Kind.HTML else "text/plain"


_HTML = re.compile(rb"<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_TAG = re.compile(rb"</?[a-zA-Z][a-zA-Z0-9]*[\s>/]")


def sniff(data: bytes, name: str = "", head_only: bool = False) -> Kind:
    head = data[:4096]
    if head.startswith(b"\x1f\x8b"):
        head = _gunzip_head(head)
    if head.startswith(b"WARC/"):
        return Kind.WARC
    if head_only:
        return Kind.TEXT  # only WARC is decided from the head alone; the rest is read whole
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{") and _first_line_is_json(data):
        return Kind.JSONL
    if _HTML.search(head) or len(_TAG.findall(head)) >= 20:
        return Kind.HTML
    first_line = stripped.split(b"\n", 1)[0].lower()
    if b"," in first_line and re.search(rb"(^|,)\s*\"?(text|html)\"?\s*(,|$)", first_line):
        return Kind.CSV
    return Kind.TEXT


def _gunzip_head(data: bytes) -> bytes:
    try:
        return zlib.decompressobj(wbits=31).decompress(data, 64)
    except zlib.error:
        try:
            return gzip.decompress(data)[:64]
        except (OSError, EOFError, zlib.error):  # corrupt: the reader says so, in its own words
            return b""


def _first_line_is_json(data: bytes) -> bool:
    line = data.split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False
