"""`newsgraph eval quotes` on a tiny PolNeAR-shaped folder, as a user would run it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli.main import app

pytestmark = pytest.mark.model
runner = CliRunner()
TEXT = 'Officials met on Monday.\n\nThe minister said the talks were useful.\n\n"We will return," Smith said.\n'


def gold_folder(root: Path) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    src, cue = TEXT.index("The minister"), TEXT.index("said")
    content = TEXT.index("the talks")
    quote, smith = TEXT.index('"We'), TEXT.index("Smith")
    ann = [
        f"T1\tSource {src} {src + 12}\tThe minister",
        f"T2\tCue {cue} {cue + 4}\tsaid",
        f"T3\tContent {content} {content + 25}\tthe talks were useful",
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1",
        f"T4\tSource {smith} {smith + 5}\tSmith",
        f'T5\tContent {quote} {quote + 17}\t"We will return,"',
        "E2\tAttribution:T4 Content:T5 Source:T4",
    ]
    (root / "attributions" / "a_x1.ann").write_text("\n".join(ann) + "\n", encoding="utf-8")
    return root


def test_prints_both_systems(tmp_path: Path):
    result = runner.invoke(app, ["eval", "quotes", "--gold", str(gold_folder(tmp_path / "g"))])
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if "│ all" in line]
    assert len(rows) == 2 and "newsgraph" in rows[0] and "textacy" in rows[1]
    assert "1 articles, 2 attributions" in result.stdout
    overlap_f1 = float(rows[0].split("│")[6])
    assert overlap_f1 == 1.0


def test_a_folder_that_is_not_polnear_is_named(tmp_path: Path):
    result = runner.invoke(app, ["eval", "quotes", "--gold", str(tmp_path)])
    assert result.exit_code == 2
    assert "no text/ folder" in result.stderr
