"""A corpus run: sources -> articles -> analysed documents -> the store, with a summary.

Reading and writing happen in this process; the NLP runs in worker processes when asked
(`workers > 1`), each loading the models once. Documents already stored with the same text
are skipped before any NLP, so an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import functools
import multiprocessing
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from newsgraph.errors import EmptyInput
from newsgraph.ingest.sources import ReadOptions, expand_sources, read_source
from newsgraph.model import Article, Doc, Unreadable
from newsgraph.normalize.clean import clean
from newsgraph.pipeline import Budget, Pipeline, build
from newsgraph.resources import Resources
from newsgraph.store.db import Store
from newsgraph.store.rows import content_hash

BATCH = 32  # documents per transaction: what a crash can cost, and what makes writing fast
CHUNK = 8  # documents parsed together (spaCy batching) and sent to a worker at once
BATCH_SECONDS = 5.0  # ... or this long, whichever comes first, so slow inputs still commit


@dataclass(slots=True)
class Summary:
    """What a run did, for the closing lines of `newsgraph ingest`."""

    read: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    copies: int = 0
    failed: list[Unreadable] = field(default_factory=list)
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def stored(self) -> int:
        return self.new + self.changed

    def reasons(self) -> Counter[str]:
        """Failures by kind of reason ("HTTP 404", "empty file", ...)."""
        return Counter(f.reason.split(":")[0].split(" (")[0] for f in self.failed)


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
    started = time.perf_counter()
    pending = _to_analyse(expand_sources(sources), options or ReadOptions(), store, summary)

    def failed(item: Unreadable) -> None:
        summary.failed.append(item)
        if on_failure is not None:
            on_failure(item)

    batch: list[Doc] = []
    last_write = time.perf_counter()
    try:
        for item in _analysed(pending, workers, failed, budget or Budget()):
            if isinstance(item, Unreadable):
                failed(item)
            else:
                batch.append(item)
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
            doc = _clean(item)
            if isinstance(doc, Unreadable):
                yield doc
            elif doc.id in seen or store.status(doc.id, content_hash(doc)) == "unchanged":
                summary.unchanged += 1
            else:
                seen.add(doc.id)
                yield doc


def _clean(article: Article) -> Doc | Unreadable:
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

_WORKER: tuple[Pipeline, Resources] | None = None


def _start_worker() -> None:
    global _WORKER
    _WORKER = (build(), Resources())


def analyse(docs: list[Doc], budget: Budget | None = None) -> list[Doc | Unreadable]:
    """Run the default pipeline on cleaned documents; keep only what the store needs."""
    if _WORKER is None:
        _start_worker()
    assert _WORKER is not None
    pipeline, res = _WORKER
    out: list[Doc | Unreadable] = []
    for done in pipeline.run_batch(docs, res, budget):
        if done.doc is not None:
            # The parse is bulky and not stored: dropping it makes results cheap to send back.
            doc = done.doc
            out.append(replace(doc, tokens=(), sentences=(), entities=(), attribution_marks=()))
        else:
            out.append(Unreadable(done.source, str(done.error)))
    return out


def _analysed(
    items: Iterator[Doc | Unreadable],
    workers: int,
    failed: Callable[[Unreadable], None],
    budget: Budget,
) -> Iterator[Doc | Unreadable]:
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

    if workers <= 1:
        for chunk in chunks():
            yield from analyse(chunk, budget)
        return
    # spawn, not fork: the parent holds DuckDB's threads, which a forked child must not inherit.
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_start_worker) as pool:
        for done in pool.imap(functools.partial(analyse, budget=budget), chunks()):
            yield from done
