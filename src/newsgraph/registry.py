"""Every stage by versioned name, as plain data, and the default order.

A stage is a function `(Doc, Resources) -> Doc` that declares which Doc fields it needs
(`requires`) and which it fills (`produces`); `pipeline.build` derives the order from them,
and in checked mode proves them (contracts.py). The fields `clean` fills (text, title, ...)
are there for every stage, and declared by those that read them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.extract.events import extract_events
from newsgraph.extract.quantities import extract_quantities
from newsgraph.extract.quotes import extract_quotes
from newsgraph.extract.relations import extract_relations
from newsgraph.nlp.attribution_tags import tag_attributions, tag_attributions_batch
from newsgraph.nlp.event_classes import classify_events, classify_events_batch
from newsgraph.nlp.parse import parse, parse_batch
from newsgraph.normalize.fingerprint import add_fingerprint
from newsgraph.resolve.actors import resolve_actors
from newsgraph.resolve.coreference import resolve_references
from newsgraph.resolve.people import resolve_people
from newsgraph.resolve.places import resolve_places

if TYPE_CHECKING:
    from newsgraph.model import Doc
    from newsgraph.resources import Resources

StageFn = Callable[["Doc", "Resources"], "Doc"]
BatchFn = Callable[[Sequence["Doc"], "Resources"], list["Doc"]]


@dataclass(frozen=True, slots=True)
class Stage:
    """A named step of the pipeline with what it needs and what it adds."""

    name: str
    fn: StageFn
    requires: frozenset[str]
    produces: frozenset[str]
    batch: BatchFn | None = None  # the same work over many documents at once, when faster


def _stage(
    name: str, fn: StageFn, requires: str, produces: str, batch: BatchFn | None = None
) -> Stage:
    return Stage(name, fn, frozenset(requires.split()), frozenset(produces.split()), batch)


STAGES: dict[str, Stage] = {
    "fingerprint.v1": _stage("fingerprint.v1", add_fingerprint, "text title", "fingerprint"),
    "parse.v1": _stage("parse.v1", parse, "text", "tokens sentences entities", parse_batch),
    "attributions.v1": _stage(
        "attributions.v1",
        tag_attributions,
        "text tokens",
        "attribution_marks",
        tag_attributions_batch,
    ),
    "event_classes.v1": _stage(
        "event_classes.v1",
        classify_events,
        "text sentences",
        "event_classes",
        classify_events_batch,
    ),
    "actors.v1": _stage("actors.v1", resolve_actors, "text outlet tokens entities", "actors"),
    # people before places: a place inside a person's name ("Davis" of "Ouisa Davis") is
    # no place, and people need only where a place may be named, not which place it is
    "people.v1": _stage(
        "people.v1", resolve_people, "text tokens sentences entities actors", "people"
    ),
    "places.v1": _stage(
        "places.v1", resolve_places, "text tokens entities actors people", "places"
    ),
    "references.v1": _stage(
        "references.v1",
        resolve_references,
        "text tokens actors people",
        "coreferences",
    ),
    "quotes.v1": _stage(
        "quotes.v1",
        extract_quotes,
        "text tokens sentences attribution_marks actors people places coreferences",
        "quotes",
    ),
    "relations.v1": _stage(
        "relations.v1",
        extract_relations,
        "text tokens sentences actors people places coreferences",
        "relations",
    ),
    "quantities.v1": _stage(
        "quantities.v1", extract_quantities, "text tokens entities", "quantities"
    ),
    "events.v1": _stage(
        "events.v1",
        extract_events,
        "text title published dateline furniture tokens sentences entities actors people "
        "places coreferences quotes event_classes",
        "events",
    ),
}

# The order `build` falls back on where the declarations leave a choice.
DEFAULT_PIPELINE: tuple[str, ...] = (
    "fingerprint.v1",
    "parse.v1",
    "attributions.v1",
    "event_classes.v1",
    "actors.v1",
    "people.v1",
    "places.v1",
    "references.v1",
    "quotes.v1",
    "relations.v1",
    "quantities.v1",
    "events.v1",
)
