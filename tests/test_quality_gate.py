"""Scored gates on real documents nobody here wrote (../shared/eval).

Floors are pinned a little under the measured figure so a regression fails CI; the
corpus is hashed so that a silent change of the evaluation data is caught too.
"""

from __future__ import annotations

import hashlib
import sys

import pytest

from .conftest import REPO, SHARED, need_shared

sys.path.insert(0, str(REPO / "bench"))

EXPECTED_DUMPS_HASH = "d2b8c751421b25acab1123b80e7087940442d622aa35c1a63c5144edcc87818d"
EXPECTED_DUMPS2023_HASH = "dccf2a462d86d8315724563577029a8fd57f4ab70f7031d8fef0ec72cf643753"
# The line model was trained on both dump sets, so these are in-sample floors (a regression
# check): 0.907 (31/36) and 0.903 (84/87) measured 2026-12-07. The figures on sites the model
# never saw come from tools/train_segmenter.py, cross-validated by site.
DUMPS_F1_FLOOR = 0.895
DUMPS_RIGHT_COUNT_FLOOR = 30
DUMPS2023_F1_FLOOR = 0.89
DUMPS2023_RIGHT_COUNT_FLOOR = 82


def corpus_hash(folder) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.mark.parametrize(
    ("corpus", "expected_hash", "f1_floor", "count_floor"),
    [
        ("dumps", EXPECTED_DUMPS_HASH, DUMPS_F1_FLOOR, DUMPS_RIGHT_COUNT_FLOOR),
        ("dumps2023", EXPECTED_DUMPS2023_HASH, DUMPS2023_F1_FLOOR, DUMPS2023_RIGHT_COUNT_FLOOR),
    ],
)
def test_dumps_segmentation_gate(corpus, expected_hash, f1_floor, count_floor):
    import dumps_eval

    folder = need_shared(SHARED / "eval" / corpus)
    assert corpus_hash(folder) == expected_hash, f"the {corpus} corpus changed: re-measure and re-pin the floors"
    result = dumps_eval.evaluate(folder)
    assert result["mean_f1"] >= f1_floor
    assert result["right_count"] >= count_floor


POLNEAR_OVERLAP_F1_FLOOR = 0.855
# issue 4's goal (dev measures 0.801 on 2026-12-02; the parse is deterministic for the pinned model)
POLNEAR_SOURCE_F1_FLOOR = 0.800


def test_polnear_quotes_gate():
    """Quotation extraction on PolNeAR dev (real political news, hand-annotated)."""
    import polnear_eval

    folder = need_shared(SHARED / "eval" / "polnear" / "dev")
    tally, _ = polnear_eval.evaluate(folder)
    assert tally.articles >= 80
    overlap = polnear_eval.prf(tally.tok_shared, tally.tok_pred, tally.tok_gold)[2]
    source = polnear_eval.prf(tally.src_hit, tally.src_pred, tally.src_gold)[2]
    assert overlap >= POLNEAR_OVERLAP_F1_FLOOR
    assert source >= POLNEAR_SOURCE_F1_FLOOR
    # The quote judge (trained on train's first half, never on dev) unlists quotes that match an
    # annotated attribution far less often than those it leaves listed (0.50 against 0.94 on
    # 2026-12-07), and only a few of them.
    unlikely, listed = tally.reasons["unlikely"], tally.reasons["listed"]
    assert 0 < unlikely <= 0.05 * listed
    share = {reason: tally.reasons_matched[reason] / tally.reasons[reason] for reason in ("unlikely", "listed")}
    assert share["unlikely"] <= share["listed"] - 0.2, share


PENTACLASS_MACRO_F1_FLOOR = 0.76
PLOVER_ACCURACY_FLOOR = 0.71
PLOVER_ACTOR_CODE_FLOOR = 0.80  # the acceptance line of the events issue


def test_cameo_event_gate():
    """Event coding on real news sentences (PentaClass and PLOVER gold standard)."""
    import cameo_eval

    folder = need_shared(SHARED / "eval" / "cameo")
    penta = cameo_eval.evaluate_pentaclass(folder / "pentaclass_train.tsv")
    assert penta["n"] == 1349
    assert penta["macro_f1"] >= PENTACLASS_MACRO_F1_FLOOR
    plover = cameo_eval.evaluate_plover(folder)
    assert plover["accuracy"] >= PLOVER_ACCURACY_FLOOR
    assert plover["actor_accuracy"] >= PLOVER_ACTOR_CODE_FLOOR


# measured 2026-12-07: 0.973, bare trafilatura 0.954
AEB_F1_FLOOR = 0.965
AEB_OVER_BARE = 0.01


def test_html_reader_gate():
    """Article bodies from 121 real pages: above bare trafilatura, and above the floor."""
    import aeb_eval

    result = aeb_eval.evaluate(need_shared(SHARED / "eval" / "aeb"))
    assert result["ours"].pages == 121
    assert result["ours"].f1 >= AEB_F1_FLOOR
    assert result["ours"].f1 >= result["bare"].f1 + AEB_OVER_BARE


# Events on real news pages (../shared/eval/events, 35 news2023 pages coded by hand), as
# listed by default; measured 2026-12-07: all pages strict P 0.288, F1 0.212 (0.283, 0.204 once
# trafilatura's precise reading of the pages gave one of them another version of its story).
EVENTS_STRICT_P_FLOOR = 0.27
EVENTS_STRICT_F1_FLOOR = 0.20


def test_real_news_events_gate():
    """Events the coder lists on real news pages, scored by the corpus's own scorer."""
    import events_eval

    folder = need_shared(SHARED / "eval" / "events")
    results, _, _ = events_eval.evaluate(folder, need_shared(SHARED / "eval" / "news2023" / "html"))
    strict = results["all"]["strict"]
    assert strict["gold"] == 214
    assert strict["P"] >= EVENTS_STRICT_P_FLOOR
    assert strict["F1"] >= EVENTS_STRICT_F1_FLOOR
