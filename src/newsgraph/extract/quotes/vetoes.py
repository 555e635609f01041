"""Vetoes on a sentence's cue quotes, each judged against the quotes still kept: the outer
cue of a chain ("refused to pledge to release ..."), and a cue inside what another quote
reports that names no one or reports an object alone."""

from __future__ import annotations

from newsgraph.extract.quote_content import QuoteContext
from newsgraph.extract.quotes.cue_speakers import MANNER
from newsgraph.extract.quotes.scan import SentenceScan
from newsgraph.model import Quote, Token
from newsgraph.nlp.tree import Tree


def outer_of_a_chain(
    quote: Quote, kept: list[Quote], scan: SentenceScan, ctx: QuoteContext
) -> bool:
    """Chained cues are one attribution: in "refused to pledge to release his returns",
    "appeared to blame workers" and "responded by saying that ...", what is reported is the
    last cue's complement, and the first cue's quote ("to pledge to release ...") goes."""
    tok = _cue_token(quote, ctx)
    inner = _chained(tok, ctx.tree) if tok is not None else None
    if inner is None or not quote.start <= inner.start < quote.end:
        return False
    return any(
        other.i == inner.i and not ctx.cues.reports_object(other.lemma)
        for other in (_cue_token(q, ctx) for q in kept)
        if other is not None
    )


def inside_another(quote: Quote, kept: list[Quote], scan: SentenceScan, ctx: QuoteContext) -> bool:
    """A cue inside what another quote reports is part of that content when its speaker
    names no one ("sources said [the protocol called for ...]") or it reports an object alone:
    "Merrill says [Clinton called Machado ...]" is Merrill's statement, not also one by Clinton
    about Machado, and "Police say [he ... refused to drop the gun]" is the police's."""
    unnamed = quote.speaker is None and quote.cue_span is not None
    if not unnamed and id(quote) not in scan.objects:
        return False
    at = quote.cue_span.start if quote.cue_span else quote.start
    return any(other is not quote and other.start <= at < other.end for other in kept)


def _cue_token(quote: Quote, ctx: QuoteContext) -> Token | None:
    return ctx.token_at.get(quote.cue_span.start) if quote.cue_span is not None else None


def _chained(tok: Token, tree: Tree) -> Token | None:
    """The cue a cue hands its report on to: its infinitive ("refused to pledge"), or a
    participle after a preposition of manner ("responded by saying")."""
    inner = tree.child(tok.i, "xcomp")
    if inner is None:
        prep = next((p for p in tree.children(tok.i, "prep") if p.text.casefold() in MANNER), None)
        inner = tree.child(prep.i, "pcomp") if prep is not None else None
    return inner
