"""fetch() against a real HTTP server on 127.0.0.1, run in a thread for the test module."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsgraph.errors import InputError, TooLarge
from newsgraph.ingest.fetch import USER_AGENT, fetch

PAGE = b"<html><body><p>Talks resumed in Geneva.</p></body></html>"
SEEN_AGENTS: list[str] = []


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        route = {
            "/page": self._page,
            "/moved": self._moved,
            "/ftp": self._to_ftp,
            "/huge": self._huge,
            "/slow": self._slow,
        }.get(self.path)
        if route is None:
            self.send_error(404, "Not Found")
        else:
            route()

    def _page(self) -> None:
        self._send(PAGE, "text/html; charset=utf-8")

    def _moved(self) -> None:
        self.send_response(301)
        self.send_header("Location", "/page")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _to_ftp(self) -> None:
        self.send_response(302)
        self.send_header("Location", "ftp://127.0.0.1/secret")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _huge(self) -> None:
        self._send(b"x" * 100_000, "text/plain")

    def _slow(self) -> None:
        time.sleep(0.5)
        self._send(PAGE, "text/html")

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the test output clean


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up (the size cap, the timeout) breaks the pipe; that is fine


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    server = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_a_page(base_url: str):
    fetched = fetch(f"{base_url}/page")
    assert fetched.data == PAGE
    assert fetched.content_type == "text/html; charset=utf-8"
    assert fetched.final_url == fetched.url == f"{base_url}/page"
    assert SEEN_AGENTS[-1] == USER_AGENT


def test_redirects_are_followed(base_url: str):
    fetched = fetch(f"{base_url}/moved")
    assert fetched.url == f"{base_url}/moved"
    assert fetched.final_url == f"{base_url}/page"
    assert fetched.data == PAGE


def test_a_redirect_away_from_http_is_refused(base_url: str):
    with pytest.raises(InputError, match="redirected to a non-HTTP URL: ftp://"):
        fetch(f"{base_url}/ftp")


def test_http_errors_are_one_line(base_url: str):
    with pytest.raises(InputError, match=r"^HTTP 404 Not Found$"):
        fetch(f"{base_url}/missing")


def test_the_size_cap(base_url: str):
    with pytest.raises(TooLarge, match="over the 1,000-byte cap"):
        fetch(f"{base_url}/huge", max_bytes=1000)
    assert len(fetch(f"{base_url}/huge", max_bytes=100_000).data) == 100_000


def test_the_timeout(base_url: str):
    with pytest.raises(InputError, match=r"^timed out after 0.1 s$"):
        fetch(f"{base_url}/slow", timeout=0.1)


def test_nothing_listening():
    with pytest.raises(InputError, match=r"^cannot connect: "):
        fetch("http://127.0.0.1:9/", timeout=2)


def test_an_unknown_host(monkeypatch: pytest.MonkeyPatch):
    def no_such_host(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    with pytest.raises(InputError, match=r"^cannot resolve host: Name or service not known$"):
        fetch("https://no-such-host.invalid/")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/x", "/etc/passwd"])
def test_only_http_and_https(url: str):
    with pytest.raises(InputError, match="not an http"):
        fetch(url)
