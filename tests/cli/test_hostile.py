"""Hostile and careless input through the commands users run: names with markup, dataset
rows without titles, an --output that is a folder, CSV that a spreadsheet would execute."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from conftest import EXAMPLE
from newsgraph.cli.main import app
from newsgraph.model import Doc, Quote
from newsgraph.store.db import Store

pytestmark = pytest.mark.model
runner = CliRunner()
PARAGRAPHS = [
    "Government air strikes killed 12 civilians in the rebel-held town of Saraqeb on Monday, "
    "the Syrian Observatory for Human Rights said.",
    "Rescue workers said the toll could rise as people remained under the rubble.",
]
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Saraqeb strike</title><link>http://example.com/ok</link>
<description>{body}</description></item>
<item><title>Empty</title><link>http://example.com/[/red]</link></item>
</channel></rss>"""


def _documents(db: Path) -> list[tuple[str, str | None]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT text, title FROM documents ORDER BY text").fetchall()
    finally:
        con.close()


def test_markup_in_a_file_name_is_printed_as_written_and_the_run_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(EXAMPLE.read_text("utf-8"), "utf-8")
    missing = str(tmp_path / "[/red]missing.txt")
    db = tmp_path / "g.duckdb"
    result = runner.invoke(app, ["ingest", str(good), missing, "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert f"{missing}: no such file" in result.stderr and "Traceback" not in result.stderr
    assert len(_documents(db)) == 1
    result = runner.invoke(app, ["analyze", str(good), missing, "--format", "json"])
    assert result.exit_code == 1 and f"{missing}: no such file" in result.stderr
    assert len(json.loads(result.stdout)["documents"]) == 1


def test_markup_in_a_feed_link_is_printed_as_written(tmp_path: Path) -> None:
    feed = tmp_path / "wire.rss"
    feed.write_text(FEED.format(body=" ".join(PARAGRAPHS)), "utf-8")
    db = tmp_path / "g.duckdb"
    result = runner.invoke(app, ["ingest", str(feed), "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert "http://example.com/[/red]: feed item has no text" in result.stderr
    assert len(_documents(db)) == 1


def test_dataset_rows_never_lose_a_paragraph_to_a_title(tmp_path: Path) -> None:
    rows = [{"text": PARAGRAPHS[0]}, {"text": "\n\n".join(PARAGRAPHS)}]
    table = tmp_path / "rows.csv"
    with table.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["text"])
        writer.writeheader()
        writer.writerows(rows)
    lines = tmp_path / "rows.jsonl"
    lines.write_text("".join(json.dumps({"text": r["text"] + " (jsonl)"}) + "\n" for r in rows))
    db = tmp_path / "g.duckdb"
    result = runner.invoke(
        app, ["ingest", str(table), str(lines), "--db", str(db), "--csv-text", "text"]
    )
    assert result.exit_code == 0, result.output
    stored = _documents(db)
    assert len(stored) == 4 and all(text.startswith(PARAGRAPHS[0][:40]) for text, _ in stored)
    assert all(title is None for _, title in stored)
    # the positive twin: a plain-text file still opens with its headline
    plain = tmp_path / "plain.txt"
    plain.write_text("Strike on Saraqeb\n\n" + "\n\n".join(PARAGRAPHS), "utf-8")
    runner.invoke(app, ["ingest", str(plain), "--db", str(db)])
    assert ("\n\n".join(PARAGRAPHS), "Strike on Saraqeb") in _documents(db)


def test_an_output_that_is_a_folder_is_one_line_and_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    result = runner.invoke(app, ["analyze", str(EXAMPLE), "--output", str(folder)])
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == f"newsgraph: error: {folder}: is a directory (--output names the file to write)"
    )
    assert list(folder.iterdir()) == [] and sorted(tmp_path.iterdir()) == [folder]


def test_query_csv_writes_no_formula(tmp_path: Path) -> None:
    text = '=HYPERLINK("http://evil.example") was posted, @rebels said.'
    quote = Quote(0, 33, text[:33], "direct", "said", "@rebels", via=("+wire",))
    doc = Doc(id="h", source="h.txt", text=text, title="t", quotes=(quote,), stages=("x",))
    db = tmp_path / "g.duckdb"
    with Store(db) as store:
        store.write([doc])
    result = runner.invoke(app, ["query", "quotes", "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    cells = [c for row in rows[1:] for c in row]
    assert '\'=HYPERLINK("http://evil.example")' in cells and "'@rebels" in cells
    assert not any(c.startswith(("=", "@", "+")) for c in cells)


def test_a_big_file_under_a_raised_cap_is_one_line_never_the_parsers_message(
    tmp_path: Path,
) -> None:
    big = tmp_path / "big.txt"
    big.write_text("A dump\n\n" + EXAMPLE.read_text("utf-8") * 600, "utf-8")  # ~2.4 MB
    args = ["analyze", str(big), "--max-bytes", "60000000", "--format", "json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    assert "over the 500,000-character budget (--max-chars)" in result.stderr
    result = runner.invoke(app, [*args, "--max-chars", "3000000"])
    assert result.exit_code == 2 and "--max-chars" in result.stderr
    assert "E088" not in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["ingest", "x.txt", "--workers", "-1"],
        ["ingest", "x.txt", "--batch", "0"],
        ["ingest", "x.txt", "--max-bytes", "-5"],
        ["analyze", "x.txt", "--max-bytes", "0"],
        ["query", "events", "--limit", "-1"],
    ],
)
def test_a_number_out_of_range_is_a_bad_option(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "Invalid value" in result.output
    assert "Traceback" not in result.output


def test_numbers_in_range_are_taken(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text(EXAMPLE.read_text("utf-8"), "utf-8")
    db = tmp_path / "g.duckdb"
    args = ["ingest", str(good), "--db", str(db), "--workers", "1", "--batch", "1"]
    assert runner.invoke(app, [*args, "--max-bytes", "100000"]).exit_code == 0
    result = runner.invoke(app, ["query", "events", "--db", str(db), "--limit", "0"])
    assert result.exit_code == 0
