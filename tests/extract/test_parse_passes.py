"""Articles are parsed in passes bounded by count and by characters (speed vs peak memory)."""

from __future__ import annotations

from dateline.extract import BATCH_SIZE, PASS_CHARS, _passes


def test_passes_keep_the_order_and_their_bounds():
    texts = [f"{i} " + "word " * (i * 700) for i in range(40)]  # from a few characters to 140,000
    passes = _passes(texts)
    assert [t for p in passes for t in p] == texts
    for p in passes:
        assert len(p) <= BATCH_SIZE
        assert len(p) == 1 or sum(len(t) for t in p) <= PASS_CHARS  # a longer text is a pass of its own
    assert len(_passes(["short text"] * 100)) == -(-100 // BATCH_SIZE)
