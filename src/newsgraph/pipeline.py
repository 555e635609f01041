"""Build a checked sequence of stages, and the one way documents run through it.

`analyze`, `ingest` (in this process or in workers) and the Ray partition worker all call
`Pipeline.run_batch`: many documents at once, the stages that can batch batched, each
document under its own `Budget`, each failure its document's own `Outcome`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from newsgraph.contracts import order, run_checked, run_checked_batch
from newsgraph.errors import ContractError, NewsgraphError, OverBudget, PipelineError, StageError
from newsgraph.model import Article, Doc
from newsgraph.normalize.clean import clean
from newsgraph.registry import DEFAULT_PIPELINE, STAGES, Stage
from newsgraph.resources import Resources

# A long-form article is ~100k characters after cleanup; five times that is no article but
# a dump, and some rules cost more than linear time in a document's length.
DEFAULT_MAX_CHARS = 500_000
# The default pipeline takes about 10 s on a 100k-character document on one core.
DEFAULT_DOC_TIMEOUT = 120.0
CHUNK = 8  # documents run together: spaCy's batching, and what goes to a worker at once


@dataclass(frozen=True, slots=True)
class Budget:
    """What one document may cost: its length, checked before any stage runs, and the wall
    time of its stages, checked between stages. A stage is a pure function that cannot be
    stopped halfway without a process to kill, so a document can overrun by one stage's
    time; what it has produced by then is dropped, never returned in part."""

    max_chars: int = DEFAULT_MAX_CHARS
    seconds: float = DEFAULT_DOC_TIMEOUT
    clock: Callable[[], float] = time.monotonic

    def check_length(self, doc: Doc) -> None:
        """Refuse a document longer than `max_chars` before any work on it."""
        if len(doc.text) > self.max_chars:
            raise OverBudget(
                f"{len(doc.text):,} characters is over the {self.max_chars:,}-character "
                "budget (--max-chars)"
            )

    def check_time(self, spent: float, done: str) -> None:
        """Refuse to go on with a document that has spent `seconds` (after stage `done`)."""
        if spent > self.seconds:
            raise OverBudget(f"took over {self.seconds:g} s (--doc-timeout), stopped after {done}")


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result for one input: a Doc, or the error that stopped it."""

    source: str
    doc: Doc | None = None
    error: NewsgraphError | None = None


@dataclass(frozen=True, slots=True)
class Pipeline:
    """Stages in an order where each one's `requires` is produced upstream; `checked` runs
    each stage with the Doc fields it does not declare hidden (contracts.py)."""

    stages: tuple[Stage, ...]
    checked: bool = False

    def run(self, article: Article, res: Resources, budget: Budget | None = None) -> Doc:
        """Clean one article and run every stage on it."""
        return self.run_doc(clean(article), res, budget)

    def run_doc(self, doc: Doc, res: Resources, budget: Budget | None = None) -> Doc:
        """Run every stage on a Doc made elsewhere (e.g. from gold text whose offsets must hold)."""
        (outcome,) = self.run_batch([doc], res, budget)
        if outcome.error is not None:
            raise outcome.error
        assert outcome.doc is not None
        return outcome.doc

    def run_batch(
        self, docs: Sequence[Doc], res: Resources, budget: Budget | None = None
    ) -> list[Outcome]:
        """Run every stage on many documents, batching the stages that can batch.

        A batch that fails is run again one document at a time, so one bad document costs
        only itself, and so does one over its budget: the time of a batched stage is shared
        out by length, as it is spent. An error no document causes alone (a missing model)
        stops the batch.
        """
        budget = budget or Budget()
        results: list[Doc | NewsgraphError] = [_within_length(d, budget) for d in docs]
        spent = [0.0] * len(results)
        for n, stage in enumerate(self.stages):
            if n:
                _stop_over_time(results, spent, budget, self.stages[n - 1].name)
            live = [i for i, d in enumerate(results) if isinstance(d, Doc)]
            batch = [d for d in results if isinstance(d, Doc)]
            started = budget.clock()
            done = self._batched(stage, batch, res) if stage.batch is not None else None
            if done is not None:
                _share(spent, live, batch, budget.clock() - started)
            for slot, i in enumerate(live):
                doc = results[i]
                assert isinstance(doc, Doc)
                if done is not None:
                    results[i] = replace(done[slot], stages=(*doc.stages, stage.name))
                    continue
                started = budget.clock()
                try:
                    results[i] = self._run_stage(stage, doc, res)
                except StageError as exc:
                    results[i] = exc
                spent[i] += budget.clock() - started
        return [_outcome(doc.source, result) for doc, result in zip(docs, results, strict=True)]

    def _run_stage(self, stage: Stage, doc: Doc, res: Resources) -> Doc:
        try:
            if self.checked:
                doc = run_checked(stage, doc, lambda d: stage.fn(d, res))
            else:
                doc = stage.fn(doc, res)
        except NewsgraphError:
            raise
        except Exception as exc:  # a bug in one stage must not end a batch of thousands
            raise StageError(f"stage {stage.name} failed: {type(exc).__name__}: {exc}") from exc
        return replace(doc, stages=(*doc.stages, stage.name))

    def _batched(self, stage: Stage, docs: list[Doc], res: Resources) -> list[Doc] | None:
        """The stage's batch function on `docs`, or None to fall back to one by one."""
        assert stage.batch is not None
        batch = stage.batch
        try:
            if self.checked:
                return run_checked_batch(stage, docs, lambda ds: batch(ds, res))
            return batch(docs, res)
        except NewsgraphError:
            raise
        except Exception:  # retried one by one, where the failing document is named
            return None


def _outcome(source: str, result: Doc | NewsgraphError) -> Outcome:
    if isinstance(result, Doc):
        return Outcome(source, doc=result)
    return Outcome(source, error=result)


def _within_length(doc: Doc, budget: Budget) -> Doc | NewsgraphError:
    try:
        budget.check_length(doc)
    except OverBudget as exc:
        return exc
    return doc


def _stop_over_time(
    results: list[Doc | NewsgraphError], spent: list[float], budget: Budget, done: str
) -> None:
    for i, doc in enumerate(results):
        if isinstance(doc, Doc):
            try:
                budget.check_time(spent[i], done)
            except OverBudget as exc:
                results[i] = exc


def _share(spent: list[float], live: list[int], batch: list[Doc], seconds: float) -> None:
    """Charge a batched stage's time to its documents by length: the parse is linear in it."""
    total = sum(len(d.text) for d in batch) or 1
    for i, doc in zip(live, batch, strict=True):
        spent[i] += seconds * (len(doc.text) or 1) / total


def build(names: Sequence[str] = DEFAULT_PIPELINE, checked: bool = False) -> Pipeline:
    """Look up stages by name and order them so each runs after the stages that fill what it
    reads (DEFAULT_PIPELINE breaks ties); refuse a stage whose inputs nothing fills, and a
    cycle. `checked` proves each stage's declaration as it runs (contracts.py)."""
    unknown = [name for name in names if name not in STAGES]
    if unknown:
        raise PipelineError(f"unknown stage {unknown[0]!r}; known: {', '.join(sorted(STAGES))}")
    stages = [STAGES[name] for name in dict.fromkeys(names)]
    return Pipeline(tuple(order(stages, DEFAULT_PIPELINE)), checked)


def run_many(
    pipeline: Pipeline,
    items: Iterable[Article | Outcome],
    res: Resources,
    budget: Budget | None = None,
    chunk: int = 1,
) -> Iterator[Outcome]:
    """Clean and run each article, in the order given and `chunk` at a time (one by one,
    unless asked: each result as soon as it is ready); an input that failed to read passes
    through, and an error that stops a batch fails each of its documents."""
    pending: list[Article | Outcome] = []
    for item in items:
        pending.append(item)
        if len(pending) >= chunk:
            yield from _run_chunk(pipeline, pending, res, budget)
            pending = []
    yield from _run_chunk(pipeline, pending, res, budget)


def _run_chunk(
    pipeline: Pipeline, items: list[Article | Outcome], res: Resources, budget: Budget | None
) -> list[Outcome]:
    docs = [clean(item) for item in items if isinstance(item, Article)]
    try:
        done = iter(pipeline.run_batch(docs, res, budget))
    except ContractError:
        raise
    except NewsgraphError as exc:  # e.g. a model that will not load: every document fails
        done = iter([Outcome(d.source, error=exc) for d in docs])
    return [item if isinstance(item, Outcome) else next(done) for item in items]
