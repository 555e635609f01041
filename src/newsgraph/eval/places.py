"""`newsgraph eval places`: the place stage and a largest-population baseline scored on LGL."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from newsgraph.eval.lgl import GoldGeoArticle
from newsgraph.eval.place_scores import PlaceTally, PredictedPlace, score_places
from newsgraph.model import Doc
from newsgraph.normalize.clean import normalise_keeping_offsets
from newsgraph.pipeline import build
from newsgraph.resources import Resources

PLACE_STAGES = ("parse.v1", "actors.v1", "places.v1")
KINDS = ("all", "country", "admin region", "city", "other")


@dataclass(slots=True)
class PlaceResult:
    """One system's tallies on one gold set."""

    system: str
    tallies: dict[str, PlaceTally] = field(default_factory=dict)


def run_place_stage(res: Resources) -> Callable[[GoldGeoArticle], Doc]:
    """The pipeline up to places, on gold text whose offsets must stay valid."""
    pipeline = build(PLACE_STAGES)

    def run(article: GoldGeoArticle) -> Doc:
        text = normalise_keeping_offsets(article.text)
        return pipeline.run_doc(Doc(id=article.name, source=article.name, text=text), res)

    return run


def newsgraph_places(doc: Doc, res: Resources) -> list[PredictedPlace]:
    """Every place mention with the place the stage resolved it to."""
    return [
        PredictedPlace(m.start, m.end, p.lat, p.lon, p.geonames_id)
        for p in doc.places
        for m in p.mentions
    ]


def population_places(doc: Doc, res: Resources) -> list[PredictedPlace]:
    """The same mentions, each resolved to the most populous entry the gazetteer has for it."""
    out = []
    for place in doc.places:
        for m in place.mentions:
            entries = [c.entry for c in res.gazetteer.candidates(m.text)]
            best = max(entries, key=lambda e: (e.population, -(e.geonames_id or 0)), default=None)
            if best is None:
                out.append(PredictedPlace(m.start, m.end, None, None, None))
            else:
                out.append(PredictedPlace(m.start, m.end, best.lat, best.lon, best.geonames_id))
    return out


def evaluate_places(
    articles: Sequence[GoldGeoArticle],
    res: Resources,
    progress: Callable[[Sequence[GoldGeoArticle]], Sequence[GoldGeoArticle]] = lambda a: a,
) -> list[PlaceResult]:
    """Score newsgraph and the population baseline in one pass over the articles."""
    run = run_place_stage(res)
    systems = {"newsgraph": newsgraph_places, "population baseline": population_places}
    results = {name: PlaceResult(name) for name in systems}
    for article in progress(articles):
        doc = run(article)
        for name, predict in systems.items():
            score_places(article.toponyms, predict(doc, res), results[name].tallies)
    return list(results.values())
