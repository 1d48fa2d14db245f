"""Extraction stages over the spaCy parse: actors, places, tone, quotes."""

from __future__ import annotations

from ..errors import DatelineError, ErrorCode
from ..model import Article, Document, Mention
from ..nlp.headline import reparse_headlines
from ..nlp.language import other_language
from ..nlp.pipeline import load_nlp
from ..nlp.text import article_text, repeated_prints
from .actors import extract_actors
from .event_checks import assess_events
from .events import extract_events
from .fingerprint import fingerprint
from .places import actors_country, extract_places, home_country
from .quotes import extract_quotes
from .tone import article_tone, tone

__all__ = [
    "check_parse_budget",
    "find_actors",
    "find_events",
    "find_quotes",
    "fingerprint_document",
    "parse_document",
    "parse_documents",
    "release_parse",
]

# Articles per network pass. Passes of 4 articles parsed 3,517 words a CPU second (peak 518 MB);
# passes cut at 50,000 characters (about 8,000 words: ten short articles, or one long one),
# 4,263 (465 MB); at 100,000, 4,189 (603 MB): a pass's memory grows with its text
# (bench/RESULTS.md, 2026-12-07).
BATCH_SIZE = 32
PASS_CHARS = 50_000
MAX_PARSE_CHARS = 200_000


def parse_document(doc: Document) -> Document:
    """Stage: parse every article once with the one spaCy pipeline (kept for later stages).

    A document whose articles hold more text than ``MAX_PARSE_CHARS`` (some 35,000 words; news
    runs to a few thousand) is refused as over budget: parsing it could take minutes and
    gigabytes (1.6 MB of "<p>a</p>" once took 6.6 GB)."""
    check_parse_budget(doc)
    return parse_documents([doc])[0]


def check_parse_budget(doc: Document) -> None:
    size = sum(len(article_text(article, doc.text).text) for article in doc.articles)
    if size > MAX_PARSE_CHARS:
        raise DatelineError(ErrorCode.E013_OVER_BUDGET, doc.source,
                            f"{size:,} characters of article text to parse > {MAX_PARSE_CHARS:,}")  # fmt: skip


def parse_documents(docs: list[Document]) -> list[Document]:
    """The parse stage over several documents in one ``nlp.pipe`` call, so that inputs of one
    article each are parsed in batches too. The parse of an article does not depend on what
    else is in its batch."""
    nlp = load_nlp()
    jobs = [(article, article_text(article, doc.text)) for doc in docs for article in doc.articles]
    parsed = (
        spacy_doc
        for batch in _passes([text.text for _, text in jobs])
        for spacy_doc in nlp.pipe(batch, batch_size=len(batch))
    )
    headlines = []
    for (article, text), spacy_doc in zip(jobs, parsed, strict=True):
        if text.has_headline:
            headlines.append((spacy_doc, len(text.pieces[0].text), text.body()))
        article.parse, article.parse_text = spacy_doc, text
    reparse_headlines(nlp, headlines)
    return docs


def _passes(texts: list[str]) -> list[list[str]]:
    """The texts in order, cut into network passes of at most BATCH_SIZE texts and PASS_CHARS
    characters (a longer text is a pass of its own)."""
    passes: list[list[str]] = []
    size = 0
    for text in texts:
        if not passes or len(passes[-1]) >= BATCH_SIZE or size + len(text) > PASS_CHARS:
            passes.append([])
            size = 0
        passes[-1].append(text)
        size += len(text)
    return passes


def find_actors(doc: Document) -> Document:
    """Stage: actors, places and tone of every article."""
    for article in doc.articles:
        spacy_doc, text = article.parse, article.parse_text
        article.home = home_country(article.dateline_places, spacy_doc)
        article.language = other_language(article.body)
        article.actors = extract_actors(spacy_doc, text, *article.home)
        _project_repeated_prints(article, doc.text)
        article.places = extract_places(spacy_doc, text, article.dateline_places, article.actors)
        article.block_tones = [tone(span.text) for _, span in article.blocks]
        article.tone = article_tone(article.block_tones)
    return doc


def find_quotes(doc: Document) -> Document:
    """Stage: direct, indirect and mixed quotations with their speakers."""
    for article in doc.articles:
        quotes = extract_quotes(article.parse, article.parse_text, article.actors)
        article.quotes = _unlisted_if_foreign(article, quotes)
    return doc


def find_events(doc: Document) -> Document:
    """Stage: CAMEO events with source, target, date, place and the rule that fired."""
    crawl = doc.raw.crawl_time.date().isoformat() if doc.raw.crawl_time else None
    for article in doc.articles:
        when = next((v.value for v in (article.published, article.updated) if v is not None and v.value), crawl)
        events = extract_events(
            article.parse, article.parse_text, article.actors, article.quotes, article.places, when,
            article.home[0] or actors_country(article.actors, article.places),
        )  # fmt: skip
        article.events = _unlisted_if_foreign(
            article, assess_events(events, article.parse, article.parse_text, article.quotes, article.actors)
        )
    return doc


def _unlisted_if_foreign(article: Article, found: list) -> list:
    """Quotes or events of an article surely written in another language than English: stored,
    not listed (the English parse and lexicons read it wrong)."""
    if article.language is not None:
        for item in found:
            if item.listed:
                item.listed, item.unlisted_because = False, f"not English ({article.language})"
    return found


def fingerprint_document(doc: Document) -> Document:
    """Stage: a MinHash of each article body, so syndicated copies can be clustered."""
    for article in doc.articles:
        article.minhash = fingerprint(article.body)
    return doc


def release_parse(doc: Document) -> Document:
    """Stage: drop the parses once every stage that reads them has run."""
    for article in doc.articles:
        article.parse = article.parse_text = None
    return doc


def _project_repeated_prints(article: Article, document_text: str) -> None:
    """A name in a headline or caption printed three times is mentioned three times."""
    for piece, shift in repeated_prints(article, document_text):
        for actor in article.actors:
            inside = [m for m in actor.mentions if piece.start <= m.start and m.end <= piece.end]
            actor.mentions.extend(Mention(m.start + shift, m.end + shift, m.text, m.kind) for m in inside)
            actor.mentions.sort(key=lambda m: m.start)
