"""An RSS, Atom or RDF feed -> one `Article` per item (or `Unreadable` when an item has no text).

feedparser is only ever given the bytes wrapped in a stream: handed bare bytes or a string it
may treat them as a file name or URL and open or fetch it. Item HTML is reduced to text with
the standard library's tolerant `HTMLParser`, which needs no stubs and never raises on broken
markup; trafilatura is built for whole pages and drops short fragments.
"""

from __future__ import annotations

import hashlib
import io
import re
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from typing import Any

import feedparser

from newsgraph.errors import EmptyInput, InputError
from newsgraph.model import Article, Unreadable

_BLOCK_TAGS = {
    *("p", "div", "section", "article", "header", "footer", "aside", "main"),
    *("h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr"),
    *("ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "figure", "figcaption"),
}
_HIDDEN_TAGS = {"script", "style", "noscript", "template"}
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One item as a watch sees it: a key that stays the same from poll to poll, the link to
    its page, a digest of what the feed says of it (it changes when the item is edited), and
    the feed's own text of it (the fallback when the page cannot be read)."""

    key: str
    link: str | None
    digest: str
    article: Article | Unreadable


def read_feed(data: bytes, source: str) -> Iterator[Article | Unreadable]:
    """Each item of the feed as an Article, or Unreadable when it carries no text."""
    for item in feed_items(data, source):
        yield item.article


def feed_items(data: bytes, source: str, empty_ok: bool = False) -> Iterator[FeedItem]:
    """Each item of the feed, in the feed's order; InputError when it has none to read (with
    `empty_ok`, a well-formed feed with no items is just that: a watch sees them come and go)."""
    parsed = feedparser.parse(io.BytesIO(data))
    entries: list[Any] = parsed.get("entries") or []
    if empty_ok and not entries and parsed.get("version") and not parsed.get("bozo"):
        return
    _check_feed(parsed, entries, data)
    outlet = _one_line(parsed.get("feed", {}).get("title"))
    for n, entry in enumerate(entries, start=1):
        article = _read_item(entry, f"{source}#item{n}", outlet)
        link = entry.get("link") or None
        digest = _digest(entry)
        yield FeedItem(entry.get("id") or link or f"{source}#{digest}", link, digest, article)


def _digest(entry: Mapping[str, Any]) -> str:
    """A hash of what an item says: title, link, dates and text."""
    contents = entry.get("content") or []
    # dict.get: feedparser's own get() warns when it maps a missing "updated" to "published"
    keys = ("title", "link", "published", "updated", "summary")
    parts = [dict.get(entry, k) or "" for k in keys]  # type: ignore[call-overload]
    parts += [str(c.get("value") or "") for c in contents]
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def fragment_text(markup: str) -> str:
    """HTML fragment -> plain text, paragraphs separated by blank lines, <br> kept as newlines."""
    parser = _FragmentText()
    parser.feed(markup)
    parser.close()
    return _paragraphs("".join(parser.parts))


def _check_feed(parsed: Mapping[str, Any], entries: list[Any], data: bytes) -> None:
    """Raise when there is nothing to read; a damaged feed that still has items is read anyway."""
    if entries:
        return
    if not data.strip():
        raise EmptyInput("empty file")
    if parsed.get("bozo"):
        raise InputError(f"malformed feed: {_one_line(str(parsed.get('bozo_exception')))}")
    if not parsed.get("version"):
        raise InputError("not an RSS, Atom or RDF feed")
    raise EmptyInput("feed has no items")


def _read_item(entry: Mapping[str, Any], fallback: str, outlet: str | None) -> Article | Unreadable:
    source = entry.get("link") or fallback
    text = _item_text(entry)
    if not text:
        return Unreadable(source, "feed item has no text")
    author = entry.get("author_detail", {}).get("name") or entry.get("author")
    return Article(
        source=source,
        raw=text,
        title=_one_line(entry.get("title")),
        byline=_one_line(author),
        url=entry.get("link") or None,
        published=_item_date(entry),
        outlet=outlet,
        headline_first=False,
    )


def _item_text(entry: Mapping[str, Any]) -> str:
    """The full content when the feed carries it, else the summary, as plain text."""
    contents = entry.get("content") or []
    detail = contents[0] if contents else entry.get("summary_detail")
    value = detail.get("value") if detail else entry.get("summary")
    if not value:
        return ""
    if detail and detail.get("type") == "text/plain":
        return _paragraphs(str(value))
    return fragment_text(str(value))


def _item_date(entry: Mapping[str, Any]) -> str | None:
    """The item's date as published, in the publisher's own time zone when the feed gives one.

    feedparser's `*_parsed` fields are converted to UTC, which moves an item published at
    01:00 in Damascus to the previous day; the raw string keeps the local date.
    """
    for key in ("published", "updated"):
        raw = entry.get(key)
        local = _local_date(raw) if isinstance(raw, str) else None
        if local:
            return local
        parsed = entry.get(f"{key}_parsed")
        if isinstance(parsed, time.struct_time):
            return time.strftime("%Y-%m-%d", parsed)
    return None


def _local_date(raw: str) -> str | None:
    """RFC 822 (RSS) or RFC 3339 (Atom) date string -> YYYY-MM-DD; None for anything else."""
    try:
        return parsedate_to_datetime(raw).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(raw.strip()).date().isoformat()
    except ValueError:
        return None


class _FragmentText(HTMLParser):
    """Collects text, marking block boundaries with blank lines and <br> with a newline."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            # as in a browser, source line breaks inside a paragraph are just spaces
            self.parts.append(_SPACES.sub(" ", data))


def _paragraphs(text: str) -> str:
    """Tidy whitespace: lines trimmed, runs of blank lines become one blank line."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(line.split())
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return "\n\n".join(paragraphs)


def _one_line(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None
