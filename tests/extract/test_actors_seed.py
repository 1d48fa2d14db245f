"""Golden test for actors, places and tone on the seed (../shared/seeds)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from dateline import process_text


@pytest.fixture(scope="module")
def seed(request):
    from tests.conftest import SEED, need_shared

    path = need_shared(SEED)
    return process_text(path.read_bytes(), crawl_time=datetime(2025, 11, 15, 12, tzinfo=UTC))


def actor(article, name):
    found = [a for a in article.actors if a.name == name]
    assert len(found) == 1, f"{name}: {[a.name for a in article.actors]}"
    return found[0]


def test_trump(seed):
    a = seed.articles[0]
    trump = actor(a, "Donald Trump")
    assert (trump.country, trump.agent_type, trump.code) == ("USA", "GOV", "USAGOV")
    assert len(trump.mentions) >= 17
    texts = [seed.text[m.start : m.end] for m in trump.mentions]
    assert texts == [m.text for m in trump.mentions]  # offsets point at the words
    headline = a.headline
    assert any(headline.start <= m.start < headline.end for m in trump.mentions)
    assert any(seed.text[m.end : m.end + 2] == "’s" for m in trump.mentions)  # "Trump’s"
    assert "the new US president" in texts


@pytest.mark.parametrize(
    ("name", "country", "agent_type", "role"),
    [
        ("Vladimir Putin", "RUS", "GOV", "President"),
        ("Volodymyr Zelensky", "UKR", "GOV", "President"),
        ("Pete Hegseth", "USA", "GOV", "Defense Secretary"),
        ("Scott Bessent", "USA", "GOV", "Treasury Secretary"),
        ("Jean-Noel Barrot", "FRA", "GOV", "Foreign Minister"),
        ("Joe Biden", "USA", "GOV", None),
    ],
)
def test_people_of_article_one(seed, name, country, agent_type, role):
    person = actor(seed.articles[0], name)
    assert (person.country, person.agent_type) == (country, agent_type)
    if role:
        assert person.role == role


def test_descriptions_link_to_people(seed):
    zelensky = actor(seed.articles[0], "Volodymyr Zelensky")
    assert "the Ukrainian leader" in [m.text for m in zelensky.mentions]


def test_organisations_of_article_one(seed):
    a = seed.articles[0]
    assert actor(a, "NATO").agent_type == "IGO"
    assert actor(a, "Kremlin").code == "RUSGOV"
    assert actor(a, "Zelensky’s office").code == "UKRGOV"


@pytest.mark.parametrize(
    ("name", "country", "agent_type", "role"),
    [
        ("Sheikh Hasina", "BGD", "GOV", "former prime minister"),
        ("Ahmad Tabshir Choudhury", "BGD", "REL", "spokesman"),
        ("Mohammad Mamun Sheikh", "BGD", "CVL", "protester"),
    ],
)
def test_people_of_article_two(seed, name, country, agent_type, role):
    person = actor(seed.articles[1], name)
    assert (person.country, person.agent_type, person.role) == (country, agent_type, role)


def test_agency_is_a_media_actor(seed):
    assert actor(seed.articles[1], "AFP").agent_type == "MED"


@pytest.mark.parametrize(
    ("article", "name", "country"),
    [(1, "Dhaka", "BGD"), (0, "Kyiv", "UKR"), (0, "Moscow", "RUS"), (0, "Washington", "USA"), (0, "Brussels", "BEL")],
)
def test_places_have_coordinates_in_the_right_country(seed, article, name, country):
    places = [p for p in seed.articles[article].places if p.name == name]
    assert places, [p.name for p in seed.articles[article].places]
    for place in places:
        assert place.country == country and place.feature == "city"
        assert place.geonameid and place.latitude is not None and place.longitude is not None


def test_moscow_in_idaho_when_the_text_says_so():
    text = (
        "Local news\n\nFarm show opens in Moscow\n\nFarm show opens in Moscow\n\n"
        "MOSCOW: The annual farm show opened in Moscow, Idaho, on Friday with more than 200 exhibitors.\n"
        "Organisers said visitors came from across Idaho and from neighbouring Washington state.\n"
        "The show runs until Sunday at the county fairgrounds, the organisers said.\n"
    )
    places = process_text(text).articles[0].places
    moscow = [p for p in places if p.name == "Moscow"]
    assert moscow and all(p.country == "USA" for p in moscow)


def test_tone_per_article_and_paragraph(seed):
    for article in seed.articles:
        assert len(article.block_tones) == len(article.blocks)
        assert -1 <= article.tone <= 1
    rally = seed.articles[1]
    assert min(rally.block_tones) < 0  # "persecuted", "Mob attacks"
