"""A processed ``Document`` as JSON and back, field for field.

The Dask engine's shards carry each document this way, so that ``dateline load`` writes
exactly what the local run would have written (the same ``Store.write_document``). The
mapping follows the dataclasses' own type hints: nested records, lists, tuples, optional
values, ``bytes`` (base64) and ``datetime`` (ISO 8601). What a stage keeps only for the
next stage (the spaCy parse) is not carried.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import types
import typing
from datetime import datetime
from functools import cache

from . import model
from .model import Document

_TRANSIENT = {"parse", "parse_text"}  # the spaCy parse: never stored, never shipped


def document_to_json(doc: Document) -> str:
    return json.dumps(_plain(doc), ensure_ascii=False, separators=(",", ":"))


def document_from_json(text: str) -> Document:
    return _build(Document, json.loads(text))


def _plain(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name not in _TRANSIENT}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _build(hint, data):
    if data is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):  # X | None
        (inner,) = [a for a in typing.get_args(hint) if a is not type(None)]
        return _build(inner, data)
    if origin is list:
        (inner,) = typing.get_args(hint)
        return [_build(inner, v) for v in data]
    if origin is tuple:
        return tuple(_build(inner, v) for inner, v in zip(typing.get_args(hint), data, strict=True))
    if dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        return hint(**{name: _build(hints[name], value) for name, value in data.items()})
    if hint is bytes:
        return base64.b64decode(data)
    if hint is datetime:
        return datetime.fromisoformat(data)
    return data


@cache
def _hints(cls: type) -> dict:
    return typing.get_type_hints(cls, vars(model))
