"""A slice of the fuzz run (fuzz/fuzz_dateline.py runs 10,000 cases): no traceback, no hang,
no input that ends as neither a document nor an error."""

from __future__ import annotations

import sys

from tests.conftest import REPO


def test_three_hundred_mutated_inputs_and_queries():
    sys.path.insert(0, str(REPO / "fuzz"))
    try:
        import fuzz_dateline
    finally:
        sys.path.pop(0)
    result = fuzz_dateline.fuzz(cases=300, seed=20261206, budget=20.0, show=0, quiet=True)
    assert result["inputs"] == 270 and result["queries"] == 30
    assert (result.get("tracebacks", 0), result.get("hangs", 0), result.get("silent", 0)) == (0, 0, 0), result[
        "failures"
    ][:3]
