"""Matching what a user types: actor names (normalised, exact) and code prefixes (a range),
never a pattern."""

from __future__ import annotations

import sqlite3

from ..nlp.gazetteer import normalise

MAX_NAME = 1000


def actor_ids(conn: sqlite3.Connection, name: str) -> list[int]:
    """Registry ids of the actors called ``name``: their canonical name, their surname or one
    of their aliases, compared normalised (case, accents, punctuation). The name is a value,
    not a pattern: "%", "_" or "[" match only themselves. Most mentioned first."""
    norm = normalise(name[:MAX_NAME])
    if not norm:
        return []
    rows = conn.execute(
        """SELECT id FROM actors WHERE norm_name = ? OR surname = ?
           UNION SELECT a.id FROM actors a, json_each(a.aliases) j
                 WHERE j.value = ? COLLATE NOCASE OR j.value = ? COLLATE NOCASE""",
        (norm, norm, name.strip(), norm),
    ).fetchall()
    ids = [r[0] for r in rows]
    if len(ids) < 2:
        return ids
    marks = ",".join("?" * len(ids))
    ordered = conn.execute(f"SELECT id FROM actors WHERE id IN ({marks}) ORDER BY mention_count DESC, id", ids)
    return [r[0] for r in ordered]


def prefix_bounds(prefix: str) -> tuple[str, str]:
    """``column >= low AND column < high`` holds for the codes that start with ``prefix``
    (codes are ASCII letters and digits): "RUS" -> RUS, RUSGOV; an index serves it, and "%"
    or "_" match only themselves."""
    return prefix, prefix + "\x7f"
