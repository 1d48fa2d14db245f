"""Actors: names, honorifics and descriptions resolved to one person each."""

from __future__ import annotations

import pytest

from dateline import process_article


def _people(text: str) -> dict[str, list[str]]:
    article = process_article(text, headline=False).articles[0]
    return {a.name: [m.text for m in a.mentions] for a in article.actors if a.kind == "person"}


def test_an_honorific_and_a_surname_are_the_person_named_in_full():
    people = _people(
        "Prime Minister Margaret Ellison of Britain spoke on Monday.\n\n"
        "Mr Ellison later met the cabinet. Dr Ellison, as critics call her, left early."
    )
    assert list(people) == ["Margaret Ellison"], people
    assert "Dr Ellison" in people["Margaret Ellison"]


def test_sir_before_a_full_name_is_no_part_of_it():
    people = _people("Sir John Hayes, a former minister, spoke to the BBC. John Hayes said later he was pleased.")
    assert list(people) == ["John Hayes"], people


def test_a_title_goes_to_the_one_who_holds_it_not_the_nearest_name():
    people = _people(
        "Prime Minister Rishi Sunak of Britain is under pressure.\n\n"
        "Robert Jenrick, a former immigration minister, was among the critics.\n\n"
        "On Friday the prime minister insisted the plan was working."
    )
    assert "the prime minister" in people["Rishi Sunak"], people
    assert "the prime minister" not in people["Robert Jenrick"], people


def test_a_description_goes_to_a_person_known_for_the_office_or_stays_a_description():
    # the actor dictionary knows Sunak as prime minister, though the text gives no title
    people = _people(
        "Rishi Sunak is under pressure.\n\nRobert Jenrick, a former immigration minister, was among the critics."
        "\n\nOn Friday the prime minister insisted the plan was working."
    )
    assert "the prime minister" in people["Rishi Sunak"], people
    # nobody named is a judge: "the judge" is not the prosecutor named last, nor the accused
    people = _people(
        "The county's deputy prosecuting attorney, Ruth Calder, filed the request on Thursday, days after "
        "the judge rejected Tom Varga's attempts to dismiss the case."
    )
    assert all("the judge" not in mentions for mentions in people.values()), people


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("North Korea fired two missiles on Monday. South Korea said the North also shelled an island.", "shelled"),
        # only its counterpart named: "the North" is still North Korea
        ("South Korea said the North had fired artillery near the border island.", "fired"),
    ],
)
def test_the_north_in_a_korea_story_is_north_korea(text, cue):
    article = process_article(text, headline=False).articles[0]
    north = next(a for a in article.actors if a.code == "PRK")
    assert "North" in [m.text for m in north.mentions]
    assert all(p.name != "North" for p in article.places)  # no North, Utah
    acts = [e for e in article.events if e.cue.text == cue]
    assert acts and acts[0].source.code == "PRK", acts


def test_a_name_that_mixes_letters_and_digits_is_no_person():
    people = _people("But with Y2K pretty much over, according to Maria Lopez, a designer, it is time to look back.")
    assert "Y2K" not in people and "Maria Lopez" in people, people


def test_a_pronoun_with_an_aside_is_still_the_pronoun():
    text = (
        "Headline\n\nThe designer Maria Lopez spoke in Milan on Monday. “Silk is back,” says she "
        "(and seemingly everyone else on Instagram)."
    )
    article = process_article(text).articles[0]
    quote = next(q for q in article.quotes if "Silk is back" in q.content.text)
    assert article.actors[quote.speaker_actor].name == "Maria Lopez"


def test_she_is_never_a_man_the_article_calls_he():
    text = (
        "Headline\n\nDarren Larvin runs a cheese company in Wiltshire. He said the deal was dying. Maria Lopez, "
        "a Toronto importer, agreed. “It didn’t need to happen,” she said. Larvin said he would keep shipping. "
        "“We will find a way,” she said."
    )
    article = process_article(text).articles[0]
    speakers = {q.content.text.strip("“”,"): q.speaker_actor for q in article.quotes if q.kind == "direct"}
    names = {k: article.actors[v].name if v is not None else None for k, v in speakers.items()}
    assert names["It didn’t need to happen"] == "Maria Lopez", names
    assert names["We will find a way"] != "Larvin", names  # she: not the man in focus


def test_a_nationality_leading_into_a_company_name_is_its_country():
    text = "German carmaker Halvorsen Motors said on Monday it would build a plant in Hungary."
    article = process_article(text, headline=False).articles[0]
    company = next(a for a in article.actors if a.name == "Halvorsen Motors")
    assert company.country == "DEU", company
    # the nationality must lead straight into the name: a comma breaks it
    text = "In Germany, carmaker Halvorsen Motors said on Monday it would build a plant in Hungary."
    article = process_article(text, headline=False).articles[0]
    company = next(a for a in article.actors if a.name == "Halvorsen Motors")
    assert company.country is None, company


def test_the_body_named_bare_is_the_one_of_its_kind_named_before():
    text = (
        "The Biden administration is considering new tariffs on Chinese cars, a newspaper reported on Thursday. "
        "The administration has kept tariffs on $300 billion of Chinese goods and is now considering more."
    )
    article = process_article(text, headline=False).articles[0]
    considered = [e for e in article.events if e.cue.text == "considering" and e.source.text == "The administration"]
    assert considered and all(e.source.code == "USAGOV" for e in considered), considered


@pytest.mark.parametrize(
    ("name", "then", "mentions"),
    [
        ("Jada", "quickly cleared up the rumour", ["Jada Lind", "Jada"]),
        ("Sydney", "hosted the ceremony", ["Sydney Lind"]),  # a city of millions stays the city
    ],
)
def test_a_first_name_tagged_as_a_place_is_the_person_of_that_name_unless_a_known_place(name, then, mentions):
    people = _people(f"Unluckily for fans who thought that Tom Berg was hinting that he and {name} Lind were open, "
                     f"{name} {then}.")  # fmt: skip
    assert people[f"{name} Lind"] == mentions, people


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # a relative named once does not take the surname from the story's subject
        ("Ryan Minor, the infielder who replaced Cal Ripken, died on Friday. Ryan Minor played for Baltimore for three"
         " seasons. Ryan Minor later managed in the minor leagues. His twin brother, Damon Minor, posted a tribute."
         " Minor said in 1998 that he had no idea when he was coming to the park.", "Ryan Minor"),
        # two people of one surname named as often: the one named last is meant
        ("Hillary Clinton spoke in Denver on Monday. Bill Clinton spoke in Reno on Tuesday. Clinton said the crowd"
         " was the largest of the week.", "Bill Clinton"),
    ],
)
def test_a_bare_surname_shared_by_two_people(text, who):
    article = process_article(text, headline=False).articles[0]
    bare = [a.name for a in article.actors for m in a.mentions if m.text in ("Minor", "Clinton")]
    assert bare == [who], [(a.name, [m.text for m in a.mentions]) for a in article.actors]
