import gzip

import pytest

from newsgraph.ingest.detect import charset_of, detect, root_element, sniff

RSS = b'<?xml version="1.0" encoding="utf-8"?>\n<!-- a comment -->\n<rss version="2.0"><channel>'
ATOM = b'\xef\xbb\xbf<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
RDF = b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
HTML = b"<!-- saved page -->\n<!DOCTYPE html>\n<html><head><title>x</title>"
WARC = b"WARC/1.0\r\nWARC-Type: warcinfo\r\n"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.txt", "text"),
        ("notes.MD", "text"),
        ("b.html", "html"),
        ("b.htm", "html"),
        ("c.warc", "warc"),
        ("crawl/c.warc.gz", "warc"),
        ("old.arc.gz", "warc"),
        ("d.jsonl", "jsonl"),
        ("d.ndjson", "jsonl"),
        ("e.csv", "csv"),
        ("e.tsv", "csv"),
        ("f.rss", "feed"),
        ("f.atom", "feed"),
    ],
)
def test_the_extension_decides(name: str, kind: str):
    assert detect(name, b"whatever the content") == kind


def test_xml_is_a_feed_only_when_its_root_is_one():
    assert detect("news.xml", RSS) == "feed"
    assert detect("sitemap.xml", b'<?xml version="1.0"?><urlset>') == "text"


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (RSS, "feed"),
        (ATOM, "feed"),
        (RDF, "feed"),
        (HTML, "html"),
        (b"  <html><body>", "html"),
        (WARC, "warc"),
        (gzip.compress(WARC + b"x" * 500)[:200], "warc"),
        (gzip.compress(b"just some gzipped text"), "text"),
        (b"Damascus, April 5 (Reuters) - <b>not</b> markup", "text"),
        (b"", "text"),
        ("<rss>".encode("utf-16"), "feed"),
    ],
)
def test_without_an_extension_the_bytes_decide(head: bytes, kind: str):
    assert detect("download", head) == kind
    assert sniff(head) == kind


def test_the_content_type_outranks_the_name():
    assert detect("https://x.org/feed.php?id=3", b"<rss>", "application/rss+xml") == "feed"
    assert detect("https://x.org/story.txt", b"<p>", "text/html; charset=utf-8") == "html"


def test_a_feed_served_as_html_is_still_a_feed():
    assert detect("https://x.org/rss", RSS, "text/html") == "feed"


def test_a_vague_content_type_falls_back_to_name_and_bytes():
    assert detect("https://x.org/a/story.html", b"...", "application/octet-stream") == "html"
    assert detect("https://x.org/feed", RSS, "text/xml") == "feed"
    assert detect("https://x.org/raw", b"plain words", "text/plain") == "text"


def test_url_query_strings_do_not_hide_the_extension():
    assert detect("https://x.org/dump.csv?download=1", b"a,b") == "csv"


def test_root_element_skips_the_prolog():
    assert root_element(RSS) == "rss"
    assert root_element(b"no markup here") is None


def test_charset_of_reads_the_parameter():
    assert charset_of('text/html; charset="ISO-8859-1"') == "iso-8859-1"
    assert charset_of("text/html") is None
    assert charset_of(None) is None
