"""The real `dateline` command in a subprocess, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys


def dateline(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dateline.cli", *args], input=stdin, capture_output=True, timeout=120)


def test_run_articles_show_on_the_seed(seed_path, tmp_path):
    db = str(tmp_path / "seed.db")
    result = dateline("run", str(seed_path), "--db", db, "--crawl-time", "2025-11-15T12:00:00Z")
    assert result.returncode == 0, result.stderr
    assert b"1 document(s) stored with 2 article(s)" in result.stdout
    lines = dateline("articles", "--db", db, "--json").stdout.decode().splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 2
    for key in ("id", "source", "headline", "updated", "published", "dateline_places", "agency", "summary",
                "captions", "subheads", "paragraphs", "flags"):  # fmt: skip
        assert key in records[0]
    assert records[1]["updated"] == "2025-11-15T11:01:21Z"
    shown = dateline("show", str(records[0]["id"]), "--db", db)
    assert shown.returncode == 0 and b"Zelensky offers minerals" in shown.stdout
    as_json = json.loads(dateline("show", str(records[1]["id"]), "--db", db, "--json").stdout)
    assert as_json["dateline_places"] == ["Dhaka"]
    # "T-shirts that read: …": stored as written ("that"), shown by the noun it stands for
    (shirts,) = [q for q in as_json["quotes"] if "declared kafirs" in q["content"]]
    assert (shirts["speaker"], shirts["speaker_refers"], shirts["unnamed"]) == ("that", "T-shirts", "object")
    listed = dateline("quotes", "--db", db).stdout.decode()
    assert "(text: T-shirts)" in listed and "(text: that)" not in listed
    # Re-running the same input adds nothing.
    again = dateline("run", str(seed_path), "--db", db)
    assert b"0 document(s) stored" in again.stdout and b"1 already stored" in again.stdout


def test_stdin_and_partial_failure(tmp_path):
    db = str(tmp_path / "x.db")
    (tmp_path / "empty.txt").write_bytes(b"")
    text = "Site\n\nA headline about the harbour\n\nA headline about the harbour\n\n" + "".join(
        f"The harbour master said on Monday that ships number {k} had been delayed by the storm.\n" for k in range(5)
    )
    result = dateline("run", "-", str(tmp_path / "empty.txt"), "--db", db, stdin=text.encode())
    assert result.returncode == 0
    assert b"empty.txt" in result.stderr and b"E003" in result.stderr
    errors = dateline("errors", "--db", db).stdout
    assert b"E003" in errors and b"empty.txt" in errors


def test_nothing_readable_exits_non_zero(tmp_path):
    result = dateline("run", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "x.db"))
    assert result.returncode == 1
    assert b"missing.txt" in result.stderr
    assert b"0 document(s) stored" in result.stdout


def test_bad_option_is_a_clear_error(tmp_path):
    result = dateline("run", str(tmp_path), "--db", str(tmp_path / "x.db"), "--crawl-time", "soon")
    assert result.returncode == 2 and b"--crawl-time" in result.stderr


def test_demo_runs_on_the_bundled_sample(tmp_path):
    result = dateline("demo", "--db", str(tmp_path / "demo.db"))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "3 article(s)" in out
    assert "Farmers march in Nairobi over maize import plan" in out


def test_show_missing_article(tmp_path):
    db = str(tmp_path / "x.db")
    (tmp_path / "a.txt").write_text("A headline about the harbour\n\nThe harbour master said ships were late.\n")
    assert dateline("run", str(tmp_path / "a.txt"), "--db", db).returncode == 0
    result = dateline("show", "99", "--db", db)
    assert result.returncode == 1 and b"no article with id 99" in result.stderr


def test_a_reading_command_on_a_missing_database_is_an_error_not_a_new_file(tmp_path):
    for command in ("articles", "quotes", "events", "actors", "stats", "errors"):
        result = dateline(command, "--db", str(tmp_path / "typo.db"))
        assert result.returncode == 2 and b"no database at" in result.stderr, command
        assert len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "typo.db").exists()


def test_help_has_examples():
    out = dateline("--help").stdout.decode()
    assert "examples:" in out and "dateline run" in out


def test_actors_and_actor_commands(seed_path, tmp_path):
    db = str(tmp_path / "seed.db")
    assert dateline("run", str(seed_path), "--db", db).returncode == 0
    rus = [
        json.loads(line) for line in dateline("actors", "--db", db, "--country", "RUS", "--json").stdout.splitlines()
    ]
    assert {a["name"] for a in rus} >= {"Vladimir Putin", "Kremlin", "Russia"}
    gov = dateline("actors", "--db", db, "--type", "GOV", "--kind", "person").stdout.decode()
    assert "Donald Trump" in gov and "USAGOV" in gov and "NATO" not in gov
    out = dateline("actor", "Putin", "--db", db)
    assert out.returncode == 0
    text = out.stdout.decode()
    assert "Vladimir Putin" in text and "RUSGOV" in text and "[Putin]" in text
    detail = json.loads(dateline("actor", "Vladimir Putin", "--db", db, "--json").stdout)
    assert detail["country"] == "RUS" and len(detail["mentions"]) >= 10
    assert dateline("actor", "Nobody Atall", "--db", db).returncode == 1


def test_an_input_with_no_article_is_said_and_recorded(tmp_path):
    source = tmp_path / "menu.txt"
    source.write_text("Home\nNews\nSports\nWeather\n", encoding="utf-8")
    db = str(tmp_path / "m.db")
    result = dateline("run", str(source), "--db", db)
    assert result.returncode == 0
    assert b"warning: [E012]" in result.stderr and b"menu.txt" in result.stderr
    assert b"E012" in dateline("errors", "--db", db).stdout


def test_library_warnings_are_logged_not_printed(capsys):
    import logging
    import warnings

    from dateline.cli import quiet_dependencies

    try:
        quiet_dependencies()
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.warn("tzname EST identified but not understood", UserWarning, stacklevel=1)
        assert "tzname" not in capsys.readouterr().err
    finally:
        logging.captureWarnings(False)
        logging.getLogger("py.warnings").propagate = True


def _story_db(tmp_path, body: str) -> str:
    """A store made by `dateline run` from one JSONL story with this body."""
    source = tmp_path / "story.jsonl"
    source.write_text(json.dumps({"title": "Harbour strike", "text": body, "url": "u1"}) + "\n", encoding="utf-8")
    db = str(tmp_path / "x.db")
    assert dateline("run", str(source), "--db", db).returncode == 0
    return db


def test_quotes_all_shows_unlisted_attributions_with_why(tmp_path):
    db = _story_db(tmp_path, "The harbour master said the talks had failed.\n\nThe union declined to comment on it.")
    listed = dateline("quotes", "--db", db).stdout.decode()
    everything = dateline("quotes", "--db", db, "--all").stdout.decode()
    assert "the talks had failed" in listed and "to comment" not in listed
    assert "[not listed: an act] to comment on it" in everything


def test_quotes_show_how_each_was_said(tmp_path):
    db = _story_db(tmp_path, "The harbour master said the talks failed.\n\nThe mayor denied that the port would close.")
    lines = dateline("quotes", "--db", db).stdout.decode().splitlines()
    assert lines[0].split()[3:6] == ["SPEAKER", "CUE", "QUOTE"], lines[0]
    denial = next(line for line in lines if "port would close" in line)
    assert " denied " in denial, denial  # the cue reverses what the words state
