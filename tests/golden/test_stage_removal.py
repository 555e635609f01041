"""Removing any stage from the default pipeline fails a golden test or a quality gate.

For each stage of DEFAULT_PIPELINE in turn, the pipeline without it: `build` refuses it where a
later stage needs what it produces (caught there); otherwise its output on the reference article
must fail one of that article's golden tests (tests/golden/test_reference_article.py), or else
its output on the held-out conflict articles must fall below that gate's floors. A stage no
test misses is a stage no test measures.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import test_reference_article as reference

from conftest import EXAMPLE
from newsgraph.errors import PipelineError
from newsgraph.ingest.text import read_text_file
from newsgraph.model import Doc
from newsgraph.pipeline import Pipeline, build
from newsgraph.registry import DEFAULT_PIPELINE
from newsgraph.resources import Resources
from quality.test_conflict_gate import HELD_OUT, HELD_OUT_FLOORS, HELD_OUT_SHA256, check

pytestmark = pytest.mark.model
# Any removal fails this one by the stage's name alone, without measuring what the stage does.
BY_NAME_ONLY = {"test_each_stage_is_recorded_once_in_order"}
GOLDEN: dict[str, Callable[..., None]] = {
    name: test
    for name, test in vars(reference).items()
    if name.startswith("test_") and callable(test) and name not in BY_NAME_ONLY
}


def failing(doc: Doc, tmp_path: Path) -> set[str]:
    """The reference article's golden tests that `doc` fails."""
    failed = set()
    for name, test in GOLDEN.items():
        given: dict[str, Any] = {"doc": doc, "tmp_path": tmp_path}
        try:
            test(**{p: given[p] for p in inspect.signature(test).parameters})
        except Exception:  # a golden test fails on any error: `(gas,) = []` as much as an assert
            failed.add(name)
        except pytest.skip.Exception:  # ../shared absent: that test measures nothing here
            pass
    return failed


@pytest.fixture(scope="module")
def passing_in_full(pipeline: Pipeline, resources: Resources, tmp_path_factory) -> set[str]:
    """The golden tests the full default pipeline passes: only these can catch a removal."""
    doc = pipeline.run(read_text_file(EXAMPLE), resources)
    return set(GOLDEN) - failing(doc, tmp_path_factory.mktemp("full"))


@pytest.mark.parametrize("stage", DEFAULT_PIPELINE)
def test_removing_a_stage_fails_a_golden_test_or_a_gate(
    stage: str, passing_in_full: set[str], resources: Resources, tmp_path: Path
) -> None:
    try:
        pipeline = build([name for name in DEFAULT_PIPELINE if name != stage])
    except PipelineError as refused:  # a later stage needs what it produces
        assert "from upstream" in str(refused)
        return
    doc = pipeline.run(read_text_file(EXAMPLE), resources)
    if failing(doc, tmp_path) & passing_in_full:
        return
    try:
        check(HELD_OUT, HELD_OUT_SHA256, HELD_OUT_FLOORS, resources, "held out", pipeline)
    except AssertionError:
        return
    pytest.fail(
        f"without {stage}, every golden test of the reference article and the held-out gate pass"
    )
