"""US towns GeoNames' cities500 lacks (New England towns, villages without a census count),
from the US post-office names of the `zipcodes` package.

Every US post office is named after the town it serves ("Cornwall", Connecticut; "Meadow
Grove", Nebraska). A name cities500 already holds in the same state nearby is left out; the
others become towns of unknown population, placed at the middle of their ZIP codes (GeoNames'
postal coordinates) and filed under the county the package gives.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from newsgraph.resolve.gazetteer import GazetteerEntry
from newsgraph.resolve.placenames import exact_key

# Delivery areas named after a town; "UNIQUE" ZIPs name one organisation, "MILITARY" ones a unit.
_TOWN_ZIP_TYPES = frozenset({"STANDARD", "PO BOX"})
# A post office this close to a cities500 town of its name is that town.
_SAME_TOWN_DEGREES = 0.25
Town = tuple[str, str]  # state, exact key of the name


def postal_entries(
    cities: dict[str, dict[str, Any]],
) -> Iterator[tuple[GazetteerEntry, list[str]]]:
    """One entry per US post-office town that cities500 lacks."""
    known = _known_towns(cities)
    states = {state for state, _key in known}  # the states and DC, not territories or APOs
    offices: dict[Town, list[dict[str, Any]]] = defaultdict(list)
    for z in _zip_codes():
        if z["state"] not in states or z["zip_code_type"] not in _TOWN_ZIP_TYPES:
            continue
        if z["active"] and z["lat"] and z["long"]:
            offices[(z["state"], exact_key(z["city"]))].append(z)
    for (state, key), zips in sorted(offices.items()):
        lat = sum(float(z["lat"]) for z in zips) / len(zips)
        lon = sum(float(z["long"]) for z in zips) / len(zips)
        if any(_near(lat, lon, point) for point in known.get((state, key), ())):
            continue
        entry = GazetteerEntry(
            geonames_id=None,
            name=_title(zips[0]["city"]),
            lat=round(lat, 4),
            lon=round(lon, 4),
            country_code="US",
            kind="city",
            population=0,
            admin1=state,
            source="us-postal",
            admin2=zips[0]["county"] or None,
        )
        yield entry, [entry.name]


def _zip_codes() -> list[dict[str, Any]]:
    """Every ZIP code the `zipcodes` package ships, as its dicts (the package is untyped)."""
    import zipcodes

    every: Callable[[], list[dict[str, Any]]] = zipcodes.list_all
    return every()


def _known_towns(cities: dict[str, dict[str, Any]]) -> dict[Town, list[tuple[float, float]]]:
    """Where cities500 has each US town, by state and name (its own and its alternates)."""
    out: dict[Town, list[tuple[float, float]]] = defaultdict(list)
    for city in cities.values():
        if city["countrycode"] == "US":
            point = (float(city["latitude"]), float(city["longitude"]))
            for name in {city["name"], *city["alternatenames"]}:
                out[(city["admin1code"], exact_key(name))].append(point)
    return out


def _near(lat: float, lon: float, point: tuple[float, float]) -> bool:
    return abs(lat - point[0]) <= _SAME_TOWN_DEGREES and abs(lon - point[1]) <= _SAME_TOWN_DEGREES


def _title(name: str) -> str:
    """The package writes names as "Cornwall", sometimes in capitals: keep mixed case."""
    return name if not name.isupper() else name.title()
