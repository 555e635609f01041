"""What kind of input a file or download is: from its content type, its name, then its first bytes.

The content type (downloads only) is trusted first because servers know what they send; the
file extension next because users name their files; sniffing last, for names that say
nothing (`page`, `feed?id=3`). One exception: a document whose root element is `<rss>`,
`<feed>` or `<rdf:RDF>` is a feed even when a server calls it `text/html`, as many do.
"""

from __future__ import annotations

import re
import zlib
from email.message import Message
from typing import Literal
from urllib.parse import urlsplit

Kind = Literal["text", "html", "feed", "warc", "jsonl", "csv"]

SNIFF_BYTES = 4096  # how much of the head callers pass in: room for a prolog, then the root

_BY_SUFFIX: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
    ".arc": "warc",
    ".warc.gz": "warc",
    ".arc.gz": "warc",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
}
_BY_MEDIA_TYPE: dict[str, Kind] = {
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/warc": "warc",
    "text/csv": "csv",
    "text/tab-separated-values": "csv",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
}
_FEED_ROOTS = {"rss", "feed", "rdf:rdf"}
_HTML_ROOTS = {"html", "head", "body"}  # sloppy pages open with <head> or <body>, no <html>
_ELEMENT = re.compile(r"<([A-Za-z][\w:.-]*)")
_DOCTYPE_HTML = re.compile(r"<!doctype\s+html\b", re.IGNORECASE)


def detect(name: str, head: bytes, content_type: str | None = None) -> Kind:
    """The kind of input `name` is, given its first bytes and, for downloads, its content type."""
    by_type = _kind_from_content_type(content_type, head) if content_type else None
    return by_type or _kind_from_name(name, head) or sniff(head)


def sniff(head: bytes) -> Kind:
    """The kind of input from its first bytes alone; "text" when nothing else fits."""
    if _looks_like_warc(head):
        return "warc"
    root = root_element(head)
    if root in _FEED_ROOTS:
        return "feed"
    if root in _HTML_ROOTS:
        return "html"
    return "text"


def media_type(content_type: str) -> str:
    """`text/html; charset=utf-8` -> `text/html`."""
    return content_type.split(";", 1)[0].strip().lower()


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header, if it has one."""
    if not content_type:
        return None
    header = Message()
    header["content-type"] = content_type
    charset = header.get_content_charset()
    return charset or None


def root_element(head: bytes) -> str | None:
    """The lower-cased name of the first element, past any XML prolog, comments and doctype.

    An HTML doctype counts as root "html". None when the head holds no element at all.
    """
    text = _head_text(head)
    pos = 0
    while pos < len(text):
        while pos < len(text) and text[pos].isspace():
            pos += 1
        rest = text[pos:]
        if rest.startswith("<?"):
            pos = _skip_past(text, pos, "?>")
        elif rest.startswith("<!--"):
            pos = _skip_past(text, pos, "-->")
        elif rest[:2] == "<!":
            if _DOCTYPE_HTML.match(rest):
                return "html"
            pos = _skip_past(text, pos, ">")
        else:
            match = _ELEMENT.match(rest)
            return match.group(1).lower() if match else None
    return None


def _kind_from_content_type(content_type: str, head: bytes) -> Kind | None:
    mime = media_type(content_type)
    if mime in _BY_MEDIA_TYPE:
        return _BY_MEDIA_TYPE[mime]
    if "html" in mime:
        return "feed" if root_element(head) in _FEED_ROOTS else "html"
    # text/plain, text/xml, application/octet-stream, ...: too vague, ask the name and bytes
    return None


def _kind_from_name(name: str, head: bytes) -> Kind | None:
    path = urlsplit(name).path if "://" in name else name
    lower = path.lower()
    for suffix in (".warc.gz", ".arc.gz"):
        if lower.endswith(suffix):
            return "warc"
    dot = lower.rfind(".")
    if dot < 0 or "/" in lower[dot:]:
        return None
    suffix = lower[dot:]
    if suffix == ".xml":
        # sitemaps, XHTML and arbitrary XML share the extension; only a feed root decides
        return "feed" if root_element(head) in _FEED_ROOTS else None
    return _BY_SUFFIX.get(suffix)


def _looks_like_warc(head: bytes) -> bool:
    if head[:2] == b"\x1f\x8b":
        try:
            # a gzipped WARC compresses each record separately: the head holds the first header
            head = zlib.decompressobj(31).decompress(head, 64)
        except zlib.error:
            return False
    return head.startswith((b"WARC/1.", b"WARC/0.", b"filedesc://"))


def _head_text(head: bytes) -> str:
    """The head as text, good enough to read markup names: UTF-16 by its BOM, else ASCII-ish."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", errors="replace")
    else:
        # latin-1 never fails, and markup names are ASCII in every ASCII-compatible charset
        text = head.decode("latin-1")
    return text.removeprefix("\ufeff").removeprefix("\xef\xbb\xbf")


def _skip_past(text: str, pos: int, end: str) -> int:
    found = text.find(end, pos)
    return len(text) if found < 0 else found + len(end)
