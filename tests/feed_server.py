"""A local feed server for the watch tests: http.server in a thread on 127.0.0.1 (port 0)
whose answers the test scripts between polls.

Each path answers with its current `Answer` (set with `serve`), after any one-off answers
queued for it (`once`: a 503, a malformed feed). An answer with an ETag or a Last-Modified
gets a 304 when the request carries the matching validator, as a real server would.
Everything it was asked is kept in `requests`.
"""

from __future__ import annotations

import threading
from collections import defaultdict, deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class Answer:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/rss+xml; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Asked:
    path: str
    headers: dict[str, str]


class FeedServer:
    """The scripted server; `url(path)` is where to find a path on it."""

    def __init__(self) -> None:
        self.answers: dict[str, Answer] = {}
        self.queued: dict[str, deque[Answer]] = defaultdict(deque)
        self.requests: list[Asked] = []
        self.lock = threading.Lock()
        self.base = ""

    def serve(self, path: str, answer: Answer) -> None:
        with self.lock:
            self.answers[path] = answer

    def once(self, path: str, answer: Answer) -> None:
        with self.lock:
            self.queued[path].append(answer)

    def url(self, path: str) -> str:
        return self.base + path

    def asked(self, path: str) -> list[Asked]:
        with self.lock:
            return [r for r in self.requests if r.path == path]

    def answer(self, path: str, headers: dict[str, str]) -> Answer:
        with self.lock:
            self.requests.append(Asked(path, headers))
            if self.queued[path]:
                return self.queued[path].popleft()
            found = self.answers.get(path)
        if found is None:
            return Answer(404, b"not here", "text/plain")
        if found.etag and headers.get("If-None-Match") == found.etag:
            return Answer(304, etag=found.etag)
        modified = headers.get("If-Modified-Since")
        if found.last_modified and not found.etag and modified == found.last_modified:
            return Answer(304, last_modified=found.last_modified)
        return found


@contextmanager
def feed_server() -> Iterator[FeedServer]:
    """The server, listening until the block ends."""
    scripted = FeedServer()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            answer = scripted.answer(self.path, dict(self.headers.items()))
            self.send_response(answer.status)
            if answer.status != 304:
                self.send_header("Content-Type", answer.content_type)
                self.send_header("Content-Length", str(len(answer.body)))
            for name, value in (("ETag", answer.etag), ("Last-Modified", answer.last_modified)):
                if value:
                    self.send_header(name, value)
            for name, value in answer.headers.items():
                self.send_header(name, value)
            self.end_headers()
            if answer.status != 304:
                self.wfile.write(answer.body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    scripted.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield scripted
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@dataclass(frozen=True)
class Item:
    guid: str
    title: str
    text: str
    link: str | None = None
    published: str = "Tue, 04 Apr 2017 18:00:00 +0300"


def rss(outlet: str, items: list[Item]) -> bytes:
    """An RSS 2.0 feed of the items (their text as the description)."""
    entries = "".join(
        "<item>"
        f"<guid>{escape(i.guid)}</guid><title>{escape(i.title)}</title>"
        + (f"<link>{escape(i.link)}</link>" if i.link else "")
        + f"<pubDate>{i.published}</pubDate><description>{escape(i.text)}</description>"
        "</item>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(outlet)}</title><link>https://example.org/</link>{entries}"
        "</channel></rss>"
    ).encode()


def page(title: str, paragraphs: list[str]) -> bytes:
    """An article page trafilatura reads: a headline and paragraphs, with navigation."""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title></head><body><nav>Home | World | Sport</nav>"
        f"<article><h1>{escape(title)}</h1>{body}</article>"
        "<footer>Copyright 2017</footer></body></html>"
    ).encode()


def http_date(when: datetime) -> str:
    return format_datetime(when.astimezone(UTC), usegmt=True)


class FakeClock:
    """Time that passes only when slept through: schedules and delays with no real wait."""

    def __init__(self, start: float = 1_491_300_000.0) -> None:
        self.now = start
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += max(0.0, seconds)
