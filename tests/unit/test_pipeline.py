import pytest

from newsgraph.errors import PipelineError
from newsgraph.pipeline import build, run_many
from newsgraph.registry import DEFAULT_PIPELINE, STAGES


def test_default_pipeline_builds_in_order():
    assert [s.name for s in build().stages] == list(DEFAULT_PIPELINE)


def test_a_stage_before_its_inputs_is_refused():
    with pytest.raises(PipelineError, match=r"events\.v1 needs"):
        build(["parse.v1", "events.v1"])


def test_unknown_stage_is_refused():
    with pytest.raises(PipelineError, match="unknown stage"):
        build(["parse.v2"])


def test_every_registered_stage_is_reachable():
    produced = {"text"}
    for name in DEFAULT_PIPELINE:
        produced |= STAGES[name].produces
    assert all(STAGES[n].requires <= produced for n in STAGES)


def test_failed_reads_pass_through_run_many():
    from newsgraph.errors import EmptyInput
    from newsgraph.pipeline import Outcome

    failed = Outcome("x.txt", error=EmptyInput("empty file"))
    assert list(run_many(build([]), [failed], res=None)) == [failed]  # type: ignore[arg-type]


def test_a_crashing_stage_fails_one_document_not_the_run():
    from newsgraph.model import Article
    from newsgraph.pipeline import Pipeline
    from newsgraph.registry import Stage

    def broken(doc, res):
        raise ZeroDivisionError("boom")

    pipeline = Pipeline((Stage("broken.v1", broken, frozenset(), frozenset()),))
    (outcome,) = run_many(pipeline, [Article("a.txt", "Title\n\nBody.")], res=None)  # type: ignore[arg-type]
    assert outcome.doc is None
    assert "stage broken.v1 failed: ZeroDivisionError: boom" in str(outcome.error)
