"""Scoring places against LGL: recognition P/R/F1 on toponym spans, and resolution accuracy.

- recognition: a predicted place mention is right when it overlaps a gold toponym, and a gold
  toponym is found when a prediction overlaps it (spans differ on "the" and "river");
- resolution, over the gold toponyms that carry GeoNames coordinates: the prediction whose
  mention overlaps the toponym is within 161 km (accuracy@161km, the field's standard), its
  error in km (mean and median over those resolved), and whether the GeoNames id is the same.
  A toponym not found or not resolved counts against accuracy@161km; `accuracy_found` is the
  same share over the toponyms that were found only.

Slices: "all", each gold kind, and "all but demonyms" (LGL counts "American" and "Georgian" as
toponyms of their countries; newsgraph does not take a demonym for a place).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from newsgraph.eval.lgl import GoldToponym

KM_161 = 161.0
ALL = "all"
NOT_DEMONYMS = "all but demonyms"


@dataclass(frozen=True, slots=True)
class PredictedPlace:
    """A place mention with the coordinates and id it was resolved to (None: unresolved)."""

    start: int
    end: int
    lat: float | None
    lon: float | None
    geonames_id: int | None


@dataclass(slots=True)
class PlaceTally:
    """Counts for one slice (all, or one kind of place)."""

    gold: int = 0
    found: int = 0
    predicted: int = 0
    predicted_right: int = 0
    resolvable: int = 0
    found_resolvable: int = 0
    within: int = 0
    same_id: int = 0
    errors: list[float] = field(default_factory=list)

    def recognition(self) -> tuple[float, float, float]:
        p = self.predicted_right / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def accuracy(self) -> float:
        return self.within / self.resolvable if self.resolvable else 0.0

    def accuracy_found(self) -> float:
        """accuracy@161km over the resolvable toponyms that were found."""
        return self.within / self.found_resolvable if self.found_resolvable else 0.0

    def id_match(self) -> float:
        return self.same_id / self.resolvable if self.resolvable else 0.0

    def id_match_found(self) -> float:
        """Exact GeoNames id match over the resolvable toponyms that were found."""
        return self.same_id / self.found_resolvable if self.found_resolvable else 0.0

    def error_km(self) -> tuple[float, float]:
        if not self.errors:
            return 0.0, 0.0
        return statistics.fmean(self.errors), statistics.median(self.errors)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def score_places(
    gold: Sequence[GoldToponym],
    predicted: Sequence[PredictedPlace],
    tallies: dict[str, PlaceTally],
    demonym: Callable[[GoldToponym], bool] = lambda g: False,
) -> None:
    """Add one article's counts to `tallies` (keys: "all", "all but demonyms", each gold kind)."""
    plain = [g for g in gold if not demonym(g)]
    _count_predictions(ALL, gold, predicted, tallies)
    # predictions on a demonym are left out of this slice too, right or wrong
    others = [p for p in predicted if not any(_overlap(p, g) for g in gold if demonym(g))]
    _count_predictions(NOT_DEMONYMS, plain, others, tallies)
    for g in gold:
        match = next((p for p in predicted if _overlap(p, g)), None)
        names = (ALL, g.kind) if demonym(g) else (ALL, NOT_DEMONYMS, g.kind)
        for name in names:
            _count_gold(g, match, tallies.setdefault(name, PlaceTally()))


def _count_predictions(
    name: str,
    gold: Sequence[GoldToponym],
    predicted: Sequence[PredictedPlace],
    tallies: dict[str, PlaceTally],
) -> None:
    t = tallies.setdefault(name, PlaceTally())
    t.predicted += len(predicted)
    t.predicted_right += sum(any(_overlap(p, g) for g in gold) for p in predicted)


def _count_gold(g: GoldToponym, match: PredictedPlace | None, t: PlaceTally) -> None:
    t.gold += 1
    t.found += match is not None
    if g.lat is None or g.lon is None:
        return
    t.resolvable += 1
    if match is None:
        return
    t.found_resolvable += 1
    if match.lat is None or match.lon is None:
        return
    km = haversine_km(g.lat, g.lon, match.lat, match.lon)
    t.errors.append(km)
    t.within += km <= KM_161
    t.same_id += match.geonames_id is not None and match.geonames_id == g.geonames_id


def _overlap(p: PredictedPlace, g: GoldToponym) -> bool:
    return p.start < g.end and g.start < p.end
