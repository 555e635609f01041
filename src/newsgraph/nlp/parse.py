"""Stage parse.v1: sentences, tokens and named entities, from the parser in `Resources`
(`nlp/models.py`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsgraph.model import Doc

if TYPE_CHECKING:
    from newsgraph.resources import Resources


def parse(doc: Doc, res: Resources) -> Doc:
    """Stage: fill in tokens, sentences and entities."""
    tokens, sentences, entities = res.parser.parse(doc.text)
    return replace(doc, tokens=tokens, sentences=sentences, entities=entities)


def parse_batch(docs: Sequence[Doc], res: Resources) -> list[Doc]:
    """The parse stage over many documents, batched when the parser can batch."""
    many = getattr(res.parser, "parse_many", None)
    if many is None:
        return [parse(doc, res) for doc in docs]
    return [
        replace(doc, tokens=t, sentences=s, entities=e)
        for doc, (t, s, e) in zip(docs, many([d.text for d in docs]), strict=True)
    ]
