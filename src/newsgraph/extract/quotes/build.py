"""Building a quote: the one constructor every rule uses, and the sentence a quote sits in."""

from __future__ import annotations

from newsgraph.extract.quote_content import QuoteContext
from newsgraph.extract.quote_marks import kind_of
from newsgraph.model import Doc, Quote, QuoteKind, Span

STAGE = "quotes.v1"


def make_quote(
    ctx: QuoteContext,
    span: tuple[int, int],
    method: str,
    cue: Span | None,
    speaker: str | None = None,
    speaker_mention: Span | None = None,
    *,
    via: tuple[str, ...] = (),
    via_method: str = "",
    kind: QuoteKind | None = None,
    cue_word: str | None = None,
) -> Quote:
    """The quote over the characters `span`, made by the rule `method`: its text, and its kind
    unless given, follow from the span; its cue word is the cue's text unless given."""
    start, end = span
    return Quote(
        start=start,
        end=end,
        text=ctx.doc.text[start:end],
        kind=kind or kind_of(ctx.marks, start, end),
        cue=cue_word if cue_word is not None else (cue.text if cue is not None else None),
        speaker=speaker,
        speaker_mention=speaker_mention,
        cue_span=cue,
        via=via,
        via_method=via_method,
        method=method,
        stage=STAGE,
    )


def sentence_of(doc: Doc, quote: Quote) -> int:
    """The index of the sentence of the quote's cue (of its start, when it has none)."""
    at = quote.cue_span.start if quote.cue_span else quote.start
    return next((i for i, s in enumerate(doc.sentences) if s.start <= at < s.end + 1), 0)
