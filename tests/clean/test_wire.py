from __future__ import annotations

import pytest

from dateline.clean.wire import agency_from_body, agency_from_credit, agency_from_signoff, parse_dateline


@pytest.mark.parametrize(
    ("paragraph", "places", "agency", "rest"),
    [
        ("WASHINGTON/MOSCOW/KYIV: Donald Trump discussed", ["Washington", "Moscow", "Kyiv"], None, "Donald"),
        ("DHAKA: Tens of thousands", ["Dhaka"], None, "Tens"),
        ("NEW DELHI (Reuters) - India said", ["New Delhi"], "Reuters", "India"),
        ("LONDON, Nov 18 (Reuters) - Shares fell", ["London"], "Reuters", "Shares"),
        ("LIMA, Peru (AP) — Hundreds of boats", ["Lima"], "AP", "Hundreds"),
        ("Washington (AFP) - The president", ["Washington"], "AFP", "The"),
    ],
)
def test_datelines(paragraph, places, agency, rest):
    dateline = parse_dateline(paragraph)
    assert dateline.places == places
    assert dateline.agency == agency
    assert paragraph[dateline.length :].startswith(rest)


@pytest.mark.parametrize(
    "paragraph",
    ["NATO members met on Monday.", "US troops would not be deployed", "I - for one - disagree.", "Sport: a review"],
)
def test_not_datelines(paragraph):
    assert parse_dateline(paragraph) is None


def test_agency_cues():
    assert agency_from_credit("Trump discussed the war. (File/AFP)") == "AFP"
    assert agency_from_credit("A view of the port. Photo: Reuters/Jane Doe") == "Reuters"
    assert agency_from_credit("A view of the port. (Photo: Jane Doe)") is None
    assert agency_from_signoff("— AFP") == "AFP"
    assert agency_from_signoff("(Reporting by Jane Doe; Editing by John Roe)") == "Reuters"
    assert agency_from_signoff("Thanks for reading") is None
    assert agency_from_body("“Religion is a tool,” he told AFP.") == "AFP"
    assert agency_from_body("She told the Associated Press on Monday") == "AP"
    assert agency_from_body("He told reporters.") is None
