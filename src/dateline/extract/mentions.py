"""Which actor a stretch of text names: one index over an article's actor mentions."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from ..model import Actor


class MentionIndex:
    """Mentions sorted by start, in document offsets, for "who is this word?" lookups."""

    def __init__(self, actors: list[Actor]) -> None:
        self.mentions = sorted((m.start, m.end, i) for i, actor in enumerate(actors) for m in actor.mentions)
        self.starts = [m[0] for m in self.mentions]
        # No mention covering [start, end) can begin before start - longest.
        self.longest = max((m_end - m_start for m_start, m_end, _ in self.mentions), default=0)

    def actor_at(self, start: int, end: int) -> int | None:
        """The actor whose mention covers [start, end); the shortest such mention wins."""
        best = None
        i = bisect_right(self.starts, start) - 1
        while i >= 0 and self.mentions[i][0] >= start - self.longest:
            m_start, m_end, actor = self.mentions[i]
            if end <= m_end and (best is None or m_end - m_start < best[0]):
                best = (m_end - m_start, actor)
            i -= 1
        return best[1] if best else None

    def first_within(self, start: int, end: int, excluding: int | None = None) -> int | None:
        """The first actor mentioned inside [start, end), other than ``excluding``."""
        for m_start, _, actor in self.mentions[bisect_right(self.starts, start - 1) :]:
            if m_start >= end:
                break
            if actor != excluding:
                return actor
        return None

    def last_before(self, actor: int, offset: int) -> tuple[int, int] | None:
        """The last mention of ``actor`` ending at or before ``offset``: (start, end)."""
        for m_start, m_end, who in reversed(self.mentions[: bisect_right(self.starts, offset)]):
            if who == actor and m_end <= offset:
                return m_start, m_end
        return None

    def last_person_before(
        self, offset: int, actors: list[Actor], agrees: Callable[[int], bool] = lambda who: True
    ) -> int | None:
        """The person whose mention ends last at or before ``offset`` (of those ``agrees`` keeps)."""
        return self._last_before(offset, lambda who: actors[who].kind == "person" and agrees(who))

    def last_of_kind_before(self, offset: int, actors: list[Actor], agent_type: str) -> int | None:
        """The actor of this agent type with a country whose mention ends last before ``offset``."""
        return self._last_before(offset, lambda who: actors[who].agent_type == agent_type and bool(actors[who].country))

    def _last_before(self, offset: int, keep: Callable[[int], bool]) -> int | None:
        for _, m_end, who in reversed(self.mentions[: bisect_right(self.starts, offset)]):
            if m_end <= offset and keep(who):
                return who
        return None

    def within(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """The mentions lying wholly inside [start, end), in order: (start, end, actor)."""
        found = []
        for m_start, m_end, actor in self.mentions[bisect_right(self.starts, start - 1) :]:
            if m_start >= end:
                break
            if m_end <= end:
                found.append((m_start, m_end, actor))
        return found
