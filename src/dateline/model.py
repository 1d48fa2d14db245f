"""Typed records that flow through the pipeline.

One ``Document`` goes through named stages; each stage returns it with its own layer
added. Every piece of text an article carries is a ``Span``: the text plus character
offsets into ``Document.text`` (the decoded, repaired text of the whole input), so any
extracted fact can be traced back to the exact characters it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Span:
    """A piece of the document text: ``document.text[start:end] == text``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Flag:
    """A character we could not repair, kept in the text and reported here."""

    offset: int
    char: str
    codepoint: str  # "U+05B1"
    reason: str  # e.g. "orphan combining mark (HEBREW)"

    def to_dict(self) -> dict:
        return {"offset": self.offset, "char": self.char, "codepoint": self.codepoint, "reason": self.reason}


@dataclass(frozen=True)
class RawDocument:
    """Bytes as they were read, before any decoding."""

    source: str  # file path, "<stdin>", or URL
    data: bytes
    content_hash: str  # sha256 of data
    crawl_time: datetime | None = None  # reference for relative dates; never the machine clock
    media_type: str = "text/plain"


@dataclass
class DateValue:
    """A published/updated time: ISO value when it could be resolved, and the raw text."""

    raw: str
    value: str | None  # ISO 8601 date or datetime (UTC, "Z"), None when unresolvable
    relative: bool = False

    def to_dict(self) -> dict:
        return {"raw": self.raw, "value": self.value, "relative": self.relative}


@dataclass
class Mention:
    """One place in the document where an actor is named or referred to."""

    start: int  # offsets into Document.text
    end: int
    text: str
    kind: str  # name | title | description | possessive | capital | people


@dataclass
class Actor:
    """One real-world person, organisation or country within an article."""

    name: str  # canonical: the fullest name the article gives
    kind: str  # person | organisation | country
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None  # ISO 3166 alpha-3
    # where the country came from: title | appositive | possessive | description | name |
    # article (dateline) | setting (the country the article names most) | dictionary
    country_source: str | None = None
    agent_type: str | None = None  # CAMEO agent type: GOV, MIL, REL, ...
    role: str | None = None  # role words as written: "Defense Secretary"
    rank: str | None = None  # normalised role: "head of state", "minister", ...
    code: str | None = None  # CAMEO actor code, e.g. "USAGOV", "IGOWSTNAT"
    aliases: list[str] = field(default_factory=list)
    registry_id: int | None = None  # the corpus-wide actor, once stored


@dataclass
class Place:
    """A place named in an article (or its dateline), resolved against geonames."""

    name: str  # as written
    start: int | None  # offsets into Document.text; None for dateline-only places
    end: int | None
    source: str  # text | dateline
    geonameid: int | None = None
    resolved_name: str | None = None
    feature: str | None = None  # country | state (a US state: no point) | city
    country: str | None = None  # ISO3
    latitude: float | None = None
    longitude: float | None = None
    population: int | None = None


@dataclass
class Quote:
    """Who said what: one quotation or piece of reported speech."""

    content: Span  # offsets into Document.text; a split quote runs from its first part to its last
    kind: str  # direct | indirect | mixed | partial
    block: int  # index into Article.blocks; -1 for the headline
    cue: Span | None = None  # the reporting verb (or ":" / "—" / "according to")
    cue_lemma: str | None = None
    speaker: Span | None = None  # the speaker phrase as written ("he", "the Kremlin")
    speaker_actor: int | None = None  # index into Article.actors
    # A relative speaker ("three members, who said …") is written "who"; this is its noun.
    speaker_refers: Span | None = None
    unnamed: str | None = None  # for speakers that name nobody: source | person | group | object
    medium: str | None = None  # "X", "The Economist", "AFP", "his social media platform"
    tone: float | None = None
    flags: list[str] = field(default_factory=list)
    # A quote split around its attribution (`“…,” he said. “…”`) is one quote in parts;
    # empty when the content is one stretch.
    parts: list[Span] = field(default_factory=list)
    listed: bool = True  # shown by default; else stored with the reason (extract/quotes/checks.py)
    unlisted_because: str | None = None

    def stretches(self) -> list[Span]:
        """The quoted stretches: the parts of a split quote, else the content."""
        return self.parts or [self.content]


@dataclass
class EventSide:
    """One end of an event: an actor of the article, or a group it names without one."""

    text: str
    code: str | None  # CAMEO actor code: "USAGOV", "BGDCVL", "IGOWSTNAT"
    actor: int | None = None  # index into Article.actors
    start: int | None = None  # offsets of the phrase in Document.text
    end: int | None = None


@dataclass
class Event:
    """Who did what to whom, where and when, coded in CAMEO."""

    code: str
    root: str
    quad_class: int
    goldstein: float
    source: EventSide | None
    target: EventSide | None
    sentence: Span
    cue: Span
    entry: str  # id of the lexicon entry (or quote rule) that produced the event
    block: int | None  # body block index; None for headline and summary
    date: str | None = None  # ISO date
    date_source: str | None = None  # sentence | article
    place: Place | None = None
    mood: str = "asserted"  # asserted | intent
    confidence: float = 0.5
    tone: float | None = None
    mentions: int = 1  # how many times the article reports this same event
    listed: bool = True  # shown by default; else stored with the reason (extract/event_checks.py)
    unlisted_because: str | None = None


@dataclass
class Article:
    """One news article found in a document, with every field anchored to offsets."""

    ordinal: int  # position within the document, from 0
    start: int  # offsets of the article's whole region in the document text
    end: int
    headline: Span | None = None
    published: DateValue | None = None
    updated: DateValue | None = None
    dateline_places: list[str] = field(default_factory=list)
    dateline: Span | None = None
    agency: str | None = None
    summary: list[Span] = field(default_factory=list)
    captions: list[Span] = field(default_factory=list)
    subheads: list[Span] = field(default_factory=list)
    paragraphs: list[Span] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    # body blocks (paragraphs and subheads) in reading order, as ("p"|"h", Span)
    blocks: list[tuple[str, Span]] = field(default_factory=list)
    # Added by the nlp stages:
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    tone: float | None = None  # VADER compound, mean over paragraphs, -1..1
    block_tones: list[float] = field(default_factory=list)  # one per block
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    minhash: list[int] | None = None  # body fingerprint for near-duplicate clusters
    cluster_id: int | None = None  # set by the store: the first article of its cluster
    # The country the article is set in and how we know it ("article": its dateline;
    # "setting": the one it names most), found once by the actors stage for the later ones.
    home: tuple[str | None, str] = field(default=(None, "article"), repr=False, compare=False)
    # The language the article is surely written in when that is not English (None: English, or
    # too short to tell), found once by the actors stage for the quotes and events stages.
    language: str | None = field(default=None, repr=False, compare=False)
    # The spaCy parse and its text map, kept between stages of one run, never stored.
    parse: Any = field(default=None, repr=False, compare=False)
    parse_text: Any = field(default=None, repr=False, compare=False)

    @property
    def body(self) -> str:
        """Body text in reading order: subheads and paragraphs, one per line pair."""
        return "\n\n".join(span.text for _, span in self.blocks)


@dataclass
class Document:
    """A decoded document and everything the stages have added to it."""

    raw: RawDocument
    text: str = ""
    encoding: str | None = None
    repaired: bool = False  # ftfy changed something
    flags: list[Flag] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    # Words of prose lines in a text dump, and how many of them no article took (0 and 0
    # for inputs whose article arrives built: HTML pages, titled records).
    prose_words: int = 0
    discarded_words: int = 0

    @property
    def source(self) -> str:
        return self.raw.source

    @property
    def content_hash(self) -> str:
        return self.raw.content_hash
