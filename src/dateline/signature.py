"""How a MinHash signature is stored: what the store and the fingerprint stage share, with
nothing heavier than NumPy to import."""

from __future__ import annotations

import numpy as np

NUM_PERM = 128
# The hash scheme must be the same when a stored signature is read back (datasketch 2).
SCHEME = "affine32"


def to_blob(values: list[int]) -> bytes:
    return np.array(values, dtype=np.uint64).tobytes()
