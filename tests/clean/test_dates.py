from __future__ import annotations

from datetime import UTC, datetime

import pytest

from dateline.clean.dates import parse_date_line, resolve
from dateline.errors import DatelineError
from dateline.options import parse_crawl_time

CRAWL = datetime(2025, 11, 15, 12, tzinfo=UTC)


@pytest.mark.parametrize(
    ("line", "label", "value"),
    [
        ("Updated 13 February 2025", "updated", "2025-02-13"),
        ("Updated 58 min 39 sec ago", "updated", "2025-11-15T11:01:21Z"),
        ("Published: 2 hours ago", "published", "2025-11-15T10:00:00Z"),
        ("Posted: Fri 6:45 PM, Feb 16, 2018 |", "published", "2018-02-16T18:45:00Z"),
        ("Nov. 20, 2019 12:00 AM EST", "published", "2019-11-20T05:00:00Z"),
        ("November 18, 2019", "published", "2019-11-18"),
    ],
)
def test_date_lines(line, label, value):
    got_label, got = parse_date_line(line, CRAWL)
    assert (got_label, got.value) == (label, value)


@pytest.mark.parametrize("text", ["58 min 39 sec ago", "yesterday", "Nov 18"])
def test_never_read_against_the_machine_clock(text):
    value = resolve(text, None)
    assert value.value is None
    assert value.raw == text


def test_absolute_date_without_crawl_time():
    assert resolve("13 February 2025", None).value == "2025-02-13"


def test_bad_crawl_time_is_a_clear_error():
    with pytest.raises(DatelineError, match="--crawl-time"):
        parse_crawl_time("last tuesday")
