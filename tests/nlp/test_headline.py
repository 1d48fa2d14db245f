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


def test_a_headline_person_ends_before_a_word_the_body_writes_in_lower_case():
    from spacy.tokens import Span

    from dateline.nlp.headline import trim_headline_names

    nlp = load_nlp()
    headline = "Host Corrected For Blaming Berg Gaffe On Reyes"
    body = "Mayor Anna Berg made the original gaffe, not John Reyes. Berg said so on Monday.\n"
    doc = nlp(headline + "\n\n" + body)
    gaffe = [t.i for t in doc if t.text in ("Berg", "Gaffe") and t.idx < len(headline)]
    reyes = [t.i for t in doc if t.text == "Reyes" and t.idx < len(headline)]
    doc.ents = [Span(doc, gaffe[0], gaffe[-1] + 1, label="PERSON"), Span(doc, reyes[0], reyes[0] + 1, label="PERSON")]
    trim_headline_names(doc, len(headline), body)
    assert [(e.text, e.label_) for e in doc.ents] == [("Berg", "PERSON"), ("Reyes", "PERSON")]
    # a name the body prints whole stays whole
    doc.ents = [Span(doc, gaffe[0], gaffe[-1] + 1, label="PERSON")]
    trim_headline_names(doc, len(headline), body + "Critics mocked the Berg Gaffe all week.\n")
    assert [e.text for e in doc.ents] == ["Berg Gaffe"]
