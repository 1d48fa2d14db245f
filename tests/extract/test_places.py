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


def test_a_us_states_name_is_the_state_unless_an_american_city_has_it():
    article = process_article("The air force cleaned up missile sites in Montana.", headline=False).articles[0]
    (montana,) = [p for p in article.places if p.name == "Montana"]  # not the Bulgarian town
    assert (montana.country, montana.feature, montana.latitude) == ("USA", "state", None)
    assert places_of("Officials in Washington said the talks had failed.").get("Washington") == "USA"


def test_a_country_word_in_a_us_states_name_is_no_country():
    article = process_article("The New Mexico Environment Department expressed concern on Monday.", headline=False)
    assert [a.code for a in article.articles[0].actors] == ["USAGOV"]  # not Mexico's
    article = process_article("New Jersey Gov. Phil Murphy opened the new hub on Monday.", headline=False)
    assert [a.code for a in article.articles[0].actors if a.kind == "person"] == ["USAGOV"]  # not Jersey's


def test_another_countrys_state_of_several_words_is_that_country_not_the_word_inside_it():
    article = process_article("The New South Wales government said the road was closed.", headline=False)
    (state,) = article.articles[0].places
    assert (state.name, state.country, state.feature) == ("New South Wales", "AUS", "state")  # not Wales
    assert [e.source.code for e in article.articles[0].events] == ["AUSGOV"]
    assert places_of("Police in British Columbia closed the highway.").get("British Columbia") == "CAN"


def test_a_capital_followed_by_its_state_is_no_capital():
    from dateline.extract.places import setting_country
    from dateline.nlp.pipeline import load_nlp

    nlp = load_nlp()
    text = "Prosecutors in Moscow, Idaho, filed a motion on Monday. The Moscow trial begins in June in Idaho."
    assert setting_country(nlp(text)) == "USA"
    assert setting_country(nlp("Officials in Moscow met on Monday to discuss the budget.")) == "RUS"


def test_a_story_that_names_no_country_is_set_where_its_people_and_cities_are():
    text = (
        "Deputies were called to the home in Malibu on Wednesday.\n\n"
        "President Joe Biden spoke on Thursday.\n\n"
        "Kaylee Weston told reporters she was afraid."
    )
    article = process_article(text, headline=False).articles[0]
    assert article.home[0] is None  # no country named: no setting
    from dateline.extract.places import actors_country

    assert actors_country(article.actors, article.places) == "USA"
