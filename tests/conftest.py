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
    """The default pipeline, checked: a stage that reads or changes a Doc field it does not
    declare fails the test that ran it (contracts.py)."""
    return build(checked=True)


@pytest.fixture(scope="session")
def resources() -> Resources:
    return Resources()


@pytest.fixture(autouse=True)
def rules_only(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Unit tests of the quote rules see every quote the rules find: the learned confidence
    filter (tested on its own, marked `confidence`) would judge their hand-made parses, which
    carry no tagger marks."""
    unit = ROOT / "tests" / "unit"
    if unit in Path(request.node.path).parents and not request.node.get_closest_marker(
        "confidence"
    ):
        import newsgraph.extract.quote_confidence as quote_confidence

        monkeypatch.setattr(quote_confidence, "confidence_model", lambda: None)
