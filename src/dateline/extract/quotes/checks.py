"""Which quotes a user is shown by default, and why the others are not.

Every attribution the finder proposes stays on the record (PolNeAR, like most attribution
corpora, annotates them all), but only words someone said are *listed* (``dateline quotes``
shows them; ``--all`` shows the rest with the reason). The reasons are general properties of
the attribution, not lists of sentences:

- ``a citation``: a line of a list of sources ("Fox News, RFK Jr. says Fauci 'caused a lot
  of injury,' July 10, 2023"): a short paragraph that ends in a full date;
- ``no speaker``: nobody is named or pointed to ("As previously mentioned, …"), or only how many
  ("all say …", "51 percent of voters say …");
- ``unresolved``: the speaker is a pronoun ("they think …", "he says", "it added") that stands for
  no one the article names (a person, organisation or a noun it refers to);
- ``negated``: the speech is denied: "did not say why", "no group claimed responsibility";
- ``hypothetical``: the speech is supposed, not reported: "if the employer asks you to pay …",
  "your mom might say she is hurt";
- ``a name``: the words are a name someone uses: "what Apple calls “tough glass”";
- ``an act``: what the verb reports is a deed, not words: "decided to delay the vote",
  "declined to comment", "agreed to pay", "claimed responsibility for the attack";
- ``an aim``: what the subject means to do or wishes for, not words: "plans to buy sugar",
  "wants to win", "wants the harbour closed", "is trying to reach a deal" ("vowed to fight"
  and "promised to cut taxes" are words, listed);
- ``a thing``: the "speaker" is a thing in the writer's sentence: "the bloodshed showed that
  …", "the move signals …". A speaker headed by a common noun is a thing unless the noun
  names speakers: a title, a group, a source, a text or finding (those lists), a noun that
  heads sources in PolNeAR train (``speaker_nouns.tsv``, learned), a common noun for people
  (``person_nouns.txt``: "captain", "niece"), or an agent noun by its ending ("fishermen",
  "protesters", "economist"). "It" doing anything but speak ("it supports
  everything") is a thing too, and so is "this" or "that" ("this is aiming to be …", "That
  suggests a lack of confidence"), a picture showing a scene ("the video shows an officer …"),
  and a "speaker" or content in a table row ("| Price |
  Supported Systems |") and a rule followed ("reviewed according to the site's editorial process");
- ``the writer``: "I" or "we" outside quotation marks thinking, knowing or wanting ("we know
  it's not easy"), an "it" that stands for nothing ("it is worth noting that …"), and advice
  ("investors should consider …"): the writer's own voice, not a quote (their "I always say, …" is listed);
  and "you", the reader the writer addresses ("you can snap a screenshot", "you might say, “…”");
- ``a belief``: what people at large think, know, fear or expect, told in the writer's words:
  "people assume we married for money", "those who know the town think it will flood", and
  what anyone thought at the time, in the past tense of the story: "her doctor assumed he had
  a cold" (a present view of someone named, a group or officials stays listed: "the minister
  believes the talks will fail", "strategists fear" report what they said);
- ``a topic``: what a verb reports is an open question, what the words were about rather than
  the words: "documented just how little the crew ate", "demonstrated how the astronauts ate",
  "noted if and how often they used it" (a question asked stays: "asked whether the vote would pass");
  or words named with their topic only: "shared his thoughts on education";
- ``a stance``: what a verb reports is a bare noun phrase, no proposition: "dismissed the
  claim", "promised the area", "questioned his credentials", "claimed the European Super
  Cup", and a view held or shown rather than told: "cast herself as an ally", "sees them as
  rivals" (the act is an event, see ``dateline events``; "said yes", "gave his assessment" and
  "denounced the plan as a disaster" stay); also with a quoted title or fragment in it, after a
  verb whose object is acted on ("introduced the “Clean Harbour Act”"), unless someone says or
  names something inside it ("a statement calling the strike “a violation”").

A quote these checks list may still be unlisted afterwards as ``unlikely`` by the learned
quote judge (``judge.py``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...cameo import agent_nouns
from ...clean.lines import is_citation
from ...model import Quote, Span
from ...nlp.text import ArticleText
from ..lexicon import issued_texts, lexicon, person_nouns, reporting_verbs, speaker_nouns, word_nouns
from .words import FINDINGS, NAMING, frame, marked_to, names_something, unnamed_sources

# Words that open a supposed case or an open one: "if the employer asks you to pay …", "whether
# their kids will feel the same way is unclear".
_SUPPOSING = {"if", "unless", "whether"}
# Auxiliaries of what ought to happen, and contracted auxiliaries written out.
_OUGHT = {"should", "must"}
_CONTRACTED = {"'ve": "have", "'d": "would", "'ll": "will"}
# Modals of what may happen: "your mom might say …".
_MAYBE = {"might", "may", "could"}
# Auxiliaries that, with "have", suppose what did not happen.
_UNREAL = {"would", "could", "should"}
# What pictures a scene rather than says anything: "the video shows an officer asking …", "images of
# bullet casings indicate that they used live ammunition".
_PICTURES = {"video", "footage", "photo", "photograph", "image", "picture", "clip", "recording", "screenshot",
             "livestream", "map", "chart", "graphic"}  # fmt: skip
_SHOWING = {"show", "depict", "capture", "indicate", "reveal", "suggest", "confirm", "prove"}
# Negative determiners and pronouns of a subject: "no group", "neither man", "nobody".
_NO_ONE = {"no", "neither", "nobody", "none", "noone", "nothing"}
# Objects of "claim" and "take" that are deeds owned, not words: "claimed responsibility".
_DEEDS = {"responsibility", "credit"}
# What "according to" may name that is no one's words: a rule or a plan followed.
_RULES = {"process", "policy", "guideline", "standard", "rule", "procedure", "schedule", "plan", "protocol",
          "tradition", "custom", "legend", "term", "regulation", "law", "practice"}  # fmt: skip
# Pronouns that stand for things unless they speak ("it said" may be a company's words).
_NON_PERSONS = {"it", "this", "that"}
# Demonstratives that stand for a thing even when it "speaks": "That's when Merchant went in,
# saying …", "That suggests a lack of confidence" ("those who say" are people); so does a "which"
# that opens a sentence ("Which is all to suggest …").
_DEMONSTRATIVES = {"this", "that", "Which"}
# The writer's pronouns, outside quotation marks.
_WRITER = {"i", "we"}
# Where a noun stands, and what only a clause's verb governs.
_NOUN_DEPS = {"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos"}
_CLAUSE_DEPS = {"nsubj", "nsubjpass", "dobj", "ccomp", "xcomp", "aux", "auxpass", "mark", "advmod", "prep", "neg"}
# Classes of reporting verbs (extract/data/reporting_verbs.tsv) whose bare noun-phrase content
# is a stance or an act, not words: "object" (criticised the plan), "topic" (warned of a
# crisis), "thought", "speech" (claimed the cup), and "as" for a view held ("sees them as rivals").
_STANCE_CLASSES = {"object", "topic", "thought", "speech", "as"}
# Words opening an open question ("how little the crew ate", "whether it will pass"), adverbs
# that may come first ("just how little"), verbs whose open question is words all the same ("asked
# whether …"), and what a clause inside the words hangs by (then the question is not the content; a
# subject on the way is kept there for the parse's sake: "said if elected he could work with them").
_OPEN_WORDS = {"how", "what", "why", "whether", "if", "when", "where", "which", "who", "whom", "whose"}
_LEADING_ADVERBS = {"just", "exactly", "precisely", "roughly", "about"}
_ASKING = {"ask", "inquire", "enquire", "query", "question", "wonder", "quiz"}
_EMBEDDING_DEPS = {"advcl", "csubj", "csubjpass", "nsubj", "nsubjpass"}
# Short answers that stand for words said: "said yes", "said the same", "said as much".
_ANSWERS = {"yes", "no", "so", "same", "much", "opposite"}
# ... and words making a noun such an answer: "said the same thing".
_SAME = {"same", "opposite"}
# Object pronouns, never a speaker as written: "images that help us focus on goals".
_OBJECTS = {"us", "them", "me", "him"}
# Anyone at all: "Anyone who says …", "Everyone said …" supposes a speaker, names none.
_ANYONE_AT_ALL = {"anyone", "anybody", "whoever", "everyone", "everybody"}
# A speaker phrase that is only a quantity names no one: "all say", "one alleges", "a number mocked".
_QUANTITIES = {"all", "one", "some", "many", "most", "several", "both", "few", "a few", "a number", "none",
               "another", "a handful", "dozens", "hundreds", "thousands", *_ANYONE_AT_ALL}  # fmt: skip
# Heads of a speaker phrase that is a share of people, a poll's finding, not who said it: "51
# percent say", "a majority of voters believe", "half of them said".
_SHARES = {"percent", "%", "cent", "percentage", "majority", "minority", "plurality", "half", "third", "quarter",
           "share", "proportion", "fraction", "number"}  # fmt: skip
# Heads of a speaker phrase that is people at large, no one in particular: "people assume", "someone
# feels", "voters who think", "those who know".
_ANYONE = {"people", "person", "someone", "somebody", "nobody", "who", "those", "many", "some", "few", "others",
           *_ANYONE_AT_ALL}  # fmt: skip
# Pronouns for someone: a quote is listed for the one they stand for, not for the pronoun.
_PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "who", "whom"}
# The reader, addressed by the writer: "you can snap a screenshot", "how you might describe it".
_READER = {"you"}
# A word of two letters or more (or "I"): a speaker phrase names someone with one.
_NAMING_WORD = re.compile(r"[^\W\d_]{2,}|\bI\b")
# Endings of agent nouns: "protester", "investor", "economist", "historian", "fishermen", "detainee".
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "man", "men", "woman", "women", "ee", "eer", "ant")


def assess_quotes(quotes: list[Quote], doc: Doc, text: ArticleText) -> list[Quote]:
    """Set ``listed`` and ``unlisted_because`` on each quote (in place); returns the quotes."""
    for quote in quotes:
        reason = _reason(quote, doc, text)
        quote.listed, quote.unlisted_because = reason is None, reason
    return quotes


def _reason(quote: Quote, doc: Doc, text: ArticleText) -> str | None:
    if _citation(quote, text):
        return "a citation"
    if quote.speaker is None or not _NAMING_WORD.search(quote.speaker.text) or quote.speaker.text.lower() in _OBJECTS:
        return "no speaker"  # (a clitic or an object the parse took for a subject: "’s", "help us focus")
    if quote.speaker_actor is None and any(s.text.lower() in _QUANTITIES for s in _speaker_and_noun(quote)):
        return "no speaker"  # "all say they were minors", "one alleges", "some who warned": how many, not who
    if quote.speaker_actor is None and _a_share(quote, doc, text):
        return "no speaker"
    cue = cue_verb(quote, doc, text)
    if cue is not None and _negated(cue):
        return "negated"
    if cue is not None and _conditional(cue):
        return "hypothetical"
    if cue is not None and _named(cue):
        return "a name"
    if cue is not None and _act(cue):
        return "an act"
    if cue is not None and (_to_infinitive(cue, "aim") or _wished(cue) or _under_a_wish(cue)):
        return "an aim"
    if cue is not None and _impersonal(quote, cue):
        return "the writer"  # "it is worth noting that …": no one but the writer notes it
    if cue is not None and quote.kind != "direct" and _prescribed(cue):
        return "the writer"  # "investors should consider …": advice
    if _thing(quote, doc, text):
        return "a thing"
    if _writer(quote):
        return "the writer"
    if _an_open_question(quote, doc, text) or _words_about(quote, doc, text):
        return "a topic"
    if _stance(quote, doc, text):
        return "a stance"
    if quote.speaker_actor is None and quote.speaker_refers is None and quote.speaker.text.lower() in _PRONOUNS:
        return "unresolved"  # "they think the game is done": a pronoun that stands for no one named
    if quote.kind == "indirect" and quote.speaker_actor is None and _a_belief(quote, doc, text):
        return "a belief"
    if quote.kind == "indirect" and cue is not None and _past_belief(quote, cue):
        return "a belief"
    return None


def _a_belief(quote: Quote, doc: Doc, text: ArticleText) -> bool:
    """A verb of holding in mind whose subject is people at large ("people assume", "someone
    feels", "voters who think", "those who know")."""
    if (quote.cue_lemma or "") not in frame("mental_state"):
        return False
    span = parsed(quote.speaker, doc, text)
    return span is not None and (span.root.lemma_.lower() in _ANYONE or span.root.lower_ in _ANYONE)


def _past_belief(quote: Quote, cue: Token) -> bool:
    """What someone thought, assumed or feared at the time, told in the past by the writer ("his
    doctor assumed he had an infection", "Trump thought voters would repudiate impeachment"): a
    state of mind in the story, not words (a present "believes" is a view, often stated)."""
    return (quote.cue_lemma or "") in frame("mental_state") and cue.tag_ == "VBD"


def parsed(span: Span, doc: Doc, text: ArticleText) -> SpacySpan | None:
    """The tokens of a span of the document (a quote's cue, speaker or content), if any."""
    tokens = doc.char_span(text.to_parse(span.start), text.to_parse(span.end), alignment_mode="expand")
    return tokens if tokens is not None and len(tokens) else None


def cue_verb(quote: Quote, doc: Doc, text: ArticleText) -> Token | None:
    span = parsed(quote.cue, doc, text) if quote.cue is not None else None
    if span is None:
        return None
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX")]
    return verbs[0] if verbs else None


def _negated(verb: Token) -> bool:
    """ "did not say", "never said", "No group claimed …", "Neither man commented"."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(
        s.lower_ in _NO_ONE or any(d.dep_ == "det" and d.lower_ in _NO_ONE for d in s.children) for s in subjects
    )


def _conditional(verb: Token) -> bool:
    """Speech supposed, not reported: "if the employer asks you to pay …", "unless the board says
    otherwise", "whether the kids will feel the same is unclear" (the verb heads a clause opened by
    "if", "unless" or "whether"), "she might say she is hurt", "would've complained", speech allowed,
    asked for or required ("allowed companies to propose …"), and speech something ought to cause
    ("should force anyone to question …")."""
    if any(c.dep_ == "mark" and c.lower_ in _SUPPOSING for c in verb.children):
        return True
    first = verb
    while first.dep_ == "conj" and first.head.pos_ in ("VERB", "AUX"):
        first = first.head  # "requires some to concede …, and others to concede …"
    infinitive = first.dep_ == "xcomp" or (first.dep_ == "ccomp" and marked_to(first))
    if first is not verb and marked_to(verb) and first.lemma_.lower() in frame("permission"):
        return True  # (the parse made "others to concede" a conjunct of "requires")
    if infinitive and first.head.lemma_.lower() in frame("permission"):
        return True  # "the rules allowed companies to propose …", "asked the mayor to explain …"
    if infinitive and any(a in _MAYBE or a in _OUGHT for a in _auxiliaries(first.head)):
        return True  # "that should force any rational person to question …", "could lead him to deny …"
    # ("X may have said it best" guesses at a past saying; it does not suppose one, but "would
    # then have claimed …", "could have said no" and "would've complained" suppose one that did not happen)
    auxiliaries = _auxiliaries(verb)
    if "have" in auxiliaries:
        return any(a in _UNREAL for a in auxiliaries)
    if any(a in _MAYBE for a in auxiliaries):
        return True
    # a yes-no question: "Did the mayor say that …?", "Would the board deny it?" (but "When did
    # the mayor say that …?" takes the saying as given)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    inverted = [c for c in verb.children if c.dep_ == "aux" and subjects and c.i < subjects[0].i]
    opens = bool(inverted) and inverted[0].i == verb.sent.start
    return opens and verb.sent.text.rstrip().rstrip("\"”’'»").endswith("?")


def _auxiliaries(verb: Token) -> list[str]:
    """A verb's auxiliaries, lower case, contractions written out ("would've" has "have")."""
    return [_CONTRACTED.get(c.lower_.replace("’", "'"), c.lower_) for c in verb.children if c.dep_ == "aux"]


def _named(verb: Token) -> bool:
    """ "what Apple calls “tough glass-based materials”": a name someone uses, not a statement."""
    return verb.lemma_.lower() in NAMING | {"nickname"} and any(
        c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") for c in verb.children
    )


def _act(verb: Token) -> bool:
    """A deed decided or owned: an act verb with a "to"-infinitive, "claimed responsibility", or a
    ruling out ("The Jets ruled out Wilson for the game": a decision about someone, not words)."""
    lemma = verb.lemma_.lower()
    if _to_infinitive(verb, "act"):
        return True
    if lemma == "rule" and any(c.dep_ == "prt" and c.lower_ in ("out", "in") for c in verb.children):
        return True
    return lemma in ("claim", "take") and any(c.dep_ == "dobj" and c.lemma_.lower() in _DEEDS for c in verb.children)


def _thing(quote: Quote, doc: Doc, text: ArticleText) -> bool:
    """The speaker is a common noun that names no speaker (see the module's docstring)."""
    if quote.speaker is None:
        return False
    if "|" in quote.speaker.text or "|" in quote.content.text:
        return True  # a table row
    rule = parsed(quote.speaker, doc, text) if quote.cue_lemma == "according to" else None
    if rule is not None and rule.root.lemma_.lower() in _RULES:
        return True  # "reviewed according to Science X's editorial process": a rule, not a source
    words = quote.speaker.text.lower()
    if quote.cue_lemma in _SHOWING:
        shown = parsed(quote.speaker_refers or quote.speaker, doc, text)
        if shown is not None and shown.root.lemma_.lower() in _PICTURES:
            return True  # "Video released by the lawyer shows …": a picture of a scene, no one's words
    if words in _NON_PERSONS and reporting_verbs().get(quote.cue_lemma or "") != "speech":
        return True
    if (words in _DEMONSTRATIVES or quote.speaker.text in _DEMONSTRATIVES) and quote.speaker_refers is None:
        return True
    if quote.speaker_actor is not None or quote.unnamed != "other":
        return False
    phrase = quote.speaker_refers or quote.speaker  # "the move, which signals …": the noun
    span = parsed(phrase, doc, text)
    if span is None:
        return False
    head = span.root
    if head.pos_ != "NOUN" or head.ent_type_ or head.text[:1].isupper():
        return False  # names, pronouns, numbers, and a capitalised word the model did not know
    lemma = head.lemma_.lower()
    speakers = (speaker_nouns(), issued_texts(), unnamed_sources(), lexicon().titles, lexicon().group_nouns,
                agent_nouns(), FINDINGS, person_nouns())  # fmt: skip
    if any(lemma in known or head.lower_ in known for known in speakers):
        return False
    return not lemma.endswith(_AGENT_ENDINGS)


def _writer(quote: Quote) -> bool:
    """ "We know it's not easy", "I promise it is coming", "we recommend a silk top": outside
    quotation marks, "I" and "we" are the writer (or the publication), whatever the verb; "you
    can snap a screenshot": the reader, whom the writer addresses."""
    speaker = quote.speaker.text.lower() if quote.speaker is not None else ""
    # (the reader told what to say is no one quoted either: "you might say, “Let's step back”")
    return speaker in _READER or (quote.kind != "direct" and speaker in _WRITER)


def _impersonal(quote: Quote, cue: Token) -> bool:
    """ "It is worth noting that …", "it is important to note …": an "it" that stands for
    nothing, and a verb of speech that only an adjective governs."""
    return quote.kind != "direct" and quote.speaker.text.lower() == "it" and (
        cue.dep_ == "xcomp" and (cue.head.pos_ == "ADJ" or any(c.dep_ == "acomp" for c in cue.head.children))
    )


def _prescribed(verb: Token) -> bool:
    """A verb the writer prescribes rather than reports: under "should" or "must" ("investors
    should consider using advisors")."""
    return any(c.dep_ == "aux" and c.lower_ in ("should", "must", "ought") for c in verb.children)


def _speaker_and_noun(quote: Quote) -> list[Span]:
    """The speaker phrase, and the noun a relative speaker stands for ("some who warned …")."""
    return [s for s in (quote.speaker, quote.speaker_refers) if s is not None]


def _a_share(quote: Quote, doc: Doc, text: ArticleText) -> bool:
    """The speaker phrase is headed by a share of people ("an overwhelming 70 percent of Americans"),
    or is a relative word that stands for one ("the number who said …")."""
    span = parsed(quote.speaker_refers or quote.speaker, doc, text)
    return span is not None and any(t.lower_ in _SHARES for t in _heads(span))


def _an_open_question(quote: Quote, doc: Doc, text: ArticleText) -> bool:
    """Indirect speech whose content is an open question, what it is about rather than what was
    said ("documented just how little the crew ate", "demonstrated how the astronauts ate in space",
    "noted if and how often respondents used it"); but a question asked is words ("asked whether
    the vote would pass"), and "said if the talks fail, troops will move" says what follows "if"."""
    if quote.kind != "indirect" or (quote.cue_lemma or "") in _ASKING:
        return False
    span = parsed(quote.content, doc, text)
    words = [t for t in span if t.is_alpha and t.lower_ not in _LEADING_ADVERBS] if span is not None else []
    if not words or words[0].lower_ not in _OPEN_WORDS:
        return False
    token, root = words[0].head, span.root
    while token.i != root.i and token.head.i != token.i:
        if token.dep_ in _EMBEDDING_DEPS:
            return False  # "if the talks fail, …", "what he saw was horrifying": a clause inside the words
        token = token.head
    return token.i == root.i


def _words_about(quote: Quote, doc: Doc, text: ArticleText) -> bool:
    """Indirect speech whose content only names words and what they were about: "shared his
    thoughts on university education", "gave her views about the merger" (but "gave his assessment
    of the race" and "expressed concern that the talks would fail" say what was said)."""
    if quote.kind != "indirect":
        return False
    span = parsed(quote.content, doc, text)
    heads = _heads(span) if span is not None else []
    if len(heads) != 1 or heads[0].lemma_.lower() not in word_nouns() or heads[0].pos_ != "NOUN":
        return False
    noun = heads[0]
    # the topic hangs on the noun or, after it, on the verb ("shared his thoughts on safety")
    verb = noun.head if noun.dep_ == "dobj" else noun
    about = [c for c in (*noun.children, *verb.children) if c.dep_ == "prep" and c.i > noun.i
             and c.lower_ in ("on", "about", "regarding", "concerning")]  # fmt: skip
    clause = any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("acl", "ccomp", "relcl") for t in span)
    return bool(about) and not clause


def _heads(span: SpacySpan) -> list[Token]:
    """The tokens of a span whose head lies outside it (or that are their own head)."""
    return [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]


def _stance(quote: Quote, doc: Doc, text: ArticleText) -> bool:
    """Indirect speech of a verb of holding, naming or doing whose content has no verb."""
    kind = reporting_verbs().get(quote.cue_lemma or "")
    if kind not in _STANCE_CLASSES or quote.kind == "direct" or (quote.kind != "indirect" and kind != "object"):
        return False  # (a quoted fragment in what an object verb acts on is still a noun phrase:
        # "approved a resolution calling for “urgent steps”", "shared the recipe from “Go-To Dinners”")
    span = parsed(quote.content, doc, text)
    if span is None:
        return False
    if quote.kind != "indirect" and any(_saying_inside(t) for t in span):
        return False  # "issued a statement calling the test “a clear violation”": words said inside it
    # (a participle modifying a noun heads no clause: "the following attributes"; a view told
    # with "as" is a proposition: "denounced them as heretics")
    heads = _heads(span)
    if any(t.lower_ in _ANSWERS or any(c.lower_ in _SAME for c in t.children) for t in heads) or any(
        t.lemma_.lower() in word_nouns() for t in span
    ):
        return False  # "said yes", "said the same thing", "gave his assessment of the race": words after all
    if any(t.lower_ == "as" for t in heads):
        # "denounced the plan as a disaster" said so; "cast herself as an ally", "imagined
        # him as a cartoon" and "sees them as rivals" hold or show a view, in no words
        return kind in ("as", "thought")
    if not any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" and not _noun_misread(t) for t in span):
        return True
    # a noun phrase whose verbs only describe it: "rejected a truce deal that would have freed
    # 40", "explaining his decision to cast Hill as Elsie" (but "expressed concern that the
    # talks would fail" states what the concern is)
    stated = any(t.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" for m in t.children) for t in span)
    return bool(heads) and all(t.pos_ in ("NOUN", "PROPN") or _noun_misread(t) for t in heads) and not stated


def _saying_inside(token: Token) -> bool:
    """A verb of saying or naming inside a noun phrase ("a statement calling it …", "a surrogate
    who said …"); not "a resolution calling for …", which asks for something."""
    if token.pos_ != "VERB":
        return False
    if token.lemma_.lower() in NAMING:
        return names_something(token)
    return reporting_verbs().get(token.lemma_.lower()) == "speech"


def _noun_misread(token: Token) -> bool:
    """A "verb" standing where a noun stands, with nothing a verb would govern: "announced
    recalls" (the tagger's VERB for the plural noun)."""
    return token.pos_ == "VERB" and token.dep_ in _NOUN_DEPS and not any(c.dep_ in _CLAUSE_DEPS for c in token.children)


def _citation(quote: Quote, text: ArticleText) -> bool:
    piece = text.pieces[text.piece_index(text.to_parse(quote.content.start))]
    return is_citation(piece.text)


def _under_a_wish(verb: Token) -> bool:
    """A verb of saying or seeing that is what someone wants: "would like to see China agree to
    …", "want to hear the board admit …"."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in frame("desire")


def _wished(verb: Token) -> bool:
    """A verb of wishing with a clause or a small clause: "wants the trial to start", "wants
    the harbour closed" (what is wished for is no one's words)."""
    return verb.lemma_.lower() in frame("desire") and any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)


def _to_infinitive(verb: Token, frame_name: str) -> bool:
    """A verb of the frame with a "to"-infinitive: "decided to delay", "plans to buy"."""
    return verb.lemma_.lower() in frame(frame_name) and any(c.dep_ == "xcomp" and marked_to(c) for c in verb.children)
