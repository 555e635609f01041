"""An HTML page -> `Article`: the main text without navigation and boilerplate, and its metadata.

trafilatura does the extraction. It is only ever handed markup, never a URL, so it cannot
fetch anything. We decode the bytes ourselves because trafilatura ignores the page's
declared charset: it tries UTF-8, then guesses with charset_normalizer, which misreads
short windows-1252 pages.
"""

from __future__ import annotations

import re
from typing import Any

import trafilatura
from trafilatura.settings import Document
from trafilatura.xml import xmltotxt

from newsgraph.errors import BinaryInput, EmptyInput, InputError, TooLarge
from newsgraph.ingest.text import DEFAULT_MAX_BYTES
from newsgraph.model import Article

NO_TEXT = "no article text found in the HTML page"

_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""")
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
# Browsers read these labels as windows-1252 (WHATWG Encoding Standard), and so do pages that
# declare them: "latin-1" pages are full of curly quotes from the 0x80-0x9f range.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii"}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Extensive date search guesses from free text and footers ("(c) 2023"); a wrong date is
# worse than none, so only markup, JSON-LD and the URL are consulted.
_DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}


def read_html(
    data: bytes,
    source: str,
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    charset: str | None = None,
) -> Article:
    """One web page as an Article; `charset` is the HTTP header's, which outranks the page's own."""
    _check_bytes(data, max_bytes)
    document = _extract(decode_html(data, charset), url)
    title = _one_line(document.title)
    raw = _body_text(document, title)
    if not raw:
        raise InputError(NO_TEXT)
    return Article(
        source=source,
        raw=raw,
        title=title,
        byline=_one_line(document.author),
        url=document.url or url,
        published=document.date if document.date and _ISO_DATE.fullmatch(document.date) else None,
        outlet=_one_line(document.sitename) or document.hostname or None,
    )


def decode_html(data: bytes, charset: str | None = None) -> str | bytes:
    """The page as text: BOM, then valid UTF-8, then the declared charset; else bytes to guess."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    try:
        # valid UTF-8 beats a declaration: CMSs often keep a stale "iso-8859-1" in the template
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = charset or declared_charset(data)
    if declared:
        label = "cp1252" if declared.lower() in _AS_CP1252 else declared
        try:
            return data.decode(label, errors="replace")
        except LookupError:
            pass
    return data  # undeclared and not UTF-8: trafilatura guesses with charset_normalizer


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its XML prolog or a <meta> tag in its first 4 kB."""
    head = data[:4096]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _check_bytes(data: bytes, max_bytes: int) -> None:
    if len(data) > max_bytes:
        raise TooLarge(f"{len(data):,} bytes is over the {max_bytes:,}-byte cap (--max-bytes)")
    if not data.strip():
        raise EmptyInput("empty file")
    if b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BinaryInput("binary data (NUL bytes), not HTML")


def _extract(markup: str | bytes, url: str | None) -> Document:
    """trafilatura's extraction with metadata; InputError when it finds no main text.

    trafilatura catches its own parse errors and returns None, and libxml2 caps the nesting
    depth, so broken or absurdly nested markup ends here as "no text", never as a crash.
    """
    document = trafilatura.bare_extraction(
        markup,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=dict(_DATE_PARAMS),
    )
    if not isinstance(document, Document) or not (document.text or "").strip():
        raise InputError(NO_TEXT)
    return document


def _body_text(document: Document, title: str | None) -> str:
    """Main text with paragraphs separated by blank lines, without a leading copy of the title."""
    if document.body is not None:
        blocks = [xmltotxt(child, False).strip() for child in document.body]
    else:
        blocks = (document.text or "").split("\n")
    blocks = [block for block in blocks if block]
    # the headline is Article.title; left in the body it would be read twice downstream
    if blocks and title and _same_words(blocks[0], title):
        blocks.pop(0)
    return "\n\n".join(blocks)


def _same_words(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _one_line(value: str | None) -> str | None:
    if not value:
        return None
    return " ".join(value.split()) or None
