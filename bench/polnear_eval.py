"""Quotation extraction scored on PolNeAR (../shared/eval/polnear, brat standoff).

Each article is read as written: first line headline, every other non-empty line a
paragraph (``--through-cleaner`` sends the raw file through the dump cleaner instead).
Gold: the first annotator's file of each article (sorted by name); every Attribution
relation with a Content span.

Scores (written down here because the corpus README only names them):
- content exact: a predicted content span equals a gold one after stripping white
  space and the punctuation " ,.;:" at both ends (a discontinuous span, gold or a
  predicted quote split around its attribution, is taken from its first to its last
  character); one-to-one; P = matched / predicted, R = matched / gold.
- content overlap: word tokens (regex \\w+) covered by any predicted content part vs
  by any gold content part, per article, summed over the corpus: P = shared / predicted,
  R = shared / gold.
- source: a gold relation with a source is found when the predicted quote sharing the
  most content tokens with it has a speaker span sharing a token with the gold source.
  R = found / gold relations with a source; P = found / predicted quotes with a speaker
  (a predicted quote matching no gold content counts against precision).

Every attribution the finder records is scored, listed or not (PolNeAR annotates negated
attributions, acts and stances too); ``--listed-only`` scores only the quotes ``dateline
quotes`` lists by default (extract/quotes/checks.py), to show what the listing trades.

``--half first|second`` keeps the articles whose file name's SHA-1 starts with 0-7, or the
rest (the two parts of train choices are made on and reported from). ``--by-reason`` prints,
for the quotes listed and for each reason a quote is not listed, the share that match an
annotated attribution (half or more of the quote's words in one gold content).

    python bench/polnear_eval.py [--split dev|train] [--limit N] [--through-cleaner] [--errors] [--listed-only]
                                 [--half first|second] [--by-reason]
"""

from __future__ import annotations

import argparse
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench_support import add_shared_option, eval_folder
from dateline.api import process_article, process_text
from dateline.ingest.decode import decode
from dateline.ingest.sources import content_hash
from dateline.model import RawDocument

_TOKEN = re.compile(r"\w+")
_STRIP = " \n\t,.;:"


@dataclass
class Gold:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)


def read_gold(path: Path) -> list[Gold]:
    spans: dict[str, list[tuple[int, int]]] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            if line.count("\t") < 2:
                continue  # a few train files carry a broken line (text spilt from a span): skip it
            ident, info, _ = line.split("\t", 2)
            _, offsets = info.split(" ", 1)
            spans[ident] = [tuple(int(x) for x in part.split()) for part in offsets.split(";")]
        elif line.startswith("E"):
            roles = dict(part.split(":") for part in line.split("\t")[1].split())
            relations.append(roles)
    golds = []
    for roles in relations:
        if "Content" not in roles:
            continue
        golds.append(Gold(spans[roles["Content"]], spans.get(roles["Source"], []) if "Source" in roles else []))
    return golds


def tokens(text: str, spans) -> set[int]:
    found = set()
    for start, end in spans:
        found.update(m.start() for m in _TOKEN.finditer(text, start, end))
    return found


def normalised(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return start, end


@dataclass
class Tally:
    exact_pred: int = 0
    exact_gold: int = 0
    exact_hit: int = 0
    tok_pred: int = 0
    tok_gold: int = 0
    tok_shared: int = 0
    src_pred: int = 0
    src_gold: int = 0
    src_hit: int = 0
    articles: int = 0
    misaligned: int = 0
    reasons: Counter = field(default_factory=Counter)  # listed / unlisted_because -> quotes
    reasons_matched: Counter = field(default_factory=Counter)  # ... of them matching a gold content


def score_article(text: str, quotes, golds: list[Gold], tally: Tally, errors: list[str]) -> None:
    pred = [([(p.start, p.end) for p in q.stretches()], q.content, q.speaker) for q in quotes]
    gold_extents = [normalised(text, g.content[0][0], g.content[-1][1]) for g in golds]
    pred_extents = [normalised(text, content.start, content.end) for _, content, _ in pred]
    unmatched = set(range(len(gold_extents)))
    for extent in pred_extents:
        match = next((i for i in unmatched if gold_extents[i] == extent), None)
        if match is not None:
            unmatched.discard(match)
            tally.exact_hit += 1
    tally.exact_pred += len(pred)
    tally.exact_gold += len(golds)
    gold_tokens = tokens(text, [s for g in golds for s in g.content])
    pred_tokens = tokens(text, [s for parts, _, _ in pred for s in parts])
    tally.tok_pred += len(pred_tokens)
    tally.tok_gold += len(gold_tokens)
    tally.tok_shared += len(gold_tokens & pred_tokens)
    tally.src_pred += sum(1 for *_, speaker in pred if speaker is not None)
    for gold in golds:
        if not gold.source:
            continue
        tally.src_gold += 1
        g_content = tokens(text, gold.content)
        best = max(pred, key=lambda p: len(g_content & tokens(text, p[0])), default=None)
        if best is None or not g_content & tokens(text, best[0]) or best[2] is None:
            errors.append(f"missed source {text[gold.source[0][0] : gold.source[-1][1]]!r}")
            continue
        if tokens(text, gold.source) & tokens(text, [(best[2].start, best[2].end)]):
            tally.src_hit += 1
        else:
            errors.append(f"wrong source {best[2].text!r} for {text[gold.source[0][0] : gold.source[-1][1]]!r}")


def count_reasons(text: str, quotes, golds: list[Gold], tally: Tally) -> None:
    """Each quote under its listing reason, and whether half its words lie in one gold content."""
    gold_tokens = [tokens(text, g.content) for g in golds]
    for quote in quotes:
        words = tokens(text, [(p.start, p.end) for p in quote.stretches()])
        reason = quote.unlisted_because or "listed"
        tally.reasons[reason] += 1
        tally.reasons_matched[reason] += bool(words) and any(len(g & words) >= 0.5 * len(words) for g in gold_tokens)


def prf(hit: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = hit / pred if pred else 0.0
    r = hit / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def in_half(name: str, half: str | None) -> bool:
    return half is None or (hashlib.sha1(name.encode()).hexdigest()[0] in "01234567") == (half == "first")


def evaluate(
    folder: Path, limit: int | None = None, through_cleaner: bool = False, listed_only: bool = False,
    half: str | None = None,
) -> tuple[Tally, list[str]]:  # fmt: skip
    tally, errors = Tally(), []
    for path in sorted((folder / "text").glob("*.txt"))[:limit]:
        if not in_half(path.name, half):
            continue
        annotations = sorted((folder / "attributions").glob(path.stem + "_*.ann"))
        if not annotations:
            continue
        raw = path.read_bytes()
        if through_cleaner:
            doc = process_text(raw, source=path.name)
            quotes = [q for a in doc.articles for q in a.quotes]
            text = doc.text
        else:
            text = decode(RawDocument(path.name, raw, content_hash(raw))).text
            quotes = process_article(text, source=path.name).articles[0].quotes
        if text != raw.decode("utf-8"):
            tally.misaligned += 1  # repair changed the text: gold offsets would not line up
            continue
        golds = read_gold(annotations[0])
        count_reasons(text, quotes, golds, tally)
        if listed_only:
            quotes = [q for q in quotes if q.listed]
        score_article(text, quotes, golds, tally, errors)
        tally.articles += 1
    return tally, errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_shared_option(parser)
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--limit", type=int)
    parser.add_argument("--through-cleaner", action="store_true")
    parser.add_argument("--errors", action="store_true", help="print source errors")
    parser.add_argument("--listed-only", action="store_true", help="score only the quotes listed by default")
    parser.add_argument("--half", choices=("first", "second"), help="only this half of the articles (by file name)")
    parser.add_argument("--by-reason", action="store_true", help="match share of listed and unlisted quotes")
    args = parser.parse_args()
    folder = eval_folder(args.shared, "polnear", args.split)
    if folder is None:
        return 2
    tally, errors = evaluate(folder, args.limit, args.through_cleaner, args.listed_only, args.half)
    which = (f", {args.half} half" if args.half else "") + (" (listed quotes only)" if args.listed_only else "")
    skipped = f"{tally.misaligned} skipped: text changed by repair"
    print(f"PolNeAR {args.split}{which}: {tally.articles} articles ({skipped})")
    for label, (p, r, f) in (
        ("content exact  ", prf(tally.exact_hit, tally.exact_pred, tally.exact_gold)),
        ("content overlap", prf(tally.tok_shared, tally.tok_pred, tally.tok_gold)),
        ("source         ", prf(tally.src_hit, tally.src_pred, tally.src_gold)),
    ):
        print(f"{label}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    if args.by_reason:
        for reason, n in tally.reasons.most_common():
            print(f"  {reason:<12} {n:6,} quotes, {tally.reasons_matched[reason] / n:.3f} match a gold attribution")
    if args.errors:
        for line in errors:
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
