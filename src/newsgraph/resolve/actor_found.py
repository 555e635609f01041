"""One mention of one party as the actor rules find it, and the token helpers they share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsgraph.model import ActorKind, Doc, Side, Token


@dataclass(frozen=True, slots=True)
class Found:
    """One mention of one party, before mentions are grouped into actors."""

    start: int
    end: int
    first: int  # token indices [first, last)
    last: int
    name: str
    kind: ActorKind
    country: str | None
    code: str | None
    origin: str
    side: Side | None = None


def token_at(doc: Doc, i: int) -> Token | None:
    """Token `i`, or None past either end."""
    return doc.tokens[i] if 0 <= i < len(doc.tokens) else None


def next_words(doc: Doc, i: int, n: int) -> list[tuple[int, str]]:
    """Up to `n` (index, lower-cased text) of tokens from `i`; hyphens and possessives skipped."""
    out: list[tuple[int, str]] = []
    while len(out) < n and i < len(doc.tokens):
        text = doc.tokens[i].text.lower().strip("-\u2013\u2014")
        if text and text not in ("'s", "\u2019s"):
            out.append((i, text))
        i += 1
    return out


def words_of(pairs: Sequence[tuple[int, str]]) -> tuple[str, ...]:
    """The words of (index, word) pairs."""
    return tuple(w for _, w in pairs)


def found_over(doc: Doc, first: int, last: int, **fields: object) -> Found:
    """A Found over tokens [first, last), its characters taken from them."""
    start, end = doc.tokens[first].start, doc.tokens[last - 1].end
    return Found(start, end, first, last, **fields)  # type: ignore[arg-type]
