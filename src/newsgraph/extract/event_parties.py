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

from newsgraph.model import Actor, Doc, Token
from newsgraph.words import words

Role = Literal["state", "opposition", "civilians"]
# Words that make a named body part of a state: "Syrian Arab Army", "Russian Defence Ministry".
STATE_BODIES = words(
    "army military ministry navy aerospace command guard guards police intelligence"
)
CIVILIANS = "civilians"


def home_state(doc: Doc) -> str | None:
    """The country the document is about: the one actors.v1 took for it where it named a side
    by role ("regime forces", "rebels"); else the one whose places it names most (its towns
    count for it), then the one it names most as a party."""
    for actor in doc.actors:
        if "rule:state-forces" in actor.origin:
            return actor.name
        if actor.side == "opposition" and "rule:" in actor.origin and actor.country:
            return actor.country
    names = {p.country_code: p.name for p in doc.places if p.kind == "country" and p.country_code}
    counts: Counter[str] = Counter()
    for place in doc.places:
        name = names.get(place.country_code or "")
        if name is not None:
            counts[name] += 2 * len(place.mentions)  # where things happen
    for actor in doc.actors:
        if actor.kind == "country":
            counts[actor.name] += len(actor.mentions)
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
        country_of: Callable[[str], str | None] = lambda word: None,
    ) -> None:
        self.roles = roles
        self.state = state
        self._adjective = adjective
        self._country_of = country_of  # "Syrian" -> "Syria", "Russia" -> "Russia"

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

    def canonical(self, name: str) -> str:
        """A state's own bodies as the state, the way analysts file them: "Syrian Arab Army",
        "Russian Defence Ministry", "Syrian Air Force" -> the country; "Syrian rebels" -> the
        Syrian opposition; any other name as it is."""
        words = name.replace("-", " ").split()
        lowered = [w.casefold() for w in words]
        pairs = {f"{a} {b}" for a, b in itertools.pairwise(lowered)}
        roles = [self.roles.get(w) for w in [*lowered, *pairs] if self.roles.get(w)]
        countries = [c for w in words if (c := self._country_of(w))]
        if not countries and roles and roles[0] == "state" and self.state:
            return self.state  # "Air Force", "the Army": the state the article is about
        if len(words) < 2 or len(set(countries)) != 1:
            return name
        if any(w in STATE_BODIES for w in lowered) or "state" in roles:
            return countries[0]
        if "opposition" in roles:
            adjective = self._adjective(countries[0])
            return f"{adjective} opposition" if adjective else name
        return name

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


# Words that show a name the NER model called an organisation is a group, not a village.
GROUP_WORDS = words(
    "army front brigade brigades battalion forces force council coalition party committee "
    "movement organization organisation group union agency ministry command guard guards units "
    "unit militia state observatory network center centre commission office authority "
    "government regime police council league fund programme program society association "
    "institute court assembly parliament senate congress corps division faylaq jaish jabhat "
    "harakat liwa kataib ahrar tahrir"
)


WITNESSES = frozenset({"observatory", "monitor", "monitors", "slideshow", "network"})
# Words that head place names, in Arabic toponymy and in English: a name the parser called an
# organisation with one of these is a place ("Bab Qensrin", "Masaken Hanano", "al-Nazihin Camp").
TOPONYM_WORDS = words(
    "bab khan kafr kfar tal tell deir ain jabal jebel masaken maaret maarat khirbet khirbat "
    "qaryat beit jisr ras marj wadi harat hay camp farms village street road square district "
    "neighborhood neighbourhood quarter countryside"
)


# People an outlet sends: "an Al-Jazeera team was targeted" makes the outlet a victim.
STAFF = words("team teams crew crews journalist journalists reporter reporters correspondent "
              "correspondents cameraman photographer staff office offices")  # fmt: skip


def _staffed(outlet: Actor, doc: Doc) -> bool:
    """Whether the article names the outlet's own people ("the Al-Jazeera team")."""
    for m in outlet.mentions:
        after = doc.text[m.end : m.end + 16].split()
        if after and after[0].lower() in STAFF:
            return True
    return False


class Parties:
    """The party names an event record may carry: a state's bodies as the state, stripped
    possessives ("Assads", "Syrias") as the name, and never a place or an outlet as a victim."""

    def __init__(
        self, doc: Doc, sides: Sides, is_place: Callable[[str], bool] = lambda name: False
    ) -> None:
        self.sides = sides
        self.is_place = is_place  # the gazetteer knows the name as a place
        self.people = {p.name: p for p in doc.people}
        self.kinds = {a.name: a.kind for a in doc.actors}
        self.sources = {a.name: a.origin for a in doc.actors}
        self.countries = {a.name: a.country for a in doc.actors}
        self.side_of = {a.name: a.side for a in doc.actors}
        self.newsrooms = {a.name for a in doc.actors if a.kind == "media" and _staffed(a, doc)}
        known = [a.name for a in doc.actors] + [p.name for p in doc.people]
        self.known = {n.casefold(): n for n in known}
        self.places = {p.name.casefold() for p in doc.places}
        self.places |= {m.text.casefold() for p in doc.places for m in p.mentions}

    def clean(
        self, names: Sequence[str], victims: bool = False, acting: bool = False
    ) -> tuple[str, ...]:
        """The names fit for an event's actor (or, with `victims`, recipient) list; `acting`:
        the doers of force, which an outlet never is ("Syrian state media" reported it)."""
        out: list[str] = []
        for name in names:
            name = self._stem(name)
            if self._not_a_party(name, victims) or (acting and self._witness(name)):
                continue
            if self.sources.get(name, "ner").split("+")[0] == "ner" and name not in self.people:
                name = self.sides.canonical(name)  # a lexicon's own entry keeps its name
            elif self._forces_of_a_state(name):
                name = self.countries[name] or name  # "Syrian Arab Army": the Syrian state
            if name not in out:
                out.append(name)
        return tuple(out)

    def _unresolved(self, name: str) -> bool:
        """A name as written that no stage made an actor, a person or an affiliation of one."""
        known = name in self.kinds or name in self.people
        return not known and all(p.affiliation != name for p in self.people.values())

    def _witness(self, name: str) -> bool:
        """An outlet or a monitor counting the dead: it reports force, it never uses it."""
        if self.kinds.get(name) == "media":
            return True
        return bool({w.casefold() for w in name.split()} & WITNESSES)

    def _forces_of_a_state(self, name: str) -> bool:
        """A state's army, air force, ministry or police as the lexicon files them (a
        government body on the state's side, or named as one): not a region's government
        ("Kurdistan Regional Government")."""
        if self.kinds.get(name) != "government_body" or not self.countries.get(name):
            return False
        state_side = self.side_of.get(name) == "state"
        return state_side or bool({w.casefold() for w in name.split()} & STATE_BODIES)

    def _stem(self, name: str) -> str:
        """ "Assads" -> "Assad", "Bashar Assads" -> "Bashar Assad": an apostrophe the source
        stripped, where the name without the s is known."""
        if len(name) > 3 and name.endswith("s") and not name.endswith("ss"):
            bare = self.known.get(name[:-1].casefold())
            if bare is not None:
                return bare
            if name[:-1].casefold() in self.places:
                return name[:-1]
        return name

    def _not_a_party(self, name: str, victims: bool) -> bool:
        key = name.casefold()
        if key == CIVILIANS or self.kinds.get(name) == "country":
            return False
        if key in self.places:
            return True  # "shelled Bab Qensrin": a place, never a side
        if self._unresolved(name) and self.is_place(name):
            return True  # "shelled Goma": a name no stage resolved that the gazetteer knows
        person = self.people.get(name)
        if person is not None and not (person.title or person.affiliation):
            words = {w.casefold() for w in name.replace("-", " ").split()}
            if words & TOPONYM_WORDS or self.is_place(name):
                return True  # "Khan Sheikhoun" taken for a person: a town
        media = self.kinds.get(name) == "media" and name not in self.newsrooms
        if victims and (media or self.side_of.get(name) == "monitor"):
            return True  # an outlet or a monitor reporting is no victim
        if self.sources.get(name) == "ner" and self.kinds.get(name) == "organisation":
            words = {w.casefold() for w in name.replace("-", " ").split()}
            if words & TOPONYM_WORDS:
                return True
            if words & GROUP_WORDS:
                return False
            # "Rityan", "Aleppo Death": a village, or a place run into the next word
            return self.is_place(name) or bool(words & self.places)
        return False
