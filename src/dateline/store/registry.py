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
    """The one registry row ``actor`` joins, if any: chosen in SQL, through the indexes on
    ``norm_name`` and ``surname``, so its cost does not grow with the registry."""
    if actor.kind == "country":
        query = "SELECT * FROM actors WHERE kind = 'country' AND code = ? LIMIT 1"
        return conn.execute(query, (actor.code,)).fetchone()
    fits = (  # country and agent type do not contradict (an empty value contradicts nothing)
        "(nullif(country, '') IS NULL OR nullif(:country, '') IS NULL OR country = :country)"
        " AND (nullif(agent_type, '') IS NULL OR nullif(:agent_type, '') IS NULL OR agent_type = :agent_type)"
    )
    values = {"kind": actor.kind, "norm": norm, "country": actor.country, "agent_type": actor.agent_type}
    row = conn.execute(
        f"SELECT * FROM actors WHERE norm_name = :norm AND kind = :kind AND {fits} ORDER BY id LIMIT 1", values
    ).fetchone()
    if row is not None or actor.kind != "person" or surname is None:
        return row
    # A full name meets a person known so far by surname only, or a surname meets a full name;
    # with two candidates it is never guessed.
    single = len(norm.split()) == 1
    candidates = conn.execute(
        f"""SELECT * FROM actors WHERE surname = :surname AND kind = 'person' AND {fits}
            AND (:single OR instr(norm_name, ' ') = 0) ORDER BY id LIMIT 2""",
        values | {"surname": surname, "single": single},
    ).fetchall()
    return candidates[0] if len(candidates) == 1 else None
