"""The shared spaCy pipeline: the model plus dateline's own corrections."""

from __future__ import annotations

from dateline.nlp.pipeline import load_nlp


def test_verb_forms_the_lemmatizer_gets_wrong_are_fixed():
    doc = load_nlp()("She is hoping for a deal, he hoped for one and they hope for two.")
    assert {t.lemma_ for t in doc if t.lower_ in ("hoping", "hoped", "hope")} == {"hope"}


def test_the_fix_leaves_other_words_alone():
    doc = load_nlp()("The rabbit hopped over the fence.")
    assert [t.lemma_ for t in doc if t.lower_ == "hopped"] == ["hop"]


def test_a_paragraph_break_always_starts_a_sentence():
    doc = load_nlp()("The mayor spoke to the council and\n\nthe harbour plan was approved.")
    starts = [t.text for t in doc if t.is_sent_start]
    assert "the" in starts


def test_letters_for_a_degree_after_a_name_are_no_entity_and_leave_the_name_a_person():
    doc = load_nlp()(
        "“Fish twice a week,” Anna Berg MS, RD, LDN, a harbour town dietitian told the Island Times. "
        "“Walk more,” says Tom Lind, MD, a harbour town doctor."
    )
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents.get("Anna Berg") == "PERSON" and ents.get("Tom Lind") == "PERSON", ents
    assert not {"MS", "RD", "LDN", "MD", "Anna Berg MS"} & set(ents), ents


def test_a_state_after_a_city_is_still_a_place():
    doc = load_nlp()("The ferry company moved from Jackson, MS, to Mobile on Monday.")
    assert "MS" in {e.text for e in doc.ents}
