"""Places NER misses, found by how news writes them; and people's names NER took for places.

- a place heading an institution's name: "the Athens Police Department", "Laurel County School
  District", "the Texas Department of State Health Services", "University of Nebraska";
- a place NER called a person or nothing, when the grammar says place: "an Alexandria woman",
  "in Glen Allen", "Sioux Falls, S.D.", a dateline ("ROSWELL -");
- and the reverse: a word that is part of a person's full name in the article ("Henry Farrin"
  ... "Farrin, 43, was arrested") is that person, not the town of that name.

Each rule needs a name the gazetteer knows exactly, as a real place (not a hamlet).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from newsgraph.model import Doc, Token
from newsgraph.resolve.gazetteer import Gazetteer
from newsgraph.resolve.gazetteer_build import not_places
from newsgraph.resolve.placenames import exact_key

Found = tuple[int, int]  # the characters [start, end) of a place name


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that head an institution named after its town, county or state.
INSTITUTION_HEADS = _words(
    """police sheriff sheriff's fire department dept city county public high middle schools school
    board council court courts hospital medical regional chamber library state supreme highway
    community housing health university college neighbors township district isd independent
    parks water airport transit municipal metropolitan mayor commission commissioners legislature
    general assembly house senate attorney coroner coroner's superior circuit juvenile detention
    jail correctional historical museum symphony zoo convention economic development port
    planning veterans area humane unified utilities dept. department's army national electric
    workforce association volunteer"""
)
# "University of Nebraska", "City of Huntsville": the place follows "of".
_OF_HEADS = _words(
    """university city town village county state commonwealth port borough township province
    association sheriff diocese archdiocese"""
)
# Compass words before a place at the head of a name: "Northern Illinois University".
_COMPASS = _words(
    """north south east west central northern southern eastern western northeast northwest
    southeast southwest"""
)
# Nouns a town's name modifies in local news: "an Alexandria woman", "Roswell police".
PEOPLE_NOUNS = _words(
    """man woman men women couple resident residents native natives police officer officers
    officials teen teenager boy girl family families student students firefighters voters mayor
    council schools area"""
)
_LOCATIVE = _words("in near outside around across throughout into")
# Single words that are places somewhere but far more often something else at a name's head.
_NOT_ALONE = _words(
    """north south east west central northern southern eastern western northeast northwest
    southeast southwest upper lower new greater metro city county state union liberty
    independence superior national international american united first"""
)
_MIN_TOWN = 1_000
_DASH = re.compile(r"^\s*(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\s*)?(?:-{1,3}|\u2014|\u2013|:)\s")
_STATE_AFTER = re.compile(r"^,\s*([A-Z][a-z]*\.?(?:\s?[A-Z][a-z]*\.?)?)")
# "Gainesville and Lindsay", "Harwinton, Bantam": what may stand between two listed names.
_LIST_GLUE = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)$")
# A legislator's party and home: "Rep. Torrey Westrom, R-Elbow Lake".
_PARTY = re.compile(r"(?:^|\s)[RDI]-$")
_CAPITALISED = re.compile(r"\b[A-Z][\w'\u2019.-]*[\w](?:\s+[A-Z][\w'\u2019.-]*[\w]){0,2}")


def known_place(name: str, gazetteer: Gazetteer) -> bool:
    """True when the gazetteer spells a real place exactly so: a country or region by any of
    its names, a county or a town of 1,000 people or more by its own name ("Wilson County",
    not "Wilson")."""
    if exact_key(name) in _NOT_ALONE:
        return False
    for c in gazetteer.candidates(name, fuzzy=False):
        if c.match != "exact":
            continue
        if c.entry.kind not in ("city", "admin2") or (
            c.primary and c.entry.population >= _MIN_TOWN
        ):
            return True
    return False


def places_in_names(doc: Doc, gazetteer: Gazetteer) -> list[Found]:
    """Places heading an organisation's or a building's name, or following its "of"."""
    out: list[Found] = []
    for entity in doc.entities:
        if entity.label in ("ORG", "FAC") and exact_key(entity.text) not in not_places():
            tokens = _without_the(doc.tokens[entity.first : entity.last])
            span = _head_place(doc, tokens, gazetteer) or _of_place(doc, tokens, gazetteer)
            if span is not None:
                out.append(span)
    return out


def _without_the(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    return tokens[1:] if tokens and tokens[0].text.lower() == "the" else tokens


def _proper(tokens: Sequence[Token]) -> bool:
    """Every token a proper noun ("No residents", "Many area cities" are not names)."""
    return all(t.pos == "PROPN" or t.tag in ("NNP", "NNPS") for t in tokens)


def _head_place(doc: Doc, tokens: tuple[Token, ...], gazetteer: Gazetteer) -> Found | None:
    """ "the Athens Police Department" -> Athens: the longest leading name before a head word."""
    if len(tokens) > 2 and tokens[0].text.lower() in _COMPASS:
        found = _head_place(doc, tokens[1:], gazetteer)
        if found is not None:
            return found
    for n in (3, 2, 1):
        if len(tokens) <= n or not all(t.text[:1].isupper() for t in tokens[:n]):
            continue
        if tokens[n].text.lower() not in INSTITUTION_HEADS or not _proper(tokens[:n]):
            continue
        start, end = tokens[0].start, tokens[n - 1].end
        if known_place(doc.text[start:end], gazetteer):
            return start, end
    return None


def _of_place(doc: Doc, tokens: tuple[Token, ...], gazetteer: Gazetteer) -> Found | None:
    """ "University of Nebraska", "the City of Huntsville" -> the place after "of"."""
    for i, token in enumerate(tokens[:-1]):
        if token.text.lower() == "of" and i and tokens[i - 1].text.lower() in _OF_HEADS:
            name = _leading_capitalised(_without_the(tokens[i + 1 :]))
            if name:
                start, end = name[0].start, name[-1].end
                if known_place(doc.text[start:end], gazetteer):
                    return start, end
    return None


def _leading_capitalised(tokens: tuple[Token, ...]) -> list[Token]:
    out: list[Token] = []
    for t in tokens[:3]:
        if not t.text[:1].isupper():
            break
        out.append(t)
    return out


def mislabelled_places(doc: Doc, gazetteer: Gazetteer) -> list[Found]:
    """Places NER called a person, or left unlabelled, where the grammar says place."""
    people = person_words(doc)
    out: list[Found] = []
    for start, end in _unplaced_names(doc):
        text = doc.text[start:end]
        if text in people or not _proper(_tokens_in(doc, start, end)):
            continue
        if _place_cue(doc, start, end, gazetteer) and known_place(text, gazetteer):
            out.append((start, end))
    return out


def listed_with_places(doc: Doc, gazetteer: Gazetteer, places: Sequence[Found]) -> list[Found]:
    """Names listed with a place ("Gainesville and Lindsay", "Harwinton, Bantam, Litchfield")
    that are places themselves."""
    people = person_words(doc)
    taken = set(places)
    out: list[Found] = []
    for start, end in _unplaced_names(doc):
        text = doc.text[start:end]
        if (start, end) in taken or text in people or not _listed_with(doc, start, end, places):
            continue
        if _proper(_tokens_in(doc, start, end)) and known_place(text, gazetteer):
            out.append((start, end))
    return out


def _listed_with(doc: Doc, start: int, end: int, places: Sequence[Found]) -> bool:
    for a, b in places:
        between = doc.text[b:start] if a < start else doc.text[end:a]
        if _LIST_GLUE.match(between):
            return True
    return False


def _tokens_in(doc: Doc, start: int, end: int) -> Sequence[Token]:
    """The tokens inside [start, end) (tokens are in text order)."""
    first = bisect.bisect_left(doc.tokens, start, key=lambda t: t.start)
    last = bisect.bisect_left(doc.tokens, end, lo=first, key=lambda t: t.start)
    return [t for t in doc.tokens[first:last] if t.end <= end]


def _unplaced_names(doc: Doc) -> Iterator[tuple[int, int]]:
    """PERSON and ORG entities (less a possessive) and capitalised words outside every entity:
    "an Alexandria woman" is often a PERSON, "a Lancaster mother" an ORG."""
    for e in doc.entities:
        if e.label in ("PERSON", "ORG"):
            yield e.start, e.start + len(re.sub(r"(?:'s|\u2019s)$", "", e.text))
    taken = [(e.start, e.end) for e in doc.entities]
    for m in _CAPITALISED.finditer(doc.text):
        if not any(m.start() < b and a < m.end() for a, b in taken):
            yield m.start(), m.end()


def _place_cue(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """A word before or after the name that makes it a place."""
    before = doc.text[max(0, start - 30) : start].split()
    after = doc.text[end : end + 40]
    following = after.split()[:1]
    if before and before[-1] in _LOCATIVE:
        return True
    if following and following[0].rstrip(".,;:").lower() in PEOPLE_NOUNS | INSTITUTION_HEADS:
        return True
    if after.startswith("-based") or _PARTY.search(doc.text[max(0, start - 3) : start]):
        return True
    state = _STATE_AFTER.match(after)
    if state is not None and _is_state(state.group(1), gazetteer):
        return True
    return _dateline(doc, start, end)


def _is_state(name: str, gazetteer: Gazetteer) -> bool:
    hits = gazetteer.candidates(name, fuzzy=False)
    return any(c.match == "exact" and c.entry.kind == "admin1" for c in hits)


def _dateline(doc: Doc, start: int, end: int) -> bool:
    """ "ROSWELL - A man ...": a name in capitals opening a line or sentence, then a dash."""
    line = doc.text[doc.text.rfind("\n", 0, start) + 1 : start].strip()
    opening = not line or line[-1] in ".!?"
    return opening and doc.text[start:end].isupper() and bool(_DASH.match(doc.text[end:]))


def person_words(doc: Doc) -> frozenset[str]:
    """First and last words of the full names of people in the article ("Henry Farrin")."""
    out: set[str] = set()
    for e in doc.entities:
        if e.label == "PERSON" and e.last - e.first >= 2:
            out.update({doc.tokens[e.first].text, doc.tokens[e.last - 1].text})
    return frozenset(out)
