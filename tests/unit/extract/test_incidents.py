"""Mentions into incidents, and sides named by role, on hand-built parses."""

from __future__ import annotations

from dataclasses import replace

from handmade import build_doc, mention
from newsgraph.extract.arguments import Arguments
from newsgraph.extract.claims import Draft, Scene
from newsgraph.extract.dates import DayReading
from newsgraph.extract.event_lexicon import Trigger
from newsgraph.extract.event_parties import Parties, Sides
from newsgraph.extract.incident_vetoes import veto
from newsgraph.extract.incidents import build_event, compatible, group
from newsgraph.model import Actor, Place, SentenceClasses
from newsgraph.nlp.tree import Tree
from newsgraph.resolve.references import References

# "Jets struck Douma ." / "The attack killed six ." / "Rebels shelled Harasta ."
ROWS = """
Jets jet NOUN NNS nsubj 1
struck strike VERB VBD ROOT 1
Douma Douma PROPN NNP dobj 1
. . PUNCT . punct 1
/
The the DET DT det 5
attack attack NOUN NN nsubj 6
killed kill VERB VBD ROOT 6
six six NUM CD dobj 6
. . PUNCT . punct 6
/
Rebels rebel NOUN NNS nsubj 10
shelled shell VERB VBD ROOT 10
Harasta Harasta PROPN NNP dobj 10
. . PUNCT . punct 10
"""
ROLES = {"rebel": "opposition", "rebels": "opposition", "army": "state", "people": "civilians"}


def scene() -> Scene:
    doc = build_doc(ROWS)
    douma = Place("Douma", None, None, None, "SY", "city", mentions=(mention(doc, "Douma"),))
    doc = replace(doc, actors=(Actor("Syria", "country"),), places=(douma,))
    tree, refs = Tree(doc.tokens), References(doc)
    sides = Sides(ROLES, "Syria", lambda country: "Syrian")  # type: ignore[arg-type]
    return Scene(doc, tree, refs, Arguments(doc, tree, refs, sides))


def draft(sc: Scene, i: int, **fields: object) -> Draft:
    d = Draft(tok=sc.doc.tokens[i], trigger=Trigger("ASSAULT", "190", None, "t"), type="ASSAULT")
    for name, value in fields.items():
        setattr(d, name, value)
    return d


def test_a_mention_referring_back_joins_the_incident_and_a_new_place_does_not() -> None:
    sc = scene()
    strike = draft(sc, 1, places=("Douma",), spots=("douma",), mode="aerial", actor=("Syria",))
    attack = draft(sc, 5, fatalities=6)  # "The attack killed six": refers back
    shelling = draft(
        sc,
        10,
        places=("Harasta",),
        spots=("harasta",),
        mode="heavy-weapons",
        actor=("Syrian opposition",),
    )
    incidents = group([strike, attack, shelling], sc)
    assert [[d.tok.text for d in i.mentions] for i in incidents] == [
        ["struck", "attack"],
        ["shelled"],
    ]
    event = build_event(incidents[0], sc, "events.v1")
    assert (event.fatalities, event.mode, event.location) == (6, "aerial", ("Douma",))
    assert len(event.mentions) == 2  # both sentences are kept as evidence


def test_opposite_sides_and_another_day_are_other_incidents() -> None:
    sc = scene()
    strike = draft(sc, 1, actor=("Syria",), recipient=("Syrian opposition",))
    answer = draft(sc, 10, actor=("Syrian opposition",), recipient=("Syria",))
    assert not compatible(group([strike], sc)[0], answer)
    monday = draft(sc, 1, reading=DayReading("2017-04-03", "day", "weekday"))
    friday = draft(sc, 5, reading=DayReading("2017-04-07", "day", "weekday"))
    assert not compatible(group([monday], sc)[0], friday)
    assert compatible(group([monday], sc)[0], draft(sc, 5))  # a mention with no day of its own


def test_acts_not_done_are_vetoed_and_acts_done_are_kept() -> None:
    sc = scene()
    assert veto(draft(sc, 1, status="hypothetical"), sc) == "unrealised"
    assert veto(draft(sc, 1), sc) is None
    talks = draft(sc, 1)
    talks.type = "CONSULT"
    assert veto(talks, sc) == "no-party"
    talks.actor = ("Syria",)
    assert veto(talks, sc) is None


def test_sides_by_role_and_a_states_bodies_as_the_state() -> None:
    sc = scene()
    sides = sc.args.sides
    assert sides is not None
    rebels = sc.doc.tokens[9]
    assert sc.args.names_or_phrase(rebels) == ("Syrian opposition",)
    countries = {"Syrian": "Syria", "Russian": "Russia"}
    sides = Sides(ROLES, "Syria", lambda c: "Syrian", countries.get)  # type: ignore[arg-type]
    assert sides.canonical("Syrian Arab Army") == "Syria"
    assert sides.canonical("Russian Defence Ministry") == "Russia"
    assert sides.canonical("Syrian rebels") == "Syrian opposition"
    assert sides.canonical("Syrian Democratic Forces") == "Syrian Democratic Forces"
    parties = Parties(sc.doc, sides, lambda name: name == "Harasta")
    assert parties.clean(["Syrias", "Douma", "civilians"], victims=True) == ("Syria", "civilians")


def test_the_learned_classifier_names_a_means_no_words_name() -> None:
    sc = scene()
    classes = (SentenceClasses(1, (("ASSAULT", 0.9), ("mode:aerial", 0.8))),)
    sc = replace(sc, doc=replace(sc.doc, event_classes=classes))
    (incident,) = group([draft(sc, 5)], sc)  # "The attack killed six": no weapon named
    assert build_event(incident, sc, "events.v1").mode == "aerial"
    weak = (SentenceClasses(1, (("ASSAULT", 0.9), ("mode:aerial", 0.3))),)
    sc = replace(sc, doc=replace(sc.doc, event_classes=weak))
    assert build_event(incident, sc, "events.v1").mode is None  # not sure enough: no mode
