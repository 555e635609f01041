"""`newsgraph load` refuses a folder that is not a Ray engine's output, in one line."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli.main import app


def test_loading_a_folder_without_partitions_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["load", str(tmp_path), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2
    assert "no documents/ folder" in result.stderr and "Traceback" not in result.output
