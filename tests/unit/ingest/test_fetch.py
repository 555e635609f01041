"""fetch() against a real HTTP server on 127.0.0.1, run in a thread for the test module.

The server is on a loopback address, which fetch() refuses by default: the tests that fetch
from it say so with `policy=ANY_ADDRESS` (what --allow-private gives).
"""

from __future__ import annotations

import functools
import ipaddress
import re
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from newsgraph.errors import InputError, Refused, TooLarge
from newsgraph.ingest.addresses import ANY_ADDRESS, AddressPolicy, IPAddress, non_public
from newsgraph.ingest.fetch import USER_AGENT, fetch
from newsgraph.ingest.sources import ReadOptions, read_source
from newsgraph.model import Article, Unreadable

PAGE = b"<html><body><p>Talks resumed in Geneva.</p></body></html>"
SEEN_AGENTS: list[str] = []
SEEN_HOSTS: list[str] = []
LOCAL = functools.partial(fetch, policy=ANY_ADDRESS)


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        SEEN_HOSTS.append(self.headers.get("Host", ""))
        route = {
            "/page": self._page,
            "/moved": self._moved,
            "/ftp": self._to_ftp,
            "/huge": self._huge,
            "/slow": self._slow,
            "/redirect": self._redirect,
        }.get(urlsplit(self.path).path)
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

    def _redirect(self) -> None:
        self.send_response(302)
        self.send_header("Location", parse_qs(urlsplit(self.path).query)["to"][0])
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


def _serve(host: str) -> Iterator[int]:
    server = QuietServer((host, 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    yield from _serve("127.0.0.1")


@pytest.fixture(scope="module")
def other_port() -> Iterator[int]:
    """A second server, on another loopback address: where a redirect must not lead."""
    yield from _serve("127.0.0.2")


@pytest.fixture(scope="module")
def base_url(port: int) -> str:
    return f"http://127.0.0.1:{port}"


def test_a_page(base_url: str):
    fetched = LOCAL(f"{base_url}/page")
    assert fetched.data == PAGE
    assert fetched.content_type == "text/html; charset=utf-8"
    assert fetched.final_url == fetched.url == f"{base_url}/page"
    assert SEEN_AGENTS[-1] == USER_AGENT


def test_redirects_are_followed(base_url: str):
    fetched = LOCAL(f"{base_url}/moved")
    assert fetched.url == f"{base_url}/moved"
    assert fetched.final_url == f"{base_url}/page"
    assert fetched.data == PAGE


def test_a_redirect_away_from_http_is_refused(base_url: str):
    with pytest.raises(InputError, match="redirected to a non-HTTP URL: ftp://"):
        LOCAL(f"{base_url}/ftp")


def test_http_errors_are_one_line(base_url: str):
    with pytest.raises(InputError, match=r"^HTTP 404 Not Found$"):
        LOCAL(f"{base_url}/missing")


def test_the_size_cap(base_url: str):
    with pytest.raises(TooLarge, match="over the 1,000-byte cap"):
        LOCAL(f"{base_url}/huge", max_bytes=1000)
    assert len(LOCAL(f"{base_url}/huge", max_bytes=100_000).data) == 100_000


def test_the_timeout(base_url: str):
    with pytest.raises(InputError, match=r"^timed out after 0.1 s$"):
        LOCAL(f"{base_url}/slow", timeout=0.1)


@pytest.mark.parametrize("timeout", [0, -1])
def test_a_timeout_of_zero_or_less_is_the_callers_mistake(base_url: str, timeout: float):
    with pytest.raises(ValueError, match="timeout must be more than 0 seconds"):
        LOCAL(f"{base_url}/page", timeout=timeout)


def test_nothing_listening():
    with pytest.raises(InputError, match=r"^cannot connect: "):
        LOCAL("http://127.0.0.1:9/", timeout=2)


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


# The address policy: loopback refused by default, allowed when asked, checked on every hop.


def test_a_loopback_server_is_refused_by_default(base_url: str):
    asked = len(SEEN_AGENTS)
    loopback = r"^refused: 127\.0\.0\.1 is a loopback address \(use --allow-private to fetch it\)$"
    with pytest.raises(Refused, match=loopback):
        fetch(f"{base_url}/page")
    assert len(SEEN_AGENTS) == asked  # refused before connecting, not after


def test_allow_private_is_threaded_from_the_read_options(base_url: str):
    (refused,) = read_source(f"{base_url}/page", ReadOptions())
    assert isinstance(refused, Unreadable) and refused.reason.startswith("refused: 127.0.0.1")
    (article,) = read_source(f"{base_url}/page", ReadOptions(allow_private=True))
    assert isinstance(article, Article) and "Talks resumed in Geneva." in article.raw


def _only_first_server(ip: IPAddress) -> str | None:
    """Treat 127.0.0.1 as if it were public; every other address as the default does."""
    return None if ip == ipaddress.ip_address("127.0.0.1") else non_public(ip)


@pytest.mark.parametrize(
    ("target", "refused"),
    [
        ("127.0.0.2", "127.0.0.2 is a loopback address"),
        ("2130706434", r"2130706434 \(127.0.0.2\) is a loopback address"),
        ("0x7f.0.0.2", r"0x7f.0.0.2 \(127.0.0.2\) is a loopback address"),
        ("[::ffff:127.0.0.2]", "::ffff:127.0.0.2 is a loopback address"),
        ("internal.test", "internal.test resolves to 127.0.0.2, a loopback address"),
    ],
)
def test_every_redirect_is_checked_again(port: int, other_port: int, target: str, refused: str):
    policy = AddressPolicy(
        _only_first_server, lambda host, _: {"internal.test": ["127.0.0.2"]}[host]
    )
    # the first hop is allowed: its redirect to a page on the same server is followed
    moved = fetch(f"http://127.0.0.1:{port}/moved", policy=policy)
    assert moved.data == PAGE
    location = f"http://{target}:{other_port}/page"
    asked = len(SEEN_AGENTS)
    with pytest.raises(
        Refused, match=rf"^refused redirect to {re.escape(location)}: {refused} \(use --a"
    ):
        fetch(f"http://127.0.0.1:{port}/redirect?to={location}", policy=policy)
    assert len(SEEN_AGENTS) == asked + 1  # the first server was asked; the second never was


def test_the_checked_address_is_the_one_connected_to(port: int, monkeypatch: pytest.MonkeyPatch):
    answers = iter([["127.0.0.1"], ["10.0.0.1"]])  # a name that rebinds after the first lookup
    resolved: list[str] = []

    def rebinding(host: str, _port: int) -> list[str]:
        resolved.append(host)
        return next(answers)

    system_getaddrinfo = socket.getaddrinfo

    def numeric_only(host: object, *args: object, **kwargs: object) -> object:
        assert host != "news.test", "the connection resolved the name again"
        return system_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", numeric_only)
    fetched = fetch(
        f"http://news.test:{port}/page",
        policy=AddressPolicy(resolver=rebinding, refuse=_only_first_server),
    )
    assert fetched.data == PAGE
    assert resolved == ["news.test"]  # once: the check's lookup is the connection's
    assert SEEN_HOSTS[-1] == f"news.test:{port}"  # the Host header keeps the name


@pytest.fixture(scope="module")
def tls_port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, str, list[str]]]:
    """An HTTPS server on 127.0.0.1 with a certificate for news.test only: port, CA, SNI seen."""
    if shutil.which("openssl") is None:
        pytest.skip("no openssl to make a certificate with")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    make = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1"
    names = ["-subj", "/CN=news.test", "-addext", "subjectAltName=DNS:news.test"]
    subprocess.run(
        [*make.split(), *names, "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    seen: list[str] = []
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)

    def note_sni(sock: ssl.SSLObject, name: str | None, context: ssl.SSLContext) -> None:
        seen.append(name or "")

    context.sni_callback = note_sni
    server = QuietServer(("127.0.0.1", 0), Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server.server_address[1], str(cert), seen
    server.shutdown()
    server.server_close()
    thread.join()


def test_https_to_the_checked_address_verifies_the_host_name(
    tls_port: tuple[int, str, list[str]], monkeypatch: pytest.MonkeyPatch
):
    port, ca, names = tls_port
    monkeypatch.setenv("SSL_CERT_FILE", ca)  # trust the test certificate, as a system CA
    policy = AddressPolicy(_only_first_server, lambda host, _: ["127.0.0.1"])
    assert fetch(f"https://news.test:{port}/page", policy=policy).data == PAGE
    assert names[-1] == "news.test"  # SNI carries the name, not the address
    with pytest.raises(InputError, match=r"^cannot connect: .*Hostname mismatch.*'other\.test'"):
        fetch(f"https://other.test:{port}/page", policy=policy)
