"""A watch: poll feeds and pages on a schedule, analyse and store what is new through the
same run path as `ingest` (corpus.store_docs), and say after each poll what changed.

Per watched URL the store keeps its validators, schedule and failures (store/watch_state.py)
and the items it listed, so a restart resumes. An item is read only when it is new to the
feed or the feed's text of it changed, and skipped before any NLP when it is stored already:
the same canonical URL (before its page is even asked for), the same text, or a
near-duplicate of a stored document. A stop request (Ctrl-C, SIGTERM) is honoured between
items: what was read is analysed and stored, the feed's validators are not moved on (so the
items not yet read are read after a restart), and the watch returns.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from newsgraph.corpus import Progress, Summary, clean_article, store_docs
from newsgraph.ingest.feeds import FeedItem
from newsgraph.ingest.pacing import Clock, Jitter, backoff
from newsgraph.ingest.watch import Limits, Polled, Poller, Read
from newsgraph.model import Doc, Unreadable
from newsgraph.normalize.clean import document_id
from newsgraph.normalize.fingerprint import doc_fingerprint
from newsgraph.pipeline import Budget
from newsgraph.registry import DEFAULT_PIPELINE
from newsgraph.report.alerts import Alert, AlertFilter, alerts
from newsgraph.store.db import Store
from newsgraph.store.merge import DuplicateIndex
from newsgraph.store.rows import content_hash
from newsgraph.store.watch_state import (
    FeedState,
    Incident,
    SeenItem,
    load_feeds,
    record_poll,
    seen_items,
    touched_incidents,
)

Wait = Callable[[float], object]  # sleep up to this long; Event.wait returns early on a stop


@dataclass(slots=True)
class Round:
    """What one poll of the due URLs did: the summary line, the failures, the alerts."""

    at: float
    polled: int = 0  # URLs asked
    not_modified: int = 0  # answered 304
    listed: int = 0  # items the feeds listed
    seen: int = 0  # listed before, unchanged: no request made
    stored_already: int = 0  # same URL or same text stored already: no NLP
    near_duplicates: int = 0  # near-duplicates of a stored document: no NLP
    pages: int = 0  # items read from their page
    feed_text: int = 0  # items read from the feed's own text (the page could not be had)
    deferred: int = 0  # over the item or byte cap, or stopped: read at the next poll
    bytes: int = 0  # downloaded: feeds and pages
    analysis: Summary = field(default_factory=Summary)
    failures: list[Unreadable] = field(default_factory=list)  # URLs and items (analysis: above)
    doc_ids: list[str] = field(default_factory=list)  # stored new or changed
    incidents: list[Incident] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)
    stopped: bool = False
    next_due: float = 0.0  # when the next URL is due, after this round

    @property
    def all_failures(self) -> list[Unreadable]:
        """URLs and items that could not be read, then documents the analysis failed on."""
        return [*self.failures, *self.analysis.failed]

    @property
    def new_incidents(self) -> int:
        return sum(not i.grown for i in self.incidents)

    @property
    def grown_incidents(self) -> int:
        return sum(i.grown for i in self.incidents)


@dataclass(slots=True)
class _FeedPoll:
    """One URL's share of a round: its documents to analyse and the items to remember."""

    docs: list[Doc] = field(default_factory=list)
    items: list[SeenItem] = field(default_factory=list)
    pending: dict[str, SeenItem] = field(default_factory=dict)  # by the doc's source
    complete: bool = True  # every item dealt with: the validators may move on


class Watcher:
    """Polls the watched URLs into one store."""

    def __init__(
        self,
        store: Store,
        urls: Sequence[str],
        poller: Poller,
        filters: Sequence[AlertFilter] = (),
        budget: Budget | None = None,
        stop: threading.Event | None = None,
        clock: Clock = time.time,
        jitter: Jitter = random.random,
        publish: Path | None = None,
        stages: tuple[str, ...] = DEFAULT_PIPELINE,
    ) -> None:
        self.store = store
        self.urls = list(dict.fromkeys(urls))
        self.poller = poller
        self.limits: Limits = poller.limits
        self.filters = list(filters)
        self.budget = budget or Budget()
        self.stop = stop or threading.Event()
        self.clock = clock
        self.jitter = jitter
        self.publish = publish
        self.stages = stages  # the default pipeline; tests name fewer
        known = load_feeds(store)
        self.states = {url: known.get(url, FeedState(url)) for url in self.urls}

    def run(
        self,
        once: bool,
        on_round: Callable[[Round], None],
        wait: Wait | None = None,
        progress: Progress | None = None,
    ) -> None:
        """Poll what is due, report, sleep until the next URL is due; until stopped (or
        after one round with `once`)."""
        pause = wait or self.stop.wait
        while not self.stop.is_set():
            done = self.poll(everything=once, progress=progress)
            if done.polled or once:
                on_round(done)
            if once or done.stopped:
                return
            pause(max(0.0, self.next_due() - self.clock()))

    def next_due(self) -> float:
        """When the next URL is due."""
        return min((state.next_poll for state in self.states.values()), default=self.clock())

    def poll(self, everything: bool = False, progress: Progress | None = None) -> Round:
        """Poll the URLs that are due (with `everything`: all but those backing off)."""
        now = self.clock()
        done = Round(at=now)
        for url in self.urls:
            if self.stop.is_set():
                break
            state = self.states[url]
            waiting = state.next_poll > now and (not everything or state.failures > 0)
            if not waiting:
                self._poll_one(state, done, progress)
        done.stopped = self.stop.is_set()
        done.next_due = self.next_due()
        done.incidents = touched_incidents(self.store, done.doc_ids)
        stamp = datetime.fromtimestamp(self.clock(), UTC).isoformat(timespec="seconds")
        done.alerts = alerts(done.incidents, self.filters, stamp)
        if self.publish is not None and done.polled:  # new documents, or the poll times
            self.store.publish(self.publish)
        return done

    def _poll_one(self, state: FeedState, done: Round, progress: Progress | None) -> None:
        polled = self.poller.poll(state.url, state.kind, state.etag, state.last_modified)
        done.polled += 1
        done.bytes += polled.bytes
        if polled.outcome == "failed":
            self._failed(state, polled, done)
            return
        if polled.outcome == "not-modified":
            done.not_modified += 1
            self._save(state, polled, [], complete=True)
            return
        feed = self._read_items(state, polled, done)
        summary = store_docs(
            iter(feed.docs),
            self.store,
            Summary(),
            budget=self.budget,
            progress=progress,
            names=self.stages,
        )
        done.analysis.add(summary)
        if summary.interrupted:  # a second Ctrl-C: nothing more is recorded
            self.stop.set()
            return
        failed = {f.source for f in summary.failed}
        for source, item in feed.pending.items():
            if source in failed:
                feed.items.append(replace(item, doc_id=None, how="failed"))
            else:
                feed.items.append(item)
                done.doc_ids.append(item.doc_id or "")
        self._save(state, polled, feed.items, complete=feed.complete)

    def _read_items(self, state: FeedState, polled: Polled, done: Round) -> _FeedPoll:
        """Read the items that are new or changed, up to the caps; skip what is stored."""
        seen = seen_items(self.store, state.url)
        fresh = [item for item in polled.items if seen.get(item.key) != item.digest]
        done.listed += len(polled.items)
        done.seen += len(polled.items) - len(fresh)
        feed = _FeedPoll(complete=len(fresh) <= self.limits.max_items)
        done.deferred += max(0, len(fresh) - self.limits.max_items)
        spent = polled.bytes
        copies = DuplicateIndex()  # this poll's documents, not yet in the store's index
        for n, item in enumerate(fresh[: self.limits.max_items]):
            if self.stop.is_set() or spent >= self.limits.poll_bytes:
                feed.complete = False
                done.deferred += min(len(fresh), self.limits.max_items) - n
                break
            page = polled.outcome == "page"
            cost = self._read_one(item, item.key in seen, page, feed, copies, done)
            spent += cost
            done.bytes += cost
        return feed

    def _read_one(
        self, item: FeedItem, listed_before: bool, page: bool, feed: _FeedPoll,
        copies: DuplicateIndex, done: Round,
    ) -> int:  # fmt: skip
        """Read one item into `feed` (a watched page's one item is read already); the bytes
        it cost."""
        by_url = document_id(item.link, "") if item.link else None
        if not listed_before and by_url in self.store.known:
            done.stored_already += 1  # stored by its URL already: not even asked for
            feed.items.append(SeenItem(item.key, item.digest, by_url, "stored"))
            return 0
        read = Read(item.article, "page") if page else self.poller.read_item(item)
        if read.how == "failed" or isinstance(read.article, Unreadable):
            reason = read.note or "unreadable"
            done.failures.append(Unreadable(item.link or item.key, reason))
            return read.bytes  # not remembered: tried again when the feed changes
        doc = clean_article(read.article)
        if isinstance(doc, Unreadable):
            done.failures.append(doc)
            return read.bytes
        if self.store.status(doc.id, content_hash(doc)) == "unchanged":
            done.stored_already += 1
            feed.items.append(SeenItem(item.key, item.digest, doc.id, "stored"))
            return read.bytes
        signature = doc_fingerprint(doc)
        copy = self.store.copies.find(doc.id, signature) or copies.find(doc.id, signature)
        if copy is not None:
            done.near_duplicates += 1
            feed.items.append(SeenItem(item.key, item.digest, copy[0], "near-duplicate"))
            return read.bytes
        copies.add(doc.id, signature, None)
        done.pages += read.how == "page"
        done.feed_text += read.how == "feed-text"
        feed.docs.append(doc)
        feed.pending[doc.source] = SeenItem(item.key, item.digest, doc.id, read.how)
        return read.bytes

    def _failed(self, state: FeedState, polled: Polled, done: Round) -> None:
        now = self.clock()
        failures = state.failures + 1
        wait = max(backoff(failures, self.limits.every, self.jitter), polled.retry_after or 0.0)
        self.states[state.url] = new = replace(
            state, last_poll=now, next_poll=now + wait, failures=failures,
            last_error=polled.error, kind=polled.kind or state.kind,
        )  # fmt: skip
        record_poll(self.store, new, [], now)
        done.failures.append(Unreadable(state.url, polled.error or "failed"))

    def _save(
        self, state: FeedState, polled: Polled, items: list[SeenItem], complete: bool
    ) -> None:
        """A poll that got an answer: the schedule moves on; the validators only when every
        item it listed was dealt with, so that the rest are read next time."""
        now = self.clock()
        new = replace(
            state, last_poll=now, last_success=now, next_poll=now + self.limits.every,
            failures=0, last_error=None, kind=polled.kind or state.kind,
        )  # fmt: skip
        if complete:
            new = replace(new, etag=polled.etag, last_modified=polled.last_modified)
        self.states[state.url] = new
        record_poll(self.store, new, items, now)
