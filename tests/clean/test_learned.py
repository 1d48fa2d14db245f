"""The line model that segments full-page scrapes, and where it hands over to the rules."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from dateline import process_text
from dateline.clean import learned, segment
from dateline.clean.linefeatures import feature_names, line_features
from dateline.clean.lines import split_lines

from ..conftest import REPO, SHARED, need_shared

MENU = ["Home", "World", "Politics", "Business", "Science", "Opinion", "Sport", "Weather", "Video", "Podcasts"]
FOOTER = ["About us", "Contact us", "Careers", "Privacy Policy", "Terms of Use", "Cookie settings"]


def page(site: str, headline: str, paragraphs: list[str], related: list[str]) -> str:
    """A page as a plain full-page scrape prints it: window title, menus, the article, links, footer."""
    lines = [f"{headline} | {site}", "Skip to main content", site, "Menu", "Search", *MENU, "Sign in", "Subscribe"]
    lines += [headline, "By Staff Reporter", "Published 3 March 2025", "Share", *paragraphs, "Advertisement"]
    lines += ["Related stories", *related, "Most read", *related[::-1], *FOOTER, f"© 2025 {site}. All rights reserved."]
    return "\n".join(lines)


FERRY = [
    "The harbour council voted on Monday to approve a new ferry route linking the port with the outer islands.",
    "Councillors backed the plan by 31 votes to 9 after a debate that lasted most of the afternoon.",
    "The route will be served by two electric ferries that are due to enter service next spring, officials said.",
    "Opponents argued that the budget of 40 million euros was too high for a service used by a few thousand people.",
    "Islanders have relied on a private boat that runs twice a day in summer and only once a day in winter.",
    "The council said the new timetable would allow children from the islands to attend schools on the mainland.",
    "A public consultation on the timetable will open next month and run until the end of the summer, it said.",
]
SNOW = [
    "Authorities raised avalanche warnings to the highest level across the western Alps after two days of snowfall.",
    "Several roads were closed and some mountain villages were cut off, police said in a statement on Sunday.",
    "The national snow institute said the risk would remain very high until temperatures fell later in the week.",
    "Ski resorts told visitors to stay on marked slopes and to follow the instructions of the mountain rescue teams.",
    "Train services between the main valleys were suspended while crews cleared snow from the tracks, operators said.",
    "Hotels in the affected villages said guests were safe and had enough food and fuel for several more days.",
]
RELATED = ["Port workers strike over pay", "New bridge opens to traffic", "Fishing quotas cut again",
           "Island school to close", "Ferry fares to rise in May"]  # fmt: skip
DUMP = "\n\n".join([
    page("Harbour Herald", "Council approves new ferry route to the islands", FERRY, RELATED),
    page("Mountain Times", "Avalanche warnings raised as heavy snow hits the Alps", SNOW,
         ["Glacier melt hits record", "Ski season opens early", "Mountain pass reopens", "Rescue drill held",
          "Village fair cancelled"]),
])  # fmt: skip


def test_the_shipped_model_reads_the_features_this_code_computes():
    model = learned.load_model()
    assert model.body.num_feature() == model.start.num_feature() == len(feature_names())
    assert model.gap.num_feature() == len(learned.GAP_FEATURES)
    assert model.meta["trained_on"] == ["dumps", "dumps2023"] and model.meta["seed"] == 13


def test_two_full_pages_give_two_clean_articles():
    lines = split_lines(DUMP)
    assert learned.in_model_domain(lines)
    doc = process_text(DUMP)
    assert [a.headline.text for a in doc.articles] == [
        "Council approves new ferry route to the islands",
        "Avalanche warnings raised as heavy snow hits the Alps",
    ]
    for article, paragraphs in zip(doc.articles, (FERRY, SNOW), strict=True):
        assert [p.text for p in article.paragraphs] == paragraphs
        for furniture in (*MENU, *FOOTER, "Advertisement", "Related stories", *RELATED):
            assert furniture not in [p.text for p in article.paragraphs]
    assert doc.discarded_words == 0  # every prose line is in an article


def test_clean_scrapes_and_short_texts_go_to_the_rules():
    ferry, snow = "Ferry route approved for islands", "Avalanche warning raised in Alps"
    seed_like = "\n".join([ferry, "", ferry, "Updated 3 hours ago", *FERRY, "", snow, "", snow, *SNOW])
    assert not learned.in_model_domain(split_lines(seed_like))  # mostly prose: a clean scrape
    assert not learned.in_model_domain(split_lines("\n".join(["Home", "News", *FERRY[:3]])))  # too short
    def bodies(regions):
        return [[line.text for line in region.body] for region in regions]

    lines = split_lines(seed_like)
    assert bodies(learned.find_regions(lines)) == bodies(segment.find_regions(lines)) != []


def test_regions_follow_the_probabilities():
    lines = split_lines("\n".join(["Site | Title", "Menu", *FERRY[:3], "Footer", "Other | Site", *SNOW[:3], "Share"]))
    nonblank, _ = line_features(lines)
    start = np.zeros(len(nonblank))
    start[6] = 0.9  # "Other | Site" opens the second page
    body_at = [2, 3, 4, 7, 8, 9]
    gaps = np.array([0.1, 0.1, 0.8, 0.1, 0.1])  # only the gap between FERRY[2] and SNOW[0] is a boundary
    regions = learned.decode_regions(nonblank, body_at, start, gaps, learned.Thresholds(min_words=10))
    assert [[line.text for line in r.body] for r in regions] == [FERRY[:3], SNOW[:3]]
    assert regions[1].zone[0].text == "Other | Site"  # the second header starts at the likeliest page start
    too_small = learned.decode_regions(nonblank, body_at, start, gaps, learned.Thresholds(min_words=100))
    assert too_small == []


def test_prose_far_below_the_article_is_not_its_body():
    # a standfirst set apart by a photo's lines stays; a teaser past the links below the article does not
    standfirst = "Islanders will get a daily service from next spring."
    teaser = "The port board raised harbour fees for the third year running, citing the cost of dredging works."
    photo = ["Photo: the new ferry", "Credit: Harbour Herald"] * 6
    links = [f"Related link {n}" for n in range(12)]
    lines = split_lines("\n".join(["Site | Title", standfirst, *photo, *FERRY, *links, teaser, "Footer"]))
    nonblank, _ = line_features(lines)
    body = [line for line in nonblank if line.text in (standfirst, teaser, *FERRY)]
    (region,) = learned.without_satellites([segment.Region(zone=nonblank[:1], body=body)], nonblank)
    assert [line.text for line in region.body] == [standfirst, *FERRY]
    near = [line for line in nonblank if line.text in FERRY[:3] or line.text == links[0]]  # one line apart
    (same,) = learned.without_satellites([segment.Region(zone=nonblank[:1], body=near)], nonblank)
    assert same.body == near


def test_site_chrome_with_a_headline_printed_twice_always_splits():
    gaps = np.zeros((2, len(learned.GAP_FEATURES)), dtype=np.float32)
    chrome, title = learned.GAP_FEATURES.index("count_kind_chrome"), learned.GAP_FEATURES.index("count_title_break")
    gaps[0, [chrome, title]] = 1, 2
    gaps[1, chrome] = 1
    assert learned.with_rule_splits(np.array([0.1, 0.1]), gaps).tolist() == [1.0, 0.1]


def test_the_training_script_finds_every_page_of_a_shared_dump():
    pytest.importorskip("html_text", reason="html-text renders the pages (pip install -e '.[train]')")
    sys.path.insert(0, str(REPO / "tools"))
    import train_segmenter

    need_shared(SHARED / "eval" / "dumps2023")
    dumps = train_segmenter.load_dumps(SHARED, corpora={"dumps2023": "news2023"}, names=["dump001.txt"])
    (dump,) = dumps
    assert int(dump.start.sum()) == len(dump.truth) == 4
    assert dump.page.tolist() == sorted(dump.page.tolist())  # pages follow each other
    assert 0 < dump.body.sum() < len(dump.lines)
