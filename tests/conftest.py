"""Shared fixtures: the real pipeline, built once per test session (model-marked tests only)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from newsgraph.pipeline import Pipeline, build
from newsgraph.resources import Resources

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "examples" / "asapov_deir_ez_zor.txt"
# A GeoNames dump the developer imported must not change what the tests see: every test runs
# without one unless it imports its own (into a folder of its own).
os.environ["NEWSGRAPH_GEONAMES_CACHE"] = str(
    Path(tempfile.gettempdir()) / f"newsgraph-tests-no-geonames-{os.getpid()}"
)


def shared_path(relative: str, *inside: str, root: Path = SHARED) -> Path:
    """`root / relative`, gold data or a corpus in ../shared that a test needs (and the files
    `inside` it that it reads).

    Where ../shared is not there at all (a clean checkout), the test is skipped; where it is,
    a missing piece fails the test and names it: broken gold must never pass as a skip.
    """
    if not root.is_dir():
        pytest.skip(f"{root} not present (the test needs {relative})")
    path = root / relative
    missing = [str(p) for p in (path, *(path / name for name in inside)) if not p.exists()]
    if missing:
        pytest.fail(f"{root} is here but lacks {', '.join(missing)}: restore it", pytrace=False)
    return path


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The default pipeline, checked: a stage that reads or changes a Doc field it does not
    declare fails the test that ran it (contracts.py)."""
    return build(checked=True)


@pytest.fixture(scope="session")
def resources() -> Resources:
    return Resources()
