"""Which events are listed by default: asserted acts with a coded source (extract/event_checks.py)."""

from __future__ import annotations

import pytest

from dateline.api import process_article


def _events(sentence: str):
    return [e for e in process_article(sentence, headline=False).articles[0].events if e.entry != "Q010"]


@pytest.mark.parametrize(
    ("sentence", "code", "reason"),
    [
        ("Police tried to arrest the protest leader.", "173", "not asserted"),
        ("Kenyan police allegedly beat three Somali refugees.", "182", "not asserted"),
        ("Kenya accused Uganda of attacking its border post.", "180", "not asserted"),
        ("Kenya claimed that Ugandan troops attacked its border post.", "180", "not asserted"),
        ("The army will attack the rebels in Kenya.", "138", "future"),
        ("A car bomb killed 12 people in Mombasa on Monday.", "180", "no source"),
        ("“Kenyan troops attacked the rebel base,” the commander said.", "180", "in a quote"),
        # what an agreement is for has not happened yet
        ("Kenya reached an agreement with Uganda to release the prisoners.", "0841", "not asserted"),
    ],
)
def test_acts_that_are_not_asserted_or_have_no_coded_source_are_kept_but_not_listed(sentence, code, reason):
    found = [e for e in _events(sentence) if e.code == code]
    assert found, [(e.code, e.entry) for e in _events(sentence)]
    assert not found[0].listed and found[0].unlisted_because == reason


@pytest.mark.parametrize(
    ("sentence", "code", "source"),
    [
        ("Kenyan police arrested the protest leader in Nairobi.", "173", "KENCOP"),
        ("Uganda was the first country to recognize South Sudan.", "054", "UGA"),  # what the first one did
        ("The Kenyan army said it would attack the rebels.", "138", "KENMIL"),  # a stated intention
        ("The Kenyan government said Ugandan troops attacked its border post.", "180", "UGAMIL"),  # reported fact
    ],
)
def test_asserted_acts_with_a_coded_source_are_listed(sentence, code, source):
    found = [e for e in _events(sentence) if e.code == code]
    assert found and found[0].listed and found[0].source.code == source


def test_a_bare_statement_is_stored_but_not_listed():
    events = process_article("The Kenyan government said the talks with Uganda went well.", headline=False)
    statements = [e for e in events.articles[0].events if e.entry == "Q010"]
    assert statements and all(not e.listed and e.unlisted_because == "statement" for e in statements)


def test_a_name_is_no_country_of_the_story():
    # "Chad" in a person's name made every uncoded actor of a St. Louis story Chadian.
    text = (
        "Police in St. Louis arrested Chad Morris on Monday.\n\nChad Morris was released on Tuesday. "
        "Chad Morris said he would sue the police."
    )
    article = process_article(text, headline=False).articles[0]
    assert all(not (a.country or "").startswith("TCD") for a in article.actors)
    assert all(not ((e.source and e.source.code) or "").startswith("TCD") for e in article.events)


@pytest.mark.parametrize(
    ("sentence", "code", "reason"),
    [
        # An infinitive of purpose names the aim, not an act done.
        ("Norway worked for months to negotiate a truce between Chile and Peru.", "046", "not asserted"),
        # Talking to reporters attributes what follows; the press is no party.
        ("The Kenyan foreign minister spoke to reporters in Nairobi on Monday.", "040", "to the press"),
        # An event noun under a verb that does not carry it out.
        ("Ghana's opposition recalled the war against Togo on Monday.", "190", "a noun"),
        # A statement about no one, and a policy only weighed.
        ("The Kenyan interior minister admitted on Monday that mistakes had been made.", "015", "about no one"),
        ("The Kenyan government is considering higher tariffs on Ugandan sugar.", "014", "about no one"),
    ],
)
def test_aims_press_briefings_and_mentioned_acts_are_not_listed(sentence, code, reason):
    found = [e for e in _events(sentence) if e.code == code]
    assert found, [(e.code, e.entry) for e in _events(sentence)]
    assert not found[0].listed and found[0].unlisted_because == reason


def test_a_clause_with_its_own_subject_is_asserted_under_a_purpose():
    text = "Kenya's president met Somali leaders to seek a truce, as the Ugandan army attacked the rebels in Somalia."
    found = [e for e in _events(text) if e.root == "18"]
    assert found and found[0].listed, [(e.code, e.unlisted_because) for e in _events(text)]


def test_a_fact_someone_reports_is_listed():
    found = [e for e in _events("Kenya said that Ugandan troops attacked its border post.") if e.code == "180"]
    assert found and found[0].listed, found


def test_acts_in_an_article_where_no_political_actor_acts_are_not_listed():
    # a film page: people join a cast and visit a studio; no CAMEO actor is in play
    found = _events("The actor Tom Varga joined the cast of the series. Varga visited the studio in Leeds.")
    assert found and all(e.unlisted_because == "no political actor" for e in found), found
    # once a country acts in the article, its other acts are listed as before
    found = _events("Kenya shelled the border post on Monday. Varga visited the studio in Leeds.")
    assert [e.listed for e in found] == [True, True], [(e.code, e.unlisted_because) for e in found]
