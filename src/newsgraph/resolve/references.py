"""Which resolved entity each stretch of text names: the lookup later stages share."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Literal

from newsgraph.model import Doc

RefKind = Literal["actor", "person", "place"]


@dataclass(frozen=True, slots=True)
class Reference:
    """A mention of a resolved entity: its characters and the canonical name it resolves to."""

    start: int
    end: int
    kind: RefKind
    name: str
    method: str = ""  # the references.v1 rule, for words that refer back ("he", "the group")


class References:
    """Mentions of actors, people and places, queryable by character range; of the `kinds`
    given only, for a stage that runs before the others are resolved. With `coreferences`,
    the words references.v1 resolved ("he", "the Observatory") count as mentions too."""

    def __init__(
        self,
        doc: Doc,
        kinds: tuple[RefKind, ...] = ("actor", "person", "place"),
        coreferences: bool = True,
    ):
        refs: list[Reference] = []
        actors = doc.actors if "actor" in kinds else ()
        people = doc.people if "person" in kinds else ()
        for actor in actors:
            refs += [Reference(m.start, m.end, "actor", actor.name) for m in actor.mentions]
        for person in people:
            refs += [Reference(m.start, m.end, "person", person.name) for m in person.mentions]
        if "place" in kinds:
            for place in doc.places:
                refs += [Reference(m.start, m.end, "place", place.name) for m in place.mentions]
        if coreferences:
            refs += [
                Reference(c.start, c.end, c.kind, c.name, c.method)
                for c in doc.coreferences
                if c.name is not None and c.kind in kinds
            ]
        self.refs = sorted(refs, key=lambda r: (r.start, -r.end))
        self._starts = [r.start for r in self.refs]
        self.kind_of_actor = {a.name: a.kind for a in actors}
        self.country_of_actor = {a.name: a.country for a in actors}
        self.affiliation = {p.name: p.affiliation for p in people}

    def within(self, start: int, end: int, *kinds: RefKind) -> list[Reference]:
        """Mentions lying inside [start, end), in text order."""
        hi = bisect_right(self._starts, end)
        return [
            r
            for r in self.refs[:hi]
            if r.start >= start and r.end <= end and (not kinds or r.kind in kinds)
        ]

    def at(self, start: int, end: int, *kinds: RefKind) -> list[Reference]:
        """Mentions overlapping [start, end)."""
        hi = bisect_right(self._starts, end)
        return [
            r
            for r in self.refs[:hi]
            if r.start < end and start < r.end and (not kinds or r.kind in kinds)
        ]

    def before(self, offset: int, *kinds: RefKind) -> list[Reference]:
        """Mentions ending before `offset`, nearest first."""
        hi = bisect_right(self._starts, offset)
        found = [r for r in self.refs[:hi] if r.end <= offset and (not kinds or r.kind in kinds)]
        return sorted(found, key=lambda r: -r.end)

    def is_media(self, name: str) -> bool:
        """Whether `name` is a news outlet."""
        return self.kind_of_actor.get(name) == "media"
