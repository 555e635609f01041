"""The learned event classifier: PLOVER types and modes read from each sentence's words.

A spaCy bag-of-words `textcat_multilabel` trained on open data by
`scripts/train_event_classifier.py` (NGEC synthetic PLOVER stories, PolNeAR sentences as
examples of no violence) and shipped in `data/models/event_textcat` (the model in
`nlp/models.py`). The event stage consults it where its lexicon is silent or torn
(`extract/event_frames.py`, `extract/incidents.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsgraph.model import Doc, SentenceClasses

if TYPE_CHECKING:
    from newsgraph.resources import Resources

FLOOR = 0.02  # scores below this are not kept: the classifier sees no such event there


def classify_events(doc: Doc, res: Resources) -> Doc:
    """Stage: the classifier's reading of every sentence."""
    return classify_events_batch([doc], res)[0]


def classify_events_batch(docs: Sequence[Doc], res: Resources) -> list[Doc]:
    """The stage over many documents at once."""
    texts = [doc.text[s.start : s.end] for doc in docs for s in doc.sentences]
    found = iter(res.event_classifier.scores(texts)) if texts else iter(())
    out = []
    for doc in docs:
        classes = []
        for index in range(len(doc.sentences)):
            cats = next(found)
            kept = tuple(sorted((k, round(v, 4)) for k, v in cats.items() if v >= FLOOR))
            classes.append(SentenceClasses(index, kept))
        out.append(replace(doc, event_classes=tuple(classes)))
    return out
