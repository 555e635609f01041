"""`newsgraph eval events`: the event stage and a keyword baseline scored on PLOVER gold records.

The baseline codes an event type from trigger words alone: every word whose lemma the same
packaged lexicon lists as a verb or noun trigger, with no dependency parse, no patterns and
no status; its actor is the nearest party named before the trigger and its recipient the
nearest after it. It shows what the grammar adds over a word list.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from newsgraph.eval.event_scores import (
    SCORED_STATUS,
    EventReport,
    Party,
    PredictedEvent,
    find_all,
    score_sentence,
)
from newsgraph.eval.plover_gold import GoldSentence
from newsgraph.model import Doc
from newsgraph.pipeline import build
from newsgraph.registry import DEFAULT_PIPELINE
from newsgraph.resources import Resources

Predictor = Callable[[Doc, Resources], list[PredictedEvent]]


@dataclass(frozen=True, slots=True)
class EventResult:
    """One system's report on one gold set, with the time it took per sentence."""

    system: str
    report: EventReport
    seconds_per_sentence: float


def parties(doc: Doc) -> dict[str, Party]:
    """Every actor and person of `doc` as a Party: where it is named, and its CAMEO codes."""
    codes = {a.name: a.code for a in doc.actors if a.code}
    found: dict[str, Party] = {}
    for actor in doc.actors:
        spans = tuple((m.start, m.end) for m in actor.mentions)
        found[actor.name] = Party(actor.name, spans, (actor.code,) if actor.code else ())
    for place in doc.places:  # a place that stands for its people: "shelled Juba"
        found[place.name] = Party(place.name, tuple((m.start, m.end) for m in place.mentions))
    for person in doc.people:
        spans = tuple((m.start, m.end) for m in person.mentions)
        code = codes.get(person.affiliation or "")
        found[person.name] = Party(person.name, spans, (code,) if code else ())
    return found


def newsgraph_events(doc: Doc, res: Resources) -> list[PredictedEvent]:
    """The events the stage reports as happened, claimed or threatened."""
    named = parties(doc)

    def resolve(names: Iterable[str]) -> tuple[Party, ...]:
        # a phrase no lexicon knows ("Darfur rebels") is found where the sentence says it
        return tuple(named.get(n, Party(n, tuple(find_all(n, doc.text)))) for n in names)

    return [
        PredictedEvent(e.type, resolve(e.actor), resolve(e.recipient))
        for e in doc.events
        if e.status in SCORED_STATUS and not e.nested
    ]


def keyword_events(doc: Doc, res: Resources) -> list[PredictedEvent]:
    """Event types from trigger words alone; the nearest parties before and after as arguments."""
    named = sorted(
        ((start, end, party) for party in parties(doc).values() for start, end in party.spans),
        key=lambda x: x[0],
    )
    out = []
    for tok in doc.tokens:
        lemma = tok.lemma.casefold()
        trigger = res.events.verb(lemma) if tok.pos == "VERB" else None
        if trigger is None and tok.pos in {"NOUN", "VERB"}:
            trigger = res.events.noun(lemma)
        if trigger is None:
            continue
        before = [p for s, e, p in named if e <= tok.start]
        after = [p for s, e, p in named if s >= tok.end]
        out.append(PredictedEvent(trigger.plover, tuple(before[-1:]), tuple(after[:1])))
    return out


SYSTEMS: dict[str, Predictor] = {"newsgraph": newsgraph_events, "keyword baseline": keyword_events}


def evaluate_events(
    sentences: Sequence[GoldSentence],
    res: Resources,
    progress: Callable[[Sequence[GoldSentence]], Sequence[GoldSentence]] = lambda s: s,
) -> list[EventResult]:
    """Run the whole pipeline once per sentence and score every system on it."""
    pipeline = build(DEFAULT_PIPELINE)
    reports = {name: EventReport() for name in SYSTEMS}
    seconds = 0.0
    for number, sentence in enumerate(progress(sentences)):
        began = time.perf_counter()
        doc = pipeline.run_doc(Doc(id=f"gsr-{number}", source="gold", text=sentence.text), res)
        seconds += time.perf_counter() - began
        for name, predict in SYSTEMS.items():
            score_sentence(sentence, predict(doc, res), reports[name])
    per = seconds / len(sentences) if sentences else 0.0
    return [EventResult(name, report, per) for name, report in reports.items()]
