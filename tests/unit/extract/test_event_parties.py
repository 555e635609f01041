"""Who did it, where the parse hides the doer: a relative clause, the attack a victim died in,
a count of strikes, a participle describing the object, the pronoun of a light verb; whom a
strike on "rebel-held areas" hits; a state's air force as the state. Hand-made parses."""

from __future__ import annotations

from dataclasses import replace

import pytest

from handmade import build_doc, mention
from newsgraph.extract.arguments import Arguments
from newsgraph.extract.event_lexicon import EventLexicon
from newsgraph.extract.event_parties import home_state
from newsgraph.extract.events import extract_events
from newsgraph.model import Actor, Doc, Event, Person, Place, Quote, Side
from newsgraph.nlp.tree import Tree
from newsgraph.resolve.gazetteer import Gazetteer, GazetteerEntry
from newsgraph.resolve.references import References
from newsgraph.resources import Resources


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources(events=EventLexicon.load())


def party(
    doc: Doc, name: str, kind: str, surface: str, side: Side | None = None, origin: str = ""
) -> Actor:
    country = "Syria" if name.startswith("Syria") else None
    return Actor(name, kind, mentions=(mention(doc, surface),), country=country, side=side,
                 origin=origin)  # type: ignore[arg-type]  # fmt: skip


def assaults(doc: Doc, res: Resources) -> list[Event]:
    return [e for e in extract_events(doc, res).events if e.type == "ASSAULT"]


RELATIVE = """
Allies ally NOUN NNS nsubj 1
include include VERB VBP ROOT 1
Russia Russia PROPN NNP dobj 1
which which PRON WDT nsubj 4
fired fire VERB VBD relcl 2
missiles missile NOUN NNS dobj 4
at at ADP IN prep 4
rebels rebel NOUN NNS pobj 6
. . PUNCT . punct 1
"""


def test_a_relative_clause_acts_with_the_noun_it_describes(res: Resources) -> None:
    doc = build_doc(RELATIVE)
    doc = replace(
        doc,
        actors=(
            party(doc, "Russia", "country", "Russia"),
            party(doc, "Syrian opposition", "armed_group", "rebels"),
        ),
    )
    (event,) = assaults(doc, res)
    assert (event.actor, event.recipient) == (("Russia",), ("Syrian opposition",))


IN_SHELLING = """
Six six NUM CD nummod 1
people person NOUN NNS nsubjpass 3
were be AUX VBD auxpass 3
reported report VERB VBN ROOT 3
killed kill VERB VBN xcomp 3
in in ADP IN prep 4
rebel rebel NOUN NN pobj 5
shelling shell VERB VBG advcl 4
. . PUNCT . punct 3
"""


def test_a_victim_killed_in_an_attack_names_its_owner(res: Resources) -> None:
    doc = build_doc(IN_SHELLING)
    doc = replace(doc, actors=(party(doc, "Syrian opposition", "armed_group", "rebel"),))
    events = assaults(doc, res)
    assert any(e.actor == ("Syrian opposition",) for e in events)
    assert all("Syrian opposition" not in e.recipient for e in events)


IN_A_STORM = """
Six six NUM CD nummod 1
people person NOUN NNS nsubjpass 3
were be AUX VBD auxpass 3
killed kill VERB VBN ROOT 3
in in ADP IN prep 3
Aleppo Aleppo PROPN NNP pobj 4
. . PUNCT . punct 3
"""


def test_a_victim_killed_in_a_place_names_no_owner(res: Resources) -> None:
    doc = build_doc(IN_A_STORM)
    doc = replace(doc, actors=(party(doc, "Syria", "country", "Aleppo"),))
    assert all(e.actor == () for e in assaults(doc, res))


A_NUMBER_OF = """
The the DET DT det 2
Russian Russian ADJ JJ amod 2
army army NOUN NN nsubj 3
carried carry VERB VBD ROOT 3
out out ADP RP prt 3
a a DET DT det 6
number number NOUN NN dobj 3
of of ADP IN prep 6
strikes strike NOUN NNS pobj 7
on on ADP IN prep 8
IS IS PROPN NNP pobj 9
. . PUNCT . punct 3
"""


def test_an_act_counted_out_is_done_by_the_light_verbs_subject(res: Resources) -> None:
    doc = build_doc(A_NUMBER_OF)
    doc = replace(
        doc,
        actors=(
            party(doc, "Russia", "country", "Russian"),
            party(doc, "Islamic State", "armed_group", "IS"),
        ),
    )
    (event,) = assaults(doc, res)
    assert event.actor == ("Russia",)


SORTIES = """
The the DET DT det 2
Syrian Syrian ADJ JJ amod 2
army army NOUN NN nsubj 3
conducted conduct VERB VBD ROOT 3
sorties sortie NOUN NNS dobj 3
targeting target VERB VBG acl 4
sites site NOUN NNS dobj 5
of of ADP IN prep 6
IS IS PROPN NNP pobj 7
. . PUNCT . punct 3
"""


def test_a_participle_describing_the_object_acts_with_the_subject(res: Resources) -> None:
    doc = build_doc(SORTIES)
    doc = replace(
        doc,
        actors=(
            party(doc, "Syria", "country", "Syrian"),
            party(doc, "Islamic State", "armed_group", "IS"),
        ),
    )
    events = assaults(doc, res)
    targeting = [e for e in events if e.trigger.text == "targeting"]
    assert targeting and targeting[0].actor == ("Syria",)


THEIR_BOMBING = """
Russian Russian ADJ JJ amod 3
and and CCONJ CC cc 0
Syrian Syrian ADJ JJ conj 0
planes plane NOUN NNS nsubj 4
intensified intensify VERB VBD ROOT 4
their their PRON PRP$ poss 6
bombing bombing NOUN NN dobj 4
of of ADP IN prep 6
IS IS PROPN NNP pobj 7
. . PUNCT . punct 4
"""


def test_their_act_is_the_light_verbs_subjects(res: Resources) -> None:
    doc = build_doc(THEIR_BOMBING)
    doc = replace(
        doc,
        actors=(
            party(doc, "Russia", "country", "Russian"),
            party(doc, "Syria", "country", "Syrian"),
            party(doc, "Islamic State", "armed_group", "IS"),
        ),
    )
    (event,) = assaults(doc, res)
    assert set(event.actor) == {"Russia", "Syria"}


HELD_AREAS = """
Syrian Syrian ADJ JJ amod 1
jets jet NOUN NNS nsubj 2
bombed bomb VERB VBD ROOT 2
rebel rebel NOUN NN npadvmod 5
- - PUNCT HYPH punct 5
held hold VERB VBN amod 6
areas area NOUN NNS dobj 2
. . PUNCT . punct 2
"""


def test_a_strike_on_rebel_held_areas_hits_the_opposition(res: Resources) -> None:
    doc = build_doc(HELD_AREAS)
    doc = replace(doc, actors=(party(doc, "Syria", "country", "Syrian"),))
    (event,) = assaults(doc, res)
    assert (event.actor, event.recipient) == (("Syria",), ("Syrian opposition",))


AIR_FORCE = """
The the DET DT det 3
Syrian Syrian PROPN NNP compound 3
Air Air PROPN NNP compound 3
Force Force PROPN NNP nsubj 4
bombed bomb VERB VBD ROOT 4
IS IS PROPN NNP dobj 4
. . PUNCT . punct 4
"""


def test_a_states_air_force_is_the_state(res: Resources) -> None:
    doc = build_doc(AIR_FORCE)
    air_force = party(doc, "Syrian Arab Air Force", "government_body", "Syrian Air Force", "state")
    islamic_state = party(doc, "Islamic State", "armed_group", "IS")
    (event,) = assaults(replace(doc, actors=(air_force, islamic_state)), res)
    assert event.actor == ("Syria",)


def test_a_regional_government_is_not_the_state(res: Resources) -> None:
    doc = build_doc(AIR_FORCE)
    krg = replace(
        party(doc, "Syrian Arab Air Force", "government_body", "Syrian Air Force", "kurdish"),
        name="Kurdish Air Wing",
    )
    islamic_state = party(doc, "Islamic State", "armed_group", "IS")
    (event,) = assaults(replace(doc, actors=(krg, islamic_state)), res)
    assert event.actor == ("Kurdish Air Wing",)


def test_the_state_actors_v1_named_by_role_is_the_home_state() -> None:
    doc = build_doc(HELD_AREAS)
    turkey = Place("Turkey", 298795, 39.0, 35.0, "TR", "country", (mention(doc, "jets"),) * 3)
    syria = party(doc, "Syria", "country", "Syrian", "state", "rule:state-forces")
    assert home_state(replace(doc, places=(turkey,))) == "Turkey"
    assert home_state(replace(doc, places=(turkey,), actors=(syria,))) == "Syria"


FOUGHT = """
rebels rebel NOUN NNS nsubj 1
fought fight VERB VBD ROOT 1
Russia Russia PROPN NNP dobj 1
. . PUNCT . punct 1
"""


def test_role_words_are_no_name_for_an_allegation() -> None:
    doc = build_doc(FOUGHT)
    doc = replace(
        doc,
        actors=(
            party(doc, "Russia", "country", "Russia"),
            party(doc, "Syrian opposition", "armed_group", "rebels"),
        ),
    )
    args = Arguments(doc, Tree(doc.tokens), References(doc))
    rebels, russia = doc.tokens[0], doc.tokens[2]
    assert args.names(rebels) == ("Syrian opposition",)
    assert args.names(rebels, by_name=True) == ()
    assert args.names(russia, by_name=True) == ("Russia",)


CALLED_ON = """
Russia Russia PROPN NNP nsubj 1
called call VERB VBD ROOT 1
on on ADP IN prep 1
the the DET DT det 5
international international ADJ JJ amod 5
community community NOUN NN pobj 2
to to PART TO aux 7
act act VERB VB xcomp 1
. . PUNCT . punct 1
"""


def test_a_call_on_a_body_no_lexicon_names(res: Resources) -> None:
    doc = build_doc(CALLED_ON)
    doc = replace(doc, actors=(party(doc, "Russia", "country", "Russia"),))
    (event,) = extract_events(doc, res).events
    assert (event.type, event.actor, event.recipient) == (
        "REQUEST",
        ("Russia",),
        ("international community",),
    )


DOZENS = """
Russian Russian ADJ JJ amod 1
jets jet NOUN NNS nsubj 2
killed kill VERB VBD ROOT 2
dozens dozen NOUN NNS dobj 2
of of ADP IN prep 3
civilians civilian NOUN NNS pobj 4
. . PUNCT . punct 2
"""


def test_a_count_of_victims_names_whom_it_counts(res: Resources) -> None:
    doc = build_doc(DOZENS)
    doc = replace(doc, actors=(party(doc, "Russia", "country", "Russian"),))
    (event,) = assaults(doc, res)
    assert (event.actor, event.recipient) == (("Russia",), ("civilians",))


MONITOR_TOLD = """
Syrian Syrian ADJ JJ amod 1
jets jet NOUN NNS nsubj 2
bombed bomb VERB VBD ROOT 2
Douma Douma PROPN NNP dobj 2
, , PUNCT , punct 2
the the DET DT det 6
Observatory Observatory PROPN NNP nsubj 7
told tell VERB VBD ccomp 2
AFP AFP PROPN NNP dobj 7
. . PUNCT . punct 2
"""


def test_a_monitor_telling_of_an_attack_is_no_victim(res: Resources) -> None:
    doc = build_doc(MONITOR_TOLD)
    sohr = party(
        doc, "Syrian Observatory for Human Rights", "organisation", "Observatory", "monitor"
    )
    town = party(doc, "Douma Council", "organisation", "Douma")
    doc = replace(doc, actors=(party(doc, "Syria", "country", "Syrian"), sohr, town))
    (event,) = assaults(doc, res)
    assert "Syrian Observatory for Human Rights" not in event.recipient


SYRIA_ATTACK = """
The the DET DT det 2
Syria Syria PROPN NNP compound 2
attack attack NOUN NN ROOT 2
on on ADP IN prep 2
IS IS PROPN NNP pobj 3
in in ADP IN prep 2
Idlib Idlib PROPN NNP pobj 5
. . PUNCT . punct 2
"""


def test_the_articles_country_before_an_act_is_where_it_happened(res: Resources) -> None:
    doc = build_doc(SYRIA_ATTACK)
    syria = party(doc, "Syria", "country", "Syria", "state", "rule:state-forces")
    islamic_state = party(doc, "Islamic State", "armed_group", "IS")
    idlib = Place("Idlib", 169389, 35.9, 36.6, "SY", "city", (mention(doc, "Idlib"),))
    (event,) = assaults(replace(doc, actors=(syria, islamic_state), places=(idlib,)), res)
    assert event.actor == ()


def test_a_foreign_country_before_an_act_is_whose_it_is(res: Resources) -> None:
    doc = build_doc(SYRIA_ATTACK.replace("Syria Syria", "Russia Russia"))
    syria = party(doc, "Syria", "country", "IS", "state", "rule:state-forces")
    russia = party(doc, "Russia", "country", "Russia")
    islamic_state = party(doc, "Islamic State", "armed_group", "IS")
    (event,) = assaults(replace(doc, actors=(syria, russia, islamic_state)), res)
    assert event.actor == ("Russia",)


TEAM = """
An an DET DT det 2
Al-Jazeera Al-Jazeera PROPN NNP compound 2
team team NOUN NN nsubjpass 4
was be AUX VBD auxpass 4
targeted target VERB VBN ROOT 4
by by ADP IN agent 4
Russian Russian ADJ JJ amod 7
jets jet NOUN NNS pobj 5
. . PUNCT . punct 4
"""


def test_an_outlets_own_team_can_be_a_victim(res: Resources) -> None:
    doc = build_doc(TEAM)
    outlet = party(doc, "Al Jazeera", "media", "Al-Jazeera")
    doc = replace(doc, actors=(outlet, party(doc, "Russia", "country", "Russian")))
    (event,) = assaults(doc, res)
    assert (event.actor, event.recipient) == (("Russia",), ("Al Jazeera",))


def test_an_outlet_reporting_is_no_victim(res: Resources) -> None:
    doc = build_doc(MONITOR_TOLD.replace("Observatory Observatory", "Reuters Reuters"))
    outlet = party(doc, "Reuters", "media", "Reuters")
    town = party(doc, "Douma Council", "organisation", "Douma")
    doc = replace(doc, actors=(party(doc, "Syria", "country", "Syrian"), outlet, town))
    (event,) = assaults(doc, res)
    assert "Reuters" not in event.recipient


SAID_LIED = """
The the DET DT det 1
Observatory Observatory PROPN NNP nsubj 2
said say VERB VBD ROOT 2
Russia Russia PROPN NNP nsubj 4
lied lie VERB VBD ccomp 2
. . PUNCT . punct 2
"""


def _allegations(speaker: str, side: Side | None, res: Resources) -> list[Event]:
    doc = build_doc(SAID_LIED)
    start, end = mention(doc, "Russia lied").start, mention(doc, "Russia lied").end
    quote = Quote(start, end, doc.text[start:end], "indirect", "said", speaker)
    doc = replace(
        doc,
        actors=(
            party(doc, speaker, "organisation", "Observatory", side),
            party(doc, "Russia", "country", "Russia"),
        ),
        quotes=(quote,),
    )
    return [e for e in extract_events(doc, res).events if e.method == "allegation"]


def test_a_monitor_reporting_accuses_no_one(res: Resources) -> None:
    assert _allegations("Syrian Observatory for Human Rights", "monitor", res) == []


def test_a_party_saying_another_lied_accuses_it(res: Resources) -> None:
    (event,) = _allegations("Syrian National Coalition", "opposition", res)
    assert (event.actor, event.recipient) == (("Syrian National Coalition",), ("Russia",))


ASSAD_BOMBED = """
Assad Assad PROPN NNP nsubj 1
bombed bomb VERB VBD ROOT 1
IS IS PROPN NNP dobj 1
. . PUNCT . punct 1
"""


def test_a_persons_country_is_a_party_though_the_article_names_it_not() -> None:
    res = Resources(events=EventLexicon.load(), gazetteer=_SYRIA)
    doc = build_doc(ASSAD_BOMBED)
    assad = Person("Bashar al-Assad", affiliation="Syria", mentions=(mention(doc, "Assad"),))
    islamic_state = party(doc, "Islamic State", "armed_group", "IS")
    (event,) = assaults(replace(doc, actors=(islamic_state,), people=(assad,)), res)
    assert event.actor == ("Bashar al-Assad", "Syria")


_SYRIA = Gazetteer.from_entries(
    [
        (
            GazetteerEntry(
                163843, "Syria", 35.0, 38.0, "SY", "country", 18_000_000, None, "curated"
            ),
            [],
        )
    ]
)
