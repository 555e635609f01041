"""Rules over quotation marks alone: a transcript's labelled lines, a quotation signed with a
dash and a name, and quotations that continue an attributed quote."""

from __future__ import annotations

import re
from dataclasses import replace

from newsgraph.extract.quote_content import LABEL, QuoteContext
from newsgraph.extract.quote_marks import Quoted, overlapping
from newsgraph.extract.quotes.build import make_quote, sentence_of
from newsgraph.extract.quotes.limits import (
    MAX_CONTINUATION_BREAKS,
    MAX_CONTINUATION_CHARS,
    MAX_SIGNATURE_CHARS,
    MIN_NARRATION_TOKENS,
    SENTENCE_END_LOOKBACK,
)
from newsgraph.model import Doc, Quote, Span

TRANSCRIPT_LABEL = "transcript-label"
SIGNED = "signed"
CONTINUATION = "continuation"

_STAGE_DIRECTION = re.compile(r"[(\[][A-Z][A-Z .,'-]*[)\]]\.?")
_SIGNATURE = re.compile(r'"?[ \t]*[-\u2013\u2014\u2015][ \t]*(?=[A-Z])')
_DASHES = "-\u2013\u2014\u2015"


def transcript_labels(ctx: QuoteContext) -> list[Quote]:
    """A transcript's lines: '"PENCE: Well, the question ...' is Pence's, the label its source."""
    doc, text = ctx.doc, ctx.doc.text
    found: list[Quote] = []
    for mark in ctx.marks:
        label = LABEL.match(text, mark.start)
        if label is None or label.end() >= mark.end:
            continue
        name = next((t for t in doc.tokens if t.start >= mark.start), None)
        if name is None or name.start >= label.end():
            continue
        colon = text.rindex(":", label.start(), label.end())
        mention = text[label.start() : colon].strip()
        speaker = _person_called(mention, doc) or ctx.speakers.resolve(name, found)
        found.append(
            make_quote(
                ctx,
                (label.end(), mark.end),
                TRANSCRIPT_LABEL,
                Span(colon, colon + 1, ":"),
                speaker,
                Span(label.start(), label.start() + len(mention), mention),
                kind="direct",
            )
        )
    return found


def _person_called(label: str, doc: Doc) -> str | None:
    """The one person of the article whose surname is the label: "PENCE" -> "Mike Pence"."""
    key = label.casefold()
    found = {
        p.name
        for p in doc.people
        if p.name.casefold() == key or p.name.split()[-1].casefold() == key
    }
    return found.pop() if len(found) == 1 else None


def signed(ctx: QuoteContext, quotes: list[Quote]) -> list[Quote]:
    """A quotation signed with a dash and a name, as in vox pops and epigraphs:
    '"He represents our greatest shame." \u2015 Sonya Herridge'."""
    doc, text = ctx.doc, ctx.doc.text
    taken = [Quoted(q.start, q.end) for q in quotes]
    found: list[Quote] = []
    for mark in ctx.marks:
        if overlapping(taken, mark.start, mark.end):
            continue
        sign = _SIGNATURE.match(text, mark.end)
        line_end = text.find("\n", mark.end)
        line_end = len(text) if line_end < 0 else line_end
        if sign is None or line_end - sign.end() > MAX_SIGNATURE_CHARS:
            continue
        name = next((t for t in doc.tokens if t.start >= sign.end()), None)
        if name is None or name.pos != "PROPN" or name.start >= line_end:
            continue
        first = name
        while name.i + 1 < len(doc.tokens) and doc.tokens[name.i + 1].pos == "PROPN":
            name = doc.tokens[name.i + 1]  # the head of "Carla Sanchez" is "Sanchez"
        at = next(i for i in range(sign.start(), sign.end()) if text[i] in _DASHES)
        found.append(
            make_quote(
                ctx,
                (mark.start, mark.end),
                SIGNED,
                Span(at, at + 1, text[at]),
                ctx.speakers.resolve(name, [*quotes, *found]),
                Span(first.start, name.end, text[first.start : name.end]),
                kind="direct",
            )
        )
    return found


def continuations(ctx: QuoteContext, quotes: list[Quote]) -> list[Quote]:
    """Quotations with no cue after an attributed direct quote continue it.

    In the same paragraph ('"A," she said. "B."') or the next ('"A," she said.' then a
    paragraph '"B."') the continuation becomes another part of the same quote, as annotators
    read it: one statement, interrupted by its attribution; so too after a statement partly
    quoted ('Obama "felt an obligation," Axelrod said. "This is core stuff."'). After a
    sentence of narration, a following quotation is a quote of its own by the same speaker.
    """
    result = sorted(quotes, key=lambda q: q.start)
    text = ctx.doc.text
    for mark in ctx.marks:
        if overlapping([Quoted(q.start, q.end) for q in result], mark.start, mark.end):
            continue
        if _STAGE_DIRECTION.fullmatch(text[mark.start : mark.end].strip()):
            continue  # "(CROSSTALK.)", "(APPLAUSE)": a transcript's note, not speech
        previous = _continued_from(ctx.doc, [q for q in result if q.end <= mark.start])
        if previous is None or not _close_enough(text, previous, mark):
            continue
        if _narration_between(ctx.doc, previous, mark):
            result.append(_continued(previous, mark, text))
        else:
            result[result.index(previous)] = _joined(previous, mark, text)
        result.sort(key=lambda q: q.start)
    return result


def _close_enough(text: str, previous: Quote, mark: Quoted) -> bool:
    """Whether a quotation near enough after a quote, opening its own sentence, can go on
    with it."""
    gap = text[previous.end : mark.start]
    return (
        gap.count("\n\n") <= MAX_CONTINUATION_BREAKS
        and len(gap) <= MAX_CONTINUATION_CHARS
        and _opens_sentence(text, mark)
    )


def _narration_between(doc: Doc, previous: Quote, mark: Quoted) -> bool:
    """Whether a sentence of the writer's own stands between a quote and a later quotation
    ('"A," Trump added. He then had a question. "B?"'): then B is a quote of its own."""
    cue = previous.cue_span.start if previous.cue_span else -1
    return any(
        previous.end < s.start
        and s.end < mark.start - 1
        and not s.start <= cue < s.end
        and s.last - s.first >= MIN_NARRATION_TOKENS
        for s in doc.sentences
    )


def _opens_sentence(text: str, mark: Quoted) -> bool:
    """Whether a quotation starts its sentence (or paragraph): only such a quotation can
    continue a statement on its own; 'called it "a disaster"' is part of its sentence."""
    before = text[max(0, mark.start - SENTENCE_END_LOOKBACK) : mark.start]
    before = before.rstrip().rstrip('"').rstrip()
    return not before or before[-1] in ".?!:"


def _continued_from(doc: Doc, before: list[Quote]) -> Quote | None:
    """The attributed quote a following quotation would continue: the last one before it,
    passing over statements reported inside its own attribution ('"A," said X, who has long
    *backed* Y. "B."'), if it names a speaker."""
    if not before:
        return None
    last = before[-1]
    direct = [q for q in before if q.kind != "indirect" and q.cue_span is not None]
    if last.kind == "indirect" and direct:
        anchor = direct[-1]
        asides = [q for q in before if q.start >= anchor.end and q.kind == "indirect"]
        if asides and all(sentence_of(doc, q) == sentence_of(doc, anchor) for q in asides):
            last = anchor
    if last.kind == "indirect" or (last.speaker is None and last.speaker_mention is None):
        return None
    return last


def _continued(previous: Quote, mark: Quoted, text: str) -> Quote:
    """A quote of its own by the same speaker, with no cue of its own."""
    return replace(
        previous,
        start=mark.start,
        end=mark.end,
        text=text[mark.start : mark.end],
        kind="direct",
        cue=None,
        cue_span=None,
        method=CONTINUATION,
        parts=(),
    )


def _joined(previous: Quote, mark: Quoted, text: str) -> Quote:
    """The quote with the quotation as one more part."""
    parts = previous.parts or (Span(previous.start, previous.end, previous.text),)
    parts = (*parts, Span(mark.start, mark.end, text[mark.start : mark.end]))
    return replace(previous, end=mark.end, text=text[previous.start : mark.end], parts=parts)
