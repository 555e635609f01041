import json
import os
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest import sources
from newsgraph.ingest.addresses import ANY_ADDRESS, PUBLIC_ONLY, AddressPolicy
from newsgraph.ingest.fetch import Fetched
from newsgraph.ingest.sources import ReadOptions, expand_sources, read_source
from newsgraph.ingest.tables import ColumnMap
from newsgraph.model import Article, Unreadable

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Idlib</title><link>https://wire.example.com/idlib</link>
<description>Air strikes hit Idlib on Tuesday.</description></item></channel></rss>"""


def read(source: Path | str, **options: Any) -> list[Article | Unreadable]:
    return list(read_source(str(source), ReadOptions(**options)))


def test_expand_sources(tmp_path: Path):
    (tmp_path / "corpus/sub").mkdir(parents=True)
    (tmp_path / "corpus/.git").mkdir()
    for name in (
        "corpus/b.txt",
        "corpus/a.html",
        "corpus/sub/c.txt",
        "corpus/.hidden",
        "corpus/.git/x",
    ):
        (tmp_path / name).write_text("x")
    corpus = tmp_path / "corpus"
    assert expand_sources([str(corpus)]) == [
        str(corpus / "a.html"),
        str(corpus / "b.txt"),
        str(corpus / "sub/c.txt"),
    ]
    assert expand_sources([f"{corpus}/**/*.txt"]) == [
        str(corpus / "b.txt"),
        str(corpus / "sub/c.txt"),
    ]
    url = "https://example.com/feed.xml"
    missing = str(tmp_path / "nope-*.txt")
    assert expand_sources([url, missing, str(corpus / "b.txt"), str(corpus / "b.txt")]) == [
        url,
        missing,
        str(corpus / "b.txt"),
    ]


def test_a_glob_through_a_link_loop_lists_each_file_once(tmp_path: Path):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "sub/a.txt").write_text("x")
    (corpus / "sub/up").symlink_to("..")  # corpus/sub/up/sub/up/sub/... never ends
    assert expand_sources([f"{corpus}/**"]) == [str(corpus / "sub/a.txt")]
    assert expand_sources([f"{corpus}/**/*.txt"]) == [str(corpus / "sub/a.txt")]
    assert expand_sources([str(corpus)]) == [str(corpus / "sub/a.txt")]


def test_two_link_loops_end(tmp_path: Path):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "sub/a.txt").write_text("x")
    (corpus / "sub/up").symlink_to("..")
    (corpus / "self").symlink_to("../corpus")  # two loops: glob's walk grows exponentially
    script = "import sys; from newsgraph.ingest.sources import expand_sources; "
    script += "print(expand_sources([sys.argv[1]]))"
    done = subprocess.run(
        [sys.executable, "-c", script, f"{corpus}/**"], capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip() == repr([str(corpus / "sub/a.txt")]), done.stderr


def test_a_file_reached_by_two_names_is_listed_once(tmp_path: Path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "alias.txt").symlink_to("a.txt")
    assert expand_sources([str(tmp_path)]) == [str(tmp_path / "a.txt")]
    named = [str(tmp_path / "alias.txt"), f"{tmp_path}/./a.txt", str(tmp_path / "a.txt")]
    assert expand_sources(named) == [str(tmp_path / "alias.txt")]
    gone = tmp_path / "gone.txt"
    gone.symlink_to("nowhere.txt")  # named, it is kept: reading it says why it cannot be
    assert expand_sources([str(gone), str(gone)]) == [str(gone)]
    assert expand_sources([str(tmp_path)]) == [str(tmp_path / "a.txt")]


def test_a_folder_that_cannot_be_listed_is_named_not_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("x")
    (tmp_path / "b.txt").write_text("x")
    listed = os.scandir

    def scandir(path: str | Path = ".") -> Any:
        if os.fspath(path) == str(locked):  # what a folder without read access does (not as root)
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return listed(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert expand_sources([str(tmp_path)]) == [str(tmp_path / "b.txt"), str(locked)]
    assert read(locked) == [Unreadable(str(locked), "permission denied")]


def _read_in_a_subprocess(source: Path, max_bytes: int = 5_000_000) -> str:
    """What reading `source` gives, read where a hang or a runaway read cannot take the test
    run with it: 60 seconds, 2 GB of memory."""
    script = (
        "import sys; from newsgraph.ingest.sources import ReadOptions, read_source; "
        "print(list(read_source(sys.argv[1], ReadOptions(max_bytes=int(sys.argv[2])))))"
    )

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    done = subprocess.run(
        [sys.executable, "-c", script, str(source), str(max_bytes)],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=limit_memory,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path):
    pipe = tmp_path / "article.txt"
    os.mkfifo(pipe)
    expected = [Unreadable(str(pipe), "not a regular file")]
    assert _read_in_a_subprocess(pipe) == repr(expected)
    assert expand_sources([str(tmp_path)]) == []  # a folder's pipes are not listed at all


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_refused_not_read_forever():
    assert _read_in_a_subprocess(Path("/dev/zero")) == repr(
        [Unreadable("/dev/zero", "not a regular file")]
    )


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc here")
def test_the_cap_counts_the_bytes_read_not_the_size_the_file_gives():
    status = "/proc/self/status"  # a regular file of size 0 that holds a kilobyte or more
    (refused,) = read(status, max_bytes=200)
    assert refused == Unreadable(status, "over the 200-byte cap (--max-bytes)")


def test_each_kind_of_file_is_dispatched(tmp_path: Path, page: bytes, warc_gz: bytes):
    (tmp_path / "a.txt").write_text("Title\n\nBody text.")
    (tmp_path / "page.html").write_bytes(page)
    (tmp_path / "wire.xml").write_bytes(RSS)
    (tmp_path / "crawl.warc.gz").write_bytes(warc_gz)
    (text,) = read(tmp_path / "a.txt")
    assert text == Article(source=str(tmp_path / "a.txt"), raw="Title\n\nBody text.")
    (html,) = read(tmp_path / "page.html")
    assert isinstance(html, Article)
    assert html.title == "Rebels take Deir ez-Zor bridge"
    (item,) = read(tmp_path / "wire.xml")
    assert isinstance(item, Article)
    assert item.url == "https://wire.example.com/idlib"
    crawled = read(tmp_path / "crawl.warc.gz")
    assert [type(x).__name__ for x in crawled] == ["Article", "Unreadable"]


def test_html_is_found_by_sniffing_when_the_name_says_nothing(tmp_path: Path, page: bytes):
    (tmp_path / "download").write_bytes(page)
    (article,) = read(tmp_path / "download")
    assert isinstance(article, Article)
    assert article.title == "Rebels take Deir ez-Zor bridge"


def test_csv_needs_a_text_column_and_jsonl_has_defaults(tmp_path: Path):
    (tmp_path / "d.csv").write_text("body,when\nTroops withdrew.,5 April 2017\n")
    assert read(tmp_path / "d.csv") == [
        Unreadable(str(tmp_path / "d.csv"), sources.CSV_NEEDS_COLUMNS)
    ]
    (row,) = read(tmp_path / "d.csv", columns=ColumnMap(text="body", date="when"))
    assert isinstance(row, Article)
    assert (row.raw, row.published) == ("Troops withdrew.", "2017-04-05")
    (tmp_path / "d.jsonl").write_text(
        json.dumps({"text": "Talks resumed.", "url": "https://x.org/t"})
    )
    (line,) = read(tmp_path / "d.jsonl")
    assert isinstance(line, Article)
    assert line.url == "https://x.org/t"


def test_table_errors_become_one_unreadable(tmp_path: Path):
    (tmp_path / "d.csv").write_bytes("text\nCaf\u00e9\n".encode("latin-1"))
    (bad,) = read(tmp_path / "d.csv", columns=ColumnMap(text="text"))
    assert isinstance(bad, Unreadable)
    assert bad.reason.startswith("not valid utf-8 (byte 0xe9")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00", "binary data (NUL bytes), not text"),
        (b"<html><body><nav></nav></body></html>", "no article text found in the HTML page"),
    ],
)
def test_bad_files_become_unreadable(tmp_path: Path, content: bytes, reason: str):
    path = tmp_path / "input"
    path.write_bytes(content)
    assert read(path) == [Unreadable(str(path), reason)]


def test_missing_files_and_directories(tmp_path: Path):
    assert read(tmp_path / "nope.txt") == [
        Unreadable(str(tmp_path / "nope.txt"), "no such file or directory")
    ]
    assert read(tmp_path) == [Unreadable(str(tmp_path), "is a directory")]


def test_the_size_cap_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(200_000_000)  # sparse: 200 MB on paper, nothing on disk

    def refuse(self: Path) -> bytes:
        raise AssertionError("the whole file was read")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    (item,) = read(path)
    assert item == Unreadable(
        str(path), "200,000,000 bytes is over the 5,000,000-byte cap (--max-bytes)"
    )


def test_archives_are_capped_per_record_not_per_file(tmp_path: Path, warc_plain: bytes):
    path = tmp_path / "crawl.warc"
    path.write_bytes(warc_plain)
    assert len(warc_plain) > 2000
    items = read(path, max_bytes=2000)
    assert isinstance(items[0], Article)


def test_urls_are_fetched_and_dispatched_by_content_type(monkeypatch: pytest.MonkeyPatch):
    def fake_fetch(url: str, timeout: float, max_bytes: int, policy: AddressPolicy) -> Fetched:
        return Fetched(url, "https://wire.example.com/rss", "text/xml", RSS)

    monkeypatch.setattr(sources, "fetch", fake_fetch)
    (item,) = read("https://wire.example.com/feed")
    assert isinstance(item, Article)
    assert item.source == "https://wire.example.com/idlib"


def test_a_downloaded_page_keeps_its_final_url(monkeypatch: pytest.MonkeyPatch):
    body = b"<html><body><article><p>Talks resumed in Geneva on Monday.</p></article></body></html>"

    def fake_fetch(url: str, timeout: float, max_bytes: int, policy: AddressPolicy) -> Fetched:
        return Fetched(url, "https://news.example.org/geneva", "text/html", body)

    monkeypatch.setattr(sources, "fetch", fake_fetch)
    (article,) = read("https://news.example.org/g")
    assert isinstance(article, Article)
    assert (article.source, article.url) == (
        "https://news.example.org/g",
        "https://news.example.org/geneva",
    )


@pytest.mark.parametrize(("allow", "policy"), [(False, PUBLIC_ONLY), (True, ANY_ADDRESS)])
def test_allow_private_reaches_fetch(
    monkeypatch: pytest.MonkeyPatch, allow: bool, policy: AddressPolicy
):
    given: list[AddressPolicy] = []

    def fake_fetch(url: str, timeout: float, max_bytes: int, policy: AddressPolicy) -> Fetched:
        given.append(policy)
        return Fetched(url, url, "text/plain", b"Talks resumed in Geneva.")

    monkeypatch.setattr(sources, "fetch", fake_fetch)
    (article,) = read("http://10.0.0.1/notes", allow_private=allow)
    assert isinstance(article, Article) and given == [policy]


def test_a_failed_download_is_unreadable(monkeypatch: pytest.MonkeyPatch):
    def fake_fetch(url: str, timeout: float, max_bytes: int, policy: AddressPolicy) -> Fetched:
        raise InputError("HTTP 404 Not Found")

    monkeypatch.setattr(sources, "fetch", fake_fetch)
    assert read("https://x.org/gone") == [Unreadable("https://x.org/gone", "HTTP 404 Not Found")]
