"""Heavy things (the spaCy pipeline, lexicons, the gazetteer), built once per process on first use.

Stages take a `Resources` and never load anything themselves. Tests pass small stubs through
the constructor, so no model is loaded unless a test asks for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsgraph.extract.event_lexicon import EventLexicon
    from newsgraph.nlp.attribution_tags import AttributionTagger
    from newsgraph.nlp.parse import Parser
    from newsgraph.resolve.actor_lexicon import ActorLexicon, PeopleLexicon
    from newsgraph.resolve.gazetteer import Gazetteer


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
    ) -> None:
        self._parser = parser
        self._actors = actors
        self._people = people
        self._gazetteer = gazetteer
        self._events = events
        self._attribution_tagger = attribution_tagger

    @property
    def parser(self) -> Parser:
        """The spaCy-backed parser (loaded once)."""
        if self._parser is None:
            from newsgraph.nlp.parse import SpacyParser

            self._parser = SpacyParser.load()
        return self._parser

    @property
    def actors(self) -> ActorLexicon:
        """Actor aliases: countries, armed groups, organisations, outlets, alliances."""
        if self._actors is None:
            from newsgraph.resolve.actor_lexicon import ActorLexicon

            self._actors = ActorLexicon.load()
        return self._actors

    @property
    def people(self) -> PeopleLexicon:
        """Known office holders with their country and role."""
        if self._people is None:
            from newsgraph.resolve.actor_lexicon import PeopleLexicon

            self._people = PeopleLexicon.load()
        return self._people

    @property
    def gazetteer(self) -> Gazetteer:
        """The offline place index."""
        if self._gazetteer is None:
            from newsgraph.resolve.gazetteer import Gazetteer

            self._gazetteer = Gazetteer.load()
        return self._gazetteer

    @property
    def events(self) -> EventLexicon:
        """Event triggers: CAMEO verbs mapped to PLOVER, plus nominal triggers."""
        if self._events is None:
            from newsgraph.extract.event_lexicon import EventLexicon

            self._events = EventLexicon.load()
        return self._events

    @property
    def attribution_tagger(self) -> AttributionTagger:
        """The small learned attribution-cue tagger shipped in the package."""
        if self._attribution_tagger is None:
            from newsgraph.nlp.attribution_tags import AttributionTagger

            self._attribution_tagger = AttributionTagger.load()
        return self._attribution_tagger
