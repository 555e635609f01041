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
from newsgraph.resolve.place_lexicon import PlaceNames
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
    officials teen teenager boy girl family families student students firefighters firefighter
    voters mayor council schools area mother father son daughter home homes church store shop
    restaurant business businesses company firm native neighborhood neighborhoods"""
)
_LOCATIVE = _words("in near outside around across throughout into")
_NAMED_BODIES = frozenset({"ORG", "FAC", "PERSON"})
_POSSESSIVE = frozenset({"'s", "\u2019s"})
# Single words that are places somewhere but far more often something else at a name's head.
NOT_ALONE = _words(
    """north south east west central northern southern eastern western northeast northwest
    southeast southwest upper lower new greater metro city county state union liberty
    independence superior national international american united first al el"""
)
_MIN_TOWN = 1_000
# A dateline: a name in capitals opening the text, a line or a sentence, perhaps its state,
# then a dash or a colon.
_DATELINE = re.compile(
    r"(?:^|\n|[.!?]\s+)(?P<name>[A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,2})"
    r"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*(?:-{1,3}|\u2014|\u2013|:)(?=\s|[A-Z])"
)
# A legislator's party and home town: "D-Chicopee", "R-Elbow Lake", "DFL-Cook", "D-N.D.".
_PARTY_LABEL = re.compile(
    r"(?<![\w-])(?:[RDI]|DFL)-(?P<name>[A-Z][\w.]*(?: [A-Z][\w.]*)?)(?=[,;)]|\s[-\u2014\u2013\u00e2]|\.?\s)"
)
_STATE_AFTER = re.compile(r"^,\s*([A-Z][a-z]*\.?(?:\s?[A-Z][a-z]*\.?)?)")
# "Gainesville and Lindsay", "Harwinton, Bantam": what may stand between two listed names.
_LIST_GLUE = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)$")
_STREET_WORDS = (
    r"Street|St\.|Avenue|Ave\.|Road|Rd\.|Drive|Lane|Ln\.|Boulevard|Blvd\.|Parkway|Pkwy\."
    r"|Pike|Trail|Terrace|Highway|Hwy\."
)
# A street: one to three capitalised words (or a number: "5th") and a street word, not followed
# by another name ("Florida Highway Patrol"); or a numbered road.
STREET = re.compile(
    r"(?P<the>(?:The|the)\s+)?"
    r"(?:(?:(?:[NSEW]\.|North|South|East|West)\s+)?(?:(?:[A-Z][\w'\u2019-]*|\d+(?:st|nd|rd|th))\s+){1,3}"
    r"(?:" + _STREET_WORDS + r")(?![\w])(?!\s+[A-Z])"
    r"|\b(?:Highway|Route|Interstate|State Road|County Road|I-)\s?\d+\b)"
)
_CAPITALISED = re.compile(r"\b[A-Z][\w'\u2019.-]*[\w](?:\s+[A-Z][\w'\u2019.-]*[\w]){0,2}")


def known_place(name: str, gazetteer: Gazetteer) -> bool:
    """True when the gazetteer spells a real place exactly so: a country or region by any of
    its names, a county or a town of 1,000 people or more by its own name ("Wilson County",
    not "Wilson")."""
    if exact_key(name) in NOT_ALONE:
        return False
    for c in gazetteer.exact(name):
        if c.entry.kind not in ("city", "admin2") or (
            c.primary and c.entry.population >= _MIN_TOWN
        ):
            return True
    return False


def places_in_names(doc: Doc, gazetteer: Gazetteer, names: PlaceNames) -> list[Found]:
    """Places heading an organisation's or a building's name, or following its "of"."""
    out: list[Found] = []
    for entity in doc.entities:
        if entity.label in _NAMED_BODIES and not names.is_not_place(entity.text):
            tokens = _without_the(doc.tokens[entity.first : entity.last])
            named = entity.label != "PERSON"  # "Virginia Alexander" is a person
            span = _head_place(doc, tokens, gazetteer, named) or _of_place(doc, tokens, gazetteer)
            if span is not None:
                out.append(span)
    return out


def _without_the(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    return tokens[1:] if tokens and tokens[0].text.lower() == "the" else tokens


def _proper(tokens: Sequence[Token]) -> bool:
    """Every token a proper noun ("No residents", "Many area cities" are not names)."""
    return all(t.pos == "PROPN" or t.tag in ("NNP", "NNPS") for t in tokens)


def _head_place(
    doc: Doc, tokens: tuple[Token, ...], gazetteer: Gazetteer, named: bool = True
) -> Found | None:
    """ "the Athens Police Department" -> Athens: the longest leading name before a head word;
    in an organisation's `named` name, a region before any other name ("California Republican
    Party")."""
    if len(tokens) > 2 and tokens[0].text.lower() in _COMPASS:
        found = _head_place(doc, tokens[1:], gazetteer, named)
        if found is not None:
            return found
    for n in (3, 2, 1):
        if len(tokens) <= n or not all(t.text[:1].isupper() for t in tokens[:n]):
            continue
        head = tokens[n].text.lower()
        if not _proper(tokens[:n]) or not (head in INSTITUTION_HEADS or head in _POSSESSIVE):
            if not (named and tokens[n].text[:1].isupper() and _proper(tokens[: n + 1])):
                continue
            # "California Republican Party", "Illinois Skills Match": any name after a region
            start, end = tokens[0].start, tokens[n - 1].end
            if _region(doc.text[start:end], gazetteer):
                return start, end
            continue
        start, end = tokens[0].start, tokens[n - 1].end
        if known_place(doc.text[start:end], gazetteer):
            return start, end
    return None


def _region(name: str, gazetteer: Gazetteer) -> bool:
    """A country, a first-level region or a county, by its own name or a common alias."""
    if exact_key(name) in NOT_ALONE:
        return False
    return any(
        c.entry.kind in ("country", "admin1", "admin2") and (c.primary or c.entry.kind != "admin2")
        for c in gazetteer.exact(name)
    )


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
    """Places NER called a person, or left unlabelled, where the grammar says place; and the
    places of datelines and legislators' labels, whatever NER made of them."""
    people = person_words(doc)
    out = [f for f in _datelines_and_labels(doc) if known_place(doc.text[f[0] : f[1]], gazetteer)]
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


def _datelines_and_labels(doc: Doc) -> Iterator[Found]:
    """ "PORTLAND - The board ...", "FALLS VILLAGE--", "BEIRUT:" at the start of a line or
    sentence; "Rep. Joseph Wagner, D-Chicopee", "Sen. Tom Bakk, DFL-Cook"."""
    for m in _DATELINE.finditer(doc.text):
        yield m.start("name"), m.end("name")
    for m in _PARTY_LABEL.finditer(doc.text):
        yield m.start("name"), m.end("name")


def _unplaced_names(doc: Doc) -> Iterator[tuple[int, int]]:
    """PERSON, ORG and NORP entities (less a possessive, spelt or stripped) and capitalised
    words outside every entity: "an Alexandria woman" is often a PERSON, "a Lancaster mother"
    an ORG, "in Aleppo" a NORP."""
    for e in doc.entities:
        if e.label in ("PERSON", "ORG", "NORP"):  # "Aleppo" is often a NORP
            end = e.start + len(re.sub(r"(?:'s|\u2019s)$", "", e.text))
            yield e.start, end
            if e.text.endswith("s") and not e.text.endswith("ss") and " " not in e.text:
                yield e.start, end - 1  # "Aleppos": a possessive whose apostrophe was lost
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
    if after.startswith("-based"):
        return True
    state = _STATE_AFTER.match(after)
    return state is not None and _is_state(state.group(1), gazetteer)


def _is_state(name: str, gazetteer: Gazetteer) -> bool:
    return any(c.entry.kind == "admin1" for c in gazetteer.exact(name))


def streets(doc: Doc, names: PlaceNames) -> list[Found]:
    """Named streets and numbered roads ("Memphis Street", "N. High St.", "Highway 19"): places
    no gazetteer holds, kept so that the text's most specific place is not lost."""
    out: list[Found] = []
    for m in STREET.finditer(doc.text):
        start = m.start() + len(m.group("the") or "")
        if not names.is_not_place(doc.text[start : m.end()]):
            out.append((start, m.end()))
    return out


def person_words(doc: Doc) -> frozenset[str]:
    """First and last words of the full names of people in the article ("Henry Farrin"), not of
    what NER took for one ("Litchfield Fire Chief Jim Koser")."""
    out: set[str] = set()
    for e in doc.entities:
        words = doc.tokens[e.first : e.last]
        if e.label != "PERSON" or len(words) < 2:
            continue
        if any(t.text.lower() in INSTITUTION_HEADS or not t.text[:1].isupper() for t in words):
            continue
        out.update({words[0].text, words[-1].text})
    return frozenset(out)
