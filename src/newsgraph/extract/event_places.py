"""Where an event mention happened, from its own words: the places named in its clause, else its
sentence, as written, most specific first; not where they name a party ("Syria has said"), sit
in brackets, say where a speaker was ("said in Turkey") or where a party is based; "the village
of Rityan" and "al-Mohafazah neighbourhood" name places even where the place stage could not
resolve them; headline words ("Syrian Strikes"), outlets and possessives whose apostrophe was
lost ("Assads regime") do not; "the town" is the town last named before (`the_town`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsgraph.extract.claims import Scene
from newsgraph.model import Doc, Place, Span

# Most specific first: a named spot before its town, its district, its region, its country.
SPECIFICITY = {
    "unresolved": 0,
    "street": 0,
    "named": 0,
    "admin2": 2,
    "admin1": 3,
    "region": 4,
    "sea": 4,
    "river": 4,
    "lake": 4,
    "mountains": 4,
    "country": 5,
    "continent": 6,
}
# "the northern village of Rityan", "the al-Rashideen area of", "the town of al-Bab"
_NAMED_PLACE = re.compile(
    r"\b(?:village|town|city|area|district|neighbou?rhood|suburb|camp|region|province|"
    r"countryside|outskirts|locality|hamlet)s? of ((?:al-|el-|ad-|ar-|as-|ash-)?[A-Z][\w'-]+"
    r"(?: (?:al-|el-)?[A-Z][\w'-]+){0,2})"
)


def places_in(
    doc: Doc, scene: Scene, clause: tuple[int, int], sentence: tuple[int, int]
) -> tuple[str, ...]:
    """Places named where the mention is told (its clause, else its sentence), as written,
    most specific first."""
    for start, end in (clause, sentence):
        found = _named_places(doc, scene, start, end)
        if found:
            return found
    return ()


def the_town(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    """For a sentence at [start, end) that names no place but "the town" or "the city"
    ("Warplanes continued to pound the town"), the town (or city, village) most recently named
    before it, within `_ANTECEDENT_REACH` characters."""
    if not _THE_TOWN.search(doc.text, start, end):
        return ()
    before = [
        (m.start, m.text)
        for p in doc.places
        if p.kind in _TOWNS
        for m in p.mentions
        if start - _ANTECEDENT_REACH <= m.start < start
    ]
    return (max(before)[1],) if before else ()


def _named_places(doc: Doc, scene: Scene, start: int, end: int) -> tuple[str, ...]:
    hits: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    people = {p.name.casefold() for p in doc.people} | {
        m.text.casefold() for p in doc.people for m in p.mentions
    }
    for place in doc.places:
        for m in place.mentions:
            if start <= m.start and m.end <= end and _as_place(m, scene):
                if place.kind == "unresolved" and not _name_like(doc, m.text, m.start):
                    break  # "Nohas husband": a name the place stage could not place
                if _SPEAKER_AT.search(doc.text, max(0, m.start - 40), m.start):
                    break  # "Sabra said in Turkey the attack ...": where the speaker was
                text = _written(m.text, people, doc)
                if text is None or _based(doc.text, m.end):
                    continue
                if text.casefold() not in seen:
                    seen.add(text.casefold())
                    hits.append((_rank(place), m.start, text))
                break
    for person in doc.people:
        if person.title or person.affiliation or person.name.casefold() in seen:
            continue
        said = next((m for m in person.mentions if start <= m.start and m.end <= end), None)
        if said is None or not _name_like(doc, said.text, said.start) or said.text.isupper():
            continue  # "according to SANA": an outlet the parser took for a man
        if _POSSESSED.match(doc.text, said.end) and said.text.endswith("s"):
            continue  # "Assads regime", "Nohas bus": a possessive whose apostrophe was lost
        if scene.is_place(person.name):
            seen.add(person.name.casefold())  # "shelled Goma": a town the parser took for a man
            hits.append((SPECIFICITY["named"], said.start, said.text))
    for entity in doc.entities:  # "shelled Goma": a town people.v1 found no man in
        inside = start <= entity.start and entity.end <= end and entity.label == "PERSON"
        if not inside or entity.text.casefold() in seen:
            continue
        unresolved = not scene.refs.at(entity.start, entity.end, "actor", "person", "place")
        if unresolved and scene.is_place(entity.text):
            seen.add(entity.text.casefold())
            hits.append((SPECIFICITY["named"], entity.start, entity.text))
    for name, offset in _after_locatives(scene, start, end):
        if name.casefold() not in seen and _name_like(doc, name, offset):
            seen.add(name.casefold())  # "dropped on al-Jalloum": a name the gazetteer lacks
            hits.append((SPECIFICITY["named"], offset, name))
    named = [*_NAMED_PLACE.finditer(doc.text, start, end)]
    named += (
        m
        for m in _NAMED_BEFORE.finditer(doc.text, start, end)
        if not scene.refs.at(*m.span(1), "actor")  # "a Syrian field hospital"
    )
    for match in named:
        name = match.group(1)
        if not _name_like(doc, name, match.start(1)):
            continue
        if name.casefold() not in seen and not _a_titled_person(doc, *match.span(1)):
            seen.add(name.casefold())
            hits.append((SPECIFICITY["named"], match.start(1), name))
    return tuple(name for _rank_, _at, name in sorted(hits))


WIDE = frozenset({"country", "admin1", "region", "sea", "continent"})


def spots(doc: Doc, written: Sequence[str]) -> tuple[str, ...]:
    """The places narrower than a province, by their gazetteer name, so that "Deir al-Zor"
    and "Deir az-Zour" are one; a name the gazetteer lacks stays as written."""
    canonical: dict[str, Place] = {}
    for place in doc.places:
        for m in place.mentions:
            canonical.setdefault(m.text.casefold(), place)
    out = []
    for name in written:
        found = canonical.get(name.casefold())
        if found is None:
            out.append(name.casefold())
        elif found.kind not in WIDE:
            out.append(found.name.casefold())
    return tuple(dict.fromkeys(out))


# "the town", "the city" naming no town of its own ("the city of Homs" names one)
_THE_TOWN = re.compile(r"\bthe (?:town|city|village)\b(?!\s+of\b)", re.I)
_TOWNS = frozenset({"city", "locality"})
_ANTECEDENT_REACH = 600
# "al-Mohafazah neighborhood", "Hadar village": a name before the word that says what it is
_NAMED_BEFORE = re.compile(
    r"((?:al-|el-|ad-|ar-|as-|ash-)?[A-Z][\w'-]+(?: (?:al-|el-)?[A-Z][\w'-]+){0,2}) "
    r"(?:neighbou?rhood|district|village|camp|quarter|(?:gas |oil )?field)\b"
)
# "X said in Turkey": the place of the speaker, not of what is told
_SPEAKER_AT = re.compile(r"\b(?:said|says|told\s+\w+|speaking|spoke)\s+(?:on\s+\w+\s+)?in\s+$")
LOCATIVES = frozenset({"in", "on", "near", "at", "into", "outside", "towards", "toward"})
_CALENDAR = re.compile(
    r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
    r"nov|dec)[a-z]*$",
    re.I,
)


def _after_locatives(scene: Scene, start: int, end: int) -> list[tuple[str, int]]:
    """Proper names governed by "in", "on", "near" ... that name no party, person or date: the
    villages and neighbourhoods the gazetteer lacks ("dropped on al-Jalloum")."""
    doc, tree = scene.doc, scene.tree
    out: list[tuple[str, int]] = []
    if _title_case(doc.text[start:end]):
        return out  # "Killed in Syrian and Russian Airstrikes on ISIS Training Camp"
    for tok in doc.tokens:
        if not (start <= tok.start < end) or tok.text.casefold() not in LOCATIVES:
            continue
        for obj in tree.children(tok.i, "pobj"):
            if obj.pos != "PROPN" or _CALENDAR.match(obj.text):
                continue
            parts = [c for c in tree.children(obj.i, "compound") if c.pos == "PROPN"]
            if not parts and obj.tag == "NNPS":
                continue  # "joint Airstrikes over": a common plural written capitalised
            first = min([obj, *parts], key=lambda t: t.i)
            a, b = first.start, obj.end
            if scene.refs.at(a, b, "actor", "person", "place"):
                continue
            if any(e.start < b and a < e.end for e in doc.entities if e.label in _TIMES):
                continue
            out.append((doc.text[a:b], a))
    return out


# What a possessive whose apostrophe was lost is followed by: "Assads troops", "Nohas bus".
_POSSESSED = re.compile(
    r"\s+(?:regime|troops|forces|government|army|men|fighters|loyalists|supporters|jets|"
    r"warplanes|bus|convoy|husband|wife|son|daughter|family|father|mother|brother|sister)\b"
)


def _a_titled_person(doc: Doc, start: int, end: int) -> bool:
    """A person with a title or an affiliation is named at [start, end): "the towns of
    Huraytan Hayyan" names towns even where the parser took two of them for a man."""
    return any(
        (p.title or p.affiliation) and any(m.start < end and start < m.end for m in p.mentions)
        for p in doc.people
    )


def _title_case(text: str) -> bool:
    """A headline written in title case: most of its longer words capitalised."""
    words = [w for w in text.split() if len(w) > 3 and w.isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


_TIMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_PARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ez|es|ed|ul|un|um|bin|ibn)-", re.I)


def _name_like(doc: Doc, name: str, at: int) -> bool:
    """A name the text does not contradict: every word capitalised (not "Syrias state TV"),
    not every word written in lower case elsewhere in the article ("Syrian Strikes on" of a
    headline is the "strikes" of its body), and no possessive whose apostrophe was lost of a
    word the article writes bare ("Assads regime" where it names "Assad")."""
    words = name.split()
    if not all(w[:1].isupper() or _PARTICLE.match(w) for w in words):
        return False
    body = doc.text[:at] + " " + doc.text[at + len(name) :]
    if all(re.search(rf"(?<![\w-]){re.escape(w.lower())}(?![\w-])", body) for w in words):
        return False
    last = words[-1]
    if len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
        return re.search(rf"(?<![\w-]){re.escape(last[:-1])}(?![\w-])", body) is None
    return True


def _written(text: str, people: set[str], doc: Doc) -> str | None:
    """The name as written, less an apostrophe-less possessive ("Syrias" -> "Syria"); None for
    a person's name the place stage took for a place ("Nohas husband")."""
    if len(text) > 3 and text.endswith("s") and not text.endswith("ss"):
        stem = text[:-1]
        if stem.casefold() in people:
            return None
        if any(p.name.casefold() == stem.casefold() for p in doc.places):
            return stem
    return text


def _based(text: str, end: int) -> bool:
    """ "the UK-based monitor", "Britain-based": where a party sits, not where the act was."""
    return bool(re.match(r"-?\s?based\b", text[end : end + 8], re.I))


def _rank(place: Place) -> int:
    return SPECIFICITY.get(place.kind, 1)


def _as_place(m: Span, scene: Scene) -> bool:
    """Named as a location: not an aside in brackets, and not a party ("Syria has said")."""
    if _in_brackets(scene.doc.text, m.start):
        return False
    return not scene.refs.at(m.start, m.end, "actor") or scene.args.is_locative(m.start)


def _in_brackets(text: str, offset: int) -> bool:
    before = text[max(0, offset - 300) : offset]
    return before.rfind("(") > before.rfind(")") and before.rfind("(") > before.rfind(". ")
