"""Build a checked sequence of stages and run articles through it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from newsgraph.errors import NewsgraphError, PipelineError, StageError
from newsgraph.model import Article, Doc
from newsgraph.normalize.clean import clean
from newsgraph.registry import DEFAULT_PIPELINE, STAGES, Stage
from newsgraph.resources import Resources

_AFTER_CLEAN = frozenset({"text"})


@dataclass(frozen=True, slots=True)
class Pipeline:
    """Stages in an order where each one's `requires` is produced upstream."""

    stages: tuple[Stage, ...]

    def run(self, article: Article, res: Resources) -> Doc:
        """Clean one article and run every stage on it."""
        return self.run_doc(clean(article), res)

    def run_doc(self, doc: Doc, res: Resources) -> Doc:
        """Run every stage on a Doc made elsewhere (e.g. from gold text whose offsets must hold)."""
        for stage in self.stages:
            try:
                doc = stage.fn(doc, res)
            except NewsgraphError:
                raise
            except Exception as exc:  # a bug in one stage must not end a batch of thousands
                raise StageError(f"stage {stage.name} failed: {type(exc).__name__}: {exc}") from exc
            doc = replace(doc, stages=(*doc.stages, stage.name))
        return doc

    def run_docs(self, docs: Sequence[Doc], res: Resources) -> list[Doc | StageError]:
        """Run every stage on many documents, batching the stages that can batch.

        A batch that fails is run again one document at a time, so one bad document costs
        only itself (the same isolation as `run_doc`).
        """
        results: list[Doc | StageError] = list(docs)
        for stage in self.stages:
            live = [i for i, d in enumerate(results) if isinstance(d, Doc)]
            batch = [d for d in results if isinstance(d, Doc)]
            done = _batched(stage, batch, res) if stage.batch is not None else None
            for slot, i in enumerate(live):
                doc = results[i]
                assert isinstance(doc, Doc)
                if done is not None:
                    results[i] = replace(done[slot], stages=(*doc.stages, stage.name))
                    continue
                try:
                    results[i] = Pipeline((stage,)).run_doc(doc, res)
                except StageError as exc:
                    results[i] = exc
        return results


def _batched(stage: Stage, docs: list[Doc], res: Resources) -> list[Doc] | None:
    """The stage's batch function on `docs`, or None to fall back to one by one."""
    assert stage.batch is not None
    try:
        return stage.batch(docs, res)
    except NewsgraphError:
        raise
    except Exception:  # retried one by one, where the failing document is named
        return None


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result for one input: a Doc, or the error that stopped it."""

    source: str
    doc: Doc | None = None
    error: NewsgraphError | None = None


def build(names: Sequence[str] = DEFAULT_PIPELINE) -> Pipeline:
    """Look up stages by name and refuse an order in which a stage lacks its inputs."""
    available = set(_AFTER_CLEAN)
    stages = []
    for name in names:
        if name not in STAGES:
            raise PipelineError(f"unknown stage {name!r}; known: {', '.join(sorted(STAGES))}")
        stage = STAGES[name]
        missing = stage.requires - available
        if missing:
            raise PipelineError(f"stage {name} needs {', '.join(sorted(missing))} from upstream")
        available |= stage.produces
        stages.append(stage)
    return Pipeline(tuple(stages))


def run_many(
    pipeline: Pipeline, articles: Iterable[Article | Outcome], res: Resources
) -> Iterator[Outcome]:
    """Run each article; an input that failed to read, or an article that fails, yields its error."""
    for item in articles:
        if isinstance(item, Outcome):
            yield item
            continue
        try:
            yield Outcome(item.source, doc=pipeline.run(item, res))
        except NewsgraphError as exc:
            yield Outcome(item.source, error=exc)
