"""Hostile and odd inputs: each ends as documents or error rows, and the batch goes on."""

from __future__ import annotations

import gzip
import json
import os
import sys

import pytest

from dateline import RunOptions, Store, run
from dateline.errors import DatelineError
from dateline.ingest.sources import read_inputs
from dateline.model import RawDocument

from .builders import STORY, page

GOOD = "\n".join(STORY)


def items(paths, **options):
    return list(read_inputs([str(p) for p in paths], RunOptions(**options)))


def kinds(found):
    return [i.code.value if isinstance(i, DatelineError) else type(i).__name__ for i in found]


FIRST = json.dumps({"text": GOOD, "url": "u0"}).encode() + b"\n"
BAD_FILES = {
    "corrupt gzip": ("corrupt.gz", b"\x1f\x8b\x08\x00" + b"\xff" * 64, "E006"),
    "gzip then garbage": ("zlib-error.gz", gzip.compress(GOOD.encode())[:10] + b"\x00garbage" * 8, "E006"),
    "JSON nested too deep": ("deep.jsonl", FIRST + b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n", "E011"),
    "JSON integer of 5,000 digits": ("digits.jsonl", FIRST + b'{"text": "a", "n": ' + b"7" * 5000 + b"}\n", "E011"),
    "CSV field of 300 kB": ("huge-field.csv", b"text,url\n" + b'"' + b"word " * 60_000 + b'",u\n', "RawDocument"),
    "CSV with a header only": ("header-only.csv", b"text,url\n", "E011"),
    "CSV with a carriage return in a field": ("cr.csv", b"text,url\nab\rcd,u\n", "RawDocument"),
}


@pytest.mark.parametrize("case", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_file_is_an_error_row_and_the_next_file_is_read(tmp_path, case):
    name, data, expected = case
    bad, good = tmp_path / name, tmp_path / "zz-good.txt"
    bad.write_bytes(data)
    good.write_text(GOOD, encoding="utf-8")
    found = items([bad, good])
    assert expected in kinds(found)[:-1], kinds(found)
    assert isinstance(found[-1], RawDocument) and found[-1].source == str(good)


def test_a_json_lines_record_may_hold_line_separators(tmp_path):
    path = tmp_path / "records.jsonl"
    lines = [json.dumps({"text": f"First part\u2028second part\u0085third {i}", "url": f"u{i}"}) for i in range(2)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = items([path])
    assert kinds(found) == ["RawDocument", "RawDocument"]
    assert "\u2028" in found[0].data.decode()


def test_max_bytes_holds_for_devices_and_pipes_and_a_huge_limit_is_no_crash(tmp_path):
    zero = items(["/dev/zero"], max_bytes=1 << 20)
    assert kinds(zero) == ["E004"]
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    assert kinds(items([tmp_path / "a.txt"], max_bytes=10**30)) == ["RawDocument"]


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes and /dev/fd are POSIX")
def test_a_pipe_is_read_whole_and_a_named_pipe_without_writer_does_not_hang(tmp_path):
    read_end, write_end = os.pipe()
    os.write(write_end, (GOOD * 4).encode())  # more than the 4 KiB a sniffer would look at
    os.close(write_end)
    try:
        (doc,) = items([f"/dev/fd/{read_end}"])
        assert doc.data.decode() == GOOD * 4
    finally:
        os.close(read_end)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert kinds(items([fifo])) == ["RawDocument"]  # read as empty at once; decoding calls it E003


def test_a_batch_of_bad_inputs_loses_no_input(tmp_path):
    files = []
    for n, data in enumerate([b"\x1f\x8b\x08\x00" + b"\xff" * 64, b"text\n", b'{"text": ' + b"[" * 50_000 + b"\n",
                              b"", b"\x00\x01\x02" * 100, page("Ferry", STORY).encode(), GOOD.encode()]):  # fmt: skip
        files.append(tmp_path / f"f{n}.bin")
        files[-1].write_bytes(data)
    db = tmp_path / "x.db"
    summary = run([str(f) for f in files], db, RunOptions(progress=False))
    with Store(db) as store:
        sources = {r["source"] for r in store.conn.execute("SELECT source FROM documents")}
        sources |= {r["source"].split(":")[0] for r in store.conn.execute("SELECT source FROM errors")}
    assert {str(f) for f in files} <= sources, sorted({str(f) for f in files} - sources)
    assert summary.stored >= 2
