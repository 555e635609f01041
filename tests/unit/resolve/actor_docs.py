"""Hand-built documents for the actor tests: a spaCy-like tokeniser, no model."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from newsgraph.model import Doc, EntityMention, Token

# "U.S." whole, possessive 's apart, words, then any other character alone ("-", ",", "(").
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|'s|\w+|[^\w\s]")


def make_tokens(text: str) -> list[Token]:
    """Tokens roughly as spaCy splits them: hyphens, brackets and possessives apart."""
    tokens = []
    for i, m in enumerate(_TOKEN.finditer(text)):
        word = m.group()
        pos = "PUNCT" if not word[0].isalnum() else "PROPN" if word[0].isupper() else "NOUN"
        tokens.append(Token(i, m.start(), m.end(), word, word.lower(), pos, pos, "dep", i))
    return tokens


def make_doc(text: str, entities: Sequence[tuple[str, str]] = ()) -> Doc:
    """A Doc of `text`; `entities` are (surface, NER label) pairs, found left to right."""
    tokens = make_tokens(text)
    ents, offset = [], 0
    for surface, label in entities:
        start = text.index(surface, offset)
        end = start + len(surface)
        first = next(t.i for t in tokens if t.start == start)
        last = next(t.i for t in tokens if t.end == end) + 1
        ents.append(EntityMention(start, end, surface, label, first, last))
        offset = end
    labelled = {i: e.label for e in ents for i in range(e.first, e.last)}
    tokens = [_label(t, labelled.get(t.i, "")) for t in tokens]
    return Doc(id="test", source="test", text=text, tokens=tuple(tokens), entities=tuple(ents))


def _label(tok: Token, label: str) -> Token:
    return replace(tok, ent_type=label, ent_iob="I") if label else tok
