"""Heavy things (the spaCy pipelines, lexicons, tables, the gazetteer), built once per
process on first use.

Every model, lexicon and table the pipeline reads is a property here, and stages take a
`Resources` and never load anything themselves. Each loader is the `load` of the class that
holds its data, in the module the stage imports; every file is read through
`newsgraph.data_files`, so a missing one is an error naming it. The imports below sit in the
properties so that importing this module loads nothing; the modules they name hold data and
its loader and never import this one, so there is no cycle. Tests pass small stubs through
the constructor, or `base=` a shared Resources and replace one part, so no model is loaded
unless a test asks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from newsgraph.extract.event_lexicon import EventLexicon
    from newsgraph.extract.quote_lexicon import QuoteLexicon
    from newsgraph.nlp.models import AttributionTagger, EventClassifier, Parser
    from newsgraph.resolve.actor_lexicon import ActorLexicon, PeopleLexicon
    from newsgraph.resolve.gazetteer import Gazetteer
    from newsgraph.resolve.gender import FirstNames
    from newsgraph.resolve.outlets import Outlets
    from newsgraph.resolve.place_lexicon import PlaceNames
    from newsgraph.resolve.titles import TitleWords

T = TypeVar("T")


class Resources:
    """Lazily built shared resources; pass ready-made ones (or stubs) to skip loading, and
    `base` to take everything not given from another Resources (loaded once, there)."""

    def __init__(
        self,
        parser: Parser | None = None,
        actors: ActorLexicon | None = None,
        people: PeopleLexicon | None = None,
        gazetteer: Gazetteer | None = None,
        events: EventLexicon | None = None,
        attribution_tagger: AttributionTagger | None = None,
        event_classifier: EventClassifier | None = None,
        quotes: QuoteLexicon | None = None,
        titles: TitleWords | None = None,
        place_names: PlaceNames | None = None,
        first_names: FirstNames | None = None,
        outlets: Outlets | None = None,
        *,
        base: Resources | None = None,
    ) -> None:
        self._base = base
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
                "quotes": quotes,
                "titles": titles,
                "place_names": place_names,
                "first_names": first_names,
                "outlets": outlets,
            }.items()
            if value is not None
        }

    def _get(self, name: str, load: Callable[[], T]) -> T:
        """The resource `name`, loading it on first use (in `base`, when there is one)."""
        if name not in self._built:
            self._built[name] = load() if self._base is None else self._base._get(name, load)
        value: T = self._built[name]
        return value

    @property
    def parser(self) -> Parser:
        """The spaCy-backed parser (loaded once)."""
        from newsgraph.nlp.models import SpacyParser

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
        from newsgraph.nlp.models import AttributionTagger

        return self._get("attribution_tagger", AttributionTagger.load)

    @property
    def event_classifier(self) -> EventClassifier:
        """The small learned classifier of event types and modes shipped in the package."""
        from newsgraph.nlp.models import EventClassifier

        return self._get("event_classifier", EventClassifier.load)

    @property
    def quotes(self) -> QuoteLexicon:
        """Cue words with their records on PolNeAR train, and the quote confidence model."""
        from newsgraph.extract.quote_lexicon import QuoteLexicon

        return self._get("quotes", QuoteLexicon.load)

    @property
    def titles(self) -> TitleWords:
        """Title and rank words ("Lieutenant-General", "spokesman")."""
        from newsgraph.resolve.titles import TitleWords

        return self._get("titles", TitleWords.load)

    @property
    def first_names(self) -> FirstNames:
        """First names by gender, for "he" and "she" (resolve/gender.py)."""
        from newsgraph.resolve.gender import FirstNames

        return self._get("first_names", FirstNames.load)

    @property
    def place_names(self) -> PlaceNames:
        """Curated place names, institutions that are no places, and country demonyms."""
        from newsgraph.resolve.place_lexicon import PlaceNames

        return self._get("place_names", PlaceNames.load)

    @property
    def outlets(self) -> Outlets:
        """News outlets and monitors: country, kind (state, wire, ...) and owner."""
        from newsgraph.resolve.outlets import Outlets

        return self._get("outlets", Outlets.load)
