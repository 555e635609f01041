"""Parties named by what they are, armed groups by their group words, shared acronyms: the
rules of actors.v1 beyond the lexicon, on hand-made documents (no model)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from actor_docs import make_doc

from newsgraph.model import Actor, Doc
from newsgraph.resolve.actor_lexicon import ActorLexicon
from newsgraph.resolve.actors import resolve_actors
from newsgraph.resolve.gazetteer import Gazetteer, GazetteerEntry
from newsgraph.resolve.outlets import Outlets
from newsgraph.resources import Resources


def _place(name: str, cc: str, kind: str = "city", population: int = 50_000) -> GazetteerEntry:
    return GazetteerEntry(None, name, 0.0, 0.0, cc, kind, population, None, "curated")


PLACES = Gazetteer.from_entries(
    [
        (_place("Syria", "SY", "country", 18_000_000), []),
        (_place("Somalia", "SO", "country", 10_000_000), []),
        (_place("Aleppo", "SY", population=2_000_000), []),
        (_place("Mogadishu", "SO", population=2_000_000), []),
        (_place("Daraa", "SY"), []),
    ]
)


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources(actors=ActorLexicon.load(), gazetteer=PLACES)


def actors(
    res: Resources, text: str, entities: list[tuple[str, str]] | None = None, outlet: str = ""
) -> dict[str, Actor]:
    doc: Doc = make_doc(text, entities or [])
    doc = replace(doc, outlet=outlet or None)
    return {a.name: a for a in resolve_actors(doc, res).actors}


def texts(actor: Actor) -> list[str]:
    return [m.text for m in actor.mentions]


# --- sides from the lexicon -------------------------------------------------------------------


def test_lexicon_entries_carry_their_documented_side(res: Resources) -> None:
    found = actors(res, "The Syrian National Coalition and the SOHR blamed IS and the YPG.")
    assert found["Syrian National Coalition"].side == "opposition"
    assert found["Syrian Observatory for Human Rights"].side == "monitor"
    assert found["Islamic State"].side == "jihadist"
    assert found["People's Defense Units"].side == "kurdish"


def test_a_country_is_the_state_of_itself_and_an_alliance_a_coalition(res: Resources) -> None:
    found = actors(res, "Russia and the Turkey-led coalition met.")
    assert found["Russia"].side == "state"
    assert found["Turkey-led coalition"].side == "coalition"


# --- opposition-of -----------------------------------------------------------------------------


def test_a_countrys_opposition_is_not_the_state(res: Resources) -> None:
    found = actors(res, "The Syrian opposition has accused government forces of the attack.")
    opposition = found["Syrian opposition"]
    assert opposition.origin == "rule:opposition-of" and opposition.side == "opposition"
    assert texts(opposition) == ["Syrian opposition"]
    assert found["Syria"].origin == "rule:state-forces"
    assert texts(found["Syria"]) == ["government"]


def test_a_countrys_government_stays_the_state(res: Resources) -> None:
    found = actors(res, "The Syrian government has accused the United States.")
    assert "Syrian opposition" not in found
    assert texts(found["Syria"]) == ["Syrian government"]


def test_opposition_after_possessive_and_modifier(res: Resources) -> None:
    found = actors(res, "Syria's moderate opposition fighters advanced.")
    assert texts(found["Syrian opposition"]) == ["Syria's moderate opposition fighters"]
    assert "Syria" not in found


# --- state-forces and rebels -------------------------------------------------------------------


def test_role_words_name_the_state_and_its_opposition(res: Resources) -> None:
    found = actors(res, "In Syria, regime forces shelled rebels near Aleppo.", [("Aleppo", "GPE")])
    assert "regime" in texts(found["Syria"])
    assert found["Syrian opposition"].origin == "rule:rebels"
    assert texts(found["Syrian opposition"]) == ["rebels"]


def test_role_words_name_no_one_where_no_country_is_named(res: Resources) -> None:
    assert actors(res, "The rebels shelled regime forces.") == {}


def test_a_named_party_in_the_phrase_wins_over_the_role(res: Resources) -> None:
    found = actors(res, "In Syria, Russian troops and government soldiers moved.")
    assert texts(found["Russia"]) == ["Russian"]
    assert "troops" not in texts(found["Syria"]) and "government" in texts(found["Syria"])


def test_who_holds_a_place_is_no_party_of_the_sentence(res: Resources) -> None:
    found = actors(res, "Syria bombed rebel-held areas.")
    assert "Syrian opposition" not in found


# --- outlet-wording --------------------------------------------------------------------------


def test_terrorists_in_the_states_own_outlet_are_its_opposition(res: Resources) -> None:
    found = actors(res, "In Syria, terrorists fired shells on Aleppo.", outlet="sana")
    assert found["Syrian opposition"].origin == "rule:outlet-wording"
    assert texts(found["Syrian opposition"]) == ["terrorists"]


def test_terrorists_in_an_independent_outlet_name_no_one(res: Resources) -> None:
    found = actors(res, "In Syria, terrorists fired shells on Aleppo.", outlet="reuters")
    assert "Syrian opposition" not in found


def test_terrorists_of_a_foreign_state_outlet_are_the_one_jihadist_group(res: Resources) -> None:
    text = "In Syria, IS attacked, RT said, and the terrorists lost ground."
    found = actors(res, text)
    assert found["Islamic State"].origin == "lexicon:curated+rule:outlet-wording"
    assert "terrorists" in texts(found["Islamic State"])


def test_the_states_own_word_set_apart_in_another_outlet(res: Resources) -> None:
    found = actors(res, 'In Syria, the government blamed "terrorists" for the attack.')
    assert texts(found["Syrian opposition"]) == ["terrorists"]


def test_terrorists_of_a_named_group_are_that_group(res: Resources) -> None:
    text = "In Syria, terrorists of the so called Jaish al-Islam fired shells."
    found = actors(res, text, outlet="sana")
    assert "Syrian opposition" not in found
    assert "Jaysh al-Islam" in found


# --- short-name -------------------------------------------------------------------------------


def test_the_head_word_alone_names_the_party_named_in_full(res: Resources) -> None:
    text = "The Syrian National Coalition met, the Coalition said."
    found = actors(res, text, [("Coalition", "PERSON")])
    snc = found["Syrian National Coalition"]
    assert texts(snc) == ["Syrian National Coalition", "Coalition"]
    assert "rule:short-name" in snc.origin


def test_the_head_word_alone_names_no_one_when_no_party_has_it(res: Resources) -> None:
    assert actors(res, "The Coalition said 40 died.", [("Coalition", "PERSON")]) == {}


# --- acronyms by country --------------------------------------------------------------------


def test_a_shared_acronym_goes_to_the_articles_country(res: Resources) -> None:
    text = "In Mogadishu, Somalia, 2 government soldiers (SNA) were killed."
    found = actors(res, text, [("Mogadishu", "GPE"), ("Somalia", "GPE")])
    army = found["Somali National Army"]
    assert army.country == "Somalia" and army.origin == "lexicon:curated+rule:acronym-by-country"
    assert "Syrian National Army" not in found


def test_the_same_acronym_in_syria_is_the_syrian_national_army(res: Resources) -> None:
    found = actors(res, "In Aleppo, Syria, the SNA advanced.", [("Aleppo", "GPE")])
    assert "Syrian National Army" in found and "Somali National Army" not in found


# --- group names -------------------------------------------------------------------------


def test_an_arabic_group_word_keeps_an_unknown_group(res: Resources) -> None:
    found = actors(res, "Fighters of Liwa Suqour al-Jabal attacked.")
    group = found["Liwa Suqour al-Jabal"]
    assert group.kind == "armed_group" and group.origin == "rule:group-word"


def test_a_group_ner_took_for_a_person_is_a_group(res: Resources) -> None:
    found = actors(res, "Jabhat al-Nusra fighters and George Washington.", [
        ("Jabhat al-Nusra", "PERSON"),
        ("George Washington", "PERSON"),
    ])  # fmt: skip
    assert "al-Nusra Front" in found
    assert "United States" not in found  # the capital inside a person's name


def test_an_english_group_word_makes_an_ner_organisation_armed(res: Resources) -> None:
    found = actors(res, "The Sultan Murad Division clashed.", [("Sultan Murad Division", "ORG")])
    assert found["Sultan Murad Division"].kind == "armed_group"
    assert found["Sultan Murad Division"].origin == "rule:armed-group-name"


def test_a_party_front_is_no_armed_group(res: Resources) -> None:
    found = actors(res, "The Green Movement won seats.", [("Green Movement", "ORG")])
    assert found["Green Movement"].kind == "organisation"


def test_an_organisation_that_is_a_place_is_left_to_places(res: Resources) -> None:
    found = actors(res, "Shells hit Daraa and the Daraa Health Directorate.", [
        ("Daraa", "ORG"),
        ("Daraa Health Directorate", "ORG"),
    ])  # fmt: skip
    assert "Daraa" not in found
    assert "Daraa Health Directorate" in found


# --- led coalitions -------------------------------------------------------------------------


def test_a_coalition_against_a_group_is_not_that_group(res: Resources) -> None:
    found = actors(res, "The US-led anti-Daesh coalition killed Daesh ministers.")
    coalition = found["US-led coalition"]
    assert texts(coalition) == ["US-led anti-Daesh coalition"]


def test_an_organisation_the_article_calls_a_village_is_no_party(res: Resources) -> None:
    text = "Troops took the village of Rityan. The seizure of Rityan failed."
    found = actors(res, text, [("Rityan", "PERSON"), ("Rityan", "ORG")])
    assert "Rityan" not in found
    found = actors(res, "The seizure of Rityan failed.", [("Rityan", "ORG")])
    assert "Rityan" in found


# --- ethnic-forces ----------------------------------------------------------------------------


def test_a_peoples_fighters_are_its_forces_not_the_people(res: Resources) -> None:
    found = actors(res, "Kurdish fighters and Kurdish families fled.")
    assert texts(found["Kurdish forces"]) == ["Kurdish fighters"]
    assert found["Kurdish forces"].origin == "rule:ethnic-forces"
    assert texts(found["Kurds"]) == ["Kurdish"]


def test_a_capital_opening_a_dateline_is_where_not_who() -> None:
    damascus = Gazetteer.from_entries([(_place("Damascus", "SY", population=1_500_000), [])])
    res = Resources(actors=ActorLexicon.load(), gazetteer=damascus)
    assert "Syria" not in actors(res, "Damascus Terrorists fired shells.")
    assert "Syria" in actors(res, "Damascus said the shells came from rebels.")


def test_an_organisation_named_by_a_role_word_is_left_to_the_role(res: Resources) -> None:
    found = actors(res, "The Aleppo Rebels fired.", [("Aleppo Rebels", "ORG")])
    assert "Aleppo Rebels" not in found


def test_the_state_behind_an_outlet() -> None:
    outlets = Outlets.load()
    assert outlets.state_of("sana") == "Syria"
    assert outlets.state_of("www.sana.sy") == "Syria"
    assert outlets.state_of("Syrian Arab News Agency") == "Syria"
    assert outlets.state_of("reuters") is None
    assert outlets.state_of("Al-Manar") is None  # a party's outlet, not a state's


def test_a_country_only_met_in_names_no_state() -> None:
    geneva = Gazetteer.from_entries([(_place("Geneva", "CH", population=200_000), [])])
    res = Resources(actors=ActorLexicon.load(), gazetteer=geneva)
    text = "Delegations from the government and the opposition met in Geneva."
    assert actors(res, text, [("Geneva", "GPE")]) == {}


def test_the_army_after_the_states_named_army_is_left_to_references(res: Resources) -> None:
    found = actors(res, "The Syrian Arab Army shelled the town. The army said it won.")
    assert texts(found["Syrian Arab Army"]) == ["Syrian Arab Army"]
    assert "Syria" not in found
    found = actors(res, "Syria shelled the town. The army said it won.")
    assert texts(found["Syria"]) == ["Syria", "army"]
