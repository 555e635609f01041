"""Stage actors.v1 on hand-built documents (no spaCy model)."""

from __future__ import annotations

import pytest
from actor_docs import make_doc

from newsgraph.model import Actor, Doc
from newsgraph.resolve.actor_lexicon import ActorLexicon
from newsgraph.resolve.actors import STAGE, resolve_actors
from newsgraph.resolve.gazetteer import Gazetteer
from newsgraph.resources import Resources


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources(actors=ActorLexicon.load(), gazetteer=Gazetteer.from_entries([]))


def actors(res: Resources, text: str, entities: list[tuple[str, str]] | None = None) -> Doc:
    return resolve_actors(make_doc(text, entities or []), res)


def by_name(doc: Doc) -> dict[str, Actor]:
    return {a.name: a for a in doc.actors}


def test_one_actor_per_party_with_every_mention(res: Resources) -> None:
    doc = actors(res, "Both the US and Russian Federation. The U.S. command and American policy.")
    us = by_name(doc)["United States"]
    assert us.kind == "country" and us.code == "USA"
    assert us.aliases == ("US", "U.S.", "American")
    assert [doc.text[m.start : m.end] for m in us.mentions] == ["US", "U.S.", "American"]
    assert by_name(doc)["Russia"].aliases == ("Russian Federation",)
    assert all(a.stage == STAGE for a in doc.actors)


def test_state_tv_is_an_outlet_of_its_country(res: Resources) -> None:
    doc = actors(res, "Citing Iranian state TV, the AP said the strike destroyed bases.")
    found = by_name(doc)
    tv = found["Iranian state TV"]
    assert tv.kind == "media" and tv.country == "Iran" and tv.origin == "rule:state-media"
    assert tv.mentions[0].text == "Iranian state TV"
    assert found["Iran"].aliases == ("Iranian",)
    ap = found["Associated Press"]
    assert ap.kind == "media" and ap.aliases == ("AP",) and ap.country == "United States"


def test_state_television_and_possessive_country(res: Resources) -> None:
    found = by_name(actors(res, "Syria's state television reported the attack."))
    assert found["Syrian state TV"].country == "Syria"


def test_curated_led_coalition_with_stray_space(res: Resources) -> None:
    doc = actors(res, "a spokesman for the USA -led coalition, told a Pentagon briefing")
    coalition = by_name(doc)["US-led coalition"]
    assert coalition.kind == "alliance" and coalition.country == "United States"
    assert coalition.aliases == ("USA -led coalition",)
    assert by_name(doc)["United States"].aliases == ("Pentagon",)


def test_led_coalition_rule_for_any_country(res: Resources) -> None:
    found = by_name(actors(res, "Jets of the Turkey-led coalition struck."))
    coalition = found["Turkey-led coalition"]
    assert coalition.kind == "alliance" and coalition.country == "Turkey"
    assert coalition.origin == "rule:led-coalition"
    assert "Turkey" in found


def test_saudi_led_coalition_uses_curated_name(res: Resources) -> None:
    found = by_name(actors(res, "The Saudi-led coalition said."))
    assert found["Saudi-led coalition"].kind == "alliance"


def test_news_agency_names_the_outlet(res: Resources) -> None:
    found = by_name(actors(res, "according to Kremlin news agency RIA."))
    assert found["RIA"].kind == "media" and found["RIA"].country == "Russia"
    assert found["Russia"].aliases == ("Kremlin",)
    found = by_name(actors(res, "the Kazakh state news agency Kazinform reported"))
    assert found["Kazinform"].kind == "media" and found["Kazinform"].country == "Kazakhstan"
    assert found["Kazinform"].origin == "rule:news-agency"


def test_demonyms_and_ethnic_groups(res: Resources) -> None:
    text = "the US-backed and Kurdish-dominated Syrian Democratic Forces (SDF) and Russian forces"
    found = by_name(actors(res, text))
    assert found["Kurds"].kind == "ethnic_group"
    assert found["Syrian Democratic Forces"].aliases == ("Syrian Democratic Forces", "SDF")
    assert found["Russia"].aliases == ("Russian",)
    assert "Syria" not in found


def test_state_noun_widens_the_country_mention(res: Resources) -> None:
    found = by_name(actors(res, "The Russian command says the Syrian regime offensive began."))
    assert found["Russia"].aliases == ("Russian command",)
    assert found["Syria"].aliases == ("Syrian regime",)


def test_verb_is_and_cities_are_not_actors(res: Resources) -> None:
    found = by_name(actors(res, "It is in Volgograd, where IS is active."))
    assert set(found) == {"Islamic State"}


def test_person_names_are_never_actors(res: Resources) -> None:
    doc = actors(res, "George Washington said", [("George Washington", "PERSON")])
    assert doc.actors == ()
    assert [a.name for a in actors(res, "Washington said").actors] == ["United States"]


def test_ner_org_fallback(res: Resources) -> None:
    doc = actors(res, "The Conoco gas plant can produce gas.", [("Conoco", "ORG")])
    conoco = by_name(doc)["Conoco"]
    assert conoco.kind == "organisation" and conoco.origin == "ner"


def test_ner_titles_are_not_organisations(res: Resources) -> None:
    text = "Army Colonel Ryan Dillon said and Major-General Igor Konashenkov said"
    entities = [
        ("Army", "ORG"),
        ("Ryan Dillon", "PERSON"),
        ("Major-General", "ORG"),
        ("Igor Konashenkov", "PERSON"),
    ]
    assert actors(res, text, entities).actors == ()
    text = "Army Colonel Ryan Dillon said and Gazprom said"
    entities = [("Army", "ORG"), ("Ryan Dillon", "PERSON"), ("Gazprom", "ORG")]
    assert [a.name for a in actors(res, text, entities).actors] == ["Gazprom"]


def test_ner_single_generic_word_is_not_an_organisation(res: Resources) -> None:
    assert actors(res, "The Ministry said.", [("Ministry", "ORG")]).actors == ()
    health = actors(res, "The Health Ministry said.", [("Health Ministry", "ORG")]).actors
    assert [(a.name, a.kind) for a in health] == [("Health Ministry", "organisation")]


def test_ner_org_already_in_lexicon_is_not_duplicated(res: Resources) -> None:
    doc = actors(res, "Islamic State fighters", [("Islamic State", "ORG")])
    assert [a.name for a in doc.actors] == ["Islamic State"]
    assert doc.actors[0].origin == "lexicon:curated"


def test_ner_org_that_is_a_persons_surname(res: Resources) -> None:
    text = "General Valery Petrov was killed. Petrov, RT reported, was a senior adviser."
    entities = [("Valery Petrov", "PERSON"), ("Petrov", "ORG")]
    assert [a.name for a in actors(res, text, entities).actors] == ["RT"]


def test_ner_org_with_rank_and_name_inside(res: Resources) -> None:
    doc = actors(res, "Major-General Ivan Sidorov said.", [("Major-General Ivan Sidorov", "ORG")])
    assert doc.actors == ()
    doc = actors(res, "Ivan Sidorov Holdings said.", [("Ivan Sidorov Holdings", "ORG")])
    assert [a.name for a in doc.actors] == ["Ivan Sidorov Holdings"]  # a name, and no rank


def test_capital_as_a_location_is_no_actor(res: Resources) -> None:
    assert actors(res, "a Baghdad-based spokesman").actors == ()
    assert by_name(actors(res, "Baghdad said"))["Iraq"].aliases == ("Baghdad",)
