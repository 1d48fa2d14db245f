"""Passes 3 and 4 of the actor builder (``actors._ActorBuilder``, which mixes these in): descriptions
("the new US president", "the Ukrainian leader") linked to the person they fit, and what a person's
possessor gives them ("Trump's Defense Secretary" is American). They read the builder's parse,
lexicon, gazetteer, people and token map."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nlp.tokens import indices_of
from .lexicon import Title

if TYPE_CHECKING:
    from .actors import _Draft

_THE = frozenset({"the"})


class DescriptionPasses:
    # -- pass 3: descriptions -----------------------------------------------------------

    def _link_descriptions(self) -> None:
        """ "the new US president", "the Ukrainian leader": to the nearest person they fit."""
        doc = self.doc
        for at in indices_of(doc, _THE, lower=True):
            token = doc[at]
            if token.ent_type_:
                continue
            described = self._described_title(token.i + 1, words_only=True, reach=4)
            if described is None:
                continue
            country, i, end, title = described
            if end < len(doc) and (doc[end].ent_type_ == "PERSON" or doc[end].pos_ == "PROPN"):
                continue  # a title before a name, handled as a role
            if end + 1 < len(doc) and doc[end].lower_ == "of":
                # "the president of Armenia" is Armenia's; "the president of the company" no one's we know
                owner = next(filter(None, (self.gaz.country_of_name(t.text) for t in doc[end + 1 : end + 4])), None)
                if owner is None or (country is not None and owner != country):
                    continue
                country = owner
            draft = self._nearest_fitting(token.i, country, title)
            if draft is None:
                continue
            span = doc[token.i : end]
            draft.add(self.mention(span, "description"), token.i)
            actor = draft.actor
            if country and actor.country is None:
                actor.country, actor.country_source = country, "description"
            if actor.rank is None:
                actor.rank, actor.role = title.rank, doc[i:end].text
            actor.agent_type = actor.agent_type or title.agent_type

    def _nearest_fitting(self, position: int, country: str | None, title: Title) -> _Draft | None:
        """The person a description means: one given that title in the text or known for it
        ("Robert Jenrick ... the prime minister" is still Sunak); for a leader's title, else
        the nearest one named before it who could hold it."""
        earlier = [d for d in self.people if min((s for s in self._token_positions(d)), default=position) < position]
        earlier.sort(key=lambda d: -max(p for p in self._token_positions(d) if p < position))
        holders = [d for d in earlier if d.actor.rank == title.rank and title.rank not in (None, "leader")]
        for draft in holders + earlier:
            actor = draft.actor
            known = actor.country or self._dictionary_country(draft)
            if country and known and known != country:
                continue  # "the president of Armenia" is not Putin, though no text says his country yet
            if title.rank == "leader":
                if actor.agent_type not in (None, "GOV", "OPP", "REB", "REL"):
                    continue
            elif (actor.rank or self._dictionary_rank(draft)) != title.rank:
                continue  # "the judge" is no one named without that title: it stays a judge
            return draft
        return None

    def _dictionary_rank(self, draft: _Draft) -> str | None:
        """The rank of the office the actor dictionary knows the person for ("prime minister")."""
        leader = self.lex.leader(draft.full, draft.surname)
        title = self.lex.title(leader.role) if leader is not None else None
        return title.rank if title is not None else None

    def _dictionary_country(self, draft: _Draft) -> str | None:
        leader = self.lex.leader(draft.full, draft.surname)
        return leader.country if leader is not None and leader.code is None else None

    def _token_positions(self, draft: _Draft) -> list[int]:
        return [i for i, d in self.by_token.items() if d is draft]

    # -- pass 4: possessors -------------------------------------------------------------

    def _resolve_possessors(self) -> None:
        for draft in self.people:
            owner = draft.possessor
            if owner is None or owner is draft:
                continue
            actor = draft.actor
            if actor.country is None and owner.actor.country:
                actor.country, actor.country_source = owner.actor.country, "possessive"
            if draft.relational:
                actor.agent_type = actor.agent_type or owner.actor.agent_type
                actor.rank = actor.rank or owner.actor.rank
