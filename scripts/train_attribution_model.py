"""Train the attribution tagger on PolNeAR train and ship it in the package.

usage: python scripts/train_attribution_model.py [TRAIN_DIR] [--labels=CUE,SOURCE,CONTENT] [--config=CFG]

A small spaCy NER (hash-embedding CNN, CPU, ~15 minutes on 2 cores) that marks the parts of
attributions: the CUE ("said", "according to", "called for", "polls show"), the SOURCE and the
CONTENT. The quote stage uses the cues the learned lexicon misses, takes the content edges
where they agree with its grammar, and adds tagged contents no rule found.
Trains on 90% of PolNeAR train, checkpoints on the other 10%; PolNeAR dev is never used here.
Writes src/newsgraph/data/models/attribution_ner/.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import spacy
from spacy.cli.train import train
from spacy.tokens import DocBin, Span
from spacy.util import filter_spans

from newsgraph.eval.brat import GoldArticle, read_polnear
from newsgraph.normalize.clean import normalise_keeping_offsets

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "eval" / "quotes" / "polnear" / "train"
CONFIG = ROOT / "training" / "attribution_ner.cfg"
WORK = ROOT / "training" / "work"
TARGET = ROOT / "src" / "newsgraph" / "data" / "models" / "attribution_ner"
DEFAULT_LABELS = "CUE,SOURCE,CONTENT"


def to_docbin(
    articles: list[GoldArticle], nlp: spacy.language.Language, labels: tuple[str, ...]
) -> DocBin:
    """Each article as a Doc whose entities are its annotated cues (and sources, contents)."""
    bin_ = DocBin()
    for article in articles:
        doc = nlp.make_doc(normalise_keeping_offsets(article.text))
        spans = []
        for gold in article.attributions:
            parts = {"CUE": gold.cue, "SOURCE": gold.source, "CONTENT": gold.content}
            for label in labels:
                for start, end in parts[label]:
                    span = doc.char_span(start, end, label=label, alignment_mode="expand")
                    if span is not None:
                        span = _without_edge_spaces(span)
                    if span is not None:
                        spans.append(span)
        doc.ents = filter_spans(spans)
        bin_.add(doc)
    return bin_


def _without_edge_spaces(span: Span) -> Span | None:
    """The span less whitespace tokens at its edges (an NER cannot learn those)."""
    first, last = span.start, span.end
    while first < last and span.doc[first].is_space:
        first += 1
    while last > first and span.doc[last - 1].is_space:
        last -= 1
    return Span(span.doc, first, last, label=span.label_) if first < last else None


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    config = next(
        (Path(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--config=")), CONFIG
    )
    chosen = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--labels=")), None)
    labels = tuple((chosen or DEFAULT_LABELS).split(","))
    work = WORK / ("-".join(labels).lower() + ("" if config == CONFIG else "-" + config.stem))
    experiment = chosen is not None or config != CONFIG
    target = work / "shipped" if experiment else TARGET  # experiments never overwrite
    folder = Path(args[0]) if args else DEFAULT
    articles = read_polnear(folder)
    held = articles[::10]
    rest = [a for a in articles if a not in held]
    nlp = spacy.blank("en")
    work.mkdir(parents=True, exist_ok=True)
    to_docbin(rest, nlp, labels).to_disk(work / "train.spacy")
    to_docbin(held, nlp, labels).to_disk(work / "dev.spacy")
    overrides = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy")}
    train(config, work / "output", overrides=overrides)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(work / "output" / "model-best", target)
    print(f"trained on {len(rest)} articles, checked on {len(held)} -> {target}")


if __name__ == "__main__":
    main()
