import contextlib
import random

import pytest

from newsgraph.errors import BinaryInput, EmptyInput, InputError, TooLarge
from newsgraph.ingest.html import NO_TEXT, declared_charset, decode_html, read_html

SENTENCE = "Rebel fighters seized the main bridge over the Euphrates on Wednesday"


@pytest.mark.usefixtures("no_network")
def test_main_text_and_metadata(page: bytes):
    article = read_html(page, "saved/page.html")
    assert article.source == "saved/page.html"
    assert article.title == "Rebels take Deir ez-Zor bridge"
    assert article.byline == "Jane Doe"
    assert article.url == "https://example.com/world/rebels-bridge"
    assert article.published == "2017-04-05"
    assert article.outlet == "Example News"
    assert SENTENCE in article.raw
    assert "world news menu" not in article.raw
    assert "All rights reserved" not in article.raw


def test_paragraphs_are_separated_by_blank_lines_and_the_headline_is_not_repeated(page: bytes):
    paragraphs = read_html(page, "p.html").raw.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith(SENTENCE)
    assert "Rebels take Deir ez-Zor bridge" not in paragraphs[0]


def test_the_declared_charset_is_honoured(page: bytes):
    # windows-1252 0xe9 is not UTF-8; a guess from the bytes alone can come out as anything
    assert "a café owner" in read_html(page, "p.html").raw


def test_the_http_charset_outranks_the_page():
    data = "<html><body><p>Rozmowy w Łodzi wznowiono w poniedziałek.</p></body></html>"
    assert "Łodzi" in read_html(data.encode("cp1250"), "p.html", charset="cp1250").raw


def test_valid_utf8_wins_over_a_stale_declaration():
    data = '<html><head><meta charset="iso-8859-1"></head><body><p>Café society.</p></body></html>'
    assert decode_html(data.encode("utf-8")) == data


def test_declared_charset_from_meta_or_prolog():
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">')
    assert declared_charset(b'<?xml version="1.0" encoding="ISO-8859-1"?><html>') == "ISO-8859-1"
    assert declared_charset(b"<html><body>") is None


def test_the_url_passed_is_used_when_the_page_names_none():
    data = b"<html><body><article><p>Talks resumed in Geneva on Monday.</p></article></body></html>"
    article = read_html(data, "x", url="https://news.example.org/geneva")
    assert article.url == "https://news.example.org/geneva"
    assert article.outlet == "news.example.org"


@pytest.mark.parametrize(
    "data",
    [
        b"<html><head><title>Menu</title></head><body><nav></nav></body></html>",
        b"<<<>>><div><span",
        b"<html><body>" + b"<div>" * 5000 + b"</body></html>",
    ],
)
def test_a_page_without_text_is_an_input_error_not_a_crash(data: bytes):
    with pytest.raises(InputError, match=NO_TEXT):
        read_html(data, "x.html")


def test_broken_markup_still_gives_its_text():
    data = b"<html><body><p>Shelling resumed near Aleppo on Friday.<p>Two <b>civilians died"
    assert "Shelling resumed near Aleppo" in read_html(data, "x.html").raw


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyInput),
        (b"  \n ", EmptyInput),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", BinaryInput),
    ],
)
def test_empty_and_binary_input(data: bytes, error: type[Exception]):
    with pytest.raises(error):
        read_html(data, "x.html")


def test_size_cap(page: bytes):
    with pytest.raises(TooLarge, match="cap"):
        read_html(page, "x.html", max_bytes=100)


def test_mangled_pages_give_an_article_or_an_input_error_never_a_crash(page: bytes):
    rng = random.Random(0)
    for _ in range(60):
        data = bytearray(page)
        for _ in range(rng.randint(1, 30)):
            at = rng.randrange(len(data))
            if rng.random() < 0.5:
                del data[at : at + rng.randint(1, 80)]
            else:
                data[at:at] = rng.choice([b"<", b">", b"</p>", b"<div", b'"', b"<!--", b"<script>"])
        with contextlib.suppress(InputError):  # anything else fails the test
            read_html(bytes(data), "mangled.html")
