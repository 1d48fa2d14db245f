"""Quotations: the seed golden test and robustness on texts written for the tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from dateline import process_text
from dateline.api import process_article


@pytest.fixture(scope="module")
def seed():
    from tests.conftest import SEED, need_shared

    return process_text(need_shared(SEED).read_bytes(), crawl_time=datetime(2025, 11, 15, 12, tzinfo=UTC))


def find(article, fragment):
    found = [q for q in article.quotes if fragment in q.content.text]
    assert found, f"no quote with {fragment!r}: {[q.content.text[:40] for q in article.quotes]}"
    return found[0]


def speaker(article, quote):
    return article.actors[quote.speaker_actor].name if quote.speaker_actor is not None else None


@pytest.mark.parametrize(
    ("fragment", "name", "medium"),
    [
        ("agreed to have our respective teams start negotiations immediately", "Donald Trump", None),
        ("The conversation went very well. He, like President Putin, wants to make PEACE.", "Donald Trump", None),
        ("I had a meaningful conversation with @POTUS", "Volodymyr Zelensky", "X"),
        ("We want, like you, a sovereign and prosperous Ukraine", "Pete Hegseth", None),
        ("Chasing this illusionary goal", "Pete Hegseth", None),
        ("The United States does not believe that NATO membership", "Pete Hegseth", None),
        ("If Ukraine is not in NATO", "Volodymyr Zelensky", "The Economist"),
        ("And for all this, we need weapons and money", "Volodymyr Zelensky", "The Economist"),
        ("Ahmadiyas hold a completely different view", "Mohammad Mamun Sheikh", "AFP"),
        ("They can live in our country", "Mohammad Mamun Sheikh", None),
        ("Religion is being used as a political tool", "Ahmad Tabshir Choudhury", "AFP"),
        ("We will not give in", "Ahmad Tabshir Choudhury", None),
    ],
)
def test_seed_speakers(seed, fragment, name, medium):
    article = next(a for a in seed.articles if any(fragment in q.content.text for q in a.quotes))
    quote = find(article, fragment)
    assert speaker(article, quote) == name
    assert seed.text[quote.content.start : quote.content.end] == quote.content.text
    if medium:
        assert quote.medium == medium


def test_direct_quotes_are_direct(seed):
    a = seed.articles[0]
    q = find(a, "I had a meaningful conversation")
    assert q.kind == "direct" and q.cue_lemma == "write"
    assert q.content.text.startswith("“") and q.content.text.endswith("”")


def test_partial_quote(seed):
    q = find(seed.articles[0], "security shield")
    assert q.kind == "partial"
    assert speaker(seed.articles[0], q) == "Scott Bessent"


@pytest.mark.parametrize(
    ("fragment", "code"),
    [("Trump and Zelensky had spoken by phone", "UKRGOV"), ("Putin’s call with Trump lasted", "RUSGOV"),
     ("Putin and Trump had agreed to meet", "RUSGOV")],
)  # fmt: skip
def test_organisations_speak_indirectly(seed, fragment, code):
    a = seed.articles[0]
    q = find(a, fragment)
    assert q.kind == "indirect"
    assert a.actors[q.speaker_actor].code == code
    assert "while the Kremlin said" not in q.content.text


def test_joint_statement(seed):
    a = seed.articles[0]
    q = find(a, "fate must not be decided without")
    assert q.speaker.text == "France, Germany and Spain"


@pytest.mark.parametrize(
    ("fragment", "written", "named"),
    [("Ahmadiyas must be declared kafirs", "that", "T-shirts"), ("legislation against the sect", "A banner", None)],
)
def test_texts_on_objects_are_unnamed_not_people(seed, fragment, written, named):
    q = find(seed.articles[1], fragment)
    assert q.speaker_actor is None
    assert q.unnamed == "object"
    # "T-shirts that read: …": the speaker as written is the relative word, standing for its noun
    assert q.speaker.text == written
    assert (q.speaker_refers.text if q.speaker_refers else None) == named


ARTICLE = "Local news\n\nCouncil debates port plan\n\nCouncil debates port plan\n\n{body}"


def quotes_of(body: str):
    doc = process_text(ARTICLE.format(body=body))
    assert doc.articles, "the test text must make an article"
    article = doc.articles[0]
    return article, [(q.kind, speaker(article, q), q.content.text, q.flags) for q in article.quotes]


FILLER = (
    "The council met on Monday evening to discuss the port plan for the third time this year.\n"
    "Members of the public filled the gallery and several speakers were heard before the vote.\n"
)


def test_no_quotes_at_all():
    _, quotes = quotes_of(FILLER + "The plan will be put to a vote next month after a public consultation.\n")
    assert quotes == []


def test_odd_number_of_quotation_marks_does_not_crash_and_is_flagged():
    body = FILLER + "Mayor Anna Berg said: “The port will create jobs. We will not wait another year.\n"
    body += "Councillor John Reyes said the plan was “too expensive” and “rushed.\n"
    _, quotes = quotes_of(body)
    berg = [q for q in quotes if q[1] == "Anna Berg"]
    assert berg and any("unbalanced" in f for q in berg for f in q[3])


def test_a_mark_never_closed_is_not_taken_for_an_outer_quote():
    # one closer ahead: it closes the second quote, the first stays unclosed (not a quote nested in it)
    _, quotes = quotes_of(FILLER + "Mayor Anna Berg said: “The port will stay. “Nobody will close it,” she said.\n")
    assert any(q[0] == "direct" and "Nobody will close it,”" in q[2] for q in quotes), quotes


def test_straight_quotes_guillemets_and_dash():
    body = FILLER + '"We have waited long enough," Mayor Anna Berg said.\n'
    body += "«The harbour belongs to everyone,» said Councillor John Reyes.\n"
    body += "“Nobody asked the fishermen.” — Maria Lopes\n"
    body += "The council will hold a second meeting on the plan before the end of the month, officials said.\n"
    _, quotes = quotes_of(body)
    speakers = {q[1] for q in quotes if q[0] == "direct"}
    assert {"Anna Berg", "John Reyes", "Maria Lopes"} <= speakers


def test_nested_quotes():
    body = FILLER + "“When I hear people say ‘the port is finished’, I disagree,” Mayor Anna Berg said.\n"
    _, quotes = quotes_of(body)
    top = [q for q in quotes if not any(f.startswith("nested") for f in q[3])]
    assert [(q[0], q[1]) for q in top] == [("direct", "Anna Berg")]
    assert "‘the port is finished’" in top[0][2]


@pytest.mark.parametrize(
    ("line", "content"),
    [
        # a closing mark typed where the quote opens (reader comments, forum posts)
        (
            "”The port is our future and nobody will take it away.” ― Maria Lopes\n",
            "”The port is our future and nobody will take it away.”",
        ),
        # the same marks inside the quote: the inner pair must not end the outer one
        (
            "“I would rather live in what he calls “ruin” than see the port closed.” ― Maria Lopes\n",
            "“I would rather live in what he calls “ruin” than see the port closed.”",
        ),
    ],
)
def test_dash_attribution_with_irregular_marks(line, content):
    _, quotes = quotes_of(FILLER + line)  # the quote is the last paragraph
    assert ("direct", "Maria Lopes", content, []) in quotes, quotes


def test_opening_mark_typed_as_closer_ends_the_quote():
    body = FILLER + "“We will not give up the port“, Mayor Anna Berg said after the vote.\n"
    _, quotes = quotes_of(body)
    assert quotes == [("direct", "Anna Berg", "“We will not give up the port“", [])]


def test_quote_running_over_several_paragraphs():
    body = FILLER + "Mayor Anna Berg told the meeting: “The port has served this city for two centuries.\n"
    body += "“It will serve it for two more if we invest now. That is my promise to you.”\n"
    body += "The vote is expected next month, officials said.\n"
    _, quotes = quotes_of(body)
    direct = [q for q in quotes if q[0] == "direct"]
    assert len(direct) == 1 and direct[0][1] == "Anna Berg", direct  # one quote, a part per paragraph
    assert not direct[0][3]  # continued, not unbalanced
    (_, parts, _), *_ = [p for p in parts_of(body) if p[0] == "Anna Berg"]
    assert [part[:12] for part in parts] == ["“The port ha", "“It will ser"]


def test_quote_after_its_attribution_sentence():
    body = FILLER + "Mayor Anna Berg spoke to the Harbour Herald on Monday. “We are ready to build.”\n"
    _, quotes = quotes_of(body)
    assert ("direct", "Anna Berg") in [(q[0], q[1]) for q in quotes]


def test_a_five_thousand_word_quote():
    long = " ".join(["the harbour must be rebuilt before the winter storms arrive"] * 500)
    body = FILLER + f"Mayor Anna Berg said: “{long}.”\n"
    _, quotes = quotes_of(body)
    direct = [q for q in quotes if q[0] == "direct"]
    assert len(direct) == 1 and direct[0][1] == "Anna Berg"
    assert len(direct[0][2].split()) >= 5000


def test_reporting_verbs_are_listed_once():
    from dateline.resources import data_rows

    lemmas = [row[0] for row in data_rows("dateline.extract.data", "reporting_verbs.tsv")]
    assert len(lemmas) == len(set(lemmas)), "a lemma listed twice: only its last class would count"


def test_speaker_with_a_party_label_and_an_apposition():
    body = FILLER + "“Subpoenas are not optional,” Councillor John Reyes (Green-North) said after the vote.\n"
    body += "“They would not get a deal,” Mayor Anna Berg, a former harbour pilot, said in a phone interview.\n"
    _, quotes = quotes_of(body)
    assert ("direct", "John Reyes") in [(q[0], q[1]) for q in quotes]
    assert ("direct", "Anna Berg") in [(q[0], q[1]) for q in quotes]


def test_a_persons_lawyers_or_defense_speak_for_themselves_not_as_the_person():
    body = FILLER + (
        "Tom Varga was charged with fraud in March.\n"
        "Varga's defense wrote in a filing that the harbour accounts had been audited twice.\n"
    )
    article, _ = quotes_of(body)
    (quote,) = [q for q in article.quotes if "audited" in q.content.text]
    assert quote.speaker.text == "Varga's defense" and quote.speaker_actor is None


def test_what_follows_the_verb_is_what_was_said():
    body = FILLER + (
        "The inquiry set off another round of rows on Friday: councillors said they are increasingly "
        "convinced the harbour board mishandled the tender.\n"
    )
    _, quotes = quotes_of(body)
    said = [q for q in quotes if "convinced" in q[2] or "inquiry" in q[2]]
    assert said and all("inquiry" not in q[2] for q in said)


def speakers_of(body: str, fragment: str) -> tuple[list, list]:
    """Speakers of the quotes whose content holds ``fragment``, and every quote (for messages)."""
    _, quotes = quotes_of(body)
    return [q[1] for q in quotes if fragment in q[2]], quotes


def parts_of(body: str):
    doc = process_text(ARTICLE.format(body=body))
    article = doc.articles[0]
    return [
        (speaker(article, q), [doc.text[p.start : p.end] for p in q.stretches()], q.content.text)
        for q in article.quotes
        if q.kind == "direct"
    ]


@pytest.mark.parametrize(
    "line",
    [
        "“The port will create jobs,” Mayor Anna Berg said, “and it will bring the ferries back.”",
        "“The port will create jobs,” Mayor Anna Berg said. “And it will bring the ferries back.”",
        # a speech verb inside the attribution's own clause does not attribute the second part
        "“The port will create jobs,” Mayor Anna Berg wrote in a statement explaining why she is speaking at the"
        " meeting, “and it will bring the ferries back.”",
    ],
)
def test_a_quote_split_around_its_attribution_is_one_quote(line):
    quotes = parts_of(FILLER + line + "\n")
    assert len(quotes) == 1, quotes
    name, parts, content = quotes[0]
    assert name == "Anna Berg"
    assert parts == ["“The port will create jobs,”", line[line.index("“", 5) :]]
    assert content == line  # the extent, attribution inside, for highlighting


def test_a_quote_going_on_in_the_next_paragraph_after_its_attribution_is_one_quote():
    body = FILLER + "“The port will create jobs,” Mayor Anna Berg told NRK.\n“And it will bring the ferries back.”\n"
    body += "“Nobody asked the fishermen,” Councillor John Reyes said.\nThe vote is next month.\n"
    quotes = parts_of(body)
    assert [(q[0], q[1]) for q in quotes] == [
        ("Anna Berg", ["“The port will create jobs,”", "“And it will bring the ferries back.”"]),
        ("John Reyes", ["“Nobody asked the fishermen,”"]),
    ], quotes


def test_speech_reported_in_the_attribution_between_two_parts_is_kept():
    line = "“The port will create jobs,” Mayor Anna Berg said, adding that the levy would be cut. “It is fair.”"
    body = FILLER + line + "\n"
    article, _ = quotes_of(body)
    found = [(speaker(article, q), q.kind, q.content.text) for q in article.quotes]
    assert ("Anna Berg", "indirect", "that the levy would be cut") in found, found
    assert [len(q.stretches()) for q in article.quotes if q.kind == "direct"] == [2], found


def test_reported_words_and_a_quote_split_around_one_attribution_are_one_quote():
    body = FILLER + "Mayor Anna Berg spoke about the harbour tax on Monday.\n"
    body += "The plan means “we must be doing something right,” she says, “but I do not know if it will pass.”\n"
    article, _ = quotes_of(body)
    said = [q for q in article.quotes if q.cue_lemma == "say"]
    assert [(q.kind, speaker(article, q), len(q.stretches())) for q in said] == [("mixed", "Anna Berg", 2)]
    assert said[0].stretches()[1].text == "“but I do not know if it will pass.”"


def test_a_second_attribution_starts_a_second_quote():
    body = FILLER + "“The port will create jobs,” Mayor Anna Berg said. The vote is next month.\n"
    body += "“Nobody asked the fishermen,” Councillor John Reyes said. “They will lose most of their moorings.”\n"
    quotes = parts_of(body)
    assert [(q[0], len(q[1])) for q in quotes] == [("Anna Berg", 1), ("John Reyes", 2)]


def test_speech_reported_inside_a_quote_belongs_to_that_quote():
    body = FILLER + "Mayor Anna Berg said Councillor John Reyes believes the harbour tender was rigged.\n"
    body += "“John Reyes told me the ferries will stop,” Councillor Maria Lopes said after the vote.\n"
    _, quotes = quotes_of(body)
    assert [q[1] for q in quotes] == ["Anna Berg", "Maria Lopes"]
    assert "John Reyes believes" in quotes[0][2]


def test_an_attribution_the_parser_set_apart_after_a_question():
    body = FILLER + "Councillor John Reyes spoke first about the budget for the harbour works.\n"
    body += "“How many more winters must the fishermen wait?” Mayor Anna Berg said. “The harbour is unsafe.”\n"
    assert [(q[0], len(q[1])) for q in parts_of(body)] == [("Anna Berg", 2)]


@pytest.mark.parametrize(
    "attribution",
    [
        # "of the delay" is what the question was about, not a second thing said
        "Mayor Anna Berg said of the delay on Monday, when the ministry asked the council to postpone the works "
        "until the next budget was agreed.",
        "Anna Berg, a retired skipper from the northern harbour, said angrily into the microphone.",
    ],
)
def test_a_long_sentence_set_apart_after_a_question_still_opens_with_its_attribution(attribution):
    body = FILLER + "Councillor John Reyes spoke first about the budget for the harbour works.\n"
    body += f"“How many more winters must the fishermen wait?” {attribution}\n"
    _, quotes = quotes_of(body)
    question = "“How many more winters must the fishermen wait?”"
    said = [(q[0], q[1], q[2]) for q in quotes if q[1] == "Anna Berg" or "winters" in q[2]]
    assert said == [("direct", "Anna Berg", question)], quotes


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("Mayor Anna Berg dismissed the report of the harbour board.", "the report of the harbour board"),
        ("Mayor Anna Berg spoke about the cost of dredging the harbour.", "the cost of dredging the harbour"),
    ],
)
def test_what_a_communication_verb_names_is_what_was_said(line, said):
    _, quotes = quotes_of(FILLER + line + "\n")
    assert ("indirect", "Anna Berg", said) in [(q[0], q[1], q[2]) for q in quotes], quotes


def test_a_named_actors_stated_intention_is_reported_stance():
    _, quotes = quotes_of(FILLER + "Mayor Anna Berg refused to sign the harbour contract before the audit.\n")
    assert ("indirect", "Anna Berg") in [(q[0], q[1]) for q in quotes]


@pytest.mark.parametrize("mark", ['"', ""], ids=["quoted", "unquoted"])
def test_a_transcript_turn_belongs_to_its_speaker_label(mark):
    body = FILLER + "Mayor Anna Berg was interviewed on the local radio station on Tuesday.\n"
    body += mark + "HOST: Will the harbour be dredged this year? The fishermen say they cannot wait.\n"
    body += mark + "BERG: We will start in the spring. The money is there and the contract is signed.\n"
    _, quotes = quotes_of(body)
    berg = [q for q in quotes if q[2].startswith("We will start in the spring")]
    assert berg and berg[0][1] == "Anna Berg" and berg[0][0] == "direct", quotes
    assert not any(q[2].startswith("BERG") or q[2].startswith('"BERG') for q in quotes)


def test_a_horizontal_bar_names_the_speaker_after_the_quote():
    body = FILLER + "“The harbour has been neglected for a decade.” ― Maria Lopes\n"
    body += "The council will hold a second meeting on the plan before the end of the month, officials said.\n"
    _, quotes = quotes_of(body)
    assert ("direct", "Maria Lopes") in [(q[0], q[1]) for q in quotes], quotes


def test_a_quoted_programme_title_is_nobodys_words():
    body = FILLER + "Mayor Anna Berg said on Radio Harbour’s “Morning Tide,” that the plan was sound.\n"
    _, quotes = quotes_of(body)
    assert not any(q[2].startswith("“Morning Tide") for q in quotes), quotes


def test_verbs_of_exclaiming_and_supporting_report_speech():
    _, quotes = quotes_of(FILLER + "“This is a great day for the harbour,” Mayor Anna Berg exclaimed.\n")
    assert ("direct", "Anna Berg") in [(q[0], q[1]) for q in quotes], quotes
    _, quotes = quotes_of(FILLER + "Mayor Anna Berg supported the dredging plan of the harbour board.\n")
    assert ("indirect", "Anna Berg", "the dredging plan of the harbour board") in [q[:3] for q in quotes], quotes


@pytest.mark.parametrize(
    ("line", "content"),
    [
        (
            "Mayor Anna Berg exhorted the fishermen to “vote with your conscience” at the meeting.",
            "to “vote with your conscience” at the meeting",
        ),
        (
            "Mayor Anna Berg groused that the ministry “never listens to the harbour towns.”",
            "that the ministry “never listens to the harbour towns.”",
        ),
    ],
)
def test_verbs_of_speaking_in_a_manner_report_speech(line, content):
    _, quotes = quotes_of(FILLER + line + "\n")
    assert ("mixed", "Anna Berg", content) in [q[:3] for q in quotes], quotes


def test_a_curly_quote_closed_by_a_straight_mark():
    body = FILLER + '“We are going to make the harbour work for everyone," Mayor Anna Berg said.\n'
    _, quotes = quotes_of(body)
    assert [(q[0], q[1], q[3]) for q in quotes] == [("direct", "Anna Berg", [])], quotes


def test_two_character_quotation_marks_of_archive_text():
    body = FILLER + "''The port is finished,'' Councillor John Reyes said. ''We need a new one.''\n"
    body += "Mayor Anna Berg said the plan was ``a good start'' for the town.\n"
    _, quotes = quotes_of(body)
    assert ("direct", "John Reyes") in [(q[0], q[1]) for q in quotes], quotes
    assert ("partial", "Anna Berg") in [(q[0], q[1]) for q in quotes] or ("mixed", "Anna Berg") in [
        (q[0], q[1]) for q in quotes
    ], quotes


def test_a_long_apposition_between_quote_and_speech_verb():
    body = FILLER + (
        "“The harbour will be busy again by the summer,” the engineer Maria Lopes, a former adviser to the "
        "regional port authority in the north, wrote on her blog.\n"
    )
    _, quotes = quotes_of(body)
    assert ("direct", "Maria Lopes") in [(q[0], q[1]) for q in quotes], quotes


def test_a_vote_or_focus_reports_what_its_preposition_names():
    _, quotes = quotes_of(FILLER + "Councillor John Reyes will vote for the new harbour plan on Friday.\n")
    assert ("indirect", "John Reyes", "the new harbour plan") in [q[:3] for q in quotes], quotes
    _, quotes = quotes_of(FILLER + "Mayor Anna Berg focused on the cost of dredging the harbour.\n")
    assert ("indirect", "Anna Berg", "the cost of dredging the harbour") in [q[:3] for q in quotes], quotes


def test_a_stance_taken_with_a_light_verb_reports_what_it_is_about():
    _, quotes = quotes_of(FILLER + "Mayor Anna Berg made the case for a new harbour wall on Monday.\n")
    assert ("indirect", "Anna Berg", "a new harbour wall") in [q[:3] for q in quotes], quotes
    _, quotes = quotes_of(FILLER + "Harbour police launched an attack on the smugglers' boat at night.\n")
    assert quotes == [], "a raid is no speech"


def test_quoted_words_are_never_their_own_speaker():
    body = FILLER + "“The harbour plan is in trouble. Deep trouble,” said Councillor John Reyes.\n"
    _, quotes = quotes_of(body)
    assert [(q[0], q[1]) for q in quotes] == [("direct", "John Reyes")], quotes


def test_a_verb_of_seeing_reports_nothing_without_its_view():
    _, quotes = quotes_of(FILLER + "Mayor Anna Berg saw the new ferry at the harbour on Monday.\n")
    assert quotes == [], quotes


@pytest.mark.parametrize(
    ("lines", "fragment"),
    [
        # Quoted words inside a sentence about someone are that someone's.
        ("Councillor John Reyes thanked the fishermen for “keeping the harbour alive all these years.”\n",
         "keeping the harbour alive"),
        # A paragraph ending in a colon introduces the quote below it.
        ("Councillor John Reyes released the following statement:\n“The harbour board has failed the fishermen, "
         "and it must now answer to the council for its plan.”\n", "has failed the fishermen"),
        # So does a speech verb before its subject.
        ("Councillor John Reyes was there too.\nStated Reyes:\n“I think that the stakes are so high for the "
         "harbour and for the fishermen there.”\n", "the stakes are so high"),
    ],
)  # fmt: skip
def test_the_speaker_of_a_quote_without_its_own_attribution(lines, fragment):
    speakers, quotes = speakers_of(FILLER + "“The port will create jobs,” Mayor Anna Berg said.\n" + lines, fragment)
    assert speakers[:1] == ["John Reyes"], quotes


@pytest.mark.parametrize(
    "line",
    [
        "At one point the crowd reprised the chant “Open the port now, open it today!” that rang through the hall.\n",
        "Later the fishermen cheered “a harbour for everyone and a quay for all” on the quay.\n",
        "Later the fishermen cheered “a harbour for everyone, a berth for every boat and a fair price for "
        "every catch that is landed here” on the quay.\n",
    ],
)
def test_a_few_quoted_words_inside_a_later_sentence_are_not_the_last_speakers(line):
    _, quotes = quotes_of(FILLER + "“The port will create jobs,” Mayor Anna Berg said.\n" + line)
    chant = [q[1] for q in quotes if "harbour for everyone" in q[2] or "port now" in q[2]]
    assert chant and "Anna Berg" not in chant, quotes


def test_quoted_words_followed_by_the_writers_own_are_not_the_last_speakers():
    body = FILLER + "Mayor Anna Berg spoke to the crowd outside the hall for an hour.\n"
    body += "“We want the harbour open all year round for every boat in the fleet.” The banners outside the hall were "
    body += "taken down after the vote.\n"
    _, quotes = quotes_of(body)
    assert [q[1] for q in quotes if "every boat" in q[2]] == [None], quotes


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        # a relative clause on the quoted words: the words ring, no one speaks
        ("The crowd loudly reprised the chant “Open the port! Open the port!” that ricocheted through the hall.",
         "Open the port"),
        # "That said," is the writer's idiom, no attribution
        ("The harbour plan failed. That said, “we will build the quay next year after the floods.”", "build the quay"),
    ],
)  # fmt: skip
def test_words_that_look_like_an_attribution_but_are_not_one(line, fragment):
    article, _ = quotes_of(FILLER + line + "\n")
    quote = [q for q in article.quotes if fragment in q.content.text]
    assert [(q.cue_lemma, q.speaker) for q in quote] == [(None, None)]


def test_thanking_someone_alone_reports_nothing():
    _, quotes = quotes_of(FILLER + "Mayor Anna Berg thanked the fishermen at the harbour on Monday.\n")
    assert quotes == [], quotes


def test_a_day_is_no_topic_of_speech():
    _, quotes = quotes_of(FILLER + "Mayor Anna Berg spoke on Saturday at the harbour.\n")
    assert not any(q[2] == "Saturday" for q in quotes), quotes


def test_a_poll_before_a_colon_is_the_source_of_what_follows():

    article = process_article("Poll: Harbour plan loses support among fishermen\n\n" + FILLER).articles[0]
    found = [q for q in article.quotes if q.content.text.startswith("Harbour plan loses support")]
    assert found and found[0].speaker.text == "Poll", [(q.speaker, q.content.text) for q in article.quotes]


def test_someone_quoted_within_a_quote_does_not_speak_the_next_quote():
    body = (
        FILLER
        + "Mayor Anna Berg spoke at the harbour.\n"
        + (
            '"That speech went beyond the harbour. It went beyond the moment," said Maria Lopes, the interim '
            "chairwoman of the Harbour Board. "
            "\"That was the mayor essentially saying, 'Don't leave it on the field.'\"\n"
        )
    )
    _, quotes = quotes_of(body)
    assert [q[1] for q in quotes if q[0] == "direct"] == ["Maria Lopes"], quotes


def test_an_unattributed_quote_far_from_the_last_speaker_is_nobodys():
    body = FILLER + "“The port will create jobs,” Mayor Anna Berg said.\n"
    body += "The harbour was built in 1890 and has been dredged twice since the war.\n"
    body += "Fishing boats have used the eastern quay for most of the last century.\n"
    body += "“Nobody has asked the fishermen what they want from the new harbour.”\n"
    speakers, quotes = speakers_of(body, "Nobody has asked")
    assert speakers == [None], quotes


def test_what_someones_call_asks_for_is_reported():
    _, quotes = quotes_of(FILLER + "Other councillors joined Mayor Anna Berg's call for a new harbour wall.\n")
    assert ("indirect", "Anna Berg", "a new harbour wall") in [q[:3] for q in quotes], quotes


def test_a_titled_name_before_a_colon_in_a_headline_is_its_source():

    article = process_article("Dr. Anna Berg: The harbour plan is dead\n\n" + FILLER).articles[0]
    found = [q for q in article.quotes if q.content.text.startswith("The harbour plan is dead")]
    assert found and found[0].speaker.text == "Dr. Anna Berg", [(q.speaker, q.content.text) for q in article.quotes]


@pytest.mark.parametrize(
    "line",
    [
        # The speaker is the subject of the clause the reporting verb hangs from.
        "Mayor Anna Berg began her speech by saying that the harbour would be dredged in spring.",
        "Mayor Anna Berg is more likely to say that the harbour will be dredged in spring.",
        "Mayor Anna Berg stirred controversy with an assertion that the harbour would be sold.",
        # the one taking the moment, not the moment
        "Mayor Anna Berg took a moment to point out that the harbour would be dredged in spring.",
        "Mayor Anna Berg has a rare chance to show that the harbour will be dredged in spring.",
    ],
)
def test_a_speaker_found_through_the_clause_the_verb_hangs_from(line):
    _, quotes = quotes_of(FILLER + line + "\n")
    found = [q for q in quotes if "the harbour will" in q[2] or "the harbour would" in q[2]]
    assert found and found[0][1] == "Anna Berg", quotes


def test_editors_notes_and_tallies_are_nobodys_words():
    body = FILLER + "CORRECTION: An earlier version of this article misstated the date of the vote.\n"
    body += "Councillor John Reyes: 1,769.\n"
    _, quotes = quotes_of(body)
    assert quotes == [], quotes


def test_a_dateline_or_quoted_title_is_never_the_speaker():
    line = (
        "HARBOURTOWN -- Mayor Anna Berg, dedicating the National Museum of Harbour History on Saturday, said it "
        "would tell a local story, one of ''suffering and delight.''"
    )
    _, quotes = quotes_of(FILLER + line + "\n")
    assert [q[1] for q in quotes if "it would tell a local story" in q[2]] == ["Anna Berg"], quotes


@pytest.mark.parametrize(
    ("line", "said"),
    [
        # A "for … to" clause after "call", a "that" clause the parser hung on the audience,
        # and what someone is told to do.
        ("Mayor Anna Berg is calling for the port authority to dredge the harbour.", "the port authority to dredge"),
        ("Mayor Anna Berg told a meeting of harbour workers that the port would stay open.", "that the port"),
        ("Mayor Anna Berg told her advisers to find the money for the dredging.", "to find the money for the dredging"),
        # "hoping" is lemmatised "hop" by the small model; the lemma fix makes it a thought verb again.
        ("Mayor Anna Berg is hoping that the ferries will return in the spring.", "that the ferries will return"),
        ("Mayor Anna Berg sees the dredging plan as a chance for the fishermen.", "the dredging plan as a chance"),
        ("Mayor Anna Berg likened the harbour board to a private club.", "the harbour board to a private club"),
        ("Mayor Anna Berg is seeking to delay the vote on the harbour plan.", "to delay the vote"),
        ("Mayor Anna Berg thanked the fishermen for their patience during the works.", "the fishermen for their"),
        ("Mayor Anna Berg encouraged the fishermen to apply for the new moorings.", "to apply for the new moorings"),
        ("Mayor Anna Berg accused the harbour board of hiding the dredging costs.", "the harbour board of hiding"),
        ("Mayor Anna Berg called for reducing the harbour fees by half.", "reducing the harbour fees"),
        # verbs of communication whose object is what was said
        ("Mayor Anna Berg voiced strong doubts about the dredging plan.", "strong doubts about the dredging"),
        ("Mayor Anna Berg listed the harbour fees among the reasons for the deficit.", "the harbour fees"),
        ("Mayor Anna Berg laid out a plan to reopen the ferry terminal.", "a plan to reopen the ferry"),
        ("Mayor Anna Berg issued a warning to the harbour board about the costs.", "a warning to the harbour"),
        ("Mayor Anna Berg tweeted a photo of the flooded harbour.", "a photo of the flooded harbour"),
        # decisions and memories
        ("Mayor Anna Berg decided to run for a second term.", "to run for a second term"),
        ("Mayor Anna Berg remembered that the harbour had flooded in 1990.", "that the harbour had flooded"),
        ("Mayor Anna Berg is considering a second term at the harbour office.", "a second term"),
    ],
)
def test_stances_report_what_they_name(line, said):
    _, quotes = quotes_of(FILLER + line + "\n")
    assert any(q[1] == "Anna Berg" and q[2].startswith(said) for q in quotes), quotes


@pytest.mark.parametrize(
    ("line", "said", "who"),
    [
        (
            "The dredging will cost twice the estimate, as the Harbour Herald reported on Monday.",
            "The dredging will cost twice the estimate",
            "the Harbour Herald",
        ),
        (
            "As the Harbour Herald reported, the dredging will cost twice the estimate.",
            "the dredging will cost twice the estimate",
            "the Harbour Herald",
        ),
        (
            "Mayor Anna Berg made it clear that the harbour would stay open.",
            "that the harbour would stay open",
            "Mayor Anna Berg",
        ),
        (
            "In the Harbour Herald poll, Anna Berg led John Reyes by ten points.",
            "Anna Berg led John Reyes by ten",
            "the Harbour Herald poll",
        ),
        (
            "As Maria Lopes, a harbour engineer, recently put it, the dredging plan is a mess.",
            "the dredging plan is a mess",
            "Maria Lopes",
        ),
        # "claims" tagged a noun by the parser: its subject still owns it
        ("But Trump claims that he should be the exception to the harbour rules.", "that he should be", "Trump"),
        ("Mayor Anna Berg made comments about the dredging costs.", "the dredging costs", "Mayor Anna Berg"),
        # words that stand for words said elsewhere
        (
            "Councillor John Reyes said the harbour was silting up. Mayor Anna Berg said the same thing.",
            "the same thing",
            "Mayor Anna Berg",
        ),
        # a thought of the writer (or of the one answering in a Q&A) is a stance, too
        ("I think the dredging will cost twice the estimate.", "the dredging will cost twice", "I"),
        # words before a closing attribution that the parse left unhung on its verb
        (
            "Those who do take on heavy harbour debt struggle, even with a good job, he said.",
            "Those who do take on heavy harbour debt struggle, even with a good job",
            "he",
        ),
        (
            "Those who do take on heavy debt struggle, even with a good job, Mayor Anna Berg said.",
            "Those who do take on heavy debt struggle, even with a good job",
            "Mayor Anna Berg",
        ),
    ],
)
def test_attribution_around_its_clause(line, said, who):
    article, _ = quotes_of(FILLER + line + "\n")
    found = [(q.content.text, q.speaker.text if q.speaker else None) for q in article.quotes]
    assert any(said in content and speaker == who for content, speaker in found), found


@pytest.mark.parametrize(
    "line",
    [
        "But when the council cut funding for the ferry program two years later, Denmark said enough.",
        "The ferries stopped running after the storm, which added to the delays.",
    ],
)
def test_a_closing_attribution_with_something_said_or_a_relative_subject_is_not_one(line):
    article, _ = quotes_of(FILLER + line + "\n")
    assert not [q.content.text for q in article.quotes if q.content.text.startswith(("But when", "The ferries"))]


def test_headline_source_before_a_colon_when_the_parse_splits_there():
    # The parser makes "Reuters:" a sentence of its own here; the claim is the sentence after it.
    headline = "Reuters: Trump adviser routed Danish money to harbour lobbyists"
    doc = process_text(f"Local news\n\n{headline}\n\n{headline}\n\n{FILLER}")
    quotes = [(q.content.text, q.speaker.text if q.speaker else None) for q in doc.articles[0].quotes]
    assert ("Trump adviser routed Danish money to harbour lobbyists", "Reuters") in quotes, quotes


def test_an_attribution_before_a_quote_is_not_the_quote_of_the_next_verb():
    line = (
        "In her speech, Mayor Anna Berg declared the need for patience: “Build the port and when you have "
        "done that, build it again,” she said."
    )
    _, quotes = quotes_of(FILLER + line + "\n")
    assert ("direct", "Anna Berg", "“Build the port and when you have done that, build it again,”", []) in quotes
    assert any(q[2] == "the need for patience" for q in quotes), quotes


def test_as_someone_put_it_before_a_quote():
    _, quotes = quotes_of(FILLER + "As Mayor Anna Berg put it, “Did anyone ask the fishermen?”\n")
    assert ("direct", "Anna Berg", "“Did anyone ask the fishermen?”", []) in quotes, quotes


def test_a_quote_carried_over_names_its_speaker_by_the_nearest_mention():
    body = FILLER + (
        "Mayor Anna Berg said the port would stay open. The fishermen cheered Berg at the harbour on Monday. "
        "“We will not sell it.”\n"
    )
    doc = process_text(ARTICLE.format(body=body))
    article = doc.articles[0]
    quote = next(q for q in article.quotes if q.kind == "direct")
    assert speaker(article, quote) == "Anna Berg"
    assert doc.text[quote.speaker.start : quote.speaker.end + 15] == "Berg at the harbour"


@pytest.mark.parametrize(
    ("line", "speaks"),
    [
        # the subject of a passive reporting verb is the one asked or expected, not the speaker
        ("Mayor Anna Berg was asked whether the harbour would close.", False),
        ("Mayor Anna Berg is expected to announce the harbour plan on Friday.", False),
        # … except that someone quoted is the speaker
        ("Mayor Anna Berg was quoted as saying the harbour would stay open.", True),
    ],
)
def test_passive_reporting_verbs(line, speaks):
    _, quotes = quotes_of(FILLER + line + "\n")
    assert any(q[1] == "Anna Berg" for q in quotes) == speaks, quotes


def test_of_two_subjects_the_one_nearer_the_verb_speaks():
    line = (
        "Washington (AFP) – Democrat Anna Berg has taken a swipe at Republican rival John Reyes’s stance on "
        "Brexit, saying that “bombastic comments” do more harm than good during such times."
    )
    _, quotes = quotes_of(FILLER + line + "\n")
    assert quotes and all(q[1] == "Anna Berg" for q in quotes), quotes


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # however long the attribution sentence
        (
            "“The harbour needs dredging,” said Maria Lopes, an engineer who has worked on the port of the regional "
            "authority for more than twenty years. “Without it the ferries cannot dock at low tide.”\n",
            "Maria Lopes",
        ),
        # with reported speech inside its words ("I think …")
        (
            "“The harbour plan may work if the board gets its money,” Councillor John Reyes said. “But when you are "
            "campaigning for mayor, this is one reason the plan is hurting with fishermen. Fishermen overwhelmingly "
            "believe that the harbour is silting up, and when they hear a candidate say it is a hoax, I think that "
            "is a barrier to growing the vote.”\n",
            "John Reyes",
        ),
        # in the two-character marks of archive text
        (
            "''This is no reform,'' said Councillor John Reyes, an engineer who served as director of the port and is "
            "now president of the Harbour Forum, a local group. ''It is anti-reform. It adds even more complexity.''\n",
            "John Reyes",
        ),
    ],
)
def test_a_quote_goes_on_after_its_attribution(text, speaker):
    quotes = parts_of(FILLER + text)
    assert [(q[0], len(q[1])) for q in quotes] == [(speaker, 2)], quotes


@pytest.mark.parametrize(
    ("line", "said", "source"),
    [
        (
            "The dredging will cost twice the estimate, according to the Harbour Herald.",
            "The dredging will cost twice the estimate",
            "the Harbour Herald",
        ),
        (
            "According to the Harbour Herald, the dredging will cost twice the estimate.",
            "the dredging will cost twice the estimate",
            "the Harbour Herald",
        ),
        # the sentence parsed as an apposition of the source ("reeks" taken for a noun)
        (
            "According to veteran radio host Ken Marlow, the move reeks of panic and desperation.",
            "the move reeks of panic and desperation",
            "veteran radio host Ken Marlow",
        ),
        # "show insiders" parsed as a verb and its object
        (
            "The mayor hid the audit for months, according to show insiders.",
            "The mayor hid the audit for months",
            "show insiders",
        ),
        # the phrase's own preposition after its source is no part of what was said
        (
            "The operator blamed a shortage of crews for the delay, according to the company's statement to the"
            " Harbour Herald on Monday.",
            "The operator blamed a shortage of crews for the delay",
            "the company's statement",
        ),
        # two dashes around an aside are no break between clauses
        (
            "Some 2,000 residents — nearly a third of the island's people — have left the island, according to"
            " the harbour authority.",
            "Some 2,000 residents — nearly a third of the island's people — have left the island",
            "the harbour authority",
        ),
    ],
)
def test_according_to_reports_the_clause_without_itself(line, said, source):
    article, _ = quotes_of(FILLER + line + "\n")
    found = [(q.content.text, q.speaker.text) for q in article.quotes if q.cue_lemma == "according to"]
    assert found == [(said, source)], found


def test_spoken_topics_and_maintained_claims_are_still_reported():
    _, quotes = quotes_of(
        FILLER + "Mayor Anna Berg spoke on the need for dredging. Councillor John Reyes maintained that the harbour"
        " was safe. Maria Lopes talked about the phone call with the minister.\n"
    )
    said = [q[2] for q in quotes]
    assert any(s.startswith("the need for dredging") for s in said), quotes
    assert any(s.startswith("that the harbour was safe") for s in said), quotes
    assert any(s.startswith("the phone call with the minister") for s in said), quotes


def test_words_after_an_unnamed_speakers_attribution_are_still_theirs():
    # "one user" names no actor, so it cannot be carried over by name; Mayor Anna Berg,
    # the last named speaker, must not get the second sentence.
    article, _ = quotes_of(
        FILLER + "Mayor Anna Berg said the harbour plan was a “bold step.”\n"
        "“It's great fun watching the council argue,” one user wrote. “This is their democracy.”\n"
    )
    found = [(q.speaker.text, [p.text for p in q.stretches()]) for q in article.quotes if "democracy" in q.content.text]
    assert found and found[0][0] == "one user", found
    assert len(found[0][1]) == 2, found


def test_who_after_a_predicate_noun_is_the_subject_described():
    _, quotes = quotes_of(
        FILLER + "Mayor Anna Berg opened the meeting and is a fierce critic of dredging who has repeatedly pledged"
        " to close the harbour.\n"
    )
    assert [(q[1], q[2]) for q in quotes] == [("Anna Berg", "to close the harbour")], quotes


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("Mayor Anna Berg has found ways to keep the harbour open.", None),
        ("Councillor John Reyes found himself in a muddy battle over the harbour.", None),
        ("A 2014 harbour study found 31 cases of illegal dumping.", "31 cases of illegal dumping"),
        ("The inquiry found that the harbour master had ignored the warnings.", "that the harbour master had ignored"),
    ],
)
def test_what_polls_and_studies_find_is_reported_what_people_find_is_not(line, said):
    _, quotes = quotes_of(FILLER + line + "\n")
    if said is None:
        assert quotes == [], quotes
    else:
        assert any(q[2].startswith(said) for q in quotes), quotes


@pytest.mark.parametrize(
    ("line", "said", "who"),
    [
        ("The dredging plan was first reported by the Harbour Herald.", "The dredging plan", "the Harbour Herald"),
        ("The harbour levy was rejected by the fishermen's union.", "The harbour levy", "the fishermen's union"),
    ],
)
def test_a_passive_reporting_verb_reports_its_subject_by_its_agent(line, said, who):
    article, _ = quotes_of(FILLER + line + "\n")
    found = [(q.content.text, q.speaker.text) for q in article.quotes if q.speaker is not None]
    assert (said, who) in found, found


def test_a_that_clause_the_parser_hangs_as_an_adverbial_is_still_what_was_said():
    # The small English model sometimes parses "X tweeted in the early hours that Y was …" with
    # "that" as an adverb and the clause as an adverbial (advcl).
    words = ["Reyes", "tweeted", "in", "the", "early", "hours", "that", "Berg", "was", "reckless", "."]
    heads = [1, 1, 1, 5, 5, 2, 8, 8, 1, 8, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "amod", "pobj", "advmod", "nsubj", "advcl", "acomp", "punct"]
    pos = ["PROPN", "VERB", "ADP", "DET", "ADJ", "NOUN", "PRON", "PROPN", "AUX", "ADJ", "PUNCT"]
    lemmas = ["Reyes", "tweet", "in", "the", "early", "hour", "that", "Berg", "be", "reckless", "."]
    quotes = _parsed(words, heads, deps, pos, lemmas)
    assert [(q.speaker.text, q.content.text) for q in quotes] == [("Reyes", "that Berg was reckless")], quotes


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("Mayor Anna Berg has no illusions about the cost of dredging.", "the cost of dredging"),
        ("Councillor John Reyes raised concerns about the harbour levy.", "the harbour levy"),
        ("Maria Lopes has serious doubts about the dredging plan.", "the dredging plan"),
        ("Mayor Anna Berg has a question for the fishermen.", None),
        # offering or giving words is saying them
        ("Councillor John Reyes offered no proof that the levy was illegal.", "no proof that the levy was illegal"),
        ("Mayor Anna Berg gave her assessment of the dredging plan.", "her assessment of the dredging plan"),
        ("The harbour board offers loans to fishermen.", None),
        ("Mayor Anna Berg gave money to the fishermen's fund.", None),
    ],
)
def test_what_is_held_or_given_is_said_when_it_names_words(line, said):
    _, quotes = quotes_of(FILLER + line + "\n")
    if said is None:
        assert quotes == [], quotes
    else:
        assert any(q[2] == said for q in quotes), quotes


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str], lemmas: list[str],
            ents: list[str] | None = None, tags: list[str] | None = None):  # fmt: skip
    """Quotes of a sentence with the parse (and entities, IOB) given by hand: shapes the model
    gives only on some sentences."""
    from spacy.tokens import Doc

    from dateline.extract.quotes import extract_quotes
    from dateline.model import Span
    from dateline.nlp.pipeline import load_nlp
    from dateline.nlp.text import ArticleText

    spaces = [words[i + 1] not in (",", ".") for i in range(len(words) - 1)] + [False]
    doc = Doc(load_nlp().vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
              sent_starts=[True] + [False] * (len(words) - 1), ents=ents, tags=tags)  # fmt: skip
    return extract_quotes(doc, ArticleText(doc.text, [0], [Span(doc.text, 0, len(doc.text))], doc.text), [])


def test_the_subject_of_a_long_chain_of_participles_speaks():
    # "Berg spoke, treating it lightly and later trying to end it, insisting that the harbour is
    # safe": insisting -> end -> trying -> treating -> spoke, four steps up to the subject.
    words = ["Berg", "spoke", ",", "treating", "it", "lightly", "and", "later", "trying", "to", "end", "it", ",",
             "insisting", "that", "the", "harbour", "is", "safe", "."]  # fmt: skip
    heads = [1, 1, 1, 1, 3, 3, 3, 8, 3, 10, 8, 10, 10, 10, 17, 16, 17, 13, 17, 1]
    deps = ["nsubj", "ROOT", "punct", "advcl", "dobj", "advmod", "cc", "advmod", "conj", "aux", "xcomp", "dobj",
            "punct", "advcl", "mark", "det", "nsubj", "ccomp", "acomp", "punct"]  # fmt: skip
    pos = ["PROPN", "VERB", "PUNCT", "VERB", "PRON", "ADV", "CCONJ", "ADV", "VERB", "PART", "VERB", "PRON", "PUNCT",
           "VERB", "SCONJ", "DET", "NOUN", "AUX", "ADJ", "PUNCT"]  # fmt: skip
    lemmas = ["Berg", "speak", ",", "treat", "it", "lightly", "and", "later", "try", "to", "end", "it", ",", "insist",
              "that", "the", "harbour", "be", "safe", "."]  # fmt: skip
    quotes = _parsed(words, heads, deps, pos, lemmas)
    found = [(q.speaker.text if q.speaker else None, q.content.text) for q in quotes]
    assert ("Berg", "that the harbour is safe") in found, found


def test_a_contrasting_claim_hung_on_an_accusation_is_not_part_of_it():
    # the parse the model gives "Clinton accused Sanders of subjecting her to an “artful smear” …
    # while Sanders suggests …": the "while" clause hung on "subjecting", inside the charge
    words = ["Berg", "accused", "Reyes", "of", "subjecting", "her", "to", "a", "smear", "while", "Reyes", "suggests",
             "the", "mayor", "is", "a", "captive", "."]  # fmt: skip
    heads = [1, 1, 1, 1, 3, 4, 4, 8, 6, 11, 11, 4, 13, 14, 11, 16, 14, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pcomp", "dobj", "prep", "det", "pobj", "mark", "nsubj", "advcl",
            "det", "nsubj", "ccomp", "det", "attr", "punct"]  # fmt: skip
    pos = ["PROPN", "VERB", "PROPN", "ADP", "VERB", "PRON", "ADP", "DET", "NOUN", "SCONJ", "PROPN", "VERB", "DET",
           "NOUN", "AUX", "DET", "NOUN", "PUNCT"]  # fmt: skip
    lemmas = ["Berg", "accuse", "Reyes", "of", "subject", "her", "to", "a", "smear", "while", "Reyes", "suggest",
              "the", "mayor", "be", "a", "captive", "."]  # fmt: skip
    found = {q.cue_lemma: (q.speaker.text, q.content.text) for q in _parsed(words, heads, deps, pos, lemmas)}
    assert found["accuse"] == ("Berg", "Reyes of subjecting her to a smear")
    assert found["suggest"] == ("Reyes", "the mayor is a captive")


def test_the_one_asked_is_not_the_speaker_of_asked():
    _, quotes = quotes_of(
        FILLER + "Councillor John Reyes spoke for an hour, praising the fishermen and, when asked about the levy,"
        " insisting that it would be cut.\n"
    )
    assert not any(q[2] == "the levy" for q in quotes), quotes


def test_a_speech_verb_the_parse_joins_to_the_quoted_clause_still_attributes_it():
    # The model parses this "said" as a conjunct of the quoted "works", with its own subject after the quote.
    article, _ = quotes_of(
        "''Fishing works as a way to sell fish, as a way to promote tourism, and it works as a way to crowdsource"
        " terrorism - to sell murder,'' John B. Reyes Jr., the director of the Harbour Bureau of Investigation,"
        " said at a news conference in Oslo in December.\n"
    )
    found = [(q.speaker.text if q.speaker else None, q.cue_lemma) for q in article.quotes]
    assert found == [("John B. Reyes Jr.", "say")], found


@pytest.mark.parametrize("verb", ["mocked", "sneered", "chided", "groaned", "interjected"])
def test_verbs_of_mocking_and_groaning_attribute_a_quote(verb):
    _, quotes = quotes_of(FILLER + f"“The harbour has never been safer,” Councillor John Reyes {verb}.\n")
    assert [(q[0], q[1]) for q in quotes] == [("direct", "John Reyes")], quotes


@pytest.mark.parametrize(
    ("line", "said", "who"),
    [
        ("The fishermen met on Sunday. They believe that the levy will be cut.", "that the levy will be cut", "They"),
        ("We know that most of the harbour levy goes to dredging.", "that most of the harbour levy", "We"),
        ("You want the harbour to stay open, of course.", None, None),
    ],
)
def test_thoughts_of_we_and_they_are_stances_of_you_are_not(line, said, who):
    article, quotes = quotes_of(FILLER + line + "\n")
    if said is None:
        assert quotes == [], quotes
    else:
        found = [(q.content.text, q.speaker.text) for q in article.quotes]
        assert any(c.startswith(said) and s == who for c, s in found), found


@pytest.mark.parametrize(
    "line",
    [
        "''The harbour will be dredged,'' Mayor Anna Berg said on NRK's ''Harbour Watch.''",
        "Mayor Anna Berg said on NRK's ''Harbour Watch'' on Sunday that the harbour would be dredged.",
        "Mayor Anna Berg said on NRK’s “Harbour Watch” on Sunday that the harbour would be dredged.",
    ],
)
def test_a_programme_spoken_on_is_no_ones_words_and_the_clause_after_it_is(line):
    article, _ = quotes_of(FILLER + line + "\n")
    found = [(q.speaker.text if q.speaker else None, q.content.text) for q in article.quotes]
    assert not any("Harbour Watch" in content for _, content in found), found
    said = [c for who, c in found if who == "Mayor Anna Berg"]
    assert any("harbour will be dredged" in c or "harbour would be dredged" in c for c in said), found


def test_a_number_of_people_is_a_subject():
    article, _ = quotes_of(
        FILLER + "Most fishermen shrugged off the levy, with three in 10 saying the harbour plan would not change"
        " their vote.\n"
    )
    found = [(q.speaker.text, q.content.text) for q in article.quotes]
    assert found == [("three in 10", "the harbour plan would not change their vote")], found


def test_what_was_discussed_is_reported_what_a_meeting_is_for_is_not():
    _, quotes = quotes_of(FILLER + "Mayor Anna Berg discussed the dredging plan with the fishermen.\n")
    assert [(q[1], q[2][:17]) for q in quotes] == [("Anna Berg", "the dredging plan")], quotes
    _, quotes = quotes_of(FILLER + "The fishermen met on Sunday to discuss the dredging plan.\n")
    assert quotes == [], quotes


@pytest.mark.parametrize(
    "line",
    [
        # the circumstances of speaking, not what was said
        "A harbour official, speaking on condition of anonymity, left the meeting early.",
        "Mayor Anna Berg, speaking on the phone from Oslo, smiled at the fishermen.",
        "Speaking on the Harbour Herald Radio Network, Anna Berg waved at the crowd.",
        "Councillor John Reyes spoke on behalf of the fishermen at the harbour.",
        "Mayor Anna Berg maintains a wide lead over Councillor John Reyes in the polls.",
        "Councillor John Reyes assumed office as harbour master in 2019.",
        "Maria Lopes speaks English and Norwegian at the harbour office.",
        # the reader addressed takes no stance
        "Do you support the dredging plan? Tell the council at the next meeting.",
        "If you would never vote for the mayor, why are you voting for her deputy?",
        # an open question is no view
        "Mayor Anna Berg waited at the harbour to see what the fishermen would do.",
        # the writer's own framing
        "That said, the harbour levy would hurt the fishermen.",
        "It goes without saying that the dredging plan is expensive.",
        # verbs taken out of the reporting verbs: their quotes rarely matched an attribution in PolNeAR train
        "Mayor Anna Berg celebrated her seventieth birthday at the harbour on Friday.",
        "The harbour board projected a small surplus for the coming year.",
        "Councillor John Reyes has long advocated a second quay for the ferries.",
        # finding oneself somewhere, seeing something happen, boasting a thing (having it)
        "The ferry line found itself forced to cancel half of its crossings.",
        "The harbour board continues to see the numbers work for a second pier.",
        "The new ferry boasts a heated deck and a café at an unbeatable price.",
    ],
)
def test_sentences_that_report_no_ones_words(line):
    _, quotes = quotes_of(FILLER + line + "\n")
    assert quotes == [], quotes


def test_a_kicker_before_a_headline_source_is_not_part_of_it():

    article = process_article("EXCLUSIVE – Anna Berg: Dredging Will Save the Harbour\n\n" + FILLER).articles[0]
    found = [(q.speaker.text if q.speaker else None, q.content.text) for q in article.quotes]
    assert ("Anna Berg", "Dredging Will Save the Harbour") in found, found


@pytest.mark.parametrize(
    ("line", "said", "actor", "refers"),
    [
        ("The levy was opposed by three residents of the harbour, who said that it would hurt the fishermen.",
         "that it would hurt", None, "three residents"),
        ("The levy was opposed by Councillor John Reyes, who said that it would hurt the fishermen.",
         "that it would hurt", "John Reyes", "Councillor John Reyes"),
    ],
)  # fmt: skip
def test_a_relative_speaker_is_the_word_written_standing_for_its_noun(line, said, actor, refers):
    article, _ = quotes_of(FILLER + line + "\n")
    found = [q for q in article.quotes if q.content.text.startswith(said)]
    assert len(found) == 1, [(q.content.text, q.speaker) for q in article.quotes]
    q = found[0]
    assert q.speaker.text == "who"
    assert q.speaker_refers is not None and q.speaker_refers.text == refers
    assert speaker(article, q) == actor if actor else q.speaker_actor is None and q.unnamed == "group"


def test_a_straight_opening_mark_closed_by_a_curly_one_is_a_quote():
    # scraped text mixes marks both ways: `"…,” said X` as well as `“…," said X`
    _, quotes = quotes_of(FILLER + '"The harbour will be dredged this year,” said Councillor John Reyes.\n')
    assert [(q[0], q[1], q[2]) for q in quotes] == [
        ("direct", "John Reyes", '"The harbour will be dredged this year,”')
    ], quotes


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("Asked if the levy was fair, most fishermen said yes.", "yes"),
        ("Councillor John Reyes said no to the harbour levy.", "no to the harbour levy"),
        ("Mayor Anna Berg said the same in an interview on Sunday.", "the same"),
        ("Mayor Anna Berg said as much in an interview on Sunday.", "as much"),
        ("Mayor Anna Berg said no one had asked the fishermen.", "no one had asked the fishermen"),
    ],
)
def test_a_short_answer_stands_for_what_was_said(line, said):
    _, quotes = quotes_of(FILLER + line + "\n")
    assert said in [q[2] for q in quotes if q[0] == "indirect"], quotes


@pytest.mark.parametrize(
    ("line", "said", "who"),
    [
        # the parse gives "said" no subject: the name is a conjunct of "Nevada"
        ("Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said that he spoke with "
         "Mr. Sanders on Tuesday.", "that he spoke with Mr. Sanders on Tuesday", "Harry Reid"),
        # the participle is parsed as the clausal subject of "said", its subject inside it
        ("Large majorities of Republican primary voters in six states going to the polls on Super Tuesday said "
         "they support a proposal to ban the levy.", "they support a proposal to ban the levy", "Large majorities"),
        ("“The harbour is our life,” said the 46-year-old.", "“The harbour is our life,”", "the 46-year-old"),
        # "as" marks a time here, not a source: Berg's topic, not Reyes's clause
        ("As Mayor Anna Berg talked about dredging the harbour, Councillor John Reyes left the room.",
         "dredging the harbour", "Mayor Anna Berg"),
        # a frame at the end of the clause it frames is not part of it
        ("The harbour levy is unfair, as Councillor John Reyes said.", "The harbour levy is unfair",
         "Councillor John Reyes"),
    ],
)  # fmt: skip
def test_a_speaker_and_clause_the_parse_does_not_link(line, said, who):
    article, _ = quotes_of(FILLER + line + "\n")
    found = [(q.content.text, q.speaker.text if q.speaker else None) for q in article.quotes]
    assert (said, who) in found, found


def test_a_clause_running_into_its_own_attribution_is_not_reported_speech():
    line = "“He is absolutely right. There is a severe disconnect between this council and the harbour,” Reyes, a "
    line += "member of the board, said on Thursday morning on NRK."
    _, quotes = quotes_of(FILLER + line + "\n")
    assert [(q[0], q[1]) for q in quotes] == [("direct", "Reyes")], quotes


def test_a_name_right_before_the_verb_is_its_subject_though_parsed_in_apposition():
    # "To understand the harbour, Councillor John Reyes said, one should visit the market": the
    # model parses the name as an apposition of "harbour", the subject of "said"; no comma closes it
    words = ["To", "understand", "the", "harbour", ",", "Councillor", "John", "Reyes", "said", ",", "one", "should",
             "visit", "the", "market", "."]  # fmt: skip
    heads = [1, 12, 3, 8, 3, 7, 7, 3, 12, 8, 12, 12, 12, 14, 12, 12]
    deps = ["aux", "advcl", "det", "nsubj", "punct", "compound", "compound", "appos", "parataxis", "punct", "nsubj",
            "aux", "ROOT", "det", "dobj", "punct"]  # fmt: skip
    pos = ["PART", "VERB", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT", "PRON", "AUX", "VERB",
           "DET", "NOUN", "PUNCT"]  # fmt: skip
    lemmas = ["to", "understand", "the", "harbour", ",", "Councillor", "John", "Reyes", "say", ",", "one", "should",
              "visit", "the", "market", "."]  # fmt: skip
    ents = ["O"] * 6 + ["B-PERSON", "I-PERSON"] + ["O"] * 8
    quotes = _parsed(words, heads, deps, pos, lemmas, ents)
    found = [(q.speaker.text if q.speaker else None, q.content.text) for q in quotes]
    assert [who for who, _ in found] == ["Councillor John Reyes"], found


@pytest.mark.parametrize(
    "line",
    ["Harbour rules that favor the fishermen were passed on Monday.",
     "The levy funds a dredging programme that favors the ferry companies."],
)  # fmt: skip
def test_a_thing_that_favours_or_says_is_described_not_quoted(line):
    article, _ = quotes_of(FILLER + line + "\n")
    assert article.quotes == [], [(q.speaker, q.content.text) for q in article.quotes]


@pytest.mark.parametrize(
    ("line", "who"),
    [
        # a description resolves through the name in apposition, and the quote after continues it
        ("A former partner at the Lenox yard, Lawrence B. Cummings, called him a master of impossible deals. "
         "“He showed again and again that he could do what others could not.”", "Lawrence B. Cummings"),
        # speech reported inside another's words is not the one a following quote continues
        ("Councillor John Reyes added that the Harbour Board very much wants to dredge before the election. "
         "“They don’t like to talk about it, but I think they will move for political reasons.”", "John Reyes"),
    ],
)  # fmt: skip
def test_who_an_unattributed_quote_after_reported_speech_continues(line, who):
    article, _ = quotes_of(FILLER + line + "\n")
    found = [(q.stretches()[-1].text, speaker(article, q)) for q in article.quotes]
    # the quoted words go on with the reported speech (one quote in two parts), or stand as its own quote
    assert found[-1] == (line[line.index("“") :], who), found
    assert all(name == who for _, name in found), found


def test_a_lead_in_a_poll_is_the_polls_finding():
    article, _ = quotes_of(FILLER + "Mayor Anna Berg had 38 percent support in a harbour poll.\n")
    found = [(q.speaker.text, q.content.text) for q in article.quotes]
    assert ("a harbour poll", "Mayor Anna Berg had 38 percent support") in found, found


def test_speech_reported_inside_the_first_part_does_not_split_a_quote():
    # "want to" inside the first part is reported speech of its own (dropped as nested): it
    # stands within the quote, not between the parts (this parse comes with this headline)
    line = '"It is not that we do not want to, it is that we cannot," Mayor Anna Berg said on NRK\'s "Harbour Watch." '
    line += '"The harbour is unsafe."'
    article = process_article("Council debates port plan\n\n" + line).articles[0]
    assert [len(q.stretches()) for q in article.quotes] == [2], [q.content.text for q in article.quotes]


@pytest.mark.parametrize(
    ("line", "said"),
    [
        # the clause hung from "said" as an adverbial, with the time inside it
        ("Mayor Anna Berg said after the vote she would not sign the budget.", "she would not sign the budget"),
        # the reporter's time before an unmarked complement is not what was said
        ("Mayor Anna Berg said on Monday the budget was dead.", "the budget was dead"),
        ("Mayor Anna Berg said on Monday that the budget was dead.", "that the budget was dead"),
    ],
)
def test_an_unmarked_complement_starts_at_its_subject(line, said):
    _, quotes = quotes_of(FILLER + line + "\n")
    assert [(q[1], q[2]) for q in quotes] == [("Anna Berg", said)], quotes


@pytest.mark.parametrize(
    "headline",
    [
        "Anna Berg Addresses Harbour Council: ‘The Wall Must Be Built’",
        "Anna Berg On Dredging: The Wall Must Be Built",
    ],
)
def test_a_headline_source_may_say_what_it_did_before_the_colon(headline):
    article = process_article(f"{headline}\n\nMayor Anna Berg spoke in the town hall.\n{FILLER}").articles[0]
    found = [(q.speaker.text if q.speaker else None, q.content.text.strip("‘’")) for q in article.quotes]
    assert ("Anna Berg", "The Wall Must Be Built") in found, found


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("Councillor John Reyes pressed Mayor Anna Berg to admit that the wall had failed.", "Anna Berg"),
        # an instrument is not the one who speaks
        ("Mayor Anna Berg used her speech to admit that the wall had failed.", "Anna Berg"),
    ],
)
def test_the_one_pressed_to_speak_is_the_speaker(line, speaker):
    _, quotes = quotes_of(FILLER + line + "\n")
    assert [(q[1], q[2]) for q in quotes] == [(speaker, "that the wall had failed")], quotes


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("“The wall will hold,” Anna Berg boomed.", "Anna Berg"),
        ("“The wall will hold,” Anna Berg went on. “Nobody can stop it.”", "Anna Berg"),
        # with its manner, after another speaker's quote (which it does not go on)
        ("“The wall will fall,” Councillor John Reyes said with a smile.\n\n"
         "“The wall will hold,” Anna Berg shot back with a laugh.", "Anna Berg"),
    ],
)  # fmt: skip
def test_a_quote_ending_in_a_comma_belongs_to_the_bare_clause_after_it(line, speaker):
    _, quotes = quotes_of(FILLER + line + "\n")
    assert [q[1] for q in quotes][-1:] == [speaker], quotes
    assert quotes[-1][2].startswith("“The wall will hold,”"), quotes


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("The appeals court ruled that the harbour levy was unlawful.", "that the harbour levy was unlawful"),
        ("Councillor John Reyes assailed the dredging plan.", "the dredging plan"),
        ("Councillor John Reyes alluded to the missing funds.", "the missing funds"),
        ("Councillor John Reyes unveiled a plan for the harbour.", "a plan for the harbour"),
        ("Councillor John Reyes distanced himself from the dredging plan.", "the dredging plan"),
    ],
)
def test_rulings_attacks_and_allusions_are_reported(line, said):
    _, quotes = quotes_of(FILLER + line + "\n")
    assert [q[2] for q in quotes] == [said], quotes


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("Councillor John Reyes was quick to blame the harbour board.", "to blame the harbour board"),
        ("Councillor John Reyes has been critical of the dredging plan.", "the dredging plan"),
    ],
)
def test_a_stance_told_with_be_and_an_adjective_is_reported(line, said):
    _, quotes = quotes_of(FILLER + line + "\n")
    assert [(q[1], q[2]) for q in quotes] == [("John Reyes", said)], quotes


def test_a_view_with_as_hung_on_the_object_is_reported():
    # the parse the model gives "Millennials see police violence against … as a problem"
    words = ["Residents", "see", "police", "violence", "as", "a", "problem", "."]
    heads = [1, 1, 3, 1, 3, 6, 4, 1]
    deps = ["nsubj", "ROOT", "compound", "dobj", "prep", "det", "pobj", "punct"]
    pos = ["NOUN", "VERB", "NOUN", "NOUN", "ADP", "DET", "NOUN", "PUNCT"]
    lemmas = ["resident", "see", "police", "violence", "as", "a", "problem", "."]
    quotes = _parsed(words, heads, deps, pos, lemmas)
    assert [(q.speaker.text, q.content.text) for q in quotes] == [("Residents", "police violence as a problem")]


def test_a_gerund_subject_after_say_starts_the_clause():
    _, quotes = quotes_of(
        FILLER
        + "Yet harbour economists, like their inland colleagues, say taxing fuel encourages savings and growth.\n"
    )
    assert [q[2] for q in quotes] == ["taxing fuel encourages savings and growth"], quotes


def test_an_inverted_attribution_parsed_as_a_conjunct_frames_the_clause_before_it():
    line = "The steel plant is hanging on, but it is under intense pressure from Asian imports"
    _, quotes = quotes_of(FILLER + line + ", said the company's chief executive, John Reyes.\n")
    assert [(q[1], q[2]) for q in quotes] == [("John Reyes", line)], quotes


@pytest.mark.parametrize(
    ("headline", "found"),
    [
        # the model tags "blasts" an auxiliary and "Trump" the verb
        ("Berg blasts Trump over harbour levy.", ("Berg", "blast", "Trump over harbour levy")),
        ("Fishermen blast Berg over harbour levy.", ("Fishermen", "blast", "Berg over harbour levy")),
        # (single curly marks quote as double ones do: the words said are what they hold)
        ("Reyes Calls Harbour Levy ‘A Disgrace.’", ("Reyes", "call", "‘A Disgrace.’")),
        ("Harbour panel votes to hold Reyes in contempt.", ("Harbour panel", "vote", "to hold Reyes in contempt")),
        ("Berg Sees ‘Personal Insult’ in Harbour Levy.", ("Berg", "see", "‘Personal Insult’ in Harbour Levy")),
        ("Harbour Post Hit Piece Exploits Fishermen.", None),  # "Post" is no verb after a singular name
    ],
)
def test_a_headline_attribution_read_by_its_words(headline, found):
    body = f"Mayor Anna Berg and John Reyes spoke in the town hall.\n{FILLER}"
    article = process_article(f"{headline}\n\n{body}").articles[0]
    in_headline = [(q.speaker.text, q.cue_lemma, q.content.text) for q in article.quotes if q.block == -1]
    assert in_headline == ([found] if found else []), in_headline


def test_the_subject_of_a_contact_clause_hung_on_the_phrase_before_it_speaks():
    # the parse the model gives "… a fraction of the minimum $20 million experts say it costs to run."
    words = ["It", "is", "a", "fraction", "of", "the", "sum", "experts", "say", "it", "costs", "."]
    heads = [1, 1, 3, 1, 3, 7, 7, 4, 1, 10, 8, 1]
    deps = ["nsubj", "ROOT", "det", "attr", "prep", "det", "compound", "pobj", "dep", "nsubj", "ccomp", "punct"]
    pos = ["PRON", "AUX", "DET", "NOUN", "ADP", "DET", "NOUN", "NOUN", "VERB", "PRON", "VERB", "PUNCT"]
    tags = ["PRP", "VBZ", "DT", "NN", "IN", "DT", "NN", "NNS", "VBP", "PRP", "VBZ", "."]
    lemmas = ["it", "be", "a", "fraction", "of", "the", "sum", "expert", "say", "it", "cost", "."]
    quotes = _parsed(words, heads, deps, pos, lemmas, tags=tags)
    assert [(q.speaker.text if q.speaker else None, q.content.text) for q in quotes] == [("experts", "it costs")]


@pytest.mark.parametrize(
    "sentence, content",
    [
        (
            "Mayor Anna Berg said the council “had not read the report. Nobody on it has read a single page.”",
            "the council “had not read the report. Nobody on it has read a single page.”",
        ),
        (
            "Mayor Anna Berg called the plan a “good news story in an era when so often we see towns going the "
            "other way.”",
            "the plan a “good news story in an era when so often we see towns going the other way.”",
        ),
        (
            "Mayor Anna Berg said “we are extremely happy” about the decision of the board.",
            "“we are extremely happy” about the decision of the board",
        ),
        (  # quoted words opening inside reported speech, with no speech verb of their own
            "Mayor Anna Berg characterized the harbour board chairman, Councillor John Reyes, as, “a little "
            "desperate there, jumping in all the time. Obviously, he should have waited his turn.”",
            "the harbour board chairman, Councillor John Reyes, as, “a little desperate there, jumping in all the "
            "time. Obviously, he should have waited his turn.”",
        ),
        (  # ... or right after it
            "Mayor Anna Berg said critics and the media were to blame for focusing on “who said this, who wrote that.”",
            "critics and the media were to blame for focusing on “who said this, who wrote that.”",
        ),
    ],
)
def test_quoted_words_overlapping_reported_speech_are_one_quote(sentence, content):
    # the quoted words overrun the clause the parse gives the verb, or open before it: one utterance, one quote;
    # a verb inside the quoted words ("who said this") reports nothing of the speaker's
    _, quotes = quotes_of(FILLER + sentence + "\n")
    assert [q[1:3] for q in quotes] == [("Anna Berg", content)], quotes
    assert quotes[0][0] in ("mixed", "partial")


@pytest.mark.parametrize("between", [" ", "\n"])
def test_quoted_words_after_reported_speech_go_on_with_it(between):
    # no attribution of their own, the same speaker, the very next sentence (or paragraph): one quote in two parts
    body = FILLER + (
        "Mayor Anna Berg said the council had been misled about the costs of the harbour plan."
        + between
        + "“Nobody has read a single page of the report.”\n"
    )
    article, quotes = quotes_of(body)
    assert [q[:2] for q in quotes] == [("mixed", "Anna Berg")], quotes
    parts = [part.text for part in article.quotes[0].parts]
    assert parts == [
        "the council had been misled about the costs of the harbour plan",
        "“Nobody has read a single page of the report.”",
    ]


def test_a_reason_clause_with_its_own_verb_of_thought_stays_in_the_content():
    # "because it believed …" is part of what Berg said; only a contrasting "while X said …" is another's speech
    body = FILLER + (
        "Mayor Anna Berg said the council could not vote on the plan because it believed the report was incomplete.\n"
        "Mayor Anna Berg said the plan would cost too much, while the harbour board said it would pay for itself.\n"
    )
    _, quotes = quotes_of(body)
    assert [q[2] for q in quotes] == [
        "the council could not vote on the plan because it believed the report was incomplete",
        "the plan would cost too much",
        "it would pay for itself",
    ], quotes


@pytest.mark.parametrize(
    "body, kind",
    [
        (  # the quote's own attribution between, as between the parts of a split direct quote
            "Mayor Anna Berg spoke on Monday. Yet the harbour plan is also a “real chance,” Berg said. "
            "“That is exactly what the town needs right now.”",
            "partial",
        ),
        (  # the nearest quote before is the one continued, not the last one found ("support the old plan")
            "Mayor Anna Berg used to support the old plan, but now said the council had “a duty to act.”\n"
            "“I think it can do that, but the biggest obstacle is the board.”",
            "mixed",
        ),
    ],
)
def test_quoted_words_after_a_quote_with_its_attribution_go_on_with_it(body, kind):
    article, quotes = quotes_of(FILLER + body + "\n")
    continued = [q for q in article.quotes if len(q.parts) == 2]
    assert [(q.kind, q.parts[1].text) for q in continued] == [(kind, body[body.rindex("“") :])], quotes


def test_a_digest_item_heading_dash_source_colon_quote():
    # a newsletter's item: its heading, a spaced dash, the source, a colon, the quote
    body = FILLER + (
        "PORT PLAN NOT DEAD, JUST DELAYED - Mayor Anna Berg: “We will not wait another year for the dredging of "
        "the harbour.”\n"
    )
    article, quotes = quotes_of(body)
    assert [q[:2] for q in quotes] == [("direct", "Anna Berg")], quotes
    assert article.quotes[0].speaker.text == "Mayor Anna Berg"


@pytest.mark.parametrize(
    "line, content",
    [
        (  # the second "said" hung on what the first one said
            "Mayor Anna Berg said the board had begun making calls to council members - there are two from each of "
            "the nine harbour districts - but said the outcome was still up in the air.",
            "the outcome was still up in the air",
        ),
        (  # "She's said" taken for a passive "She is said"
            "Mayor Anna Berg spoke on Monday. She's said she gets her ideas about the harbour from a speech in an "
            "old novel.",
            "she gets her ideas about the harbour from a speech in an old novel",
        ),
    ],
)
def test_a_speaker_the_parse_hides(line, content):
    _, quotes = quotes_of(FILLER + line + "\n")
    assert ("indirect", "Anna Berg", content) in [q[:3] for q in quotes], quotes


def test_quoted_words_opening_reported_content_are_part_of_it_not_a_second_quote():
    # The parse hangs the opening mark on the verb, so the object alone began one character inside it.
    body = FILLER + "The harbour board offered “a deep and sincere apology” to the ferry crews on Monday.\n"
    _, quotes = quotes_of(body)
    assert [(q[0], q[2]) for q in quotes] == [("mixed", "“a deep and sincere apology” to the ferry crews")], quotes


def test_a_preposition_the_parse_took_for_the_subject_stands_for_its_object():
    # "Of Carson, Levine … said": the parse makes "Of" the subject and Levine its object.
    line = "Of Carson, Levine, who has given money to the campaign, said, “He is flat-out scary.”"
    _, quotes = quotes_of(FILLER + line + "\n")
    assert [(q[0], q[1]) for q in quotes] == [("direct", "Levine")], quotes


@pytest.mark.parametrize(
    ("line", "cue"),
    [
        ("“The mayor is playing the tough guy tonight,” Councillor John Reyes shot back.", "shoot back"),
        ("Councillor John Reyes fired back: “The mayor is playing the tough guy tonight.”", "fire back"),
        ("“The mayor is playing the tough guy tonight,” Councillor John Reyes hit back.", "hit back"),
    ],
)
def test_a_verb_that_speaks_only_with_its_particle(line, cue):
    article, _ = quotes_of(FILLER + line + "\n")
    found = [(q.kind, speaker(article, q), q.cue_lemma) for q in article.quotes]
    assert found == [("direct", "John Reyes", cue)], found
    _, quotes = quotes_of(FILLER + "The harbour police fired back at the smugglers on Monday.\n")
    assert quotes == [], quotes


def test_according_to_after_a_quote_of_several_sentences():
    line = (
        "“The dredging will cost twice the estimate. The harbour board knew it in March and said nothing,”"
        " according to the Harbour Herald."
    )
    article, _ = quotes_of(FILLER + line + "\n")
    found = [(q.kind, q.cue_lemma, q.speaker.text if q.speaker else None) for q in article.quotes]
    assert found == [("direct", "according to", "the Harbour Herald")], found


@pytest.mark.parametrize(
    ("line", "who"),
    [
        ("Councillor John Reyes released a statement saying the harbour plan was dead.", "John Reyes"),
        ("Councillor John Reyes sent out a press release accusing the board of waste.", "John Reyes"),
        ("Councillor John Reyes posted a comment that compared the board to pirates.", "John Reyes"),
        # a possessor, resolved like a pronoun to the person the paragraph is about
        ("Councillor John Reyes spoke on Monday. He spent his whole speech praising the ferry crews.", "John Reyes"),
    ],
)
def test_words_hung_on_a_statement_are_its_authors(line, who):
    article, _ = quotes_of(FILLER + line + "\n")
    found = [(speaker(article, q), q.unnamed) for q in article.quotes if q.cue_lemma != "speak"]
    assert found == [(who, None)], found


def test_an_aim_names_no_speaker_but_its_possessor_does():
    # "an effort to deny …": no one says it; "Reyes's decision to endorse …": Reyes does
    line = "Local groups threw together a last-ditch effort to deny the ferry company its licence."
    _, quotes = quotes_of(FILLER + line + "\n")
    assert quotes == [], quotes
    article, _ = quotes_of(FILLER + "Councillor John Reyes’s decision to endorse Anna Berg surprised the council.\n")
    found = [(q.speaker.text if q.speaker else None, q.content.text) for q in article.quotes]
    assert found == [("Councillor John Reyes", "Anna Berg")], found


def test_a_field_of_study_is_no_study_reporting():
    article, _ = quotes_of(
        FILLER + "Reyes earned degrees in marine studies and port management before he joined the ferry line.\n"
    )
    assert [q.cue_lemma for q in article.quotes if q.cue_lemma == "in"] == [], article.quotes


def test_a_recalled_thing_is_no_words():
    _, quotes = quotes_of(FILLER + "Mayor Anna Berg recalled the great storm of 1987 and the ferry it sank.\n")
    assert quotes == [], quotes


def test_a_husband_is_no_she():
    article, _ = quotes_of(
        FILLER + "Anna Reyes and her husband, Tomas Berg, ran the ferry for twenty years. Tomas Berg sold it in May.\n"
        "“It broke my heart,” she said.\n"
    )
    speakers = [speaker(article, q) for q in article.quotes if q.content.text.startswith("“It broke")]
    assert speakers and speakers[0] != "Tomas Berg", speakers


def test_a_participle_with_its_agent_reports_nothing():
    # "reported by the Harbour Herald" describes the call; the words are the mayor's
    article, _ = quotes_of(
        FILLER + "Mayor Anna Berg told them on the phone call recorded and reported by the Harbour Herald that:"
        " “We have to close the port. We cannot let them take the harbour away from us.”\n"
    )
    said = [(speaker(article, q), q.content.text) for q in article.quotes if "close the port" in q.content.text]
    assert said and all(name == "Anna Berg" for name, _ in said), said


def test_a_vote_reports_no_clause_before_it():
    # The small model sometimes hangs a sentence's main clause on a later "voted" as its complement
    # ("… cleared a House subcommittee easily as all 10 Republicans present voted yes"); the parse
    # is set to that shape here, so the test does not hang on the model's mood.
    from spacy.attrs import DEP, HEAD

    from dateline.clean.written import article_as_written
    from dateline.extract import find_actors, parse_documents
    from dateline.extract.quotes import extract_quotes
    from dateline.model import Document, RawDocument

    text = "Harbour rules\n\nThe new harbour rules cleared the council easily on Monday as all ten members voted yes.\n"
    doc = Document(raw=RawDocument("<test>", text.encode(), "x"), text=text)
    doc.articles.append(article_as_written(text, 0, 0, True))
    parse_documents([doc])
    find_actors(doc)
    article = doc.articles[0]
    parse = article.parse
    cleared = next(t for t in parse if t.text == "cleared")
    voted = next(t for t in parse if t.text == "voted")
    array = parse.to_array([HEAD, DEP])

    def hang(token, head, label=None):  # HEAD is stored as a relative offset in an unsigned array
        array[token.i, 0] = (head.i - token.i) % 2**64
        if label:
            array[token.i, 1] = parse.vocab.strings.add(label)

    hang(voted, voted, "ROOT")
    hang(cleared, voted, "ccomp")
    parse.from_array([HEAD, DEP], array)
    assert parse[cleared.i].head.i == voted.i and parse[cleared.i].dep_ == "ccomp"
    quotes = extract_quotes(parse, article.parse_text, article.actors)
    assert [q.content.text for q in quotes if q.cue_lemma == "vote"] == [], quotes


def test_according_to_in_the_middle_is_no_part_of_the_words():
    article, _ = quotes_of(
        FILLER + "With the dredging over, according to harbour master Anna Berg, a former ferry pilot, the port can"
        " reopen next month.\n"
    )
    found = [[p.text for p in q.stretches()] for q in article.quotes if q.cue_lemma == "according to"]
    assert found == [["With the dredging over", "the port can reopen next month"]], found


def test_a_noun_inside_the_quote_is_not_whom_she_stands_for():
    article, _ = quotes_of(
        FILLER + "“Old ferries are perhaps a better buy,” says Anna Berg, who writes a harbour newsletter. Still, she"
        " doesn’t think we’re headed for a year of dull boats: “People are interested in trying a timeless sort of"
        " elegance.”\n"
    )
    said = [(speaker(article, q), q.listed) for q in article.quotes if "timeless sort" in q.content.text]
    assert said == [("Anna Berg", True)], said


@pytest.mark.parametrize(
    ("line", "name"),
    [
        # a person named at the end of a phrase the parse heads with an organisation or an office
        ("“The tides are rising faster than we thought,” Harbour College at Kingsport oceanography professor"
         " Maria Lopes said.", "Maria Lopes"),
        ("U.S. Ambassador to the U.N. Linda Thomas-Greenfield said the council had agreed.", "Linda Thomas-Greenfield"),
        ("The Minister of Health Jane Okafor said the clinics would reopen.", "Jane Okafor"),
        # someone's aide is not the one named after "for"
        ("A spokesman for Senator Jane Reyes said the senator would vote no.", None),
        ("The lawyer for John Smith said the case would be dropped.", None),
    ],
)
def test_a_name_at_the_end_of_its_subject_phrase_speaks(line, name):
    article, _ = quotes_of(FILLER + line + "\n")
    assert [speaker(article, q) for q in article.quotes] == [name], article.quotes


def test_a_verb_after_a_second_quote_with_its_own_lead_in_is_not_the_first_ones():
    # "says" attributes the quote it follows; the first quote, led in by a colon, has the verb before it
    article, _ = quotes_of(
        FILLER + "The list runs from Maria Lopez, who explains why she tells harbour stories: “We never saw ourselves"
        " in books,” to Anna Berg, who could become the first pilot from her town: “Seeing yourself matters,” she"
        " says.\n"
    )
    said = {q.content.text: q.parts for q in article.quotes if q.kind == "direct"}
    assert said == {"“We never saw ourselves in books,”": [], "“Seeing yourself matters,”": []}, said


@pytest.mark.parametrize(
    "line",
    [
        "“It is all nonsense,” says the critic Paul Hale, author of the 1988 paper “Why Palmistry Fails,” after"
        " reading his own palm.",
        "“It is all nonsense,” says the critic Paul Hale, whose essay “The Lines We Read” sold well.",
    ],
)
def test_a_title_after_a_noun_for_a_work_is_nobodys_words(line):
    article, _ = quotes_of(FILLER + line + "\n")
    assert [q.content.text for q in article.quotes] == ["“It is all nonsense,”"], article.quotes


def test_a_name_closing_an_according_to_phrase_is_the_source():
    article, _ = quotes_of(FILLER + "Their marriage ends in divorce, according to a fan account, ShowFan.\n")
    said = [(q.content.text, q.speaker.text) for q in article.quotes]
    assert said == [("Their marriage ends in divorce", "a fan account, ShowFan")], said


@pytest.mark.parametrize(
    ("line", "words", "who"),
    [
        # a lead-in before a colon is not the quoted words
        ("By writing their own roles: “What I want for my career is room to grow,” says Nora Quinn, who will soon"
         " direct a film.", "“What I want for my career is room to grow,”", "Nora Quinn"),
        # the one called out for telling is who told
        ("Viewers were unhappy with the couple, calling out Mia Berg on social media for telling her husband that"
         " she had lied about her job.", "that she had lied about her job", "Mia Berg"),
        # a speaker set off by commas after the verb, inside the sentence that is the words
        ("The new pier, said Mayor Tomas Reyes, will open in May.",
         "The new pier, said Mayor Tomas Reyes, will open in May", "Tomas Reyes"),
    ],
)
def test_the_words_and_who_said_them(line, words, who):
    article, _ = quotes_of(FILLER + line + "\n")
    said = [(q.content.text, speaker(article, q)) for q in article.quotes]
    assert said == [(words, who)], said
    if "said Mayor" in line:  # the aside is no part of the words
        assert [p.text for p in article.quotes[0].parts] == ["The new pier", "will open in May"]


@pytest.mark.parametrize(
    ("line", "who"),
    [
        # words received from someone are the sender's
        ("Police received a call from a neighbour just before noon, saying a truck had hit a deer.", "a neighbour"),
        ("The mayor got a letter from the harbour pilots saying the channel was unsafe.", "the harbour pilots"),
        # someone remembered speaking is the speaker
        ("“What year is it?” Denicola recalled a nurse asking.", "a nurse"),
        ("“Where is the ferry?” Reyes remembers his son asking.", "his son"),
    ],
)
def test_the_words_are_the_one_they_came_from_not_the_subjects(line, who):
    article, _ = quotes_of(FILLER + line + "\n")
    assert [q.speaker.text for q in article.quotes] == [who], article.quotes


def test_a_label_before_a_colon_is_no_speaker():
    article, _ = quotes_of(FILLER + "WARNING: There is a fake site set up to mimic the ferry company. Do not use it.\n")
    assert [q.speaker.text for q in article.quotes if q.listed] == [], article.quotes




def test_officials_cited_as_saying_are_the_speakers():
    article, _ = quotes_of(FILLER + "The paper cited harbour officials saying the ferry would stop in May.\n")
    said = [(q.content.text, q.speaker.text) for q in article.quotes]
    assert said == [("the ferry would stop in May", "harbour officials")], said


def test_a_which_opening_a_sentence_is_no_speaker():
    article, _ = quotes_of(FILLER + "Which is all to suggest that the harbour has changed for good.\n")
    assert [q.content.text for q in article.quotes if q.listed] == [], article.quotes


def test_an_object_the_parse_took_from_the_clause_is_its_subject():
    article, _ = quotes_of(
        FILLER + "Mayor Anna Berg explained her first season wasn't smooth sailing after one critic called the"
        " ferry a disgrace.\n"
    )
    said = [q.content.text for q in article.quotes if q.cue_lemma == "explain"]
    assert said and said[0].startswith("her first season wasn't smooth sailing"), said


def test_a_bracket_the_words_open_is_closed():
    article, _ = quotes_of(
        FILLER + "Every worker described a hostile place, with Mia Berg emphasizing an arbitrarily applied, and"
        " unusually high (for a dive bar), $200 quota.\n"
    )
    said = [q.content.text for q in article.quotes if q.cue_lemma == "emphasize"]
    assert said and said[0].count("(") == said[0].count(")"), said


def test_a_quote_before_a_semicolon_is_not_the_next_clauses():
    article, _ = quotes_of(
        FILLER + "The first “strike” has been covered in several reports, rarely in full; four workers"
        " confirmed to the Herald that a dancer went to the manager.\n"
    )
    assert [q.content.text for q in article.quotes] == ["that a dancer went to the manager"], article.quotes


def test_a_headline_title_before_a_colon_is_no_source():
    body = f"The harbour team found a new way to build hulls.\n{FILLER}"
    headline = "Building Better Batteries for Electric Ferries: A Leap in Storage"
    article = process_article(f"{headline}\n\n{body}").articles[0]
    assert [q.speaker.text for q in article.quotes if q.block == -1] == [], article.quotes


def test_a_label_before_a_colon_and_a_quote_is_no_speaker():
    article, _ = quotes_of(FILLER + "Answer: “The harbour will reopen once the dredging is finished in the spring.”\n")
    assert [q.speaker.text for q in article.quotes if q.speaker and q.listed] == [], article.quotes


@pytest.mark.parametrize(
    ("line", "words"),
    [
        # a second predicate after ", but" keeps its subject in the words
        ("The board has left the old fares in place, but is now considering new ones, according to the harbour"
         " report.", "The board has left the old fares in place, but is now considering new ones"),
        # the writer's conclusion after the phrase is no part of them
        ("The new ferry has 400 seats, according to a report from October, so it seems the council is trying to"
         " find a way out.", "The new ferry has 400 seats"),
    ],
)
def test_what_according_to_reports(line, words):
    article, _ = quotes_of(FILLER + line + "\n")
    said = [q.content.text for q in article.quotes if q.cue_lemma == "according to"]
    assert said == [words], said


def test_each_one_required_to_concede_is_supposed():
    article, _ = quotes_of(
        FILLER + "Compromise is not easy. It requires some to concede that the pier might be too long, and others to"
        " concede that there can be limits on boats.\n"
    )
    assert [q.content.text for q in article.quotes if q.listed] == [], article.quotes


def test_quoted_words_inside_the_speakers_name_are_no_quote():
    article, _ = quotes_of(FILLER + "On Monday, the “Harbour Lights” singer announced that her tour would reach Rio.\n")
    assert [q.content.text for q in article.quotes] == ["that her tour would reach Rio"], article.quotes


def test_a_first_name_tells_whom_a_she_stands_for():
    # nothing in the article says Mark Berg is a man, but his first name does: "she" is not him
    article, _ = quotes_of(
        FILLER + "Mark Berg showed the new pier to Emma Reyes on Monday.\n"
        "“I am grateful to everyone who rebuilt it,” she wrote later.\n"
    )
    said = [speaker(article, q) for q in article.quotes if "grateful" in q.content.text]
    assert said == ["Emma Reyes"], said


def test_the_first_name_table_keeps_names_of_one_sex_only():
    from dateline.extract.lexicon import first_names

    names = first_names()
    assert (names["emma"], names["mark"]) == ("f", "m")
    assert not {"jordan", "kim", "lindsey"} & set(names)  # given to both sexes: no sign either way


def test_a_nickname_after_aka_is_a_name():
    article, _ = quotes_of(
        FILLER + "He was led by a retired officer, Tomas Rivera, aka “Colonel Mike,” who pleaded guilty to the"
        " charge.\n"
    )
    assert [q.content.text for q in article.quotes if "Colonel" in q.content.text] == [], article.quotes
