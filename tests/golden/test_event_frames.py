"""Nesting, intents, verb patterns and recipients, on sentences parsed by the real model.

The sentences are written for these tests (none comes from the PLOVER gold records).
"""

from __future__ import annotations

import pytest

from handmade import rules_only
from newsgraph.eval.event_scores import SCORED_STATUS
from newsgraph.model import Doc, Event

pytestmark = pytest.mark.model


@pytest.fixture
def resources(resources):  # type: ignore[no-untyped-def]
    """The session's resources with the quote rules alone: no confidence model judges them."""
    return rules_only(resources)


def events(pipeline, resources, text: str) -> list[Event]:
    return list(pipeline.run_doc(Doc(id="t", source="test", text=text), resources).events)


def coded(found: list[Event]) -> dict[str, Event]:
    """The events PLOVER would code: not nested; happened, claimed or threatened; by type."""
    return {e.type: e for e in found if not e.nested and e.status in SCORED_STATUS}


def test_the_content_of_an_agreement_has_not_happened(pipeline, resources):
    found = events(pipeline, resources, "Kenya and Uganda agreed to build a railway to Kampala.")
    assert set(coded(found)) == {"AGREE"}
    assert coded(found)["AGREE"].actor == ("Kenya", "Uganda")


def test_a_stated_intent_to_help_is_an_agreement_with_its_recipient(pipeline, resources):
    found = coded(events(pipeline, resources, "Norway will send medical aid to Yemen."))
    assert set(found) == {"AGREE"}
    assert found["AGREE"].actor == ("Norway",)
    assert found["AGREE"].recipient == ("Yemen",)


def test_a_stated_intent_to_use_force_is_a_threat(pipeline, resources):
    found = events(pipeline, resources, "Turkey is ready to bomb the Kurdish militants.")
    threats = [e for e in found if e.type == "THREATEN"]
    assert threats and threats[0].actor == ("Turkey",)
    assert not [e for e in found if e.type == "ASSAULT" and e.status == "asserted"]


def test_a_verb_pattern_reads_the_object_and_absorbs_it(pipeline, resources):
    found = events(pipeline, resources, "Egypt lifted the curfew in Cairo on Monday.")
    assert [e.type for e in found if not e.nested] == ["RETREAT"]  # CAMEO 0813, not COERCE
    assert not [e for e in found if e.type == "COERCE"]


def test_background_events_are_nested_not_dropped(pipeline, resources):
    text = "Chad and Niger agreed to a truce after a week of heavy fighting."
    found = events(pipeline, resources, text)
    fighting = [e for e in found if e.type == "ASSAULT"]
    assert fighting and fighting[0].nested
    assert fighting[0].status != "hypothetical"  # the fighting happened
    assert set(coded(found)) == {"AGREE"}


def test_coordinated_acts_are_both_coded(pipeline, resources):
    text = "Greece condemned the raid and expelled two Turkish diplomats."
    found = coded(events(pipeline, resources, text))
    assert set(found) == {"ACCUSE", "SANCTION"}
    assert found["SANCTION"].actor == ("Greece",)


def test_whom_a_demand_is_made_of_is_the_subject_of_its_clause(pipeline, resources):
    found = coded(events(pipeline, resources, "Brazil demanded that Paraguay release the men."))
    assert found["REQUEST"].recipient == ("Paraguay",)


def test_a_threat_is_aimed_at_the_party_of_its_condition(pipeline, resources):
    text = "Ukraine threatened to cut gas supplies unless Moldova pays its debts."
    found = coded(events(pipeline, resources, text))
    assert found["THREATEN"].actor == ("Ukraine",)
    assert found["THREATEN"].recipient == ("Moldova",)


def test_a_protest_is_aimed_at_whom_its_purpose_names(pipeline, resources):
    text = "Thousands of students marched in Lagos to protest against Nigeria's new oil law."
    found = coded(events(pipeline, resources, text))
    assert found["PROTEST"].recipient == ("Nigeria",)


def test_a_town_shelled_is_where_not_whom(pipeline, resources):
    found = coded(events(pipeline, resources, "Rebel gunners shelled Goma overnight."))
    assert found["ASSAULT"].recipient == ()  # a place is never a side
    assert found["ASSAULT"].location == ("Goma",)


def test_the_people_of_a_town_shelled_are_its_civilians(pipeline, resources):
    text = "Rebel gunners shelled residential neighbourhoods of Goma, killing five residents."
    found = coded(events(pipeline, resources, text))
    assert found["ASSAULT"].recipient == ("civilians",)
    assert found["ASSAULT"].fatalities == 5


def test_an_unknown_group_is_kept_as_written(pipeline, resources):
    text = "Kenyan police arrested the tribal elders on Friday."
    assert coded(events(pipeline, resources, text))["COERCE"].recipient == ("tribal elders",)


def test_rebels_are_the_opposition_of_the_state_the_article_is_about(pipeline, resources):
    text = "Kenyan police arrested the rebel commanders on Friday."
    assert coded(events(pipeline, resources, text))["COERCE"].recipient == ("Kenyan opposition",)


def test_killed_and_injured_counts_and_the_mode_the_noun_gives(pipeline, resources):
    text = "A car bombing killed 9 soldiers and injured 14 others in Mosul on Friday."
    found = [e for e in events(pipeline, resources, text) if e.type == "ASSAULT"]
    assert len(found) == 1
    assert (found[0].fatalities, found[0].injuries) == (9, 14)
    assert found[0].killed == ()  # no one named
    assert (found[0].mode, found[0].weapon, found[0].cameo) == ("explosives", "car bombing", "1832")


def test_wounding_in_a_participle_joins_the_attack(pipeline, resources):
    text = "Army gunners shelled the village, killing four people and wounding 11."
    found = [e for e in events(pipeline, resources, text) if e.type == "ASSAULT"]
    assert len(found) == 1
    assert (found[0].fatalities, found[0].injuries, found[0].mode) == (4, 11, "heavy-weapons")


def test_a_denied_act_is_marked_denied_by_the_denier(pipeline, resources):
    found = events(pipeline, resources, "Iran denied attacking the tanker near Fujairah.")
    assault = next(e for e in found if e.type == "ASSAULT")
    assert assault.status == "denied"
    assert assault.claimed_by == "Iran"
    assert not coded(found).get("ASSAULT")


def test_the_same_attack_told_three_times_is_one_event_with_its_evidence(pipeline, resources):
    text = (
        "Islamic State militants attacked an army checkpoint near Palmyra on Sunday.\n\n"
        "The attack began at dawn, a military source said.\n\n"
        "State media said the assault lasted three hours."
    )
    found = [e for e in events(pipeline, resources, text) if e.type == "ASSAULT"]
    assert len(found) == 1
    assert found[0].actor == ("Islamic State",)
    assert len(found[0].mentions) == 3  # every sentence that tells it


def test_a_different_attackers_attack_stays_apart(pipeline, resources):
    text = (
        "Islamic State militants attacked an army checkpoint near Palmyra on Sunday.\n\n"
        "The Russian attack on Raqqa began on Monday."
    )
    found = [e for e in events(pipeline, resources, text) if e.type == "ASSAULT"]
    assert len(found) == 2


def test_the_doer_of_an_accused_act_is_the_accused(pipeline, resources):
    found = events(pipeline, resources, "Iran accused Israel of shelling the port of Latakia.")
    (shelling,) = [e for e in found if e.type == "ASSAULT"]
    assert shelling.actor == ("Israel",)
    assert shelling.mode == "heavy-weapons"


def test_killed_and_wounded_in_one_attack_are_one_event(pipeline, resources):
    text = (
        "Rebel fighters attacked Kurdish and Iraqi troops near Mosul on Monday, killing 12 "
        "soldiers and wounding 20."
    )
    (attack,) = [e for e in events(pipeline, resources, text) if e.type == "ASSAULT"]
    assert (attack.fatalities, attack.injuries) == (12, 20)


def test_an_act_in_a_condition_has_not_happened(pipeline, resources):
    text = "The ministry said the border would close if the attacks on the convoys continued."
    assert not [e for e in events(pipeline, resources, text) if e.type == "ASSAULT"]
    text = "The ministry said the border closed after rebels attacked the convoys near Rafah."
    assert [e for e in events(pipeline, resources, text) if e.type == "ASSAULT"]


def test_the_means_of_an_act_takes_the_acts_subject(pipeline, resources):
    text = "France and Britain supported their advances with heavy air strikes on Raqqa."
    (strike,) = [e for e in events(pipeline, resources, text) if e.type == "ASSAULT"]
    assert strike.actor == ("France", "United Kingdom")
