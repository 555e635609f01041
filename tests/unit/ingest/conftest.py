"""Small inputs for the ingest tests, built in the tests themselves: pages, feeds, archives."""

from __future__ import annotations

import io
import socket

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ARTICLE_SENTENCE = "Rebel fighters seized the main bridge over the Euphrates on Wednesday"
NAV_TEXT = "Subscribe to our world news menu"

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="windows-1252">
<title>Rebels take Deir ez-Zor bridge | Example News</title>
<meta property="og:title" content="Rebels take Deir ez-Zor bridge">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2017-04-05T10:00:00+03:00">
<link rel="canonical" href="https://example.com/world/rebels-bridge">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">{NAV_TEXT}</a></li></ul></nav>
<article>
<h1>Rebels take Deir ez-Zor bridge</h1>
<p>{ARTICLE_SENTENCE}, a caf\xe9 owner in the city said.</p>
<p>The Syrian Observatory for Human Rights said at least 12 people were killed in the
fighting near the bridge, which government forces had held since 2014.</p>
<p>Residents said the army shelled the eastern districts overnight, according to local
activists who spoke to reporters by telephone.</p>
</article>
<footer>Copyright 2023 Example News. All rights reserved.</footer>
</body></html>
""".encode("cp1252")


@pytest.fixture
def page() -> bytes:
    """A news page in windows-1252: navigation, a headline, three paragraphs, a footer."""
    return PAGE


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a network connection fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture
def warc_gz() -> bytes:
    """A gzipped archive: see `_archive`."""
    return _archive(gzip=True)


@pytest.fixture
def warc_plain() -> bytes:
    """An uncompressed archive: see `_archive`."""
    return _archive(gzip=False)


def _archive(gzip: bool) -> bytes:
    """One HTML page, one PNG, one request, one 404 page and one page with no text."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)

    def response(uri: str, status: str, content_type: str, body: bytes) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        _write(writer, uri, "response", body, headers)

    response("https://example.com/world/rebels-bridge", "200 OK", "text/html", PAGE)
    response("https://example.com/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" * 8)
    request = StatusAndHeaders(
        "GET /world HTTP/1.1", [("Host", "example.com")], is_http_request=True
    )
    _write(writer, "https://example.com/world", "request", b"", request)
    response("https://example.com/gone", "404 Not Found", "text/html", b"<html>gone</html>")
    response("https://example.com/blank", "200 OK", "text/html; charset=utf-8", b"<html></html>")
    return buffer.getvalue()


def _write(writer: WARCWriter, uri: str, kind: str, body: bytes, headers: StatusAndHeaders) -> None:
    # an explicit length keeps warcio from buffering the payload in a temporary file that it
    # never closes (a ResourceWarning, which this suite treats as an error)
    record = writer.create_warc_record(
        uri, kind, payload=io.BytesIO(body), length=len(body), http_headers=headers
    )
    writer.write_record(record)
