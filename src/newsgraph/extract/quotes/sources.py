"""Rules for sources named by a phrase, sentence by sentence: "according to X" (a source, or
an outlet that relays the sentence's quotes) and "in the latest poll" (a finding's source)."""

from __future__ import annotations

from dataclasses import replace

from newsgraph.extract.cues import ACCORDING, CUE_VERBS
from newsgraph.extract.quote_content import QuoteContext
from newsgraph.extract.quote_marks import inside_quote
from newsgraph.extract.quotes.build import make_quote
from newsgraph.extract.quotes.limits import MIN_CLAUSE_TOKENS
from newsgraph.model import Quote, Sentence, Span, Token
from newsgraph.nlp.tree import trim

ACCORDING_TO = "according-to"
IN_A_SOURCE = "in-a-source"

# Findings that report what their clause says: "In the latest Post poll, Clinton leads ...".
# (Reports, statements and interviews were tried too: on PolNeAR train those "in" phrases were
# attributions less than half the time.)
SOURCE_NOUNS = frozenset({"poll", "survey", "study"})
# An "according to" on a subordinate clause (a complement, an adverbial, a conjunct) sources
# the sentence above it, not just that clause.
_SUBORDINATE = frozenset({"ccomp", "xcomp", "advcl", "conj"})


def according_to(sent: Sentence, ctx: QuoteContext, found: list[Quote]) -> list[Quote]:
    """ "..., according to X": X relays the sentence's quotes, or is the source of the sentence."""
    tokens, tree = ctx.doc.tokens, ctx.tree
    for tok in tokens[sent.first : sent.last]:
        to = tree.child(tok.i, "prep") if tok.text.casefold() == ACCORDING else None
        obj = tree.child(to.i, "pobj") if to is not None else None
        if to is None or obj is None:
            continue
        source = ctx.speakers.name_in(obj)  # None for "the poll": still a source, unnamed
        host = tokens[tok.head]  # the clause "according to X" attaches to
        relayed = [
            q
            for q in found
            if not (q.start <= tok.start < q.end)
            and q.speaker != source
            and q.cue_span is not None
            and (q.cue_span.start == host.start or _relays(q, host, ctx))
        ]
        if relayed:
            if source is not None:
                found = [
                    replace(q, via=(*q.via, source), via_method=ACCORDING_TO) if q in relayed else q
                    for q in found
                ]
            continue
        span = _sourced_sentence(tok, host, sent, ctx)
        if span is None:
            continue
        cue = Span(tok.start, to.end, "according to")
        found.append(make_quote(ctx, span, ACCORDING_TO, cue, source, ctx.speakers.mention(obj)))
    return found


def _sourced_sentence(
    tok: Token, host: Token, sent: Sentence, ctx: QuoteContext
) -> tuple[int, int] | None:
    """The characters an "according to" at `tok` sources: the sentence around the clause it
    attaches to, not just that clause, less the phrase itself."""
    tokens, tree = ctx.doc.tokens, ctx.tree
    top = host
    while top.dep in _SUBORDINATE and top.head != top.i:
        if tokens[top.head].sent != tok.sent:
            break
        top = tokens[top.head]
    first, last = tree.span(top.i, exclude=[tok.i])
    first, last = trim(tokens, max(first, sent.first), min(last, sent.last))
    if first >= last:
        return None
    return tokens[first].start, tokens[last - 1].end


def _relays(quote: Quote, host: Token, ctx: QuoteContext) -> bool:
    """Whether "according to X" on a clause inside `quote` passes the quote on: the quote is
    reported speech ("He said Y, according to X"), not a stance word ("as many expected")."""
    cue = ctx.token_at.get(quote.cue_span.start) if quote.cue_span else None
    return (
        cue is not None
        and cue.lemma.casefold() in CUE_VERBS
        and quote.start <= host.start < quote.end
    )


def in_a_source(sent: Sentence, ctx: QuoteContext, found: list[Quote]) -> list[Quote]:
    """ "In the previous Washington Post poll, Clinton led by 5 points": the poll says so."""
    tokens, tree = ctx.doc.tokens, ctx.tree
    for tok in tokens[sent.first : sent.last]:
        obj = _source_noun(tok, ctx)
        host = tokens[tok.head]
        if obj is None or inside_quote(ctx.marks, tok.start):
            continue
        if any(q.start <= host.start < q.end for q in found):
            continue
        first, last = trim(tokens, *tree.span(host.i, exclude=[tok.i]))
        if last - first < MIN_CLAUSE_TOKENS:
            continue
        start, end = tokens[first].start, tokens[last - 1].end
        if any(q.start < end and start < q.end for q in found):
            continue  # the clause already reports someone's words
        a, b = tree.span(obj.i)
        phrase = (tokens[a].start, tokens[b - 1].end)
        found.append(
            make_quote(
                ctx,
                (start, end),
                IN_A_SOURCE,
                Span(tok.start, tok.end, tok.text),
                ctx.speakers.name_in(obj),
                Span(*phrase, ctx.doc.text[phrase[0] : phrase[1]]),
                cue_word="in",
            )
        )
    return found


def _source_noun(tok: Token, ctx: QuoteContext) -> Token | None:
    """The noun of an "in" phrase on a verb that names a finding ("in the latest poll")."""
    if tok.text.casefold() != "in" or tok.dep != "prep" or tok.head == tok.i:
        return None
    obj = ctx.tree.child(tok.i, "pobj")
    host = ctx.doc.tokens[tok.head]
    if obj is None or obj.lemma.casefold() not in SOURCE_NOUNS or host.pos not in {"VERB", "AUX"}:
        return None
    return obj
