"""Spatial evidence: places an article names together tend to lie near each other.

"Paris and Henry County", "Richmond ... Madison County", "Dublin ... Franklin County ...
Columbus": each name alone is ambiguous, but only one reading of each puts them side by side
(Paris, Tennessee lies in Henry County, Tennessee). A candidate earns support from every other
name of the article that has a reading within `NEAR_KM` of it (or that is the county it lies in).
A name with many readings ("Washington", "Franklin") lies near almost anything, so its support is
worth less: each reading is one chance in `len(readings)`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence

from newsgraph.resolve.gazetteer import GazetteerEntry
from newsgraph.resolve.place_rank import distance_km

NEAR_KM = 50.0
# Kinds that are points on a local map; countries and states are context of another sort.
POINT_KINDS = frozenset({"city", "admin2", "river", "air_base", "military_base", "canal"})
# A name with this many readings or fewer counts fully; more readings count proportionally less.
_SPECIFIC_READINGS = 4
_CELL_DEGREES = 1.0
# A town named with the very county it lies in ("Paris and Henry County") is rarely chance,
# however many towns and counties share those names: the county counts fully.
_COUNTY_HOLDS = 1.0

Cell = tuple[int, int]


def support(
    readings: Mapping[str, Sequence[GazetteerEntry]],
    shares: Mapping[GazetteerEntry, float] | None = None,
) -> dict[GazetteerEntry, float]:
    """Each reading's support: the summed weight of the other names with a reading near it.

    `readings` maps a name (its loose key, so two spellings of one name do not support each
    other) to the entries it may be; a resolved name passes just the entry it resolved to.
    `shares` says how likely each reading is against its name's likeliest one (1.0 when not
    given): "New York" read as a hamlet that lists it as an alternate name, or "California" as
    a town in Pennsylvania, lends little support to a hamlet near it.
    """
    share = shares or {}
    grid: dict[Cell, list[tuple[str, GazetteerEntry]]] = defaultdict(list)
    weight: dict[str, float] = {}
    for name, entries in readings.items():
        points = [e for e in entries if e.kind in POINT_KINDS]
        weight[name] = _weight(points)
        for entry in points:
            grid[_cell(entry)].append((name, entry))
    out: dict[GazetteerEntry, float] = {}
    for name, entries in readings.items():
        for entry in entries:
            if entry.kind in POINT_KINDS:
                near = _near_names(entry, name, grid, share)
                out[entry] = sum(
                    (_COUNTY_HOLDS if held else weight[n]) * lent
                    for n, (held, lent) in near.items()
                )
    return out


def _weight(points: Sequence[GazetteerEntry]) -> float:
    """How much a name's having a reading near another's says: less the more readings it has."""
    return min(1.0, _SPECIFIC_READINGS / len(points)) if points else 0.0


def _near_names(
    entry: GazetteerEntry,
    own: str,
    grid: dict[Cell, list[tuple[str, GazetteerEntry]]],
    share: Mapping[GazetteerEntry, float],
) -> dict[str, tuple[bool, float]]:
    """The other names with a reading near `entry`, each with whether that reading is the
    county `entry` lies in (or a town in the county `entry` is) and the likeliest such
    reading's share."""
    lat, lon = _cell(entry)
    found: dict[str, tuple[bool, float]] = {}
    for dlat in (-1, 0, 1):
        for dlon in (-1, 0, 1):
            for name, other in grid.get((lat + dlat, lon + dlon), ()):
                if name == own:
                    continue
                held = _holds(entry, other) or _holds(other, entry)
                if not held and distance_km(entry, other) > NEAR_KM:
                    continue
                was = found.get(name, (False, 0.0))
                found[name] = (was[0] or held, max(was[1], share.get(other, 1.0)))
    return found


def _holds(county: GazetteerEntry, town: GazetteerEntry) -> bool:
    """True when `county` is the admin-2 region `town` lies in."""
    return (
        county.kind == "admin2"
        and town.kind != "admin2"
        and (town.country_code, town.admin1, town.admin2)
        == (county.country_code, county.admin1, county.admin2)
    )


def _cell(entry: GazetteerEntry) -> Cell:
    """The grid cell of an entry: 1 degree squares, so neighbours lie in the 3x3 around it."""
    return math.floor(entry.lat / _CELL_DEGREES), math.floor(entry.lon / _CELL_DEGREES)
