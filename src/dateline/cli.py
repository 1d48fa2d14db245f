"""The ``dateline`` command: each subcommand parses, calls one library function, prints."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from . import __version__
from .demo import SAMPLE_CRAWL_TIME, sample_path
from .errors import DatelineError
from .options import RunOptions, parse_crawl_time
from .pipeline import run
from .store import EventFilter, Store

DEFAULT_DB = "dateline.db"

EPILOG = """examples:
  dateline demo                                   run on the bundled sample and print what was found
  dateline run dumps/ --db news.db                every file under dumps/, recursively
  dateline run 'scrapes/*.txt' --db news.db --crawl-time 2025-11-15T12:00:00Z
  dateline run CC-NEWS-20251115.warc.gz pages/ feed.jsonl --db news.db   any mix, sniffed by content
  cat page.txt | dateline run - --db news.db      read standard input
  dateline articles --db news.db --json           one JSON object per article
  dateline articles --db news.db --search Putin   full-text search (SQLite FTS5 syntax)
  dateline show 3 --db news.db                    one article in full
  dateline actors --db news.db --country RUS --type GOV
  dateline actor Putin --db news.db               aliases, articles and every mention in context
  dateline quotes --db news.db --speaker Zelensky who said what
  dateline events --db news.db --source RUS --root 19 --since 2025-01-01
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
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--dedup-threshold", type=float, default=RunOptions.dedup_threshold,
                   help="similarity above which two articles are one story (default %(default)s)")  # fmt: skip
    p.set_defaults(handler=cmd_run)

    p = sub.add_parser("articles", help="list stored articles")
    add_db_option(p)
    add_json_option(p)
    p.add_argument("--search", help="full-text query over headlines and bodies")
    p.add_argument("--limit", type=int, help="at most this many articles")
    p.set_defaults(handler=cmd_articles)

    p = sub.add_parser("show", help="show one article")
    p.add_argument("id", type=int, help="article id (from 'dateline articles')")
    add_db_option(p)
    add_json_option(p, "print the article as JSON")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("actors", help="list actors across all stored articles")
    add_db_option(p)
    p.add_argument("--country", help="ISO 3166 alpha-3 country code, e.g. RUS")
    p.add_argument("--type", dest="agent_type", help="CAMEO agent type, e.g. GOV, MIL, REL, MED, IGO")
    p.add_argument("--kind", choices=("person", "organisation", "country"), help="only this kind of actor")
    add_json_option(p)
    p.set_defaults(handler=cmd_actors)

    p = sub.add_parser("actor", help="one actor: aliases, articles, mentions in context")
    p.add_argument("name", help="a name or alias, e.g. 'Putin' or 'Vladimir Putin'")
    add_db_option(p)
    add_json_option(p, "print as JSON")
    p.set_defaults(handler=cmd_actor)

    p = sub.add_parser("quotes", help="who said what: quotations with their speakers")
    add_db_option(p)
    p.add_argument("--speaker", help="only quotes by this actor (name, alias or surname)")
    p.add_argument("--unique", action="store_true", help="one row per quote per near-duplicate story cluster")
    add_json_option(p)
    p.set_defaults(handler=cmd_quotes)

    p = sub.add_parser("events", help="who did what to whom: CAMEO-coded events")
    add_db_option(p)
    p.add_argument("--source", help="source actor: name, alias or code prefix (RUS, USAGOV)")
    p.add_argument("--target", help="target actor: name, alias or code prefix")
    p.add_argument("--code", help="CAMEO event code or prefix, e.g. 04 or 041")
    p.add_argument("--root", help="CAMEO root code, 01 to 20")
    p.add_argument("--quad", type=int, choices=(1, 2, 3, 4), help="QuadClass: 1 verbal coop .. 4 material conflict")
    p.add_argument("--since", help="first date, ISO (inclusive)")
    p.add_argument("--until", help="last date, ISO (inclusive)")
    p.add_argument("--unique", action="store_true", help="one row per event per near-duplicate story cluster")
    p.add_argument("--all", dest="everything", action="store_true",
                   help="also events not listed by default (statements, no coded source, not asserted), with why")
    add_json_option(p)
    p.set_defaults(handler=cmd_events)

    p = sub.add_parser("errors", help="list inputs that could not be processed")
    add_db_option(p)
    add_json_option(p)
    p.set_defaults(handler=cmd_errors)

    p = sub.add_parser("demo", help="run on the bundled sample and print what was found")
    p.add_argument("--db", help="keep the results in this file (default: a temporary file)")
    p.set_defaults(handler=cmd_demo)
    return parser


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=DEFAULT_DB, help=f"SQLite database file (default: {DEFAULT_DB})")


def add_json_option(parser: argparse.ArgumentParser, description: str = "one JSON object per line") -> None:
    parser.add_argument("--json", action="store_true", help=description)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except DatelineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into head: not an error
        sys.stderr.close()
        return 0


def cmd_run(args: argparse.Namespace) -> int:
    options = RunOptions(
        crawl_time=parse_crawl_time(args.crawl_time),
        max_bytes=args.max_bytes,
        progress=not args.no_progress and sys.stderr.isatty(),
        dedup_threshold=args.dedup_threshold,
    )
    summary = run(args.paths, args.db, options)
    for error in summary.errors:
        print(f"error: {error}", file=sys.stderr)
    print(f"{summary.describe()} -> {args.db}")
    # Non-zero only when nothing at all could be read: partial failures are in the errors table.
    return 1 if summary.read == 0 and summary.errors else 0


def cmd_articles(args: argparse.Namespace) -> int:
    with Store(args.db) as store:
        records = store.articles(limit=args.limit, search=args.search)
    for record in records:
        if args.json:
            print(json.dumps(record, ensure_ascii=False))
        else:
            when = record["updated"] or record["published"] or record["updated_raw"] or record["published_raw"] or "-"
            print(
                f"{record['id']:>5}  {when:<20}  {record['agency'] or '-':<8}  {record['headline'] or '(no headline)'}"
            )
    return 0


def print_records(records: list[dict], as_json: bool, formatter) -> int:
    """One JSON object per line, or one formatted line per record."""
    for record in records:
        print(json.dumps(record, ensure_ascii=False) if as_json else formatter(record))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with Store(args.db) as store:
        record = store.article(args.id)
    if record is None:
        print(f"error: no article with id {args.id} in {args.db}", file=sys.stderr)
        return 1
    print(json.dumps(record, ensure_ascii=False, indent=2) if args.json else format_article(record))
    return 0


def cmd_actors(args: argparse.Namespace) -> int:
    with Store(args.db) as store:
        actors = store.actors(country=args.country, agent_type=args.agent_type, kind=args.kind)
    return print_records(actors, args.json, format_actor)


def format_actor(actor: dict) -> str:
    role = f"  ({actor['role']})" if actor["role"] else ""
    return f"{actor['id']:>5}  {actor['code'] or '-':<10} {actor['mention_count']:>5}  {actor['name']}{role}"


def cmd_actor(args: argparse.Namespace) -> int:
    with Store(args.db) as store:
        matches = store.find_actors(args.name)
        details = [store.actor_detail(m["id"]) for m in matches]
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
    with Store(args.db) as store:
        quotes = store.quotes(speaker=args.speaker, unique=args.unique)
    return print_records(quotes, args.json, format_quote)


def speaker_label(quote: dict) -> str:
    """The speaker's actor name, else the kind of unnamed speaker and the phrase naming it."""
    phrase = quote.get("speaker_refers") or quote["speaker"] or "-"  # "three members", not "who"
    return quote.get("speaker_name") or f"({quote['unnamed'] or 'unknown'}: {phrase})"


def format_quote(quote: dict) -> str:
    who = speaker_label(quote)
    extra = f" [{quote['medium']}]" if quote.get("medium") else ""
    return f"{quote['article_id']:>5}  {quote['kind']:<8} {who}{extra}: {quote['content']}"


def cmd_events(args: argparse.Namespace) -> int:
    filters = EventFilter(source=args.source, target=args.target, code=args.code, root=args.root, quad=args.quad,
                          since=args.since, until=args.until, everything=args.everything)  # fmt: skip
    with Store(args.db) as store:
        events = store.events(filters, unique=args.unique)
    return print_records(events, args.json, format_event)


def format_event(event: dict) -> str:
    source = f"{event['source_text'] or '?'} [{event['source_code'] or '-'}]"
    target = f"{event['target_text'] or '-'} [{event['target_code'] or '-'}]" if event["target_text"] else "-"
    where = f" @ {event['place_name']}" if event.get("place_name") else ""
    counts = f"  x{event['num_mentions']} in {event['num_sources']} source(s)" if "num_mentions" in event else ""
    why = f"  [not listed: {event['unlisted_because']}]" if event.get("unlisted_because") else ""
    return (
        f"{event['date'] or '????-??-??'}  {event['code']:<5} {source} -> {target}{where}  ({event['entry']})"
        f"{counts}{why}"
    )


def cmd_errors(args: argparse.Namespace) -> int:
    with Store(args.db) as store:
        errors = store.errors()
    return print_records(errors, args.json, lambda e: f"[{e['code']}] {e['source']}: {e['cause']} (at {e['stage']})")


def cmd_demo(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "demo.db")
        options = RunOptions(crawl_time=SAMPLE_CRAWL_TIME)
        summary = run([str(sample_path())], db, options)
        print(f"dateline demo: {sample_path().name} (crawl time {SAMPLE_CRAWL_TIME.isoformat()})")
        print(summary.describe())
        with Store(db) as store:
            for record in store.articles():
                print()
                print(format_article(record, full=False))
        if args.db:
            print(f"\nstored in {args.db}; try: dateline articles --db {args.db}")
    return 0 if summary.stored or summary.skipped else 1


def format_article(record: dict, full: bool = True) -> str:
    lines = [f"#{record['id']}  {record['headline'] or '(no headline)'}", f"  source:    {record['source']}"]
    for key in ("published", "updated"):
        if record[key] or record[f"{key}_raw"]:
            lines.append(f"  {key + ':':<10} {record[key] or 'unresolved'} ({record[f'{key}_raw']})")
    if record["dateline_places"]:
        lines.append(f"  dateline:  {' / '.join(record['dateline_places'])}")
    lines.append(f"  agency:    {record['agency'] or '-'}")
    if record.get("tone") is not None:
        lines.append(f"  tone:      {record['tone']:+.3f}")
    people = [a for a in record.get("actors", []) if a["kind"] != "country"]
    if people:
        shown = ", ".join(f"{a['name']} ({a['code'] or '-'})" for a in people[: None if full else 6])
        lines.append(f"  actors:    {shown}")
    places = {p["resolved_name"] for p in record.get("places", []) if p["resolved_name"]}
    if places:
        lines.append(f"  places:    {', '.join(sorted(places))}")
    for bullet in record["summary"]:
        lines.append(f"  summary:   {bullet['text']}")
    for caption in record["captions"]:
        lines.append(f"  caption:   {caption['text']}")
    for subhead in record["subheads"]:
        lines.append(f"  subhead:   {subhead['text']}")
    for flag in record["flags"]:
        lines.append(f"  flag:      {flag['codepoint']} at {flag['offset']}: {flag['reason']}")
    if full:
        for quote in record.get("quotes", []):
            who = speaker_label(quote)
            lines.append(f"  quote:     {quote['kind']:<8} {who}: {quote['content']}")
    elif record.get("quotes"):
        lines.append(f"  quotes:    {len(record['quotes'])}")
    if full:
        for event in record.get("events", []):
            lines.append(f"  event:     {format_event(event)}")
    elif record.get("events"):
        lines.append(f"  events:    {len(record['events'])}")
    paragraphs = record["paragraphs"]
    lines.append(f"  body:      {len(paragraphs)} paragraph(s)")
    shown = paragraphs if full else paragraphs[:2]
    lines.extend(f"    {p['text']}" for p in shown)
    if not full and len(paragraphs) > 2:
        lines.append(f"    ... ({len(paragraphs) - 2} more; dateline show {record['id']})")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
