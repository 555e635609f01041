"""Attribution parts (CUE, SOURCE, CONTENT) marked by the small spaCy tagger trained on PolNeAR
(scripts/train_attribution_model.py); with nlp/parse.py the only modules that import spaCy."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from newsgraph.model import Doc, EntityMention
from newsgraph.nlp.packaged import load_packaged

if TYPE_CHECKING:
    from newsgraph.resources import Resources

MODEL_DIR = "models/attribution_ner"


class AttributionTagger:
    """The packaged cue model; marks character spans of cue words."""

    def __init__(self, nlp: Any) -> None:
        self._nlp = nlp

    @classmethod
    def load(cls) -> AttributionTagger:
        """Load the model shipped inside the package (never downloads)."""
        return cls(
            load_packaged(MODEL_DIR, "attribution model", "scripts/train_attribution_model.py")
        )

    def marks(self, text: str) -> list[tuple[int, int, str]]:
        """Character spans the model labels: CUE, and with the joint model SOURCE and CONTENT."""
        return self.marks_many([text])[0]

    def marks_many(self, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        """`marks` for many texts, batched, freeing spaCy's strings afterwards (see parse.py)."""
        with self._nlp.memory_zone():
            return [
                [(e.start_char, e.end_char, e.label_) for e in sdoc.ents]
                for sdoc in self._nlp.pipe(texts, batch_size=16)
            ]


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
