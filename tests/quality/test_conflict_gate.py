"""Quality gate: incidents on analyst-annotated conflict news, with the pipeline users run.

`eval/conflict.py` builds the default pipeline exactly as `newsgraph analyze` does, so
removing a stage, or a rule of the event stage, shows here. Two gold sets: the 60 articles of
the development set in ../shared (hashed; skipped where ../shared is absent, failed where it lacks the set) and the 30 held-out articles
shipped in eval/conflict_more (annotated apart and never used to find rules). Floors sit just
under the measured figures: raise one when the stage improves, never lower one to pass.
"""

from __future__ import annotations

import pytest

from conftest import ROOT, shared_path
from newsgraph.eval.conflict import evaluate, fingerprint

pytestmark = pytest.mark.model
GOLD_FILES = ("articles.jsonl", "events.json", "quotes.json")
DEVELOPMENT_SHA256 = "542337a2a740218f2457ed106285c2de75b124c29c3dae87a2d2790885fdeba5"
HELD_OUT = ROOT / "eval" / "conflict_more"
HELD_OUT_SHA256 = "cf5b10c7e1cb7539340a56a40805bf986d8cb2a76fdada044232ef45101abf1c"
# Measured on the development set: event F1 0.562 (P 0.475, R 0.689), 1.45 records per
# incident, strict 0.124; on matched records mode 0.856, actor 0.681, recipient 0.718,
# location 0.809, day 0.872, killed 0.883, status 0.819. Quotes: overlap F1 0.823, speaker
# 0.792 (0.651 before references.v1), via 0.882 (0.020 before the outlet rules).
DEVELOPMENT_FLOORS = {
    "quote_f1": 0.81,
    "speaker": 0.78,
    "via": 0.87,
    "event_f1": 0.555,
    "mode": 0.84,
    "actor": 0.67,
    "recipient": 0.71,
    "location": 0.80,
    "day": 0.855,
    "killed": 0.87,
    "status": 0.80,
}
# Measured on the held-out set: event F1 0.532 (P 0.441, R 0.670), 1.52 records per incident;
# mode 0.907, actor 0.600, recipient 0.653, location 0.853, day 0.853, killed 0.867,
# status 0.813.
HELD_OUT_FLOORS = {
    "event_f1": 0.525,
    "mode": 0.89,
    "actor": 0.59,
    "recipient": 0.64,
    "location": 0.84,
    "day": 0.84,
    "killed": 0.855,
    "status": 0.80,
}
# Records per incident: the shipped pipeline gave 2.75 (development) and 3.00 (held out) before
# events became incidents; 1.39 and 1.50 before parties named by role ("regime forces",
# "rebels") and armed groups no lexicon knew became actors: with more parties named, fewer
# mentions are too thin to load and fewer merge, mostly acts the annotators left uncoded.
MAX_RATIO = {"development": 1.46, "held out": 1.55}


def check(folder, digest, floors, resources, name, pipeline=None):
    """The gold set's figures hold its floors, with the default pipeline unless `pipeline` is
    given (tests/golden/test_stage_removal.py passes one a stage short)."""
    assert fingerprint(folder) == digest, "the gold files changed: re-pin on purpose"
    score, _documents = evaluate(folder, resources, pipeline=pipeline)
    figures = score.figures()
    low = {k: round(figures[k], 3) for k in floors if figures[k] < floors[k]}
    assert not low, f"below the pinned floors {floors}: {low}"
    ratio = figures["ratio"]
    assert ratio <= MAX_RATIO[name], f"{ratio:.2f} records per incident"


def test_development_set_holds_its_floors(resources):
    development = shared_path("eval/conflict", *GOLD_FILES)
    check(development, DEVELOPMENT_SHA256, DEVELOPMENT_FLOORS, resources, "development")


def test_held_out_set_holds_its_floors(resources):
    check(HELD_OUT, HELD_OUT_SHA256, HELD_OUT_FLOORS, resources, "held out")
