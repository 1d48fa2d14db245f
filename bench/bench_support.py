"""What the bench scripts share: where ../shared is, and how a missing corpus is reported."""

from __future__ import annotations

import argparse
import hashlib
import json
import re
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


def site(url: str) -> str:
    """The domain of a page's address, without "www."."""
    match = re.match(r"[a-z]+://(?:www\.)?([^/:]+)", url or "")
    return match.group(1) if match else ""


def site_part(url: str) -> str:
    """The part of news2023 a page belongs to, split by site: "tune" when the SHA-1 of its
    domain starts with a hex digit 0-7, else "untouched" (no site is in both parts)."""
    return "tune" if hashlib.sha1(site(url).encode()).hexdigest()[0] in "01234567" else "untouched"


def one_article_files(folder: Path, inputs: Path, limit: int) -> list[str]:
    """The first ``limit`` hand-cleaned bodies of news2023 (``folder``) written to ``inputs``
    as one-article JSON Lines files, as a user's folder of clean articles would be; returns
    each file's text as parsed (headline, blank line, body)."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    bodies = [v for v in truth.values() if v.get("articleBody")][:limit]
    inputs.mkdir(parents=True)
    texts = []
    for n, value in enumerate(bodies):
        record = {"title": value.get("title") or "Untitled", "text": value["articleBody"], "url": f"a{n}"}
        (inputs / f"{n:04d}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
        texts.append(f"{record['title']}\n\n{record['text']}")
    return texts


def frozen_package(commit: str, into: Path) -> str | None:
    """dateline's package as it was at ``commit``, importable beside today's as
    ``dateline_<commit>`` (from ``into``), so a bench can time then and now in one process.
    Its own data files come with it. None (and a line saying why) when git or the commit is
    not at hand, as in a shallow clone."""
    import io
    import subprocess
    import tarfile

    repo = Path(__file__).resolve().parent.parent
    try:
        archive = subprocess.run(
            ["git", "-C", str(repo), "archive", "--format=tar", commit, "src/dateline"],
            capture_output=True, check=True,
        ).stdout  # fmt: skip
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"  (no frozen package at {commit}: {error})")
        return None
    name = f"dateline_{commit}"
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        for member in tar.getmembers():
            if not member.isfile():
                continue
            relative = Path(member.name).relative_to("src/dateline")
            target = into / name / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            data = tar.extractfile(member).read()
            if target.suffix == ".py":  # data files are looked up by package name
                data = data.replace(b'"dateline.', f'"{name}.'.encode())
            target.write_bytes(data)
    if str(into) not in sys.path:
        sys.path.insert(0, str(into))
    return name
