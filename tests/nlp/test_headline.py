"""Title Case headlines re-parsed as sentences."""

from __future__ import annotations

from dateline.api import process_article
from dateline.nlp.headline import is_title_case, names_in, sentence_cased

BODY = (
    "Mayor Anna Berg spoke to the council on Monday about the harbour.\n\n"
    "The council heard from the Harbour Board and from the fishermen of Port Ellen.\n"
)


def test_title_case_is_told_from_sentence_case():
    assert is_title_case("Mayor Berg Slams Harbour Board Over Dredging Delay")
    assert not is_title_case("Mayor Berg slams harbour board over dredging delay")


def test_only_words_that_are_not_names_are_lowered():
    names = names_in(BODY)
    cased = sentence_cased("Mayor Berg Slams Harbour Board Over Dredging Delay", names)
    assert cased == "Mayor Berg slams Harbour Board over dredging delay"
    assert len(cased) == len("Mayor Berg Slams Harbour Board Over Dredging Delay")


def test_a_title_case_headline_gets_its_verb_and_keeps_its_text():
    headline = "Mayor Berg Slams Harbour Board Over Dredging Delay"
    article = process_article(headline + "\n\n" + BODY).articles[0]
    assert article.headline.text == headline
    quotes = [q for q in article.quotes if q.content.text.startswith("Harbour Board")]
    assert quotes and quotes[0].speaker.text.endswith("Berg"), [(q.speaker, q.content.text) for q in article.quotes]
