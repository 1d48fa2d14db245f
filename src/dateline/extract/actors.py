"""Actors within one article: people, organisations and countries, one actor per entity.

Passes over the spaCy doc of the article, in order:
1. names: PERSON mentions grouped by full name and surname ("Donald Trump", "Trump");
   organisations by normalised name; countries (and their peoples) by ISO code;
2. roles: titles before a name ("Russian President Vladimir Putin"), appositions after it
   ("X, a spokesman for the Y community in Bangladesh"), possessors ("Trump’s Defense
   Secretary, Pete Hegseth");
3. descriptions: "the new US president", "the Ukrainian leader" linked to the nearest
   earlier person they fit;
4. offices of people ("Zelensky’s office") and capitals used as subjects ("Moscow has")
   become the government of the person's or capital's country;
5. codes: country + CAMEO agent type ("USAGOV"), or a known organisation's code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..model import Actor, Mention
from ..nlp.gazetteer import Gazetteer, gazetteer, normalise
from ..nlp.text import ArticleText
from .descriptions import DescriptionPasses
from .lexicon import HONORIFICS, KnownOrg, Lexicon, Title, building_nouns, lexicon

# Words that end the phrase a title stands in: a verb, preposition, conjunction or pronoun
# before the title is no part of it.
_NOT_IN_A_TITLE = frozenset({"VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON"})
_MODIFIERS = {"former", "new", "acting", "interim", "then", "outgoing", "incoming", "late", "deputy", "senior", "top"}
_DETERMINERS = {"a", "an", "the"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_OFFICES = {"office": "GOV", "government": "GOV", "administration": "GOV", "cabinet": "GOV", "aides": "GOV",
            "spokesman": "GOV", "spokeswoman": "GOV", "camp": "GOV", "team": "GOV", "party": "PTY"}  # fmt: skip
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}


@dataclass
class _Draft:
    """An actor while the passes run; ``position`` orders by last mention."""

    actor: Actor
    full: str | None = None  # full person name, when seen
    surname: str | None = None
    possessor: _Draft | None = None  # "Trump’s" in "Trump’s Defense Secretary"
    relational: bool = False  # role is "predecessor", "successor": copy the possessor
    office_of: _Draft | None = None  # "Zelensky’s office"
    last: int = -1
    spans: set[tuple[int, int]] = field(default_factory=set)

    def add(self, mention: Mention, position: int) -> None:
        if (mention.start, mention.end) in self.spans:
            return
        self.spans.add((mention.start, mention.end))
        self.actor.mentions.append(mention)
        if mention.kind == "name" and mention.text not in self.actor.aliases:
            self.actor.aliases.append(mention.text)
        self.last = max(self.last, position)


# Compass words that begin country names: "the North" may be North Korea, never a place of its own.
COMPASS_WORDS = {"North", "South", "East", "West"}
_LETTERS_AND_DIGITS = re.compile(r"(?=.*\d)(?=.*[^\W\d_])\w+")


def name_of_someone(doc: Doc, ent: Span, people: set[str]) -> Span | None:
    """A place the model tagged where the text names a person it tags elsewhere: "Chad"
    before "Morris" when "Chad Morris" is a person of the article (``people``: PERSON texts)."""
    if ent.label_ not in ("GPE", "NORP", "LOC"):
        return None
    end = ent.end
    while end < len(doc) and doc[end].pos_ == "PROPN" and end - ent.end < 3:
        end += 1
        if doc[ent.start : end].text in people:
            return doc[ent.start : end]
    return None


def extract_actors(doc: Doc, text: ArticleText, home: str | None = None, home_source: str = "article") -> list[Actor]:
    """All actors of one article, with mentions in document offsets. ``home`` is the country
    the article is set in, given to roles with no stated country and marked ``home_source``."""
    return _ActorBuilder(doc, text, lexicon(), gazetteer()).build(home, home_source)


class _ActorBuilder(DescriptionPasses):
    def __init__(self, doc: Doc, text: ArticleText, lex: Lexicon, gaz: Gazetteer) -> None:
        self.doc, self.text, self.lex, self.gaz = doc, text, lex, gaz
        self.ents = doc.ents  # spaCy builds every entity span anew on each read of doc.ents
        self.people: list[_Draft] = []
        self.orgs: dict[str, _Draft] = {}
        self.countries: dict[str, _Draft] = {}
        self.by_token: dict[int, _Draft] = {}  # token index -> person draft

    def mention(self, span: Span | Token, kind: str) -> Mention:
        start = span.idx if isinstance(span, Token) else span.start_char
        end = start + len(span.text)
        return Mention(self.text.to_document(start), self.text.to_document(start) + (end - start), span.text, kind)

    # -- pass 1: names ------------------------------------------------------------------

    def build(self, home: str | None, source: str) -> list[Actor]:
        people = {ent.text for ent in self.ents if ent.label_ == "PERSON"}
        surnames = {name.split()[-1] for name in people if len(name.split()) >= 2}
        given = {name.split()[0] for name in people if len(name.split()) >= 2} - surnames
        for ent in self.ents:
            named = self._name_of_someone(ent, people)
            if named is not None:
                self._add_person(named)  # "Chad Morris" read as the country "Chad" and a word after it
            elif ent.label_ in ("GPE", "LOC") and self._name_of_a_person(ent, surnames, given):
                # "said Holland" after "Gwyneth Holland": her surname, not the country; "Jada soon cleared
                # it up" after "Jada Pinkett Smith": her first name, not a town in Nigeria
                self._add_person(ent)
            elif ent.label_ in ("PERSON", "ORG") and self.gaz.country_of_name(ent.text):
                self._add_country(ent)  # the small model reads "Sri Lanka" at a sentence start as a person
            elif ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].lower_ in building_nouns():
                continue  # "Trump Tower" tagged as a person: a building, which must not take Trump's mentions
            elif ent.label_ == "PERSON" and any(_LETTERS_AND_DIGITS.fullmatch(t.text) for t in ent):
                continue  # "Y2K", "Web3" tagged as a person: no one's name mixes letters and digits
            elif ent.label_ == "PERSON" and self._is_people(ent):
                self._add_org(ent)  # "Bosnian Serbs", "Iraqi Kurds": a group, not a person
            elif ent.label_ == "PERSON" or (ent.label_ == "ORG" and self._titled_name(ent)):
                self._add_person(ent)  # "Vice-President Moody Awori", tagged ORG, is a person
            elif ent.label_ == "ORG":
                self._add_org(ent)
            elif ent.label_ in ("GPE", "NORP"):
                self._add_country(ent)
        self._compass_names()
        for draft in self.people:
            self._read_roles(draft)
        self._link_descriptions()
        self._resolve_possessors()
        drafts = [*self.people, *self.orgs.values(), *self.countries.values()]
        for draft in self.people:
            self._known_figure(draft)
            self._fall_back_to(draft, home, source)
        for draft in drafts:
            if draft.office_of is not None and draft.actor.country is None and draft.office_of.actor.country:
                draft.actor.country, draft.actor.country_source = draft.office_of.actor.country, "possessive"
        for draft in self.orgs.values():
            self._fall_back_to(draft, home, source)
        for draft in drafts:
            _assign_code(draft.actor)
        actors = [d.actor for d in drafts if d.actor.mentions]
        for actor in actors:
            actor.mentions.sort(key=lambda m: m.start)
        return actors

    def _name_of_someone(self, ent: Span, people: set[str]) -> Span | None:
        return name_of_someone(self.doc, ent, people)

    @staticmethod
    def _fall_back_to(draft: _Draft, home: str | None, source: str) -> None:
        """A role with no stated country takes the article's (marked where it came from)."""
        actor = draft.actor
        international = actor.agent_type in ("IGO", "NGO", "MED", "MNC") or (actor.code or "").startswith("IGO")
        if actor.country is None and actor.agent_type and home and not international:
            actor.country, actor.country_source = home, source

    def _known_figure(self, draft: _Draft) -> None:
        """What the text leaves unsaid about a well-known figure, from leaders.tsv."""
        actor = draft.actor
        if actor.country is not None and actor.agent_type is not None:
            return
        leader = self.lex.leader(draft.full, draft.surname)
        if leader is None or (actor.country is not None and actor.country != leader.country):
            return
        if leader.code is not None:  # an international body's officer: "Kofi Annan" is the UN
            if actor.country is None:
                actor.code, actor.agent_type = leader.code, leader.agent_type
            return
        if actor.country is None:
            actor.country, actor.country_source = leader.country, "dictionary"
        actor.agent_type = actor.agent_type or leader.agent_type

    def _add_person(self, ent: Span) -> None:
        words = ent.text.split()
        if not any(t.is_alpha for t in ent):
            return
        while len(words) > 1 and words[0].rstrip(".").lower() in HONORIFICS:
            words = words[1:]  # "Mr Sunak" is Rishi Sunak; "Sir John Hayes" is John Hayes
        full = " ".join(words) if len(words) >= 2 else None
        surname = words[-1]
        draft = self._find_person(full, surname)
        if draft is None:
            draft = _Draft(Actor(name=full or surname, kind="person"), full=full, surname=surname)
            self.people.append(draft)
        elif full and draft.full is None:
            draft.full, draft.actor.name = full, full
        draft.add(self.mention(ent, "name"), ent.start)
        for token in ent:
            self.by_token[token.i] = draft
        # "Zelensky’s office" is the government he leads, not Zelensky himself.
        after = self.doc[ent.end : ent.end + 2]
        if len(after) == 2 and after[0].text in _POSSESSIVE and after[1].lower_ in _OFFICES:
            self._add_office(draft, self.doc[ent.start : ent.end + 2], _OFFICES[after[1].lower_])

    def _name_of_a_person(self, ent: Span, surnames: set[str], given: set[str]) -> bool:
        """A place name that is the surname of a person in the article, or the first name of one
        and no country, US state or city of 100,000 people or more."""
        if ent.text in surnames:
            return True
        if ent.text not in given:
            return False
        cities = self.gaz.city_candidates(ent.text)
        place = self.gaz.country_of_name(ent.text) or ent.text in self.gaz.us_states
        return not place and not (cities and cities[0].population >= 100_000)

    def _is_people(self, ent: Span) -> bool:
        """A nationality word and a people ("Bosnian Serbs"), which the model tags as a person."""
        return (
            len(ent) >= 2
            and ent[0].text in self.gaz.adjectives
            and (ent[-1].text in self.gaz.peoples or ent[-1].tag_ in ("NNS", "NNPS"))
        )

    def _find_person(self, full: str | None, surname: str) -> _Draft | None:
        if full:
            for draft in self.people:
                if draft.full == full:
                    return draft
            same = [d for d in self.people if d.surname == surname and d.full is None]
            return same[-1] if same else None
        same = [d for d in self.people if d.surname == surname or (d.full and surname in d.full.split())]
        if not same:
            return None
        # Two people with one surname: the one mentioned last is meant (news convention), unless the
        # other is the story's subject, named far more often ("Nikki Haley … her mother, Rena Haley, …
        # Haley said": Nikki Haley; "his twin brother, Damon Minor, posted … Minor said": Ryan Minor)
        last = max(same, key=lambda d: d.last)
        most = max(same, key=lambda d: (len(d.actor.mentions), d.last))
        return most if len(most.actor.mentions) >= max(3, 3 * len(last.actor.mentions)) else last

    def _add_office(self, owner: _Draft, span: Span, agent_type: str) -> None:
        key = f"office:{owner.actor.name}:{span[-1].lower_}"
        draft = self.orgs.get(key)
        if draft is None:
            draft = _Draft(Actor(name=span.text, kind="organisation", agent_type=agent_type), office_of=owner)
            self.orgs[key] = draft
        draft.add(self.mention(span, "possessive"), span.start)

    def _add_org(self, ent: Span) -> None:
        name = ent.text
        if sum(c.isalpha() for c in name) < 2 or "/" in name:
            return  # "X." (the platform) is a medium and "File/Reuters" a photo credit, not actors
        known = self.lex.known_org(name)
        key = "org:" + (known.code if known and known.agent_type == "GOV" else _org_key(name, self.lex))
        draft = self.orgs.get(key)
        if draft is None:
            actor = Actor(name=name, kind="organisation")
            if known:
                actor.code, actor.agent_type, actor.country = known.code, known.agent_type, known.country
                actor.country_source = "name" if known.country else None
            else:
                actor.agent_type = _org_type(ent, self.lex)
                actor.country = self._country_in(ent)
                actor.country_source = "name" if actor.country else None
                owner = self._possessor_country(ent)
                if actor.country is None and owner:  # "Israel's Cabinet", "Ankara's district council"
                    actor.country, actor.country_source = owner, "possessive"
                described = self._descriptor_country(ent)
                if actor.country is None and described:  # "US chipmaker Micron Technology"
                    actor.country, actor.country_source = described, "appositive"
            draft = self.orgs[key] = _Draft(actor)
        draft.add(self.mention(ent, "name"), ent.start)

    def _add_country(self, ent: Span) -> None:
        text = ent.text
        iso3 = self.gaz.country_of_name(text)
        if iso3 is None and ent.start > 0 and self.doc[ent.start - 1].lower_ == "the":
            iso3 = self.gaz.country_of_name(f"the {text}")  # "the Emirates", not the airline "Emirates"
        kind = "name"
        if iso3 is None and ent.label_ == "NORP" and text in self.gaz.peoples:
            iso3, kind = self.gaz.peoples[text], "people"
        if iso3 is None and ent.label_ == "GPE" and ent.root.dep_ in _SUBJECT_DEPS:
            iso3 = self.gaz.country_of_capital(text)
            if iso3:  # "Moscow has mostly had the upper hand": the government acts
                draft = self.orgs.get(f"org:{iso3}GOV")
                if draft is None:
                    actor = Actor(name=text, kind="organisation", country=iso3, country_source="name",
                                  agent_type="GOV")  # fmt: skip
                    draft = self.orgs[f"org:{iso3}GOV"] = _Draft(actor)
                draft.add(self.mention(ent, "capital"), ent.start)
                return
        if iso3 is None:
            return
        draft = self.countries.get(iso3)
        if draft is None:
            draft = self.countries[iso3] = _Draft(self._country_actor(iso3, text))
        draft.add(self.mention(ent, kind), ent.start)

    def _compass_names(self) -> None:
        """ "the North" in a story that names North Korea is North Korea ("the South", South
        Sudan ...): the country whose name begins with that word, when the article names it or
        its counterpart ("South Korea said the North had fired …")."""
        named = {word: d for d in self.countries.values() if (word := d.actor.name.split()[0]) in COMPASS_WORDS}
        for word, draft in list(named.items()):
            rest = draft.actor.name.split(maxsplit=1)[1:]
            for other in COMPASS_WORDS - {word} - set(named):
                iso3 = self.gaz.country_of_name(f"{other} {rest[0]}") if rest else None
                if iso3 is not None:
                    named[other] = self.countries.get(iso3) or _Draft(self._country_actor(iso3, iso3))
        if not named:
            return
        for token in self.doc:
            draft = named.get(token.text)
            if draft is None or token.i == 0 or self.doc[token.i - 1].lower_ != "the":
                continue
            if token.i + 1 < len(self.doc) and self.doc[token.i + 1].pos_ == "PROPN":
                continue  # "the North Atlantic", "the South China Sea"
            if token.i in self.by_token:
                continue  # part of a person's name
            draft.add(self.mention(self.doc[token.i : token.i + 1], "name"), token.i)
            self.countries.setdefault(draft.actor.country, draft)

    def _country_actor(self, iso3: str, written: str) -> Actor:
        """A country's actor, named as the gazetteer names it (else as written)."""
        name = self.gaz.countries[iso3].name if iso3 in self.gaz.countries else written
        return Actor(name=name, kind="country", country=iso3, country_source="name")

    def _country_in(self, span: Span) -> str | None:
        for token in span:
            iso3 = self.gaz.country_of_token(token) or (
                self.gaz.country_of_capital(token.text) if token.ent_type_ == "GPE" else None
            )
            if iso3:
                return iso3
        return None

    def _possessor_country(self, ent: Span) -> str | None:
        if ent.start < 2 or self.doc[ent.start - 1].text not in _POSSESSIVE:
            return None
        owner = self.doc[ent.start - 2]
        return self.gaz.country_of_name(owner.text) or self.gaz.country_of_capital(owner.text)

    def _descriptor_country(self, ent: Span) -> str | None:
        """The nationality of the common nouns that lead into a name: "US chipmaker Micron
        Technology", "Russian energy giant Gazprom". Up to three nouns, then the nationality."""
        i = ent.start - 1
        nouns = 0
        while i >= 0 and nouns < 3 and self.doc[i].pos_ == "NOUN" and self.doc[i].ent_type_ == "":
            i, nouns = i - 1, nouns + 1
        if not nouns or i < 0:
            return None
        return self.gaz.country_of_token(self.doc[i])

    # -- pass 2: roles ------------------------------------------------------------------

    def _read_roles(self, draft: _Draft) -> None:
        for mention_start in sorted(i for i, d in self.by_token.items() if d is draft):
            token = self.doc[mention_start]
            if mention_start > 0 and self.by_token.get(mention_start - 1) is draft:
                continue  # only the first token of each mention
            self._title_before(draft, token)
            self._apposition_before(draft, token)
        ent_ends = sorted({self._ent_end(i) for i, d in self.by_token.items() if d is draft})
        for end in ent_ends:
            self._apposition_after(draft, end)

    def _ent_end(self, i: int) -> int:
        draft = self.by_token[i]
        while i + 1 < len(self.doc) and self.by_token.get(i + 1) is draft:
            i += 1
        return i + 1

    def _title_before(self, draft: _Draft, first: Token) -> None:
        end = first.i
        comma = end > 0 and self.doc[end - 1].text == ","
        if comma:
            end -= 1  # "Trump’s Defense Secretary, Pete Hegseth"
        found = self._title_ending_at(end)
        if found is None:
            return
        start, title = found
        while start > 0 and self.doc[start - 1].lower_ in _MODIFIERS:
            start -= 1
        if comma and not (start > 0 and self.doc[start - 1].text in _POSSESSIVE):
            return  # "After speaking to the Ukrainian leader, Trump said": not his title
        role_text = self.doc[start:end].text
        country, source, possessor = None, None, None
        before = self.doc[start - 1] if start > 0 else None
        if before is not None and before.text in _POSSESSIVE and start >= 2:
            possessor = self.by_token.get(start - 2)
            if possessor is None:
                country = self.gaz.country_of_token(self.doc[start - 2])
                source = "possessive" if country else None
        elif before is not None:
            # "French National Assembly president X": the nationality may stand a few words left.
            for word in reversed(list(self.doc[max(0, start - 4) : start])):
                if word.pos_ in _NOT_IN_A_TITLE or word.i in self.by_token:
                    break  # "Scholz of Germany met Prime Minister Meloni": Germany is not hers
                country = self.gaz.country_of_token(word)
                if country or word.is_punct:
                    break
            source = "title" if country else None
        body = self._known_body_before(start)
        if body is not None and body.country and country is None:
            country, source = body.country, "title"  # "Kremlin spokesman X"
        national = body.agent_type if body is not None and body.agent_type not in ("IGO", "NGO") else None
        self._apply_role(draft, title, role_text, country, source, possessor, national)
        if body is not None and body.agent_type in ("IGO", "NGO") and draft.actor.country is None:
            draft.actor.code = draft.actor.code or body.code  # "Arab League Secretary General X" acts for it
        draft.add(self.mention(self.doc[start:end], "title"), start)

    def _known_body_before(self, start: int) -> KnownOrg | None:
        """The known organisation named right before a title ("NATO spokesman")."""
        if start == 0 or self.doc[start - 1].ent_type_ != "ORG":
            return None
        ent = next((e for e in self.ents if e.start <= start - 1 < e.end), None)
        return self.lex.known_org(ent.text) if ent is not None and ent.end == start else None

    def _titled_name(self, ent: Span) -> bool:
        """A short capitalised name right after a personal title ("President X")."""
        if len(ent) > 3 or not all(t.is_title for t in ent) or self.lex.known_org(ent.text) is not None:
            return False
        found = self._title_ending_at(ent.start)
        return found is not None and found[1].agent_type not in (None, "")

    def _title_ending_at(self, end: int) -> tuple[int, Title] | None:
        for size in range(self.lex.title_max_words, 0, -1):
            start = end - size
            if start < 0:
                continue
            words = self.doc[start:end]
            # words, hyphens and abbreviations: "Vice-President", "Lt. Gen."
            if any(not (t.is_alpha or t.text in "-." or t.text.rstrip(".").isalpha()) for t in words) or (
                words[0].text in "-."
            ):
                continue
            if start > 0 and self.doc[start - 1].text == "-":
                continue  # "Secretary-General": the whole compound is the title
            title = self.lex.title(words.text)
            if title:
                return start, title
        return None

    def _title_starting_at(self, i: int, words_only: bool) -> tuple[int, Title] | None:
        """The longest title that starts at token ``i`` ("foreign minister" before "minister")."""
        for size in range(self.lex.title_max_words, 0, -1):
            words = self.doc[i : i + size]
            if len(words) < size or (words_only and not all(t.is_alpha for t in words)):
                continue
            title = self.lex.title(words.text)
            if title:
                return size, title
        return None

    def _apposition_after(self, draft: _Draft, end: int) -> None:
        """ "X, a spokesman for the Ahmadiya community in Bangladesh, said"."""
        doc = self.doc
        if end >= len(doc) or doc[end].text != ",":
            return
        i = end + 1
        if i < len(doc) and doc[i].lower_ in _DETERMINERS:
            i += 1
        if self._describe(draft, i) or self._body_described(draft, i):
            return
        owner = self.gaz.country_of_name(doc[i].text) if i + 1 < len(doc) else None
        if owner and doc[i + 1].text in _POSSESSIVE and draft.actor.country is None:
            # "X, Algeria's leading human rights activist,": no title we know, but a country
            draft.actor.country, draft.actor.country_source = owner, "appositive"

    def _body_described(self, draft: _Draft, i: int) -> bool:
        """ "X, the U.N. humanitarian affairs chief,", "X, NATO's top official,": a known
        organisation, then words ending in a title before the comma; X acts for it."""
        doc = self.doc
        ent = next((e for e in self.ents if e.start == i and e.label_ == "ORG"), None)
        body = self.lex.known_org(ent.text) if ent is not None else None
        if body is None:
            return False
        end = ent.end + (ent.end < len(doc) and doc[ent.end].text in _POSSESSIVE)
        while end < len(doc) and doc[end].text not in {",", ".", ";", "\n\n"} and end - ent.end < 6:
            end += 1
        found = self._title_ending_at(end)
        if end >= len(doc) or doc[end].text != "," or found is None or found[0] < ent.end:
            return False
        start, title = found
        national = body.agent_type if body.agent_type not in ("IGO", "NGO") else None
        self._apply_role(draft, title, doc[start:end].text, body.country, "appositive" if body.country else None,
                         None, national)  # fmt: skip
        if national is None and draft.actor.country is None:
            draft.actor.code = draft.actor.code or body.code
        draft.add(self.mention(doc[i:end], "title"), i)
        return True

    def _apposition_before(self, draft: _Draft, first: Token) -> None:
        """ "A member of the Syrian parliament, Mohammed Mamoun, started …": the description
        the name stands in apposition to, set off by commas on both sides."""
        doc = self.doc
        root = doc[self._ent_end(first.i) - 1]
        closed = root.i + 1 < len(doc) and doc[root.i + 1].text in (",", "\n\n")
        if first.i == 0 or doc[first.i - 1].text != "," or not closed or root.dep_ != "appos":
            return
        head = root.head
        if head.i >= first.i or head.pos_ != "NOUN" or head.i in self.by_token:
            return
        i = head.left_edge.i
        if doc[i].lower_ in _DETERMINERS:
            i += 1
        self._describe(draft, i, ending_at=head.i)

    def _describe(self, draft: _Draft, i: int, ending_at: int | None = None) -> bool:
        """Read a description ("a spokesman for the Ahmadiya community in Bangladesh")
        starting at ``i`` as the draft's role; False when no known title starts there."""
        doc = self.doc
        described = self._described_title(i, words_only=False)
        if described is None or (ending_at is not None and described[2] - 1 != ending_at):
            return False
        country, i, j, title = described
        agent_type = title.agent_type
        source = "appositive" if country else None
        if j < len(doc) and doc[j].lower_ in ("for", "of", "at", "with", "to"):
            stop = j + 1
            while stop < len(doc) and doc[stop].text not in {",", ".", ";", "\n\n"} and doc[stop].pos_ != "VERB":
                stop += 1
            group = doc[j + 1 : stop]
            country = country or self._country_in(group)
            source = source or ("appositive" if country else None)
            if agent_type is None:
                agent_type = _org_type(group, self.lex)
        self._apply_role(draft, title, doc[i:j].text, country, source, None, agent_type)
        draft.add(self.mention(doc[i:j], "title"), i)
        return True

    def _described_title(
        self, i: int, words_only: bool, reach: int | None = None
    ) -> tuple[str | None, int, int, Title] | None:
        """Modifiers and nationality words from ``i`` (at most ``reach`` of them), then a
        title: "new US president", "Ukrainian leader". Returns the country the words name,
        where the title starts and ends, and the title."""
        doc, country, first = self.doc, None, i
        while i < len(doc) and (reach is None or i - first < reach):
            named = self.gaz.country_of_token(doc[i])
            if doc[i].lower_ not in _MODIFIERS and not named:
                break
            country = country or named
            i += 1
        found = self._title_starting_at(i, words_only)
        if found is None:
            return None
        size, title = found
        return country, i, i + size, title

    def _apply_role(
        self, draft: _Draft, title: Title, role_text: str, country: str | None, source: str | None,
        possessor: _Draft | None, agent_type: str | None = None,
    ) -> None:  # fmt: skip
        actor = draft.actor
        if title.agent_type == "=":
            draft.relational = True
            draft.possessor = possessor or draft.possessor
            actor.role = actor.role or role_text
            return
        if actor.role is None or (actor.rank == "leader" and title.rank != "leader"):
            actor.role, actor.rank = role_text, title.rank
        actor.agent_type = actor.agent_type or agent_type or title.agent_type
        if country and actor.country is None:
            actor.country, actor.country_source = country, source
        if possessor is not None and possessor is not draft:
            draft.possessor = possessor


def _org_key(name: str, lex: Lexicon) -> str:
    """ "the Ahmadiya community" and "Ahmadiyas" are one group."""
    words = normalise(name).split()
    if words and words[0] == "the":
        words = words[1:]
    if len(words) > 1 and words[-1] in lex.group_nouns:
        words = words[:-1]
    key = " ".join(words)
    return key[:-1] if key.endswith("s") and len(key) > 3 else key


def _org_type(span: Span, lex: Lexicon) -> str | None:
    words = [t.text for t in span]
    if any(w in lex.religions for w in words):
        return "REL"
    lowered = " " + " ".join(w.lower() for w in words) + " "
    for word, agent_type in lex.org_types:
        if f" {word} " in lowered:
            return agent_type
    return None


def _assign_code(actor: Actor) -> None:
    if actor.code:
        return
    if actor.kind == "country":
        actor.code = actor.country
        return
    code = (actor.country or "") + (actor.agent_type or "")
    actor.code = code or None
