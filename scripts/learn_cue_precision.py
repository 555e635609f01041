"""Learn from PolNeAR train (never dev) which cue words the quote stage over-trusts.

usage: python scripts/learn_cue_precision.py [../shared/eval/quotes/polnear/train]

Runs the quote stage (with no cue filtered) over train and counts, per cue lemma of a
cue-verb attribution, how many of its predictions overlap an annotated content. Writes
`src/newsgraph/data/quotes/cue_precision.tsv`; `extract/cues.py` stops trusting a lemma seen
often enough whose predictions are right less often than a prediction must be to raise F1
(about half the F1). Deterministic: same input, same file. Takes ~5 minutes on 2 cores.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

from newsgraph.eval.brat import read_polnear
from newsgraph.eval.quotes import QUOTE_STAGES, overlaps_gold, write_lemma_table
from newsgraph.extract.quote_lexicon import QuoteLexicon
from newsgraph.model import Doc
from newsgraph.normalize.clean import normalise_keeping_offsets
from newsgraph.pipeline import build
from newsgraph.resources import Resources

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "eval" / "quotes" / "polnear" / "train"
OUT = ROOT / "src" / "newsgraph" / "data" / "quotes" / "cue_precision.tsv"


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    articles = read_polnear(folder)
    shipped = QuoteLexicon.load()
    every_cue = replace(shipped.cues, unreliable=frozenset())  # measure every cue, filtered or not
    pipeline = build(QUOTE_STAGES)
    res = Resources(quotes=replace(shipped, cues=every_cue))
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for article in articles:
        text = normalise_keeping_offsets(article.text)
        doc = pipeline.run_doc(Doc(id=article.name, source=article.name, text=text), res)
        lemma_at = {t.start: t.lemma.casefold() for t in doc.tokens}
        for quote in doc.quotes:
            if quote.method != "cue-verb" or quote.cue_span is None:
                continue
            lemma = lemma_at.get(quote.cue_span.start, quote.cue_span.text.casefold())
            total[lemma] += 1
            right[lemma] += overlaps_gold(quote, article)
    write_lemma_table(
        OUT, folder.name, len(articles), "learn_cue_precision.py", "predictions", total, right
    )
    print(f"{len(total)} cue lemmas from {sum(total.values())} predictions -> {OUT}")


if __name__ == "__main__":
    main()
