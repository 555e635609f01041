from dataclasses import replace

from handmade import actor, build_doc
from newsgraph.resolve.gazetteer import Gazetteer
from newsgraph.resolve.people import resolve_people
from newsgraph.resources import Resources

NO_PLACES = Gazetteer.from_entries([])


class NoPeople:
    def lookup(self, name):
        return None


# "Russian Deputy Foreign Minister Sergey Ryabkov spoke . / Ryabkov left ."
TITLED = """
Russian Russian ADJ JJ amod 3
Deputy Deputy PROPN NNP compound 3
Foreign Foreign PROPN NNP compound 3
Minister Minister PROPN NNP compound 5
Sergey Sergey PROPN NNP compound 5
Ryabkov Ryabkov PROPN NNP nsubj 6
spoke speak VERB VBD ROOT 6
. . PUNCT . punct 6
/
Ryabkov Ryabkov PROPN NNP nsubj 9
left leave VERB VBD ROOT 9
. . PUNCT . punct 9
"""

# "Colonel Ryan Dillon , a spokesman for the coalition , spoke ."
APPOSITIVE = """
Colonel Colonel PROPN NNP compound 2
Ryan Ryan PROPN NNP compound 2
Dillon Dillon PROPN NNP nsubj 10
, , PUNCT , punct 2
a a DET DT det 5
spokesman spokesman NOUN NN appos 2
for for ADP IN prep 5
the the DET DT det 8
coalition coalition NOUN NN pobj 6
, , PUNCT , punct 2
spoke speak VERB VBD ROOT 10
. . PUNCT . punct 10
"""

# "Major - General Igor Konashenkov said ." (NER calls the whole span an ORG)
MISLABELLED = """
Major Major PROPN NNP compound 4
- - PUNCT HYPH punct 4
General General PROPN NNP compound 4
Igor Igor PROPN NNP compound 4
Konashenkov Konashenkov PROPN NNP nsubj 5
said say VERB VBD ROOT 5
. . PUNCT . punct 5
"""


def test_title_affiliation_and_surname_link():
    doc = build_doc(TITLED, entities=((4, 6, "PERSON"), (8, 9, "ORG")))
    doc = replace(doc, actors=(actor(doc, "Russia", "country", "Russian"),))
    (person,) = resolve_people(doc, Resources(people=NoPeople(), gazetteer=NO_PLACES)).people  # type: ignore[arg-type]
    assert (person.name, person.title, person.affiliation) == (
        "Sergey Ryabkov",
        "Deputy Foreign Minister",
        "Russia",
    )
    assert [m.text for m in person.mentions] == ["Sergey Ryabkov", "Ryabkov"]


def test_appositive_gives_the_affiliation():
    doc = build_doc(APPOSITIVE, entities=((1, 3, "PERSON"),))
    doc = replace(doc, actors=(actor(doc, "US-led coalition", "alliance", "coalition"),))
    (person,) = resolve_people(doc, Resources(people=NoPeople(), gazetteer=NO_PLACES)).people  # type: ignore[arg-type]
    assert (person.name, person.title, person.affiliation) == (
        "Ryan Dillon",
        "Colonel",
        "US-led coalition",
    )


def test_titled_name_mislabelled_as_organisation_is_a_person():
    doc = build_doc(MISLABELLED, entities=((0, 5, "ORG"),))
    (person,) = resolve_people(doc, Resources(people=NoPeople(), gazetteer=NO_PLACES)).people  # type: ignore[arg-type]
    assert (person.name, person.title) == ("Igor Konashenkov", "Major - General")


# "the Observatory said ." / "the Assad regime fell ." (NER calls both words a PERSON)
THE_BODY = """
the the DET DT det 1
Observatory Observatory PROPN NNP nsubj 2
said say VERB VBD ROOT 2
. . PUNCT . punct 2
/
the the DET DT det 6
Assad Assad PROPN NNP compound 6
regime regime NOUN NN nsubj 7
fell fall VERB VBD ROOT 7
. . PUNCT . punct 7
"""


def test_the_short_name_of_a_body_is_no_person_but_the_assad_regime_names_assad():
    doc = build_doc(THE_BODY, entities=((1, 2, "PERSON"), (5, 6, "PERSON")))
    people = resolve_people(doc, Resources(people=NoPeople(), gazetteer=NO_PLACES)).people  # type: ignore[arg-type]
    assert [p.name for p in people] == ["Assad"]


# "spokeswoman Alessandra Vellucci said . / the Sham Islamic Movement fought ."
FIRST_NAMED = """
spokeswoman spokeswoman NOUN NN compound 2
Alessandra Alessandra PROPN NNP compound 2
Vellucci Vellucci PROPN NNP nsubj 3
said say VERB VBD ROOT 3
. . PUNCT . punct 3
/
the the DET DT det 8
Sham Sham PROPN NNP compound 8
Islamic Islamic PROPN NNP compound 8
Movement Movement PROPN NNP nsubj 9
fought fight VERB VBD ROOT 9
. . PUNCT . punct 9
"""


def test_a_name_starting_with_a_first_name_is_a_person_though_ner_says_organisation():
    from newsgraph.resolve.gender import FirstNames

    doc = build_doc(FIRST_NAMED, entities=((1, 3, "ORG"),))
    names = FirstNames({"alessandra": "f", "sham": "f"})
    res = Resources(people=NoPeople(), gazetteer=NO_PLACES, first_names=names)  # type: ignore[arg-type]
    people = resolve_people(doc, res).people
    assert [p.name for p in people] == ["Alessandra Vellucci"]  # not "Sham Islamic Movement"
