"""Scoring coded events against the PLOVER gold records.

Each gold sentence is run on its own. Scoring is by event type within a sentence:

- a gold event is found when the system reports an event of an accepted type in the
  sentence (each predicted event answers one gold event); otherwise it is a miss for its type;
- every predicted type that answers no gold event of the sentence is a false alarm for that
  type (a type counts once per sentence, however many triggers name it);
- per-type precision / recall / F1, and macro F1 over the types the gold data has;
- on found events, actor accuracy over gold events with a source and recipient accuracy over
  gold events with a target: the predicted party matches when its words in the sentence overlap
  the gold actor's words, or its CAMEO country code is the gold code's country.

Only events reported as having happened, claimed or threatened are scored: an event the
system marks hypothetical or denied ("would attack", "did not attack") is not a coded event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsgraph.eval.plover_gold import GoldActor, GoldEvent, GoldSentence

SCORED_STATUS = frozenset({"asserted", "claimed", "threatened"})
# Sector codes that say what kind of party, not whose: they match nothing by code alone.
GENERIC_CODES = frozenset(
    {"IGO", "NGO", "GOV", "MIL", "REB", "COP", "JUD", "OPP", "CVL", "BUS", "MED", "EDU", "UNK"}
)


@dataclass(frozen=True, slots=True)
class Party:
    """A predicted actor or recipient: its character spans in the sentence and CAMEO codes."""

    name: str
    spans: tuple[tuple[int, int], ...] = ()
    codes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PredictedEvent:
    """One predicted event of a sentence, reduced to what is scored."""

    type: str
    actors: tuple[Party, ...] = ()
    recipients: tuple[Party, ...] = ()


@dataclass(slots=True)
class TypeTally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def f1(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(slots=True)
class EventReport:
    """Per-type tallies and argument accuracy over a gold set."""

    types: dict[str, TypeTally] = field(default_factory=dict)
    gold_types: set[str] = field(default_factory=set)
    actor_right: int = 0
    actor_total: int = 0
    recipient_right: int = 0
    recipient_total: int = 0

    def tally(self, event_type: str) -> TypeTally:
        return self.types.setdefault(event_type, TypeTally())

    def macro_f1(self) -> float:
        """Mean F1 over the types present in the gold data."""
        scores = [self.tally(t).f1()[2] for t in sorted(self.gold_types)]
        return sum(scores) / len(scores) if scores else 0.0

    def micro(self) -> tuple[float, float, float]:
        total = TypeTally(
            sum(t.tp for t in self.types.values()),
            sum(t.fp for t in self.types.values()),
            sum(t.fn for t in self.types.values()),
        )
        return total.f1()

    def actor_accuracy(self) -> float:
        return self.actor_right / self.actor_total if self.actor_total else 0.0

    def recipient_accuracy(self) -> float:
        return self.recipient_right / self.recipient_total if self.recipient_total else 0.0


def score_sentence(
    sentence: GoldSentence, predicted: Sequence[PredictedEvent], report: EventReport
) -> None:
    """Add one sentence's matches, misses and false alarms to `report`."""
    free = list(predicted)
    answered: set[str] = set()
    for gold in sentence.events:
        report.gold_types.add(gold.type)
        match = _best_match(gold, free, sentence.text)
        if match is None:
            report.tally(gold.type).fn += 1
            continue
        free.remove(match)
        answered.add(match.type)
        report.tally(match.type).tp += 1
        if gold.sources:
            report.actor_total += 1
            report.actor_right += _agrees(match.actors, gold.sources, sentence.text)
        if gold.targets:
            report.recipient_total += 1
            report.recipient_right += _agrees(match.recipients, gold.targets, sentence.text)
    for extra in sorted({p.type for p in free} - answered):
        report.tally(extra).fp += 1


def _best_match(
    gold: GoldEvent, free: Sequence[PredictedEvent], text: str
) -> PredictedEvent | None:
    """Of the unused predictions of an accepted type, the one whose arguments agree best."""
    candidates = [p for p in free if p.type in gold.accepted]
    if not candidates:
        return None
    return max(
        candidates,
        key=lambda p: (
            _agrees(p.actors, gold.sources, text) + _agrees(p.recipients, gold.targets, text)
        ),
    )


def _agrees(parties: Sequence[Party], gold: Sequence[GoldActor], text: str) -> bool:
    """Whether any predicted party names any of the gold actors."""
    gold_spans = [s for actor in gold for s in find_all(actor.text, text)]
    gold_codes = {a.code[:3] for a in gold if len(a.code) >= 3 and a.code[:3] not in GENERIC_CODES}
    gold_words = {a.text.casefold() for a in gold}
    for party in parties:
        if any(ps < ge and gs < pe for ps, pe in party.spans for gs, ge in gold_spans):
            return True
        if party.name.casefold() in gold_words:
            return True
        if any(code[:3] in gold_codes for code in party.codes if code):
            return True
    return False


def find_all(words: str, text: str) -> list[tuple[int, int]]:
    """Every place `words` occurs in `text`, ignoring case and runs of spaces."""
    if not words.strip():
        return []
    pattern = r"\s+".join(re.escape(w) for w in words.split())
    return [(m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)]
