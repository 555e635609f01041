"""Parties named by common nouns: "regime forces" are the state, "rebels" its armed
opposition, "residents" civilians; "Russian warplanes" are Russia's.

Conflict copy names sides by role far more often than by name. The roles are a packaged table
(`data/events/parties.tsv`, read by the event lexicon): a head noun or a modifier gives the
role, and a named party in the phrase always wins ("Islamic State fighters" are the Islamic
State, "Kurdish forces" the Kurds). The state is the country the document is about (the
country named most often, as a party or a place); its opposition is named from the state's
adjective ("Syrian opposition"), the way analysts file rebels with no group name. Roles the
article cannot settle ("militants", "forces", "warplanes" alone) give no party: an empty actor
is better than a guessed one.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Literal

from newsgraph.model import Doc, Token

Role = Literal["state", "opposition", "civilians"]
CIVILIANS = "civilians"


def home_state(doc: Doc) -> str | None:
    """The country the document is about: the one named most often, as a party or a place."""
    counts: Counter[str] = Counter()
    for actor in doc.actors:
        if actor.kind == "country":
            counts[actor.name] += len(actor.mentions)
    for place in doc.places:
        if place.kind == "country":
            counts[place.name] += len(place.mentions)
    if not counts:
        return None
    return counts.most_common(1)[0][0]


class Sides:
    """The parties a phrase names by its role words, for one document."""

    def __init__(
        self,
        roles: Mapping[str, Role],
        state: str | None,
        adjective: Callable[[str], str | None],
    ) -> None:
        self.roles = roles
        self.state = state
        self._adjective = adjective

    @property
    def opposition(self) -> str | None:
        """The state's armed opposition as analysts file it: "Syrian opposition"."""
        if self.state is None:
            return None
        adjective = self._adjective(self.state)
        return f"{adjective} opposition" if adjective else f"opposition in {self.state}"

    def role_of(self, words: Sequence[Token]) -> Role | None:
        """The role a phrase's words give: its head's, else its modifiers' (nearest first)."""
        if not words:
            return None
        head = max(words, key=lambda t: _depth_rank(t, words))
        order = [head, *sorted((t for t in words if t is not head), key=lambda t: -t.i)]
        pairs = {f"{a.text} {b.text}".casefold() for a, b in itertools.pairwise(words)}
        for pair in sorted(pairs):
            if (role := self.roles.get(pair)) is not None:
                return role  # "air force"
        for tok in order:
            role = self.roles.get(tok.lemma.casefold()) or self.roles.get(tok.text.casefold())
            if role is not None:
                return role
        return None

    def party(self, role: Role | None) -> tuple[str, ...]:
        """The party a role stands for in this document."""
        if role == "state" and self.state:
            return (self.state,)
        if role == "opposition" and (name := self.opposition):
            return (name,)
        if role == "civilians":
            return (CIVILIANS,)
        return ()


def _depth_rank(tok: Token, words: Sequence[Token]) -> int:
    """The phrase's head ranks highest: its head lies outside the phrase."""
    inside = {t.i for t in words}
    return 1 if tok.head not in inside or tok.head == tok.i else 0


def read_roles(rows: Sequence[tuple[str, str]]) -> dict[str, Role]:
    """The role table from its rows (word, role)."""
    out: dict[str, Role] = {}
    for word, role in rows:
        if role == "state":
            out[word] = "state"
        elif role == "opposition":
            out[word] = "opposition"
        elif role == "civilians":
            out[word] = "civilians"
    return out
