"""Clause rules: a cue that reports its whole clause, subject included. "The issue was
reported by the Post" (passive-by: the agent is the source), "He seems to have other rules"
(hedge: the writer's impression) and "Roof is accused of a massacre" (passive: no one named)."""

from __future__ import annotations

from newsgraph.extract.quote_content import QuoteContext
from newsgraph.extract.quote_marks import inside_quote
from newsgraph.extract.quotes.build import make_quote
from newsgraph.extract.quotes.cue_verb import is_cue
from newsgraph.extract.quotes.limits import MIN_CLAUSE_TOKENS, MIN_PASSIVE_BY_TOKENS
from newsgraph.extract.quotes.scan import Found, SentenceScan
from newsgraph.model import Span, Token
from newsgraph.nlp.tree import trim

PASSIVE_BY = "passive-by"
HEDGE = "hedge"
PASSIVE = "passive"

# Verbs that hedge their own clause ("Republicans seem confident", "the campaign has
# appeared to acknowledge ..."): the writer's impression, attributed to no one.
HEDGES = frozenset({"seem", "appear"})

# Verbs of saying, judging and believing that, in the passive, report what someone unnamed
# holds about their subject ("is accused of", "is expected to", "is known as", "was rated").
# fmt: off
PASSIVE_REPORTS = frozenset([
    "accuse", "allege", "believe", "blame", "call", "consider", "criticize", "declare", "deem",
    "describe", "estimate", "expect", "know", "label", "rate", "regard", "report", "rumor", "say",
    "see", "suspect", "think", "view",
])
# fmt: on

# What follows a passive cue without being what it reports: another clause or a parenthesis.
_NOT_REPORTED = frozenset({"conj", "cc", "punct", "advcl", "parataxis"})


def passive_by(tok: Token, ctx: QuoteContext, scan: SentenceScan) -> Found | None:
    """ "The registration issue was first reported by the Post": a strong cue in the passive
    with its agent named reports its subject, and the agent is the source."""
    tree = ctx.tree
    if tok.pos != "VERB" or ctx.cues.strength(tok.lemma, tok.pos) != "strong":
        return None
    subject, agent = tree.child(tok.i, "nsubjpass"), tree.child(tok.i, "agent")
    source = tree.child(agent.i, "pobj") if agent is not None else None
    if subject is None or source is None or subject.pos == "PRON":
        return None
    first, last = tree.span(subject.i)
    return _clause(tok, (first, last), ctx, PASSIVE_BY, source, MIN_PASSIVE_BY_TOKENS)


def hedge(tok: Token, ctx: QuoteContext, scan: SentenceScan) -> Found | None:
    """ "He seems to have a different set of rules": an attribution with no source whose
    content is the whole hedged clause, subject included. A hedge over a cue of its own
    ("seemed to think that ...") is left to that cue."""
    tree = ctx.tree
    if tok.lemma.casefold() not in HEDGES or tok.pos not in {"VERB", "AUX"}:
        return None
    if inside_quote(ctx.marks, tok.start) is not None:
        return None  # a hedge inside someone's quotation is part of what they said
    subject = tree.child(tok.i, "nsubj")
    comps = [c for c in tree.children(tok.i, "xcomp", "acomp", "attr", "oprd") if c.i > tok.i]
    if subject is None or not comps or subject.text.casefold() == "it":
        return None
    if any(is_cue(c, ctx) == "strong" and not ctx.cues.reports_object(c.lemma) for c in comps):
        return None
    last = max(tree.span(c.i)[1] for c in comps)
    return _clause(tok, (tree.span(subject.i)[0], last), ctx, HEDGE)


def passive(tok: Token, ctx: QuoteContext, scan: SentenceScan) -> Found | None:
    """ "Roof is accused of a massacre", "Trump had been expected to visit": a cue in the
    passive with no one named as its source reports its whole clause, attributed to no one
    (its subject is what is talked about, never the speaker)."""
    tree = ctx.tree
    subject = tree.child(tok.i, "nsubjpass")
    if tok.pos != "VERB" or subject is None:
        return None
    if tree.child(tok.i, "agent", "ccomp") is not None or tok.dep in {"relcl", "acl", "amod"}:
        return None
    if tok.lemma.casefold() not in PASSIVE_REPORTS:
        return None
    if inside_quote(ctx.marks, tok.start) is not None:
        return None
    right = [c for c in tree.children(tok.i) if c.i > tok.i and c.dep not in _NOT_REPORTED]
    if not right:
        return None
    last = max(tree.span(c.i)[1] for c in right)
    return _clause(tok, (tree.span(subject.i)[0], last), ctx, PASSIVE)


def _clause(
    tok: Token,
    tokens: tuple[int, int],
    ctx: QuoteContext,
    method: str,
    source: Token | None = None,
    least: int = MIN_CLAUSE_TOKENS,
) -> Found | None:
    """The attribution over the tokens [first, last) cued by `tok`, by `source` if named."""
    first, last = trim(ctx.doc.tokens, *tokens)
    if last - first < least:
        return None
    start, end = ctx.doc.tokens[first].start, ctx.doc.tokens[last - 1].end
    quote = make_quote(
        ctx,
        (start, end),
        method,
        Span(tok.start, tok.end, tok.text),
        ctx.speakers.resolve(source, []) if source is not None else None,
        ctx.speakers.mention(source) if source is not None else None,
    )
    return Found(quote, (start, end))
