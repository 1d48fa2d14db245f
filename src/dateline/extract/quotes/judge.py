"""A learned second opinion on the quotes the rules list: rules propose, the model disposes.

The rules of ``checks`` list a quote when it looks like words someone said. On PolNeAR about one
listed quote in twelve matches no annotated attribution (or matches it with another speaker): a
title, a fragment, an unresolved pronoun, a wish read as speech. The model reads the shape of each
listed quote (its kind, cue, speaker and content: ``quote_features``) and gives the probability
that both its words and its speaker are right; a listed quote under ``threshold`` is stored but
not listed, with the reason ``unlikely``.

The model is package data (``data/quote_judge.json``): gradient-boosted trees (LightGBM), trained
by ``tools/train_quote_judge.py`` on the first half of PolNeAR train only (the file names the data
and seed); the second half and PolNeAR dev are left to measure it.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from importlib import resources

from spacy.tokens import Doc

from ...model import Actor, Quote
from ...nlp.text import ArticleText
from ..lexicon import reporting_verbs
from .checks import cue_verb, parsed

MODEL_FILE = "quote_judge.json"
KINDS = ("direct", "indirect", "mixed", "partial")
CUE_CLASSES = ("speech", "thought", "object", "topic", "as")
SPEAKER_WORDS = ("he", "she", "they", "it", "i", "we", "you", "who", "which", "that", "this")
UNNAMED = ("source", "person", "group", "object", "other")
ACTOR_KINDS = ("person", "organisation", "country")
_WORD = re.compile(r"\w+")


PARSE_FACTS = ("content_clause", "content_subject", "cue_negated", "cue_root", "cue_clausal", "cue_relative",
               "speaker_propn", "speaker_noun", "speaker_pron", "speaker_person_ent", "speaker_org_ent",
               "speaker_place_ent", "content_verbs")  # fmt: skip


def parse_facts(quote: Quote, doc: Doc, text: ArticleText) -> list[float]:
    """What the parse says of a quote's cue, speaker and content (``PARSE_FACTS``)."""
    content = parsed(quote.content, doc, text)
    speaker = parsed(quote.speaker, doc, text) if quote.speaker is not None else None
    verbs = [t for t in content if t.pos_ in ("VERB", "AUX")] if content is not None else []
    subjects = [t for t in content if t.dep_ in ("nsubj", "nsubjpass")] if content is not None else []
    verb = cue_verb(quote, doc, text)
    head = speaker.root if speaker is not None else None
    return [
        float(content is not None and content.root.pos_ in ("VERB", "AUX")),
        float(bool(subjects)),
        float(verb is not None and any(c.dep_ == "neg" for c in verb.children)),
        float(verb is not None and verb.dep_ == "ROOT"),
        float(verb is not None and verb.dep_ in ("ccomp", "xcomp", "advcl", "conj")),
        float(verb is not None and verb.dep_ in ("relcl", "acl")),
        float(head is not None and head.pos_ == "PROPN"),
        float(head is not None and head.pos_ == "NOUN"),
        float(head is not None and head.pos_ == "PRON"),
        float(head is not None and head.ent_type_ == "PERSON"),
        float(head is not None and head.ent_type_ in ("ORG", "NORP")),
        float(head is not None and head.ent_type_ in ("GPE", "LOC", "FAC")),
        float(len(verbs)),
    ]


def feature_names() -> list[str]:
    names = [f"kind_{k}" for k in KINDS] + [f"cue_{c}" for c in CUE_CLASSES]
    names += ["cue_according", "cue_colon", "cue_none", "cue_lemma"]
    names += [f"speaker_{w}" for w in SPEAKER_WORDS] + [f"unnamed_{u}" for u in UNNAMED]
    names += [f"actor_{k}" for k in ACTOR_KINDS]
    names += ["speaker_words", "speaker_capitalised", "speaker_refers", "speaker_before", "speaker_gap"]
    names += ["content_words", "content_parts", "content_marked", "content_that", "content_upper",
              "content_question", "content_end_stop", "headline", "block", "flags", "medium", "tone"]  # fmt: skip
    return names + list(PARSE_FACTS)


def quote_features(
    quote: Quote, actors: list[Actor], lemma_ids: dict[str, int], doc: Doc, text: ArticleText
) -> list[float]:
    """The shape of a quote, as numbers (see ``feature_names``); ``lemma_ids`` numbers the cue
    lemmas the model knows (others are -1)."""
    lemma = (quote.cue_lemma or "").lower()
    cue_class = reporting_verbs().get(lemma)
    row: list[float] = [float(quote.kind == k) for k in KINDS]
    row += [float(cue_class == c) for c in CUE_CLASSES]
    row += [float(lemma == "according to"), float(lemma in (":", "—", "-")), float(not lemma)]
    row.append(float(lemma_ids.get(lemma, -1)))
    speaker = quote.speaker.text if quote.speaker is not None else ""
    row += [float(speaker.lower() == w) for w in SPEAKER_WORDS]
    row += [float(quote.unnamed == u) for u in UNNAMED]
    actor = actors[quote.speaker_actor] if quote.speaker_actor is not None else None
    row += [float(actor is not None and actor.kind == k) for k in ACTOR_KINDS]
    content = " ".join(part.text for part in quote.stretches())
    before = quote.speaker is not None and quote.speaker.start < quote.content.start
    if quote.speaker is None:
        gap = -1.0
    elif before:
        gap = max(0, quote.content.start - quote.speaker.end) / 100
    else:
        gap = max(0, quote.speaker.start - quote.content.end) / 100
    row += [
        float(len(_WORD.findall(speaker))),
        float(speaker[:1].isupper()),
        float(quote.speaker_refers is not None),
        float(before),
        gap,
    ]
    words = _WORD.findall(content)
    row += [
        math.log1p(len(words)),
        float(len(quote.parts) or 1),
        float(any(c in content for c in "“”\"")),
        float(content.lower().startswith("that ")),
        float(content.lstrip("“\"‘'")[:1].isupper()),
        float("?" in content),
        float(content.rstrip("”\"’' ")[-1:] in (".", "!", "?")),
        float(quote.block < 0),
        float(min(quote.block, 40)),
        float(len(quote.flags)),
        float(quote.medium is not None),
        quote.tone if quote.tone is not None else 0.0,
    ]
    return row + parse_facts(quote, doc, text)


@cache
def _model():
    """(booster, cue lemma ids, threshold), or None where the package ships no model."""
    try:
        raw = resources.files("dateline.extract.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    import lightgbm

    data = json.loads(raw)
    if data["features"] != feature_names():
        raise RuntimeError(f"{MODEL_FILE} was trained on other features: retrain it (tools/train_quote_judge.py)")
    return lightgbm.Booster(model_str=data["model"]), data["lemmas"], data["threshold"]


def judge_quotes(quotes: list[Quote], actors: list[Actor], doc: Doc, text: ArticleText) -> list[Quote]:
    """Unlist (``unlikely``) the listed quotes the model finds under its threshold; in place."""
    listed = [q for q in quotes if q.listed]
    if collector is not None:  # training (tools/train_quote_judge.py): the features, before any judging
        collector.extend((q, quote_features(q, actors, {}, doc, text)) for q in listed)
        return quotes
    model = _model()
    if model is None or not listed:
        return quotes
    booster, lemmas, threshold = model
    rows = [quote_features(q, actors, lemmas, doc, text) for q in listed]
    # one thread: a few rows per article, and OpenMP threads would not survive a forked worker
    for quote, p in zip(listed, booster.predict(rows, num_threads=1), strict=True):
        if p < threshold:
            quote.listed, quote.unlisted_because = False, "unlikely"
    return quotes


# Set to a list by the training tool to gather features instead of judging.
collector: list | None = None
