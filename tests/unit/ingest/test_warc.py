import io
import os

import pytest

from newsgraph.ingest.warc import read_warc
from newsgraph.model import Article, Unreadable

PAGE_URI = "https://example.com/world/rebels-bridge"


@pytest.mark.parametrize("archive", ["warc_gz", "warc_plain"])
def test_only_html_responses_with_status_200_are_read(archive: str, request: pytest.FixtureRequest):
    data: bytes = request.getfixturevalue(archive)
    article, blank = read_warc(io.BytesIO(data), "crawl.warc")
    assert isinstance(article, Article)
    assert article.source == article.url == "https://example.com/world/rebels-bridge"
    assert article.title == "Rebels take Deir ez-Zor bridge"
    assert "Rebel fighters seized the main bridge" in article.raw
    assert "a café owner" in article.raw  # the page's windows-1252 meta charset is honoured
    # the PNG, the request and the 404 are skipped; the empty page is named by its URI
    assert blank == Unreadable(
        "https://example.com/blank", "no article text found in the HTML page"
    )


def test_the_size_cap_applies_per_record(warc_gz: bytes):
    items = list(read_warc(io.BytesIO(warc_gz), "crawl.warc.gz", max_record_bytes=200))
    assert isinstance(items[0], Unreadable)
    assert items[0].source == PAGE_URI
    assert "cap" in items[0].reason


@pytest.mark.parametrize("archive", ["warc_gz", "warc_plain"])
def test_a_truncated_archive_yields_what_it_read_then_says_so(
    archive: str, request: pytest.FixtureRequest
):
    data: bytes = request.getfixturevalue(archive)
    items = list(read_warc(io.BytesIO(data[: len(data) // 2]), "cut.warc"))
    assert items[0].source == PAGE_URI
    assert isinstance(items[0], Article)
    last = items[-1]
    assert isinstance(last, Unreadable)
    assert last.source == "cut.warc"
    assert last.reason.startswith("truncated or corrupt WARC after ")


@pytest.mark.parametrize("archive", ["warc_gz", "warc_plain"])
def test_every_cut_ends_in_a_report_never_an_exception(
    archive: str, request: pytest.FixtureRequest
):
    data: bytes = request.getfixturevalue(archive)
    for cut in range(1, len(data), max(1, len(data) // 60)):
        items = list(read_warc(io.BytesIO(data[:cut]), "cut.warc"))
        assert isinstance(items[-1], Unreadable) or _between_records(data, cut), cut


def _between_records(data: bytes, cut: int) -> bool:
    """A cut that loses only whole records (and blank lines) leaves a valid, shorter archive."""
    rest = data[cut:]
    return rest.startswith(b"\x1f\x8b") or rest.lstrip(b"\r\n").startswith(b"WARC/")


def test_random_junk_is_reported_not_raised():
    junk = os.urandom(3000)
    (item,) = read_warc(io.BytesIO(junk), "junk.warc")
    assert isinstance(item, Unreadable)
    assert item.source == "junk.warc"


def test_an_empty_stream_has_no_records():
    assert list(read_warc(io.BytesIO(b""), "empty.warc")) == [
        Unreadable("empty.warc", "no WARC records found")
    ]
