"""`newsgraph eval events` on a tiny PLOVER-shaped gold file, as a user would run it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli.main import app

pytestmark = pytest.mark.model
runner = CliRunner()
RECORDS = [
    {"event": "DOCUMENT", "id": "doc"},
    {
        "event": "DEMAND",
        "id": "r1",
        "text": "Brazil demanded that Paraguay release the men.",
        "source": [{"actorText": "Brazil", "code": "BRA"}],
        "target": [{"actorText": "Paraguay", "code": "PRY"}],
    },
    {
        "event": "ASSAULT",
        "id": "r2",
        "text": "Rebel gunners shelled government troops in Goma overnight.",
        "target": [{"actorText": "government troops", "code": "CODMIL"}],
    },
]


def test_prints_both_systems_with_macro_f1_and_argument_accuracy(tmp_path: Path):
    gold = tmp_path / "gsr.json"
    gold.write_text(json.dumps(RECORDS), "utf-8")
    result = runner.invoke(app, ["eval", "events", "--gold", str(gold)])
    assert result.exit_code == 0, result.output
    assert "2 sentences, 2 events" in result.stdout

    def figure(system: str, row: str) -> float:
        line = next(x for x in result.stdout.splitlines() if system in x and f"│ {row}" in x)
        return float(line.split("│")[-2])

    assert figure("newsgraph", "macro F1") == 1.0
    assert figure("newsgraph", "actor accuracy") == 1.0
    assert figure("newsgraph", "recipient accuracy") == 1.0
    assert figure("keyword baseline", "REQUEST") >= 0.0
    assert "ms per sentence" in result.stdout


def test_a_missing_or_malformed_gold_file_is_named(tmp_path: Path):
    result = runner.invoke(app, ["eval", "events", "--gold", str(tmp_path / "none.json")])
    assert result.exit_code == 2
    assert "none.json" in result.stderr
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    result = runner.invoke(app, ["eval", "events", "--gold", str(bad)])
    assert result.exit_code == 2
    assert "bad.json" in result.stderr and "Traceback" not in result.output
