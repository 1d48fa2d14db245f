"""What the bench scripts share: where ../shared is, and how a missing corpus is reported."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"


def add_shared_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared material (default: ../shared)")


def eval_folder(shared: Path, *parts: str) -> Path | None:
    """``shared/eval/<parts>``, or None (said on stderr) when it is not there."""
    folder = shared.joinpath("eval", *parts)
    if folder.is_dir():
        return folder
    print(f"no evaluation data at {folder}", file=sys.stderr)
    return None
