"""`newsgraph eval quotes`: the quote stage and a textacy baseline scored on PolNeAR."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.eval.brat import GoldArticle, read_polnear
from newsgraph.eval.quote_scores import PRONOUNS, Predicted, Report, overlaps, score_article
from newsgraph.model import Doc, Quote
from newsgraph.normalize.clean import normalise_keeping_offsets
from newsgraph.pipeline import build
from newsgraph.registry import DEFAULT_PIPELINE
from newsgraph.resources import Resources

# What the learning scripts run over PolNeAR train: the default pipeline cut after the quote
# stage, never a list of its own (the stages after it add nothing a quote reads).
QUOTE_STAGES = DEFAULT_PIPELINE[: DEFAULT_PIPELINE.index("quotes.v1") + 1]
SLICES = ("all", "direct", "indirect", "pronoun source", "according to", "no source")
Predictor = Callable[[GoldArticle], list[Predicted]]


@dataclass(frozen=True, slots=True)
class Result:
    """One system's report on one gold set."""

    system: str
    report: Report
    articles: int


def newsgraph_predictor(res: Resources) -> Predictor:
    """Run the default pipeline, as users run it, on the gold text (offsets kept) and reduce
    its quotes to spans."""
    pipeline = build()

    def predict(article: GoldArticle) -> list[Predicted]:
        doc = Doc(
            id=article.name, source=article.name, text=normalise_keeping_offsets(article.text)
        )
        done = pipeline.run_doc(doc, res)
        return [_reduce(q, done) for q in done.quotes]

    return predict


def _reduce(quote: Quote, doc: Doc) -> Predicted:
    speaker = (
        (quote.speaker_mention.start, quote.speaker_mention.end) if quote.speaker_mention else None
    )
    cue = (quote.cue_span.start, quote.cue_span.end) if quote.cue_span else None
    named = [m for p in doc.people if p.name == quote.speaker for m in p.mentions]
    named += [m for a in doc.actors if a.name == quote.speaker for m in a.mentions]
    mentions = [(m.start, m.end) for m in named]
    slices = ["all", "direct" if quote.kind == "direct" else "indirect"]
    if quote.speaker_mention and quote.speaker_mention.text.casefold() in PRONOUNS:
        slices.append("pronoun source")
    if quote.cue == "according to":
        slices.append("according to")
    if quote.speaker is None and quote.speaker_mention is None:
        slices.append("no source")
    return Predicted(quote.start, quote.end, speaker, cue, tuple(mentions), tuple(slices))


def textacy_predictor(res: Resources) -> Predictor:
    """textacy's `direct_quotations` on the same text and the same spaCy model."""
    from textacy.extract.triples import direct_quotations

    parser: Any = res.parser

    def predict(article: GoldArticle) -> list[Predicted]:
        sdoc = parser.spacy_doc(normalise_keeping_offsets(article.text))
        try:
            return [_from_triple(t) for t in direct_quotations(sdoc)]
        except ValueError:  # textacy gives up on a document with an odd number of quote marks
            return []

    return predict


def _from_triple(triple: Any) -> Predicted:
    def span(tokens: Sequence[Any]) -> tuple[int, int] | None:
        if not tokens:
            return None
        return min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)

    content = triple.content
    speaker = span(triple.speaker)
    return Predicted(
        content.start_char, content.end_char, speaker, span(triple.cue), (), ("all", "direct")
    )


def evaluate(articles: Sequence[GoldArticle], predict: Predictor, system: str) -> Result:
    """Score `predict` on every article."""
    report = Report()
    for article in articles:
        score_article(article.text, article.attributions, predict(article), report)
    return Result(system, report, len(articles))


def load(gold: Path, limit: int | None = None, names: Sequence[str] = ()) -> list[GoldArticle]:
    """Gold articles from a PolNeAR split folder, optionally a named sample or the first N."""
    articles = read_polnear(gold)
    if names:
        wanted = set(names)
        articles = [a for a in articles if a.name in wanted]
    return articles[:limit] if limit else articles


def overlaps_gold(quote: Quote, article: GoldArticle) -> bool:
    """Whether a predicted quote overlaps any annotated content of the article."""
    return any(
        overlaps((quote.start, quote.end), span)
        for gold in article.attributions
        for span in gold.content
    )


def write_lemma_table(
    path: Path,
    split: str,
    articles: int,
    script: str,
    column: str,
    total: Counter[str],
    right: Counter[str],
) -> None:
    """A learned table: per lemma, how many predictions, how many right, and the share right."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        fh.write(f"# learned from PolNeAR {split} ({articles} articles) by scripts/{script}\n")
        fh.write(f"# lemma\t{column}\tright\tprecision\n")
        for lemma in sorted(total):
            n, k = total[lemma], right[lemma]
            fh.write(f"{lemma}\t{n}\t{k}\t{k / n:.3f}\n")
