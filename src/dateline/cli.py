"""The ``dateline`` command: each subcommand parses, calls one library function, prints."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
from pathlib import Path

from . import __version__
from .cli_output import format_article, print_json_lines, print_table, side, speaker_label
from .errors import WARNINGS, DatelineError, ErrorCode
from .options import RunOptions, parse_crawl_time, usable_cores
from .query import open as open_db
from .runtime import keep_torch_out

# Reading commands start without spaCy: the pipeline, the demo and the exports are
# imported by the commands that use them.
TABLES = ("events", "quotes", "actors", "articles")  # as export.TABLES
FORMATS = ("jsonl", "csv", "parquet")  # as export.FORMATS

DEFAULT_DB = "dateline.db"

EPILOG = """examples:
  dateline demo                                   run on the bundled sample and print what was found
  dateline run dumps/ --db news.db                every file under dumps/, recursively
  dateline run 'scrapes/*.txt' --db news.db --crawl-time 2025-11-15T12:00:00Z
  dateline run CC-NEWS-20251115.warc.gz pages/ feed.jsonl --db news.db   any mix, sniffed by content
  cat page.txt | dateline run - --db news.db      read standard input
  dateline articles --db news.db --json           one JSON object per article
  dateline search "U.S. sanctions" --db news.db   ranked full-text search with snippets
  dateline articles --db news.db --since 2025-02-01 --agency AFP
  dateline show 3 --db news.db                    one article in full
  dateline actors --db news.db --country RUS --type GOV
  dateline actor Putin --db news.db               aliases, articles and every mention in context
  dateline quotes --db news.db --speaker Zelensky who said what
  dateline events --db news.db --source RUS --root 19 --since 2025-01-01
  dateline export events --gdelt --db news.db --out events.tsv   GDELT 2.0 columns, tab-separated
  dateline export quotes --format parquet --db news.db --out quotes.parquet
  dateline stats --db news.db                     counts, dates, top actors, errors by kind
  dateline errors --db news.db                    inputs that could not be processed
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dateline",
        description="Turn raw news text into structured, searchable articles.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"dateline {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("run", help="read, clean and store inputs", epilog=EPILOG,
                       formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories (recursive), globs, or - for stdin")
    add_db_option(p)
    p.add_argument("--crawl-time", help="ISO 8601 time the pages were fetched; resolves 'Updated 5 min ago'")
    p.add_argument("--max-bytes", type=int, default=RunOptions.max_bytes, help="skip inputs larger than this")
    p.add_argument("--workers", type=int, default=None,
                   help="processes that parse while this one writes (default: the number of cores); with "
                        "--engine dask, the workers of the local Dask cluster")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local: this machine, into --db (default); dask: Parquet shards into --out, on a Dask cluster")
    p.add_argument("--out", help="with --engine dask: the folder of shards (then `dateline load OUT --db FILE`)")
    p.add_argument("--scheduler", help="with --engine dask: a running cluster's scheduler, tcp://host:8786 "
                                       "(default: a local cluster of --workers processes)")
    p.add_argument("--max-seconds", type=float, default=RunOptions.max_seconds,
                   help="seconds one document may take before it is an error (default %(default)s; 0: no limit)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--dedup-threshold", type=float, default=RunOptions.dedup_threshold,
                   help="similarity above which two articles are one story (default %(default)s)")  # fmt: skip
    p.set_defaults(handler=cmd_run)

    p = sub.add_parser("load", help="write the shards of a Dask run (run --engine dask --out DIR) into the store")
    p.add_argument("folder", metavar="DIR", help="the --out folder of `dateline run --engine dask`")
    add_db_option(p)
    p.add_argument("--dedup-threshold", type=float, default=RunOptions.dedup_threshold,
                   help="similarity above which two articles are one story (default %(default)s)")
    p.set_defaults(handler=cmd_load)

    p = sub.add_parser("articles", help="list stored articles")
    add_db_option(p)
    p.add_argument("--search", help="only articles with these words (as typed; see --fts)")
    add_fts_option(p)
    add_article_filters(p)
    add_page_options(p)
    add_json_option(p, "one JSON object per article, in full")
    p.set_defaults(handler=cmd_articles)

    p = sub.add_parser("search", help="full-text search, best matches first, with snippets")
    p.add_argument("query", help='words to find ("U.S. sanctions"); "quoted words" as a phrase')
    add_db_option(p)
    add_fts_option(p)
    add_article_filters(p)
    add_page_options(p, default_limit=20)
    add_json_option(p)
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("show", help="show one article")
    p.add_argument("id", help="article id (from 'dateline articles')")
    add_db_option(p)
    add_json_option(p, "print the article as JSON")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("actors", help="list actors across all stored articles")
    add_db_option(p)
    p.add_argument("--country", help="ISO 3166 alpha-3 country code, e.g. RUS")
    p.add_argument("--type", dest="agent_type", help="CAMEO agent type, e.g. GOV, MIL, REL, MED, IGO")
    p.add_argument("--kind", choices=("person", "organisation", "country"), help="only this kind of actor")
    add_page_options(p)
    add_json_option(p)
    p.set_defaults(handler=cmd_actors)

    p = sub.add_parser("actor", help="one actor: aliases, articles, mentions in context")
    p.add_argument("name", help="a name or alias, e.g. 'Putin' or 'Vladimir Putin'")
    add_db_option(p)
    add_json_option(p, "print the actor as JSON")
    p.set_defaults(handler=cmd_actor)

    p = sub.add_parser("quotes", help="who said what: quotations with their speakers")
    add_db_option(p)
    p.add_argument("--speaker", help="speaker name or alias")
    p.add_argument("--kind", choices=("direct", "indirect", "mixed", "partial"), help="only this kind of quote")
    add_date_options(p)
    p.add_argument("--unique", action="store_true", help="one row per quote per near-duplicate story cluster")
    p.add_argument("--all", dest="everything", action="store_true",
                   help="also attributions of no words said (negated, an act, ...), with why")  # fmt: skip
    add_page_options(p)
    add_json_option(p)
    p.set_defaults(handler=cmd_quotes)

    p = sub.add_parser("events", help="who did what to whom: CAMEO-coded events")
    add_db_option(p)
    p.add_argument("--source", help="source actor: name, alias or code prefix (RUS, USAGOV)")
    p.add_argument("--target", help="target actor: name, alias or code prefix")
    p.add_argument("--code", help="CAMEO event code or prefix, e.g. 04 or 041")
    p.add_argument("--root", help="CAMEO root code, 01 to 20")
    p.add_argument("--quad", type=int, choices=(1, 2, 3, 4), help="QuadClass: 1 verbal coop .. 4 material conflict")
    p.add_argument("--place", help="place name or ISO3 country of the event, e.g. Kyiv or UKR")
    add_date_options(p)
    p.add_argument("--unique", action="store_true", help="one row per event per near-duplicate story cluster")
    p.add_argument("--all", dest="everything", action="store_true",
                   help="also events not listed by default (statements, no coded source, not asserted), with why")
    add_page_options(p)
    add_json_option(p)
    p.set_defaults(handler=cmd_events)

    p = sub.add_parser("export", help="write a table as JSON Lines, CSV, Parquet or GDELT columns")
    p.add_argument("table", choices=TABLES, help="what to export")
    add_db_option(p)
    p.add_argument("--format", default="jsonl", choices=FORMATS, help="file format (default %(default)s)")
    p.add_argument("--gdelt", action="store_true", help="events as GDELT 2.0 event columns (CSV: tab-separated)")
    p.add_argument("--out", help="file to write (default: standard output; Parquet needs a file)")
    add_date_options(p)
    p.add_argument("--all", dest="everything", action="store_true", help="events: also those not listed by default")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("stats", help="what the store holds: counts, dates, top actors, errors by kind")
    add_db_option(p)
    add_json_option(p, "print as one JSON object")
    p.set_defaults(handler=cmd_stats)

    p = sub.add_parser("serve", help="explore the store in a local web UI (read-only)")
    add_db_option(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default %(default)s: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default %(default)s)")
    p.set_defaults(handler=cmd_serve)

    p = sub.add_parser("errors", help="list inputs that could not be processed")
    add_db_option(p)
    add_json_option(p)
    p.set_defaults(handler=cmd_errors)

    p = sub.add_parser("demo", help="run on the bundled sample and print what was found")
    p.add_argument("--db", help="keep the results in this database (default: a temporary one)")
    p.set_defaults(handler=cmd_demo)
    return parser


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=DEFAULT_DB, help=f"SQLite database file (default {DEFAULT_DB})")


def add_json_option(parser: argparse.ArgumentParser, description: str = "one JSON object per line") -> None:
    parser.add_argument("--json", action="store_true", help=description)


def add_fts_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fts", action="store_true", help="the query is raw SQLite FTS5 syntax (AND, OR, NEAR, x*)")


def add_date_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", help="first date, YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")
    parser.add_argument("--until", help="last date, YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")


def add_article_filters(parser: argparse.ArgumentParser) -> None:
    add_date_options(parser)
    parser.add_argument("--agency", help="wire agency, e.g. AFP or Reuters")
    parser.add_argument("--actor", help="only articles naming this actor (name or alias)")
    parser.add_argument("--place", help="only articles naming or datelined from this place (name or ISO3)")


def add_page_options(parser: argparse.ArgumentParser, default_limit: int | None = None) -> None:
    shown = f" (default {default_limit})" if default_limit else ""
    parser.add_argument("--limit", type=int, default=default_limit, help=f"at most this many rows{shown}")
    parser.add_argument("--offset", type=int, default=0, help="skip this many rows first")


def main(argv: list[str] | None = None) -> int:
    keep_torch_out()  # this process is dateline's own
    quiet_dependencies()
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except DatelineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into head: not an error
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def quiet_dependencies() -> None:
    """Warnings from libraries (dateutil's UnknownTimezoneWarning, …) go to the log, not the
    user's screen; DATELINE_LOG=debug shows them."""
    logging.captureWarnings(True)
    level = os.environ.get("DATELINE_LOG", "").upper()
    if level:
        logging.basicConfig(level=getattr(logging, level, logging.DEBUG), stream=sys.stderr)
    else:
        warnings_log = logging.getLogger("py.warnings")
        warnings_log.addHandler(logging.NullHandler())
        warnings_log.propagate = False


def cmd_run(args: argparse.Namespace) -> int:
    if args.engine == "dask":
        return _run_dask(args)
    if args.out or args.scheduler:
        raise DatelineError(ErrorCode.E009_BAD_OPTION, "--out/--scheduler", "only with --engine dask")
    from .pipeline import run

    options = RunOptions(
        crawl_time=parse_crawl_time(args.crawl_time),
        max_bytes=args.max_bytes,
        max_seconds=args.max_seconds,
        workers=args.workers if args.workers is not None else usable_cores(),
        progress=not args.no_progress and sys.stderr.isatty(),
        dedup_threshold=args.dedup_threshold,
    )
    summary = run(args.paths, args.db, options)
    _print_problems(summary)
    print(f"{summary.describe()} -> {args.db}")
    # Non-zero only when nothing at all could be read: partial failures are in the errors table.
    return 1 if summary.read == 0 and summary.errors else 0


def _print_problems(summary) -> None:
    """Each error and warning of a run or load, one line each on stderr."""
    for error in summary.errors:
        label = "warning" if error.code in WARNINGS else "error"
        print(f"{label}: {error}", file=sys.stderr)


def _run_dask(args: argparse.Namespace) -> int:
    from .scale import run_dask

    if not args.out:
        raise DatelineError(ErrorCode.E009_BAD_OPTION, "--out", "--engine dask writes shards: name their folder")
    options = RunOptions(crawl_time=parse_crawl_time(args.crawl_time), max_bytes=args.max_bytes,
                         max_seconds=args.max_seconds)  # fmt: skip
    workers = args.workers if args.workers is not None else usable_cores()
    summary = run_dask(args.paths, args.out, options, scheduler=args.scheduler, workers=workers,
                       progress=not args.no_progress and sys.stderr.isatty())  # fmt: skip
    for name in summary.failed:
        print(f"error: partition {name} kept failing (E014); run again to retry it", file=sys.stderr)
    print(f"{summary.describe()} -> {args.out} (next: dateline load {args.out} --db FILE)")
    return 1 if summary.failed and not summary.written and not summary.done_before else 0


def cmd_load(args: argparse.Namespace) -> int:
    from .scale import load_shards

    summary = load_shards(args.folder, args.db, RunOptions(dedup_threshold=args.dedup_threshold))
    _print_problems(summary)
    if summary.missing:
        print(f"warning: {len(summary.missing)} partition(s) not run yet; run the same inputs again", file=sys.stderr)
    print(f"{summary.describe()} -> {args.db}")
    return 0


def cmd_articles(args: argparse.Namespace) -> int:
    with open_db(args.db) as db:
        records = db.articles(search=args.search, fts=args.fts, since=args.since, until=args.until,
                              agency=args.agency, actor=args.actor, place=args.place, limit=args.limit,
                              offset=args.offset)  # fmt: skip
        if args.json:
            print_json_lines(db.article(r.id) for r in records)
            return 0
    print_table(["ID", "DATE", "AGENCY", "DATELINE", "HEADLINE"],
                [(r.id, r.date or "undated", r.agency or "-", r.dateline or "-", r.headline or "(no headline)")
                 for r in records])  # fmt: skip
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with open_db(args.db) as db:
        hits = db.search(args.query, fts=args.fts, since=args.since, until=args.until, agency=args.agency,
                         actor=args.actor, place=args.place, limit=args.limit, offset=args.offset)  # fmt: skip
    if args.json:
        print_json_lines(hits.to_dicts())
        return 0
    rows = [(h.article_id, h.date or "undated", h.headline or "(no headline)", h.snippet) for h in hits]
    print_table(["ID", "DATE", "HEADLINE", "MATCH"], rows)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with open_db(args.db) as db:
        record = db.article(args.id)
    if record is None:
        print(f"error: no article with id {args.id} in {args.db}", file=sys.stderr)
        return 1
    print(json.dumps(record, ensure_ascii=False, indent=2) if args.json else format_article(record))
    return 0


def cmd_actors(args: argparse.Namespace) -> int:
    with open_db(args.db) as db:
        actors = db.actors(country=args.country, agent_type=args.agent_type, kind=args.kind, limit=args.limit,
                           offset=args.offset)  # fmt: skip
    if args.json:
        print_json_lines(actors.to_dicts())
        return 0
    rows = [(a.id, a.code or "-", a.mention_count, a.article_count, a.name, a.role or "") for a in actors]
    print_table(["ID", "CODE", "MENTIONS", "ARTICLES", "NAME", "ROLE"], rows)
    return 0


def cmd_actor(args: argparse.Namespace) -> int:
    with open_db(args.db) as db:
        details = db.actor(args.name)
    if not details:
        print(f"error: no actor named {args.name!r} in {args.db}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(details if len(details) > 1 else details[0], ensure_ascii=False, indent=2))
        return 0
    for detail in details:
        print(f"#{detail['id']}  {detail['name']}  [{detail['kind']}]  code {detail['code'] or '-'}")
        kind = f"type: {detail['agent_type'] or '-'}   role: {detail['role'] or '-'}"
        print(f"  country: {detail['country'] or '-'}   {kind}")
        print(f"  aliases: {', '.join(detail['aliases'])}")
        seen = f"{detail['first_seen'] or '?'} .. {detail['last_seen'] or '?'}"
        print(f"  seen: {seen} in {detail['article_count']} article(s)")
        for article in detail["articles"]:
            print(f"  article #{article['id']}: {article['headline']}")
        for mention in detail["mentions"]:
            print(f"    {mention['article_id']}:{mention['start']}  {mention['context']}")
    return 0


def cmd_quotes(args: argparse.Namespace) -> int:
    with open_db(args.db) as db:
        quotes = db.quotes(speaker=args.speaker, kind=args.kind, since=args.since, until=args.until,
                           unique=args.unique, limit=args.limit, offset=args.offset,
                           everything=args.everything)  # fmt: skip
    if args.json:
        print_json_lines(quotes.to_dicts())
        return 0
    # the cue tells how it was said: "denied" reverses what its words state
    rows = [(q.article_id, q.date or "undated", q.kind, speaker_label(q.__dict__), q.cue or "",
             ("" if q.listed else f"[not listed: {q.unlisted_because}] ") + q.content) for q in quotes]  # fmt: skip
    print_table(["ARTICLE", "DATE", "KIND", "SPEAKER", "CUE", "QUOTE"], rows)
    return 0


def cmd_events(args: argparse.Namespace) -> int:
    with open_db(args.db) as db:
        events = db.events(source=args.source, target=args.target, code=args.code, root=args.root, quad=args.quad,
                           place=args.place, since=args.since, until=args.until, everything=args.everything,
                           unique=args.unique, limit=args.limit, offset=args.offset)  # fmt: skip
    if args.json:
        print_json_lines(events.to_dicts())
        return 0
    rows = []
    for e in events:
        counts = f" x{e.num_mentions}/{e.num_sources} src" if e.num_mentions else ""
        why = f"[not listed: {e.unlisted_because}] " if not e.listed else ""
        source, target = side(e.source_text, e.source_code), side(e.target_text, e.target_code)
        rows.append((e.date or "undated", e.code + counts, source, target, e.place_name or "-", e.article_id,
                     why + e.sentence))  # fmt: skip
    print_table(["DATE", "CODE", "SOURCE", "TARGET", "PLACE", "ARTICLE", "SENTENCE"], rows)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .export import export

    with open_db(args.db) as db:
        count = export(db, args.table, args.format, args.out, gdelt=args.gdelt, everything=args.everything,
                       since=args.since, until=args.until)  # fmt: skip
    if args.out:
        print(f"{count} {args.table} row(s) -> {args.out}", file=sys.stderr)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with open_db(args.db) as db:
        stats = db.stats()
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
        return 0
    counts = stats["counts"]
    print(f"database:   {stats['database']}")
    dates = f"{stats['first_date'] or '-'} .. {stats['last_date'] or '-'}"
    print(f"documents:  {counts['documents']}   articles: {counts['articles']} "
          f"({stats['undated_articles']} undated)   dates: {dates}")
    print(f"actors:     {counts['actors']}   mentions: {counts['mentions']}   places: {counts['places']}")
    print(f"quotes:     {counts['quotes']}   events: {counts['events']} ({stats['listed_events']} listed; "
          + ", ".join(f"QuadClass {q}: {n}" for q, n in stats["events_by_quad_class"].items()) + ")")
    print(f"errors:     {counts['errors']}" + "".join(f"   {c}: {n}" for c, n in stats["errors_by_code"].items()))
    print("top actors: " + ", ".join(f"{a['name']} ({a['code'] or '-'}, {a['mention_count']})"
                                     for a in stats["top_actors"]))  # fmt: skip
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .web.app import serve

    open_db(args.db).close()  # a missing or unreadable store is a one-line error, before the server starts
    print(f"dateline: serving {args.db} read-only at http://{args.host}:{args.port}/ (Ctrl-C stops)", file=sys.stderr)
    serve(args.db, args.host, args.port)
    return 0


def cmd_errors(args: argparse.Namespace) -> int:
    with open_db(args.db) as db:
        errors = db.errors()
    if args.json:
        print_json_lines(errors)
        return 0
    rows = [(e["code"], e["stage"], e["source"], e["cause"]) for e in errors]
    print_table(["CODE", "STAGE", "INPUT", "CAUSE"], rows, empty="(no errors)")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .demo import SAMPLE_CRAWL_TIME, sample_path
    from .pipeline import run

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "demo.db")
        options = RunOptions(crawl_time=SAMPLE_CRAWL_TIME)
        summary = run([str(sample_path())], db, options)
        print(f"dateline demo: {sample_path().name} (crawl time {SAMPLE_CRAWL_TIME.isoformat()})")
        print(summary.describe())
        with open_db(db) as store:
            for record in store.articles():
                print()
                print(format_article(store.article(record.id), full=False))
        if args.db:
            print(f"\nstored in {args.db}; try: dateline articles --db {args.db}")
    return 0 if summary.stored or summary.skipped else 1


if __name__ == "__main__":
    raise SystemExit(main())
