"""Places named in an article, resolved to geonames entries with coordinates.

Ambiguous names are settled by the article's own countries first ("Moscow" next to
"Idaho" is not Russia's), then by population.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from ..model import Actor, Place
from ..nlp.gazetteer import City, Gazetteer, gazetteer, normalise
from ..nlp.text import ArticleText
from ..nlp.tokens import indices_of
from .actors import COMPASS_WORDS, name_of_someone

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Below this population a town matched only by one of its alternate names needs the
# article to name its country.
_ALTERNATE_NAME_POPULATION = 100_000


def extract_places(doc: Doc, text: ArticleText, dateline: list[str], actors: list[Actor]) -> list[Place]:
    gaz = gazetteer()
    ents = doc.ents  # built anew on each read
    countries = {a.country for a in actors if a.kind == "country" and a.country}
    # Nationalities name a country too ("Nigerian schoolgirls … in Borno state").
    countries |= {gaz.country_of_word(ent.text) for ent in ents if ent.label_ == "NORP"} - {None}
    states = {_us_state_code(ent.text) for ent in ents} - {None}
    places: list[Place] = []
    for name in dateline:
        places.append(_resolve(Place(name, None, None, "dateline"), gaz, countries, states))
    for ent in ents:
        if ent.label_ not in _PLACE_LABELS or ent.text in COMPASS_WORDS:
            continue  # "the North" is a side of a country, not North, Utah
        start = text.to_document(ent.start_char)
        place = _resolve(Place(ent.text, start, start + len(ent.text), "text"), gaz, countries, states)
        if place.geonameid is not None or place.feature == "state":
            places.append(place)
    return places


def article_country(dateline: list[str]) -> str | None:
    """The country an article is filed from: its first resolvable dateline place."""
    gaz = gazetteer()
    for name in dateline:
        place = _resolve(Place(name, None, None, "dateline"), gaz, set(), set())
        if place.country:
            return place.country
    return None


def home_country(dateline: list[str], doc: Doc) -> tuple[str | None, str]:
    """The country an article is set in, by what it names most ("setting"). The dateline says
    where the story was filed, not whose story it is (a Cairo dateline on a Tunisia story, a
    London one on Sudan's), so it gives no actor a country; it only breaks a tie."""
    country = setting_country(doc, article_country(dateline))
    return country, "setting"


def actors_country(actors: list[Actor], places: list[Place]) -> str | None:
    """Where an article that names no country is set, by whom and where it names: "President
    Joe Biden" and Malibu make a story American. The country most of its people,
    organisations and cities have, if no other has as many; None otherwise."""
    counts: Counter[str] = Counter(
        a.country for a in actors if a.kind != "country" and a.country and a.country_source != "setting"
    )
    counts.update(p.country for p in places if p.source == "text" and p.feature == "city" and p.country)
    return _most_named(counts)


def setting_country(doc: Doc, tie_breaker: str | None = None) -> str | None:
    """The country an article without a dateline is set in: the one it names most often
    (by name, people, nationality or capital), if no other is named as often. "Vice-President Moody
    Awori ... the Kenya Anti-Corruption Commission" is Kenyan; a story naming two countries
    equally has no one home."""
    gaz = gazetteer()
    ents = doc.ents  # built anew on each read
    counts: Counter[str] = Counter()
    covered: set[int] = set()
    for ent in ents:  # names of more than one word: "Ivory Coast", "the United States"
        iso3 = (gaz.country_of_word(ent.text) or gaz.country_of_subdivision(ent.text)) if len(ent) > 1 else None
        if iso3:
            counts[iso3] += 1
            covered.update(range(ent.start, ent.end))
    people = {ent.text for ent in ents if ent.label_ == "PERSON"}
    for ent in ents:  # "Chad Morris", "Jordan Peterson": a name is no country
        if ent.label_ in ("PERSON", "ORG", "WORK_OF_ART", "FAC") and not gaz.country_of_name(ent.text):
            covered.update(range(ent.start, ent.end))
        named = name_of_someone(doc, ent, people)
        if named is not None:
            covered.update(range(named.start, named.end))
    for ent in ents:  # "Missouri", "New York": a state is its country
        if ent.label_ == "GPE" and _us_state_code(ent.text) and not covered.intersection(range(ent.start, ent.end)):
            counts["USA"] += 1
            covered.update(range(ent.start, ent.end))
    for i in indices_of(doc, gaz.country_words):
        if i in covered:
            continue
        token = doc[i]
        iso3 = gaz.country_of_word(token.text) or _capital_country(doc, token, gaz)
        if iso3:
            counts[iso3] += 1
    return _most_named(counts, tie_breaker)


def _most_named(counts: Counter[str], tie_breaker: str | None = None) -> str | None:
    """The country counted most, if no other is counted as often (then the tie breaker, if it
    is one of the two)."""
    top = counts.most_common(2)
    if not top:
        return None
    if len(top) > 1 and top[0][1] == top[1][1]:
        return tie_breaker if tie_breaker in (top[0][0], top[1][0]) else None
    return top[0][0]


def _capital_country(doc: Doc, token: Token, gaz: Gazetteer) -> str | None:
    """ "Ankara" is Turkey, but "Moscow, Idaho" is no capital: a place name followed by its
    state or country is that other place."""
    iso3 = gaz.country_of_capital(token.text)
    if iso3 is None or token.i + 2 >= len(doc) or doc[token.i + 1].text != ",":
        return iso3
    after = doc[token.i + 2]
    after_name = next((e.text for e in doc.ents if e.start == after.i), after.text)
    named = "USA" if _us_state_code(after_name) else gaz.country_of_name(after_name)
    return None if named and named != iso3 else iso3


def _resolve(place: Place, gaz: Gazetteer, countries: set[str], states: set[str]) -> Place:
    iso3 = gaz.country_of_name(place.name)
    if iso3 and iso3 in gaz.countries:
        country = gaz.countries[iso3]
        capital = _pick(gaz.city_candidates(country.capital), {iso3}, set(), gaz)
        place.geonameid, place.resolved_name, place.feature, place.country = (
            country.geonameid,
            country.name,
            "country",
            iso3,
        )
        if capital is not None:  # a country is placed at its capital on the map
            place.latitude, place.longitude = capital.latitude, capital.longitude
        return place
    city = _pick(gaz.city_candidates(place.name), countries, states, gaz)
    if city is not None and _far_fetched(city, place.name, countries, gaz):
        city = None
    if _us_state_code(place.name) and (city is None or city.iso2 != "US"):
        # a US state's name is the state ("Montana", not a Bulgarian town); the city of that
        # name stays where it is American ("Washington", "New York"); a state has no point
        place.geonameid, place.resolved_name, place.feature = gaz.us_state_ids[place.name], place.name, "state"
        place.country = "USA"
        return place
    subdivision = gaz.country_of_subdivision(place.name)
    if subdivision is not None and city is None:
        # another country's state or province ("New South Wales", "British Columbia"): no point
        place.resolved_name, place.feature, place.country = place.name, "state", subdivision
        return place
    if city is not None:
        place.geonameid, place.resolved_name, place.feature = city.geonameid, city.name, "city"
        place.country, place.latitude, place.longitude = gaz.iso3(city.iso2), city.latitude, city.longitude
        place.population = city.population
    return place


def _pick(candidates: list[City], countries: set[str], states: set[str], gaz: Gazetteer) -> City | None:
    if not candidates:
        return None
    in_state = [c for c in candidates if c.iso2 == "US" and c.admin1 in states]
    if in_state:
        return in_state[0]
    in_countries = [c for c in candidates if gaz.iso3(c.iso2) in countries]
    return (in_countries or candidates)[0]  # candidates are sorted by population


def _far_fetched(city: City, name: str, countries: set[str], gaz: Gazetteer) -> bool:
    """ "Borno" (a Nigerian state) is also an old name of Borna, a German town: a small town
    known by that name only as an alternate, outside every country the article names, is
    a guess worse than none."""
    alternate = normalise(city.name) != normalise(name)
    return (
        alternate
        and city.population < _ALTERNATE_NAME_POPULATION
        and bool(countries)
        and (gaz.iso3(city.iso2) not in countries)
    )


def _us_state_code(name: str) -> str | None:
    return gazetteer().us_states.get(name)
