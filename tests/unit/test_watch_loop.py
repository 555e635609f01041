"""The watch loop against the local feed server, on a fake clock: what is read, what is
skipped before any NLP, what is remembered across a restart, backoff and caps. The analysis
here is the fingerprint stage alone (no model); tests/cli/test_watch_cmd.py runs the real one."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from feed_server import Answer, FakeClock, FeedServer, Item, feed_server, page, rss
from newsgraph.ingest.watch import Limits, Poller
from newsgraph.store.db import Store
from newsgraph.store.watch_state import load_feeds
from newsgraph.watch import Round, Watcher

STRIKE = "An air strike hit a market in Idlib on Tuesday, killing 12 people, rescuers said."
TALKS = "Delegations met in Astana on Wednesday and said the talks on a ceasefire were useful."
PROTEST = "Hundreds of people marched through Cairo on Friday to demand the release of reporters."
FEED = "/feed.xml"


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with feed_server() as running:
        yield running


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "watch.duckdb"


def publish(server: FeedServer, items: list[Item], etag: str) -> None:
    server.serve(FEED, Answer(body=rss("Example Wire", items), etag=etag))
    for item in items:
        if item.link:
            article = page(item.title, [item.text, "Reporting by the wire desk."])
            server.serve(item.link.removeprefix(server.base), Answer(body=article, content_type="text/html"))  # fmt: skip


def item(server: FeedServer, guid: str, text: str, title: str | None = None) -> Item:
    return Item(guid, title or f"Story {guid}", text, server.url(f"/{guid}"))


def watcher(
    store: Store, server: FeedServer, clock: FakeClock, stop: threading.Event | None = None,
    **limits: object,
) -> Watcher:  # fmt: skip
    settings = {"allow_private": True, "host_delay": 1.0, "every": 900.0, **limits}
    poller = Poller(Limits(**settings), clock, clock.sleep)  # type: ignore[arg-type]
    return Watcher(
        store, [server.url(FEED)], poller, stop=stop, clock=clock, jitter=lambda: 0.0,
        stages=("fingerprint.v1",),
    )  # fmt: skip


def titles(store: Store) -> list[str]:
    return [
        t for (t,) in store.con.execute("SELECT title FROM documents ORDER BY title").fetchall()
    ]


def test_each_new_item_is_stored_once_and_an_unchanged_feed_costs_one_304(
    server: FeedServer, db: Path
):
    publish(server, [item(server, "a1", STRIKE), item(server, "a2", TALKS)], '"v1"')
    clock = FakeClock()
    with Store(db) as store:
        watch = watcher(store, server, clock)
        first = watch.poll()
        assert (first.polled, first.listed, first.analysis.new, first.pages) == (1, 2, 2, 2)
        assert titles(store) == ["Story a1", "Story a2"]
        clock.now += 900
        second = watch.poll()
        assert (second.not_modified, second.analysis.new) == (1, 0)
    assert len(server.asked("/a1")) == 1


def test_a_restart_resumes_from_the_stored_validators(server: FeedServer, db: Path):
    publish(server, [item(server, "a1", STRIKE)], '"v1"')
    clock = FakeClock()
    with Store(db) as store:
        watcher(store, server, clock).poll()
    with Store(db) as store:  # a new process: state from the store
        again = watcher(store, server, clock)
        assert again.poll().polled == 0  # not due yet
        clock.now += 900
        assert again.poll().not_modified == 1
    assert server.asked(FEED)[-1].headers["If-None-Match"] == '"v1"'


def test_new_and_edited_items_are_read_and_seen_ones_cost_nothing(server: FeedServer, db: Path):
    clock = FakeClock()
    a1, a2 = item(server, "a1", STRIKE), item(server, "a2", TALKS)
    publish(server, [a1, a2], '"v1"')
    with Store(db) as store:
        watch = watcher(store, server, clock)
        watch.poll()
        edited = Item("a2", a2.title, TALKS + " A second round is due next week.", a2.link)
        publish(server, [item(server, "a3", PROTEST), a1, edited], '"v2"')
        clock.now += 900
        done = watch.poll()
        assert (done.listed, done.seen, done.analysis.new, done.analysis.changed) == (3, 1, 1, 1)
    assert len(server.asked("/a1")) == 1 and len(server.asked("/a2")) == 2


def test_an_item_stored_under_its_url_is_not_even_asked_for(server: FeedServer, db: Path):
    clock = FakeClock()
    a1 = item(server, "a1", STRIKE)
    publish(server, [a1], '"v1"')
    with Store(db) as store:
        watcher(store, server, clock).poll()
        # another feed (another guid) lists the same story
        publish(server, [Item("other-guid", a1.title, STRIKE, a1.link)], '"v2"')
        clock.now += 900
        done = watcher(store, server, clock).poll()
        assert (done.stored_already, done.analysis.new) == (1, 0)
    assert len(server.asked("/a1")) == 1


def test_a_near_duplicate_of_a_stored_document_is_skipped_before_any_nlp(
    server: FeedServer, db: Path
):
    clock = FakeClock()
    publish(server, [item(server, "a1", STRIKE, "Strike on market")], '"v1"')
    with Store(db) as store:
        watch = watcher(store, server, clock)
        watch.poll()
        rewrite = STRIKE.replace("rescuers said", "rescue workers said")
        publish(server, [item(server, "b1", rewrite, "Strike on market")], '"v2"')
        clock.now += 900
        done = watch.poll()
        assert (done.near_duplicates, done.analysis.new) == (1, 0)
        assert titles(store) == ["Strike on market"]
        # a positive twin: a different story in the same poll is stored
        publish(server, [item(server, "c1", PROTEST)], '"v3"')
        clock.now += 900
        assert watch.poll().analysis.new == 1


def test_a_503_backs_off_as_long_as_retry_after_asks_and_then_recovers(
    server: FeedServer, db: Path
):
    clock = FakeClock()
    publish(server, [item(server, "a1", STRIKE)], '"v1"')
    server.once(FEED, Answer(503, b"busy", "text/plain", headers={"Retry-After": "3600"}))
    with Store(db) as store:
        watch = watcher(store, server, clock)
        failed = watch.poll()
        assert [f.reason for f in failed.failures] == ["HTTP 503 Service Unavailable"]
        state = load_feeds(store)[server.url(FEED)]
        assert state.failures == 1 and state.next_poll == clock.now + 3600
        clock.now += 900  # due by the schedule, not by the server's word
        assert watch.poll().polled == 0
        assert watch.poll(everything=True).polled == 0  # --once honours a backoff too
        clock.now += 2700
        done = watch.poll()
        assert done.analysis.new == 1 and load_feeds(store)[server.url(FEED)].failures == 0


def test_a_malformed_poll_is_survived(server: FeedServer, db: Path):
    clock = FakeClock()
    server.once(FEED, Answer(body=b"<rss><channel><item><title>cut off"))
    publish(server, [item(server, "a1", STRIKE)], '"v1"')
    with Store(db) as store:
        watch = watcher(store, server, clock)
        bad = watch.poll()
        assert len(bad.failures) == 1 and bad.analysis.new == 0
        clock.now += 900  # the first failure waits between half and all of the interval
        assert watch.poll().analysis.new == 1


def test_items_over_the_cap_wait_for_the_next_poll(server: FeedServer, db: Path):
    clock = FakeClock()
    items = [item(server, "a1", STRIKE), item(server, "a2", TALKS), item(server, "a3", PROTEST)]
    publish(server, items, '"v1"')
    with Store(db) as store:
        watch = watcher(store, server, clock, max_items=2)
        first = watch.poll()
        assert (first.analysis.new, first.deferred) == (2, 1)
        assert load_feeds(store)[server.url(FEED)].etag is None  # read in full next time
        clock.now += 900
        second = watch.poll()
        assert (second.analysis.new, second.seen, second.deferred) == (1, 2, 0)
        assert load_feeds(store)[server.url(FEED)].etag == '"v1"'


def test_the_byte_budget_of_a_poll_defers_the_rest(server: FeedServer, db: Path):
    clock = FakeClock()
    publish(server, [item(server, "a1", STRIKE), item(server, "a2", TALKS)], '"v1"')
    with Store(db) as store:
        done = watcher(store, server, clock, poll_bytes=1).poll()
        assert (done.analysis.new, done.deferred) == (0, 2)


def test_a_stop_finishes_the_item_in_hand_and_a_restart_reads_the_rest(
    server: FeedServer, db: Path
):
    clock = FakeClock()
    items = [item(server, "a1", STRIKE), item(server, "a2", TALKS), item(server, "a3", PROTEST)]
    publish(server, items, '"v1"')
    stop = threading.Event()

    def sleep_then_stop(seconds: float) -> None:  # Ctrl-C while the first page is asked for
        clock.sleep(seconds)
        if len(server.asked("/robots.txt")) == 1:
            stop.set()

    with Store(db) as store:
        watch = watcher(store, server, clock, stop)
        watch.poller.pacer.sleep = sleep_then_stop
        done = watch.poll()
        assert done.stopped and (done.analysis.new, done.deferred) == (1, 2)
        assert titles(store) == ["Story a1"]
        assert load_feeds(store)[server.url(FEED)].etag is None
    with Store(db) as store:
        clock.now += 900
        done = watcher(store, server, clock).poll()
        assert (done.analysis.new, done.seen) == (2, 1)
        assert titles(store) == ["Story a1", "Story a2", "Story a3"]


def test_the_loop_sleeps_until_the_next_poll_is_due_and_stops_when_asked(
    server: FeedServer, db: Path
):
    clock = FakeClock()
    publish(server, [item(server, "a1", STRIKE)], '"v1"')
    stop = threading.Event()
    rounds: list[Round] = []
    waits: list[float] = []

    def wait(seconds: float) -> None:
        waits.append(seconds)
        clock.now += seconds
        if len(waits) == 2:
            stop.set()

    with Store(db) as store:
        watcher(store, server, clock, stop).run(False, rounds.append, wait)
    assert [r.not_modified for r in rounds] == [0, 1]
    assert waits == [pytest.approx(900.0, abs=5), pytest.approx(900.0, abs=5)]


def test_publishing_after_a_poll_that_stored_something(
    server: FeedServer, db: Path, tmp_path: Path
):
    clock = FakeClock()
    view = tmp_path / "view.duckdb"
    publish(server, [item(server, "a1", STRIKE)], '"v1"')
    with Store(db) as store:
        watch = watcher(store, server, clock)
        watch.publish = view
        watch.poll()
    con = duckdb.connect(str(view), read_only=True)
    assert con.execute("SELECT title FROM documents").fetchall() == [("Story a1",)]
    con.close()
