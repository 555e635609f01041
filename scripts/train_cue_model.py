"""Train the attribution-cue tagger on PolNeAR train and ship it in the package.

usage: python scripts/train_cue_model.py [../shared/eval/quotes/polnear/train]

A small spaCy NER (hash-embedding CNN, CPU, a few minutes) that marks the words cueing an
attribution ("said", "according to", "called for", "polls show"). The quote stage uses it to
find cues the learned lexicon misses, and keeps its grammar rules for speakers and content.
Trains on 90% of PolNeAR train, checkpoints on the other 10%; PolNeAR dev is never used here.
Writes src/newsgraph/data/models/cue_ner/.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import spacy
from spacy.cli.train import train
from spacy.tokens import DocBin
from spacy.util import filter_spans

from newsgraph.eval.brat import GoldArticle, read_polnear
from newsgraph.normalize.clean import normalise_keeping_offsets

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "eval" / "quotes" / "polnear" / "train"
CONFIG = ROOT / "training" / "cue_ner.cfg"
WORK = ROOT / "training" / "work"
TARGET = ROOT / "src" / "newsgraph" / "data" / "models" / "cue_ner"


def to_docbin(articles: list[GoldArticle], nlp: spacy.language.Language) -> DocBin:
    """Each article as a Doc whose entities are its annotated cues."""
    bin_ = DocBin()
    for article in articles:
        doc = nlp.make_doc(normalise_keeping_offsets(article.text))
        spans = []
        for gold in article.attributions:
            for start, end in gold.cue:
                span = doc.char_span(start, end, label="CUE", alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.ents = filter_spans(spans)
        bin_.add(doc)
    return bin_


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    articles = read_polnear(folder)
    held = articles[::10]
    rest = [a for a in articles if a not in held]
    nlp = spacy.blank("en")
    WORK.mkdir(parents=True, exist_ok=True)
    to_docbin(rest, nlp).to_disk(WORK / "train.spacy")
    to_docbin(held, nlp).to_disk(WORK / "dev.spacy")
    overrides = {"paths.train": str(WORK / "train.spacy"), "paths.dev": str(WORK / "dev.spacy")}
    train(CONFIG, WORK / "output", overrides=overrides)
    if TARGET.exists():
        shutil.rmtree(TARGET)
    shutil.copytree(WORK / "output" / "model-best", TARGET)
    print(f"trained on {len(rest)} articles, checked on {len(held)} -> {TARGET}")


if __name__ == "__main__":
    main()
