"""CSV and JSON Lines datasets -> one `Article` per row, the columns named by a `ColumnMap`.

Both are streamed row by row, so a dataset of any size reads in constant memory. Each row
is named `path:row` (data rows, 1-based; for JSON Lines the line number) so a bad one can
be found. The file's encoding is checked before the first row is read, so a latin-1 file
read as UTF-8 fails at once with the offset of the first bad byte, not halfway through.
"""

from __future__ import annotations

import codecs
import csv
import json
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TextIO

import dateparser

from newsgraph.errors import EmptyInput, EncodingError, InputError
from newsgraph.ingest.text import DEFAULT_MAX_BYTES
from newsgraph.model import Article, Unreadable

# A news dataset keeps whole articles in one cell, far over csv's 128 kB default; the row cap
# (`max_bytes`) is the real limit. The limit is process-wide state in the csv module.
_FIELD_LIMIT = min(sys.maxsize, 2**31 - 1)
_DATE_SETTINGS: dict[str, Any] = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    # no timestamps (an id column of digits would parse as one) and no relative dates
    # ("yesterday" means the day the dataset was made, not the day we read it)
    "PARSERS": ["custom-formats", "absolute-time"],
    # a bare year would otherwise be completed with today's month
    "REQUIRE_PARTS": ["month", "year"],
}


@dataclass(frozen=True, slots=True)
class ColumnMap:
    """Which column holds what; only the text column is required."""

    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None  # the outlet
    url: str | None = None
    id: str | None = None  # the dataset's own row id, appended to Article.source


JSONL_COLUMNS = ColumnMap(text="text", title="title", date="date", source="source", url="url")


def read_csv(
    path: Path, columns: ColumnMap, encoding: str = "utf-8", max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | Unreadable]:
    """Each row of a CSV (or, for `.tsv`, tab-separated) file as an Article or Unreadable."""
    check_encoding(path, encoding)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    with path.open(encoding=_python_encoding(encoding), newline="") as stream:
        yield from read_csv_stream(stream, str(path), columns, delimiter, max_bytes)


def read_csv_stream(
    stream: TextIO,
    name: str,
    columns: ColumnMap,
    delimiter: str = ",",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | Unreadable]:
    """CSV rows from an open text stream; `name` is what each row's source starts with."""
    csv.field_size_limit(_FIELD_LIMIT)
    reader = csv.DictReader(stream, delimiter=delimiter)
    try:
        header = reader.fieldnames
        if not header:
            raise EmptyInput("empty file")
        _check_columns(columns, header)
        for number, row in enumerate(reader, start=1):
            yield _row_article(row, f"{name}:{number}", columns, max_bytes)
    except csv.Error as exc:
        raise InputError(f"malformed CSV at line {reader.line_num}: {exc}") from None


def read_jsonl(
    path: Path, columns: ColumnMap, encoding: str = "utf-8", max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | Unreadable]:
    """Each line of a JSON Lines file (one object a line) as an Article or Unreadable."""
    check_encoding(path, encoding)
    with path.open(encoding=_python_encoding(encoding)) as stream:
        yield from read_jsonl_stream(stream, str(path), columns, max_bytes)


def read_jsonl_stream(
    lines: Iterable[str], name: str, columns: ColumnMap, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | Unreadable]:
    """JSON Lines from an open text stream; `name` is what each line's source starts with."""
    checked = False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Unreadable(where, f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(row, dict):
            yield Unreadable(where, f"not a JSON object but {type(row).__name__}")
            continue
        if not checked:
            # the first object stands for the file: without the text key the mapping is wrong.
            # Other keys may come and go from line to line, so only the text key is required.
            _check_columns(ColumnMap(text=columns.text), list(row), what="field")
            checked = True
        yield _row_article(row, where, columns, max_bytes)
    if not checked:
        raise EmptyInput("no JSON objects in the file")


def read_parquet(
    path: Path, columns: ColumnMap | None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | Unreadable]:
    """Each row of a Parquet file (read in record batches, never whole) as an Article.

    With no mapping, the columns named like JSONL's defaults (text, title, date, source, url)
    are used where present."""
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(path)
    except (OSError, ValueError) as exc:  # pyarrow raises ArrowInvalid (a ValueError)
        raise InputError(f"not a readable Parquet file: {str(exc).splitlines()[0]}") from None
    names = table.schema_arrow.names
    if columns is None:
        present = {k: (k if k in names else None) for k in ("title", "date", "source", "url")}
        columns = ColumnMap(text="text", **present)
    _check_columns(columns, names)
    number = 0
    for batch in table.iter_batches(batch_size=1024):
        for row in batch.to_pylist():
            number += 1
            yield _row_article(row, f"{path}:{number}", columns, max_bytes)


def check_encoding(path: Path, encoding: str) -> None:
    """Raise EncodingError, naming the first bad byte, unless the whole file decodes."""
    try:
        decoder = codecs.getincrementaldecoder(_python_encoding(encoding))()
    except LookupError:
        raise EncodingError(f"unknown encoding {encoding!r}") from None
    offset = 0  # of the first byte the decoder has not consumed yet
    with path.open("rb") as stream:
        while True:
            chunk = stream.read(1 << 20)
            pending = len(decoder.getstate()[0])  # a character split across chunks
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                raise _encoding_error(encoding, exc, offset - pending) from None
            if not chunk:
                return
            offset += len(chunk)


def parse_date(value: str) -> str | None:
    """A date as written in a dataset -> YYYY-MM-DD, or None when it is not a date."""
    return _parse_date(" ".join(value.split()))


# A compute cache of a pure function, not data: datasets repeat dates across rows, and
# dateparser takes about a millisecond a call. Nothing is read from disk here.
@lru_cache(maxsize=4096)
def _parse_date(value: str) -> str | None:
    if not value:
        return None
    parsed = dateparser.parse(value, languages=["en"], settings=_DATE_SETTINGS)
    return parsed.date().isoformat() if parsed else None


def _row_article(
    row: Mapping[str, Any], where: str, columns: ColumnMap, max_bytes: int
) -> Article | Unreadable:
    text = _cell(row, columns.text)
    if not text:
        return Unreadable(where, "empty text")
    if len(text.encode("utf-8")) > max_bytes:
        return Unreadable(where, f"text is over the {max_bytes:,}-byte cap (--max-bytes)")
    row_id = _cell(row, columns.id)
    date = _cell(row, columns.date)
    return Article(
        source=f"{where}#{row_id}" if row_id else where,
        raw=text,
        title=_one_line(_cell(row, columns.title)),
        url=_cell(row, columns.url),
        published=parse_date(date) if date else None,
        outlet=_one_line(_cell(row, columns.source)),
        headline_first=False,
    )


def _cell(row: Mapping[str, Any], column: str | None) -> str | None:
    """The stripped string in a column; None when unmapped, missing, null, empty or not text."""
    if column is None:
        return None
    value = row.get(column)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return str(value).strip() or None


def _check_columns(columns: ColumnMap, available: Sequence[str], what: str = "column") -> None:
    mapped = (columns.text, columns.title, columns.date, columns.source, columns.url, columns.id)
    for column in mapped:
        if column is not None and column not in available:
            listed = ", ".join(available) or "none"
            raise InputError(f"no {what} {column!r}; the {what}s are: {listed}")


def _encoding_error(encoding: str, exc: UnicodeDecodeError, offset: int) -> EncodingError:
    bad = exc.object[exc.start]
    return EncodingError(
        f"not valid {encoding} (byte 0x{bad:02x} at offset {offset + exc.start}); "
        "pass --encoding, e.g. --encoding cp1252"
    )


def _python_encoding(encoding: str) -> str:
    """UTF-8 read as utf-8-sig, so a BOM does not end up in the first column's name."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return encoding
    return "utf-8-sig" if name == "utf-8" else encoding


def _one_line(value: str | None) -> str | None:
    if not value:
        return None
    return " ".join(value.split()) or None
