"""Walking the dependency tree of our own `Token` records (no spaCy needed)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from newsgraph.model import Token

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


class Tree:
    """Children lists and subtree ranges over a token sequence, computed once."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self._children: list[list[int]] = [[] for _ in tokens]
        for tok in tokens:
            if tok.head != tok.i:
                self._children[tok.head].append(tok.i)

    def children(self, i: int, *deps: str) -> list[Token]:
        """Direct dependents of token `i`, optionally only those with one of `deps`."""
        kids = (self.tokens[k] for k in self._children[i])
        return [k for k in kids if not deps or k.dep in deps]

    def child(self, i: int, *deps: str) -> Token | None:
        """The first dependent of `i` with one of `deps`, or None."""
        found = self.children(i, *deps)
        return found[0] if found else None

    def subtree(self, i: int) -> list[int]:
        """Indices of `i` and everything below it, in text order."""
        out: list[int] = []
        stack = [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(self._children[j])
        return sorted(out)

    def span(self, i: int, exclude: Sequence[int] = ()) -> tuple[int, int]:
        """Token range [first, last) of the subtree of `i`, leaving out the subtrees in `exclude`.

        An excluded part at either edge is cut off ("X was hit, according to Y." -> "X was hit");
        one in the middle stays inside the range, which must be contiguous.
        """
        if not exclude:
            kept = self.subtree(i)
            return kept[0], kept[-1] + 1
        dropped: set[int] = set()
        for j in exclude:
            dropped.update(self.subtree(j))
        kept = [j for j in self.subtree(i) if j not in dropped and self.tokens[j].pos != "PUNCT"]
        return (kept[0], kept[-1] + 1) if kept else (i, i + 1)

    def ancestors(self, i: int) -> Iterator[Token]:
        """The heads above token `i`, nearest first."""
        seen = {i}
        tok = self.tokens[i]
        while tok.head != tok.i and tok.head not in seen:
            seen.add(tok.head)
            tok = self.tokens[tok.head]
            yield tok

    def is_below(self, i: int, top: int) -> bool:
        """Whether token `i` is in the subtree of `top`."""
        return i == top or any(a.i == top for a in self.ancestors(i))

    def subject(self, verb: int) -> Token | None:
        """The subject of `verb`, inherited from the governing verb for participles and conjuncts."""
        for tok in [self.tokens[verb], *self.ancestors(verb)]:
            subj = self.child(tok.i, "nsubj", "nsubjpass")
            if subj is not None:
                return subj
            if tok.dep not in {"conj", "advcl", "xcomp", "acomp"} or tok.pos not in {
                "VERB",
                "AUX",
                "ADJ",
            }:
                return None
        return None


def trim(tokens: Sequence[Token], first: int, last: int) -> tuple[int, int]:
    """Shrink [first, last) past edge punctuation and spaces, a leading "that" and a trailing
    conjunction; a leading "But"/"And" stays: it is part of what was said."""
    edge = {"PUNCT", "SPACE"}
    while first < last and (tokens[first].pos in edge or tokens[first].text == "that"):
        first += 1
    while last > first and tokens[last - 1].pos in edge | {"CCONJ"}:
        last -= 1
    return first, last
