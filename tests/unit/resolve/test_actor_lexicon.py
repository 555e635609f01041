"""The actor and people lexicons on the packaged data and on tiny hand-made ones."""

from __future__ import annotations

import time

import pytest
from actor_docs import make_tokens

from newsgraph.resolve.actor_lexicon import (
    ActorEntry,
    ActorLexicon,
    KnownPerson,
    PeopleLexicon,
    alias_key,
)


@pytest.fixture(scope="module")
def lexicon() -> ActorLexicon:
    return ActorLexicon.load()


def names(lexicon: ActorLexicon, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.entry.name) for m in lexicon.match(make_tokens(text))]


@pytest.mark.parametrize(
    "text", ["US", "USA", "U.S.", "United States", "American", "Americans", "the United States"]
)
def test_united_states_spellings(lexicon: ActorLexicon, text: str) -> None:
    assert [name for _, name in names(lexicon, text)] == ["United States"]


@pytest.mark.parametrize("text", ["Russia", "Russian Federation", "Moscow", "Kremlin", "Russians"])
def test_russia_spellings(lexicon: ActorLexicon, text: str) -> None:
    assert [name for _, name in names(lexicon, text)] == ["Russia"]


@pytest.mark.parametrize(
    "text", ["IS", "ISIS", "ISIL", "Daesh", "Islamic State", "Islamic State of Iraq and the Levant"]
)
def test_islamic_state_spellings(lexicon: ActorLexicon, text: str) -> None:
    found = lexicon.match(make_tokens(text))
    assert [m.entry.name for m in found] == ["Islamic State"]
    assert found[0].entry.kind == "armed_group"


def test_the_verb_is_never_islamic_state(lexicon: ActorLexicon) -> None:
    assert names(lexicon, "Is it true? It is, and this is IS territory") == [
        ("IS", "Islamic State")
    ]


def test_short_acronyms_need_capitals(lexicon: ActorLexicon) -> None:
    assert names(lexicon, "tell us what the ap said") == []
    assert names(lexicon, "the AP said") == [("AP", "Associated Press")]


def test_sdf_long_and_short(lexicon: ActorLexicon) -> None:
    text = "the Syrian Democratic Forces (SDF) said"
    assert names(lexicon, text) == [
        ("Syrian Democratic Forces", "Syrian Democratic Forces"),
        ("SDF", "Syrian Democratic Forces"),
    ]
    sdf = lexicon.lookup("SDF")
    assert sdf is not None and sdf.kind == "armed_group" and sdf.country == "Syria"
    assert "United States" in sdf.patrons


def test_cities_other_than_the_capital_are_not_the_country(lexicon: ActorLexicon) -> None:
    assert names(lexicon, "Volgograd and Samara") == []
    assert names(lexicon, "Moscow") == [("Moscow", "Russia")]


def test_lower_case_common_word_is_not_a_country(lexicon: ActorLexicon) -> None:
    assert names(lexicon, "a roast turkey") == []
    assert names(lexicon, "Turkey said") == [("Turkey", "Turkey")]


def test_led_coalition_with_stray_space(lexicon: ActorLexicon) -> None:
    assert names(lexicon, "the USA -led coalition") == [("USA -led coalition", "US-led coalition")]
    coalition = lexicon.lookup("US-led coalition")
    assert coalition is not None and coalition.kind == "alliance"
    assert coalition.led_by == "United States"


def test_lower_case_alias_matches_any_case(lexicon: ActorLexicon) -> None:
    assert names(lexicon, "by the western coalition") == [("western coalition", "US-led coalition")]


def test_possessive_and_leading_the(lexicon: ActorLexicon) -> None:
    found = lexicon.match(make_tokens("Russia's army and the Kremlin"))
    assert [(m.text, m.entry.name) for m in found] == [("Russia", "Russia"), ("Kremlin", "Russia")]
    assert (found[0].start, found[0].end) == (0, 6)


def test_longest_match_wins(lexicon: ActorLexicon) -> None:
    assert names(lexicon, "Syrian regime") == [("Syrian regime", "Syria")]
    assert names(lexicon, "RIA Novosti") == [("RIA Novosti", "RIA")]


def test_demonyms(lexicon: ActorLexicon) -> None:
    iran = lexicon.demonym("Iranian")
    assert iran is not None and iran.name == "Iran" and iran.kind == "country"
    kurds = lexicon.demonym("Kurdish")
    assert kurds is not None and kurds.name == "Kurds" and kurds.kind == "ethnic_group"
    assert lexicon.demonym("Volgograd") is None
    assert lexicon.adjective("Iran") == "Iranian"
    assert lexicon.adjective("United States") == "American"


def test_media_have_countries(lexicon: ActorLexicon) -> None:
    for name, country in [("RT", "Russia"), ("RIA", "Russia"), ("AP", "United States")]:
        entry = lexicon.lookup(name)
        assert entry is not None and entry.kind == "media" and entry.country == country


def test_alias_key_folds_spelling() -> None:
    assert alias_key("U.S.") == alias_key("US") == "us"
    assert alias_key("the Kremlin") == "kremlin"
    assert alias_key("Erdoğan's") == "erdogan"
    assert alias_key("USA -led coalition") == alias_key("USA-led coalition")


def test_small_lexicon_case_rules() -> None:
    entry = ActorEntry("Acme Corp", "organisation", None, None, (), None, "test")
    small = ActorLexicon([(entry, ["ACM", "acme group"])])
    found = [m.text for m in small.match(make_tokens("Acme Corp, acm, ACM and Acme group"))]
    assert found == ["Acme Corp", "ACM", "Acme group"]


def test_load_is_fast() -> None:
    began = time.perf_counter()
    ActorLexicon.load()
    assert time.perf_counter() - began < 2.0


def test_people_lexicon_packaged() -> None:
    people = PeopleLexicon.load()
    ryabkov = people.lookup("Sergei Ryabkov")
    assert ryabkov is not None and ryabkov.name == "Sergey Ryabkov"
    assert ryabkov.affiliation == "Russia"
    lavrov = people.lookup("Lavrov")
    assert lavrov is not None and lavrov.title == "Foreign Minister"
    assert len(people) > 1000


def test_people_lexicon_shared_alias_names_nobody() -> None:
    a = KnownPerson("Ali Ahmad", ("Ahmad",), "Iraq", None, "test")
    b = KnownPerson("Omar Ahmad", ("Ahmad",), "Syria", None, "test")
    people = PeopleLexicon([a, b])
    assert people.lookup("Ahmad") is None
    assert people.lookup("omar ahmad") == b


# --- shared acronyms, lost apostrophes, state outlets ------------------------------------------


def _entry(name: str, country: str | None, kind: str = "armed_group") -> ActorEntry:
    return ActorEntry(name, kind, country, None, (), None, "test")  # type: ignore[arg-type]


def test_an_acronym_two_entries_share_keeps_both_owners() -> None:
    syrian, somali = _entry("Syrian National Army", "Syria"), _entry("Somali Army", "Somalia")
    lex = ActorLexicon([(syrian, ["SNA"]), (somali, ["SNA"])])
    (m,) = lex.match(make_tokens("the SNA advanced"))
    assert m.entry is syrian and m.alternatives == (somali,)


def test_a_word_two_entries_claim_stays_with_the_first() -> None:
    first, second = _entry("Front A", "Syria"), _entry("Front B", "Iraq")
    lex = ActorLexicon([(first, ["Liberation Front"]), (second, ["Liberation Front"])])
    (m,) = lex.match(make_tokens("the Liberation Front said"))
    assert m.entry is first and m.alternatives == ()


def test_the_packaged_data_shares_sna_between_syria_and_somalia(lexicon: ActorLexicon) -> None:
    (m,) = lexicon.match(make_tokens("2 government soldiers (SNA) died"))
    owners = {e.name for e in (m.entry, *m.alternatives)}
    assert owners == {"Syrian National Army", "Somali National Army"}


def test_a_possessive_that_lost_its_apostrophe(lexicon: ActorLexicon) -> None:
    text = "Hisham Marwah the Syrian National Coalitions vice-president said Syrias army lied."
    assert names(lexicon, text) == [
        ("Syrian National Coalitions", "Syrian National Coalition"),
        ("Syrias", "Syria"),
    ]


def test_a_plural_that_is_no_possessive(lexicon: ActorLexicon) -> None:
    assert names(lexicon, "trade across the Americas grew") == []
    assert names(lexicon, "Syrias") == []  # no word follows: nothing is owned


def test_a_number_is_no_alias() -> None:
    lex = ActorLexicon([(_entry("313 Brigade", None), ["313"])])
    assert lex.match(make_tokens("And 313 people died")) == []


def test_a_possessive_that_lost_its_apostrophe_before_a_noun(lexicon: ActorLexicon) -> None:
    found = lexicon.match(make_tokens("Syrias army and SANAs correspondent"))
    assert [m.entry.name for m in found] == ["Syria", "SANA"]


def test_the_americas_own_nothing_and_stay_unmatched(lexicon: ActorLexicon) -> None:
    assert names(lexicon, "across the Americas region") == []
