"""Choose one gazetteer entry for a name from its candidates and the article's context.

Scores add up evidence in log-odds-like units: how the spelling matched, what kind of place
it is, how many people live there, whether its country or region is named elsewhere in the
article, and whether the text pins it down ("Alexandria, Louisiana"). Confidence comes from the
winner's margin over the runner-up and its absolute score, so that a lone loose match on a
hamlet stays unresolved.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from newsgraph.resolve.gazetteer import Candidate, GazetteerEntry
from newsgraph.resolve.placenames import exact_key

MIN_CONFIDENCE = 0.35
_MATCH_SCORE = {"exact": 0.0, "loose": -1.0, "fuzzy": -2.5}
_MATCH_FACTOR = {"exact": 1.0, "loose": 0.9, "fuzzy": 0.6}
# Countries, continents and curated features are what news names most; towns earn their
# place through population.
_KIND_PRIOR = {"country": 2.5, "continent": 2.0, "admin1": 0.5, "city": 0.0, "admin2": -1.0}
_FEATURE_PRIOR = 2.5
# Per tenfold more people: a city ten times bigger is that much more likely the one meant.
_POPULATION_WEIGHT = 0.5
# GeoNames lists odd alternates ("Rogersville" for Rogers Park): a place's own name counts more.
_PRIMARY_NAME = 1.0
# Towns' alternates are the oddest ("Maryville" for Beeville): a town's own name counts more.
_PRIMARY_TOWN_NAME = 2.0
_IN_NAMED_COUNTRY = 3.0
_IN_NAMED_ADMIN1 = 2.5
# A country named in the article says little about which of its many hamlets is meant.
_HAMLET = 1000
_HAMLET_SHARE = 0.5
_IN_NAMED_ADMIN2 = 2.0
_FITS_CONTAINER = 5.0
_MISSES_CONTAINER = -2.0
_SAME_AS_DISCOURSE = 4.0
_ADMIN_WANTED = 2.0
_COUNTY_WANTED = 3.0
# Other names of the article with a reading nearby (place_nearby.py), up to a cap.
_NEAR_PLACE = 2.0
_NEAR_CAP = 2.0
_CITY_SHADOWS_ADMIN = -2.0
# A city at least this share of its same-name region's people is what the bare name means
# ("Baghdad", "Deir ez-Zor"); below it the region is ("Louisiana" the state, not the village).
_CITY_SHARE = 0.05
# A match on a tiny place is only worth keeping when nothing bigger spells that way.
_TINY_POPULATION = 1_000
# A loose match must be at least this similar (rapidfuzz ratio of the exact keys).
_LOOSE_SIMILARITY = 70.0
# Closer than this, two entries count as one place (the accuracy@161km tolerance).
_SAME_PLACE_KM = 161.0
# Kinds that keep their own name against small namesakes, and how small a namesake is.
_BIG_KINDS = frozenset({"country", "admin1", "continent", "region", "sea"})
_NAMESAKE_MAX = 100_000
# A first-level region this big is what its bare name means; a parish of 69,000 (Hanover,
# Jamaica) is not.
_BIG_REGION = 1_000_000
# How far from a town a place "in" or "near" it may lie: its districts, its outskirts.
_TOWN_REACH_KM = 30.0
_POINTS = frozenset({"city", "air_base", "military_base"})


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """What the rest of the article says about where things are."""

    countries: frozenset[str] = frozenset()  # ISO codes of countries the article names
    admin1: frozenset[tuple[str, str]] = frozenset()  # (country code, admin1 code) named
    admin2: frozenset[tuple[str, str, str]] = frozenset()  # (country, admin1, admin2 name) named
    containers: tuple[GazetteerEntry, ...] = ()  # "X, Y" / "Y's city of X": the Ys for this X
    wants_admin: bool = False  # "X province", "X governorate"
    wants_county: bool = False  # "X County", "X and Y counties"
    wants_local: bool = False  # "the village of X", "the neighbourhood of X": no region
    discourse: tuple[GazetteerEntry, ...] = field(default=())  # chosen for this key already
    # how many other names of the article have a reading near each candidate
    support: Mapping[GazetteerEntry, float] = field(default_factory=dict)


def rank(
    candidates: list[Candidate], context: PlaceContext, name: str = ""
) -> tuple[GazetteerEntry, float] | None:
    """The best entry for `name` and its confidence, or None when none is confident enough."""
    pool = _big_keep_their_name(prune(candidates, name), context)
    if context.wants_local:  # "the southwestern neighbourhood of Salaheddin" is no province
        pool = [c for c in pool if c.entry.kind not in ("country", "admin1", "continent")]
    if not pool:
        return None
    # ties go to the lower GeoNames id, so a run never depends on string hashing
    scored = sorted(
        ((score(c, pool, context), c) for c in pool),
        key=lambda s: (-s[0], s[1].entry.geonames_id or 0, s[1].entry.name),
    )
    best_score, best = scored[0]
    # Near-duplicates (a region and its curated twin) do not make the choice less sure.
    rivals = [s for s, c in scored[1:] if distance_km(best.entry, c.entry) > _SAME_PLACE_KM]
    margin = best_score - rivals[0] if rivals else 4.0
    confidence = _sigmoid(2.0 * margin) * _sigmoid(best_score - 1.5) * _MATCH_FACTOR[best.match]
    if confidence < MIN_CONFIDENCE:
        return None
    return best.entry, round(confidence, 3)


def score(candidate: Candidate, pool: list[Candidate], context: PlaceContext) -> float:
    """The evidence for one candidate."""
    entry = candidate.entry
    total = _MATCH_SCORE[candidate.match] + _KIND_PRIOR.get(entry.kind, _FEATURE_PRIOR)
    total += _POPULATION_WEIGHT * math.log10(entry.population + 1)
    if candidate.primary:
        total += _PRIMARY_TOWN_NAME if entry.kind in ("city", "admin2") else _PRIMARY_NAME
    if entry.country_code in context.countries:
        hamlet = entry.kind == "city" and entry.population < _HAMLET
        total += _IN_NAMED_COUNTRY * (_HAMLET_SHARE if hamlet else 1.0)
    if entry.admin1 and (entry.country_code, entry.admin1) in context.admin1:
        total += _IN_NAMED_ADMIN1
    if entry.admin2 and (entry.country_code, entry.admin1 or "", entry.admin2) in context.admin2:
        total += _IN_NAMED_ADMIN2
    if context.containers:
        fits = any(inside(entry, c) for c in context.containers)
        total += _FITS_CONTAINER if fits else _MISSES_CONTAINER
    total += _NEAR_PLACE * min(_NEAR_CAP, context.support.get(entry, 0.0))
    if any(_same(entry, d) for d in context.discourse):
        total += _SAME_AS_DISCOURSE
    if entry.kind == "admin1":
        total += _ADMIN_WANTED if context.wants_admin else _admin_shadow(entry, pool)
    if entry.kind == "admin2":
        total += _COUNTY_WANTED if context.wants_county else _admin_shadow(entry, pool)
    return total


def prior_shares(pool: list[Candidate]) -> dict[GazetteerEntry, float]:
    """How likely each candidate is against the likeliest, by its name, kind and people alone
    (no context): the odds the scores stand for, so the likeliest has 1.0."""
    if not pool:
        return {}
    empty = PlaceContext()
    scores = {c.entry: score(c, pool, empty) for c in pool}
    best = max(scores.values())
    return {entry: math.exp(s - best) for entry, s in scores.items()}


def prune(candidates: list[Candidate], name: str = "") -> list[Candidate]:
    """Drop loose and fuzzy matches when a real place is spelled exactly that way, and those
    spelled too differently from `name` ("Prisi" is not Bursa, once "Prusa")."""
    exact = [c for c in candidates if c.match == "exact"]
    if any(c.entry.population >= _TINY_POPULATION or c.entry.kind != "city" for c in exact):
        return exact
    return [c for c in candidates if c.match != "loose" or _similar(name, c.entry.name)]


def _big_keep_their_name(pool: list[Candidate], context: PlaceContext) -> list[Candidate]:
    """A country, region, continent or sea keeps its own name against towns and counties of
    fewer than `_NAMESAKE_MAX` people ("California", "Middle East", "Levant"), unless the text
    says otherwise: "X, Y" or "Y's city of X", "X County", or the town's own region named."""
    big = any(
        c.match == "exact"
        and c.entry.kind in _BIG_KINDS
        and (c.primary or c.entry.source == "curated" or c.entry.kind == "country")
        and (c.entry.kind != "admin1" or c.entry.population >= _BIG_REGION)
        for c in pool
    )
    if not big or context.containers or context.wants_county:
        return pool
    return [
        c
        for c in pool
        if c.entry.kind not in ("city", "admin2")
        or c.entry.population >= _NAMESAKE_MAX
        or (c.entry.country_code, c.entry.admin1 or "") in context.admin1
    ]


def _similar(name: str, other: str) -> bool:
    """Spellings close enough for a loose match ("Deir al-Zor", "Deir ez-Zor"; "Dagestan",
    "Dagestan, Respublika"); an empty `name` (spelling unknown) lets every candidate through.
    Fuzzy matches passed a closer test against the very alias they matched."""
    if not name:
        return True
    a, b = exact_key(name), exact_key(other)
    return max(fuzz.ratio(a, b), fuzz.token_set_ratio(a, b)) >= _LOOSE_SIMILARITY


def _admin_shadow(admin: GazetteerEntry, pool: list[Candidate]) -> float:
    """A penalty for a region whose same-name main city is in the pool ("Moscow", the
    department of Paris, "New York": the city, unless the article's context says the state;
    international news means the city far more often than local US news means the state)."""
    for c in pool:
        city = c.entry
        if (
            city.kind == "city"
            and city.country_code == admin.country_code
            and (admin.kind == "admin1" or city.admin1 == admin.admin1)
            and city.population >= _CITY_SHARE * admin.population
        ):
            return _CITY_SHADOWS_ADMIN
    return 0.0


def inside(entry: GazetteerEntry, container: GazetteerEntry) -> bool:
    """True when `entry` lies in `container`: a country, a region, a county, or within a town's
    reach ("the Hodan district of Mogadishu")."""
    if container.kind == "country":
        return entry.country_code == container.country_code and entry.kind != "country"
    if container.kind == "admin1":
        return entry.country_code == container.country_code and entry.admin1 == container.admin1
    if container.kind == "admin2":
        county = (container.country_code, container.admin1, container.admin2)
        return (entry.country_code, entry.admin1, entry.admin2) == county and entry.kind == "city"
    if container.kind in _POINTS and entry.kind not in ("country", "admin1", "continent"):
        return distance_km(entry, container) <= _TOWN_REACH_KM
    return False


def _same(a: GazetteerEntry, b: GazetteerEntry) -> bool:
    """True when both records are the same place."""
    return (a.geonames_id, a.name, a.kind) == (b.geonames_id, b.name, b.kind)


def distance_km(a: GazetteerEntry, b: GazetteerEntry) -> float:
    """Great-circle distance between two entries."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _sigmoid(x: float) -> float:
    """The logistic function."""
    return 1.0 / (1.0 + math.exp(-x))
