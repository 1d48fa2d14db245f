"""Event sides: who or where a phrase of the sentence names, with a CAMEO actor code."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...cameo import region_code
from ...model import EventSide, Place
from ..lexicon import lexicon, named_sex
from .words import (
    LOCATIVE,
    NOT_ACTORS,
    PERSONAL_PRONOUNS,
    PLACE_ENTITIES,
    SEATED,
    agent_type,
    quantified,
    settlement_name,
    stance_prefixed,
    where_named,
)


class Sides:
    """Who a phrase names: an actor of the article, an agent noun with its country, a place.
    Mixed into the coder, it reads the coder's article state (doc, text, actors, places,
    mentions, gazetteer, article country, and the pronouns the quote finder resolved)."""

    def _side(self, token: Token, where: EventSide | None = None, guess: bool = True) -> EventSide | None:
        """Resolve a phrase head to an actor, or to an agent noun with its country.

        A generic agent ("police", "demonstrators", "the government") named with no country
        takes the country of the place it is in ("demonstrators in Baghdad"), else of the
        place where it acts (``where``): domestic actors are coded where they act. Anything
        else named (a thing, an unknown noun) is coded by where it is, else, when ``guess``,
        by the sentence's city or the article's country.
        """
        token = quantified(token)
        if token.ent_type_ in NOT_ACTORS:
            return None  # "in February 2022" is when, not whom
        start = self.text.to_document(token.idx)
        actor = self._actor_at(token)
        if actor is None:  # "the terrorist group Hamas", "the company Danone": the name in apposition
            named = [self._actor_at(c) for c in token.children if c.dep_ == "appos"]
            actor = next((a for a in named if a is not None), None)
        if actor is None:
            actor = self._group_actor(token)
        if actor is None:
            actor = self._person_before(token)
        if actor is not None:
            a = self.actors[actor]
            if a.kind == "country" and token.text in self.gaz.peoples:
                # "ethnic Albanians in south Serbia": a people is coded where it lives.
                home = self._locative_place(token, LOCATIVE | {"of", "from"})
                if home is not None and home.code and home.code != a.code:
                    return self._phrase_side(token, home.code, None)
                if any(c.lower_ == "ethnic" for c in token.children):
                    # "ethnic" says they live outside their people's country: where the
                    # sentence puts them, else the other country it names.
                    elsewhere = self._other_country(token, a.code, where)
                    if elsewhere:
                        return self._phrase_side(token, elsewhere, None)
            return self._actor_side(token, actor, start, guess)
        # "a fifth of Ukraine", "Baghdad’s forces": an actor named inside the phrase.
        inner = next(
            (
                self._actor_at(t)
                for t in token.subtree
                if t.i != token.i and self._actor_at(t) is not None and not stance_prefixed(t)
                and not where_named(t, token)
            ),
            None,
        )
        agent = agent_type(token)
        if agent is not None:
            if inner is not None and (self.actors[inner].code or "")[:3] in ("IGO", "NGO"):
                # "European Community foreign ministers" act for the body
                return self._phrase_side(token, self.actors[inner].code, inner)
            owner = self.actors[inner].country if inner is not None else None
            country = self._country_in(token) or owner or self._located_country(token)
            if country and any(t.lower_ == "ethnic" for t in token.subtree if t.i < token.i):
                # "ethnic Albanian guerrillas operating in Macedonia": coded where they are
                country = self._located_country(token) or self._other_country(token, country, where) or country
            country = country or self._antecedent_country(token, agent)
            country = country or (where.code if where is not None else None) or self._city_country_near(token)
            return self._phrase_side(token, (country or self.article_country or "") + agent, None)
        own = self._modifier_country(token)
        if own is not None:
            # "the Cambodian refugee camp in Thailand", "US mediation": the noun's own
            # nationality, before any actor its phrase goes on to name. A thing ("swathes of
            # Russian-occupied territory") stands for that country: the country is the side.
            if token.pos_ == "NOUN" and not token.ent_type_ and self.gaz.country_name(own[0]):
                return EventSide(self.gaz.country_name(own[0]), own[0], own[1], start, start + len(token.text))
            return self._phrase_side(token, *own)
        if inner is not None:  # "land for an Alewite temple, Cemevi"
            return self._actor_side(token, inner, start, guess)
        country = self._country_in(token) or self._city_country(token)
        if country:
            thing = token.pos_ == "NOUN" and not token.ent_type_  # "swathes of Russian-occupied territory"
            name = self.gaz.country_name(country) if thing else None
            return EventSide(name or token.text, country, None, start, start + len(token.text))
        if token.pos_ == "PROPN":  # someone acted, though we cannot code who
            region = region_code(self.doc[token.left_edge.i : token.i + 1].text)
            if region is not None:  # "Europe would play its role": the region, not a guessed country
                return self._phrase_side(token, region, None)
            # ... though we may know where: "prisoners in East Timor's capital Dili"
            country = self._guessed_country(token) if guess else self._located_country(token)
            return self._phrase_side(token, country, None)
        # A common noun that is no agent (cameo/data/agents.tsv) is a thing: "a car bomb",
        # "the theological arguments", "its approach" are no actors.
        return None

    def _actor_side(self, token: Token, actor: int, start: int, guess: bool) -> EventSide:
        """An actor of the article as a side; one with no code (someone we know nothing of
        but the name) is coded, when ``guess``, by where the sentence puts it."""
        a = self.actors[actor]
        code = a.code
        if code is None and guess and a.kind != "country":
            code = self._guessed_country(token)
        return EventSide(a.name, code, actor, start, start + len(token.text))

    def _phrase_side(self, token: Token, code: str | None, actor: int | None) -> EventSide:
        """An event side named by the noun phrase ending at ``token`` ("Riot police")."""
        phrase = self.doc[token.left_edge.i : token.i + 1]
        start = self.text.to_document(phrase.start_char)
        return EventSide(phrase.text, code, actor, start, start + len(phrase.text))

    def _where(self, verb: Token) -> EventSide | None:
        """The place an act happens, from a locative phrase on the verb or its object."""
        heads = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        for head in heads:
            place = self._locative_place(head)
            if place is not None:
                return place
        return None

    def _located_country(self, token: Token) -> str | None:
        place = self._locative_place(token)
        return place.code if place is not None else None

    def _locative_place(self, head: Token, preps: frozenset[str] | set[str] = LOCATIVE) -> EventSide | None:
        seated = [c for v in head.children if v.dep_ == "acl" and v.lemma_.lower() in SEATED for c in v.children]
        for prep in [*head.children, *seated]:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for token in prep.subtree:
                if token.ent_type_ not in PLACE_ENTITIES and not settlement_name(token):
                    continue
                actor = self._actor_at(token)
                start = self.text.to_document(token.idx)
                if actor is not None and self.actors[actor].kind == "country":
                    a = self.actors[actor]
                    return EventSide(a.name, a.code, actor, start, start + len(token.text))
                place = self._place_at(token)
                country = (place.country if place is not None else None) or self.gaz.country_of_word(token.text)
                if country is None and settlement_name(token):
                    country = self.gaz.country_of_city(token.text)
                if country:
                    return EventSide(token.text, country, None, start, start + len(token.text))
        return None

    def _place_at(self, token: Token) -> Place | None:
        """The resolved place a token stands in, if the places stage found one there."""
        start = self.text.to_document(token.idx)
        return next((p for p in self.places if p.start is not None and p.start <= start < (p.end or 0)), None)

    def _group_actor(self, token: Token) -> int | None:
        """ "the sect", "followers of a tiny Muslim sect": the article's group actor."""
        nouns = lexicon().group_nouns | {"followers", "members"}
        if token.lower_ not in nouns:
            return None
        if token.lower_ in ("followers", "members"):
            inner = [t for t in token.subtree if t.lower_ in lexicon().group_nouns]
            if not inner:
                return None
        groups = [i for i, a in enumerate(self.actors) if a.kind == "organisation" and a.agent_type in ("REL", "PTY")]
        groups.sort(key=lambda i: -len(self.actors[i].mentions))
        return groups[0] if groups else None

    def _antecedent_country(self, token: Token, agent: str) -> str | None:
        """ "The administration", "the police" with nothing of their own: the body of that
        kind the article named last ("The Biden administration ... The administration")."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return None
        if any(c.dep_ in ("amod", "compound", "poss", "nmod", "prep") for c in token.children):
            return None
        offset = self.text.to_document(token.idx)
        who = self.mentions.last_of_kind_before(offset, self.actors, agent)
        return self.actors[who].country if who is not None else None

    def _person_before(self, token: Token) -> int | None:
        """ "he", "her": the person the quote finder took it for, where it is a speaker (the
        statement and the act then name the same person), else the person the article named
        last before the pronoun, of those whose name does not say they are of the other sex."""
        if token.lower_ not in PERSONAL_PRONOUNS or token.dep_ == "poss":
            return None
        offset = self.text.to_document(token.idx)
        wanted = "f" if token.lower_ in ("she", "her") else "m"

        def agrees(who: int) -> bool:
            return named_sex(self.actors[who]) in (None, wanted)

        spoke = self.pronoun_speakers.get(offset)
        if spoke is not None and self.actors[spoke].kind == "person" and agrees(spoke):
            return spoke
        return self.mentions.last_person_before(offset, self.actors, agrees)

    def _city_country(self, token: Token) -> str | None:
        """A city named as an actor stands for its country, as CAMEO codes it ("in Amman")."""
        if token.ent_type_ != "GPE":
            return None
        place = self._place_at(token)
        if place is not None and place.country:
            return place.country
        return self.gaz.country_of_city(token.text)

    def _country_in(self, token: Token) -> str | None:
        for child in token.subtree:
            if child.i > token.i + 3 or child.i < token.left_edge.i or stance_prefixed(child):
                continue
            if where_named(child, token):
                continue
            iso3 = self._word_country(child) or (self._city_country(child) if child.i != token.i else None)
            if iso3:
                return iso3  # "Iraqi troops", "Ankara's district administration"
            actor = self._actor_at(child)
            if actor is not None and self.actors[actor].country:
                return self.actors[actor].country
        return None

    def _modifier_country(self, token: Token) -> tuple[str, int | None] | None:
        """The country a noun's own modifier names ("French mediation"), with its actor."""
        for child in token.children:
            if child.i < token.i and child.dep_ in ("amod", "compound", "nmod"):
                iso3 = self._word_country(child)
                if iso3:
                    actor = self._actor_at(child)
                    kind = self.actors[actor].kind if actor is not None else None
                    return iso3, actor if kind == "country" else None
        return None

    def _word_country(self, token: Token) -> str | None:
        """A nationality or country word, of one word or two ("Sri Lankan army")."""
        if stance_prefixed(token):
            return None
        iso3 = self.gaz.country_of_token(token)  # ("New Mexico officials": the USA)
        if iso3 is None and token.i + 1 < len(self.doc):
            iso3 = self.gaz.country_of_word(f"{token.text} {self.doc[token.i + 1].text}")
        return iso3

    def _actor_at(self, token: Token) -> int | None:
        start = self.text.to_document(token.idx)
        return self.mentions.actor_at(start, start + len(token.text))

    def _other_country(self, token: Token, own: str | None, where: EventSide | None) -> str | None:
        if where is not None and where.code and where.code != own:
            return where.code
        for other in token.sent:
            if other.i == token.i:
                continue
            actor = self._actor_at(other)
            country = self.actors[actor].country if actor is not None else self.gaz.country_of_word(other.text)
            if country and country != own:
                return country
        return None

    def _guessed_country(self, token: Token) -> str | None:
        """Where a side the text cannot code is: the place it is in, else the sentence's
        city, else the country the article names most (never its dateline)."""
        return self._located_country(token) or self._city_country_near(token) or self.article_country

    def _city_country_near(self, token: Token) -> str | None:
        """The country of the first city named in the token's sentence: "killed 23 people
        ... when they blew themselves up in Tel Aviv" were people in Israel."""
        cities = [p for p in self._places_in(token.sent) if p.feature == "city"]
        return cities[0].country if cities else None

    def _places_in(self, sent: SpacySpan) -> list[Place]:
        """The places the text names inside a sentence, in order."""
        start = self.text.to_document(sent.start_char)
        end = start + len(sent.text)
        return [p for p in self.places if p.source == "text" and p.start is not None and start <= p.start < end]

    def _place(self, sent: SpacySpan) -> Place | None:
        inside = self._places_in(sent)
        cities = [p for p in inside if p.feature == "city"]
        if cities:
            return cities[0]
        dateline = self.dateline_place
        if inside:
            country = inside[0]
            if dateline is not None and dateline.country == country.country:
                return dateline  # "in Bangladesh’s capital", filed from Dhaka: Dhaka
            return country
        return dateline
