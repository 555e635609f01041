"""Who a speaker phrase names: a person, an organisation, or a pronoun resolved to either."""

from __future__ import annotations

from collections.abc import Sequence

from newsgraph.model import Doc, Mention, Person, Quote, Token
from newsgraph.nlp.tree import PRONOUNS_PERSON, PRONOUNS_PLURAL, Tree
from newsgraph.resolve.references import Reference, References
from newsgraph.resolve.titles import is_head_title

_CORE_DEPS = frozenset({"compound", "amod", "det", "poss", "nmod", "nummod", "punct", "case"})


class SpeakerResolver:
    """Resolve the subject of a cue verb to the canonical name of a person or actor."""

    def __init__(self, doc: Doc, tree: Tree, refs: References) -> None:
        self.doc = doc
        self.tree = tree
        self.refs = refs
        self.people: dict[str, Person] = {p.name: p for p in doc.people}

    def mention(self, tok: Token) -> Mention:
        """The words naming the speaker: the noun phrase core around `tok`."""
        first, last = self._core(tok)
        t = self.doc.tokens
        return Mention(
            t[first].start, t[last - 1].end, self.doc.text[t[first].start : t[last - 1].end]
        )

    def resolve(self, tok: Token, earlier: Sequence[Quote]) -> str | None:
        """Canonical name of the speaker whose phrase is headed by `tok`."""
        low = tok.text.casefold()
        if low in PRONOUNS_PERSON:
            return self._previous_person(tok.start, earlier)
        if low in PRONOUNS_PLURAL:
            return self._previous_group(tok.start, earlier)
        first, last = self._core(tok)
        found = self._named(first, last, tok)
        if found is None and is_head_title(tok.text):
            found = self._by_title(tok)
        if found is None:
            sub_first, sub_last = self.tree.span(tok.i)
            found = self._named(sub_first, sub_last, tok)
        return found

    def name_in(self, tok: Token) -> str | None:
        """The person or actor named in the phrase headed by `tok` (no pronoun resolution)."""
        first, last = self.tree.span(tok.i)
        return self._named(first, last, tok)

    def _core(self, tok: Token) -> tuple[int, int]:
        kept = [tok.i] + [c.i for c in self.tree.children(tok.i) if c.dep in _CORE_DEPS]
        for c in self.tree.children(tok.i, "compound", "amod", "poss"):
            kept += self.tree.subtree(c.i)
        return min(kept), max(kept) + 1

    def _named(self, first: int, last: int, head: Token) -> str | None:
        """A person named in the range, else the actor naming the head word, else the last named.

        English noun phrases end in their head, and a name in apposition comes last:
        "Kremlin news agency RIA" is RIA, not the Kremlin.
        """
        t = self.doc.tokens
        found = self.refs.within(t[first].start, t[last - 1].end, "person", "actor")
        people = [r for r in found if r.kind == "person"]
        if people:
            return people[0].name
        on_head = [r for r in found if r.start <= head.start < r.end]
        if on_head:
            return _widest(on_head).name
        return max(found, key=lambda r: (r.end, r.end - r.start)).name if found else None

    def _previous_person(self, offset: int, earlier: Sequence[Quote]) -> str | None:
        """The nearest person named before `offset`, preferring the latest person speaker."""
        named = self.refs.before(offset, "person")
        if not named:
            return None
        nearest = named[0]
        for quote in reversed(earlier):
            if quote.speaker in self.people and quote.start < offset:
                last_speaker = quote.speaker
                mentioned_since = {r.name for r in named if r.end > quote.start}
                if mentioned_since <= {last_speaker}:
                    return last_speaker
                break
        return nearest.name

    def _previous_group(self, offset: int, earlier: Sequence[Quote]) -> str | None:
        """ "They": the latest actor speaker in the same paragraph, else unresolved."""
        para = self._paragraph(offset)
        for quote in reversed(earlier):
            same = self._paragraph(quote.start) == para
            if same and quote.speaker and quote.speaker not in self.people:
                return quote.speaker
        return None

    def _by_title(self, tok: Token) -> str | None:
        """ "The minister said": the latest person before `tok` whose title has that word."""
        word = tok.lemma.casefold()
        for ref in self.refs.before(tok.start, "person"):
            title = (self.people[ref.name].title or "").casefold()
            if word in title.replace("-", " ").split():
                return ref.name
        return None

    def _paragraph(self, offset: int) -> int:
        return self.doc.text.count("\n\n", 0, offset)


def _widest(found: Sequence[Reference]) -> Reference:
    return max(found, key=lambda r: (r.end - r.start, -r.start))
