"""Who a speaker phrase names: a person, an organisation, or a pronoun resolved to either."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsgraph.model import Doc, Person, Quote, Span, Token
from newsgraph.nlp.pronouns import pronoun
from newsgraph.nlp.tree import Tree
from newsgraph.resolve.coreference import FEMALE_WORDS, MALE_WORDS
from newsgraph.resolve.references import Reference, References
from newsgraph.resolve.titles import TitleWords

_WORD = re.compile(r"[a-z]+\.?")
# Heads of a phrase that ends in a person's name but names a body, not the person.
_BODIES = frozenset(
    {
        "government",
        "administration",
        "regime",
        "forces",
        "troops",
        "army",
        "authorities",
        "military",
        "ministry",
        "office",
        "coalition",
        "group",
        "council",
        "committee",
        "party",
    }
)
_CORE_DEPS = frozenset({"compound", "amod", "det", "poss", "nmod", "nummod", "punct", "case"})


class SpeakerResolver:
    """Resolve the subject of a cue verb to the canonical name of a person or actor."""

    def __init__(self, doc: Doc, tree: Tree, refs: References, titles: TitleWords) -> None:
        self.doc = doc
        self.tree = tree
        self.refs = refs
        self.titles = titles
        self.people: dict[str, Person] = {p.name: p for p in doc.people}
        self._genders: dict[str, str | None] = {}

    def mention(self, tok: Token) -> Span:
        """The words naming the speaker: the noun phrase core around `tok`."""
        first, last = self._core(tok)
        t = self.doc.tokens
        return Span(
            t[first].start, t[last - 1].end, self.doc.text[t[first].start : t[last - 1].end]
        )

    def resolve(self, tok: Token, earlier: Sequence[Quote]) -> str | None:
        """Canonical name of the speaker whose phrase is headed by `tok`."""
        said = pronoun(tok)
        if said is not None:
            referred = [c for c in self.doc.coreferences if c.start <= tok.start < c.end]
            if referred:
                return referred[0].name  # references.v1 resolved it, perhaps to nothing
        if said is not None and said.a_person:
            return self._previous_person(tok.start, earlier, said.gender)
        if said is not None and said.a_group:
            return self._previous_group(tok.start, earlier)
        first, last = self._core(tok)
        found = self._named(first, last, tok)
        if found not in self.people:
            found = self._named_last(tok) or found
        if found is None and self.titles.is_head_title(tok.text):
            found = self._by_title(tok)
        if found is None:
            sub_first, sub_last = self.tree.span(tok.i)
            found = self._named(sub_first, sub_last, tok)
        return found

    def _named_last(self, tok: Token) -> str | None:
        """ "The British ambassador to the UN Matthew Rycroft said", "The Swedish scientist
        leading the team Ake Sellstrom said": a phrase that ends in a person's name after its
        head word is that person, whatever party its other words name."""
        _, last = self.tree.span(tok.i)
        end = self.doc.tokens[last - 1].end
        for ref in self.refs.within(tok.end, end, "person"):
            if ref.end == end and ref.start > tok.start and not ref.method:
                if tok.lemma.casefold() not in _BODIES:
                    return ref.name
                # "the government of President Bashar al-Assad": the state he leads
                person = self.people.get(ref.name)
                return person.affiliation if person is not None else None
        return None

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

    def _previous_person(
        self, offset: int, earlier: Sequence[Quote], gender: str = ""
    ) -> str | None:
        """The nearest person named before `offset` whom the pronoun can refer to (not a
        woman for "he", not a man for "she"), preferring the latest person speaker."""
        wrong = {"Masc": "f", "Fem": "m"}.get(gender)
        named = [
            r
            for r in self.refs.before(offset, "person")
            if wrong is None or self._gender(r.name) != wrong
        ]
        if not named:
            return None
        nearest = named[0]
        for quote in reversed(earlier):
            if quote.speaker in self.people and quote.start < offset:
                last_speaker = quote.speaker
                if wrong is not None and self._gender(last_speaker) == wrong:
                    break
                mentioned_since = {r.name for r in named if r.end > quote.start}
                if mentioned_since <= {last_speaker}:
                    return last_speaker
                break
        return nearest.name

    def _gender(self, name: str) -> str | None:
        """ "f" or "m" when the article marks it: an honorific before a mention ("Mrs.",
        "Mr."), or a gendered word in the person's title ("chairwoman", "wife")."""
        if name in self._genders:
            return self._genders[name]
        found = None
        person = self.people.get(name)
        if person is not None:
            words = set(_WORD.findall((person.title or "").casefold()))
            for mention in person.mentions:
                before = self.doc.text[max(0, mention.start - 12) : mention.start].casefold()
                words.update(_WORD.findall(before))
            female, male = words & FEMALE_WORDS, words & MALE_WORDS
            found = "f" if female and not male else "m" if male and not female else None
        self._genders[name] = found
        return found

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
