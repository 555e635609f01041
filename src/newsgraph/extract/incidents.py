"""Mentions -> incidents: drop what is no incident, group what is one occurrence, one record each.

An analyst loads one row per real incident. A report tells one strike many times: the
headline, the lede, "the attack", its dead and wounded, "the blast", a sentence the page
prints twice. Two ordered tables decide:

- `VETOES` (`extract/incident_vetoes.py`): mentions that are no incident at all (not realised,
  idioms, running tolls and war-wide statistics, captions), each dropped under its name;
- `LINKS`: when a mention joins an earlier incident rather than starting one. A mention only
  joins an incident whose type, status, place, day, parties and means do not contradict it
  (`compatible`), and only for a reason: it is in the same sentence, it repeats a sentence,
  it refers back ("the attack", "the blast"), it names the same place or the same day and
  side, it states nothing of its own, or it is the headline.

Each record takes every field from the mention that states it (`build_event`): the evidence
is the mention that states most, the mode the most telling one, the toll the one the mention
stating most gives (a later running total or a war-wide figure is not the incident's toll).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from newsgraph.extract.claims import Draft, Scene
from newsgraph.extract.dates import base_day
from newsgraph.extract.event_modes import MODES
from newsgraph.extract.incident_vetoes import VIOLENT
from newsgraph.model import DayPrecision, Event, EventStatus, Span

TOLD = frozenset({"asserted", "claimed"})
# Speech acts and stances: one record per speaker and target, however often repeated.
STATEMENTS = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "APPEAL"})
REFERRING = frozenset({"the", "this", "that", "these", "those", "such"})


@dataclass(slots=True)
class Incident:
    """Mentions of one occurrence, in text order of joining."""

    mentions: list[Draft] = field(default_factory=list)

    @property
    def type(self) -> str:
        return self.mentions[0].type

    def first(self, pick: Callable[[Draft], object]) -> object:
        """The first non-empty value a mention states, the best mention first."""
        for draft in self.ranked():
            value = pick(draft)
            if value:
                return value
        return None

    def ranked(self) -> list[Draft]:
        """Mentions, the one that states most first (the headline last)."""
        return sorted(self.mentions, key=lambda d: (-richness(d), d.headline, d.tok.start))


def richness(draft: Draft) -> int:
    """How much a mention states of its incident."""
    told = draft.status in TOLD
    return (
        2 * bool(draft.actor)
        + bool(draft.recipient)
        + bool(draft.places)
        + bool(draft.reading)
        + bool(draft.fatalities is not None)
        + bool(draft.mode)
        + told
    )


def compatible(incident: Incident, draft: Draft) -> bool:
    """Whether nothing the mention states contradicts the incident."""
    if draft.type != incident.type:
        return False
    statuses = {d.status for d in incident.mentions}
    if draft.status not in TOLD and draft.status != "denied":
        return draft.status in statuses
    if not statuses & (TOLD | {"denied"}):
        return False
    actors = {a for d in incident.mentions for a in d.actor}
    if draft.actor and actors and not set(draft.actor) & actors:
        return False
    targets = {r for d in incident.mentions for r in d.recipient}
    if set(draft.recipient) & actors or set(draft.actor) & targets:
        return False  # the sides are the other way round: another act
    if not _same_area(incident, draft):
        return False
    days = {d.reading.iso for d in incident.mentions if d.reading and d.reading.precision == "day"}
    if (
        draft.reading
        and draft.reading.precision == "day"
        and days
        and draft.reading.iso not in days
    ):
        return False
    return _same_means(incident, draft)


def _same_area(incident: Incident, draft: Draft) -> bool:
    """Places that can be one: the mention's most specific place is among the incident's, or
    the incident's among the mention's ("Aleppo" and "Bab al-Maqam, Aleppo")."""
    if not draft.spots:
        return True
    mine = [p.casefold() for p in draft.spots]
    for other in (d for d in incident.mentions if d.spots):
        theirs = [p.casefold() for p in other.spots]
        if mine[0] not in theirs and theirs[0] not in mine:
            return False
    return True


def _same_means(incident: Incident, draft: Draft) -> bool:
    """Different weapons named (jets and shells) are different acts; a bomb may be a suicide
    bomber's, a massacre may be done by any weapon but is no exchange of fire."""
    if draft.mode is None:
        return True
    modes = {d.mode for d in incident.mentions if d.mode}
    return all(frozenset({draft.mode, m}) in SAME_MEANS or m == draft.mode for m in modes)


SAME_MEANS = frozenset(
    frozenset(pair)
    for pair in (
        ("explosives", "suicide-attack"),
        ("massacre", "aerial"),
        ("massacre", "heavy-weapons"),
        ("massacre", "firearms"),
        ("massacre", "explosives"),
        ("massacre", "suicide-attack"),
        ("massacre", "unconventional"),
        ("armed-clash", "firearms"),
        ("aerial", "unconventional"),
        ("heavy-weapons", "unconventional"),
    )
)


Link = Callable[[Incident, Draft, Scene], bool]


def _same_sentence(incident: Incident, draft: Draft, scene: Scene) -> bool:
    return any(d.tok.sent == draft.tok.sent for d in incident.mentions)


def _repeated_sentence(incident: Incident, draft: Draft, scene: Scene) -> bool:
    mine = _sentence_key(draft, scene)
    return any(_sentence_key(d, scene) == mine for d in incident.mentions)


def _refers_back(incident: Incident, draft: Draft, scene: Scene) -> bool:
    """ "the attack", "this massacre", "the blast": a definite noun names a told occurrence."""
    if draft.tok.pos == "VERB":
        return False
    dets = scene.tree.children(draft.tok.i, "det", "poss")
    return any(d.text.casefold() in REFERRING for d in dets)


def _same_place(incident: Incident, draft: Draft, scene: Scene) -> bool:
    """The same most specific place: the town, not only the province both lie in."""
    if not draft.places:
        return False
    return any(
        d.places and d.places[0].casefold() == draft.places[0].casefold() for d in incident.mentions
    )


def _same_day_and_side(incident: Incident, draft: Draft, scene: Scene) -> bool:
    if not draft.reading or not draft.actor:
        return False
    return any(
        d.reading == draft.reading and set(d.actor) & set(draft.actor) for d in incident.mentions
    )


def _adds_nothing(incident: Incident, draft: Draft, scene: Scene) -> bool:
    """A mention that states nothing the incident does not already say: "Four people were
    killed", "Saturdays attack was the first bombardment" of a Saturday's bombardment."""
    mentions = incident.mentions
    if draft.actor and not set(draft.actor) <= {a for d in mentions for a in d.actor}:
        return False
    if draft.spots and not set(draft.spots) <= {p for d in mentions for p in d.spots}:
        return False
    if draft.reading and draft.reading not in {d.reading for d in mentions}:
        return False
    return draft.mode is None or draft.mode in {d.mode for d in mentions}


def _same_statement(incident: Incident, draft: Draft, scene: Scene) -> bool:
    """The same speaker's act against the same party, said again in the next sentence ("He
    accused ... He added that they had ...")."""
    if draft.type not in STATEMENTS or not draft.actor:
        return False
    return any(
        d.actor == draft.actor
        and set(d.recipient) == set(draft.recipient)
        and abs(d.tok.sent - draft.tok.sent) <= 1
        for d in incident.mentions
    )


def _occurrence(link: Link) -> Link:
    """A link that holds for acts that happen once (a strike, an arrest), not for statements:
    two accusations by one side a few paragraphs apart are two accusations."""

    def check(incident: Incident, draft: Draft, scene: Scene) -> bool:
        return draft.type not in STATEMENTS and link(incident, draft, scene)

    return check


LINKS: tuple[tuple[str, Link], ...] = (
    ("same-sentence", _same_sentence),
    ("repeated-sentence", _repeated_sentence),
    ("same-statement", _same_statement),
    ("refers-back", _occurrence(_refers_back)),
    ("same-place", _occurrence(_same_place)),
    ("same-day-and-side", _occurrence(_same_day_and_side)),
    ("adds-nothing", _occurrence(_adds_nothing)),
)


def group(drafts: Sequence[Draft], scene: Scene) -> list[Incident]:
    """Incidents from mentions: the body in text order, then the headline's mentions."""
    incidents: list[Incident] = []
    # sentence by sentence; in a sentence the mention that states most first, so that its
    # parties decide what the others in the sentence may join
    body = sorted(
        (d for d in drafts if not d.headline), key=lambda d: (d.tok.sent, -richness(d), d.tok.start)
    )
    for draft in body:
        target = _join(incidents, draft, scene, nearest_first=True)
        if target is None:
            incidents.append(Incident([draft]))
        else:
            target.mentions.append(draft)
    for draft in (d for d in drafts if d.headline):
        target = _join(incidents, draft, scene, nearest_first=False, headline=True)
        if target is None:
            incidents.append(Incident([draft]))
        else:
            target.mentions.append(draft)
    return incidents


# Words that open another incident: "Elsewhere jets struck ...", "In another air strike ...",
# "Later a military source announced ...", "another 40 fighters were killed".
FRESH = re.compile(
    r"^\W*(?:\w+\s+){0,3}?(?:elsewhere|meanwhile|separately|in (?:an)?other (?:news|\w+ ?\w*)|"
    r"in a separate|later|earlier|on the other hand|also on)\b|\banother\s+(?:\d|\w+ (?:were|was)|"
    r"(?:air ?strike|attack|raid|strike|bombing|blast|explosion)s?)",
    re.I,
)
STRONG_LINKS = frozenset({"same-sentence", "repeated-sentence", "same-place"})


def _fresh(draft: Draft, scene: Scene) -> bool:
    """Whether the mention's sentence opens another incident ("Elsewhere", "In another")."""
    sent = scene.doc.sentences[draft.tok.sent]
    return FRESH.search(scene.doc.text[sent.start : sent.end]) is not None


def _join(
    incidents: list[Incident],
    draft: Draft,
    scene: Scene,
    nearest_first: bool,
    headline: bool = False,
) -> Incident | None:
    order = reversed(incidents) if nearest_first else iter(incidents)
    links = LINKS
    if _fresh(draft, scene):
        links = tuple((name, link) for name, link in LINKS if name in STRONG_LINKS)
    for incident in order:
        if not compatible(incident, draft):
            continue
        if any(link(incident, draft, scene) for _name, link in links):
            return incident
    if headline:
        # the headline sums up the story: its act is the first body incident of its type and
        # means, wherever the body places it
        return next((i for i in incidents if i.type == draft.type and _same_means(i, draft)), None)
    return None


def _sentence_key(draft: Draft, scene: Scene) -> str:
    sent = scene.doc.sentences[draft.tok.sent]
    return " ".join(scene.doc.text[sent.start : sent.end].casefold().split())


def facts_stated(event: Event) -> int:
    """How much a record says of its incident: its parties, place, own date, more than one
    mention, and (counted twice, as it is what an analyst sums) its toll."""
    toll = event.fatalities is not None or event.injuries is not None or event.fatalities_text
    return (
        2 * bool(toll)
        + bool(event.actor)
        + bool(event.recipient)
        + bool(event.location)
        + (event.day_precision in ("day", "month"))
        + (len(event.mentions) > 1)
    )


# The facts a record must state to be loaded: an assault told with nothing but its verb
# ("fighting continued", "the offensive") is a passing mention, not an incident an analyst can
# place, date or count; other acts need at least the party that acts or is acted on.
ENOUGH = {"ASSAULT": 2}


def thin(event: Event) -> bool:
    """Whether the record states too little to stand as an incident of its own."""
    return facts_stated(event) < ENOUGH.get(event.type, 1)


def build_event(incident: Incident, scene: Scene, stage: str) -> Event:
    """The record of one incident, each field from the mention that states it."""
    doc = scene.doc
    ranked = incident.ranked()
    lead = ranked[0]
    sent = doc.sentences[lead.tok.sent]
    actor = lead.actor or _first_tuple(ranked, "actor")
    recipient = tuple(dict.fromkeys(n for d in ranked for n in d.recipient if n not in set(actor)))
    dated = next((d for d in ranked if d.reading and d.reading.precision == "day"), None)
    dated = dated or next((d for d in ranked if d.reading), None)
    reported = base_day(doc.dateline, doc.published) if dated is None else None
    # the mention that names the town, not only the country ("a chemical attack in northern
    # Syria" ... "in Khan Sheikhoun")
    placed = next((d for d in ranked if d.spots), None) or next(
        (d for d in ranked if d.places), None
    )
    tolls = [d.fatalities for d in ranked if d.fatalities is not None]
    hurt = [d.injuries for d in ranked if d.injuries is not None]
    named = tuple(dict.fromkeys(n for d in ranked for n in d.killed))
    # a toll if the text gives one, else the named dead ("Valery Asapov was killed": 1)
    top = tolls[0] if tolls else (len(named) or None)
    sentences = sorted({d.tok.sent for d in incident.mentions})
    # an incident the article tells on someone's word anywhere (the lede's "a monitoring group
    # said", "according to the Observatory") is that source's claim, whoever tells it after
    claimed = next((d for d in ranked if d.status == "claimed"), None)
    status: EventStatus = "claimed" if lead.status in TOLD and claimed is not None else lead.status
    return Event(
        type=incident.type,
        evidence=Span(sent.start, sent.end, doc.text[sent.start : sent.end]),
        trigger=Span(lead.tok.start, lead.tok.end, lead.tok.text),
        actor=actor,
        recipient=recipient,
        mode=_best_mode(ranked) or learned_mode(incident, scene),
        weapon=next((d.weapon for d in ranked if d.weapon and d.mode == _best_mode(ranked)), None),
        location=placed.places if placed else (),
        date=dated.date_text if dated else None,
        day=dated.reading.iso if dated and dated.reading else _iso(reported),
        day_precision=dated.reading.precision if dated and dated.reading else _report(reported),
        killed=named,
        injured=tuple(dict.fromkeys(n for d in ranked for n in d.injured)),
        fatalities=top,
        injuries=max(hurt) if hurt else None,
        approximate=any(d.approximate for d in ranked if d.fatalities == top),
        fatalities_text=None if top is not None else _first_str(ranked, "fatalities_text"),
        injuries_text=None if hurt else _first_str(ranked, "injuries_text"),
        status=status,
        claimed_by=(claimed or lead).claimed_by if status == "claimed" else lead.claimed_by,
        suspected=lead.suspected,
        via=(claimed or lead).via if status == "claimed" else lead.via,
        cameo=lead.trigger.cameo,
        method=lead.method,
        stage=stage,
        mentions=tuple(
            Span(s.start, s.end, doc.text[s.start : s.end])
            for s in (doc.sentences[i] for i in sentences)
        ),
    )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _report(day: date | None) -> DayPrecision | None:
    return "report" if day else None


def _best_mode(ranked: Sequence[Draft]) -> str | None:
    order = {rule.mode: i for i, rule in enumerate(MODES)}
    modes = [d.mode for d in ranked if d.mode]
    return min(modes, key=lambda m: order.get(m, len(order))) if modes else None


LEARNED_MODE = 0.6  # the classifier's probability a mode needs when no words name the means


def learned_mode(incident: Incident, scene: Scene) -> str | None:
    """The means of an assault or coercion no words name, as the learned classifier reads
    the incident's sentences ("were killed when their homes were hit" -> aerial)."""
    if incident.type not in VIOLENT:
        return None
    prefix = "mode:"
    allowed = {r.mode for r in MODES if r.plover == incident.type}
    best: tuple[float, str] | None = None
    sentences = {d.tok.sent for d in incident.mentions}
    for classes in scene.doc.event_classes:
        if classes.sentence not in sentences:
            continue
        for label, score in classes.scores:
            mode = label.removeprefix(prefix)
            if label.startswith(prefix) and mode in allowed and (best is None or score > best[0]):
                best = (score, mode)
    return best[1] if best is not None and best[0] >= LEARNED_MODE else None


def _first_tuple(ranked: Sequence[Draft], name: str) -> tuple[str, ...]:
    for draft in ranked:
        value: tuple[str, ...] = getattr(draft, name)
        if value:
            return value
    return ()


def _first_str(ranked: Sequence[Draft], name: str) -> str | None:
    for draft in ranked:
        value: str | None = getattr(draft, name)
        if value:
            return value
    return None
