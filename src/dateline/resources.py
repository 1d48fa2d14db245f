"""Loading the data files (cue lists, lexicons, codebooks) that ship inside the package.

Vocabularies live in text files so they can be reviewed and extended without touching
code. Lines starting with ``#`` and blank lines are ignored everywhere.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources


@cache
def data_lines(package: str, name: str) -> tuple[str, ...]:
    """Non-blank, non-comment lines of a data file in ``package``."""
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    return tuple(line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


@cache
def data_rows(package: str, name: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows of a data file; the first row is a header and is skipped."""
    rows = [tuple(cell.strip() for cell in line.split("\t")) for line in data_lines(package, name)]
    return tuple(rows[1:])


@cache
def data_regex(package: str, name: str) -> re.Pattern[str]:
    """One case-insensitive regex matching a whole line against any pattern in the file."""
    patterns = data_lines(package, name)
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
