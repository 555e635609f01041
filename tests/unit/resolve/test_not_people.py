"""People are people: credits and places the NER model took for people are dropped (the
rules of `resolve/not_people.py`), names with particles and lost apostrophes are one person,
and titles come from "Secretary of the X ... Name". Hand-made documents, no model."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from actor_docs import make_doc

from newsgraph.model import Actor, Doc, Person, Span
from newsgraph.resolve.actor_lexicon import KnownPerson, PeopleLexicon
from newsgraph.resolve.gazetteer import Gazetteer, GazetteerEntry
from newsgraph.resolve.not_people import Checks, Name, not_a_person
from newsgraph.resolve.people import resolve_people
from newsgraph.resolve.titles import TitleWords
from newsgraph.resources import Resources


def _place(name: str, population: int = 2_000) -> tuple[GazetteerEntry, list[str]]:
    return GazetteerEntry(None, name, 0.0, 0.0, "SY", "city", population, None, "curated"), []


PLACES = Gazetteer.from_entries([_place("Rityan"), _place("Aleppo", 2_000_000)])
NO_PLACES = Gazetteer.from_entries([])
ASSAD = KnownPerson(
    "Bashar al-Assad", ("Assad", "Bashar Assad"), "Syria", "President", "https://example.org"
)


def people(
    text: str,
    entities: Sequence[tuple[str, str]],
    gazetteer: Gazetteer = NO_PLACES,
    actors: Sequence[tuple[str, str, str]] = (),
    known: Sequence[KnownPerson] = (),
) -> dict[str, Person]:
    """The people of `text`; `actors` are (name, kind, surface) with one mention each."""
    doc: Doc = make_doc(text, list(entities))
    found = []
    for name, kind, surface in actors:
        at = text.index(surface)
        found.append(Actor(name, kind, mentions=(Span(at, at + len(surface), surface),)))  # type: ignore[arg-type]
    doc = replace(doc, actors=tuple(found))
    res = Resources(people=PeopleLexicon(known), gazetteer=gazetteer)
    return {p.name: p for p in resolve_people(doc, res).people}


# --- byline --------------------------------------------------------------------------------


def test_credits_are_no_people_of_the_story() -> None:
    text = "Reporting by Oliver Holmes ; Editing by Raissa Kasolowsky"
    found = people(text, [("Oliver Holmes", "PERSON"), ("Raissa Kasolowsky", "PERSON")])
    assert found == {}


def test_a_writer_quoted_in_the_story_is_a_person() -> None:
    assert "Oliver Holmes" in people(
        "Oliver Holmes said it failed .", [("Oliver Holmes", "PERSON")]
    )


def test_a_dated_credit() -> None:
    text = "Posted on August 3 2013 by Nazeer Rida At least 12 fighters died"
    assert people(text, [("Nazeer Rida", "PERSON")]) == {}


# --- places ----------------------------------------------------------------------------------


def test_a_name_after_the_village_of_is_a_place() -> None:
    assert people("Troops entered the village of Rityan .", [("Rityan", "PERSON")]) == {}


def test_the_same_name_as_a_speaker_is_a_person() -> None:
    assert "Rityan" in people("Rityan said the talks failed .", [("Rityan", "PERSON")])


def test_an_arabic_place_word_opens_a_place() -> None:
    assert people("Shells hit Bab al-Nasr .", [("Bab al-Nasr", "PERSON")]) == {}
    assert "Babak al-Nasr" in people("Babak al-Nasr said .", [("Babak al-Nasr", "PERSON")])


def test_a_known_place_after_a_preposition() -> None:
    assert people("Shells fell in Rityan .", [("Rityan", "PERSON")], PLACES) == {}
    assert "Rityan" in people("Shells fell in Rityan .", [("Rityan", "PERSON")], NO_PLACES)


def test_a_titled_name_after_a_preposition_stays_a_person() -> None:
    doc = make_doc("Hopes rest in Rityan .")
    name = Name(doc, 3, 4)
    untitled = Checks(PLACES, TitleWords.load(), lambda text: False, frozenset(), frozenset())
    assert not_a_person(name, untitled) == "place-after-preposition"
    titled = replace(untitled, titled=frozenset({"Rityan"}))  # "President Rityan" elsewhere
    assert not_a_person(name, titled) is None


def test_a_name_the_model_calls_a_place_elsewhere() -> None:
    text = "Jets struck Khan Sheikhoun . Warplanes targeted Khan Sheikhoun ."
    assert people(text, [("Khan Sheikhoun", "GPE"), ("Khan Sheikhoun", "PERSON")]) == {}


def test_a_place_whose_apostrophe_was_lost() -> None:
    assert people("Aleppos old city burned .", [("Aleppos", "PERSON")], PLACES) == {}
    assert "Nicholas" in people("Nicholas spoke .", [("Nicholas", "PERSON")], PLACES)


def test_names_listed_with_places_are_places() -> None:
    text = "in the towns of Abdin , Kafr Sajna and Tamana"
    entities = [("Abdin", "PERSON"), ("Kafr Sajna", "PERSON"), ("Tamana", "PERSON")]
    assert people(text, entities) == {}


def test_names_listed_with_people_are_people() -> None:
    found = people("Abdin and Tamana said so .", [("Abdin", "PERSON"), ("Tamana", "PERSON")])
    assert set(found) == {"Abdin", "Tamana"}


# --- one person -------------------------------------------------------------------------------


def test_a_name_with_an_article_and_its_surname() -> None:
    text = "Hadi al-Bahra warned . Bahra said more ."
    (person,) = people(text, [("Hadi al-Bahra", "PERSON"), ("Bahra", "PERSON")]).values()
    assert person.name == "Hadi al-Bahra"
    assert [m.text for m in person.mentions] == ["Hadi al-Bahra", "Bahra"]


def test_a_lost_apostrophe_and_a_known_figure() -> None:
    text = "Bashar Assads forces advanced . Assad spoke ."
    entities = [("Bashar Assads", "PERSON"), ("Assad", "PERSON")]
    (person,) = people(text, entities, known=[ASSAD]).values()
    assert person.name == "Bashar al-Assad" and person.affiliation == "Syria"
    assert len(person.mentions) == 2


def test_a_shorter_name_inside_a_full_one() -> None:
    text = "Rami Abdel Rahman said . Abdel Rahman added ."
    entities = [("Rami Abdel Rahman", "PERSON"), ("Abdel Rahman", "PERSON")]
    assert set(people(text, entities)) == {"Rami Abdel Rahman"}


def test_headline_words_run_into_a_name() -> None:
    text = "Alhassan Calls for Action . He calls on the UN ."
    assert set(people(text, [("Alhassan Calls", "PERSON")])) == {"Alhassan"}


# --- titles and affiliations --------------------------------------------------------------


def test_a_title_of_a_party_before_the_name() -> None:
    text = "Secretary of the Syrian Coalition political committee Riyad Alhassan said ."
    actors = [("Syrian National Coalition", "organisation", "Syrian Coalition")]
    found = people(text, [("Riyad Alhassan", "PERSON")], actors=actors)
    person = found["Riyad Alhassan"]
    assert (person.title, person.affiliation) == ("Secretary", "Syrian National Coalition")


def test_a_role_word_before_a_name_is_no_affiliation() -> None:
    text = "atrocities by rebels Pillay said"
    found = people(
        text, [("Pillay", "PERSON")], actors=[("Syrian opposition", "armed_group", "rebels")]
    )
    assert found["Pillay"].affiliation is None


def test_a_named_party_before_a_name_is_its_affiliation() -> None:
    text = "Russian Sergey Lavrov said"
    found = people(text, [("Sergey Lavrov", "PERSON")], actors=[("Russia", "country", "Russian")])
    assert found["Sergey Lavrov"].affiliation == "Russia"


def test_a_curated_figures_own_affiliation_wins() -> None:
    text = "Coalition President Assad said"
    actors = [("US-led coalition", "alliance", "Coalition")]
    found = people(text, [("Assad", "PERSON")], actors=actors, known=[ASSAD])
    person = found["Bashar al-Assad"]
    assert (person.title, person.affiliation) == ("President", "Syria")


def test_a_title_of_a_party_after_the_name_without_its_comma() -> None:
    text = "Hadi al-Bahra president of the Syrian Coalition warns ."
    actors = [("Syrian National Coalition", "organisation", "Syrian Coalition")]
    found = people(text, [("Hadi al-Bahra", "PERSON")], actors=actors)
    person = found["Hadi al-Bahra"]
    assert (person.title, person.affiliation) == ("president", "Syrian National Coalition")


def test_a_party_after_a_name_with_no_title_is_no_affiliation() -> None:
    text = "Hadi al-Bahra of the Syrian Coalition warns ."
    actors = [("Syrian National Coalition", "organisation", "Syrian Coalition")]
    found = people(text, [("Hadi al-Bahra", "PERSON")], actors=actors)
    assert found["Hadi al-Bahra"].affiliation is None


def test_a_word_that_opens_only_places() -> None:
    assert people("Shells hit Maaret Masrin .", [("Maaret Masrin", "PERSON")]) == {}
    assert people("Shells hit Madhamiyat el-Sham .", [("Madhamiyat el-Sham", "PERSON")]) == {}


def test_a_common_word_the_parser_sees_ends_no_name() -> None:
    doc = make_doc("Aleppo Death toll rose .", [("Aleppo Death", "PERSON")])
    tokens = list(doc.tokens)
    tokens[1] = replace(tokens[1], pos="NOUN")
    doc = replace(doc, tokens=tuple(tokens))
    res = Resources(people=PeopleLexicon([]), gazetteer=PLACES)
    assert resolve_people(doc, res).people == ()  # "Aleppo" alone is the city
    doc = make_doc("Oliver Holmes said .", [("Oliver Holmes", "PERSON")])
    assert [p.name for p in resolve_people(doc, res).people] == ["Oliver Holmes"]


def test_the_writers_name_alone_on_the_last_line() -> None:
    text = "Posted by Nazeer Rida . Fighting raged . Nazeer Rida"
    assert people(text, [("Nazeer Rida", "PERSON"), ("Nazeer Rida", "PERSON")]) == {}
    text = "Nazeer Rida said fighting raged ."
    assert "Nazeer Rida" in people(text, [("Nazeer Rida", "PERSON")])


def test_a_titled_name_lends_no_article_to_a_place() -> None:
    text = "Leader Ahmed al-Jarba spoke of Madhamiyat el-Sham ."
    entities = [("Ahmed al-Jarba", "PERSON"), ("Madhamiyat el-Sham", "PERSON")]
    assert set(people(text, entities)) == {"Ahmed al-Jarba"}


def test_a_name_alone_on_the_last_line_is_a_sign_off() -> None:
    doc = make_doc("Fighting raged . Nazeer Rida")
    doc = replace(doc, tokens=tuple(replace(t, sent=int(t.i > 2)) for t in doc.tokens))
    checks = Checks(NO_PLACES, TitleWords.load(), lambda text: False, frozenset(), frozenset())
    assert not_a_person(Name(doc, 3, 5), checks) == "sign-off"
    doc = make_doc("Nazeer Rida said it . Fighting raged .")
    doc = replace(doc, tokens=tuple(replace(t, sent=int(t.i > 4)) for t in doc.tokens))
    assert not_a_person(Name(doc, 0, 2), checks) is None
