"""Named stages over one ``Document`` record, and the batch run that stores their output.

Each stage declares what it needs and what it adds; the pipeline checks the order when
it is built (as spaCy does for components), and refuses a stage that returns anything
but a ``Document``.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .clean import clean_document
from .errors import DatelineError, ErrorCode
from .extract import find_actors, find_events, find_quotes, fingerprint_document, parse_document, release_parse
from .ingest import decode_any
from .ingest.sources import expand_paths, read_inputs
from .ingest.warc import Skipped
from .model import Document
from .nlp.pipeline import load_nlp
from .options import RunOptions
from .store import Store

PIPELINE_VERSION = __version__
DECODE_ERRORS = {ErrorCode.E003_EMPTY, ErrorCode.E005_BINARY, ErrorCode.E006_UNDECODABLE}


@dataclass(frozen=True)
class Stage:
    name: str
    func: Callable[[Document], Document]
    requires: frozenset[str] = frozenset()
    assigns: frozenset[str] = frozenset()


DEFAULT_STAGES: tuple[Stage, ...] = (
    Stage("clean", clean_document, requires=frozenset({"text"}), assigns=frozenset({"articles"})),
    Stage("parse", parse_document, requires=frozenset({"articles"}), assigns=frozenset({"parse"})),
    Stage("actors", find_actors, requires=frozenset({"parse"}), assigns=frozenset({"actors", "places", "tone"})),
    Stage("quotes", find_quotes, requires=frozenset({"parse", "actors"}), assigns=frozenset({"quotes"})),
    Stage("events", find_events, requires=frozenset({"parse", "actors", "quotes"}), assigns=frozenset({"events"})),
    Stage("fingerprint", fingerprint_document, requires=frozenset({"articles"}), assigns=frozenset({"minhash"})),
    Stage("release", release_parse, requires=frozenset({"parse"})),
)


class Pipeline:
    """Stages applied in order to a decoded document."""

    def __init__(self, stages: Iterable[Stage] = DEFAULT_STAGES, provided: Iterable[str] = ("text",)) -> None:
        self.stages = tuple(stages)
        self.timings: dict[str, float] = {stage.name: 0.0 for stage in self.stages}  # seconds, cumulative
        available = set(provided)  # decoding provides the text
        for stage in self.stages:
            missing = stage.requires - available
            if missing:
                raise ValueError(f"stage {stage.name!r} requires {sorted(missing)}, which no earlier stage assigns")
            available |= stage.assigns

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            started = time.perf_counter()
            result = stage.func(doc)
            self.timings[stage.name] += time.perf_counter() - started
            if not isinstance(result, Document):
                raise DatelineError(
                    ErrorCode.E008_STAGE_CONTRACT, doc.source, f"stage {stage.name!r} returned {type(result).__name__}"
                )
            doc = result
        return doc


@dataclass
class RunSummary:
    """What a run did: documents stored, skipped as already stored, and failures."""

    stored: int = 0
    skipped: int = 0
    skipped_records: int = 0  # archive records that are not HTML pages or not HTTP 200
    articles: int = 0
    errors: list[DatelineError] = field(default_factory=list)

    @property
    def read(self) -> int:
        return self.stored + self.skipped

    def describe(self) -> str:
        skipped = f", {self.skipped_records} archive record(s) skipped" if self.skipped_records else ""
        return (
            f"{self.stored} document(s) stored with {self.articles} article(s), "
            f"{self.skipped} already stored, {len(self.errors)} error(s){skipped}"
        )


def run(inputs: Iterable[str], db: str | Path | Store, options: RunOptions | None = None) -> RunSummary:
    """Read, clean and store every input; bad inputs become rows in ``errors``.

    Re-running with the same inputs adds nothing; a run that was interrupted resumes
    where it stopped, since every stored document is skipped by its content hash.
    """
    options = options or RunOptions()
    store = db if isinstance(db, Store) else Store(db, dedup_threshold=options.dedup_threshold)
    pipeline = Pipeline()
    summary = RunSummary()
    inputs = list(inputs)
    try:
        for item in _with_progress(inputs, options):
            if isinstance(item, DatelineError):
                store.record_error(item, stage="read")
                summary.errors.append(item)
                continue
            if isinstance(item, Skipped):
                summary.skipped_records += 1
                continue
            if store.has_document(item.content_hash):
                summary.skipped += 1
                continue
            load_nlp()  # once, before any document's time budget starts
            try:
                with time_budget(options.max_seconds, item.source):
                    doc = pipeline(decode_any(item))
                document_id = store.write_document(doc, PIPELINE_VERSION)
            except DatelineError as exc:
                stage = "decode" if exc.code in DECODE_ERRORS else "pipeline"
                store.record_error(exc, stage=stage, content_hash=item.content_hash)
                summary.errors.append(exc)
                continue
            except Exception as exc:  # a bug on one document must not stop the batch
                error = DatelineError(ErrorCode.E007_PROCESSING, item.source, f"{type(exc).__name__}: {exc}")
                store.record_error(error, stage="pipeline", content_hash=item.content_hash)
                summary.errors.append(error)
                continue
            if document_id is None:
                summary.skipped += 1
            else:
                summary.stored += 1
                summary.articles += len(doc.articles)
                if not doc.articles:  # nothing vanishes silently: say so, and keep a row of it
                    empty = DatelineError(ErrorCode.E012_NO_ARTICLE, item.source)
                    store.record_error(empty, stage="clean", content_hash=item.content_hash)
                    summary.errors.append(empty)
    finally:
        if not isinstance(db, Store):
            store.close()
    return summary


@contextmanager
def time_budget(seconds: float, source: str):
    """Stop one document's processing after ``seconds`` with an E013 error (a pathological
    page must not hold up the batch). Only where a timer signal can be used: the main
    thread of a POSIX process; elsewhere there is no limit."""
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expired(signum, frame):
        raise DatelineError(ErrorCode.E013_OVER_BUDGET, source, f"took more than {seconds:g} s to process")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _with_progress(inputs: list[str], options: RunOptions):
    stream = read_inputs(inputs, options)
    if not options.progress:
        return stream
    from tqdm import tqdm

    total = sum(1 for _ in expand_paths(inputs))
    return tqdm(stream, total=total, unit="doc", disable=total < 2)
