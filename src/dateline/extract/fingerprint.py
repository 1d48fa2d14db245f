"""MinHash fingerprints of article bodies, for near-duplicate (syndicated) stories."""

from __future__ import annotations

import re

from datasketch import MinHash

from ..signature import NUM_PERM, SCHEME

__all__ = ["NUM_PERM", "fingerprint"]

SHINGLE = 3  # words
MIN_WORDS = 15  # shorter bodies are not fingerprinted: too little to compare

_WORD = re.compile(r"\w+")


def fingerprint(text: str) -> list[int] | None:
    """MinHash hash values of the body's word 3-shingles; None for very short bodies."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch([" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)])
    return [int(v) for v in minhash.hashvalues]
