"""Process-wide settings for the processes dateline owns (the CLI, the workers it starts)."""

from __future__ import annotations

import importlib.abc
import os
import sys


def keep_torch_out() -> None:
    """Keep PyTorch from being imported by thinc, which imports it whenever it is installed,
    though the small English model never uses it: that costs about 1.6 s and 400 MB in
    every process. Called only where dateline owns the process, before spaCy is imported;
    ``DATELINE_ALLOW_TORCH=1`` leaves the import alone."""
    if os.environ.get("DATELINE_ALLOW_TORCH") or "torch" in sys.modules or "thinc" in sys.modules:
        return
    if not any(isinstance(finder, _NoTorch) for finder in sys.meta_path):
        sys.meta_path.insert(0, _NoTorch())


class _NoTorch(importlib.abc.MetaPathFinder):
    """`import torch` raises ImportError (thinc then runs without it), and torch stays out of
    ``sys.modules``: libraries that look there for it (SciPy's array checks) see it absent."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == "torch" or name.startswith("torch."):
            raise ModuleNotFoundError(f"No module named {name!r} (kept out by dateline)", name=name)
        return None
