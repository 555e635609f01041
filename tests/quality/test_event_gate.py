"""Quality gate: event coding on the PLOVER gold records must not fall below pinned floors.

The gold file is small (316 sentences, ~7 s), so the gate scores all of it. It is hashed so
that a floor can never be kept by a silently changed gold set. Raise a floor when the stage
improves; never lower one to make a change pass.
"""

from __future__ import annotations

import pytest

from conftest import shared_path
from newsgraph.eval.events import evaluate_events
from newsgraph.eval.plover_gold import fingerprint, read_plover_gold

pytestmark = pytest.mark.model
GSR = "eval/events/PLOVER_GSR_CAMEO.txt"
GSR_SHA256 = "f0d516858bf7ad05283ed0f8e6b1ea66d9ee4175703877d5ab0598503aa1a558"
# Measured: macro F1 0.632, actor accuracy 0.863, recipient accuracy 0.663; the keyword
# baseline: macro F1 0.390. Recipient accuracy fell from 0.770 on purpose when events became
# incidents: a place is never a recipient ("shelled Goma" has Goma as its location), while
# PLOVER's gold codes the town as the target.
FLOORS = {"macro F1": 0.625, "actor": 0.85, "recipient": 0.65}


def test_event_coding_holds_its_floors(resources):
    gsr = shared_path(GSR)
    assert fingerprint(gsr) == GSR_SHA256, "the gold file changed: re-pin on purpose"
    ours, baseline = evaluate_events(read_plover_gold(gsr), resources)
    figures = {
        "macro F1": ours.report.macro_f1(),
        "actor": ours.report.actor_accuracy(),
        "recipient": ours.report.recipient_accuracy(),
    }
    low = {k: round(v, 3) for k, v in figures.items() if v < FLOORS[k]}
    assert not low, f"below the pinned floors {FLOORS}: {low}"
    assert figures["macro F1"] > baseline.report.macro_f1() + 0.1
