"""Find the stretches of text that may name a place, and drop those that name something else.

Sources, in order of trust: NER spans labelled GPE/LOC/FAC; curated feature names found in
the text even where NER called them a PERSON ("Al Udeid"); capitalised multi-word names NER
missed that the gazetteer knows well. Spans inside an organisation, outlet or armed group
("Syrian" in "Syrian Democratic Forces"), person names, demonyms and institutions ("the
Pentagon") are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from newsgraph.model import Doc, EntityMention, Person
from newsgraph.resolve.gazetteer import Candidate, Gazetteer, GazetteerEntry
from newsgraph.resolve.place_cues import (
    listed_with_places,
    mislabelled_places,
    person_words,
    places_in_names,
    streets,
)
from newsgraph.resolve.place_lexicon import PlaceNames
from newsgraph.resolve.placenames import exact_key

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels a curated feature name may override: spaCy often calls "Al Udeid" a person.
_OVERRIDABLE = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", ""})
_NOT_PLACE_ACTORS = frozenset(
    {"armed_group", "organisation", "media", "alliance", "government_body", "ethnic_group"}
)
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING_POSSESSIVE = re.compile("(?:'s|\u2019s|')$")
# NER's spans run on into the next word at times: "City Hall to", "Vivion Road and".
_TRAILING_FUNCTION_WORD = re.compile(r"(?:\s+(?:of|to|and|or|the|in|at|on|for))+$")
# A word that is part of many places' names, never one alone: "City" (of "City of ..."), "District".
_GENERIC_WORDS = frozenset({"city", "village", "town", "township", "district", "county", "state"})
# Two to four capitalised words, allowing an Arabic article between them ("Deir ez-Zor").
_CAPITALISED = re.compile(
    r"\b[A-Z][a-z]+(?:[ -](?:(?:al|el|ez|az|as|ad|ar|an|at|ash|es|ed|ul|un)-)?[A-Z][a-z]+){1,3}\b"
)
_STRONG_POPULATION = 100_000
_SIMILAR_SPELLING = 80.0
_DEMONYM_SUFFIXES = ("ian", "ean", "an", "ese", "ish", "i", "ic", "n")
_DEMONYM_ENDINGS = ("", "a", "ia", "e", "y")
_DEMONYM_KINDS = frozenset({"country", "admin1", "region", "continent"})


@dataclass(frozen=True, slots=True)
class PlaceSpan:
    """A stretch of text that may name a place, and where it came from."""

    start: int
    end: int
    text: str
    origin: str  # "ner", "curated" or "gazetteer"


def find_spans(
    doc: Doc, gazetteer: Gazetteer, names: PlaceNames, people: Sequence[Person] = ()
) -> list[PlaceSpan]:
    """Every span of `doc` that plausibly names a place, without overlaps, and none inside
    the name of one of `people` (people.v1 asks with none known yet)."""
    blocked = _blocked_ranges(doc, people)
    spans = [s for e in doc.entities if e.label in PLACE_LABELS if (s := _from_entity(e, names))]
    spans += _curated_spans(doc, names)
    spans += _gazetteer_spans(doc, gazetteer, spans)
    kept = [s for s in _without_overlaps(spans, doc.entities) if not _blocked(s, blocked)]
    kept += _by_grammar(doc, gazetteer, names, kept, people)
    listed = listed_with_places(doc, gazetteer, [(s.start, s.end) for s in kept])
    kept += [_span(doc, found, "cue") for found in listed]
    named = person_words(doc)
    kept = [s for s in kept if not is_demonym(s.text, gazetteer, names)]
    kept = [s for s in kept if s.text not in named or _major(s.text, gazetteer)]
    kept += _repeated(doc, kept, blocked, gazetteer)
    return sorted(kept, key=lambda s: s.start)


def _span(doc: Doc, found: tuple[int, int], origin: str) -> PlaceSpan:
    start, end = found
    return PlaceSpan(start, end, doc.text[start:end], origin)


def _by_grammar(
    doc: Doc,
    gazetteer: Gazetteer,
    names: PlaceNames,
    found: list[PlaceSpan],
    people: Sequence[Person],
) -> list[PlaceSpan]:
    """Places NER mislabelled that the grammar gives away ("an Alexandria woman"), and places
    heading institutions' names ("Athens Police Department"); not inside the names of armed
    groups, outlets and the like that the actor lexicon knows."""
    blocked = _blocked_ranges(doc, people, ner_organisations=False)
    spans = [_span(doc, f, "cue") for f in mislabelled_places(doc, gazetteer)]
    spans += [_span(doc, f, "name") for f in places_in_names(doc, gazetteer, names)]
    spans += [_span(doc, f, "street") for f in streets(doc, names)]
    out: list[PlaceSpan] = []
    for span in spans:
        if not _blocked(span, blocked) and not any(_overlap(span, o) for o in found + out):
            out.append(span)
    return out


def _major(text: str, gazetteer: Gazetteer) -> bool:
    """A country, a region or a city big enough to be named apart from any person's name; a
    county only by its own name ("Ripley County", not the "Ripley" of Darren Ripley)."""
    return any(
        (c.entry.kind != "city" or c.entry.population >= _STRONG_POPULATION)
        and (c.entry.kind != "admin2" or c.primary)
        for c in gazetteer.exact(text)
    )


def _repeated(
    doc: Doc, found: list[PlaceSpan], blocked: list[tuple[int, int]], gazetteer: Gazetteer
) -> list[PlaceSpan]:
    """One sense per discourse: a name the article uses as a place is a place at its other
    occurrences too, where NER called that very name a person or an organisation, or nothing
    ("Gainesville" as GPE once and as PERSON later) - but not inside a longer name, and only
    names the gazetteer knows (NER calls many a surname a place once)."""
    out: list[PlaceSpan] = []
    taken = [(s.start, s.end) for s in found]
    names = {
        s.text
        for s in found
        if s.origin in ("ner", "cue") and len(s.text) > 3 and gazetteer.exact(s.text)
    }
    for name in sorted(names, key=lambda n: (-len(n), n)):  # longest first, never hash order
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", doc.text):
            start, end = m.start(), m.end()
            if any(start < b and a < end for a, b in taken):
                continue
            around = [e for e in doc.entities if e.start < end and start < e.end]
            if all((e.start, e.end) == (start, end) for e in around):
                span = PlaceSpan(start, end, name, "repeat")
                if not _blocked(span, blocked):
                    out.append(span)
                    taken.append((start, end))
    return out


def _from_entity(entity: EntityMention, names: PlaceNames) -> PlaceSpan | None:
    """The entity's text less a leading "the" and a trailing possessive."""
    start, text = entity.start, entity.text
    lead = _LEADING_THE.match(text)
    if lead:
        start, text = start + lead.end(), text[lead.end() :]
    text = _TRAILING_POSSESSIVE.sub("", text).rstrip()
    text = _TRAILING_FUNCTION_WORD.sub("", text)
    if not text[:1].isupper() and not text[:1].isdigit():
        return None  # "meth", "county commission", or nothing left: no name
    if names.is_not_place(text) or exact_key(text) in _GENERIC_WORDS:
        return None
    return PlaceSpan(start, start + len(text), text, "ner")


def _curated_spans(doc: Doc, names: PlaceNames) -> list[PlaceSpan]:
    """Curated feature names wherever they occur, whatever NER made of them."""
    return [
        PlaceSpan(m.start(), m.end(), m.group(), "curated")
        for m in names.pattern.finditer(doc.text)
    ]


def _gazetteer_spans(doc: Doc, gazetteer: Gazetteer, found: list[PlaceSpan]) -> list[PlaceSpan]:
    """Capitalised multi-word names outside any entity that the gazetteer knows strongly."""
    taken = [(s.start, s.end) for s in found] + [(e.start, e.end) for e in doc.entities]
    out: list[PlaceSpan] = []
    for m in _CAPITALISED.finditer(doc.text):
        if any(m.start() < end and start < m.end() for start, end in taken):
            continue
        # the shipped index alone: an import widens what a place resolves to, not what is one
        found_here = gazetteer.candidates(m.group(), fuzzy=False, imported=False)
        if any(_strong(m.group(), c) for c in found_here):
            out.append(PlaceSpan(m.start(), m.end(), m.group(), "gazetteer"))
    return out


def _strong(text: str, candidate: Candidate) -> bool:
    """A place known well enough, and spelled closely enough, to accept without NER."""
    entry = candidate.entry
    if entry.kind == "city" and entry.population < _STRONG_POPULATION:
        return False
    if candidate.match == "exact":
        return True
    # a loose key alone is too loose here ("Joey Payne" and "Japan" share one)
    similar = fuzz.ratio(exact_key(text), exact_key(entry.name))
    return candidate.match == "loose" and similar >= _SIMILAR_SPELLING


def _without_overlaps(
    spans: list[PlaceSpan], entities: tuple[EntityMention, ...]
) -> list[PlaceSpan]:
    """Of overlapping spans keep the longest ("Golan Heights" over "Golan"); NER wins ties."""
    allowed = [s for s in spans if s.origin != "curated" or _curated_allowed(s, entities)]
    order = sorted(allowed, key=lambda s: (s.start - s.end, s.origin != "ner", s.start))
    kept: list[PlaceSpan] = []
    for span in order:
        if not any(_overlap(span, k) for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def _curated_allowed(span: PlaceSpan, entities: tuple[EntityMention, ...]) -> bool:
    """A curated name stands unless a longer non-place entity contains it ("Diego Garcia Lopez")."""
    for e in entities:
        overlaps = e.start < span.end and span.start < e.end and e.label not in PLACE_LABELS
        longer = (e.end - e.start) > (span.end - span.start) + 4
        if overlaps and (e.label not in _OVERRIDABLE or longer):
            return False
    return True


def _overlap(a: PlaceSpan, b: PlaceSpan) -> bool:
    """True when the two spans share a character."""
    return a.start < b.end and b.start < a.end


def _blocked_ranges(
    doc: Doc, people: Sequence[Person], ner_organisations: bool = True
) -> list[tuple[int, int]]:
    """Character ranges that name organisations, outlets, armed groups or `people` (less the
    organisations only NER found, when `ner_organisations` is False)."""
    ranges = [
        (m.start, m.end)
        for actor in doc.actors
        if actor.kind in _NOT_PLACE_ACTORS
        and (ner_organisations or not (actor.kind == "organisation" and actor.origin == "ner"))
        for m in actor.mentions
    ]
    ranges += [(m.start, m.end) for person in people for m in person.mentions]
    if not doc.actors and ner_organisations:
        # Without the actor stage, NER's organisation labels stand in for it.
        ranges += [(e.start, e.end) for e in doc.entities if e.label == "ORG"]
    return ranges


def _blocked(span: PlaceSpan, ranges: list[tuple[int, int]]) -> bool:
    """True inside a blocked range; a curated name only inside a longer one."""
    for start, end in ranges:
        inside = start <= span.start and span.end <= end
        if inside and (span.origin != "curated" or end - start > span.end - span.start):
            return True
    return False


def is_demonym(text: str, gazetteer: Gazetteer, names: PlaceNames) -> bool:
    """True for "Syrian", "Iraqis", "South Ossetian": a country's demonym, or a region's name
    plus a demonym suffix."""
    return demonym_place(text, gazetteer, names) is not None


def demonym_place(text: str, gazetteer: Gazetteer, names: PlaceNames) -> GazetteerEntry | None:
    """The country or region a demonym names ("Israeli" -> Israel, "Dagestani" -> Dagestan);
    None for a name the gazetteer spells exactly as a place."""
    if gazetteer.exact(text):
        return None
    iso = names.demonym_country(text)
    if iso is not None:
        return gazetteer.country(iso)
    word = text[:-1] if text.endswith("s") and not text.endswith("ss") else text
    for suffix in _DEMONYM_SUFFIXES:
        if not word.endswith(suffix) or len(word) - len(suffix) < 3:
            continue
        stem = word[: -len(suffix)]
        for ending in _DEMONYM_ENDINGS:
            hits = gazetteer.exact(stem + ending)
            regions = [c.entry for c in hits if c.entry.kind in _DEMONYM_KINDS]
            if regions:
                return max(regions, key=lambda e: (e.population, -(e.geonames_id or 0)))
    return None
