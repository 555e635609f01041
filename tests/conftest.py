"""Shared fixtures: the real pipeline, built once per test session (model-marked tests only)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.pipeline import Pipeline, build
from newsgraph.resources import Resources

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "examples" / "asapov_deir_ez_zor.txt"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return build()


@pytest.fixture(scope="session")
def resources() -> Resources:
    return Resources()
