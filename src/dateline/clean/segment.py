"""Find the articles in a dump: where each body runs, and the header zone above it.

A body is a run of prose lines that may be interrupted by a few short lines (subheads,
an ad slot, a caption). A run never crosses site chrome (footer/navigation cues) or a
repeated title line: scrapers print a page's headline several times just above its body,
so a title seen twice close together announces a new article. Runs too small to be an
article (a cookie notice, a teaser) are dropped.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ..resources import data_regex
from .lines import Kind, Line, occurrences

# How many non-blank, non-prose lines may interrupt a body before it ends.
MAX_GAP = 10
# Interruptions of at most this many lines are read as part of the body (subheads,
# list items); longer ones (a related-links box) are skipped but the body goes on.
INNER_GAP = 3
# A run is an article when it has this many words of prose or this many paragraphs;
# without that, a page's stray prose (notices, teasers) would pass for articles.
MIN_ARTICLE_WORDS = 150
MIN_ARTICLE_PROSE_LINES = 8
# Below that, a run still counts when a headline print announces it (the clean-scrape
# shape, where short briefs are real articles).
MIN_TITLED_WORDS = 30
# ...if the headline print stands within this many non-blank lines above the body.
TITLE_REACH = 12
# Two runs on one page whose line numbers are this close are one body.
MERGE_GAP_LINES = 40
# Two bodies with at most this many non-blank lines between them and no headline print
# above the second are one body interrupted by a box (newsletter sign-up, share bar).
BOX_LINES = 10
# At most this many items of a list announced at the end of a body are kept.
MAX_LIST_ITEMS = 80
# A body with this share of paragraphs about the site's rules is not an article.
POLICY_SHARE = 0.5
# Story cards: this many date lines, each within CARD_REACH lines of the next, end a body.
CARD_DATES = 3
CARD_REACH = 8
# A headline is printed two or three times; a line printed this often, with typically
# less than an article's worth of paragraphs between its prints, is a label (a table
# header) inside one body. (A whole body between prints is one story on many pages.)
LABEL_REPEATS = 4
# A title repeated within this many non-blank lines is a headline print, not a menu.
TITLE_REPEAT_WINDOW = 60

_DATA = "dateline.clean.data"
# Reported speech ("the company said on Monday"), not the adjective ("said violation").
_REPORTED = re.compile(
    r"\b(said|says|told)([,.]|\s+(that|on|in|at|the|a|an|he|she|it|they|we|reporters|its|his|her|their)\b)"
    r"|\b(he|she|they|officials?|spokesm[ae]n|spokeswoman) (said|says|told)\b|\baccording to\b",
    re.IGNORECASE,
)
_LIST_KINDS = {Kind.SHORT, Kind.BULLET, Kind.DATE, Kind.CAPTION}
# "Headline - Site name", "Headline | Site": the separators of an HTML window title.
_TITLE_SEPARATOR = re.compile(r"\s+[-|–—·•]{1,2}\s+|\s*::\s*")
# The comment links a byline carries; other comment cues always open the comments.
_BYLINE_COMMENT_LINK = re.compile(r"(leave|post|add) a comment|no comments?|\d+ comments?", re.IGNORECASE)
_SKIPPED_IN_BODY = {Kind.FURNITURE, Kind.NOISE, Kind.DATE, Kind.CREDIT, Kind.CHROME, Kind.COMMENTS}


@dataclass
class Region:
    """One article's lines: its header zone (headline, dates, captions) and body."""

    zone: list[Line]  # non-blank lines between the previous article and this body
    body: list[Line] = field(default_factory=list)  # prose and accepted inner lines, in order
    list_items: set[int] = field(default_factory=set)  # line indices of an announced list's items


def find_regions(lines: list[Line]) -> list[Region]:
    """Article regions in reading order, at most one per page."""
    nonblank = [line for line in lines if line.kind is not Kind.BLANK]
    indices = [line.index for line in nonblank]
    breaks = title_breaks(nonblank)
    # Runs of prose grouped into pages: a page ends at site chrome or a repeated title.
    pages: list[list[list[Line]]] = [[]]
    after_chrome = [True]  # whether site chrome stands between a page and the one before
    run: list[Line] = []
    gap: list[Line] = []
    in_comments = False  # readers' comments run until the next chrome or headline print
    for line in nonblank:
        if line.kind is Kind.COMMENTS and _before_any_body(run, pages[-1], after_chrome[-1], line):
            continue
        if line.kind is Kind.COMMENTS:
            if run:
                pages[-1].append(run)
            run, gap, in_comments = [], [], True
        elif in_comments and line.kind is not Kind.CHROME and line.index not in breaks:
            continue
        elif line.kind is Kind.PROSE:
            if run and len(gap) <= MAX_GAP:
                run.extend(gap)
            elif run:
                pages[-1].append(run)
                run = []
            run.append(line)
            gap = []
        elif line.kind is Kind.CHROME or line.index in breaks:
            if run:
                pages[-1].append(run)
            if pages[-1]:
                pages.append([])
                after_chrome.append(False)
            after_chrome[-1] |= line.kind is Kind.CHROME
            run, gap, in_comments = [], [], False
        else:
            gap.append(line)
    if run:
        pages[-1].append(run)

    # Each page keeps its main article. A small piece announced by a repeated title line
    # right after an article is a section of it (a recipe, a list entry under its own
    # heading), not an article of its own.
    articles: list[list[Line]] = []
    for runs, chrome in zip(pages, after_chrome, strict=True):
        article = _main_article(runs)
        if article is None:
            continue
        article = _without_story_cards(article)
        if _site_policy(article):
            continue
        words = sum(line.words for line in article if line.kind is Kind.PROSE)
        prose_lines = sum(1 for line in article if line.kind is Kind.PROSE)
        big = words >= MIN_ARTICLE_WORDS or prose_lines >= MIN_ARTICLE_PROSE_LINES
        previous = articles[-1] if articles else None
        titled = _announced(article, nonblank, indices, breaks, previous)
        if big and previous is not None and not titled and _boxed_in(previous, article, nonblank, indices):
            previous.extend(article)  # a newsletter box or share bar inside one body
        elif big:
            articles.append(article)
        elif titled and not chrome and previous is not None and _close(previous, article):
            previous.extend(article)
        elif titled and words >= MIN_TITLED_WORDS:
            articles.append(article)

    regions: list[Region] = []
    previous_end = -1
    for article in articles:
        region = _region_from_run(article, nonblank, indices, previous_end)
        listed = _announced_list(article, nonblank, indices, breaks)
        region.body.extend(listed)
        region.list_items.update(line.index for line in listed)
        regions.append(region)
        previous_end = (listed or article)[-1].index
    return regions


def with_announced_lists(regions: list[Region], nonblank: list[Line], breaks: set[int]) -> list[Region]:
    """Regions found by other means, each body followed by the list it announces at its end.
    ``breaks`` are the title prints of ``nonblank`` (``title_breaks``)."""
    indices = [line.index for line in nonblank]
    for k, region in enumerate(regions):
        # A list already read as body: its items are paragraphs, not subheads.
        intro = next((j for j in range(len(region.body) - 1, -1, -1) if region.body[j].text.endswith(":")), None)
        tail = region.body[intro + 1 :] if intro is not None else []
        if len(tail) >= 2 and all(line.kind in _LIST_KINDS for line in tail):
            region.list_items.update(line.index for line in region.body[intro:])
        listed = _announced_list(region.body, nonblank, indices, breaks)
        limit = regions[k + 1].body[0].index if k + 1 < len(regions) else None
        listed = [line for line in listed if limit is None or line.index < limit]
        region.body.extend(listed)
        region.list_items.update(line.index for line in listed)
    return regions


def _before_any_body(run: list[Line], page: list[list[Line]], after_chrome: bool, line: Line) -> bool:
    """A comments cue before any body on a page: "Leave a comment" in a byline, "Comment"
    in a menu. Only a cue on a page that chrome did not open can be the comments of the
    page before (split off by a spurious headline print)."""
    if page or sum(prose.words for prose in run if prose.kind is Kind.PROSE) >= MIN_TITLED_WORDS:
        return False  # a body (not just a slogan line) has started
    return after_chrome or _BYLINE_COMMENT_LINK.fullmatch(line.text) is not None


def _announced_list(article: list[Line], nonblank: list[Line], indices: list[int], breaks: set[int]) -> list[Line]:
    """The list a body announces at its end ("Tour dates:", "The best deals:"): its items
    are short lines that would otherwise be read as page furniture."""
    after = bisect_right(indices, article[-1].index)
    intro = article[-1]
    if not intro.text.endswith(":") and after < len(nonblank) and nonblank[after].kind is Kind.SHORT:
        intro, after = nonblank[after], after + 1
    if not intro.text.endswith(":"):
        return []
    items = [intro] if intro is not article[-1] else []
    previous = intro.index
    for line in nonblank[after : after + MAX_LIST_ITEMS]:
        if line.kind not in _LIST_KINDS or line.index in breaks or line.index - previous > 3:
            break
        items.append(line)
        previous = line.index
    return items if len(items) >= 2 else []


def _announced(
    article: list[Line], nonblank: list[Line], indices: list[int], breaks: set[int], previous: list[Line] | None
) -> bool:
    """Whether a headline print stands just above the article's first line."""
    stop = bisect_left(indices, article[0].index)
    start = bisect_right(indices, previous[-1].index) if previous else 0
    above = nonblank[max(start, stop - TITLE_REACH) : stop]
    return any(line.index in breaks for line in above)


def _main_article(runs: list[list[Line]]) -> list[Line] | None:
    """The page's biggest run of prose, joined with runs that sit close to it.

    Other runs on the page (comment prompts, teasers for other stories, notices) are
    dropped: a page carries one article.
    """
    if not runs:
        return None
    sizes = [sum(line.words for line in run if line.kind is Kind.PROSE) for run in runs]
    main = max(range(len(runs)), key=sizes.__getitem__)
    first = last = main
    while first > 0 and _close(runs[first - 1], runs[first]):
        first -= 1
    while last + 1 < len(runs) and _close(runs[last], runs[last + 1]):
        last += 1
    return [line for run in runs[first : last + 1] for line in run]


def _boxed_in(before: list[Line], after: list[Line], nonblank: list[Line], indices: list[int]) -> bool:
    """Whether only a few lines (a sign-up box, a share bar), and no site footer, stand
    between two bodies."""
    lines = nonblank[bisect_right(indices, before[-1].index) : bisect_left(indices, after[0].index)]
    footer = data_regex(_DATA, "footer.txt")
    return len(lines) <= BOX_LINES and not any(footer.search(line.text) for line in lines)


def _site_policy(article: list[Line]) -> bool:
    """A page's privacy or comment rules: most of its paragraphs are about the site."""
    prose = [line for line in article if line.kind is Kind.PROSE]
    if len(prose) < 3 or any(_REPORTED.search(line.text) for line in prose):
        return False  # news about a privacy policy reports who said what; the site's rules do not
    policy = data_regex(_DATA, "site_policy.txt")
    return sum(1 for line in prose if policy.search(line.text)) >= POLICY_SHARE * len(prose)


def _without_story_cards(article: list[Line]) -> list[Line]:
    """Cut a list of story cards (headline, author, date, one-line summary) off a body.

    A date line inside a body is rare; three of them close together after the body's
    prose are the site's lists of other stories.
    """
    dates = [i for i, line in enumerate(article) if line.kind is Kind.DATE]
    for n, i in enumerate(dates):
        if not _has_prose(article[:i]):
            continue
        following = [j for j in dates[n + 1 :] if j - i <= CARD_REACH * (CARD_DATES - 1)]
        if len(following) + 1 < CARD_DATES:
            continue
        start = i
        while start > 0 and article[start - 1].kind is not Kind.PROSE:
            start -= 1  # the card's headline and author stand above its date
        return article[:start]
    return article


def _close(before: list[Line], after: list[Line]) -> bool:
    return after[0].index - before[-1].index <= MERGE_GAP_LINES


def _region_from_run(run: list[Line], nonblank: list[Line], indices: list[int], previous_end: int) -> Region:
    """``indices`` are the line numbers of ``nonblank``, for bisecting."""
    zone = nonblank[bisect_right(indices, previous_end) : bisect_left(indices, run[0].index)]
    region = Region(zone=zone)
    # Split the run into prose lines and the gaps between them.
    gap: list[Line] = []
    for line in run:
        if line.kind is not Kind.PROSE:
            gap.append(line)
            continue
        if len(gap) <= INNER_GAP:
            region.body.extend(inner for inner in gap if inner.kind not in _SKIPPED_IN_BODY)
        gap = []
        region.body.append(line)
    return region


def title_breaks(nonblank: list[Line]) -> set[int]:
    """Indices of title-like lines printed again shortly after (a page's headline).

    A line repeated as part of a repeated block (a related-links list shown twice) is a
    menu, not a headline: its neighbours repeat with it.
    """
    position = {line.index: i for i, line in enumerate(nonblank)}
    seen = occurrences(nonblank)
    breaks: set[int] = set()
    for indices in seen.values():
        if len(indices) < 2:
            continue
        first = nonblank[position[indices[0]]]
        if not first.is_titlelike or first.words < 3 or _calls_to_action(first.text):
            continue
        if len(indices) >= LABEL_REPEATS and _recurs_across_prose(nonblank, [position[i] for i in indices]):
            continue  # a table header or section label printed again and again through one body
        for a, b in itertools.pairwise(indices):
            pa, pb = position[a], position[b]
            if pb - pa > TITLE_REPEAT_WINDOW:
                continue
            if _same_neighbours(nonblank, pa, pb):
                continue
            # A headline is printed again above its own body, so no body lies between
            # the two prints; a line that recurs inside running prose is something else.
            if _has_prose(nonblank[pa:pb]):
                continue
            breaks.update((a, b))
    breaks |= _window_titles(nonblank, seen, position)
    return breaks


def _window_titles(nonblank: list[Line], seen: dict[str, list[int]], position: dict[int, int]) -> set[int]:
    """A page's window title ("Headline - Site name") followed by its headline alone.

    The plain scrape of a page often starts with the HTML title, which is the headline
    with the site's name appended; the headline printed above the body then confirms it.
    ``position`` maps a line's index to its place in ``nonblank``.
    """
    found: set[int] = set()
    for i, line in enumerate(nonblank):
        if line.kind is not Kind.SHORT:
            continue
        for separator in _TITLE_SEPARATOR.finditer(line.text):
            headline = line.text[: separator.start()]
            if len(headline.split()) < 2:
                continue
            for later in seen.get(headline, []):
                j = position[later]
                if i < j < i + TITLE_REPEAT_WINDOW and not _has_prose(nonblank[i:j]):
                    found.update((line.index, later))
    return found


def _has_prose(lines: list[Line]) -> bool:
    return any(line.kind is Kind.PROSE for line in lines)


def _recurs_across_prose(nonblank: list[Line], positions: list[int]) -> bool:
    """Whether the prints stand between short stretches of prose (table rows, a few
    paragraphs) rather than above whole bodies (one story syndicated on many pages)."""
    stretches = [sum(1 for line in nonblank[a:b] if line.kind is Kind.PROSE) for a, b in itertools.pairwise(positions)]
    between = sorted(lines for lines in stretches if lines)
    return bool(between) and between[(len(between) - 1) // 2] < MIN_ARTICLE_PROSE_LINES


def _calls_to_action(text: str) -> bool:
    """ "GET THE QUIZ: INSTANT DOWNLOAD!" is a button printed twice, not a headline."""
    letters = [c for c in text if c.isalpha()]
    shouted = len(letters) >= 8 and all(c.isupper() for c in letters)
    return shouted and text.rstrip().endswith(("!", ":"))


def _same_neighbours(nonblank: list[Line], pa: int, pb: int) -> bool:
    def text(i: int) -> str | None:
        return nonblank[i].text if 0 <= i < len(nonblank) else None

    before = text(pa - 1) is not None and text(pa - 1) == text(pb - 1) and pb - 1 != pa
    after = text(pa + 1) is not None and text(pa + 1) == text(pb + 1) and pa + 1 != pb
    return before or after
