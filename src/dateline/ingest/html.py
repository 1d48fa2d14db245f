"""HTML pages to the same Article record the text-dump path produces.

trafilatura finds the main text and metadata (the main text twice: its precise reading,
which leaves out more of the related links and comments around an article, unless that
reading is a fraction of the ordinary one and so found some other part of the page);
htmldate tells published from updated; our own pass adds what they leave out or mix in:
photo captions and credits are kept apart (never body), a list of sources closing the
article is dropped, the standfirst becomes the summary, the dateline is parsed off the
first paragraph, and the wire agency is read from bylines, meta tags, the dateline,
credits and sign-offs.

The document text is composed from those parts (headline, standfirst, body blocks,
captions, one per line pair), so every span still has offsets into ``Document.text``.
"""

from __future__ import annotations

import re
from datetime import datetime

import htmldate
import lxml.html
import trafilatura

from ..clean.lines import Kind, classify, is_citation
from ..clean.wire import agency_of, parse_dateline
from ..errors import DatelineError, ErrorCode
from ..model import Article, DateValue, Document, RawDocument, Span
from ..resources import data_regex
from .decode import find_unrecoverable

_CAPTION_CLASSES = re.compile(r"caption|credit|wp-caption-text|image-desc|photo-desc", re.IGNORECASE)
# A caption is short and holds no paragraphs of its own; a "caption" class on a big
# container (a whole figure-and-text wrapper) is not one.
CAPTION_MAX_CHARS = 400
HEADLINE_WORDS = (3, 40)
# trafilatura's precise reading is taken unless it is under this share of the ordinary one's
# length (then it has picked a reprint notice or a teaser box, not the article).
PRECISE_MIN_SHARE = 0.2
_SEPARATOR = "\n\n"


def decode_html(raw: RawDocument) -> Document:
    """Stage input for a page: a Document with its one Article already built."""
    html = _without_empty_inline(_html_text(raw))
    url = raw.source if "://" in raw.source else None
    extracted = trafilatura.bare_extraction(
        html, url=url, include_comments=False, include_tables=True, with_metadata=True
    )  # fmt: skip
    if extracted is None or extracted.body is None:
        raise DatelineError(ErrorCode.E007_PROCESSING, raw.source, "no article text found in the page")
    body, body_text = _precise_body(html, url, extracted.body, extracted.text or "")
    captions, heading = _captions_and_heading(html)
    builder = _TextBuilder()
    article = Article(ordinal=0, start=0, end=0)
    # The page's own headline (its first <h1> of headline length) is the article's; the
    # window title, with the site's name taken off, stands in where there is none.
    title = heading or without_site_name(extracted.title or "", extracted.sitename, raw.source)
    if title:
        article.headline = builder.add(title)
    if extracted.description and not _is_start_of_body(extracted.description, body_text):
        article.summary.append(builder.add(extracted.description))
    first = True
    for kind, text in _without_source_list(_body_blocks(body, body_text)):
        if _LITERAL_TAG.match(text):
            break  # "</noscript><script …>": the extractor ran into the page's source; the article is over
        if _page_code(text) or _clutter(text) or _INLINE_TAG.search(text):
            # script source; "Advertisement", "READ MORE: …", "- Tweet", "(END)", a site's footer; an
            # embedded post's markup written out as text ("<a href=…>#Dolphins</a> coach …")
            continue
        if any(_same_text(text, caption) for caption in captions):
            continue  # trafilatura kept a caption as a paragraph: it is not body text
        if not article.blocks and title and _same_text(text, title):
            continue  # the headline printed atop the body is the headline, not body text
        span = builder.add(text)
        if kind == "h":
            article.subheads.append(span)
        else:
            if first:
                span = _take_dateline(article, span)
                first = False
            article.paragraphs.append(span)
        article.blocks.append((kind, span))
    if not article.blocks:
        raise DatelineError(ErrorCode.E007_PROCESSING, raw.source, "the page has no body paragraphs")
    for caption in captions:
        article.captions.append(builder.add(caption))
    text = builder.text
    article.end = len(text)
    article.published, article.updated = _dates(html, extracted.date)
    article.agency = article.agency or _agency(html, extracted.author, article)
    doc = Document(raw=raw, text=text, encoding="utf-8", flags=find_unrecoverable(text))
    article.flags = list(doc.flags)
    doc.articles = [article]
    return doc


# Lines the line rules know are never article text (clean/data/furniture.txt, chrome.txt,
# boilerplate.txt).
_NOT_ARTICLE_TEXT = {Kind.FURNITURE, Kind.CHROME}
# A block that opens with an HTML tag written out as text.
_LITERAL_TAG = re.compile(r"</?(script|noscript|style|iframe|div|span|link|meta|body|html)\b", re.IGNORECASE)
# Markup of a link, paragraph or quotation written out as text inside a block.
_INLINE_TAG = re.compile(r"<(a|p|blockquote)\s[^>]*>|</(a|p|blockquote)>", re.IGNORECASE)
# Script and style source: statements, braces, the browser's objects.
_CODE = re.compile(
    r"^(var|let|const|function|if|for|else|try|return|//|\}|\)|\]|\.forEach|@media)\b|^[{}()\[\];,]+$"
    r"|\b(window|document|console)\.\w|=>|===|!==|\bfunction\s*\(|[;{]\s*$"
)


def _precise_body(html: str, url: str | None, body, text: str):
    """The body tree and text of trafilatura's precise reading, or the ordinary one's when
    the precise one failed or is under PRECISE_MIN_SHARE of its length."""
    precise = trafilatura.bare_extraction(
        html, url=url, include_comments=False, include_tables=True, favor_precision=True, with_metadata=False
    )  # fmt: skip
    if precise is None or precise.body is None or len(precise.text or "") < PRECISE_MIN_SHARE * len(text):
        return body, text
    return precise.body, _with_inline_text(precise.text or "", text)


def _with_inline_text(precise: str, ordinary: str) -> str:
    """The precise reading's lines, each given back the words it lost inside it.

    The precise reading prunes elements by their class names, inline ones too: a link
    wrapped in ``<span class="link">`` vanishes from the middle of its sentence ("would allow
    for aid deliveries and the along with …"). A precise line whose words all appear, in
    order, in a longer line of the ordinary reading that begins and ends as it does is that
    line cut short: the ordinary line stands instead."""
    lines = [" ".join(line.split()) for line in ordinary.split("\n")]
    by_ends: dict[tuple, list[str]] = {}
    for line in lines:
        words = line.split()
        if len(words) >= 2 * _LINE_ENDS:
            by_ends.setdefault((tuple(words[:_LINE_ENDS]), tuple(words[-_LINE_ENDS:])), []).append(line)
    restored = []
    for line in precise.split("\n"):
        words = line.split()
        if len(words) >= 2 * _LINE_ENDS:
            for candidate in by_ends.get((tuple(words[:_LINE_ENDS]), tuple(words[-_LINE_ENDS:])), []):
                if len(candidate) > len(" ".join(words)) and _in_order(words, candidate.split()):
                    line = candidate
                    break
        restored.append(line)
    return "\n".join(restored)


_LINE_ENDS = 3  # words that must open and close both lines alike


def _in_order(words: list[str], longer: list[str]) -> bool:
    """Whether ``words`` appear in ``longer`` in the same order (a subsequence)."""
    rest = iter(longer)
    return all(any(word == other for other in rest) for word in words)


def _clutter(text: str) -> bool:
    """A paragraph that is no article text: what the line rules call furniture or chrome, or
    page clutter (clean/data/html_clutter.txt), with the bullet or brackets around it taken off."""
    bare = text.strip(" -–—•·*[]()")
    if classify(bare) in _NOT_ARTICLE_TEXT:
        return True
    return bool(data_regex("dateline.clean.data", "html_clutter.txt").fullmatch(bare))


def _page_code(text: str) -> bool:
    """Script or style source that the extractor took for text (a sentence never ends in "{" or ";")."""
    return bool(_CODE.search(text))


# An inline element with nothing in it: "A<em></em>s I'm trying …" (a stray tag in a CMS's markup).
_EMPTY_INLINE = re.compile(
    r"<(em|i|b|strong|span|u|small|mark|font|sup|sub|abbr|cite|s|del|ins|q)\b[^<>]*>(\s*)</\1\s*>", re.IGNORECASE
)


def _without_empty_inline(html: str) -> str:
    """The page without empty inline elements (innermost first, a few levels deep). trafilatura's
    precise reading drops the text that follows such an element inside its paragraph: "A<em></em>s
    I'm trying to go forward, I'm like, <em>Okay</em>" came out as "AOkay"."""
    for _ in range(3):
        stripped = _EMPTY_INLINE.sub(lambda m: m.group(2), html)
        if stripped == html:
            break
        html = stripped
    return html


def _html_text(raw: RawDocument) -> str:
    data = raw.data
    if not data.strip():
        raise DatelineError(ErrorCode.E003_EMPTY, raw.source)
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DatelineError(ErrorCode.E006_UNDECODABLE, raw.source)


class _TextBuilder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, text: str) -> Span:
        text = " ".join(text.split())
        if self.parts:
            self.length += len(_SEPARATOR)
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return Span(text, start, start + len(text))

    @property
    def text(self) -> str:
        return _SEPARATOR.join(self.parts)


def _body_blocks(body, text: str) -> list[tuple[str, str]]:
    """trafilatura's text, one block per line; lines that are its headings are subheads."""
    heads = {" ".join("".join(h.itertext()).split()) for h in body.iter("head")}
    blocks = []
    for line in text.split("\n"):
        line = " ".join(line.split())
        if line:
            blocks.append(("h" if line in heads else "p", line))
    return blocks


# A list of sources closing a fact-check or report: this many dated lines or more.
SOURCE_LIST_LINES = 3


def _without_source_list(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The body blocks without the list of sources that ends some articles ("Interview with
    …, Dec. 13, 2023", "The New York Times, …, Aug. 6, 1970"), and the heading over it."""

    def cited(index: int) -> bool:
        return blocks[index][0] == "p" and is_citation(blocks[index][1])

    # Walk back over dated lines; a line between two of them (one the page cut short:
    # "…, Aug. 14, 202") or a last one after them belongs to the list too. (The list thus
    # always starts at a dated line.)
    end, count = len(blocks), 0
    while end:
        if cited(end - 1):
            count += 1
        elif not (end >= 2 and cited(end - 2) and (end == len(blocks) or cited(end))):
            break
        end -= 1
    if count < SOURCE_LIST_LINES:
        return blocks
    if end and blocks[end - 1][0] == "h" and len(blocks[end - 1][1].split()) <= 3:
        end -= 1  # "Our Sources"
    return blocks[:end]


def _captions_and_heading(html: str) -> tuple[list[str], str | None]:
    """Figure captions and photo credits, each once, in page order; and the first <h1>
    of headline length (a logo or section name is shorter)."""
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return [], None
    heading = None
    found: list[str] = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "h1" and heading is None:
            text = " ".join(element.text_content().split())
            heading = text if HEADLINE_WORDS[0] <= len(text.split()) <= HEADLINE_WORDS[1] else None
        classes = element.get("class") or ""
        if element.tag == "figcaption" or (classes and _CAPTION_CLASSES.search(classes)):
            if element.find(".//p") is not None and element.tag != "figcaption":
                continue
            text = " ".join(element.text_content().split())
            if 3 < len(text) <= CAPTION_MAX_CHARS and not any(text == f or text in f for f in found):
                found.append(text)
    return found, heading


def _same_text(block: str, caption: str) -> bool:
    """The block is the caption (or the caption with its credit): not body text."""
    return block == caption or (len(block) > 20 and block in caption)


def _is_start_of_body(description: str, body: str) -> bool:
    """A standfirst that is just the first words of the body is not a summary."""
    probe = description.rstrip(".… ")[:80]
    return bool(probe) and probe in body


# "Headline | Site", "Headline - Site Politics", "Site :: Headline": how page titles carry the site.
_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+|\s*[|»:]{2}\s*|\s+[|»]\s+")


def without_site_name(title: str, sitename: str | None, url: str) -> str:
    """The page title without the site's name at its end or start ("… | CNN Politics"),
    where a part of it names the site (its name in the page's metadata, or its domain)."""
    parts = [part.strip() for part in _TITLE_PARTS.split(title.strip())]
    if len(parts) < 2:
        return title.strip()
    names = {_squash(sitename or "")} | {_squash(label) for label in _domain_labels(url)}
    names.discard("")

    def names_site(part: str) -> bool:
        squashed = _squash(part)
        return bool(squashed) and any(name in squashed or squashed in name for name in names)

    while len(parts) > 1 and names_site(parts[-1]):
        parts.pop()
    while len(parts) > 1 and names_site(parts[0]):
        parts.pop(0)
    if sum(len(part.split()) for part in parts) < 2:
        return title.strip()
    return _as_written(title, parts)  # only the site's parts are cut: the rest stands as written


def _as_written(title: str, parts: list[str]) -> str:
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if start >= 0 and end > start else " | ".join(parts)


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _domain_labels(url: str) -> list[str]:
    match = re.match(r"[a-z]+://([^/:]+)", url)
    if not match:
        return []
    labels = [label for label in match.group(1).lower().split(".") if label not in _GENERIC_LABELS]
    return [label for label in labels if len(label) >= 3]


_GENERIC_LABELS = {"www", "com", "org", "net", "co", "uk", "news", "edition", "amp", "m", "en", "au", "in", "ca"}


def _take_dateline(article: Article, span: Span) -> Span:
    dateline = parse_dateline(span.text)
    if dateline is None:
        return span
    article.dateline_places = dateline.places
    article.agency = dateline.agency
    kept = span.text[: dateline.length].rstrip()
    article.dateline = Span(kept, span.start, span.start + len(kept))
    return Span(span.text[dateline.length :], span.start + dateline.length, span.end)


def _dates(html: str, fallback: str | None) -> tuple[DateValue | None, DateValue | None]:
    published = htmldate.find_date(html, original_date=True, extensive_search=False) or fallback
    updated = htmldate.find_date(html, original_date=False, extensive_search=False)
    published_value = DateValue(raw=published, value=published) if published else None
    updated_value = DateValue(raw=updated, value=updated) if updated and updated != published else None
    return published_value, updated_value


def _agency(html: str, author: str | None, article: Article) -> str | None:
    """A page names its wire agency in its byline or a sign-off ("(Reporting by …)"); a
    photo credit or a "told AFP" in the text credits someone else's work, not the article."""
    return agency_of(
        bylines=[author or "", *_meta_credits(html)],
        last_lines=[article.paragraphs[-1].text] if article.paragraphs else [],
        captions=[],
        paragraphs=[],
    )


# Bounded: a page with "<meta " repeated inside a script must not make the search quadratic.
_META_CREDIT = re.compile(
    r"<meta[^>]{1,300}?(?:name|property)=[\"'](?:author|article:author|byl|dc\.creator|sailthru\.author)[\"']"
    r"[^>]{0,300}?content=[\"']([^\"']{1,100})",
    re.IGNORECASE,
)


def _meta_credits(html: str) -> list[str]:
    return _META_CREDIT.findall(html)


def crawl_time_of(value: str | None) -> datetime | None:
    """A WARC-Date or JSON date as an aware datetime; None when absent or unreadable."""
    from ..options import parse_crawl_time

    if not value:
        return None
    try:
        return parse_crawl_time(value)
    except DatelineError:
        return None
