"""Read the PLOVER gold standard records (openeventdata/PLOVER, CC BY-SA 4.0).

The file is a JSON list with one record per event: the sentence (`text`), the event type
(`event`), the source and target actors (`actorText` and a CAMEO actor `code`), the mode.
The first record documents the file (`event: DOCUMENT`) and is skipped.

Some records carry labels from before the 16-type PLOVER manual; they are mapped as the
gold data's README says, and where the manual allows two readings both are accepted:

- DEMAND -> REQUEST (CAMEO 10 and 02 both map to REQUEST);
- FIGHT -> ASSAULT;
- DISAPPROVE -> ACCUSE, or REJECT (CAMEO 11 is ACCUSE in CAMEO2PLOVER-2021; a disapproval
  of a proposal reads as a rejection);
- INVESTIGATE -> ACCUSE (CAMEO 09 is ACCUSE with mode "investigate" in CAMEO2PLOVER-2021);
- CRIME -> ASSAULT.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.model import PLOVER_TYPES

# Older label -> (the type it is scored as, every type accepted for it).
OLD_LABELS: dict[str, tuple[str, frozenset[str]]] = {
    "DEMAND": ("REQUEST", frozenset({"REQUEST"})),
    "FIGHT": ("ASSAULT", frozenset({"ASSAULT"})),
    "DISAPPROVE": ("ACCUSE", frozenset({"ACCUSE", "REJECT"})),
    "INVESTIGATE": ("ACCUSE", frozenset({"ACCUSE"})),
    "CRIME": ("ASSAULT", frozenset({"ASSAULT"})),
}


@dataclass(frozen=True, slots=True)
class GoldActor:
    """An actor as the coder marked it: the words in the sentence and the CAMEO actor code."""

    text: str
    code: str


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One coded event of a sentence."""

    id: str
    label: str  # the label in the file, e.g. "DISAPPROVE"
    type: str  # the PLOVER type it is scored as
    accepted: frozenset[str]  # every PLOVER type that counts as a match
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]
    mode: str | None


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """A sentence of the gold file with every event coded in it."""

    text: str
    events: tuple[GoldEvent, ...]


def read_plover_gold(path: Path) -> list[GoldSentence]:
    """The gold sentences in file order, records with the same text grouped into one sentence."""
    try:
        records = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        msg = f"{path}: not a PLOVER gold file ({exc})"
        raise InputError(msg) from exc
    if not isinstance(records, list):
        msg = f"{path}: not a PLOVER gold file (expected a JSON list of records)"
        raise InputError(msg)
    by_text: dict[str, list[GoldEvent]] = {}
    for record in records:
        event = _event(record)
        if event is not None:
            by_text.setdefault(str(record["text"]).strip(), []).append(event)
    return [GoldSentence(text, tuple(events)) for text, events in by_text.items()]


def fingerprint(path: Path) -> str:
    """SHA-256 of the gold file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sample(sentences: Sequence[GoldSentence], every: int) -> list[GoldSentence]:
    """Every `every`-th sentence: a fixed, spread-out sample for the quality gate."""
    return list(sentences[::every])


def _event(record: Any) -> GoldEvent | None:
    """One record as a GoldEvent; None for the DOCUMENT record and for unknown labels."""
    if not isinstance(record, dict) or not record.get("text"):
        return None
    label = str(record.get("event", "")).upper()
    if label in PLOVER_TYPES:
        scored, accepted = label, frozenset({label})
    elif label in OLD_LABELS:
        scored, accepted = OLD_LABELS[label]
    else:
        return None
    return GoldEvent(
        id=str(record.get("id", "")),
        label=label,
        type=scored,
        accepted=accepted,
        sources=_actors(record.get("source")),
        targets=_actors(record.get("target")),
        mode=str(record["mode"]) if record.get("mode") else None,
    )


def _actors(value: Any) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(
        GoldActor(str(a.get("actorText", "")), str(a.get("code", "")))
        for a in value
        if isinstance(a, dict) and a.get("actorText")
    )
