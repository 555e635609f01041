"""A web archive (WARC or ARC, plain or gzipped) -> one `Article` per archived HTML page.

Only `response` records with HTTP status 200 and an HTML content type are read; requests,
metadata, redirects, images and the like are skipped. Archives are streamed record by record,
so the size cap applies to each page, not to the archive.

warcio stops quietly at a cut-off archive: a truncated gzip member, a header block cut short
or a record shorter than its Content-Length just ends the iteration. We notice all three, so
a damaged archive is reported instead of looking complete.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO, Literal

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from newsgraph.errors import InputError
from newsgraph.ingest.detect import charset_of, media_type
from newsgraph.ingest.html import read_html
from newsgraph.ingest.text import DEFAULT_MAX_BYTES
from newsgraph.model import Article, Unreadable

# What warcio raises on damaged input. AttributeError is among them: warcio 1.8.1 fails with
# "'NoneType' object has no attribute 'startswith'" on a header block cut mid-line.
_DAMAGE = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    EOFError,
    zlib.error,
    ValueError,
    AttributeError,
    OSError,
)


class _Cut(Exception):
    """The archive ends inside a record or a gzip member."""


class _Records(ArchiveIterator):  # type: ignore[misc]  # warcio is untyped
    """warcio's iterator, remembering whether the input ran out in the middle of a record."""

    ended_mid_record = False

    def close(self) -> None:
        # warcio calls close() when it runs out of input, before it drops its reader
        if self.reader is not None:
            self.ended_mid_record = self._open_member() or self._unparsed_bytes() > 0
        super().close()

    def _open_member(self) -> bool:
        """A gzip member that was started but never finished: the file was cut inside it."""
        decompressor = self.reader.decompressor
        started = self.reader.num_read > 0
        return started and decompressor is not None and not getattr(decompressor, "eof", True)

    def _unparsed_bytes(self) -> int:
        """Bytes read past the end of the last whole record: a header block cut short."""
        return int(self.fh.tell() - self.reader.rem_length() - self.offset)


def read_warc(
    stream: BinaryIO, source: str, max_record_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | Unreadable]:
    """Each archived HTML page as an Article or Unreadable; a damaged archive ends in Unreadable."""
    records = _Records(stream)
    read = pages = 0
    while True:
        # only warcio's own reading is guarded: an error in our code must not pass as damage
        try:
            page = _next_page(records, max_record_bytes, f"{source}#record{read + 1}")
        except (_Cut, *_DAMAGE) as exc:
            reason = f"truncated or corrupt WARC after {_records(read)}: {_reason(exc)}"
            yield Unreadable(source, reason)
            return
        if page == "end":
            break
        read += 1
        if isinstance(page, _Page):
            pages += 1
            yield page.read()
    if not read:
        yield Unreadable(source, "no WARC records found")
    elif not pages:
        yield Unreadable(source, f"no HTML pages among the WARC's {_records(read)}")


@dataclass(frozen=True, slots=True)
class _Page:
    """An archived HTML response, read off the archive but not yet extracted."""

    uri: str
    body: bytes
    content_type: str
    max_bytes: int

    def read(self) -> Article | Unreadable:
        charset = charset_of(self.content_type)
        try:
            return read_html(self.body, self.uri, self.uri, self.max_bytes, charset=charset)
        except InputError as exc:
            return Unreadable(self.uri, str(exc))


def _next_page(records: _Records, max_bytes: int, fallback: str) -> _Page | Literal["other", "end"]:
    """The next record as a _Page, "other" for any other kind of record, "end" past the last."""
    record = next(records, None)
    if record is None:
        if records.ended_mid_record:
            raise _Cut("archive ends inside a record")
        return "end"
    if not _header_complete(record):
        raise _Cut("a record header is cut short")
    content_type = _html_response_type(record)
    page: _Page | Literal["other"] = "other"
    if content_type is not None:
        uri = record.rec_headers.get_header("WARC-Target-URI") or fallback
        body = record.content_stream().read(max_bytes + 1)
        page = _Page(uri, body, content_type, max_bytes)
    if _cut_short(record):
        raise _Cut("archive ends inside a record")
    return page


def _header_complete(record: Any) -> bool:
    """Whether the record has a type and a numeric length, as every whole header block has.

    A header block that ends early still comes out of warcio as a record: with no type, or
    with a Content-Length of 0 when the number itself was cut off.
    """
    length = record.rec_headers.get_header("length" if record.format == "arc" else "Content-Length")
    return record.rec_type is not None and str(length or "").strip().isdigit()


def _html_response_type(record: Any) -> str | None:
    """The Content-Type of a 200 HTML response record, None for any other record."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    return content_type if "html" in media_type(content_type) else None


def _cut_short(record: Any) -> bool:
    """Whether the input ended before the record's Content-Length did."""
    raw = record.raw_stream
    # reading what is left is how warcio itself skips a record; the cap bounds memory, not this
    while raw.read(65536):
        pass
    return bool(getattr(raw, "limit", 0) > 0)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, AttributeError):
        return "a record header is cut short"
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."


def _records(count: int) -> str:
    return f"{count} record" if count == 1 else f"{count} records"
