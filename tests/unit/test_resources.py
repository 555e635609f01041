"""Data through one door: a missing packaged file is an error naming it, and a Resources built
on another shares what that one loads."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newsgraph.data_files import read_text
from newsgraph.errors import MissingData, ResourceError
from newsgraph.resolve.titles import TitleWords
from newsgraph.resources import Resources


def test_a_missing_data_file_is_an_error_naming_it():
    with pytest.raises(MissingData, match=r"newsgraph/data/quotes/nope\.tsv is missing: run x\.py"):
        read_text("quotes/nope.tsv", "x.py")
    assert issubclass(MissingData, ResourceError)


def test_a_resources_on_a_base_shares_what_the_base_loads():
    base = Resources()
    titles = TitleWords(frozenset({"general"}))
    mine = Resources(titles=titles, base=base)
    assert mine.titles is titles
    assert mine.place_names is base.place_names  # loaded once, in the base


def test_importing_resources_imports_no_stage():
    code = "import sys, newsgraph.resources; print(sorted(m for m in sys.modules if 'newsgraph.' in m))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['newsgraph.resources']"
