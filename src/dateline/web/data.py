"""What the web pages show beyond the query API's lists: an article marked up in place, an
actor's record, the event timeline, the actor network and the map points. Every query is
parameterised and bounded."""

from __future__ import annotations

import json
from html import escape

from ..query import Database

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def marked_paragraphs(db: Database, article: dict) -> list[str]:
    """The article's paragraphs as HTML, every character escaped, with actor mentions, quotes
    and event cues wrapped in spans whose title says what they are."""
    conn = db.conn
    notes: list[tuple[int, int, str, str]] = []  # (start, end, css class, title), document offsets
    for m in conn.execute(
        """SELECT m.start, m.end, a.id, a.name, a.code FROM mentions m JOIN actors a ON a.id = m.actor_id
           WHERE m.article_id = ? LIMIT 5000""",
        (article["id"],),
    ):
        notes.append((m["start"], m["end"], "actor", f"actor #{m['id']}: {m['name']} [{m['code'] or '-'}]"))
    for q in conn.execute(
        """SELECT q.start, q.end, q.kind, q.speaker, a.name, q.listed, q.unlisted_because FROM quotes q
           LEFT JOIN actors a ON a.id = q.speaker_actor_id WHERE q.article_id = ? LIMIT 2000""",
        (article["id"],),
    ):
        who = q["name"] or q["speaker"] or "no speaker found"
        if q["listed"]:
            notes.append((q["start"], q["end"], "quote", f"{q['kind']} quote of {who}"))
        else:
            why = f"attribution to {who}, not listed: {q['unlisted_because']}"
            notes.append((q["start"], q["end"], "quote unlisted", why))
    for e in conn.execute(
        """SELECT cue_start, cue_end, code, source_text, source_code, target_text, target_code, entry, confidence,
                  listed, unlisted_because FROM events WHERE article_id = ? LIMIT 2000""",
        (article["id"],),
    ):
        status = "listed" if e["listed"] else f"not listed: {e['unlisted_because']}"
        title = (f"event {e['code']}: {e['source_text'] or '?'} [{e['source_code'] or '-'}] -> "
                 f"{e['target_text'] or '-'} [{e['target_code'] or '-'}]; rule {e['entry']}, "
                 f"confidence {e['confidence']}, {status}")  # fmt: skip
        notes.append((e["cue_start"], e["cue_end"], "event" if e["listed"] else "event unlisted", title))
    return [_mark(p["text"], p["start"], notes) for p in article["paragraphs"]]


def _mark(text: str, start: int, notes: list[tuple[int, int, str, str]]) -> str:
    inside = [(max(s, start) - start, min(e, start + len(text)) - start, css, title)
              for s, e, css, title in notes if s < start + len(text) and e > start]  # fmt: skip
    if not inside:
        return escape(text)
    labels: list[tuple] = [()] * len(text)
    for s, e, css, title in inside:
        for i in range(s, e):
            labels[i] = (*labels[i], (css, title))
    out, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and labels[j] == labels[i]:
            j += 1
        piece = escape(text[i:j])
        for css, title in reversed(labels[i]):
            piece = f'<span class="{escape(css)}" title="{escape(title)}">{piece}</span>'
        out.append(piece)
        i = j
    return "".join(out)


def actor_record(db: Database, actor_id: int) -> dict | None:
    conn = db.conn
    row = conn.execute("SELECT * FROM actors WHERE id = ?", (actor_id,)).fetchone()
    if row is None:
        return None
    record = {**dict(row), "aliases": json.loads(row["aliases"] or "[]")}
    record["quotes"] = [dict(r) for r in conn.execute(
        """SELECT q.article_id, q.kind, q.content, coalesce(a.published, a.updated) AS date, a.headline
           FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.speaker_actor_id = ? AND q.listed = 1
           ORDER BY date DESC, q.article_id, q.start LIMIT 200""",
        (actor_id,),
    )]  # fmt: skip
    record["events"] = [dict(r) for r in conn.execute(
        """SELECT id, article_id, date, code, quad_class, source_text, source_actor_id, target_text, target_actor_id,
                  sentence, CASE WHEN source_actor_id = ? THEN 'source' ELSE 'target' END AS side
           FROM events WHERE listed = 1 AND (source_actor_id = ? OR target_actor_id = ?)
           ORDER BY date, id LIMIT 500""",
        (actor_id, actor_id, actor_id),
    )]  # fmt: skip
    record["partners"] = [dict(r) for r in conn.execute(
        """SELECT a.id, a.name, a.code, count(*) AS events FROM events e
           JOIN actors a ON a.id = CASE WHEN e.source_actor_id = ? THEN e.target_actor_id ELSE e.source_actor_id END
           WHERE e.listed = 1 AND (e.source_actor_id = ? OR e.target_actor_id = ?) AND a.id != ?
           GROUP BY a.id ORDER BY events DESC, a.name LIMIT 20""",
        (actor_id, actor_id, actor_id, actor_id),
    )]  # fmt: skip
    return record


def network(db: Database, limit: int = 300) -> dict:
    """Actors as nodes, listed events between two actors as edges (weight, main QuadClass)."""
    edges = [dict(r) for r in db.conn.execute(
        """SELECT source_actor_id AS source, target_actor_id AS target, quad_class, count(*) AS weight
           FROM events WHERE listed = 1 AND source_actor_id IS NOT NULL AND target_actor_id IS NOT NULL
                 AND source_actor_id != target_actor_id
           GROUP BY 1, 2, 3 ORDER BY weight DESC LIMIT ?""",
        (limit,),
    )]  # fmt: skip
    ids = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    marks = ",".join("?" * len(ids)) or "NULL"
    nodes = [dict(r) for r in db.conn.execute(
        f"SELECT id, name, code, kind, mention_count FROM actors WHERE id IN ({marks})", ids
    )]  # fmt: skip
    return {"nodes": nodes, "edges": edges}


def map_points(db: Database, limit: int = 2000) -> list[dict]:
    """Places with coordinates: where listed events happened, and the articles' datelines."""
    points = [dict(r) | {"kind": "event"} for r in db.conn.execute(
        """SELECT place_name AS name, place_country AS country, latitude, longitude, count(*) AS count
           FROM events WHERE listed = 1 AND latitude IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY count DESC LIMIT ?""",
        (limit,),
    )]  # fmt: skip
    points += [dict(r) | {"kind": "dateline"} for r in db.conn.execute(
        """SELECT resolved_name AS name, country, latitude, longitude, count(*) AS count FROM places
           WHERE source = 'dateline' AND latitude IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY count DESC LIMIT ?""",
        (limit,),
    )]  # fmt: skip
    return points
