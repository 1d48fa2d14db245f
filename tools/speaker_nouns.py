"""Build extract/data/speaker_nouns.tsv: common nouns that name speakers, learned from PolNeAR.

Reads ../shared/eval/polnear/train only (the text of each article and its first annotator's
attributions, as ``bench/polnear_eval.py`` reads them). Each article is parsed with the
project's spaCy pipeline; for every common-noun lemma it counts how often it heads an
annotated Source ("the campaign said", "officials say") and how often it is the subject of
any verb. A lemma is kept when it heads at least ``--min-sources`` sources and at least
``--min-share`` of its subject uses are sources: "campaign" 196 of 413, "poll" 228 of 191
(polls are sources in PolNeAR, also as objects), but not "move" (1 of 26) or "deal" (1 of
47), things that "show" or "signal" in the writer's voice. The quote checks take a speaker
headed by a common noun on no list of speakers for a thing (``extract/quotes/checks.py``).

    python tools/speaker_nouns.py [--shared ../shared] [--out src/dateline/extract/data/speaker_nouns.tsv]

Deterministic: the same data and model give the same file.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from bench_support import add_shared_option, eval_folder
from dateline.nlp.pipeline import load_nlp
from polnear_eval import read_gold

OUT = Path(__file__).resolve().parents[1] / "src/dateline/extract/data/speaker_nouns.tsv"


def count(folder: Path) -> tuple[Counter, Counter]:
    nlp = load_nlp()
    texts, golds = [], []
    for path in sorted((folder / "text").glob("*.txt")):
        annotations = sorted((folder / "attributions").glob(path.stem + "_*.ann"))
        if annotations:
            texts.append(path.read_text(encoding="utf-8"))
            golds.append([gold.source[0] for gold in read_gold(annotations[0]) if gold.source])
    sources, subjects = Counter(), Counter()
    for doc, spans in zip(nlp.pipe(texts, batch_size=16), golds, strict=True):
        for token in doc:
            if token.dep_ == "nsubj" and token.pos_ == "NOUN":
                subjects[token.lemma_.lower()] += 1
        for start, end in spans:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span) and span.root.pos_ == "NOUN":
                sources[span.root.lemma_.lower()] += 1
    return sources, subjects


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_shared_option(parser)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--min-sources", type=int, default=3)
    parser.add_argument("--min-share", type=float, default=0.25)
    args = parser.parse_args()
    folder = eval_folder(args.shared, "polnear", "train")
    if folder is None:
        return 2
    sources, subjects = count(folder)
    kept = sorted(
        lemma
        for lemma, n in sources.items()
        if n >= args.min_sources and n >= args.min_share * subjects[lemma] and lemma.isalpha() and len(lemma) > 2
    )
    header = (
        "# Common nouns that name speakers (made by tools/speaker_nouns.py from PolNeAR train:\n"
        f"# heads of at least {args.min_sources} annotated sources, and sources in at least "
        f"{args.min_share:.0%} of their uses as a subject). Columns: lemma, times a source, times a subject.\n"
    )
    rows = "".join(f"{lemma}\t{sources[lemma]}\t{subjects[lemma]}\n" for lemma in kept)
    args.out.write_text(header + "lemma\tsources\tsubjects\n" + rows, encoding="utf-8")
    print(f"{len(kept)} speaker nouns -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
