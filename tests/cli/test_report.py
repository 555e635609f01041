"""`newsgraph report` and `newsgraph serve` options, over a store holding the reference article."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLE
from newsgraph.cli.main import app

pytestmark = pytest.mark.model
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "r.duckdb"
    hostile = path.parent / "hostile.csv"
    hostile.write_text(
        "title,text,date\n"
        '"Army <script>alert(1)</script> shelled Homs","Rebels said the army shelled Homs on '
        'Monday <img src=x onerror=""alert(2)"">, killing five people.",2017-04-05\n',
        "utf-8",
    )
    columns = ["--csv-text", "text", "--csv-title", "title", "--csv-date", "date"]
    result = runner.invoke(app, ["ingest", str(EXAMPLE), str(hostile), *columns, "--db", str(path)])
    assert result.exit_code == 0, result.stderr
    return path


def test_an_html_report_is_one_self_contained_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text("utf-8")
    assert page.count("<svg") == 2 and "<path d=" in page  # the map and the timeline, inline
    assert "<script" not in page.replace("&lt;script", "") and "src=" not in page.replace(
        "src=x", ""
    )
    assert "&lt;img src=x onerror=" in page  # article text escaped, not dropped
    for heading in ("What happened", "Who said what", "Open disputes"):
        assert heading in page
    assert page.index("ASSAULT") < page.index("ACCUSE")  # most severe first
    assert "Russia accuses United States" in page or "United States accuses Russia" in page


def test_a_markdown_report_filtered_by_place(db: Path) -> None:
    result = runner.invoke(app, ["report", "--db", str(db), "--place", "Deir", "--format", "md"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("# Situation report: place Deir")
    what = text.split("## What happened")[1].split("## Who said what")[0]
    lines = [x for x in what.splitlines() if x.startswith("- ")]
    assert lines and all("Deir" in x for x in lines)


def test_the_report_marks_claims_one_side_alone_tells(db: Path) -> None:
    result = runner.invoke(app, ["report", "--db", str(db), "--format", "md"])
    assert result.exit_code == 0, result.output
    disputes = result.stdout.split("## Open disputes")[1]
    ryabkov = [x for x in disputes.splitlines() if "price paid with blood" in x]
    assert ryabkov  # under Sergey Ryabkov / United States, and Russia / United States
    for line in ryabkov:
        assert "origins: Sergey Ryabkov (Russia) via RIA (Russia, state)" in line
        assert line.endswith("**one side only**")
    # told in the article's own voice: one origin, of no side
    what = result.stdout.split("## What happened")[1].split("## Who said what")[0]
    (killing,) = [x for x in what.splitlines() if "Valery Asapov" in x]
    assert "(article)" in killing and "one side only" not in killing


def test_serving_beyond_loopback_needs_a_token(db: Path) -> None:
    result = runner.invoke(app, ["serve", "--db", str(db), "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "--token" in result.stderr
