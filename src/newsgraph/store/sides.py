"""Whose is a speaker or an outlet: the state or party each link of a source chain speaks for.

Outlets come from the outlet table (data/outlets/outlets.tsv: SANA is Syria's, Al-Manar
Hezbollah's, a wire or a private paper nobody's); speakers from what the store knows of them:
a person takes the side of the body they speak for (Sergey Ryabkov, Russia's deputy foreign
minister: Russia), a state's body or state medium its state's, an alliance its leader's, a
country or armed group is a side of its own. The rules are an ordered table, SIDE_RULES; the
first that applies gives the side, and its name is the `side_method` a user sees.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from newsgraph.model import Actor, Doc, OriginKind, Person
from newsgraph.resolve.outlets import Outlet

# Kinds of actor that are a side of their own in a conflict, and camps (Actor.side) that make
# any actor one ("the Syrian National Coalition", an organisation of the opposition).
PARTY_KINDS = frozenset({"country", "armed_group", "alliance"})
PARTY_CAMPS = frozenset({"opposition", "jihadist", "kurdish", "coalition"})
# Words an outlet's name may carry or drop ("The Jordan Times" / "jordantimes", "Al-Manar" /
# "manar"): the FA-KES corpus names its outlets in lower case, run together.
_NAME_PREFIXES = ("the", "al")


@dataclass(frozen=True, slots=True)
class ActorFacts:
    """What side rules read of an actor."""

    kind: str
    country: str | None = None
    origin: str = ""
    patrons: tuple[str, ...] = ()
    led_by: str | None = None
    camp: str | None = None  # Actor.side: state, opposition, jihadist, kurdish, coalition, monitor


@dataclass(frozen=True, slots=True)
class Link:
    """One link of a source chain with its side: what the rules found for a name."""

    name: str
    kind: OriginKind
    side: str | None
    side_method: str
    outlet_kind: str | None = None


class Sides:
    """The side of any name a source chain or an event holds."""

    def __init__(
        self,
        outlets: Iterable[Outlet],
        actors: dict[str, ActorFacts],
        people: dict[str, str | None],
    ) -> None:
        self.actors = actors
        self.people = people  # name -> affiliation (an actor's name)
        self._outlets: dict[str, Outlet] = {}
        self._owners: set[str] = set()
        for outlet in outlets:
            for name in (outlet.name, *outlet.aliases):
                self._outlets.setdefault(outlet_key(name), outlet)
            if outlet.owner:
                self._owners.add(outlet.owner)

    @classmethod
    def of_doc(cls, doc: Doc, outlets: Iterable[Outlet]) -> Sides:
        """Sides from one document's own actors and people (the `analyze` report)."""
        return cls(outlets, actor_facts(doc.actors), people_facts(doc.people))

    def outlet(self, name: str) -> Outlet | None:
        """The outlet `name` spells, however it is written ("manar", "Al Manar TV")."""
        return self._outlets.get(outlet_key(name))

    def is_owner(self, name: str) -> bool:
        """Whether the outlet table names `name` as an outlet's owner (a party with media)."""
        return name in self._owners

    def link(self, name: str) -> Link:
        """`name` with its side, by the first rule of SIDE_RULES that applies."""
        for rule_name, rule in SIDE_RULES:
            found = rule(self, name)
            if found is not None:
                side, kind, outlet_kind = found
                return Link(name, kind, side, rule_name, outlet_kind)
        raise AssertionError("the last rule applies to every name")

    def side(self, name: str) -> str | None:
        return self.link(name).side

    def patrons(self, name: str) -> tuple[str, ...]:
        facts = self.actors.get(name)
        return facts.patrons if facts else ()


def outlet_key(name: str) -> str:
    """An outlet's name reduced to compare spellings: letters and digits, no leading the/al."""
    key = re.sub(r"[^0-9a-z]", "", name.casefold())
    for prefix in _NAME_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix) + 2:
            key = key[len(prefix) :]
    return key


def actor_facts(actors: Iterable[Actor]) -> dict[str, ActorFacts]:
    return {
        a.name: ActorFacts(a.kind, a.country, a.origin, a.patrons, a.led_by, a.side) for a in actors
    }


def people_facts(people: Iterable[Person]) -> dict[str, str | None]:
    return {p.name: p.affiliation for p in people}


# A rule's finding: (side, kind of link, outlet kind), or None when the rule does not apply.
Found = tuple[str | None, OriginKind, str | None]
SideRule = Callable[[Sides, str], Found | None]


def _outlet_owner(sides: Sides, name: str) -> Found | None:
    """An outlet the table documents as a state's or party's: SANA -> Syria."""
    outlet = sides.outlet(name)
    if outlet is None or outlet.owner is None:
        return None
    return outlet.owner, "outlet", outlet.kind


def _outlet_of_no_side(sides: Sides, name: str) -> Found | None:
    """Any other outlet of the table: a wire, a private paper, a monitor belong to no side."""
    outlet = sides.outlet(name)
    return (None, "outlet", outlet.kind) if outlet is not None else None


def _person_affiliation(sides: Sides, name: str) -> Found | None:
    """A person speaks for the body they belong to, and so for its side."""
    if name not in sides.people:
        return None
    affiliation = sides.people[name]
    if affiliation is None or affiliation == name or affiliation in sides.people:
        return None, "speaker", None
    return sides.link(affiliation).side, "speaker", None


def _state_media(sides: Sides, name: str) -> Found | None:
    """ "Iranian state TV" and other state media the text names by their state."""
    facts = sides.actors.get(name)
    if facts is None or facts.kind != "media" or not facts.country:
        return None
    if facts.origin == "rule:state-media" or facts.camp == "state":
        return facts.country, "outlet", "state"
    return None


def _other_media(sides: Sides, name: str) -> Found | None:
    """A medium the outlet table does not know: no side documented."""
    facts = sides.actors.get(name)
    return (None, "outlet", None) if facts is not None and facts.kind == "media" else None


def _state_body(sides: Sides, name: str) -> Found | None:
    """A ministry, an army, a state agency (or any body the lexicon puts on a state's side):
    its state."""
    facts = sides.actors.get(name)
    if facts is None:
        return None
    if facts.kind == "government_body":
        return facts.country or name, "speaker", None
    if facts.camp == "state" and facts.country:  # its forces ("the Syrian Arab Army")
        return facts.country, "speaker", None
    return None


def _alliance_leader(sides: Sides, name: str) -> Found | None:
    """An alliance led by one state speaks on its leader's side ("US-led coalition")."""
    facts = sides.actors.get(name)
    if facts is None or facts.kind != "alliance" or not facts.led_by:
        return None
    return facts.led_by, "speaker", None


def _party_itself(sides: Sides, name: str) -> Found | None:
    """A country, an armed group, an alliance, a body of the opposition, jihadists or Kurdish
    forces (Actor.side), or a body that owns an outlet: its own side."""
    facts = sides.actors.get(name)
    if facts is not None and (facts.kind in PARTY_KINDS or facts.camp in PARTY_CAMPS):
        return name, "speaker", None
    if sides.is_owner(name):
        return name, "speaker", None
    return None


def _no_side(sides: Sides, name: str) -> Found | None:
    """Anything else (an organisation, a group of people, words naming nobody): no side."""
    known = name in sides.actors or name in sides.people
    return None, "speaker" if known else "unnamed", None


SIDE_RULES: tuple[tuple[str, SideRule], ...] = (
    ("outlet-owner", _outlet_owner),
    ("outlet-of-no-side", _outlet_of_no_side),
    ("person-affiliation", _person_affiliation),
    ("state-media", _state_media),
    ("media-of-no-side", _other_media),
    ("state-body", _state_body),
    ("alliance-leader", _alliance_leader),
    ("party-itself", _party_itself),
    ("no-side", _no_side),
)
