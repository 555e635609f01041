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
    from newsgraph.contracts import CLEAN_FIELDS

    produced = set(CLEAN_FIELDS)
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


class _Clock:
    """Time that passes only when a stage says so: budgets tested without waiting."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _stages(clock: _Clock, seconds: float, count: int, ran: list[str]) -> tuple:
    from newsgraph.registry import Stage

    def make(n: int):
        def slow(doc, res):
            ran.append(f"{doc.source}:{n}")
            clock.now += seconds * (2 if "slow" in doc.source else 1)
            return doc

        return Stage(f"step{n}.v1", slow, frozenset(), frozenset())

    return tuple(make(n) for n in range(count))


def test_a_document_over_the_length_budget_is_skipped_before_any_stage():
    from newsgraph.errors import OverBudget
    from newsgraph.model import Article
    from newsgraph.pipeline import Budget, Pipeline

    ran: list[str] = []
    pipeline = Pipeline(_stages(_Clock(), 1.0, 2, ran))
    long, short = Article("long.txt", "Title\n\n" + "word " * 30), Article("ok.txt", "T\n\nBody.")
    outcomes = list(run_many(pipeline, [long, short], None, Budget(max_chars=100)))  # type: ignore[arg-type]
    assert isinstance(outcomes[0].error, OverBudget)
    assert str(outcomes[0].error) == (
        "149 characters is over the 100-character budget (--max-chars)"
    )
    assert outcomes[1].doc is not None
    assert ran == ["ok.txt:0", "ok.txt:1"]  # nothing was spent on the long one


def test_a_document_over_the_time_budget_stops_between_stages():
    from newsgraph.errors import OverBudget
    from newsgraph.model import Article
    from newsgraph.pipeline import Budget, Pipeline

    clock, ran = _Clock(), []
    pipeline = Pipeline(_stages(clock, 25.0, 4, ran))
    budget = Budget(seconds=120, clock=clock)
    articles = [Article("slow.txt", "T\n\nBody."), Article("ok.txt", "T\n\nBody.")]
    slow, ok = run_many(pipeline, articles, None, budget)  # type: ignore[arg-type]
    # 50 s a stage: over 120 s after the third, so the fourth never starts
    assert slow.doc is None and isinstance(slow.error, OverBudget)
    assert str(slow.error) == "took over 120 s (--doc-timeout), stopped after step2.v1"
    assert ok.doc is not None and ok.doc.stages[-1] == "step3.v1"  # 100 s: within
    assert ran == ["slow.txt:0", "slow.txt:1", "slow.txt:2", *(f"ok.txt:{n}" for n in range(4))]


def test_run_batch_keeps_each_documents_budget_apart():
    from newsgraph.errors import OverBudget
    from newsgraph.model import Doc
    from newsgraph.pipeline import Budget, Pipeline
    from newsgraph.registry import Stage

    clock, ran = _Clock(), []

    def batch(docs, res):
        ran.append(f"batch of {len(docs)}")
        clock.now += 200.0  # shared by length: 50 s to a.txt, 150 s to b.txt
        return list(docs)

    batched = Stage("batched.v1", lambda doc, res: doc, frozenset(), frozenset(), batch)
    pipeline = Pipeline((batched, *_stages(clock, 25.0, 3, ran)))
    docs = [
        Doc(id="a", source="a.txt", text="x"),
        Doc(id="b", source="b.txt", text="xxx"),
        Doc(id="c", source="c.txt", text="x" * 5000),
    ]
    budget = Budget(max_chars=1000, seconds=120, clock=clock)
    a, b, c = pipeline.run_batch(docs, None, budget)  # type: ignore[arg-type]
    assert a.doc is not None
    assert a.doc.stages == ("batched.v1", "step0.v1", "step1.v1", "step2.v1")
    assert isinstance(b.error, OverBudget) and b.source == "b.txt"
    assert str(b.error) == "took over 120 s (--doc-timeout), stopped after batched.v1"
    assert isinstance(c.error, OverBudget) and "5,000 characters" in str(c.error)
    assert ran == ["batch of 2", "a.txt:0", "a.txt:1", "a.txt:2"]
