"""Where evidence lies, from the places the place stage found: the most specific places of a
sentence, its paragraph or the dateline (`place_for`), and the country the article is about
(`focus_country`), which the events stage falls back to for an incident no sentence places.
"""

from __future__ import annotations

import re
from collections import Counter

from newsgraph.model import Doc, Place

# Most specific first: a town or feature before its region, its country, its continent; a
# street, which has no coordinates, only when nothing else is named.
_SPECIFICITY = {
    "admin2": 1,
    "admin1": 2,
    "region": 3,
    "sea": 3,
    "country": 4,
    "continent": 5,
    "street": 6,
}
# "BAGHDAD, Oct 3 (Reuters) -" or "Deir ez-Zor, Syria —" at the start of a line.
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][\w.'\u2019 -]{1,40}?(?:,[\w.'\u2019 ]{1,30}?)?"
    r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^)\n]{1,40}\))?"
    r"\s*[-\u2014\u2013]+\s",
    re.M,
)
_DATELINE_REACH = 400


def place_for(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    """The most specific places for evidence at [start, end): its sentence, paragraph, dateline."""
    sentence = next((s for s in doc.sentences if s.start <= start < s.end), None)
    if sentence is not None:
        found = places_within(doc, sentence.start, max(sentence.end, end))
        if found:
            return found
        para = [s for s in doc.sentences if s.paragraph == sentence.paragraph]
        found = places_within(doc, para[0].start, para[-1].end)
        if found:
            return found
    dateline = _DATELINE.search(doc.text[:_DATELINE_REACH])
    if dateline is None:
        return ()
    return places_within(doc, dateline.start(), dateline.end())


def places_within(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    """Names of places mentioned in [start, end), most specific first, then in text order."""
    hits: list[tuple[int, int, str]] = []
    for place in doc.places:
        first = next((m.start for m in place.mentions if start <= m.start and m.end <= end), None)
        if first is not None:
            hits.append((_SPECIFICITY.get(place.kind, 0), first, place.name))
    return tuple(name for _rank, _first, name in sorted(hits))


# How much of the article's country mentions one country must hold to be what it is about.
_FOCUS_SHARE = 0.5
# A place of the dateline ("DAMASCUS, Oct 3 (SANA) -") counts as this many mentions.
_DATELINE_WEIGHT = 3
_FOCUS_CONFIDENCE = 0.5


def focus_country(doc: Doc) -> Place | None:
    """The country the article is about: the one its places, its country actors ("Syrian
    troops") and its dateline name most, if it holds at least half of those mentions."""
    countries = {p.country_code: p for p in doc.places if p.kind == "country" and p.country_code}
    if not countries:
        return None
    by_name = {p.name: code for code, p in countries.items()}
    weight: Counter[str] = Counter()
    for place in doc.places:
        if place.country_code in countries and place.confidence >= _FOCUS_CONFIDENCE:
            weight[place.country_code] += len(place.mentions)
    for actor in doc.actors:
        if actor.kind == "country" and actor.name in by_name:
            weight[by_name[actor.name]] += len(actor.mentions)
    dateline = _DATELINE.search(doc.text[:_DATELINE_REACH])
    if dateline is not None:
        for place in doc.places:
            first = place.mentions[0].start if place.mentions else -1
            if place.country_code in countries and dateline.start() <= first < dateline.end():
                weight[place.country_code] += _DATELINE_WEIGHT
    if not weight:
        return None
    code, most = weight.most_common(1)[0]
    return countries[code] if most >= _FOCUS_SHARE * sum(weight.values()) else None
