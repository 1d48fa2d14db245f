"""One partition's output: Parquet files in a folder that appears whole or not at all.

``items.parquet`` holds what the partition read, in order, each item as ``dateline load``
needs it (a processed document as JSON, a read or processing error, a skipped archive
record). The other tables flatten the same documents for querying the folder directly
(DuckDB, pandas, Spark): ``articles``, ``actors``, ``mentions``, ``quotes``, ``events``
and ``errors``, keyed by ``content_hash`` and the article's ``ordinal`` in its document.

The folder is written under a temporary name and renamed: a partition folder that exists
is complete, so a re-run skips it, and an attempt that ran twice (a worker lost after
writing) leaves one copy.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..codec import document_to_json
from ..errors import DatelineError
from ..ingest.warc import Skipped
from ..model import Document
from ..record import document_warning, processing_stage, read_stage

_S, _I, _F, _B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
_KEY = [("content_hash", _S), ("ordinal", _I)]
SCHEMAS: dict[str, pa.Schema] = {
    "items": pa.schema([("seq", _I), ("kind", _S), ("source", _S), ("content_hash", _S), ("stage", _S),
                        ("code", _S), ("detail", _S), ("document", _S)]),
    "articles": pa.schema([*_KEY, ("source", _S), ("headline", _S), ("published", _S), ("updated", _S),
                           ("dateline_places", pa.list_(_S)), ("agency", _S), ("body", _S), ("tone", _F)]),
    "actors": pa.schema([*_KEY, ("actor", _I), ("name", _S), ("kind", _S), ("country", _S), ("agent_type", _S),
                         ("code", _S), ("role", _S), ("rank", _S), ("mentions", _I)]),
    "mentions": pa.schema([*_KEY, ("actor", _I), ("start", _I), ("end", _I), ("text", _S), ("kind", _S)]),
    "quotes": pa.schema([*_KEY, ("quote", _I), ("content", _S), ("kind", _S), ("speaker", _S), ("actor", _I),
                         ("speaker_name", _S), ("cue", _S), ("start", _I), ("end", _I), ("listed", _B),
                         ("unlisted_because", _S)]),
    "events": pa.schema([*_KEY, ("event", _I), ("code", _S), ("root", _S), ("quad_class", _I), ("goldstein", _F),
                         ("source_text", _S), ("source_code", _S), ("target_text", _S), ("target_code", _S),
                         ("date", _S), ("place", _S), ("latitude", _F), ("longitude", _F), ("sentence", _S),
                         ("listed", _B), ("unlisted_because", _S), ("confidence", _F)]),
    "errors": pa.schema([("source", _S), ("content_hash", _S), ("stage", _S), ("code", _S), ("detail", _S)]),
}  # fmt: skip


class ShardWriter:
    """Rows of one partition, gathered in memory (a partition is a few MB of input)."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict]] = {name: [] for name in SCHEMAS}

    def add(self, item, result) -> None:
        """What one input item came to, as ``record.record_item`` would store it: a read
        error, a skipped archive record, a repeat of a document already read (``result``
        None), a document's error, or the document."""
        if isinstance(item, DatelineError):
            self.error(item, stage=read_stage(item))
        elif isinstance(item, Skipped):
            self.skipped(item.source, item.reason)
        elif result is None:
            self._item("repeat", item.source, item.content_hash)
        elif isinstance(result, DatelineError):
            self.error(result, stage=processing_stage(result), content_hash=item.content_hash)
        else:
            self.document(result)

    def counts(self) -> dict[str, int]:
        return {"documents": sum(row["kind"] == "document" for row in self.rows["items"]),
                "articles": len(self.rows["articles"]), "errors": len(self.rows["errors"])}  # fmt: skip

    def error(self, error: DatelineError, stage: str, content_hash: str = "") -> None:
        self._item("error", error.source, content_hash, stage=stage, code=error.code.value, detail=error.detail)
        self.rows["errors"].append({"source": error.source, "content_hash": content_hash, "stage": stage,
                                    "code": error.code.value, "detail": error.detail})  # fmt: skip

    def skipped(self, source: str, reason: str) -> None:
        self._item("skipped", source, "", detail=reason)

    def document(self, doc: Document) -> None:
        self._item("document", doc.source, doc.content_hash, document=document_to_json(doc))
        warning = document_warning(doc)
        if warning is not None:
            self.rows["errors"].append({"source": doc.source, "content_hash": doc.content_hash, "stage": "clean",
                                        "code": warning.code.value, "detail": warning.detail})  # fmt: skip
        for article in doc.articles:
            self._article(doc, article)

    def _item(self, kind: str, source: str, content_hash: str, **values) -> None:
        row = {"seq": len(self.rows["items"]), "kind": kind, "source": source, "content_hash": content_hash}
        self.rows["items"].append(row | values)

    def _article(self, doc: Document, article) -> None:
        key = {"content_hash": doc.content_hash, "ordinal": article.ordinal}
        self.rows["articles"].append(key | {
            "source": doc.source, "headline": article.headline.text if article.headline else None,
            "published": article.published.value if article.published else None,
            "updated": article.updated.value if article.updated else None,
            "dateline_places": article.dateline_places, "agency": article.agency, "body": article.body,
            "tone": article.tone,
        })  # fmt: skip
        for n, actor in enumerate(article.actors):
            self.rows["actors"].append(key | {
                "actor": n, "name": actor.name, "kind": actor.kind, "country": actor.country,
                "agent_type": actor.agent_type, "code": actor.code, "role": actor.role, "rank": actor.rank,
                "mentions": len(actor.mentions),
            })  # fmt: skip
            self.rows["mentions"].extend(
                key | {"actor": n, "start": m.start, "end": m.end, "text": m.text, "kind": m.kind}
                for m in actor.mentions
            )
        for n, quote in enumerate(article.quotes):
            speaker = article.actors[quote.speaker_actor].name if quote.speaker_actor is not None else None
            self.rows["quotes"].append(key | {
                "quote": n, "content": quote.content.text, "kind": quote.kind,
                "speaker": quote.speaker.text if quote.speaker else None, "actor": quote.speaker_actor,
                "speaker_name": speaker, "cue": quote.cue_lemma, "start": quote.content.start,
                "end": quote.content.end, "listed": quote.listed, "unlisted_because": quote.unlisted_because,
            })  # fmt: skip
        for n, event in enumerate(article.events):
            place = event.place
            self.rows["events"].append(key | {
                "event": n, "code": event.code, "root": event.root, "quad_class": event.quad_class,
                "goldstein": event.goldstein,
                "source_text": event.source.text if event.source else None,
                "source_code": event.source.code if event.source else None,
                "target_text": event.target.text if event.target else None,
                "target_code": event.target.code if event.target else None,
                "date": event.date, "place": place.resolved_name or place.name if place else None,
                "latitude": place.latitude if place else None, "longitude": place.longitude if place else None,
                "sentence": event.sentence.text, "listed": event.listed,
                "unlisted_because": event.unlisted_because, "confidence": event.confidence,
            })  # fmt: skip

    def commit(self, folder: Path) -> bool:
        """Write every table under a temporary name, then rename it to ``folder``; False
        when another attempt got there first (its copy is kept, this one dropped)."""
        temporary = folder.with_name(f"{_TEMPORARY}{folder.name}.{uuid.uuid4().hex}")
        temporary.mkdir(parents=True)
        try:
            for name, schema in SCHEMAS.items():
                pq.write_table(pa.Table.from_pylist(self.rows[name], schema=schema), temporary / f"{name}.parquet")
            try:
                os.rename(temporary, folder)
            except OSError:
                if folder.is_dir():
                    return False
                raise
            return True
        finally:
            if temporary.exists():
                shutil.rmtree(temporary, ignore_errors=True)


# A partition folder is written under this prefix, its name and a random suffix.
_TEMPORARY = "."


def remove_temporaries(out: Path) -> int:
    """Remove the temporary folders of writers that died before renaming theirs (a worker
    killed mid-write); call it when no writer is running. Returns how many were removed."""
    left = [p for p in out.glob(f"{_TEMPORARY}part-*.*") if p.is_dir()]
    for folder in left:
        shutil.rmtree(folder, ignore_errors=True)
    return len(left)


def read_items(folder: Path) -> list[dict]:
    return pq.read_table(folder / "items.parquet").to_pylist()
