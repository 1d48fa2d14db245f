"""Build an ``Article`` from a segmented region: headline, dates, dateline, agency,
summary bullets, captions, subheads and body paragraphs, every one anchored to offsets."""

from __future__ import annotations

import re
from datetime import datetime

from ..model import Article, Flag, Span
from .dates import parse_date_line
from .lines import _BULLET, Kind, Line
from .segment import Region
from .wire import agency_of, parse_dateline

# How far above the body (in non-blank lines) a headline may stand when it is not repeated.
HEADLINE_REACH = 12
# Subheads are short: longer non-sentence lines inside a body are kept as paragraphs.
SUBHEAD_MAX_WORDS = 15
# A prose line of at least this many 5-word shingles, this share of them already read in
# the body, is the body printed again, not a new paragraph.
REPRINT_MIN_SHINGLES = 20
REPRINT_SHARE = 0.8

_BYLINE = re.compile(r"^(by|written by|words by|story by)\s", re.IGNORECASE)


def build_article(region: Region, ordinal: int, text: str, flags: list[Flag], crawl_time: datetime | None) -> Article:
    headline = _choose_headline(region)
    header = region.zone
    if headline is not None:
        first = next(i for i, line in enumerate(region.zone) if line.text == headline.text)
        header = region.zone[first:]
    start = header[0].start if header else region.body[0].start
    end = region.body[-1].end
    article = Article(ordinal=ordinal, start=start, end=end, headline=_span(headline) if headline else None)
    headline_text = headline.text if headline else None
    _read_header(article, header, headline_text, crawl_time)
    _read_body(article, region, text, header)
    article.agency = _find_agency(article, region)
    article.flags = [flag for flag in flags if start <= flag.offset < end]
    return article


def _span(line: Line) -> Span:
    return Span(line.text, line.start, line.end)


def _choose_headline(region: Region) -> Line | None:
    """The title printed most often just above the body, else the nearest title line."""
    zone = region.zone
    counts: dict[str, int] = {}
    for line in zone:
        counts[line.text] = counts.get(line.text, 0) + 1
    candidates = [line for line in zone if line.is_titlelike and line.words >= 3 and not _BYLINE.match(line.text)]
    repeated = [line for line in candidates if counts[line.text] >= 2]
    if repeated:
        return repeated[-1]
    near = zone[-HEADLINE_REACH:]
    nearest = [line for line in candidates if line in near]
    return nearest[-1] if nearest else None


def _read_header(article: Article, header: list[Line], headline: str | None, crawl_time: datetime | None) -> None:
    seen: set[str] = set()
    for i, line in enumerate(header):
        if line.text == headline:
            continue
        if line.kind is Kind.DATE:
            label, value = parse_date_line(line.text, crawl_time)
            if getattr(article, label) is None:
                setattr(article, label, value)
        elif line.kind is Kind.BULLET:
            article.summary.append(_strip_bullet(line))
        elif _is_caption(header, i) and line.text not in seen:
            seen.add(line.text)
            article.captions.append(_span(line))


def _is_caption(lines: list[Line], i: int) -> bool:
    line = lines[i]
    if line.kind is Kind.CAPTION:
        return True
    following = lines[i + 1] if i + 1 < len(lines) else None
    return line.kind in (Kind.PROSE, Kind.SHORT) and following is not None and following.kind is Kind.CREDIT


def _strip_bullet(line: Line) -> Span:
    match = _BULLET.match(line.text)
    cut = match.end() if match else 0
    return Span(line.text[cut:], line.start + cut, line.end)


def _read_body(article: Article, region: Region, text: str, header: list[Line]) -> None:
    header_texts = {line.text for line in header}
    captions = {c.text for c in article.captions}
    body = region.body
    prose = [line.text for line in body if line.kind is Kind.PROSE]
    first_paragraph = True
    read: list[set[tuple[str, ...]]] = []  # the shingles of each line read so far
    for i, line in enumerate(body):
        if line.index in region.list_items:  # "June 9 -- Coral Sky Amphitheatre": text, not furniture
            _add_paragraph(article, _paragraph_span(line))
            continue
        # A line already printed above the body, or a short line that repeats part of a
        # paragraph, is a caption or pull quote shown twice, not new text.
        if line.text in header_texts or (line.kind is not Kind.PROSE and _inside_other(line.text, prose)):
            if line.text not in captions and line.kind is not Kind.SHORT:
                article.captions.append(_span(line))
                captions.add(line.text)
            continue
        shingles = _shingles(line.text)
        if line.kind is Kind.PROSE and _reprinted(shingles, read):
            continue  # the body printed again as one run-on line (a teaser or meta text)
        read.append(shingles)
        if _is_caption(body, i):
            if line.text not in captions:
                article.captions.append(_span(line))
                captions.add(line.text)
            continue
        if line.kind is Kind.SHORT and line.words <= SUBHEAD_MAX_WORDS and not line.text.endswith((".", ",", ";")):
            span = _span(line)
            article.subheads.append(span)
            article.blocks.append(("h", span))
            continue
        span = _paragraph_span(line)
        if first_paragraph:
            span = _take_dateline(article, span)
            first_paragraph = False
        _add_paragraph(article, span)
    assert all(text[s.start : s.end] == s.text for _, s in article.blocks)


def _shingles(text: str, size: int = 5) -> set[tuple[str, ...]]:
    words = text.lower().split()
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def _paragraph_span(line: Line) -> Span:
    return _strip_bullet(line) if line.kind is Kind.BULLET else _span(line)


def _add_paragraph(article: Article, span: Span) -> None:
    article.paragraphs.append(span)
    article.blocks.append(("p", span))


def _reprinted(own: set[tuple[str, ...]], read: list[set[tuple[str, ...]]]) -> bool:
    """Whether a long line (its shingles ``own``) is several paragraphs already read, run
    together: at least twice as long as any of them (a line repeated alone, like a
    recipe step for each day, is text of its own)."""
    if len(own) < REPRINT_MIN_SHINGLES:
        return False
    sources = [shingles for shingles in read if len(own & shingles) >= 3]
    covered = set().union(*sources) & own if sources else set()
    longest = max((len(shingles) for shingles in sources), default=0)
    return len(covered) >= REPRINT_SHARE * len(own) and len(own) >= 2 * longest


def _inside_other(text: str, prose: list[str]) -> bool:
    return len(text) >= 20 and any(text in p and text != p for p in prose)


def _take_dateline(article: Article, span: Span) -> Span:
    dateline = parse_dateline(span.text)
    if dateline is None:
        return span
    article.dateline_places = dateline.places
    article.dateline = Span(
        span.text[: dateline.length].rstrip(), span.start, span.start + len(span.text[: dateline.length].rstrip())
    )
    if dateline.agency:
        article.agency = dateline.agency
    return Span(span.text[dateline.length :], span.start + dateline.length, span.end)


def _find_agency(article: Article, region: Region) -> str | None:
    if article.agency:  # the dateline named it
        return article.agency
    bylines = [
        line.text for line in region.zone[-HEADLINE_REACH:] if line.kind is Kind.CREDIT or _BYLINE.match(line.text)
    ]
    return agency_of(
        bylines=bylines,
        last_lines=[line.text for line in region.body[-2:][::-1]],
        captions=[c.text for c in article.captions],
        paragraphs=[p.text for p in article.paragraphs],
    )
