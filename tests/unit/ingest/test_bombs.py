"""Decompression bombs: small on the wire or on disk, huge once inflated. Each is refused in
one line at the size cap, and what comes after it is still read."""

from __future__ import annotations

import gzip
import io
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.ingest.sources import ReadOptions, read_source
from newsgraph.ingest.warc import read_warc
from newsgraph.model import Article, Unreadable

from .conftest import PAGE

CAP = 1_000_000
INFLATED = 64 * CAP  # 64 MB of markup once inflated
BOMB = gzip.compress(b"<p>" + b" " * INFLATED + b"</p>", compresslevel=9)


def _warc(records: list[tuple[str, bytes, list[tuple[str, str]]]]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for uri, body, extra in records:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html"), *extra], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
        )
        writer.write_record(record)
    return buffer.getvalue()


def test_the_bomb_is_small_on_disk() -> None:
    assert len(BOMB) < INFLATED // 500


def test_a_warc_record_gzip_encoded_to_64_mb_is_refused_and_the_next_read() -> None:
    archive = _warc(
        [
            ("https://example.com/bomb", BOMB, [("Content-Encoding", "gzip")]),
            ("https://example.com/page", PAGE, []),
        ]
    )
    items = list(read_warc(io.BytesIO(archive), "cc.warc.gz", CAP))
    assert isinstance(items[0], Unreadable) and items[0].source == "https://example.com/bomb"
    assert "over the 1,000,000-byte cap" in items[0].reason
    assert isinstance(items[1], Article) and "Euphrates" in items[1].raw


def test_a_gzipped_warc_whose_record_inflates_past_the_cap_is_refused() -> None:
    huge = b"<html><body><p>" + b"x " * (INFLATED // 2) + b"</p></body></html>"
    archive = _warc([("https://example.com/huge", huge, []), ("https://e.com/p", PAGE, [])])
    assert len(archive) < INFLATED // 100  # the archive's own gzip is the bomb
    items = list(read_warc(io.BytesIO(archive), "cc.warc.gz", CAP))
    assert isinstance(items[0], Unreadable) and "cap" in items[0].reason
    assert isinstance(items[1], Article)


def test_a_gzip_file_is_not_inflated_into_memory(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt.gz"
    path.write_bytes(BOMB)
    (item,) = list(read_source(str(path), ReadOptions(max_bytes=CAP)))
    assert isinstance(item, Unreadable) and item.reason.startswith("binary data")
    text = tmp_path / "story.txt"  # the positive twin: a plain text file is read
    text.write_text("Talks\n\nTalks resumed in Geneva on Monday.", "utf-8")
    (story,) = list(read_source(str(text), ReadOptions(max_bytes=CAP)))
    assert isinstance(story, Article)


class _Bomber(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body, encoding = (BOMB, "gzip") if self.path == "/bomb" else (PAGE, None)
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Bomber)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_content_encoded_bomb_over_http_is_refused_in_one_line(site: str) -> None:
    options = ReadOptions(max_bytes=CAP, allow_private=True)
    (item,) = list(read_source(f"{site}/bomb", options))
    # never inflated (no Accept-Encoding is sent, and the body is taken as it comes)
    assert isinstance(item, Unreadable) and item.reason.startswith("binary data"), item
    (page,) = list(read_source(f"{site}/page", options))
    assert isinstance(page, Article)
