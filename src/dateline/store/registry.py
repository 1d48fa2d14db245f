"""The corpus-wide actor registry: one row per real-world actor across documents.

An article's actor joins an existing one when the normalised name matches and country
and agent type do not contradict. A bare surname joins only when exactly one known
person carries it: with two candidates it is never guessed.
"""

from __future__ import annotations

import json
import sqlite3

from ..model import Actor
from ..nlp.gazetteer import normalise


def link_actor(conn: sqlite3.Connection, actor: Actor, seen: str | None) -> int:
    """Registry id for ``actor``, creating or updating the row (inside the caller's transaction)."""
    norm = normalise(actor.name)
    surname = norm.split()[-1] if actor.kind == "person" and norm else None
    row = _find(conn, actor, norm, surname)
    if row is None:
        cursor = conn.execute(
            """INSERT INTO actors (name, norm_name, surname, kind, country, agent_type, code, role, rank, aliases,
                                   mention_count, article_count, first_seen, last_seen)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""",
            (actor.name, norm, surname, actor.kind, actor.country, actor.agent_type, actor.code, actor.role,
             actor.rank, json.dumps(sorted(set(actor.aliases)), ensure_ascii=False), len(actor.mentions), seen,
             seen),
        )  # fmt: skip
        return cursor.lastrowid
    aliases = sorted(set(json.loads(row["aliases"])) | set(actor.aliases))
    longer = len(norm.split()) > len(row["norm_name"].split())  # "Trump" row meets "Donald Trump"
    conn.execute(
        """UPDATE actors SET
               name = ?, norm_name = ?, country = coalesce(country, ?), agent_type = coalesce(agent_type, ?),
               code = CASE WHEN country IS NULL OR agent_type IS NULL THEN coalesce(?, code) ELSE code END,
               role = coalesce(role, ?), rank = coalesce(rank, ?), aliases = ?,
               mention_count = mention_count + ?, article_count = article_count + 1,
               first_seen = CASE WHEN first_seen IS NULL OR ? < first_seen THEN ? ELSE first_seen END,
               last_seen = CASE WHEN last_seen IS NULL OR ? > last_seen THEN ? ELSE last_seen END
           WHERE id = ?""",
        (actor.name if longer else row["name"], norm if longer else row["norm_name"], actor.country,
         actor.agent_type, actor.code, actor.role, actor.rank, json.dumps(aliases, ensure_ascii=False),
         len(actor.mentions), seen, seen, seen, seen, row["id"]),
    )  # fmt: skip
    return row["id"]


def _find(conn: sqlite3.Connection, actor: Actor, norm: str, surname: str | None) -> sqlite3.Row | None:
    if actor.kind == "country":
        rows = conn.execute("SELECT * FROM actors WHERE kind = 'country' AND code = ?", (actor.code,)).fetchall()
        return rows[0] if rows else None
    rows = [r for r in conn.execute("SELECT * FROM actors WHERE kind = ? AND norm_name = ?", (actor.kind, norm))]
    fitting = [r for r in rows if _compatible(r, actor)]
    if fitting:
        return fitting[0]
    if actor.kind != "person" or surname is None:
        return None
    # A full name meets a person known so far by surname only, or a surname meets a full name.
    single = len(norm.split()) == 1
    candidates = [
        r for r in conn.execute("SELECT * FROM actors WHERE kind = 'person' AND surname = ?", (surname,))
        if _compatible(r, actor) and (single or len(r["norm_name"].split()) == 1)
    ]  # fmt: skip
    return candidates[0] if len(candidates) == 1 else None


def _compatible(row: sqlite3.Row, actor: Actor) -> bool:
    for column, value in (("country", actor.country), ("agent_type", actor.agent_type)):
        if row[column] and value and row[column] != value:
            return False
    return True
