"""The conflict scorer: the gold set's own matching rules, checked against its score.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import shared_path
from newsgraph.eval.conflict import read_gold
from newsgraph.eval.conflict_scores import count, fields, same_name, score_documents

TEXT_A = (
    "Air strikes kill 12 in Douma\n\nWarplanes struck Douma on Sunday killing 12 civilians. "
    "The Observatory said rebels shelled Damascus. Russia denied the reports."
)
TEXT_B = "Talks open in Geneva\n\nThe opposition called for a ceasefire, its spokesman said."


def _gold_folder(tmp: Path) -> Path:
    folder = tmp / "gold"
    (folder / "articles").mkdir(parents=True)
    rows = [("a1", TEXT_A, "2016-02-08"), ("b2", TEXT_B, "2016-02-09")]
    lines = []
    for unit, text, day in rows:
        (folder / "articles" / f"{unit}.txt").write_text(text, encoding="utf-8")
        title, body = text.split("\n\n", 1)
        lines.append(json.dumps({"id": unit, "title": title, "text": body, "date": day}))
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    strike = {
        "type": "ASSAULT",
        "mode": "aerial",
        "actor": [],
        "recipient": ["civilians"],
        "location": ["Douma", "Syria"],
        "day": "2016-02-07",
        "killed": 12,
        "status": "asserted",
        "evidence": "Warplanes struck Douma on Sunday killing 12 civilians.",
    }
    shelling = {
        "type": "ASSAULT",
        "mode": "heavy-weapons",
        "actor": ["Syrian opposition"],
        "recipient": [],
        "location": ["Damascus"],
        "day": None,
        "killed": None,
        "status": "claimed",
        "evidence": "The Observatory said rebels shelled Damascus.",
    }
    call = {
        "type": "REQUEST",
        "mode": None,
        "actor": ["Syrian opposition"],
        "recipient": [],
        "location": [],
        "day": None,
        "killed": None,
        "status": "asserted",
        "evidence": "The opposition called for a ceasefire",
    }
    events = {"a1": {"events": [strike, shelling]}, "b2": {"events": [call]}}
    (folder / "events.json").write_text(json.dumps(events), encoding="utf-8")
    quotes = {
        "b2": {
            "quotes": [{"content": "The opposition called for a ceasefire", "speaker": "spokesman"}]
        }
    }
    (folder / "quotes.json").write_text(json.dumps(quotes), encoding="utf-8")
    return folder


def _span(text: str, words: str) -> dict[str, object]:
    at = text.index(words)
    return {"start": at, "end": at + len(words), "text": words}


def _predictions() -> list[dict[str, object]]:
    a = TEXT_A
    right = {
        "type": "ASSAULT",
        "mode": "air strike",
        "actor": [],
        "recipient": ["civilians"],
        "location": ["Douma", "Syria"],
        "day": "2016-02-07",
        "fatalities": 12,
        "killed": [],
        "status": "asserted",
        "evidence": _span(a, "Air strikes kill 12 in Douma"),
        "mentions": [_span(a, "Warplanes struck Douma")],
    }
    second = dict(right, evidence=_span(a, "killing 12 civilians"), mentions=[])
    wrong_sides = {
        "type": "ASSAULT",
        "mode": "shelling",
        "actor": ["Syria"],
        "recipient": [],
        "location": ["Damascus"],
        "status": "asserted",
        "evidence": _span(a, "rebels shelled Damascus"),
    }
    hypothetical = dict(wrong_sides, status="hypothetical", evidence=_span(a, "Russia denied"))
    b = TEXT_B
    call = {
        "type": "REQUEST",
        "actor": ["Syrian opposition"],
        "recipient": [],
        "status": "asserted",
        "evidence": _span(b, "called for a ceasefire"),
    }
    quote = {"start": b.index("The opp"), "end": b.index(", its"), "speaker": "spokesman"}
    return [
        {"text": a, "events": [right, second, wrong_sides, hypothetical], "quotes": []},
        {"text": b, "events": [call], "quotes": [quote]},
    ]


def test_incidents_take_one_record_each_and_fields_are_scored(tmp_path):
    score = score_documents(_predictions(), read_gold(_gold_folder(tmp_path)), verbose=True)
    assert (score.gold, score.predicted, score.matched) == (3, 4, 3)  # hypothetical unscored
    assert score.strict == 2  # the shelling has its sides wrong and its status
    figures = score.figures()
    assert figures["actor"] == pytest.approx(2 / 3)
    assert figures["killed"] == 1.0
    assert figures["ratio"] == pytest.approx(4 / 3)
    assert any(line.startswith("  EXTRA a1 ASSAULT") for line in score.details)
    assert any("FIELD a1 ASSAULT wrong ['actor', 'status']" in line for line in score.details)
    assert (score.quote_found, score.speaker_ok) == (1, 1)


def test_fields_read_numbers_and_names_as_the_annotators_meant():
    assert count(["12"]) == 12 and count(["Valery Asapov"]) == 1 and count(["zero"]) == 0
    assert count(7) == 7 and count([]) is None
    assert same_name("Syrian government forces", "Syria") is False  # "Syrian" is no "Syria"
    assert same_name("regime forces of Syria", "Syria")
    assert same_name("civilians", "residents")
    gold = {"type": "ASSAULT", "actor": ["Syria"], "recipient": [], "location": ["Aleppo"]}
    got = fields(gold, {"actor": ["Syria", "Russia"], "recipient": ["rebels"]})
    assert got["actor"] and not got["recipient"] and not got["location"]


def test_the_same_figures_as_the_gold_sets_own_scorer(tmp_path):
    score_py = shared_path("eval/conflict/score.py")
    folder = _gold_folder(tmp_path)
    predicted = tmp_path / "predicted.json"
    predicted.write_text(json.dumps({"documents": _predictions()}), encoding="utf-8")
    theirs = subprocess.run(
        [sys.executable, str(score_py), str(predicted), "--gold", str(folder), "--verbose"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    ours = score_documents(_predictions(), read_gold(folder), verbose=True)
    assert [*ours.details, *ours.summary()] == theirs
