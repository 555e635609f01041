"""Stage attributions.v1: attribution parts (CUE, SOURCE, CONTENT) marked by the small spaCy
tagger trained on PolNeAR (scripts/train_attribution_model.py; the model in `nlp/models.py`)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsgraph.model import Doc, EntityMention

if TYPE_CHECKING:
    from newsgraph.resources import Resources


def tag_attributions(doc: Doc, res: Resources) -> Doc:
    """Stage: the learned cue marks, aligned to the parse's tokens."""
    return _aligned(doc, res.attribution_tagger.marks(doc.text))


def tag_attributions_batch(docs: Sequence[Doc], res: Resources) -> list[Doc]:
    """The stage over many documents at once."""
    tagger = res.attribution_tagger
    many = tagger.marks_many([d.text for d in docs])
    return [_aligned(doc, marks) for doc, marks in zip(docs, many, strict=True)]


def _aligned(doc: Doc, found: list[tuple[int, int, str]]) -> Doc:
    starts = [t.start for t in doc.tokens]
    marks = []
    for start, end, label in found:
        first, last = bisect_left(starts, start), bisect_left(starts, end)
        if first < last:
            text = doc.text[start:end]
            marks.append(EntityMention(start, end, text, label, first, last))
    return replace(doc, attribution_marks=tuple(marks))
