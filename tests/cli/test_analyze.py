"""`newsgraph analyze` as a user runs it: formats, output file, bad inputs, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLE
from newsgraph.cli.main import app

pytestmark = pytest.mark.model
runner = CliRunner()


def test_markdown_report_by_default():
    result = runner.invoke(app, ["analyze", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    for heading in (
        "## What happened",
        "## Who's who",
        "## Places",
        "## Who said what",
        "## Accusations",
    ):
        assert heading in out
    assert out.index("killed: 1; Valery Asapov") < out.index("**ACCUSE**")  # most severe first
    assert "Deir ez-Zor" in out and "170794" in out


def test_json_to_a_file(tmp_path: Path):
    target = tmp_path / "out" / "graph.json"
    result = runner.invoke(
        app, ["analyze", str(EXAMPLE), "--format", "json", "--output", str(target)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(target.read_text("utf-8"))
    (doc,) = data["documents"]
    assert doc["title"].startswith("Syria: Top Russian general")
    assert not list(target.parent.glob(".graph.json.*"))  # no temporary left behind


def test_a_directory_with_bad_inputs(tmp_path: Path):
    (tmp_path / "good.txt").write_text(EXAMPLE.read_text("utf-8"), encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00")
    (tmp_path / "latin1.txt").write_bytes("Caf\u00e9 attack\n\nBody".encode("latin-1"))
    result = runner.invoke(app, ["analyze", str(tmp_path), "--format", "json"])
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert any("empty.txt: empty file" in line for line in errors)
    assert any("image.png: binary data" in line for line in errors)
    assert any("latin1.txt: not valid utf-8" in line for line in errors)
    assert "Traceback" not in result.stderr
    assert len(json.loads(result.stdout)["documents"]) == 1


def test_encoding_option_reads_latin1(tmp_path: Path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(
        "Caf\u00e9 news\n\nThe minister said the caf\u00e9 was closed.".encode("latin-1")
    )
    result = runner.invoke(app, ["analyze", str(path), "--encoding", "latin-1", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["documents"][0]["title"] == "Caf\u00e9 news"


def test_missing_file_is_named(tmp_path: Path):
    result = runner.invoke(app, ["analyze", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "nope.txt: no such file or directory" in result.stderr


def test_an_input_over_the_budget_is_skipped_and_the_rest_analysed(tmp_path: Path):
    (tmp_path / "good.txt").write_text(EXAMPLE.read_text("utf-8"), encoding="utf-8")
    dump = "A dump\n\n" + EXAMPLE.read_text("utf-8") * 8
    (tmp_path / "dump.txt").write_text(dump, encoding="utf-8")
    result = runner.invoke(
        app, ["analyze", str(tmp_path), "--format", "json", "--max-chars", "10000"]
    )
    assert result.exit_code == 1
    (line,) = [e for e in result.stderr.splitlines() if "dump.txt" in e]
    assert line.endswith("characters is over the 10,000-character budget (--max-chars)")
    assert len(json.loads(result.stdout)["documents"]) == 1


def test_a_document_over_the_time_budget_is_skipped():
    result = runner.invoke(app, ["analyze", str(EXAMPLE), "--doc-timeout", "0.001"])
    assert result.exit_code == 1
    assert f"{EXAMPLE}: took over 0.001 s (--doc-timeout), stopped after " in result.stderr


def test_inputs_that_cannot_even_be_looked_at_are_named_and_the_rest_analysed(tmp_path: Path):
    (tmp_path / "good.txt").write_text(EXAMPLE.read_text("utf-8"), encoding="utf-8")
    too_long = tmp_path / ("a" * 300 + ".txt")  # stat() fails: "file name too long"
    (tmp_path / "x[").mkdir()
    bracketed = tmp_path / "x[" / "y].txt"  # "[/y]" reads as markup to the console
    bracketed.write_bytes(b"\x00\x01")
    args = [str(too_long), str(tmp_path / "good.txt"), str(bracketed), "--format", "json"]
    result = runner.invoke(app, ["analyze", *args])
    assert result.exit_code == 1, result.stderr  # some inputs failed, as with ingest
    errors = result.stderr.splitlines()
    assert f"newsgraph: skipped {too_long}: file name too long" in errors
    assert f"newsgraph: skipped {bracketed}: binary data (NUL bytes), not text" in errors
    assert "Traceback" not in result.stderr
    assert len(json.loads(result.stdout)["documents"]) == 1


def test_utf16_inputs_are_read(tmp_path: Path):
    text = "Caf\u00e9 attack\n\nThe minister said the caf\u00e9 in Idlib was shelled."
    (tmp_path / "marked.txt").write_bytes(text.encode("utf-16"))  # with a byte-order mark
    result = runner.invoke(app, ["analyze", str(tmp_path / "marked.txt"), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["documents"][0]["title"] == "Caf\u00e9 attack"
    (tmp_path / "bare.txt").write_bytes(text.encode("utf-16-le"))  # no mark: name it
    args = [str(tmp_path / "bare.txt"), "--encoding", "utf-16", "--format", "json"]
    result = runner.invoke(app, ["analyze", *args])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["documents"][0]["title"] == "Caf\u00e9 attack"
