"""Attributions the grammar rules miss but the learned tagger marks (CONTENT with its SOURCE/CUE).

The joint attribution tagger (scripts/train_attribution_model.py --labels=CUE,SOURCE,CONTENT) marks the
content of attributions directly. Where it marks content that no rule-made quote covers, and
marks a source or a cue in the same sentence, that is a quote too: speaker resolved like any
other (pronouns, titles, organisations), method "learned". The tagger's content edges also
move a rule-made reported quote's edges where the two mostly agree (`snap_to_tagged`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsgraph.extract.cues import CITING
from newsgraph.extract.quote_content import QuoteContext, physical_act
from newsgraph.extract.quotes.build import make_quote
from newsgraph.model import Doc, EntityMention, Quote, Span, Token
from newsgraph.nlp.tree import trim

LEARNED = "learned"
MIN_TOKENS = 3  # shorter "content" is mostly a tagging slip


def learned_quotes(ctx: QuoteContext, quotes: Sequence[Quote]) -> list[Quote]:
    """Quotes for tagged contents that no quote covers yet."""
    doc = ctx.doc
    marks = [m for m in doc.attribution_marks if m.label in {"CONTENT", "SOURCE", "CUE"}]
    out: list[Quote] = []
    for mark in (m for m in marks if m.label == "CONTENT"):
        first, last = trim(doc.tokens, mark.first, mark.last)
        if last - first < MIN_TOKENS:
            continue
        start, end = doc.tokens[first].start, doc.tokens[last - 1].end
        if any(q.start < end and start < q.end for q in [*quotes, *out]):
            continue
        sent = doc.tokens[first].sent
        source = _nearest(marks, "SOURCE", sent, start, doc.tokens)
        cue = _nearest(marks, "CUE", sent, start, doc.tokens)
        if source is None:
            continue  # content with no one marked as saying it: too often a slip
        if cue is not None and _lemma_at(cue, doc) in CITING:
            continue  # "Citing Iranian state TV, the AP said": a source, not a statement
        if cue is not None and physical_act(_head(cue, ctx), ctx):
            continue  # "attacked Syrian troops": a deed, not a statement
        speaker = ctx.speakers.resolve(_head(source, ctx), [*quotes, *out])
        out.append(
            make_quote(
                ctx,
                (start, end),
                LEARNED,
                Span(cue.start, cue.end, cue.text) if cue else None,
                speaker,
                Span(source.start, source.end, source.text),
            )
        )
    return out


def _lemma_at(mark: EntityMention, doc: Doc) -> str:
    return doc.tokens[mark.first].lemma.casefold() if mark.first < len(doc.tokens) else ""


def _nearest(
    marks: Sequence[EntityMention], label: str, sent: int, at: int, tokens: Sequence[Token]
) -> EntityMention | None:
    same = [m for m in marks if m.label == label and tokens[m.first].sent == sent]
    return min(same, key=lambda m: abs(m.start - at), default=None)


def _head(mark: EntityMention, ctx: QuoteContext) -> Token:
    """The syntactic head of a marked phrase: its word whose head lies outside it."""
    tokens = ctx.doc.tokens
    inside = range(mark.first, mark.last)
    heads = [tokens[i] for i in inside if tokens[i].head not in inside or tokens[i].head == i]
    return heads[0] if heads else tokens[mark.first]


SNAP_SHARE = 0.5  # how much of each other two spans must share before the tagger's edges win


def snap_to_tagged(ctx: QuoteContext, quotes: Sequence[Quote]) -> list[Quote]:
    """Take the tagger's content edges for a reported (indirect) quote when the two mostly agree:
    the grammar finds the clause, the tagger learned where annotators end it."""
    doc = ctx.doc
    contents = [m for m in doc.attribution_marks if m.label == "CONTENT"]
    cues = [m for m in doc.attribution_marks if m.label == "CUE"]
    out = []
    for quote in quotes:
        best = max(contents, key=lambda m: _shared(m.start, m.end, quote), default=None)
        if best is not None and any(quote.start <= c.start < best.start for c in cues):
            best = None  # the tagger marks an attribution nested in this one: its content
        if best is not None and best.start > _subject_start(quote, ctx):
            best = None  # "[a campaign operative decided] to change course": same
        if (
            quote.kind == "indirect"
            and not quote.parts
            and best is not None
            and not _interrupted(quote)
        ):
            shared = _shared(best.start, best.end, quote)
            longer = max(best.end - best.start, quote.end - quote.start)
            if shared >= SNAP_SHARE * longer:
                first, last = trim(doc.tokens, best.first, best.last)
                start, end = doc.tokens[first].start, doc.tokens[last - 1].end
                quote = replace(quote, start=start, end=end, text=doc.text[start:end])
        out.append(quote)
    return out


def _subject_start(quote: Quote, ctx: QuoteContext) -> int:
    """Where the subject of the content's main clause starts (past the end if it has none)."""
    tokens, tree = ctx.doc.tokens, ctx.tree
    inside = ctx.tokens_in(quote.start, quote.end)
    tops = [
        t for t in inside if not quote.start <= tokens[t.head].start < quote.end or t.head == t.i
    ]
    for top in tops[:1]:
        subject = tree.child(top.i, "nsubj", "nsubjpass")
        if subject is not None and quote.start <= subject.start:
            return tokens[tree.span(subject.i)[0]].start
    return quote.end


def _interrupted(quote: Quote) -> bool:
    """Content told around its own cue ("But to prevent problems, he said, officials should
    ..."): one span the tagger cannot mark, so its edges are not the tagger's to move."""
    cue = quote.cue_span
    return cue is not None and quote.start < cue.start < quote.end


def _shared(start: int, end: int, quote: Quote) -> int:
    return max(0, min(end, quote.end) - max(start, quote.start))
