"""The quote judge: a learned model (package data) that unlists unlikely quotes the rules listed."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from dateline.api import process_article
from dateline.extract.quotes import judge

TEXT = (
    "Harbour strike\n\nThe harbour master said the talks had failed on Monday.\n\n"
    "“We will not give up,” the union leader told reporters.\n\nHe pledged to fix what he called a “broken” port."
)


def test_the_model_names_its_data_and_seed_and_reads_the_features_of_this_code():
    data = json.loads(resources.files("dateline.extract.data").joinpath(judge.MODEL_FILE).read_text("utf-8"))
    assert data["trained_by"] == "tools/train_quote_judge.py"
    assert "polnear/train, first half" in data["data"] and isinstance(data["seed"], int)
    assert data["features"] == judge.feature_names()
    assert 0 < data["threshold"] < 1
    assert judge._model() is not None


@pytest.mark.parametrize(("threshold", "unlisted"), [(0.0, False), (1.01, True)])
def test_the_threshold_decides_which_listed_quotes_stay(monkeypatch, threshold, unlisted):
    booster, lemmas, _ = judge._model()
    monkeypatch.setattr(judge, "_model", lambda: (booster, lemmas, threshold))
    quotes = process_article(TEXT).articles[0].quotes
    judged = [q for q in quotes if q.unlisted_because in (None, "unlikely")]
    assert judged
    assert all((q.unlisted_because == "unlikely") == unlisted for q in judged)
    assert all(q.listed != unlisted for q in judged)


def test_the_features_are_one_row_per_quote_and_name():
    judge.collector = []
    try:
        process_article(TEXT)
        rows = judge.collector
    finally:
        judge.collector = None
    assert rows and all(len(features) == len(judge.feature_names()) for _, features in rows)
