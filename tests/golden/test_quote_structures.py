"""How attributions are cut on real parses: interrupted and continued quotations, hedges,
chains of cues, nested reports, inverted speakers. Invented sentences, not gold data."""

from __future__ import annotations

from dataclasses import replace

import pytest

from handmade import rules_only
from newsgraph.extract.quotes import extract_quotes
from newsgraph.model import Doc, Quote
from newsgraph.normalize.clean import normalise_keeping_offsets

pytestmark = pytest.mark.model


@pytest.fixture
def resources(resources):  # type: ignore[no-untyped-def]
    """The session's resources with the quote rules alone: no confidence model judges them."""
    return rules_only(resources)


def quotes(pipeline, resources, text: str) -> tuple[Quote, ...]:  # type: ignore[no-untyped-def]
    doc = Doc(id="t", source="test", text=normalise_keeping_offsets(text))
    return pipeline.run_doc(doc, resources).quotes


def rule_quotes(pipeline, resources, text: str) -> tuple[Quote, ...]:  # type: ignore[no-untyped-def]
    """The grammar rules alone, without the learned tagger's marks (and, marked `rules_only`,
    without the learned confidence filter)."""
    doc = Doc(id="t", source="test", text=normalise_keeping_offsets(text))
    done = pipeline.run_doc(doc, resources)
    return extract_quotes(replace(done, attribution_marks=(), quotes=()), resources).quotes


def texts(found: tuple[Quote, ...]) -> list[str]:
    return [q.text.strip(' ,."') for q in found]


def test_a_quotation_interrupted_by_its_attribution_is_one_quote_in_two_parts(pipeline, resources):
    text = (
        'Senator Jon Halvorsen spoke on Tuesday. "Every time you say that," Halvorsen said, '
        'pointing at the bankers, "you give ammunition to your critics."'
    )
    (quote,) = [q for q in quotes(pipeline, resources, text) if q.cue == "said"]
    assert quote.speaker == "Jon Halvorsen"
    assert [p.text.strip(' ,."') for p in quote.parts] == [
        "Every time you say that",
        "you give ammunition to your critics",
    ]


def test_a_quotation_continues_past_an_aside_inside_its_own_attribution(pipeline, resources):
    text = (
        '"These are strange days," said Peter Lund, a lawyer who has long opposed the mine. '
        '"I do not know what the company intends."'
    )
    found = [q for q in quotes(pipeline, resources, text) if q.speaker == "Peter Lund"]
    direct = [q for q in found if q.kind == "direct"]
    assert len(direct) == 1
    assert [p.text.strip(' ,."') for p in direct[0].parts] == [
        "These are strange days",
        "I do not know what the company intends",
    ]


def test_a_quotation_after_narration_is_a_quote_of_its_own(pipeline, resources):
    text = (
        '"We are going to build a bridge," Mayor Ana Ruiz said. She then turned to the crowd '
        'and waited.\n\n"Who is going to pay for it?"'
    )
    found = [q for q in quotes(pipeline, resources, text) if q.kind == "direct"]
    assert texts(found) == ["We are going to build a bridge", "Who is going to pay for it?"]
    assert all(not q.parts for q in found)


def test_content_taking_in_a_quotation_stops_at_its_cue(pipeline, resources):
    text = (
        '"This is a waste of time. It is destroying this committee," said Rep. Dana Moss '
        "of the Virgin Islands."
    )
    (quote,) = quotes(pipeline, resources, text)
    assert "Virgin Islands" not in quote.text
    assert quote.text.startswith("This is a waste of time")


def test_a_hedge_is_an_attribution_with_no_source_over_its_whole_clause(pipeline, resources):
    text = "Republicans in the Senate seem confident that they have the votes to pass the bill."
    (quote,) = quotes(pipeline, resources, text)
    assert quote.speaker is None and quote.cue == "seem"
    assert quote.text.startswith("Republicans in the Senate seem confident")


@pytest.mark.rules_only
def test_cues_chained_by_infinitives_report_the_last_complement_once(pipeline, resources):
    text = "The governor again refused to pledge to release his tax returns before the vote."
    found = rule_quotes(pipeline, resources, text)
    assert texts(found) == ["to release his tax returns before the vote"]


def test_an_object_reported_inside_another_statement_is_part_of_it(pipeline, resources):
    text = (
        "Campaign spokesman Nick Ferris says that Laura Chen called Maria Ortiz on Friday "
        "to thank her."
    )
    found = quotes(pipeline, resources, text)
    assert [q.cue for q in found] == ["says"]


@pytest.mark.rules_only
def test_a_stranded_preposition_reports_nothing(pipeline, resources):
    text = "Customers got credit cards in the mail that they never asked for."
    assert [q for q in rule_quotes(pipeline, resources, text) if q.cue == "asked"] == []
    text = "Customers got credit cards in the mail and never asked for them."  # its object
    found = [q for q in rule_quotes(pipeline, resources, text) if q.cue == "asked"]
    assert texts(found) == ["them"]


def test_a_phrase_of_time_after_the_object_is_not_reported(pipeline, resources):
    text = "The senator attacked Maria Ortiz on Friday."
    found = [q for q in quotes(pipeline, resources, text) if q.cue == "attacked"]
    assert texts(found) == ["Maria Ortiz"]


def test_an_inverted_speaker_the_parse_left_without_a_subject(pipeline, resources):
    text = (
        "He also had a voice in decisions about major investments in Ukraine, said a former "
        "spokesman for the ministry, Oleg Voloshyn, who also ran as a candidate in the new bloc "
        "Mr. Manafort helped form."
    )
    found = [q for q in quotes(pipeline, resources, text) if q.cue == "said"]
    assert texts(found) == ["He also had a voice in decisions about major investments in Ukraine"]
    assert found[0].speaker == "Oleg Voloshyn"


def test_a_report_in_the_passive_with_no_source_is_attributed_to_no_one(pipeline, resources):
    text = "Perhaps most damaging, the contractor was accused of billing the city twice."
    found = [q for q in quotes(pipeline, resources, text) if q.method == "passive"]
    assert texts(found) == ["the contractor was accused of billing the city twice"]
    assert found[0].speaker is None


def test_an_attack_on_troops_is_a_deed_not_a_statement(pipeline, resources):
    text = (
        "The senator attacked the governor's budget on Monday. Rebel fighters attacked "
        "Syrian troops near the town of Mayadin."
    )
    found = [q for q in quotes(pipeline, resources, text) if q.cue == "attacked"]
    assert len(found) == 1 and found[0].text.startswith("the governor's budget")


def test_the_source_a_report_cites_is_not_a_statement_of_its_own(pipeline, resources):
    text = "Citing Iranian state TV, the AP said that the strike destroyed rebel bases."
    (quote,) = quotes(pipeline, resources, text)
    assert quote.speaker == "Iranian state TV" and quote.via == ("Associated Press",)


def test_content_around_its_attribution_has_two_parts(pipeline, resources):
    text = "Asapov, RT reported, was one of the senior Russian military advisers in Syria."
    (quote,) = [q for q in quotes(pipeline, resources, text) if q.cue == "reported"]
    assert [p.text for p in quote.parts] == [
        "Asapov",
        "was one of the senior Russian military advisers in Syria",
    ]
    assert quote.said == "Asapov \u2026 was one of the senior Russian military advisers in Syria"


def test_he_is_not_resolved_to_a_woman(pipeline, resources):
    text = (
        "Keith Scott stepped out of his truck. His wife, Rakeyia Scott, filmed the encounter. "
        "He told the officers that he was unarmed."
    )
    (quote,) = [q for q in quotes(pipeline, resources, text) if q.cue == "told"]
    assert quote.speaker == "Keith Scott"


def test_said_the_observatory_after_a_clause_without_commas(pipeline, resources):
    text = (
        "The Syrian Observatory for Human Rights reported heavy clashes on Monday. "
        "Air strikes on the market killed 40 people said the Observatory adding that "
        "nine of them were children."
    )
    speakers = {q.speaker for q in quotes(pipeline, resources, text) if q.cue == "said"}
    assert speakers == {"Syrian Observatory for Human Rights"}


def test_said_before_a_clause_keeps_the_clause_subject_out_of_the_speaker(pipeline, resources):
    text = "Western capitals said the government was responsible for the attack."
    (quote,) = [q for q in quotes(pipeline, resources, text) if q.cue == "said"]
    assert "government was responsible" in quote.text
    assert quote.speaker != "Syria"


def test_a_phrase_ending_in_a_name_is_that_person(pipeline, resources):
    text = (
        "The Norwegian engineer leading the inquiry Lars Holmgren said the findings "
        "were clear and would be published."
    )
    (quote,) = [q for q in quotes(pipeline, resources, text) if q.cue == "said"]
    assert quote.speaker == "Lars Holmgren"


def test_the_army_is_not_a_rebel_army_named_before(pipeline, resources):
    text = (
        "Free Syrian Army fighters clashed with troops near Hama on Monday. "
        "The army said it had repelled the attack."
    )
    said = [q for q in quotes(pipeline, resources, text) if q.cue == "said"]
    assert said and said[0].speaker != "Free Syrian Army"
    text = (
        "The Syrian Arab Army shelled the town on Monday. The army said it had repelled an attack."
    )
    said = [q for q in quotes(pipeline, resources, text) if q.cue == "said"]
    assert said and said[0].speaker == "Syrian Arab Army"


def test_the_government_of_a_named_leader_is_his_state(pipeline, resources):
    text = "The government of President Bashar al-Assad said the attacks would be answered."
    (quote,) = [q for q in quotes(pipeline, resources, text) if q.cue == "said"]
    assert quote.speaker == "Syria"  # a person heading the phrase: see the Holmgren test
