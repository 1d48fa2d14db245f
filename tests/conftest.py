"""Shared fixtures. Tests that read ../shared skip with a reason where it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "000_f83b85c13ed32575.txt"


def need_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared evaluation material is not beside this clone")
    return path


@pytest.fixture
def seed_path() -> Path:
    return need_shared(SEED)


@pytest.fixture
def shared_dir() -> Path:
    return need_shared(SHARED)


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory) -> Path:
    """A store built once from the seed, crawled at the demo's crawl time (read it, do not write)."""
    import dateline
    from dateline.demo import SAMPLE_CRAWL_TIME

    path = tmp_path_factory.mktemp("seed-store") / "seed.db"
    dateline.run([str(need_shared(SEED))], path, dateline.RunOptions(crawl_time=SAMPLE_CRAWL_TIME))
    return path
