"""Trims every found quote gets, in order, whichever rule found it: no trailing "according to
X", no transcript label, unquoted content kept to its paragraph, and reported content told
around its own attribution split in two parts."""

from __future__ import annotations

from dataclasses import replace

from newsgraph.extract.quote_content import QuoteContext
from newsgraph.extract.quote_marks import inside_quote
from newsgraph.model import Quote, Span


def within_paragraph(quote: Quote, ctx: QuoteContext) -> Quote:
    """Unquoted content stays in its cue's paragraph: a parse or a sentence split that runs
    over a line break ("... Charlotte, N.C.\n\n'A museum alone ...'") is cut there."""
    if quote.parts:
        return quote
    text = ctx.doc.text
    breaks = [
        i
        for i in range(quote.start, quote.end)
        if text[i] == "\n" and inside_quote(ctx.marks, i) is None
    ]
    if not breaks:
        return quote
    at = quote.cue_span.start if quote.cue_span else quote.start
    start = max([quote.start, *(i + 1 for i in breaks if i < at)])
    end = min([quote.end, *(i for i in breaks if i >= at)])
    piece = text[start:end]
    start, end = start + len(piece) - len(piece.lstrip()), end - (len(piece) - len(piece.rstrip()))
    if start >= end:
        return quote
    return replace(quote, start=start, end=end, text=text[start:end])


def around_attribution(quote: Quote, ctx: QuoteContext) -> Quote:
    """Reported content told around its own attribution ("Asapov, RT reported, was ...") gets
    two parts, the words before and after the attribution's commas."""
    text, cue = ctx.doc.text, quote.cue_span
    if quote.parts or quote.kind == "direct" or cue is None:
        return quote
    if not quote.start < cue.start < quote.end:
        return quote
    at = min(cue.start, quote.speaker_mention.start if quote.speaker_mention else cue.start)
    before = text.rfind(",", quote.start, at)
    after = text.find(",", cue.end, quote.end)
    if before <= quote.start or after < 0 or "," in text[max(before + 1, at) : at]:
        return quote
    head, tail = text[quote.start : before].rstrip(), text[after + 1 : quote.end].lstrip()
    if not head or not tail:
        return quote
    tail_start = quote.end - len(tail)
    parts = (
        Span(quote.start, quote.start + len(head), head),
        Span(tail_start, quote.end, tail),
    )
    return replace(quote, parts=parts)
