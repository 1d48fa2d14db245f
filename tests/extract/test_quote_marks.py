"""Quotation marks paired per paragraph (extract/quotes/marks.py), on texts written for the tests."""

from __future__ import annotations

from dateline.extract.quotes.marks import find_marks


def spans(text, blocks, headline=None):
    return [(text[m.start : m.end], m.closed, m.block, m.continued) for m in find_marks(text, headline, blocks)]


def test_curly_straight_and_archive_marks_pair():
    text = "“We will win,” she said. \"It is done,\" he said. ''Fine,'' they said."
    assert [s[0] for s in spans(text, [(0, len(text))])] == ["“We will win,”", '"It is done,"', "''Fine,''"]


def test_a_straight_closer_ends_a_curly_quote():
    text = '“We will win," she said.'
    assert spans(text, [(0, len(text))]) == [('“We will win,"', True, 0, False)]


def test_a_quote_left_open_continues_into_the_next_paragraph_that_opens_with_a_mark():
    first = "“The first part runs on."
    second = "“And ends here,” she said."
    text = first + "\n\n" + second
    found = spans(text, [(0, len(first)), (len(first) + 2, len(text))])
    assert found == [(first, True, 0, False), ("“And ends here,”", True, 1, True)]


def test_an_unclosed_quote_stays_open_when_the_next_paragraph_does_not_open_with_one():
    first = "He said “the plan is dead."
    second = "Nobody answered."
    text = first + "\n\n" + second
    assert spans(text, [(0, len(first)), (len(first) + 2, len(text))]) == [("“the plan is dead.", False, 0, False)]


def test_the_headline_is_block_minus_one_and_read_first():
    # (single curly marks are not paired: they are apostrophes as often as quotes)
    headline = "Sanders: “It Is Not A Radical Idea”"
    body = "“Yes,” he said."
    text = headline + "\n\n" + body
    found = spans(text, [(len(headline) + 2, len(text))], headline=(0, len(headline)))
    assert [(s[0], s[2]) for s in found] == [("“It Is Not A Radical Idea”", -1), ("“Yes,”", 0)]


def test_single_curly_marks_pair_where_no_double_ones_are_open():
    text = (
        "‘We need the ferries,’ she said. ‘The parents’ union will not back down,’ he said. In the ‘90s it was"
        " calm, don’t forget. “He told me ‘no’ twice,” she said. He called it ‘a threat’ to the port."
    )
    assert [s[0] for s in spans(text, [(0, len(text))])] == [
        "‘We need the ferries,’", "‘The parents’ union will not back down,’", "“He told me ‘no’ twice,”", "‘a threat’"
    ]


def test_a_single_mark_that_nothing_closes_is_no_quote():
    text = "‘Sorry, we are closed for the winter season, the sign read. The ferry left."
    assert spans(text, [(0, len(text))]) == []


def test_an_inch_mark_does_not_close_a_straight_quote():
    text = 'Police described him as a "white male, 6\'1" tall, 170 pounds, dark hair," the report said.'
    assert [s[0] for s in spans(text, [(0, len(text))])] == ['"white male, 6\'1" tall, 170 pounds, dark hair,"']
