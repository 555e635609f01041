"""The packaged event-trigger lexicon: CAMEO verbs, their patterns and the curated nouns."""

from __future__ import annotations

import pytest

from newsgraph.extract.event_lexicon import EventLexicon, Trigger
from newsgraph.model import PLOVER_TYPES


@pytest.fixture(scope="module")
def lexicon() -> EventLexicon:
    return EventLexicon.load()


def plover(trigger: Trigger | None) -> str | None:
    return None if trigger is None else trigger.plover


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [
        ("kill", "ASSAULT"),
        ("attack", "ASSAULT"),
        ("bomb", "ASSAULT"),
        ("accuse", "ACCUSE"),
        ("condemn", "ACCUSE"),
        ("meet", "CONSULT"),
        ("negotiate", "CONSULT"),
        ("threaten", "THREATEN"),
        ("arrest", "COERCE"),
        ("withdraw", "RETREAT"),
        ("deploy", "MOBILIZE"),
        ("demand", "REQUEST"),
        ("protest", "PROTEST"),
        ("sanction", "SANCTION"),
    ],
)
def test_event_verbs(lexicon: EventLexicon, lemma: str, expected: str) -> None:
    assert plover(lexicon.verb(lemma)) == expected


@pytest.mark.parametrize("lemma", ["say", "tell", "add", "state", "report", "announce", "take"])
def test_speech_and_light_verbs_are_not_triggers(lexicon: EventLexicon, lemma: str) -> None:
    assert lexicon.verb(lemma) is None


def test_arrest_carries_its_mode_and_source(lexicon: EventLexicon) -> None:
    assert lexicon.verb("arrest") == Trigger("COERCE", "173", "arrest", "cameo-verb")


def test_particle_verbs_prefer_the_phrase(lexicon: EventLexicon) -> None:
    assert plover(lexicon.verb("pull", "out")) == "RETREAT"
    assert lexicon.verb("pull") is None
    assert plover(lexicon.verb("wipe", "out")) == "ASSAULT"
    assert plover(lexicon.verb("kill", "off")) == "ASSAULT"  # unknown phrase: the verb alone


@pytest.mark.parametrize(
    ("lemma", "modifier", "expected", "mode"),
    [
        ("strike", "air", "ASSAULT", "air strike"),
        ("strike", None, "ASSAULT", None),
        ("strike", "hunger", "PROTEST", "hunger"),
        ("bombing", "suicide", "ASSAULT", "suicide bombing"),
        ("shelling", None, "ASSAULT", "shelling"),
        ("offensive", None, "ASSAULT", None),
        ("accusation", None, "ACCUSE", "allege"),
        ("crimes", "war", "ACCUSE", "allege"),
        ("discussion", None, "CONSULT", None),
        ("talks", None, "CONSULT", None),
        ("ceasefire", None, "AGREE", None),
        ("arrest", None, "COERCE", "arrest"),
    ],
)
def test_nouns(
    lexicon: EventLexicon, lemma: str, modifier: str | None, expected: str, mode: str | None
) -> None:
    trigger = lexicon.noun(lemma, modifier)
    assert trigger is not None
    assert (trigger.plover, trigger.mode, trigger.source) == (expected, mode, "curated-noun")


def test_noun_spellings(lexicon: EventLexicon) -> None:
    assert lexicon.noun("air-strike") == lexicon.noun("airstrike") == lexicon.noun("strike", "air")
    assert lexicon.noun("weather") is None


def test_patterns_refine_a_verb(lexicon: EventLexicon) -> None:
    staged = lexicon.pattern("stage", ["they", "staged", "an", "attack"])
    assert staged is not None
    assert (staged.plover, staged.cameo, staged.source) == ("ASSAULT", "190", "cameo-pattern")
    accused = lexicon.pattern("accuse", ["Iran", "of", "torture"])
    assert accused is not None
    assert (accused.plover, accused.cameo) == ("ACCUSE", "1122")
    assert lexicon.pattern("stage", ["a", "concert"]) is None


def test_the_most_specific_pattern_wins(lexicon: EventLexicon) -> None:
    trigger = lexicon.pattern("kill", ["killed", "in", "an", "air", "strike"])
    assert trigger is not None
    assert trigger.cameo == "195"


def test_synsets_and_plurals_match(lexicon: EventLexicon) -> None:
    # "- &AIRCRAFT * RAIDS [195]": any aircraft word counts; "raid" meets "raids".
    trigger = lexicon.pattern("stage", ["warplanes", "raid"])
    assert trigger is not None
    assert trigger.cameo == "195"


def test_reversed_patterns(lexicon: EventLexicon) -> None:
    trigger = lexicon.pattern("face", ["fresh", "criticism"])
    assert trigger is not None
    assert (trigger.plover, trigger.reversed) == ("ACCUSE", True)


def test_blockers(lexicon: EventLexicon) -> None:
    assert lexicon.blocked("kill", ["in", "accident"])
    assert not lexicon.blocked("kill", ["in", "clashes"])
    assert lexicon.blocked("express", ["deep", "concern"])


def test_every_trigger_has_a_plover_type(lexicon: EventLexicon) -> None:
    verbs = [lexicon.verb(v) for v in ("kill", "meet", "aid", "agree", "veto", "release")]
    assert all(t is not None and t.plover in PLOVER_TYPES for t in verbs)
