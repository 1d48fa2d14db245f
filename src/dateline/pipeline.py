"""Named stages over one ``Document`` record, and the batch run that stores their output.

Each stage declares what it needs and what it adds; the pipeline checks the order when
it is built (as spaCy does for components), and refuses a stage that returns anything
but a ``Document``.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .clean import clean_document
from .errors import DatelineError, ErrorCode
from .extract import (
    check_parse_budget,
    find_actors,
    find_events,
    find_quotes,
    fingerprint_document,
    parse_document,
    parse_documents,
    release_parse,
)
from .ingest import decode_any
from .ingest.sources import expand_paths, read_inputs
from .model import Document, RawDocument
from .nlp.pipeline import load_nlp
from .options import RunOptions
from .record import RunSummary, record_item
from .store import Store

PARSE_BATCH = 16  # raw documents parsed together in one process


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

    def index(self, name: str) -> int:
        return next(i for i, stage in enumerate(self.stages) if stage.name == name)

    def __init__(self, stages: Iterable[Stage] = DEFAULT_STAGES, provided: Iterable[str] = ("text",)) -> None:
        self.stages = tuple(stages)
        self.timings: dict[str, float] = {stage.name: 0.0 for stage in self.stages}  # seconds, cumulative
        available = set(provided)  # decoding provides the text
        for stage in self.stages:
            missing = stage.requires - available
            if missing:
                raise ValueError(f"stage {stage.name!r} requires {sorted(missing)}, which no earlier stage assigns")
            available |= stage.assigns

    def __call__(self, doc: Document, first: int = 0, last: int | None = None) -> Document:
        """The stages ``first`` to ``last`` (exclusive; all by default) over one document."""
        for stage in self.stages[first:last]:
            started = time.perf_counter()
            result = stage.func(doc)
            self.timings[stage.name] += time.perf_counter() - started
            if not isinstance(result, Document):
                raise DatelineError(
                    ErrorCode.E008_STAGE_CONTRACT, doc.source, f"stage {stage.name!r} returned {type(result).__name__}"
                )
            doc = result
        return doc


def run(inputs: Iterable[str], db: str | Path | Store, options: RunOptions | None = None) -> RunSummary:
    """Read, clean and store every input; bad inputs become rows in ``errors``.

    Re-running with the same inputs adds nothing; a run that was interrupted resumes
    where it stopped, since every stored document is skipped by its content hash. With
    ``options.workers`` > 1, worker processes decode, clean, parse and extract while this
    process alone writes, in input order: the store is the same as with one worker.
    """
    options = options or RunOptions()
    store = db if isinstance(db, Store) else Store(db, dedup_threshold=options.dedup_threshold)
    summary = RunSummary()
    inputs = list(inputs)
    try:
        if options.workers > 1:
            _run_parallel(_with_progress(inputs, options), store, summary, options)
        else:
            pipeline = Pipeline()
            batch: list[RawDocument] = []
            for item in _with_progress(inputs, options):
                if isinstance(item, RawDocument) and not store.has_document(item.content_hash):
                    batch.append(item)
                    if len(batch) == PARSE_BATCH:
                        batch = _record_batch(store, summary, batch, pipeline, options.max_seconds)
                else:  # in input order: the documents before it first
                    batch = _record_batch(store, summary, batch, pipeline, options.max_seconds)
                    record_item(store, summary, item, None)
            _record_batch(store, summary, batch, pipeline, options.max_seconds)
    finally:
        if not isinstance(db, Store):
            store.close()
    return summary


def _record_batch(store: Store, summary: RunSummary, batch: list[RawDocument], pipeline: Pipeline,
                  max_seconds: float) -> list[RawDocument]:  # fmt: skip
    """Process and store a batch of documents; the empty batch that follows it."""
    if batch:
        load_nlp()  # once, before any document's time budget starts
        for item, result in zip(batch, process_batch(batch, pipeline, max_seconds), strict=True):
            record_item(store, summary, item, result)
    return []


def process_batch(items: list[RawDocument], pipeline: Pipeline, max_seconds: float) -> list:
    """Several raw documents, their parses in one ``nlp.pipe`` call: each is decoded and
    cleaned within its own time budget, the batch parsed within the sum of them, the rest
    done per document again. If the batch parse fails or runs out of time, every document
    goes through on its own, so a bad one is its own error."""
    parse = pipeline.index("parse")

    def cleaned(item: RawDocument) -> Document:
        doc = pipeline(decode_any(item), 0, parse)
        check_parse_budget(doc)
        return doc

    results = [_contained(item.source, max_seconds, cleaned, item) for item in items]
    ready = [i for i, result in enumerate(results) if isinstance(result, Document)]
    try:
        with time_budget(max_seconds * max(len(ready), 1), f"a batch of {len(ready)} documents"):
            parse_documents([results[i] for i in ready])
    except Exception:
        for i in ready:
            results[i] = process(items[i], pipeline, max_seconds)
        return results
    for i in ready:
        results[i] = _contained(items[i].source, max_seconds, pipeline, results[i], parse + 1)
    return results


def process(item: RawDocument, pipeline: Pipeline, max_seconds: float) -> Document | DatelineError:
    """One raw document through decoding and every stage, within its time budget; a failure
    is returned as the error it is, never raised."""
    return _contained(item.source, max_seconds, lambda raw: pipeline(decode_any(raw)), item)


def _contained(source: str, max_seconds: float, step: Callable, *args) -> Document | DatelineError:
    """``step(*args)`` within one document's time budget; its failure returned, not raised."""
    try:
        with time_budget(max_seconds, source):
            return step(*args)
    except DatelineError as exc:
        return exc
    except Exception as exc:  # a bug on one document must not stop the batch
        return DatelineError(ErrorCode.E007_PROCESSING, source, f"{type(exc).__name__}: {exc}")


_WORKER: dict = {}


def _start_worker(max_seconds: float) -> None:
    load_nlp()
    _WORKER.update(pipeline=Pipeline(), max_seconds=max_seconds)


def _work(item: RawDocument) -> Document | DatelineError:
    return process(item, _WORKER["pipeline"], _WORKER["max_seconds"])


def _run_parallel(stream, store: Store, summary: RunSummary, options: RunOptions) -> None:
    """Workers process documents; results are written here, in input order, as they come."""
    wait = 2 * options.max_seconds + 60 if options.max_seconds else None  # past that, a worker broke
    # Fork where there is one: workers start at once, and a caller's script needs no
    # `if __name__ == "__main__"` guard. Workers never touch the parent's store connection.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    if "fork" in methods:  # loaded once here, the model is shared by every forked worker
        load_nlp()
    pending: deque = deque()
    window = 4 * options.workers  # documents in flight: bounds memory
    with context.Pool(options.workers, initializer=_start_worker, initargs=(options.max_seconds,)) as pool:
        for item in stream:
            if isinstance(item, RawDocument) and not store.has_document(item.content_hash):
                pending.append((item, pool.apply_async(_work, (item,))))
            else:
                pending.append((item, None))
            while len(pending) > window or (pending and (pending[0][1] is None or pending[0][1].ready())):
                _record_next(store, summary, pending, wait)
        while pending:
            _record_next(store, summary, pending, wait)


def _record_next(store: Store, summary: RunSummary, pending: deque, wait: float | None) -> None:
    item, job = pending.popleft()
    if job is None:
        record_item(store, summary, item, None)
        return
    try:  # a worker stops a document at its time budget; past twice that, something broke
        result = job.get(timeout=wait)
    except Exception as exc:  # a worker that died on this document
        result = DatelineError(ErrorCode.E007_PROCESSING, item.source, f"worker failed: {type(exc).__name__}: {exc}")
    record_item(store, summary, item, result)


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
