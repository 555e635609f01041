"""Stage quotes.v1 as tables read in order: the passes, the cue rules and vetoes of a sentence's
scan, the named-source rules, the trims, the confidence model, then the outlets each quote
came through (VIA_RULES, `outlets.py`).

Order matters, and each table says it: quotes outside quotation marks come first, so that a
quotation's own speaker is known before the cues inside it ("'I think ...,' Tanner said": "I"
is Tanner); interrupted quotations are joined before the cues inside them are read ('"A," X
said. "I think B."'); "according to" then passes on or sources what the cues found; the
tagger's additions come last, where no rule found anything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsgraph.extract.quote_content import (
    QuoteContext,
    without_source_phrase,
    without_speaker_label,
)
from newsgraph.extract.quotes.build import sentence_of
from newsgraph.extract.quotes.clauses import HEDGE, PASSIVE, PASSIVE_BY, hedge, passive, passive_by
from newsgraph.extract.quotes.cue_verb import CUE_VERB, cue_verb
from newsgraph.extract.quotes.learned import LEARNED, learned_quotes, snap_to_tagged
from newsgraph.extract.quotes.outlets import with_outlets
from newsgraph.extract.quotes.quotations import (
    CONTINUATION,
    SIGNED,
    TRANSCRIPT_LABEL,
    continuations,
    signed,
    transcript_labels,
)
from newsgraph.extract.quotes.scan import CueRule, Veto, scan_sentence
from newsgraph.extract.quotes.sources import ACCORDING_TO, IN_A_SOURCE, according_to, in_a_source
from newsgraph.extract.quotes.trims import around_attribution, within_paragraph
from newsgraph.extract.quotes.vetoes import inside_another, outer_of_a_chain
from newsgraph.model import Doc, Quote, Sentence

if TYPE_CHECKING:
    from newsgraph.resources import Resources

QuotePass = Callable[[QuoteContext, list[Quote]], list[Quote]]


@dataclass(frozen=True, slots=True)
class Pass:
    """A step of the cascade: `run` takes the quotes so far and returns them with what it adds
    (or moves); `rules` names the methods of the quotes it adds."""

    name: str
    rules: tuple[str, ...]
    run: QuotePass


@dataclass(frozen=True, slots=True)
class SourceRule:
    """A named rule run on each sentence with that sentence's quotes; its name is the `method`
    of the quotes it adds (it may also pass the sentence's quotes on through an outlet)."""

    method: str
    find: Callable[[Sentence, QuoteContext, list[Quote]], list[Quote]]


@dataclass(frozen=True, slots=True)
class Trim:
    """A named edit every found quote gets, whichever rule found it."""

    name: str
    apply: Callable[[Quote, QuoteContext], Quote]


# Offered each token of a sentence in this order; the first that fires claims the token.
CUE_RULES: tuple[CueRule, ...] = (
    CueRule(PASSIVE_BY, passive_by),  # "was first reported by the Post"
    CueRule(HEDGE, hedge),  # "He seems to have a different set of rules"
    CueRule(PASSIVE, passive),  # "Roof is accused of a massacre"
    CueRule(CUE_VERB, cue_verb),  # "X said that ...", '"...," X said', "X's claim that ..."
)

# Put to a sentence's cue quotes as soon as the sentence is scanned, in this order, each
# against the quotes the ones before it kept: later passes and sentences never see a vetoed
# quote (its content is free for them).
VETOES: tuple[Veto, ...] = (
    Veto("outer-of-a-chain", outer_of_a_chain),  # "refused to pledge to release ..."
    Veto("inside-another", inside_another),  # "sources said [the protocol called for ...]"
)

# Run on each sentence in this order, each with the sentence's quotes so far.
SOURCE_RULES: tuple[SourceRule, ...] = (
    SourceRule(ACCORDING_TO, according_to),  # "..., according to X"
    SourceRule(IN_A_SOURCE, in_a_source),  # "In the latest Post poll, Clinton leads ..."
)

TRIMS: tuple[Trim, ...] = (
    Trim("source phrase", without_source_phrase),
    Trim("speaker label", without_speaker_label),
    Trim("paragraph", within_paragraph),
    Trim("around its attribution", around_attribution),
)


def _transcripts(ctx: QuoteContext, quotes: list[Quote]) -> list[Quote]:
    return [*quotes, *transcript_labels(ctx)]


def _cues_outside(ctx: QuoteContext, quotes: list[Quote]) -> list[Quote]:
    return _cue_scan(ctx, quotes, inside=False)


def _signatures(ctx: QuoteContext, quotes: list[Quote]) -> list[Quote]:
    return [*quotes, *signed(ctx, quotes)]


def _cues_inside(ctx: QuoteContext, quotes: list[Quote]) -> list[Quote]:
    return _cue_scan(ctx, quotes, inside=True)


def _named_sources(ctx: QuoteContext, quotes: list[Quote]) -> list[Quote]:
    by_sentence: dict[int, list[Quote]] = {}
    for q in quotes:
        by_sentence.setdefault(sentence_of(ctx.doc, q), []).append(q)
    return [
        q
        for i, sent in enumerate(ctx.doc.sentences)
        for q in _sourced(sent, ctx, by_sentence.get(i, []))
    ]


def _learned(ctx: QuoteContext, quotes: list[Quote]) -> list[Quote]:
    return [*quotes, *learned_quotes(ctx, quotes)]


CUE_METHODS = tuple(rule.method for rule in CUE_RULES)
PASSES: tuple[Pass, ...] = (
    Pass("transcript labels", (TRANSCRIPT_LABEL,), _transcripts),
    Pass("cues outside quotations", CUE_METHODS, _cues_outside),
    Pass("continued quotations", (CONTINUATION,), continuations),
    Pass("signed quotations", (SIGNED,), _signatures),
    Pass("cues inside quotations", CUE_METHODS, _cues_inside),
    Pass("named sources", tuple(rule.method for rule in SOURCE_RULES), _named_sources),
    Pass("tagger's edges", (), snap_to_tagged),  # moves edges, adds nothing
    Pass("tagger's contents", (LEARNED,), _learned),
)


def extract_quotes(doc: Doc, res: Resources) -> Doc:
    """Stage: every attributed statement in the document, in text order."""
    lexicon = res.quotes
    ctx = QuoteContext.of(doc, lexicon.cues, res.titles)
    quotes: list[Quote] = []
    for step in PASSES:
        quotes = step.run(ctx, quotes)
    quotes = [_trimmed(q, ctx) for q in quotes]
    quotes = lexicon.confidence.judge(quotes, ctx)
    quotes = with_outlets(quotes, ctx, res.outlets, res.actors)
    return replace(doc, quotes=tuple(sorted(quotes, key=lambda q: (q.start, q.end))))


def rule_names() -> tuple[str, ...]:
    """Every `method` a quote of this stage can carry, in the order its rules first run."""
    return tuple(dict.fromkeys(method for step in PASSES for method in step.rules))


def _cue_scan(ctx: QuoteContext, quotes: list[Quote], inside: bool) -> list[Quote]:
    for sent in ctx.doc.sentences:
        quotes = [*quotes, *scan_sentence(sent, ctx, quotes, inside, CUE_RULES, VETOES)]
    return quotes


def _sourced(sent: Sentence, ctx: QuoteContext, found: list[Quote]) -> list[Quote]:
    for rule in SOURCE_RULES:
        found = rule.find(sent, ctx, found)
    return found


def _trimmed(quote: Quote, ctx: QuoteContext) -> Quote:
    for trim in TRIMS:
        quote = trim.apply(quote, ctx)
    return quote
