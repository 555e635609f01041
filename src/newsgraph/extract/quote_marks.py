"""Stretches of text inside quotation marks, tolerant of odd counts and mixed marks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.model import QuoteKind

# After `clean`, curly quotes are straight. A double quote opens when it follows a space,
# start of line or an opening bracket, and closes otherwise.
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")


@dataclass(frozen=True, slots=True)
class Quoted:
    """Characters inside a pair of quotation marks: [start, end) excludes the marks."""

    start: int
    end: int


def quoted_spans(text: str) -> list[Quoted]:
    """Pairs of double quotes, paragraph by paragraph; an unmatched mark runs to paragraph end.

    A paragraph whose quote is never closed is the news convention for a quote continued in
    the next paragraph, so the open quote runs to the paragraph's end.
    """
    spans: list[Quoted] = []
    for para in _PARAGRAPH.finditer(text):
        marks = [m.start() for m in re.finditer('"', para.group())]
        base = para.start()
        for k in range(0, len(marks) - 1, 2):
            spans.append(Quoted(base + marks[k] + 1, base + marks[k + 1]))
        if len(marks) % 2 == 1:
            spans.append(Quoted(base + marks[-1] + 1, para.end()))
    return [q for q in spans if text[q.start : q.end].strip()]


def inside(spans: list[Quoted], start: int, end: int) -> Quoted | None:
    """The quoted span that contains [start, end), if any."""
    return next((q for q in spans if q.start <= start and end <= q.end), None)


def overlapping(spans: list[Quoted], start: int, end: int) -> list[Quoted]:
    """The quoted spans that overlap [start, end)."""
    return [q for q in spans if q.start < end and start < q.end]


def inside_quote(spans: list[Quoted], offset: int) -> Quoted | None:
    """The quoted span the character at `offset` is in, if any."""
    return next((q for q in spans if q.start <= offset < q.end), None)


def kind_of(spans: list[Quoted], start: int, end: int) -> QuoteKind:
    """Direct when the content lies in quotation marks, mixed when it takes some in."""
    if inside(spans, start, end):
        return "direct"
    return "mixed" if overlapping(spans, start, end) else "indirect"
