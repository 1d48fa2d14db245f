"""How the ``dateline`` command prints: tables with headers, one article in full, JSON lines."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterable, Sequence

# A quote's speaker that names no one is shown by its kind, with the phrase that names it.
UNNAMED = {
    "source": "unnamed source",  # "officials", "a person familiar with the talks"
    "person": "unnamed person",  # "a protester", "one resident"
    "group": "unnamed group",  # "demonstrators", "critics"
    "object": "text",  # "T-shirts that read: …", "the statement said"
    "other": "unresolved",  # a pronoun or phrase we could not resolve
}


def print_json_lines(records: Iterable[dict]) -> None:
    for record in records:
        print(json.dumps(record, ensure_ascii=False))


def print_table(headers: Sequence[str], rows: Iterable[Sequence], empty: str = "(nothing found)") -> None:
    """Columns sized to their content; on a terminal, cut to 40 characters and the last one to
    the screen's width."""
    rows = [["" if v is None else str(v).replace("\n", " ") for v in row] for row in rows]
    if not rows:
        print(empty, file=sys.stderr)
        return
    screen = shutil.get_terminal_size((160, 20)).columns if sys.stdout.isatty() else None
    cap = 40 if screen else None  # piped into a file or grep: nothing is cut
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    widths = [min(w, cap) if cap else w for w in widths]
    used = sum(widths[:-1]) + 2 * (len(widths) - 1)
    last = max(20, screen - used) if screen else None

    def line(cells: Sequence[str]) -> str:
        shown = [_cut(c, w).ljust(w) for c, w in zip(cells[:-1], widths[:-1], strict=True)]
        final = cells[-1] if last is None else _cut(cells[-1], last)
        return "  ".join([*shown, final]).rstrip()

    print(line(headers))
    print(line(["-" * w for w in widths[:-1]] + ["-" * min(widths[-1], last or widths[-1])]))
    for row in rows:
        print(line(row))


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def speaker_label(quote: dict) -> str:
    """The speaker's actor name, else what kind of unnamed speaker and the phrase naming it."""
    if quote.get("speaker_name"):
        return quote["speaker_name"]
    phrase = quote.get("speaker_refers") or quote.get("speaker")
    if not phrase:
        return "(no speaker found)"
    return f"({UNNAMED.get(quote.get('unnamed') or 'other', 'unresolved')}: {phrase})"


def side(text: str | None, code: str | None) -> str:
    if not text and not code:
        return "-"
    return f"{text or '?'} [{code or '-'}]"


def event_line(event: dict) -> str:
    """One event on one line (inside ``show``)."""
    where = f" @ {event['place_name']}" if event.get("place_name") else ""
    why = f"  [not listed: {event['unlisted_because']}]" if event.get("unlisted_because") else ""
    return (f"{event.get('date') or 'undated'}  {event['code']:<5} {side(event['source_text'], event['source_code'])}"
            f" -> {side(event['target_text'], event['target_code'])}{where}  ({event['entry']}){why}")  # fmt: skip


def format_article(record: dict, full: bool = True) -> str:
    lines = [f"#{record['id']}  {record['headline'] or '(no headline)'}", f"  source:    {record['source']}"]
    for key in ("published", "updated"):
        value, raw = record[key], record[f"{key}_raw"]
        if value or raw:
            as_written = f" (written: {raw})" if raw and raw != value else ""
            lines.append(f"  {key + ':':<10} {value or 'unresolved'}{as_written}")
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
            lines.append(f"  quote:     {quote['kind']:<8} {speaker_label(quote)}: {quote['content']}")
        for event in record.get("events", []):
            lines.append(f"  event:     {event_line(event)}")
    else:
        if record.get("quotes"):
            lines.append(f"  quotes:    {len(record['quotes'])}")
        if record.get("events"):
            lines.append(f"  events:    {len(record['events'])}")
    paragraphs = record["paragraphs"]
    lines.append(f"  body:      {len(paragraphs)} paragraph(s)")
    shown = paragraphs if full else paragraphs[:2]
    lines.extend(f"    {p['text']}" for p in shown)
    if not full and len(paragraphs) > 2:
        lines.append(f"    ... ({len(paragraphs) - 2} more; dateline show {record['id']})")
    return "\n".join(lines)
