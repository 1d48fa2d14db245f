"""Places: ambiguous names settled by the article's own countries."""

from __future__ import annotations

from dateline import process_article


def places_of(text: str) -> dict[str, str | None]:
    article = process_article(text, headline=False).articles[0]
    return {p.name: p.country for p in article.places}


def test_a_small_town_known_by_an_alternate_name_is_no_match_outside_the_articles_countries():
    # "Borno" is also an old name of Borna, a German town of 19,000.
    assert places_of("Gunmen abducted 30 Nigerian schoolgirls in Borno state.").get("Borno") != "DEU"


def test_a_city_in_a_country_the_article_names_is_kept():
    assert places_of("Kenyan police arrested ten people in Mombasa on Monday.").get("Mombasa") == "KEN"


def test_a_large_city_by_its_alternate_name_is_kept():
    assert places_of("Russian officials met Ukrainian negotiators in Kiev on Monday.").get("Kiev") == "UKR"
