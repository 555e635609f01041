"""One poll of a watched URL, and the reading of one item's page: the network side of
`newsgraph watch`, with no store and no NLP.

Every request goes through the safe fetcher (ingest/fetch.py: the address policy on every
redirect, a size cap, a timeout) with an honest User-Agent, after the per-host delay. A feed
is asked for conditionally (If-None-Match / If-Modified-Since), so an unchanged feed costs
one small 304. Item pages are read with trafilatura, if robots.txt allows; the feed's own
text of the item is the fallback, and which one was used is recorded (`Read.how`).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal
from urllib.parse import urljoin

from newsgraph.errors import HttpStatus, InputError
from newsgraph.ingest.addresses import AddressPolicy, policy_for
from newsgraph.ingest.detect import SNIFF_BYTES, charset_of, detect
from newsgraph.ingest.feeds import FeedItem, feed_items
from newsgraph.ingest.fetch import NOT_MODIFIED, USER_AGENT, Fetched, fetch
from newsgraph.ingest.html import read_html
from newsgraph.ingest.pacing import Clock, HostPacer, Sleep, host_of, retry_after
from newsgraph.ingest.robots import Robots
from newsgraph.ingest.text import DEFAULT_MAX_BYTES
from newsgraph.model import Article, Unreadable

Fetch = Callable[..., Fetched]  # ingest.fetch.fetch, or a stand-in


@dataclass(frozen=True, slots=True)
class Limits:
    """How hard a watch may pull on the sites it watches."""

    every: float = 900.0  # seconds between two polls of one URL
    host_delay: float = 2.0  # seconds between two requests to one host (more if robots asks)
    max_items: int = 50  # items read per URL per poll; the rest wait for the next poll
    poll_bytes: int = 20_000_000  # bytes per URL per poll (feed and pages); then the rest wait
    max_bytes: int = DEFAULT_MAX_BYTES  # per response: a feed or a page over it is refused
    timeout: float = 20.0  # seconds per request
    allow_private: bool = False  # fetch from loopback, private, ... addresses too


@dataclass(frozen=True, slots=True)
class Polled:
    """What one poll of a watched URL brought back."""

    url: str
    outcome: Literal["feed", "page", "not-modified", "failed"]
    items: list[FeedItem] = field(default_factory=list)
    kind: Literal["feed", "page"] | None = None  # what the URL turned out to be, if known
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    retry_after: float | None = None  # seconds the server asked us to wait
    bytes: int = 0


@dataclass(frozen=True, slots=True)
class Read:
    """One item read: the article, and how (`page`, `feed-text`, or `failed` with why)."""

    article: Article | Unreadable
    how: Literal["page", "feed-text", "failed"]
    bytes: int = 0
    note: str | None = None  # why the page was not used, when it was not


class Poller:
    """Polls watched URLs and reads their items' pages, politely."""

    def __init__(
        self,
        limits: Limits,
        clock: Clock = time.time,
        sleep: Sleep = time.sleep,
        fetch_url: Fetch = fetch,
        user_agent: str = USER_AGENT,
    ) -> None:
        self.limits = limits
        self.clock = clock
        self.pacer = HostPacer(limits.host_delay, clock, sleep)
        self.policy: AddressPolicy = policy_for(limits.allow_private)
        self.fetch_url = fetch_url
        self.user_agent = user_agent
        self.robots = Robots(self._robots_txt, clock)

    def poll(
        self, url: str, kind: str | None, etag: str | None, last_modified: str | None
    ) -> Polled:
        """GET a watched URL, conditionally when validators are known; never raises for a
        bad answer (a failed Polled says why)."""
        why = self._refusal(url) if kind == "page" else None
        if why is not None:
            return Polled(url, "failed", kind="page", error=why)
        headers = {"If-None-Match": etag} if etag else {}
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            got = self._get(url, headers)
        except HttpStatus as exc:
            wait = retry_after(exc.retry_after, self.clock())
            return Polled(url, "failed", error=str(exc), retry_after=wait)
        except InputError as exc:
            return Polled(url, "failed", error=_one_line(exc))
        if got.status == NOT_MODIFIED:
            etag, last_modified = got.etag or etag, got.last_modified or last_modified
            return Polled(url, "not-modified", etag=etag, last_modified=last_modified)
        return self._read_poll(url, got, kind)

    def _read_poll(self, url: str, got: Fetched, expected: str | None) -> Polled:
        size = len(got.data)
        kind = detect(got.final_url, got.data[:SNIFF_BYTES], got.content_type)
        if expected == "feed" and kind != "feed":  # an error page served with a 200
            error = f"was a feed, now answers with {kind}, not a feed"
            return Polled(url, "failed", kind="feed", error=error, bytes=size)
        try:
            if kind == "feed":
                items = [
                    _absolute(item, got.final_url)
                    for item in feed_items(got.data, url, empty_ok=True)
                ]
                return Polled(url, "feed", items, "feed", got.etag, got.last_modified, bytes=size)
            if kind == "html":
                why = self._refusal(url)
                if why is not None:
                    return Polled(url, "failed", kind="page", error=why, bytes=size)
                item = self._page_item(url, got)
                return Polled(url, "page", [item], "page", got.etag, got.last_modified, bytes=size)
        except InputError as exc:
            known: Literal["feed", "page"] = "page" if kind == "html" else "feed"
            return Polled(url, "failed", kind=known, error=_one_line(exc), bytes=size)
        return Polled(url, "failed", error=f"not a feed or an HTML page ({kind})", bytes=size)

    def _page_item(self, url: str, got: Fetched) -> FeedItem:
        """A watched page as the one item it holds, read already (no link to follow); its
        digest is its body's."""
        article = read_html(
            got.data, url, got.final_url, self.limits.max_bytes, charset_of(got.content_type)
        )
        digest = hashlib.sha256(got.data).hexdigest()[:16]
        return FeedItem(key=url, link=None, digest=digest, article=article)

    def read_item(self, item: FeedItem) -> Read:
        """The item's page through trafilatura; the feed's text when the page cannot be had."""
        if item.link is None:
            return _fallback(item, "the item has no link", 0)
        why = self._refusal(item.link)
        if why is not None:
            return _fallback(item, why, 0)
        try:
            got = self._get(item.link, {})
            size = len(got.data)
            kind = detect(got.final_url, got.data[:SNIFF_BYTES], got.content_type)
            if kind != "html":
                return _fallback(item, f"the link is not an HTML page ({kind})", size)
            page = read_html(
                got.data, item.link, got.final_url, self.limits.max_bytes,
                charset_of(got.content_type),
            )  # fmt: skip
        except InputError as exc:
            return _fallback(item, _one_line(exc), 0)
        return Read(_with_feed_facts(page, item.article), "page", size)

    def _get(self, url: str, headers: Mapping[str, str]) -> Fetched:
        self.pacer.wait(url)
        return self.fetch_url(
            url,
            self.limits.timeout,
            self.limits.max_bytes,
            self.policy,
            headers=headers,
            user_agent=self.user_agent,
        )

    def _robots_txt(self, url: str, max_bytes: int) -> Fetched:
        self.pacer.wait(url)
        return self.fetch_url(
            url, self.limits.timeout, max_bytes, self.policy, user_agent=self.user_agent
        )

    def _refusal(self, url: str) -> str | None:
        """Why robots.txt keeps the page out, or None; its Crawl-delay slows the host down."""
        why = self.robots.refusal(url)
        if why is None:
            delay = self.robots.crawl_delay(url)
            if delay:
                self.pacer.slow_down(host_of(url), delay)
        return why


def _fallback(item: FeedItem, why: str, size: int) -> Read:
    if isinstance(item.article, Article):
        return Read(item.article, "feed-text", size, note=why)
    source = item.link or item.article.source
    return Read(Unreadable(source, why), "failed", size, note=why)


def _with_feed_facts(page: Article, from_feed: Article | Unreadable) -> Article:
    """The page's article, with what the feed says where the page says nothing (a page that
    names no site gets its host name as outlet: the feed's title says more)."""
    if not isinstance(from_feed, Article):
        return page
    nameless = page.outlet is None or page.outlet.lower() == host_of(page.url or page.source)
    return replace(
        page,
        title=page.title or from_feed.title,
        byline=page.byline or from_feed.byline,
        published=page.published or from_feed.published,
        outlet=(from_feed.outlet or page.outlet) if nameless else page.outlet,
    )


def _absolute(item: FeedItem, base: str) -> FeedItem:
    """A relative item link made absolute against the feed's own URL."""
    if item.link is None:
        return item
    link = urljoin(base, item.link)
    return item if link == item.link else replace(item, link=link)


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
