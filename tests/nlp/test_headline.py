"""Title Case headlines re-parsed as sentences."""

from __future__ import annotations

from dateline.api import process_article
from dateline.nlp.headline import is_title_case, names_in, reparse_headlines, sentence_cased
from dateline.nlp.pipeline import load_nlp

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


def test_headlines_reparsed_together_get_the_parse_each_gets_alone():
    nlp = load_nlp()
    headlines = ["Mayor Berg Slams Harbour Board Over Dredging Delay", "Fishermen Of Port Ellen Reject The Levy Again",
                 "harbour board meets on monday"]  # (the last is not in Title Case: left alone)
    texts = [h + "\n\n" + BODY for h in headlines]

    def parses(batch: bool):
        docs = [nlp(text) for text in texts]
        jobs = [(doc, len(h), BODY) for doc, h in zip(docs, headlines, strict=True)]
        done = reparse_headlines(nlp, jobs) if batch else [reparse_headlines(nlp, [job])[0] for job in jobs]
        return done, [[(t.tag_, t.dep_, t.head.i, t.lemma_) for t in doc] for doc in docs]

    together, alone = parses(True), parses(False)
    assert together == alone
    assert together[0] == [True, True, False]
    unparsed = [[(t.tag_, t.dep_, t.head.i, t.lemma_) for t in nlp(text)] for text in texts]
    assert together[1][0] != unparsed[0] and together[1][2] == unparsed[2]
