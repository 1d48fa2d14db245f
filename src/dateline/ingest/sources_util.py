"""Helpers shared by the readers."""

from __future__ import annotations

import hashlib


def content_hash(data: bytes) -> str:
    """The identity of an input: re-reading the same bytes finds the same document."""
    return hashlib.sha256(data).hexdigest()
