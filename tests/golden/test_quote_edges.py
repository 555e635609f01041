"""Quotation edges on real parses: a cue split off by the sentence splitter, transcript labels."""

from __future__ import annotations

import pytest

from handmade import rules_only
from newsgraph.model import Doc
from newsgraph.normalize.clean import normalise_keeping_offsets

pytestmark = pytest.mark.model


@pytest.fixture
def resources(resources):  # type: ignore[no-untyped-def]
    """The session's resources with the quote rules alone: no confidence model judges them."""
    return rules_only(resources)


def quotes(pipeline, resources, text: str):  # type: ignore[no-untyped-def]
    doc = Doc(id="t", source="test", text=normalise_keeping_offsets(text))
    return pipeline.run_doc(doc, resources).quotes


def test_a_question_then_its_cue_in_a_sentence_of_its_own(pipeline, resources):
    text = (
        "Senator Maria Okafor spoke in Lagos on Monday.\n\n"
        "\u201cWho pays for the new road?\u201d Okafor asked. \u201cNobody knows.\u201d"
    )
    found = quotes(pipeline, resources, text)
    assert len(found) == 1
    assert found[0].speaker == "Maria Okafor" and found[0].cue == "asked"
    assert [p.text for p in found[0].parts] == ["Who pays for the new road?", "Nobody knows."]


def test_a_transcript_label_is_not_part_of_what_was_said(pipeline, resources):
    text = (
        "Maria Okafor spoke on Sunday.\n\n"
        '"I will run," she said.\n\n'
        '"OKAFOR: I will not run again next year."'
    )
    found = quotes(pipeline, resources, text)
    assert [q.text for q in found] == ["I will run,", "I will not run again next year."]
    assert {q.speaker for q in found} == {"Maria Okafor"}


def test_a_quotation_signed_with_a_dash_and_a_name(pipeline, resources):
    text = (
        "Readers wrote to us about the debate.\n\n"
        "\u201cHe makes simple blanket statements about people.\u201d \u2015 Carla Sanchez\n\n"
        "\u201cI am proud of my town.\u201d - Jose Ortega"
    )
    found = quotes(pipeline, resources, text)
    signed = {q.speaker_mention.text: q.text for q in found if q.method == "signed"}
    assert signed == {
        "Carla Sanchez": "He makes simple blanket statements about people.",
        "Jose Ortega": "I am proud of my town.",
    }


def test_each_transcript_line_is_its_labelled_speakers(pipeline, resources):
    text = (
        "Maria Okafor spoke to host Dan Reyes on Sunday.\n\n"
        '"REYES: Will you run again next year?\n\n'
        '"OKAFOR: I will not run again."'
    )
    found = quotes(pipeline, resources, text)
    lines = {q.speaker_mention.text: (q.text, q.speaker) for q in found}
    assert lines == {
        "REYES": ("Will you run again next year?", "Dan Reyes"),
        "OKAFOR": ("I will not run again.", "Maria Okafor"),
    }


def test_in_a_poll_the_poll_is_the_source_of_its_clause(pipeline, resources):
    text = "In the latest Gallup poll, the senator leads her rival by four points."
    found = quotes(pipeline, resources, text)
    assert [(q.cue, q.speaker_mention.text, q.text) for q in found] == [
        ("in", "the latest Gallup poll", "the senator leads her rival by four points")
    ]


def test_in_a_clause_already_reported_the_poll_adds_no_quote(pipeline, resources):
    text = "In the latest Gallup poll, the senator said she leads her rival."
    found = quotes(pipeline, resources, text)
    assert [q.cue for q in found] == ["said"]


def test_a_passive_cue_with_its_agent_reports_its_subject(pipeline, resources):
    text = "The registration issue was first reported by the Tampa Bay Times."
    found = quotes(pipeline, resources, text)
    assert [(q.text, q.speaker_mention.text) for q in found] == [
        ("The registration issue", "the Tampa Bay Times")
    ]
    told = quotes(pipeline, resources, "She was told that the road would close.")
    assert not [q for q in told if q.method == "passive-by"]  # no agent: an addressee


def test_a_speaker_the_parser_left_out_is_the_name_right_before_the_cue(pipeline, resources):
    text = (
        "Donald Trump met editors on Monday.\n\n"
        "In a meeting with the editorial board of the Washington Post Trump said that U.S. "
        "involvement in NATO may need to be significantly diminished in the coming years."
    )
    found = [q for q in quotes(pipeline, resources, text) if q.cue == "said"]
    assert [(q.speaker, q.speaker_mention.text) for q in found] == [("Donald Trump", "Trump")]
    assert found[0].text.startswith("U.S. involvement in NATO")
