"""Exports that other tools read: JSON Lines, CSV, Parquet, and GDELT 2.0 event columns.

Every format loads as it is into pandas (``read_json(lines=True)``, ``read_csv``,
``read_parquet``, ``read_csv(sep="\\t")``) and DuckDB (``read_json_auto``, ``read_csv_auto``,
``read_parquet``). CSV and GDELT cells that a spreadsheet would run as a formula (starting
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) are neutralised with a leading
apostrophe; news text is untrusted.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from .nlp.gazetteer import gazetteer
from .query import Database, QueryError, Records

TABLES = ("events", "quotes", "actors", "articles")
FORMATS = ("jsonl", "csv", "parquet")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# GDELT 2.0 event table, in GDELT's column order. What dateline fills, and from what:
GDELT_COLUMNS: list[tuple[str, str]] = [
    ("GLOBALEVENTID", "the event's id in this store"),
    ("SQLDATE", "event date YYYYMMDD (a month-only date takes day 01, a year-only one January 1)"),
    ("MonthYear", "YYYYMM"),
    ("Year", "YYYY"),
    ("FractionDate", "year + (day of year / 365)"),
    *[
        (f"Actor{n}{name}", meaning)
        for n, side in ((1, "source"), (2, "target"))
        for name, meaning in (
            ("Code", f"CAMEO actor code of the {side}"),
            ("Name", f"the {side}'s name as the registry has it, else as written"),
            ("CountryCode", "first three letters of the code when they are a country (ISO 3166 alpha-3)"),
            ("KnownGroupCode", "IGO/NGO code when the actor is one"),
            ("EthnicCode", "not filled"),
            ("Religion1Code", "not filled"),
            ("Religion2Code", "not filled"),
            ("Type1Code", "agent type, the code's letters after the country (GOV, MIL, ...)"),
            ("Type2Code", "not filled"),
            ("Type3Code", "not filled"),
        )
    ],
    ("IsRootEvent", "1 when the event is in the headline, summary or first paragraph"),
    ("EventCode", "CAMEO event code"),
    ("EventBaseCode", "the code's first three digits"),
    ("EventRootCode", "the code's first two digits"),
    ("QuadClass", "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"),
    ("GoldsteinScale", "Goldstein value of the code"),
    ("NumMentions", "times the event is reported (all copies of the story)"),
    ("NumSources", "distinct documents that report it"),
    ("NumArticles", "distinct articles that report it"),
    ("AvgTone", "tone of the sentence, VADER compound x 10 (GDELT's own tone is another measure)"),
    *[
        (f"{prefix}Geo_{name}", meaning)
        for prefix in ("Actor1", "Actor2", "Action")
        for name, meaning in (
            ("Type", "1 country, 4 place within one (ActionGeo only: the event's place)"),
            ("FullName", "place name"),
            ("CountryCode", "ISO 3166 alpha-3 (GDELT uses FIPS 10-4 here)"),
            ("ADM1Code", "not filled"),
            ("ADM2Code", "not filled"),
            ("Lat", "latitude"),
            ("Long", "longitude"),
            ("FeatureID", "GeoNames id"),
        )
    ],
    ("DATEADDED", "when the event was stored, YYYYMMDDHHMMSS (UTC)"),
    ("SOURCEURL", "the input the event was read from"),
]


def export(
    db: Database, table: str, fmt: str = "jsonl", out: str | Path | None = None, gdelt: bool = False,
    everything: bool = False, since: str | None = None, until: str | None = None,
) -> int:  # fmt: skip
    """Write one table (events, quotes, actors, articles) to ``out`` (stdout when None); the row count."""
    if table not in TABLES:
        raise QueryError("TABLE", f"{table!r} is not one of {', '.join(TABLES)}")
    if fmt not in FORMATS:
        raise QueryError("--format", f"{fmt!r} is not one of {', '.join(FORMATS)}")
    if gdelt and table != "events":
        raise QueryError("--gdelt", "only events have GDELT columns")
    if fmt == "parquet" and out is None:
        raise QueryError("--out", "Parquet is binary: name a file with --out")
    records = _records(db, table, everything, since, until)
    if gdelt:
        header, rows = [name for name, _ in GDELT_COLUMNS], list(gdelt_rows(records))
        if fmt == "parquet":
            _write_parquet(out, header, rows)
        elif fmt == "jsonl":
            _write(out, lambda f: _jsonl(f, (dict(zip(header, r, strict=True)) for r in rows)))
        else:  # GDELT's own files are tab-separated
            _write(out, lambda f: _csv(f, header, rows, delimiter="\t"))
        return len(rows)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        pq.write_table(records.to_arrow(), str(out))
    elif fmt == "jsonl":
        _write(out, lambda f: _jsonl(f, records.to_dicts()))
    else:
        dicts = records.to_dicts()
        _write(out, lambda f: _csv(f, records.columns, ([_cell(d[c]) for c in records.columns] for d in dicts)))
    return len(records)


def _records(db: Database, table: str, everything: bool, since: str | None, until: str | None) -> Records:
    if table == "events":
        return db.events(everything=everything, since=since, until=until, unique=True)
    if table == "quotes":
        return db.quotes(since=since, until=until, everything=everything)
    if table == "articles":
        return db.articles(since=since, until=until)
    return db.actors()


def gdelt_rows(events: Records) -> Iterable[list]:
    """One GDELT 2.0 row per event (``events`` from ``Database.events(unique=True)``)."""
    added = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    for e in events:
        day = _gdelt_day(e.date)
        row: list = [e.id, *((int(day), int(day[:6]), int(day[:4])) if day else ("", "", "")), _fraction(day)]
        for code, name in ((e.source_code, e.source_text), (e.target_code, e.target_text)):
            row += _actor_columns(code, name)
        row += [
            1 if e.paragraph in (None, 0) else 0, e.code, e.code[:3], e.root, e.quad_class, e.goldstein,
            e.num_mentions or e.mentions, e.num_sources or 1, e.num_articles or 1,
            round(e.tone * 10, 3) if e.tone is not None else "",
        ]  # fmt: skip
        row += [""] * 16  # actor geography: not resolved per actor
        if e.place_name:
            place_type = 1 if gazetteer().country_name(e.place_country or "") == e.place_name else 4
            row += [place_type, e.place_name, e.place_country or "", "", "", _num(e.latitude), _num(e.longitude),
                    _num(e.place_geonameid)]  # fmt: skip
        else:
            row += [""] * 8
        row += [added, e.document_source]
        yield row


def _actor_columns(code: str | None, name: str | None) -> list:
    code = code or ""
    country = code[:3] if code[:3].isalpha() and code[:3] not in ("IGO", "NGO", "IMG", "MNC") else ""
    group = code if code[:3] in ("IGO", "NGO", "IMG") else ""
    kind = code[3:6] if country else ""
    return [code, name or "", country, group, "", "", "", kind, "", ""]


def _gdelt_day(value: str | None) -> str | None:
    if not value or len(value) < 4:
        return None
    return value[:4] + (value[5:7] if len(value) >= 7 else "01") + (value[8:10] if len(value) >= 10 else "01")


def _fraction(day: str | None) -> str | float:
    if not day:
        return ""
    try:
        moment = datetime.strptime(day, "%Y%m%d")
    except ValueError:
        return ""
    return round(moment.year + moment.timetuple().tm_yday / 365, 4)


def _num(value: float | None) -> str | float:
    return "" if value is None else value


def _cell(value):
    """A CSV cell: lists as JSON, text that a spreadsheet would evaluate neutralised."""
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _jsonl(f: IO[str], rows: Iterable[dict]) -> None:
    for row in rows:
        f.write(json.dumps(row, ensure_ascii=False) + "\n")


def _csv(f: IO[str], header: list[str], rows: Iterable[list], delimiter: str = ",") -> None:
    writer = csv.writer(f, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])


def _write_parquet(out: str | Path, header: list[str], rows: list[list]) -> None:
    import pyarrow
    import pyarrow.parquet as pq

    columns: dict[str, list] = {name: [] for name in header}
    for row in rows:
        for name, value in zip(header, row, strict=True):
            columns[name].append(None if value == "" else value)
    table = pyarrow.table({name: pyarrow.array(values, type=_gdelt_type(values)) for name, values in columns.items()})
    pq.write_table(table, str(out))


def _gdelt_type(values: list):
    import pyarrow

    kinds = {type(v) for v in values if v is not None}
    if kinds <= {int}:
        return pyarrow.int64()
    if kinds <= {int, float}:
        return pyarrow.float64()
    return pyarrow.string()


def _write(out: str | Path | None, body) -> None:
    if out is None:
        body(sys.stdout)
        return
    buffer = io.StringIO()
    body(buffer)
    Path(out).write_text(buffer.getvalue(), encoding="utf-8")
