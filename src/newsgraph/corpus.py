"""A corpus run: sources -> articles -> analysed documents -> the store, with a summary.

Reading and writing happen in this process; the NLP runs in worker processes when asked
(`workers > 1`), each loading the models once. Documents already stored with the same text
are skipped before any NLP, so an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import functools
import json
import multiprocessing
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from newsgraph.errors import EmptyInput
from newsgraph.ingest.sources import ReadOptions, expand_sources, read_source
from newsgraph.model import Article, Doc, Unreadable
from newsgraph.normalize.clean import clean
from newsgraph.pipeline import CHUNK, Budget, Outcome, Pipeline, build
from newsgraph.registry import DEFAULT_PIPELINE
from newsgraph.resources import Resources
from newsgraph.store.db import Store
from newsgraph.store.rows import content_hash

BATCH = 32  # documents per transaction: what a crash can cost, and what makes writing fast
BATCH_SECONDS = 5.0  # ... or this long, whichever comes first, so slow inputs still commit


@dataclass(slots=True)
class Summary:
    """What a run did: the one tally `analyze`, `ingest` and `ingest --engine ray` report."""

    read: int = 0  # articles, and records that could not be read
    analysed: int = 0  # documents the pipeline finished
    new: int = 0  # stored for the first time (on Ray: written to Parquet)
    changed: int = 0  # stored over another text of the same document
    unchanged: int = 0  # stored already as they are: not analysed again
    copies: int = 0  # near-duplicates of a document stored before
    failed: list[Unreadable] = field(default_factory=list)
    seconds: float = 0.0
    interrupted: bool = False
    partitions: int = 0  # on Ray: input files, those a previous run finished, and the
    skipped: int = 0  # peak memory of the worker of each partition it ran
    peak_rss_mb: list[float] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return self.new + self.changed

    def reasons(self) -> Counter[str]:
        """Failures by kind of reason ("HTTP 404", "empty file", ...)."""
        return Counter(f.reason.split(":")[0].split(" (")[0] for f in self.failed)

    def count(self, outcome: Outcome) -> Unreadable | None:
        """Count one analysed input; why it failed, if it did."""
        if outcome.doc is not None:
            self.analysed += 1
            return None
        failure = Unreadable(outcome.source, str(outcome.error))
        self.failed.append(failure)
        return failure

    def add(self, part: Summary) -> None:
        """Count a part of the run (one partition) into the whole."""
        self.read += part.read
        self.analysed += part.analysed
        self.new += part.new
        self.changed += part.changed
        self.unchanged += part.unchanged
        self.copies += part.copies
        self.failed += part.failed
        self.skipped += part.skipped
        self.peak_rss_mb += part.peak_rss_mb

    def to_json(self) -> str:
        """The summary as one JSON object (a partition's done-marker, a Ray result row)."""
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> Summary:
        """The summary `to_json` wrote."""
        data: dict[str, Any] = json.loads(text)
        data["failed"] = [Unreadable(**f) for f in data["failed"]]
        return cls(**data)


Progress = Callable[[Summary], None]


def ingest(
    sources: Sequence[str],
    store: Store,
    options: ReadOptions | None = None,
    workers: int = 1,
    progress: Progress | None = None,
    on_failure: Callable[[Unreadable], None] | None = None,
    batch_size: int = BATCH,
    budget: Budget | None = None,
) -> Summary:
    """Read every source, analyse what is new or changed, store it; never stop for bad input.

    A document over its `budget` is a failure like an unreadable input: nothing of it is
    stored, since only finished documents reach the store."""
    summary = Summary()
    pending = _to_analyse(expand_sources(sources), options or ReadOptions(), store, summary)
    return store_docs(pending, store, summary, workers, progress, on_failure, batch_size, budget)


def store_docs(
    pending: Iterator[Doc | Unreadable],
    store: Store,
    summary: Summary,
    workers: int = 1,
    progress: Progress | None = None,
    on_failure: Callable[[Unreadable], None] | None = None,
    batch_size: int = BATCH,
    budget: Budget | None = None,
    names: tuple[str, ...] = DEFAULT_PIPELINE,
) -> Summary:
    """Analyse cleaned documents with the stages `names` (the default pipeline) and store
    them in batches, counting into `summary`: the part of a run after reading, shared by
    `ingest` and `watch`. Ctrl-C drops the batch in hand (what was committed stays) and marks
    the summary interrupted."""
    started = time.perf_counter() - summary.seconds

    def tell(failure: Unreadable | None) -> None:
        if failure is not None and on_failure is not None:
            on_failure(failure)

    def unreadable(item: Unreadable) -> None:
        summary.failed.append(item)
        tell(item)

    batch: list[Doc] = []
    last_write = time.perf_counter()
    try:
        for outcome in _analysed(pending, workers, unreadable, budget or Budget(), names):
            tell(summary.count(outcome))
            if outcome.doc is not None:
                batch.append(outcome.doc)
            due = time.perf_counter() - last_write > BATCH_SECONDS
            if batch and (len(batch) >= batch_size or due):
                _write(store, batch, summary)
                batch, last_write = [], time.perf_counter()
            summary.seconds = time.perf_counter() - started
            if progress is not None:
                progress(summary)
        if batch:
            _write(store, batch, summary)
    except KeyboardInterrupt:
        # What was committed stays; the batch in hand is dropped whole and redone next run.
        summary.interrupted = True
    summary.seconds = time.perf_counter() - started
    return summary


def _to_analyse(
    sources: Iterable[str], options: ReadOptions, store: Store, summary: Summary
) -> Iterator[Doc | Unreadable]:
    """Cleaned documents not yet stored as they are; unreadable inputs pass through."""
    seen: set[str] = set()
    for source in sources:
        for item in read_source(source, options):
            summary.read += 1
            if isinstance(item, Unreadable):
                yield item
                continue
            doc = clean_article(item)
            if isinstance(doc, Unreadable):
                yield doc
            elif doc.id in seen or store.status(doc.id, content_hash(doc)) == "unchanged":
                summary.unchanged += 1
            else:
                seen.add(doc.id)
                yield doc


def clean_article(article: Article) -> Doc | Unreadable:
    """The article as a cleaned Doc, or Unreadable when cleaning leaves no text."""
    doc = clean(article)
    if not doc.text.strip():
        return Unreadable(article.source, str(EmptyInput("no text after cleaning")))
    return doc


def _write(store: Store, batch: list[Doc], summary: Summary) -> None:
    for written in store.write(batch):
        if written.status == "new":
            summary.new += 1
        elif written.status == "changed":
            summary.changed += 1
        summary.copies += written.duplicate_of is not None


# --- analysis, in this process or in workers -------------------------------------------


@functools.cache
def loaded(names: tuple[str, ...] = DEFAULT_PIPELINE) -> tuple[Pipeline, Resources]:
    """The pipeline and its resources, built once in each process that asks (each worker
    its own): a cache of what is loaded, keyed by what it is, not worker state to set up."""
    return build(names), Resources()


def analyse(
    docs: list[Doc], budget: Budget | None = None, names: tuple[str, ...] = DEFAULT_PIPELINE
) -> list[Outcome]:
    """Run the pipeline on cleaned documents (Pipeline.run_batch); keep only what the store
    needs, so that results are cheap to send back from a worker."""
    pipeline, res = loaded(names)
    return [_stored_part(done) for done in pipeline.run_batch(docs, res, budget)]


def _stored_part(outcome: Outcome) -> Outcome:
    if outcome.doc is None:
        return outcome
    # The parse is bulky and not stored: dropping it makes results cheap to send back.
    doc = replace(outcome.doc, tokens=(), sentences=(), entities=(), attribution_marks=())
    return replace(outcome, doc=doc)


def _analysed(
    items: Iterator[Doc | Unreadable],
    workers: int,
    failed: Callable[[Unreadable], None],
    budget: Budget,
    names: tuple[str, ...] = DEFAULT_PIPELINE,
) -> Iterator[Outcome]:
    def chunks() -> Iterator[list[Doc]]:
        chunk: list[Doc] = []
        for item in items:
            if isinstance(item, Unreadable):
                failed(item)
                continue
            chunk.append(item)
            if len(chunk) >= CHUNK:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    run = functools.partial(analyse, budget=budget, names=names)
    if workers <= 1:
        for chunk in chunks():
            yield from run(chunk)
        return
    # spawn, not fork: the parent holds DuckDB's threads, which a forked child must not inherit.
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers) as pool:
        for done in pool.imap(run, chunks()):
            yield from done
