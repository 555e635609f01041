"""Where the text puts one place inside another: "Tchamonga (Cobli, Atacora)", "the Hodan district
of Mogadishu", "a village in Afgooye district", "the village of X near Y", "X, a town in Y".

`CONTAINER_RULES` is an ordered table; each rule's name is the `origin` of a place it places.
A rule finds the contained name X and its containers Y (most specific first). The place stage
then resolves X inside Y, and when the gazetteer has no X there, keeps X at Y's coordinates
with a precision (2 at a town or district, 3 at a region, province or country): never dropped,
never guessed elsewhere. "X, Y" and "Y's city of X" are found by the stage's layout (`comma`,
`city-of`); these rules add the wordings it cannot see.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsgraph.model import Doc
from newsgraph.resolve.gazetteer import GazetteerEntry
from newsgraph.resolve.place_spans import PlaceSpan

# One word of a name: capitalised, perhaps after an Arabic or Romance particle ("al-Tabqa",
# "ez-Zor", "de Janeiro"), perhaps hyphenated ("Ma'arrat al-Nu'man").
_WORD = (
    r"(?:(?:al|el|ad|ar|as|ash|at|az|an|ez|es|ed|ul|un|um|bin|ibn|de|du|da|di|la|le)[-\s])?"
    r"[A-Z][\w'\u2019]*(?:-[\w'\u2019]+)*"
)
_NAME = rf"(?<![\w'\u2019-]){_WORD}(?:\s+{_WORD}){{0,3}}"
# What the contained place is: what news calls a place smaller than a district.
_LOCAL = (
    r"village|town|city|hamlet|neighbou?rhood|quarter|suburb|area|camp|district|sub-?district"
    r"|municipality|commune|settlement|locality"
)
# What the container is, written after its name: "Deir ez-Zor province", "Hodan district".
_UNIT = (
    r"district|sub-?district|province|governorate|region|county|state|department|prefecture"
    r"|municipality|countryside"
)
# Lower-case words that may stand between "a town" and its container: "a small town in northern".
_FILLER = r"(?:[a-z][\w-]*\s+){0,2}?"
_NEAR = (
    r"(?:near|outside|in|close\s+to|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of"
    r"|(?:on\s+the\s+outskirts|in\s+the\s+countryside)\s+of)"
)


@dataclass(frozen=True, slots=True)
class ContainerRule:
    """A wording that puts the place in group `inner` inside the places in the `outer` groups."""

    name: str
    pattern: re.Pattern[str]
    creates: bool = True  # may propose a name no earlier step took for a place


def _rule(name: str, pattern: str, creates: bool = True) -> ContainerRule:
    return ContainerRule(name, re.compile(pattern), creates)


CONTAINER_RULES: tuple[ContainerRule, ...] = (
    # "Tchamonga (Cobli, Atacora)", "Yaaq village (Wanla Weyn, Lower Shabelle)"
    _rule(
        "bracketed",
        rf"(?P<inner>{_NAME})(?:\s+(?:{_LOCAL}))?\s*\(\s*(?:in\s+)?(?P<outer>{_NAME})"
        rf"(?:\s+(?:{_UNIT}))?(?:\s*,\s*(?P<outer2>{_NAME}))?\s*\)",
    ),
    # "the Salah al-Din district of Aleppo", "Hodan district of Mogadishu", "al-Jamilyeh
    # neighborhood in Aleppo city"
    _rule(
        "district-of",
        rf"(?P<inner>{_NAME})\s+(?:neighbou?rhoods?|district|quarter|suburb|sub-?district|camp)"
        rf"\s+(?:of|in)\s+(?:the\s+)?(?:(?:city|town|province|governorate)\s+of\s+)?"
        rf"(?P<outer>{_NAME})",
    ),
    # "Ashara in Deir ez-Zor province", "a village in Afgooye district"
    _rule(
        "in-unit",
        rf"(?P<inner>{_NAME})(?:\s+(?:{_LOCAL}))?\s+in\s+(?:the\s+)?(?P<outer>{_NAME})"
        rf"\s+(?:{_UNIT})\b",
    ),
    # "the village of Foo near Bar", "the town of Foo in northern Bar"
    _rule(
        "type-of-near",
        rf"\b(?:village|town|hamlet|city|area|camp|neighbou?rhood)\s+of\s+(?P<inner>{_NAME})"
        rf"\s+{_NEAR}\s+(?:the\s+)?{_FILLER}(?:(?:city|town|province)\s+of\s+)?"
        rf"(?P<outer>{_NAME})",
    ),
    # "Foo, a town in Bar", "Foo, a small village in northern Bar"
    _rule(
        "appositive",
        rf"(?P<inner>{_NAME}),\s+an?\s+{_FILLER}(?:{_LOCAL})\s+{_NEAR}\s+(?:the\s+)?"
        rf"{_FILLER}(?P<outer>{_NAME})",
    ),
    # "Foo village in Bar", "Foo camp near Bar"
    _rule(
        "type-in",
        rf"(?P<inner>{_NAME})\s+(?:village|town|hamlet|camp|neighbou?rhood)\s+{_NEAR}\s+"
        rf"(?:the\s+)?{_FILLER}(?P<outer>{_NAME})",
    ),
    # "Dabiq of northern Syria": only for a name already taken for a place
    _rule(
        "of",
        rf"(?P<inner>{_NAME})\s+of\s+(?:(?:northern|southern|eastern|western|central|rural)\s+)?"
        rf"(?P<outer>{_NAME})",
        creates=False,
    ),
)
# Capitalised words that open a sentence or a date, not a name: "On Monday Foo village ...".
_NOT_NAME_WORDS = frozenset(
    str.split(
        """the a an on in at by of near from to and or but as after before during since while
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december village town city district province
    governorate region"""
    )
)

Range = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Blocked:
    """Where no place is proposed: parties' names, and (but for an address) people's."""

    parties: Sequence[Range]
    people: Sequence[Range]


_PARTICLE = re.compile(r"[a-z]{1,3}-[A-Z]")


@dataclass(frozen=True, slots=True)
class Containment:
    """The text puts the name at `inner` inside the names at `outers`, most specific first."""

    inner: Range
    outers: tuple[Range, ...]
    rule: str
    creates: bool


def find_containments(text: str) -> list[Containment]:
    """Every containment the rules find, in text order; for one contained name, the first
    rule in the table that finds it wins."""
    found: dict[Range, Containment] = {}
    for rule in CONTAINER_RULES:
        for m in rule.pattern.finditer(text):
            inner = _trimmed(text, m.start("inner"), m.end("inner"))
            outers = [
                o
                for g in ("outer", "outer2")
                if g in rule.pattern.groupindex and m.group(g)
                if (o := _trimmed(text, m.start(g), m.end(g))) is not None
                and not _abbreviation(text, o)
            ]
            if inner is None or not outers or inner in found:
                continue
            found[inner] = Containment(inner, tuple(outers), rule.name, rule.creates)
            if len(outers) == 2 and outers[0] not in found:  # "(Cobli, Atacora)": Cobli too
                found[outers[0]] = Containment(
                    outers[0], tuple(outers[1:]), rule.name, rule.creates
                )
    return sorted(found.values(), key=lambda c: c.inner)


def _abbreviation(text: str, where: Range) -> bool:
    """ "(SAMS)", "(SOHR)": an abbreviation of the name before the brackets, no container."""
    return bool(re.fullmatch(r"[A-Z]{2,6}", text[where[0] : where[1]]))


def _trimmed(text: str, start: int, end: int) -> Range | None:
    """The name less leading words that open a sentence or a date ("On Monday Foo" -> "Foo")."""
    while start < end:
        word = re.match(r"\S+", text[start:end])
        if word is None or word.group().casefold() not in _NOT_NAME_WORDS:
            break
        start += word.end()
        while start < end and text[start].isspace():
            start += 1
    if start >= end or not (text[start].isupper() or _PARTICLE.match(text, start, end)):
        return None
    return start, end


def new_spans(
    doc: Doc,
    spans: Sequence[PlaceSpan],
    blocked: Blocked,
    known: Callable[[str], bool],
    in_gazetteer: Callable[[str], bool],
) -> list[PlaceSpan]:
    """Names a rule that `creates` puts inside another that no earlier step took for a place:
    proper nouns ("Yaaq Biri Weyne" a parser called a person, "Cobli" inside an organisation
    it made of "Tchamonga (Cobli"), not inside a party's name (`blocked.parties`), not demonyms
    (`known` is False for those). A bracket of one name ("Rep. Cox (R-Lilburn)", "If (Matt)
    had") proposes no name in its brackets, nor a person's name (`blocked.people`) before
    them; two ("Tchamonga (Cobli, Atacora)"), or a word saying what the name is ("the
    Hodan district of Mogadishu"), make an address whatever the parser says, whose last
    container is proposed where the gazetteer knows it."""
    out: list[PlaceSpan] = []
    taken = [(s.start, s.end) for s in spans]
    for link in find_containments(doc.text):
        if not link.creates:
            continue
        address = len(link.outers) > 1 or link.rule != "bracketed"
        names = [link.inner, *link.outers[:-1]] if address else [link.inner]
        if address and in_gazetteer(doc.text[slice(*link.outers[-1])]):
            names.append(link.outers[-1])  # "... district of Aleppo" where NER missed Aleppo
        ranges = blocked.parties if address else [*blocked.parties, *blocked.people]
        for start, end in names:
            if any(start < b and a < end for a, b in taken):
                continue
            if any(a <= start and end <= b for a, b in ranges):
                continue
            text = doc.text[start:end]
            if not _proper(doc, start, end) or not known(text):
                continue
            out.append(PlaceSpan(start, end, text, link.rule))
            taken.append((start, end))
    return out


def links(
    text: str, spans: Sequence[PlaceSpan]
) -> list[tuple[PlaceSpan, tuple[PlaceSpan, ...], str]]:
    """The containments among `spans`: each rule's names matched to the span at that place (the
    span inside the name, or around it)."""
    out = []
    for link in find_containments(text):
        inner = _span_at(spans, link.inner)
        outers = tuple(o for r in link.outers if (o := _span_at(spans, r)) is not None)
        if inner is not None and outers and inner not in outers:
            out.append((inner, outers, link.rule))
    return out


def _span_at(spans: Sequence[PlaceSpan], where: Range) -> PlaceSpan | None:
    start, end = where
    for span in spans:
        if (start <= span.start and span.end <= end) or (span.start <= start and end <= span.end):
            return span
    return None


def _proper(doc: Doc, start: int, end: int) -> bool:
    """Every word a proper noun, as the parser tagged it ("Rebels in Idlib province" is no place
    called Rebels); a lower-case particle ("al-") may stand in it."""
    first = bisect.bisect_left(doc.tokens, start, key=lambda t: t.start)
    words = [t for t in doc.tokens[first:] if t.start < end and t.end <= end]
    return (
        bool(words)
        and all(
            t.pos == "PROPN" or t.tag in ("NNP", "NNPS") or not t.text[:1].isupper() for t in words
        )
        and any(t.pos == "PROPN" or t.tag in ("NNP", "NNPS") for t in words)
    )


# Kinds whose point stands for a wide area: a place kept at one is placed at its region.
_WIDE = frozenset({"admin1", "region", "country", "sea", "continent"})
# Confidence kept from the container: the name is surely inside it, its point is a guess.
_CONTAINED_SHARE = 0.9


@dataclass(frozen=True, slots=True)
class Placed:
    """Where a name the gazetteer lacks is kept: its container's point and how wide that is."""

    lat: float
    lon: float
    country_code: str | None
    within: str
    precision: int
    confidence: float


def placed_at(outer: GazetteerEntry, confidence: float) -> Placed:
    """A name kept at the point of `outer`, a gazetteer entry the text puts it in."""
    precision = 3 if outer.kind in _WIDE else 2
    return Placed(
        outer.lat,
        outer.lon,
        outer.country_code or None,
        outer.name,
        precision,
        round(confidence * _CONTAINED_SHARE, 3),
    )


def placed_within(outer: Placed) -> Placed:
    """A name kept inside another name that was itself kept at its container's point."""
    return Placed(
        outer.lat,
        outer.lon,
        outer.country_code,
        outer.within,
        max(2, outer.precision),
        round(outer.confidence * _CONTAINED_SHARE, 3),
    )
