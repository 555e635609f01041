"""`newsgraph eval places`: the place stage and a largest-population baseline scored on LGL.

Two measures, as the field reports them apart:
- gold spans: the resolver is handed each gold toponym span in its article (the other gold
  spans its context), so resolution is scored on its own; this is how CLAVIN, the Edinburgh
  Geoparser and CamCoder report accuracy@161km on LGL;
- end to end: the stage finds the places itself; recognition P/R/F1, and resolution over all
  gold toponyms (a toponym not found counts wrong) and over the ones it found.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from newsgraph.eval.lgl import GoldGeoArticle
from newsgraph.eval.place_scores import PlaceTally, PredictedPlace, score_places
from newsgraph.model import Doc, Place
from newsgraph.normalize.clean import normalise_keeping_offsets
from newsgraph.pipeline import build
from newsgraph.resolve.gazetteer import Gazetteer
from newsgraph.resolve.place_spans import PlaceSpan, is_demonym
from newsgraph.resolve.places import resolve_spans
from newsgraph.resources import Resources

PLACE_STAGES = ("parse.v1", "actors.v1", "people.v1", "places.v1")
KINDS = ("all", "all but demonyms", "country", "admin region", "city", "other")


@dataclass(slots=True)
class PlaceResult:
    """One system's tallies on one gold set, end to end and on the gold spans."""

    system: str
    tallies: dict[str, PlaceTally] = field(default_factory=dict)
    gold_spans: dict[str, PlaceTally] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PlaceSystem:
    """How one system places the mentions it found, and the gold spans it is handed."""

    name: str
    found: Callable[[Doc, Gazetteer], list[PredictedPlace]]
    given: Callable[[Doc, Sequence[PlaceSpan], Gazetteer], list[PredictedPlace]]


def run_place_stage(res: Resources) -> Callable[[GoldGeoArticle], Doc]:
    """The pipeline up to places, on gold text whose offsets must stay valid."""
    pipeline = build(PLACE_STAGES)

    def run(article: GoldGeoArticle) -> Doc:
        text = normalise_keeping_offsets(article.text)
        return pipeline.run_doc(Doc(id=article.name, source=article.name, text=text), res)

    return run


def gold_spans(doc: Doc, article: GoldGeoArticle) -> list[PlaceSpan]:
    """The article's gold toponyms as spans for the resolver."""
    return [PlaceSpan(t.start, t.end, doc.text[t.start : t.end], "gold") for t in article.toponyms]


def _predicted(places: Sequence[Place]) -> list[PredictedPlace]:
    return [
        PredictedPlace(m.start, m.end, p.lat, p.lon, p.geonames_id)
        for p in places
        for m in p.mentions
    ]


def newsgraph_places(doc: Doc, gazetteer: Gazetteer) -> list[PredictedPlace]:
    """Every place mention with the place the stage resolved it to."""
    return _predicted(doc.places)


def newsgraph_on_gold(
    doc: Doc, spans: Sequence[PlaceSpan], gazetteer: Gazetteer
) -> list[PredictedPlace]:
    """The stage's resolver on the gold spans."""
    return _predicted(resolve_spans(doc, spans, gazetteer))


def most_populous(gazetteer: Gazetteer, start: int, end: int, text: str) -> PredictedPlace:
    """The entry with the most people of those spelled `text`, or unresolved when none is."""
    entries = [c.entry for c in gazetteer.candidates(text)]
    best = max(entries, key=lambda e: (e.population, -(e.geonames_id or 0)), default=None)
    if best is None:
        return PredictedPlace(start, end, None, None, None)
    return PredictedPlace(start, end, best.lat, best.lon, best.geonames_id)


def population_places(doc: Doc, gazetteer: Gazetteer) -> list[PredictedPlace]:
    """The stage's mentions, each resolved to the most populous entry of its spelling."""
    return [
        most_populous(gazetteer, m.start, m.end, m.text) for p in doc.places for m in p.mentions
    ]


def population_on_gold(
    doc: Doc, spans: Sequence[PlaceSpan], gazetteer: Gazetteer
) -> list[PredictedPlace]:
    """The gold spans, each resolved to the most populous entry of its spelling."""
    return [most_populous(gazetteer, s.start, s.end, s.text) for s in spans]


SYSTEMS = (
    PlaceSystem("newsgraph", newsgraph_places, newsgraph_on_gold),
    PlaceSystem("population baseline", population_places, population_on_gold),
)


def evaluate_places(
    articles: Sequence[GoldGeoArticle],
    res: Resources,
    progress: Callable[[Sequence[GoldGeoArticle]], Sequence[GoldGeoArticle]] = lambda a: a,
) -> list[PlaceResult]:
    """Score newsgraph and the population baseline in one pass over the articles."""
    run = run_place_stage(res)
    results = {s.name: PlaceResult(s.name) for s in SYSTEMS}
    for article in progress(articles):
        score_article(article, run(article), res.gazetteer, results)
    return list(results.values())


def score_article(
    article: GoldGeoArticle, doc: Doc, gazetteer: Gazetteer, results: dict[str, PlaceResult]
) -> None:
    """Add one article's counts, end to end and on gold spans, for every system."""
    spans = gold_spans(doc, article)
    demonyms = {t for t in article.toponyms if is_demonym(t.phrase, gazetteer)}
    for system in SYSTEMS:
        result = results[system.name]
        found, given = system.found(doc, gazetteer), system.given(doc, spans, gazetteer)
        score_places(article.toponyms, found, result.tallies, demonyms.__contains__)
        score_places(article.toponyms, given, result.gold_spans, demonyms.__contains__)
