from dataclasses import replace

import pytest

from handmade import actor, build_doc, mention, person
from newsgraph.extract.event_lexicon import EventLexicon
from newsgraph.extract.events import extract_events
from newsgraph.model import Doc, Place, Quote
from newsgraph.resources import Resources

# "Valery Asapov was killed when IS militants attacked Syrian troops ."
KILLED_WHEN = """
Valery Valery PROPN NNP compound 1
Asapov Asapov PROPN NNP nsubjpass 3
was be AUX VBD auxpass 3
killed kill VERB VBN ROOT 3
when when SCONJ WRB advmod 7
IS IS PROPN NNP compound 6
militants militant NOUN NNS nsubj 7
attacked attack VERB VBD advcl 3
Syrian Syrian ADJ JJ amod 9
troops troop NOUN NNS dobj 7
. . PUNCT . punct 3
"""

# "The US made accusations against Moscow ."
ACCUSATIONS = """
The the DET DT det 1
US US PROPN NNP nsubj 2
made make VERB VBD ROOT 2
accusations accusation NOUN NNS dobj 2
against against ADP IN prep 3
Moscow Moscow PROPN NNP pobj 4
. . PUNCT . punct 2
"""

# "Russia said attacks would be shut down ."  (content quoted by Russia)
THREAT = """
Russia Russia PROPN NNP nsubj 1
said say VERB VBD ROOT 1
SDF SDF PROPN NNP compound 3
attacks attack NOUN NNS nsubjpass 6
would would AUX MD aux 6
be be AUX VB auxpass 6
shut shut VERB VBN ccomp 1
down down ADP RP prt 6
. . PUNCT . punct 1
"""

# "There were no clashes ."
# "There were clashes between IS and Syrian troops in Raqqa ."
CLASHES = """
There there PRON EX expl 1
were be VERB VBD ROOT 1
clashes clash NOUN NNS attr 1
between between ADP IN prep 2
IS IS PROPN NNP pobj 3
and and CCONJ CC cc 4
Syrian Syrian ADJ JJ amod 7
troops troop NOUN NNS conj 4
in in ADP IN prep 2
Raqqa Raqqa PROPN NNP pobj 8
. . PUNCT . punct 1
"""

# The same sentence with "no clashes"
NEGATED = """
There there PRON EX expl 1
were be VERB VBD ROOT 1
no no DET DT det 3
clashes clash NOUN NNS attr 1
between between ADP IN prep 3
IS IS PROPN NNP pobj 4
and and CCONJ CC cc 5
Syrian Syrian ADJ JJ amod 8
troops troop NOUN NNS conj 5
in in ADP IN prep 3
Raqqa Raqqa PROPN NNP pobj 9
. . PUNCT . punct 1
"""


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources(events=EventLexicon.load())


def test_a_killing_and_the_attack_behind_it_are_one_event(res):
    doc = build_doc(KILLED_WHEN)
    doc = replace(
        doc,
        actors=(
            actor(doc, "Islamic State", "armed_group", "IS"),
            actor(doc, "Syria", "country", "Syrian"),
        ),
        people=(person(doc, "Valery Asapov", "Valery Asapov", affiliation="Russia"),),
    )
    (event,) = extract_events(doc, res).events
    assert event.type == "ASSAULT"
    assert event.actor == ("Islamic State",)
    assert event.killed == ("Valery Asapov",)
    assert "Syria" in event.recipient
    assert event.trigger.text in {"killed", "attacked"}
    assert len(event.mentions) == 1  # one sentence tells both clauses


def test_nominal_accusation_takes_the_light_verbs_subject(res):
    doc = build_doc(ACCUSATIONS)
    doc = replace(
        doc,
        actors=(
            actor(doc, "United States", "country", "US"),
            actor(doc, "Russia", "country", "Moscow"),
        ),
    )
    (event,) = extract_events(doc, res).events
    assert (event.type, event.actor, event.recipient) == ("ACCUSE", ("United States",), ("Russia",))
    assert event.status == "asserted"


def test_future_force_in_a_quote_is_the_speakers_threat(res):
    doc = build_doc(THREAT)
    start = doc.text.index("SDF")
    end = doc.text.index(" .")
    quote = Quote(start, end, doc.text[start:end], "indirect", "said", "Russia")
    doc = replace(
        doc,
        actors=(
            actor(doc, "Russia", "country", "Russia"),
            actor(doc, "Syrian Democratic Forces", "armed_group", "SDF"),
        ),
        quotes=(quote,),
    )
    threats = [e for e in extract_events(doc, res).events if e.type == "THREATEN"]
    assert len(threats) == 1
    assert threats[0].status == "asserted"  # the threat was made: a speech act that happened
    assert threats[0].actor == ("Russia",)
    assert threats[0].recipient == ("Syrian Democratic Forces",)
    assert threats[0].claimed_by == "Russia"


def _clash_scene(rows: str) -> Doc:
    doc = build_doc(rows)
    raqqa = Place("Raqqa", 163345, 35.95, 39.01, "SY", "city", (mention(doc, "Raqqa"),))
    return replace(
        doc,
        actors=(
            actor(doc, "Islamic State", "armed_group", "IS"),
            actor(doc, "Syria", "country", "Syrian"),
        ),
        places=(raqqa,),
    )


def test_no_clashes_is_not_an_event(res):
    assert extract_events(_clash_scene(NEGATED), res).events == ()
    (clash,) = extract_events(_clash_scene(CLASHES), res).events  # without "no": one
    assert (clash.type, clash.recipient, clash.location) == (
        "ASSAULT",
        ("Islamic State", "Syria"),
        ("Raqqa",),
    )
