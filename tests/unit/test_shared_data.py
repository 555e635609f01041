"""Gold data in ../shared: absent altogether, a test skips; present but broken, it fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import shared_path


def test_no_shared_folder_at_all_skips(tmp_path: Path) -> None:
    with pytest.raises(pytest.skip.Exception, match="not present"):
        shared_path("eval/geo/lgl.xml", root=tmp_path / "shared")


def test_a_shared_folder_missing_a_gold_file_fails_and_names_it(tmp_path: Path) -> None:
    (tmp_path / "eval" / "geo").mkdir(parents=True)
    with pytest.raises(pytest.fail.Exception, match=r"lacks .*eval/geo/lgl\.xml"):
        shared_path("eval/geo/lgl.xml", root=tmp_path)


def test_a_gold_folder_missing_a_file_inside_fails_and_names_it(tmp_path: Path) -> None:
    gold = tmp_path / "eval" / "conflict"
    gold.mkdir(parents=True)
    (gold / "events.json").write_text("{}", "utf-8")
    with pytest.raises(pytest.fail.Exception, match=r"lacks .*articles\.jsonl"):
        shared_path("eval/conflict", "events.json", "articles.jsonl", root=tmp_path)


def test_gold_that_is_there_is_handed_over(tmp_path: Path) -> None:
    (tmp_path / "reference").mkdir()
    (tmp_path / "reference" / "score.py").write_text("", "utf-8")
    assert shared_path("reference", "score.py", root=tmp_path) == tmp_path / "reference"
