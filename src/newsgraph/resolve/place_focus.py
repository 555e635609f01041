"""Where evidence lies, from the places the place stage found: the most specific places of a
sentence, its paragraph or the dateline (`place_for`), and the country the article is about
(`focus_country`), which the events stage falls back to for an incident no sentence places.
"""

from __future__ import annotations

import re
from collections import Counter

from newsgraph.model import Doc
from newsgraph.resolve.gazetteer import Gazetteer

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


# How much of the article's country mentions one country must hold to be what it is about,
# and how far ahead of the next it must be.
_FOCUS_SHARE = 1 / 3
_LEAD = 1.5
# A place of the dateline ("DAMASCUS, Oct 3 (SANA) -") counts as this many mentions.
_DATELINE_WEIGHT = 3
_FOCUS_CONFIDENCE = 0.5
_BASED = re.compile(r"-?\s?based\b", re.I)


def focus_country(doc: Doc, gazetteer: Gazetteer) -> str | None:
    """The name of the country the article is about: the one its places, its country actors
    ("Syrian troops", "Damascus said") and its dateline name most, if that is a third of those
    mentions and half as many again as the next country's; where a party sits ("the UK-based
    monitor") does not count."""
    weight: Counter[str] = Counter()
    dateline = _DATELINE.search(doc.text[:_DATELINE_REACH])
    for place in doc.places:
        if not place.country_code or place.confidence < _FOCUS_CONFIDENCE:
            continue
        for m in place.mentions:
            if not _BASED.match(doc.text, m.end):
                weight[place.country_code] += 1
        if dateline is not None and dateline.start() <= place.mentions[0].start < dateline.end():
            weight[place.country_code] += _DATELINE_WEIGHT
    for actor in doc.actors:
        hit = next(iter(gazetteer.exact(actor.name)), None) if actor.kind == "country" else None
        if hit is not None and hit.entry.kind == "country":
            weight[hit.entry.country_code] += len(actor.mentions)
    if not weight:
        return None
    (code, most), *rest = weight.most_common(2)
    runner_up = rest[0][1] if rest else 0
    country = gazetteer.country(code)
    if country is None or most < _FOCUS_SHARE * sum(weight.values()) or most < _LEAD * runner_up:
        return None
    return country.name
