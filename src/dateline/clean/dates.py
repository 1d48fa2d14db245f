"""Published/updated lines to timestamps.

Relative times ("58 min 39 sec ago", "yesterday") and dates without a year are read
against the crawl time only. Without a crawl time they stay unresolved (value None, raw
text kept): reading them against the clock of the machine running the code would give a
different answer on every run.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import lru_cache

from dateparser.date import DateDataParser

from ..model import DateValue

_LABEL = re.compile(
    r"^\s*(?P<label>last updated|updated|last modified|modified|first published|published|posted|date)\b"
    r"\s*(?:on|at)?\s*:?\s*",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\bago\b|\byesterday\b|\btoday\b|\bjust now\b|\blast (?:week|month|year|night)\b|\bthis (?:morning|week)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*[ap]\.?m\b|\bago\b", re.IGNORECASE)
_TRIM = re.compile(r"^[\s|•·,;:–—-]+|[\s|•·,;:–—-]+$")


def parse_date_line(text: str, crawl_time: datetime | None) -> tuple[str, DateValue]:
    """Return ("updated" | "published", value) for a date line such as "Updated 13 February 2025"."""
    match = _LABEL.match(text)
    label = "published"
    if match and match.group("label").lower() in {"updated", "last updated", "modified", "last modified"}:
        label = "updated"
    rest = _TRIM.sub("", text[match.end() :] if match else text)
    return label, resolve(rest, crawl_time)


def resolve(text: str, crawl_time: datetime | None) -> DateValue:
    """Resolve one date expression; None where it cannot be done without guessing."""
    relative = bool(_RELATIVE.search(text))
    if crawl_time is None and (relative or not _YEAR.search(text)):
        return DateValue(raw=text, value=None, relative=relative)
    parsed = _parser(crawl_time).get_date_data(text).date_obj
    if parsed is None:
        return DateValue(raw=text, value=None, relative=relative)
    return DateValue(raw=text, value=_iso(parsed, with_time=bool(_TIME.search(text))), relative=relative)


@lru_cache(maxsize=64)
def _parser(crawl_time: datetime | None) -> DateDataParser:
    # Building a parser costs far more than parsing one line: keep one per crawl time.
    # Times without a zone are taken as UTC, never as this machine's local zone.
    settings: dict = {
        "PREFER_DATES_FROM": "past",
        "TIMEZONE": "UTC",
        "TO_TIMEZONE": "UTC",
        "RETURN_AS_TIMEZONE_AWARE": True,
    }
    if crawl_time is not None:
        settings["RELATIVE_BASE"] = crawl_time.astimezone(UTC).replace(tzinfo=None)
    return DateDataParser(languages=["en"], settings=settings)


def _iso(moment: datetime, with_time: bool) -> str:
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    if not with_time:
        return moment.date().isoformat()
    return moment.replace(microsecond=0).isoformat() + "Z"
