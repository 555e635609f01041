"""The rules of VIA_RULES where an outlet passes a statement on or speaks itself: citing
someone ("Sham FM reported, citing an official"), reporting another's statement ("Lavrov
said ..., Interfax reported"), and its own reporter speaking ("SANA reporter said")."""

from __future__ import annotations

from dataclasses import replace

from newsgraph.extract.cues import CUE_VERBS
from newsgraph.extract.quotes.build import sentence_of
from newsgraph.extract.quotes.outlet_phrases import (
    STAFF,
    OutletMention,
    OutletNames,
    cue_token,
    definite,
    in_content,
    through,
)
from newsgraph.model import Quote, Token

CITED = "cited-by-outlet"
REPORTED = "outlet-reported"
STAFF_SPEAKS = "outlet-staff"
# Verbs an outlet reports with at the end of a sentence ("..., Interfax reported").
REPORTING = frozenset({"report", "say"})


def cited_by_outlet(quotes: list[Quote], names: OutletNames) -> list[Quote]:
    """An outlet citing someone relays them: '"...," Sham FM reported, citing an official'
    is the official's, via Sham FM; "the Observatory quoted sources as saying that ..." is the
    sources'; a quote told inside what is cited ("said, citing medics who described it as
    ...") is the medics', via the citer. A monitor citing its sources still speaks itself:
    its figures are its own findings."""
    ctx = names.ctx
    citing_cues: set[int] = set()
    out = []
    for q in quotes:
        cue = cue_token(q, ctx)
        cited = names.cited(cue) if cue is not None else None
        if cue is not None and cited is not None:
            if ctx.refs.is_media(q.speaker or "") and ctx.speakers.name_in(cited) != q.speaker:
                citing_cues.add(ctx.doc.tokens[cited.head].i)  # its "content" is the source
                q = _relayed(q, cited, q.speaker or "", names)
        elif cue is not None:
            q = _quoted_as_saying(q, cue, names) or q
        out.append(q)
    out = [q for q in out if (tok := cue_token(q, ctx)) is None or tok.i not in citing_cues]
    return [_told_inside_citation(q, out, names) for q in out]


def _relayed(quote: Quote, source: Token, outlet: str, names: OutletNames) -> Quote:
    """The quote said by `source` and passed on by `outlet`."""
    speakers = names.ctx.speakers
    moved = replace(
        quote, speaker=speakers.name_in(source), speaker_mention=speakers.mention(source)
    )
    return replace(through(moved, outlet, CITED, nearest_origin=True), via_method=CITED)


def _quoted_as_saying(quote: Quote, cue: Token, names: OutletNames) -> Quote | None:
    """ "X quoted Y as saying ...": Y said it, via X when X is an outlet."""
    tree, tokens = names.ctx.tree, names.ctx.doc.tokens
    if cue.tag != "VBG" or cue.dep != "pcomp" or cue.head == cue.i:
        return None
    prep = tokens[cue.head]
    verb = tokens[prep.head]
    if prep.text.casefold() != "as" or verb.lemma.casefold() != "quote":
        return None
    source, quoter = tree.child(verb.i, "dobj", "obj"), _speaker_of(verb, quote, names)
    if source is None or not names.is_outlet(quoter):
        return None
    return _relayed(quote, source, quoter or "", names)


def _told_inside_citation(quote: Quote, quotes: list[Quote], names: OutletNames) -> Quote:
    """ "... the Observatory said citing medical sources who described it as ...": the
    medics' words reached the article through the Observatory."""
    ctx = names.ctx
    said = quote.speaker_mention
    if said is None or quote.via:
        return quote
    for other in quotes:
        cue = cue_token(other, ctx)
        cited = names.cited(cue) if cue is not None else None
        if other is quote or cue is None or cited is None:
            continue
        first, last = ctx.tree.span(cited.i)
        tokens = ctx.doc.tokens
        if tokens[first].start <= said.start and said.end <= tokens[last - 1].end:
            citer = _speaker_of(cue, other, names)
            if names.is_outlet(citer) and citer != quote.speaker:
                return through(quote, citer or "", CITED, nearest_origin=True)
    return quote


def _speaker_of(verb: Token, quote: Quote, names: OutletNames) -> str | None:
    """Who says `verb`: the quote's speaker, else its subject's name, else the actor named
    right before it (the parse of unpunctuated text often loses the subject)."""
    ctx = names.ctx
    if quote.speaker is not None and names.is_outlet(quote.speaker):
        return quote.speaker
    subject = ctx.tree.subject(verb.i)
    named = ctx.speakers.name_in(subject) if subject is not None else None
    if named is not None:
        return named
    before = ctx.refs.before(verb.start, "actor")
    if before and ctx.doc.text[before[0].end : verb.start].strip() == "":
        return before[0].name
    return None


def outlet_reported(quotes: list[Quote], names: OutletNames) -> list[Quote]:
    """An outlet that reports another speaker's statement relays it: "Lavrov said ...,
    Interfax reported" and "SANA reported that the army said ..." are the speaker's, via the
    outlet, and the outlet's quote of nothing but that statement goes."""
    ctx = names.ctx
    wrappers: set[int] = set()
    out = list(quotes)
    for n, outer in enumerate(out):
        if not names.is_outlet(outer.speaker):
            continue
        for m, inner in enumerate(out):
            cue = cue_token(inner, ctx)
            if m == n or cue is None or inner.speaker == outer.speaker:
                continue
            if cue.lemma.casefold() not in CUE_VERBS:
                continue  # "Russian jets struck ...": a deed told, no statement relayed
            if not in_content(outer, cue.start):
                continue
            out[m] = through(inner, outer.speaker or "", REPORTED, nearest_origin=False)
            if not in_content(outer, ctx.doc.tokens[cue.head].start) or cue.head == cue.i:
                wrappers.add(n)  # the statement is all the outlet's quote reports
    out = [q for n, q in enumerate(out) if n not in wrappers]
    for sent_index, mention, verb in _closing_reports(names):
        closed = [c for q in out if (c := _closing(q, sent_index, mention, verb, names))]
        out = [q for q in closed if not _wraps_only(q, verb, closed, names)]
    return out


def _closing_reports(names: OutletNames) -> list[tuple[int, OutletMention, Token]]:
    """Sentences that end "... OUTLET [news agency] reported.", with the outlet and its verb."""
    tokens, found = names.ctx.doc.tokens, []
    for s, sent in enumerate(names.ctx.doc.sentences):
        words = [t for t in tokens[sent.first : sent.last] if t.pos != "PUNCT"]
        if len(words) < 4 or words[-1].lemma.casefold() not in REPORTING:
            continue
        verb = words[-1]
        for first in range(verb.i - 1, max(sent.first, verb.i - 6) - 1, -1):
            mention = names.at(first)
            if mention is not None and mention.first == first:
                rest = tokens[mention.last : verb.i]
                if all(t.text.casefold() in {"news", "agency", "tv", "radio"} for t in rest):
                    found.append((s, mention, verb))
                break
    return found


def _closing(
    quote: Quote, sent_index: int, mention: OutletMention, verb: Token, names: OutletNames
) -> Quote | None:
    """A quote of the sentence a closing "OUTLET reported" ends: through the outlet, its
    content no longer running into the outlet's words."""
    ctx = names.ctx
    cue = cue_token(quote, ctx)
    if cue is None or cue.i == verb.i or sentence_of(ctx.doc, quote) != sent_index:
        return quote
    if quote.speaker == mention.name or cue.i >= mention.first:
        return quote
    start = ctx.doc.tokens[mention.first].start
    if quote.start < start < quote.end and not quote.parts:
        text = ctx.doc.text[quote.start : start].rstrip(" ,\"'\u201d")
        if not text:
            return None
        quote = replace(quote, end=quote.start + len(text), text=text)
    return through(quote, mention.name, REPORTED, nearest_origin=False)


def _wraps_only(quote: Quote, verb: Token, quotes: list[Quote], names: OutletNames) -> bool:
    """The closing outlet's own quote, when what it reports is others' quotes."""
    cue = cue_token(quote, names.ctx)
    if cue is None or cue.i != verb.i:
        return False
    return any(
        q is not quote and q.via_method == REPORTED and q.start >= quote.start for q in quotes
    )


def outlet_staff(quotes: list[Quote], names: OutletNames) -> list[Quote]:
    """An outlet's own reporter speaks for the outlet: "SANA reporter said", "an AFP
    correspondent John Smith said", and "the reporter added" after one of them."""
    ctx, out = names.ctx, []
    latest: str | None = None
    for q in quotes:
        said = q.speaker_mention
        tokens = ctx.tokens_in(said.start, said.end) if said is not None else []
        mention = next((m for t in tokens if (m := names.at(t.i)) and m.first == t.i), None)
        staff = any(t.text.casefold() in STAFF for t in tokens)
        if mention is not None and staff:
            latest = mention.name
            if q.speaker != mention.name:
                q = replace(q, speaker=mention.name, via_method=STAFF_SPEAKS)
        elif latest is not None and definite(tokens) and tokens[-1].text.casefold() in STAFF:
            q = replace(q, speaker=latest, via_method=STAFF_SPEAKS)
        out.append(q)
    return out
