"""The shipped first- and second-level regions: GeoNames ids and alternate names from
admin2.tsv, English spellings from countries.json (no model; small hand-made town lists)."""

from __future__ import annotations

from typing import Any

from newsgraph.resolve.gazetteer_admin2 import admin2_entries
from newsgraph.resolve.gazetteer_build import _admin1


def town(gid: int, name: str, cc: str, admin1: str, lat: float, lon: float) -> dict[str, Any]:
    return {
        "geonameid": gid,
        "name": name,
        "latitude": lat,
        "longitude": lon,
        "countrycode": cc,
        "population": 1_000,
        "admin1code": admin1,
        "alternatenames": [],
    }


def test_a_county_named_by_its_towns_gets_its_geonames_id_and_alternates():
    cities = {"4297999": town(4297999, "London", "US", "KY", 37.13, -84.08)}
    entries = {
        e.name: (e, names) for e, names in admin2_entries(cities, {"4297999": "Laurel County"})
    }
    county, names = entries["Laurel County"]
    assert (county.geonames_id, county.admin1, county.lat) == (4297480, "KY", 37.13)
    assert {"Laurel County", "Laurel", "Condado de Laurel"} <= set(names)


def test_districts_no_town_names_are_placed_at_their_towns():
    entries = {e.name: (e, names) for e, names in admin2_entries({}, {})}
    manbij, _ = entries["Manbij District"]
    assert (manbij.geonames_id, manbij.country_code, manbij.admin1, manbij.kind) == (
        167355,
        "SY",
        "09",
        "admin2",
    )
    assert abs(manbij.lat - 36.48) < 0.1 and abs(manbij.lon - 38.04) < 0.1
    caluula, names = entries["Caluula"]
    assert caluula.country_code == "SO" and "Alula District" in names


def test_first_level_regions_carry_the_spellings_news_uses():
    cities = {
        "1": town(1, "Afgooye", "SO", "14", 2.14, 45.12),
        "2": town(2, "Sydney", "AU", "02", -33.87, 151.21),
        "3": town(3, "Tikrit", "IQ", "18", 34.6, 43.68),
        "4": town(4, "Douma", "SY", "08", 33.57, 36.4),
    }
    names = {entry.name: set(alts) for entry, alts in _admin1(cities)}
    assert {"Lower Shabelle", "Lower Shabeelle"} <= names["Shabeellaha Hoose"]
    assert "NSW" in names["New South Wales"]
    assert {"Salahuddin", "Salah al-Din"} <= names["Şalāḩ ad Dīn"]
    assert {"Rural Damascus", "Damascus Countryside"} <= names["Rīf Dimashq"]
