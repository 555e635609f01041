"""Learn from PolNeAR train (never dev) which weak cue verbs report their object too.

usage: python scripts/learn_object_cues.py [../shared/eval/quotes/polnear/train]

A weak cue ("support", "attack", "back") counts as an attribution only with a clause after it
("supports *raising the tax*"). PolNeAR's annotators also mark stances taken towards a noun
("Bush backed *Clinton*"). This runs the quote stage over train with every weak cue allowed an
object, and counts per lemma how many of those object-only attributions overlap an annotated
content. Writes `src/newsgraph/data/quotes/object_cues.tsv`; `extract/cues.py` lets a weak cue
report its object where train says that is right often enough. Deterministic; ~5 minutes.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

from newsgraph.eval.brat import read_polnear
from newsgraph.eval.quotes import QUOTE_STAGES, overlaps_gold, write_lemma_table
from newsgraph.extract.cues import CUE_VERBS, CueLexicon
from newsgraph.extract.quote_lexicon import QuoteLexicon
from newsgraph.model import Doc
from newsgraph.normalize.clean import normalise_keeping_offsets
from newsgraph.pipeline import build
from newsgraph.resources import Resources

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "eval" / "quotes" / "polnear" / "train"
OUT = ROOT / "src" / "newsgraph" / "data" / "quotes" / "object_cues.tsv"
CLAUSES = ("ccomp", "xcomp", "acl")


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    articles = read_polnear(folder)
    shipped = QuoteLexicon.load()
    weak = _weak_verbs(shipped.cues)
    every_weak_cue_takes_objects = replace(shipped.cues, objects=weak)
    pipeline = build(QUOTE_STAGES)
    res = Resources(quotes=replace(shipped, cues=every_weak_cue_takes_objects))
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for article in articles:
        text = normalise_keeping_offsets(article.text)
        doc = pipeline.run_doc(Doc(id=article.name, source=article.name, text=text), res)
        children: dict[int, set[str]] = {}
        for t in doc.tokens:
            children.setdefault(t.head, set()).add(t.dep)
        at = {t.start: t for t in doc.tokens}
        for quote in doc.quotes:
            tok = at.get(quote.cue_span.start) if quote.cue_span else None
            if quote.method != "cue-verb" or tok is None or tok.lemma.casefold() not in weak:
                continue
            if children.get(tok.i, set()) & set(CLAUSES):
                continue  # a clause: the weak cue would have reported it anyway
            lemma = tok.lemma.casefold()
            total[lemma] += 1
            right[lemma] += overlaps_gold(quote, article)
    write_lemma_table(
        OUT, folder.name, len(articles), "learn_object_cues.py", "object_attributions", total, right
    )
    print(f"{len(total)} weak cue lemmas, {sum(total.values())} object attributions -> {OUT}")


def _weak_verbs(cues: CueLexicon) -> frozenset[str]:
    """Verb lemmas that are cues only with a clause after them, when none reports its object."""
    bare = replace(cues, objects=frozenset())
    lemmas = {lemma for lemma, pos in cues.learned if pos == "VERB"} | CUE_VERBS
    return frozenset(lemma for lemma in lemmas if bare.strength(lemma, "VERB") == "weak")


if __name__ == "__main__":
    main()
