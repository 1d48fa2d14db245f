"""The dictionary of well-known figures (extract/data/leaders.tsv) fills what the text leaves unsaid."""

from __future__ import annotations

from dateline import process_text
from dateline.extract.lexicon import lexicon
from dateline.nlp.gazetteer import gazetteer
from dateline.resources import data_rows

FILLER = (
    "Officials from both countries met on Monday evening to discuss trade for the third time this year.\n"
    "Reporters filled the hall and several delegations were heard before the talks closed for the night.\n"
)


def actors_of(body: str) -> dict[str, tuple]:
    doc = process_text("World news\n\nTrade talks resume in Paris\n\nTrade talks resume in Paris\n\n" + FILLER + body)
    return {a.name: (a.country, a.agent_type, a.code, a.country_source) for a in doc.articles[0].actors}


def test_a_leader_named_without_title_or_country():
    found = actors_of("Vladimir Putin and Jacques Chirac met in Paris, and Putin later flew home.\n")
    assert found["Vladimir Putin"] == ("RUS", "GOV", "RUSGOV", "dictionary")
    assert found["Jacques Chirac"] == ("FRA", "GOV", "FRAGOV", "dictionary")


def test_an_international_officer_codes_as_the_body():
    found = actors_of("Kofi Annan urged both sides to return to the table.\n")
    assert found["Kofi Annan"][2] == "IGOUNO"


def test_the_text_wins_over_the_dictionary():
    found = actors_of("Canadian farmer Vladimir Putin, 54, said the harvest was poor this year.\n")
    assert found["Vladimir Putin"][:2] == ("CAN", "AGR")


def test_a_common_surname_alone_is_nobody_in_particular():
    found = actors_of("Johnson said the shop would stay open through the winter months.\n")
    assert all(value[0] is None for value in found.values())


def test_a_regnal_name_alone_is_nobody_in_particular():
    # "Mohammed VI" is found by his number or title; the bare name is borne by millions.
    found = actors_of("Scholars said the prophet Mohammed was born in Mecca, and King Mohammed VI visited.\n")
    assert found["Mohammed"][0] is None
    assert lexicon().leader(None, "Mohammed") is None
    assert lexicon().leader("King Mohammed VI", "VI").country == "MAR"


def test_leader_rows_are_consistent():
    codes = {row[1] for row in data_rows("dateline.cameo.data", "organisations.tsv")}
    countries = set(gazetteer().countries)
    names = []
    for row in data_rows("dateline.extract.data", "leaders.tsv"):
        names_cell, country, agent_type = row[0], row[1], row[2]
        assert country in countries or country in codes, row
        assert agent_type in lexicon().agent_types, row
        names.extend(names_cell.split("|"))
    assert len(names) == len(set(names)), "a name listed twice"


def test_a_known_body_before_a_title_owns_the_person():
    found = actors_of("NATO spokesman Jamie Dale and Kremlin spokesman Ivan Petrov traded accusations on Monday.\n")
    assert found["Jamie Dale"][2] == "IGOWSTNAT"
    assert found["Ivan Petrov"][2] == "RUSGOV"
