"""MinHash fingerprints of article bodies, for near-duplicate (syndicated) stories."""

from __future__ import annotations

import re

import numpy as np

from ..signature import NUM_PERM, SCHEME, to_blob

__all__ = ["NUM_PERM", "as_minhash", "fingerprint", "to_blob"]

SHINGLE = 3  # words
MIN_WORDS = 15  # shorter bodies are not fingerprinted: too little to compare

_WORD = re.compile(r"\w+")


def fingerprint(text: str) -> list[int] | None:
    """MinHash hash values of the body's word 3-shingles; None for very short bodies."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    from datasketch import MinHash  # imported here: it pulls in scipy, which reading a store never needs

    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch([" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)])
    return [int(v) for v in minhash.hashvalues]


def as_minhash(values: list[int] | bytes):
    from datasketch import MinHash

    array = np.frombuffer(values, dtype=np.uint64) if isinstance(values, bytes) else np.array(values, dtype=np.uint64)
    return MinHash(num_perm=NUM_PERM, hashvalues=array, scheme=SCHEME)

