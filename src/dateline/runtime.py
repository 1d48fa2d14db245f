"""Process-wide settings for the processes dateline owns (the CLI, the workers it starts)."""

from __future__ import annotations

import os
import sys


def keep_torch_out() -> None:
    """Keep PyTorch from being imported by thinc, which imports it whenever it is installed,
    though the small English model never uses it: that costs about 1.6 s and 400 MB in
    every process. Called only where dateline owns the process, before spaCy is imported;
    ``DATELINE_ALLOW_TORCH=1`` leaves the import alone."""
    if os.environ.get("DATELINE_ALLOW_TORCH") or "torch" in sys.modules or "thinc" in sys.modules:
        return
    sys.modules["torch"] = None  # `import torch` now raises ImportError: thinc runs without it
