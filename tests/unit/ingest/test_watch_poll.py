"""One poll of a watched URL and the reading of its items, against the local feed server
(127.0.0.1, so the Poller is told --allow-private, except where the refusal is the test)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from feed_server import Answer, FakeClock, FeedServer, Item, feed_server, page, rss
from newsgraph.ingest.fetch import USER_AGENT
from newsgraph.ingest.robots import DISALLOWED as ROBOTS_DISALLOW
from newsgraph.ingest.watch import Limits, Poller
from newsgraph.model import Article

STRIKE = "An air strike hit a market in Idlib on Tuesday, killing 12 people."


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with feed_server() as running:
        yield running


def poller(clock: FakeClock, **limits: object) -> Poller:
    settings = {"allow_private": True, "host_delay": 2.0, **limits}
    return Poller(Limits(**settings), clock, clock.sleep)  # type: ignore[arg-type]


def feed(server: FeedServer, *items: Item, etag: str | None = '"v1"') -> None:
    server.serve("/feed.xml", Answer(body=rss("Example Wire", list(items)), etag=etag))


def test_a_feed_is_read_then_asked_for_conditionally_and_answers_304(server: FeedServer):
    feed(server, Item("a1", "Strike on Idlib market", STRIKE, server.url("/a1")))
    clock = FakeClock()
    watch = poller(clock)
    first = watch.poll(server.url("/feed.xml"), None, None, None)
    assert first.outcome == "feed" and first.kind == "feed" and first.etag == '"v1"'
    assert [i.link for i in first.items] == [server.url("/a1")]
    again = watch.poll(server.url("/feed.xml"), "feed", first.etag, None)
    assert again.outcome == "not-modified" and again.items == []
    asked = server.asked("/feed.xml")
    assert "If-None-Match" not in asked[0].headers
    assert asked[1].headers["If-None-Match"] == '"v1"'
    assert asked[0].headers["User-Agent"] == USER_AGENT


def test_last_modified_is_sent_back_as_if_modified_since(server: FeedServer):
    stamp = "Tue, 04 Apr 2017 15:00:00 GMT"
    body = rss("Example Wire", [Item("a1", "Strike", STRIKE)])
    server.serve("/feed.xml", Answer(body=body, last_modified=stamp))
    watch = poller(FakeClock())
    first = watch.poll(server.url("/feed.xml"), None, None, None)
    assert first.last_modified == stamp
    assert watch.poll(server.url("/feed.xml"), "feed", None, stamp).outcome == "not-modified"


def test_a_503_with_retry_after_is_a_failure_that_says_how_long_to_wait(server: FeedServer):
    server.once("/feed.xml", Answer(503, b"busy", "text/plain", headers={"Retry-After": "120"}))
    polled = poller(FakeClock()).poll(server.url("/feed.xml"), None, None, None)
    assert polled.outcome == "failed" and polled.retry_after == 120.0
    assert polled.error == "HTTP 503 Service Unavailable"


def test_a_malformed_feed_is_a_failure_not_a_crash(server: FeedServer):
    server.serve("/feed.xml", Answer(body=b'<?xml version="1.0"?><rss><channel><title>x</ti'))
    polled = poller(FakeClock()).poll(server.url("/feed.xml"), "feed", None, None)
    assert polled.outcome == "failed" and "feed" in (polled.error or "")


def test_a_known_feed_answering_with_an_html_page_is_a_failure(server: FeedServer):
    server.serve("/feed.xml", Answer(body=page("Login", ["Sign in."]), content_type="text/html"))
    polled = poller(FakeClock()).poll(server.url("/feed.xml"), "feed", None, None)
    assert polled.outcome == "failed" and "not a feed" in (polled.error or "")


def test_the_page_is_read_and_the_feed_fills_what_it_lacks(server: FeedServer):
    feed(server, Item("a1", "Strike on Idlib market", STRIKE, server.url("/a1")))
    server.serve("/a1", Answer(body=page("Strike on Idlib market", [STRIKE, "Rescuers dug."]), content_type="text/html"))  # fmt: skip
    watch = poller(FakeClock())
    item = watch.poll(server.url("/feed.xml"), None, None, None).items[0]
    read = watch.read_item(item)
    assert read.how == "page" and isinstance(read.article, Article)
    assert "Rescuers dug." in read.article.raw
    assert read.article.published == "2017-04-04"  # from the feed: the page gives no date
    assert read.article.outlet  # the page's host, or the feed's title


def test_a_huge_page_falls_back_to_the_feed_text(server: FeedServer):
    feed(server, Item("a1", "Strike on Idlib market", STRIKE, server.url("/huge")))
    server.serve("/huge", Answer(body=page("Huge", ["word " * 50_000]), content_type="text/html"))
    watch = poller(FakeClock(), max_bytes=100_000)
    read = watch.read_item(watch.poll(server.url("/feed.xml"), None, None, None).items[0])
    assert read.how == "feed-text" and "cap" in (read.note or "")
    assert isinstance(read.article, Article) and read.article.raw == STRIKE


def test_an_item_with_neither_a_page_nor_text_fails(server: FeedServer):
    feed(server, Item("a1", "Headline only", "", server.url("/gone")))
    watch = poller(FakeClock())
    read = watch.read_item(watch.poll(server.url("/feed.xml"), None, None, None).items[0])
    assert read.how == "failed" and read.note == "HTTP 404 Not Found"


def test_robots_txt_keeps_pages_out_but_not_the_feed_the_user_named(server: FeedServer):
    server.serve("/robots.txt", Answer(body=b"User-agent: *\nDisallow: /\n", content_type="text/plain"))  # fmt: skip
    feed(server, Item("a1", "Strike", STRIKE, server.url("/a1")))
    server.serve("/a1", Answer(body=page("Strike", [STRIKE]), content_type="text/html"))
    watch = poller(FakeClock())
    polled = watch.poll(server.url("/feed.xml"), None, None, None)
    assert polled.outcome == "feed"
    read = watch.read_item(polled.items[0])
    assert read.how == "feed-text" and read.note == ROBOTS_DISALLOW
    assert server.asked("/a1") == []
    assert len(server.asked("/robots.txt")) == 1


def test_a_watched_page_is_held_to_robots_txt(server: FeedServer):
    server.serve("/robots.txt", Answer(body=b"User-agent: newsgraph\nDisallow: /live\n", content_type="text/plain"))  # fmt: skip
    server.serve("/live", Answer(body=page("Live", [STRIKE]), content_type="text/html"))
    watch = poller(FakeClock())
    first = watch.poll(server.url("/live"), None, None, None)
    assert first.outcome == "failed" and first.kind == "page" and first.error == ROBOTS_DISALLOW
    again = watch.poll(server.url("/live"), "page", None, None)
    assert again.error == ROBOTS_DISALLOW
    assert len(server.asked("/live")) == 1  # known to be a page: not even asked the second time


def test_a_watched_page_is_one_item_read_already(server: FeedServer):
    server.serve("/live", Answer(body=page("Live", [STRIKE]), content_type="text/html"))
    polled = poller(FakeClock()).poll(server.url("/live"), None, None, None)
    assert polled.outcome == "page" and len(polled.items) == 1
    assert polled.items[0].link is None and isinstance(polled.items[0].article, Article)


def test_requests_to_the_server_wait_out_the_host_delay(server: FeedServer):
    feed(server, Item("a1", "Strike", STRIKE, server.url("/a1")))
    server.serve("/a1", Answer(body=page("Strike", [STRIKE]), content_type="text/html"))
    clock = FakeClock()
    watch = poller(clock, host_delay=3.0)
    watch.read_item(watch.poll(server.url("/feed.xml"), None, None, None).items[0])
    # the feed, then robots.txt and the page: each after the host's 3 s
    assert clock.slept == [3.0, 3.0]


def test_the_default_refuses_the_local_server(server: FeedServer):
    feed(server, Item("a1", "Strike", STRIKE))
    clock = FakeClock()
    polled = Poller(Limits(), clock, clock.sleep).poll(server.url("/feed.xml"), None, None, None)
    assert polled.outcome == "failed"
    assert "127.0.0.1 is a loopback address" in (polled.error or "")
    assert "--allow-private" in (polled.error or "")
    assert server.requests == []


def test_a_feed_with_no_items_is_not_a_failure(server: FeedServer):
    feed(server)
    polled = poller(FakeClock()).poll(server.url("/feed.xml"), None, None, None)
    assert polled.outcome == "feed" and polled.items == []


def test_a_page_that_names_no_site_takes_the_feeds_title_as_outlet(server: FeedServer):
    feed(server, Item("a1", "Strike", STRIKE, server.url("/a1")))
    server.serve("/a1", Answer(body=page("Strike", [STRIKE]), content_type="text/html"))
    watch = poller(FakeClock())
    read = watch.read_item(watch.poll(server.url("/feed.xml"), None, None, None).items[0])
    assert isinstance(read.article, Article) and read.article.outlet == "Example Wire"


def test_a_page_that_names_its_site_keeps_it(server: FeedServer):
    feed(server, Item("a1", "Strike", STRIKE, server.url("/a1")))
    named = page("Strike", [STRIKE]).replace(
        b"<title>", b"<meta property='og:site_name' content='Idlib Today'><title>"
    )
    server.serve("/a1", Answer(body=named, content_type="text/html"))
    watch = poller(FakeClock())
    read = watch.read_item(watch.poll(server.url("/feed.xml"), None, None, None).items[0])
    assert isinstance(read.article, Article) and read.article.outlet == "Idlib Today"
