"""A dump of articles from three made-up sites, each with its own page furniture."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from dateline import process_text
from dateline.demo import SAMPLE_CRAWL_TIME, sample_path

DUMP = """Harbour Herald
Home
News
Sport
Business
Subscribe
Sign in

City council approves new ferry route to the islands

By Maria Lopes
Published 12 May 2024

City council approves new ferry route to the islands

The city council voted on Thursday to approve a new ferry route linking the harbour with the three outer islands, ending years of debate over the cost of the service.
Councillors voted 31 to 9 in favour of the plan, which will see two electric ferries enter service in the spring of next year.
Advertisement
“This is a good day for the islands and for everyone who has waited so long,” said council leader Anna Berg, who has backed the route since she was first elected.
Opponents said the budget of 40 million euros was too high and that the money would be better spent on roads in the city itself.
Read more
The ferries will be built at a yard in the north of the country, the council said.
Residents of the islands have relied on a private boat service that runs twice a day in summer and once a day in winter.

© 2024 Harbour Herald. All rights reserved.
Privacy Policy
Terms of Use
Contact Us

Mountain Times
Menu
Search

Avalanche warning raised as heavy snow hits the Alps

Updated 3 hours ago

Avalanche warning raised as heavy snow hits the Alps

GENEVA (Reuters) - Authorities raised avalanche warnings to the highest level across several Alpine valleys on Sunday after more than a metre of snow fell in two days.
Several roads were closed and some villages were cut off, police said, as rescue teams stood by in case of slides.
The national snow institute said the risk would remain very high until at least Tuesday, when temperatures are expected to rise.
Ski resorts told visitors to stay on marked slopes and to follow the instructions of patrols.
“We have not seen this much snow so early in the season for many years,” a spokesman for the institute said.
Related stories
Ski season opens early in the north
Glacier melt hits record again
Train services between the main valleys were also suspended, the national railway said.
Reporting by Jane Doe; Editing by John Roe

Mountain Times 2024
Cookie Policy

Tech Daily Digest

Chip maker opens research centre in the capital

Chip maker opens research centre in the capital
  • The centre will employ 600 engineers within three years

A semiconductor company opened a research centre in the capital on Monday, saying it would hire hundreds of engineers to work on the next generation of chips.
The company said the centre would focus on low-power designs for phones and cars, and would work with three local universities.
The government has offered tax breaks to attract chip makers as part of a plan to build up the country’s technology industry.
Analysts said the investment was a sign of growing confidence in the local economy after two difficult years.
Share this article
"""


def test_three_sites_three_articles():
    doc = process_text(DUMP, crawl_time=datetime(2024, 12, 1, 12, tzinfo=UTC))
    headlines = [a.headline.text if a.headline else None for a in doc.articles]
    assert headlines == [
        "City council approves new ferry route to the islands",
        "Avalanche warning raised as heavy snow hits the Alps",
        "Chip maker opens research centre in the capital",
    ]
    ferry, snow, chips = doc.articles
    assert ferry.published.value == "2024-05-12"
    assert len(ferry.paragraphs) == 6
    assert snow.updated.value == "2024-12-01T09:00:00Z"
    assert snow.dateline_places == ["Geneva"] and snow.agency == "Reuters"
    assert [s.text for s in chips.summary] == ["The centre will employ 600 engineers within three years"]
    assert len(chips.paragraphs) == 4
    for article in doc.articles:
        body = article.body
        for furniture in ("Advertisement", "Read more", "All rights reserved", "Share this article", "Related stories"):
            assert furniture not in body
        assert article.headline.text not in body


@pytest.mark.xfail(
    strict=True,
    reason="the line model ends a body at a related-stories box: on the shared pages, text after one is rarely "
    "the article's (issue 22 note)",
)
def test_the_body_goes_on_after_a_related_stories_box():
    snow = process_text(DUMP, crawl_time=datetime(2024, 12, 1, 12, tzinfo=UTC)).articles[1]
    assert snow.paragraphs[-1].text.startswith("Train services")


def test_bundled_sample():
    doc = process_text(sample_path().read_bytes(), crawl_time=SAMPLE_CRAWL_TIME)
    assert [a.agency for a in doc.articles] == ["Reuters", "AFP", "AP"]
    assert [a.dateline_places for a in doc.articles] == [["Oslo", "Helsinki"], ["Nairobi"], ["Lima"]]
    rail, farmers, fish = doc.articles
    assert [s.text for s in rail.subheads] == ["Reindeer herders object"]
    assert len(rail.captions) == 1
    assert farmers.updated.value == "2025-03-04T08:44:50Z"
    assert "Peru’s northern coast" in fish.paragraphs[0].text  # mojibake repaired
    assert [f.codepoint for f in fish.flags] == ["U+FFFD"]
