"""Heavy things (the spaCy pipelines, lexicons, the gazetteer), built once per process on first use.

Stages take a `Resources` and never load anything themselves. Tests pass small stubs through
the constructor, so no model is loaded unless a test asks for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from newsgraph.extract.event_lexicon import EventLexicon
    from newsgraph.nlp.attribution_tags import AttributionTagger
    from newsgraph.nlp.event_classes import EventClassifier
    from newsgraph.nlp.parse import Parser
    from newsgraph.resolve.actor_lexicon import ActorLexicon, PeopleLexicon
    from newsgraph.resolve.gazetteer import Gazetteer

T = TypeVar("T")


class Resources:
    """Lazily built shared resources; pass ready-made ones (or stubs) to skip loading."""

    def __init__(
        self,
        parser: Parser | None = None,
        actors: ActorLexicon | None = None,
        people: PeopleLexicon | None = None,
        gazetteer: Gazetteer | None = None,
        events: EventLexicon | None = None,
        attribution_tagger: AttributionTagger | None = None,
        event_classifier: EventClassifier | None = None,
    ) -> None:
        self._built: dict[str, Any] = {
            name: value
            for name, value in {
                "parser": parser,
                "actors": actors,
                "people": people,
                "gazetteer": gazetteer,
                "events": events,
                "attribution_tagger": attribution_tagger,
                "event_classifier": event_classifier,
            }.items()
            if value is not None
        }

    def _get(self, name: str, load: Callable[[], T]) -> T:
        """The resource `name`, loading it on first use."""
        if name not in self._built:
            self._built[name] = load()
        value: T = self._built[name]
        return value

    @property
    def parser(self) -> Parser:
        """The spaCy-backed parser (loaded once)."""
        from newsgraph.nlp.parse import SpacyParser

        return self._get("parser", SpacyParser.load)

    @property
    def actors(self) -> ActorLexicon:
        """Actor aliases: countries, armed groups, organisations, outlets, alliances."""
        from newsgraph.resolve.actor_lexicon import ActorLexicon

        return self._get("actors", ActorLexicon.load)

    @property
    def people(self) -> PeopleLexicon:
        """Known office holders with their country and role."""
        from newsgraph.resolve.actor_lexicon import PeopleLexicon

        return self._get("people", PeopleLexicon.load)

    @property
    def gazetteer(self) -> Gazetteer:
        """The offline place index."""
        from newsgraph.resolve.gazetteer import Gazetteer

        return self._get("gazetteer", Gazetteer.load)

    @property
    def events(self) -> EventLexicon:
        """Event triggers: CAMEO verbs mapped to PLOVER, plus nominal triggers."""
        from newsgraph.extract.event_lexicon import EventLexicon

        return self._get("events", EventLexicon.load)

    @property
    def attribution_tagger(self) -> AttributionTagger:
        """The small learned attribution tagger (CUE, SOURCE, CONTENT) shipped in the package."""
        from newsgraph.nlp.attribution_tags import AttributionTagger

        return self._get("attribution_tagger", AttributionTagger.load)

    @property
    def event_classifier(self) -> EventClassifier:
        """The small learned classifier of event types and modes shipped in the package."""
        from newsgraph.nlp.event_classes import EventClassifier

        return self._get("event_classifier", EventClassifier.load)
