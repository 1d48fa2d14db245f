"""What a run did, and how each input item it read is stored: shared by the local run,
its worker pool and ``dateline load`` (which must not load spaCy)."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import __version__
from .errors import DECODE_ERRORS, WARNINGS, DatelineError, ErrorCode
from .ingest.warc import Skipped
from .model import Document
from .store import Store

PIPELINE_VERSION = __version__
# A text dump whose prose is mostly in no article (and at least this much of it) is flagged.
MIN_DISCARDED_WORDS = 100


@dataclass
class RunSummary:
    """What a run did: documents stored, skipped as already stored, and failures."""

    stored: int = 0
    skipped: int = 0
    skipped_records: int = 0  # archive records that are not HTML pages or not HTTP 200
    articles: int = 0
    errors: list[DatelineError] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # partitions of a Dask run not run yet (load)
    prose_words: int = 0  # in the text dumps stored
    discarded_words: int = 0  # of those, in no article

    @property
    def warnings(self) -> list[DatelineError]:
        return [e for e in self.errors if e.code in WARNINGS]

    @property
    def read(self) -> int:
        return self.stored + self.skipped

    def describe(self) -> str:
        skipped = f", {self.skipped_records} archive record(s) skipped" if self.skipped_records else ""
        warned = len(self.warnings)
        prose = ""
        if self.prose_words:
            share = f"{self.discarded_words / self.prose_words:.0%}"
            prose = f"; {self.discarded_words:,} of {self.prose_words:,} words of dump prose in no article ({share})"
        return (
            f"{self.stored} document(s) stored with {self.articles} article(s), "
            f"{self.skipped} already stored, {len(self.errors) - warned} error(s), {warned} warning(s){skipped}{prose}"
        )


def record_item(store: Store, summary: RunSummary, item, result: Document | DatelineError | None) -> None:
    """Store what one input item came to: a read error, a skipped record, a document or its error."""
    if isinstance(item, DatelineError):
        store.record_error(item, stage=read_stage(item))
        summary.errors.append(item)
        return
    if isinstance(item, Skipped):
        summary.skipped_records += 1
        return
    if result is None:  # already stored
        summary.skipped += 1
        return
    if isinstance(result, DatelineError):
        store.record_error(result, stage=processing_stage(result), content_hash=item.content_hash)
        summary.errors.append(result)
        return
    try:
        document_id = store.write_document(result, PIPELINE_VERSION)
    except Exception as exc:  # a document the store refuses is that document's error
        error = DatelineError(ErrorCode.E007_PROCESSING, item.source, f"{type(exc).__name__}: {exc}")
        store.record_error(error, stage="store", content_hash=item.content_hash)
        summary.errors.append(error)
        return
    if document_id is None:
        summary.skipped += 1
        return
    summary.stored += 1
    summary.articles += len(result.articles)
    summary.prose_words += result.prose_words
    summary.discarded_words += result.discarded_words
    warning = document_warning(result)  # nothing vanishes silently: say so, and keep a row of it
    if warning is not None:
        store.record_error(warning, stage="clean", content_hash=item.content_hash)
        summary.errors.append(warning)


def read_stage(error: DatelineError) -> str:
    """The stage of an error that stands in place of an input item (it was never processed)."""
    return "partition" if error.code is ErrorCode.E014_PARTITION_FAILED else "read"


def processing_stage(error: DatelineError) -> str:
    """The stage of an error a document came to: decoding it, or a pipeline stage."""
    return "decode" if error.code in DECODE_ERRORS else "pipeline"


def document_warning(doc: Document) -> DatelineError | None:
    """E012 for a stored document with no article, E015 for a text dump whose prose is
    mostly in no article; None when neither."""
    if not doc.articles:
        return DatelineError(ErrorCode.E012_NO_ARTICLE, doc.source)
    if doc.discarded_words >= MIN_DISCARDED_WORDS and 2 * doc.discarded_words > doc.prose_words:
        share = f"{doc.discarded_words:,} of {doc.prose_words:,} words of prose"
        return DatelineError(ErrorCode.E015_MOSTLY_DISCARDED, doc.source, share)
    return None
