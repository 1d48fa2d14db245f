"""Exports round-trip through pandas and DuckDB, as a user would load them."""

from __future__ import annotations

import csv
import subprocess
import sys

import duckdb
import pandas
import pytest

import dateline
from dateline.export import GDELT_COLUMNS, export


@pytest.fixture(scope="module")
def db(seed_store):
    with dateline.open(seed_store) as store:
        yield store


READERS = {
    "jsonl": (lambda p: pandas.read_json(p, lines=True), "read_json_auto('{}')"),
    "csv": (pandas.read_csv, "read_csv_auto('{}')"),
    "parquet": (pandas.read_parquet, "read_parquet('{}')"),
}


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
@pytest.mark.parametrize("table", ["events", "quotes", "actors", "articles"])
def test_every_table_round_trips_through_pandas_and_duckdb(db, tmp_path, table, fmt):
    path = tmp_path / f"{table}.{fmt}"
    count = export(db, table, fmt, path)
    assert count > 0
    read_pandas, read_duckdb = READERS[fmt]
    frame = read_pandas(path)
    assert len(frame) == count
    assert duckdb.sql(f"SELECT count(*) FROM {read_duckdb.format(path)}").fetchall()[0][0] == count
    if table == "quotes":
        assert frame["content"].str.contains("Plan B").any()


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_gdelt_columns_in_gdelt_order(db, tmp_path, fmt):
    path = tmp_path / f"gdelt.{fmt}"
    count = export(db, "events", fmt, path, gdelt=True)
    frame = (pandas.read_csv(path, sep="\t", dtype=str) if fmt == "csv" else READERS[fmt][0](path))
    assert list(frame.columns) == [name for name, _ in GDELT_COLUMNS] and len(GDELT_COLUMNS) == 61
    assert len(frame) == count
    putin = frame[(frame["Actor1Name"] == "Vladimir Putin") & (frame["Actor2Name"] == "Donald Trump")]
    assert not putin.empty
    row = putin.iloc[0]
    assert str(row["Actor1CountryCode"]) == "RUS" and str(row["Actor1Type1Code"]) == "GOV"
    assert str(row["SQLDATE"]) == "20250213" and str(row["EventRootCode"]) in ("03", "3")
    if fmt == "csv":
        assert duckdb.sql(f"SELECT count(*) FROM read_csv_auto('{path}', delim='\\t')").fetchall()[0][0] == count


def test_spreadsheet_formulas_are_neutralised(tmp_path):
    article = (
        "=HYPERLINK(1) mayor warns of floods\n\n"
        "The mayor of the town said on Monday that the river had risen by two metres overnight.\n\n"
        "=cmd|' /C calc'!A0 was what the flyer said, and the mayor said the town would not be scared.\n"
    )
    path = tmp_path / "evil.db"
    dateline.run([], path)
    with dateline.Store(path) as store:
        store.write_document(dateline.process_article(article, source="evil.txt"), dateline.__version__)
    with dateline.open(path) as store:
        out = tmp_path / "articles.csv"
        export(store, "articles", "csv", out)
        with out.open(encoding="utf-8") as f:
            cells = [cell for row in csv.reader(f) for cell in row]
        assert not [c for c in cells if c.startswith(("=", "+", "@", "-"))], cells
        assert "'=HYPERLINK(1) mayor warns of floods" in cells


def test_export_command_writes_a_file_and_refuses_parquet_on_stdout(db, tmp_path):
    out = tmp_path / "events.tsv"
    run = [sys.executable, "-m", "dateline.cli", "export", "events", "--gdelt", "--format", "csv", "--db", db.path]
    result = subprocess.run([*run, "--out", str(out)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("GLOBALEVENTID\tSQLDATE\t")
    parquet = subprocess.run([*run[:-4], "--format", "parquet", "--db", db.path], capture_output=True, text=True)
    assert parquet.returncode == 2 and "--out" in parquet.stderr and len(parquet.stderr.splitlines()) == 1
