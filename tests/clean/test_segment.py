"""Segmentation cues seen in real full-page scrapes, on made-up text."""

from __future__ import annotations

from dateline.clean.lines import Kind, classify, split_lines
from dateline.clean.segment import find_regions

PARAGRAPH = (
    "The regional water board said on Tuesday that it would spend more on repairing old pipes, "
    "after a dry summer left several towns with low pressure for weeks. "
)


TOWNS = ["Alden", "Brook", "Corran", "Dunmore", "Elsby", "Farrow", "Glenn", "Hale", "Ivers", "Jessop", "Kell", "Lorne"]


def paragraphs(day: str, towns: list[str]) -> str:
    return "\n\n".join(PARAGRAPH.replace("Tuesday", day).replace("several towns", town) for town in towns)


def bodies(text: str) -> list[str]:
    return [" ".join(line.text for line in region.body) for region in find_regions(split_lines(text))]


def test_an_unpunctuated_tag_cloud_is_not_prose():
    cloud = " ".join(["water", "board", "pipes", "summer", "towns", "pressure", "repairs", "budget"] * 4)
    assert classify(cloud) is not Kind.PROSE
    assert classify(PARAGRAPH) is Kind.PROSE


def test_a_credit_with_initials_is_a_credit():
    assert classify("Photo: Jane H.W. Doe, AP") is Kind.CREDIT


def test_a_call_to_action_printed_twice_does_not_split_the_body():
    first = paragraphs("Tuesday", TOWNS[:6])
    box = "GET THE GUIDE: FREE DOWNLOAD!\n\nClick the link above\n\nGET THE GUIDE: FREE DOWNLOAD!"
    second = paragraphs("Friday", TOWNS[6:])
    assert len(bodies(f"Water board plans repairs\n\n{first}\n\n{box}\n\n{second}")) == 1


def test_a_newsletter_box_inside_a_body_does_not_split_it():
    first = paragraphs("Tuesday", TOWNS[:6])
    box = "Share this article\n\nNewsletter\n\nGet the Valley Post delivered to your inbox\n\nSubscribe now"
    second = paragraphs("Friday", TOWNS[6:])
    found = bodies(f"Water board plans repairs\n\n{first}\n\n{box}\n\n{second}")
    assert len(found) == 1 and "Friday" in found[0] and "Tuesday" in found[0]


def test_a_quotation_signed_with_a_dash_is_prose():
    # reader-comment pages: a quote, a dash, a name; as the last paragraph it used to be dropped as a sign-off
    assert classify("“The port is our future and nobody will take it away.” ― Maria Lopes") is Kind.PROSE
    assert classify("Photo: the harbour at dawn — Reuters") is not Kind.PROSE


def test_a_sentence_closed_by_two_character_quotation_marks_is_prose():
    # archive text writes quotation marks as two apostrophes: ''…'' ends a sentence like “…”
    assert classify("''The harbour will be dredged,'' the mayor said on NRK's ''Harbour Watch.''") is Kind.PROSE


def test_a_teaser_cut_off_with_an_ellipsis_is_not_prose():
    assert classify("Oil prices steady after a two-day drop amid growth worries...") is not Kind.PROSE


def test_a_table_header_printed_through_a_body_is_not_a_headline():
    header = "Pos Player Plays Stats"
    days = ["Monday", "Tuesday", "Wednesday", "Thursday"]
    parts = [f"{header}\n{header}\n\n{paragraphs(day, TOWNS[:6])}" for day in days]  # big enough to stand alone
    assert len(bodies("Water board plans repairs\n\n" + "\n\n".join(parts))) == 1


def test_a_site_footer_always_ends_the_page():
    first = paragraphs("Tuesday", TOWNS[:6])
    second = paragraphs("Friday", TOWNS[6:])
    assert len(bodies(f"{first}\n\n© 2024 Valley Post. All rights reserved.\n\n{second}")) == 2


def test_a_window_title_announces_a_short_article():
    header = "\n".join(
        ["Water board plans repairs - Valley Post - Local news", "Home", "News", "Sport", "Water board plans repairs"]
    )
    body = paragraphs("Tuesday", TOWNS[:2])  # too short to stand as an article unannounced
    assert len(bodies(f"{header}\n\n{body}")) == 1


def test_a_list_of_story_cards_is_cut_off_the_body():
    cards = "\n\n".join(
        f"Another story about {town}\n\nBy Sam Reed\n\nTuesday November 19, 2019\n\n"
        f"The council in {town} met on Monday to discuss the budget for next year, officials said."
        for town in TOWNS[6:10]
    )
    found = bodies(f"Water board plans repairs\n\n{paragraphs('Tuesday', TOWNS[:6])}\n\n{cards}")
    assert len(found) == 1 and "council in" not in found[0]


def test_a_comment_link_in_the_byline_does_not_swallow_the_body():
    text = f"Water board plans repairs\n\nBy Sam Reed\n\nLeave a comment\n\n{paragraphs('Tuesday', TOWNS[:6])}"
    assert len(bodies(text)) == 1


def test_a_comment_item_in_a_menu_does_not_swallow_the_next_page():
    first = paragraphs("Tuesday", TOWNS[:6])
    menu = "\n".join(["Home", "News", "Comment", "Sport", "Water board plans repairs"])
    second = paragraphs("Friday", TOWNS[6:])
    found = bodies(f"{first}\n\nTerms of Service Privacy Notice\n\n{menu}\n\n{second}")
    assert len(found) == 2 and "Friday" in found[1]


def test_a_list_announced_at_the_end_of_a_body_is_kept_as_paragraphs():
    from dateline import process_text

    dates = "\n".join(f"June {day} -- {town} Arena, {town}" for day, town in zip(range(9, 14), TOWNS, strict=False))
    text = f"Band plans a tour\n\n{paragraphs('Tuesday', TOWNS[:6])}\n\nThe tour dates:\n{dates}\n\nFacebook\nTwitter"
    article = process_text(text.encode()).articles[0]
    texts = [p.text for p in article.paragraphs]
    assert "The tour dates:" in texts and "June 13 -- Elsby Arena, Elsby" in texts
    assert not any(s.text.startswith("June") for s in article.subheads)


def test_a_body_printed_again_as_one_run_on_line_is_dropped():
    from dateline import process_text

    body = [
        "The regional water board said on Tuesday that it would spend more on repairing old pipes this year.",
        "A dry summer left several towns in the valley with low water pressure for weeks, residents said.",
        "Engineers will start with the oldest mains under the market square, which date from the last century.",
        "The work is expected to cost about twelve million euros and to last until the end of next spring.",
        "Council members welcomed the plan but asked for a clear timetable before the roads are dug up again.",
        "A spokesman for the board said the first contracts would be signed before the end of the month.",
    ]
    run_on = " ".join(body[:4])
    text = "Water board plans repairs\n\n" + "\n\n".join(body) + "\n\n" + run_on
    article = process_text(text.encode()).articles[0]
    assert len(article.paragraphs) == 6


POLICY = [
    "If you have any questions about our privacy policy, please write to the editors.",
    "Users are obliged to speak respectfully to other participants in the discussion.",
    "The site administration has the right to delete comments that break these rules.",
    "Comments posted in other languages may be removed without notice by moderators.",
]


def test_a_sites_comment_rules_are_not_an_article():
    rules = "\n\n".join(f"Rule {n}: {rule}" for n, rule in enumerate(POLICY * 3))
    text = f"Water board plans repairs\n\n{paragraphs('Tuesday', TOWNS[:6])}\n\nPrivacy Policy\n\n{rules}"
    found = bodies(text)
    assert len(found) == 1 and "obliged" not in found[0]


def test_news_about_a_privacy_policy_is_an_article():
    news = [f"Rule {n}: {rule}" for n, rule in enumerate(POLICY * 3)]
    news[0] = "The site said on Monday that it had changed its rules for readers' comments."
    assert len(bodies("Site changes its rules\n\n" + "\n\n".join(news))) == 1


def test_one_story_on_several_pages_is_several_articles():
    headline = "Water board plans repairs"
    pages = [
        f"{headline}\n\nBy Sam Reed\n\n{headline}\n\n{paragraphs(day, TOWNS[:9])}"
        for day in ("Monday", "Tuesday", "Wednesday", "Thursday")
    ]
    assert len(bodies("\n\n".join(pages))) == 4


def test_the_sample_repeated_many_times_keeps_every_article():
    from dateline.demo import sample_path

    sample = sample_path().read_text(encoding="utf-8")
    expected = len(bodies(sample))
    copies = [sample.replace("Tuesday", f"Tuesday ({i})") for i in range(6)]
    assert len(bodies("\n\n".join(copies))) == 6 * expected
