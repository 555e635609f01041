"""What the user named (files, directories, globs, URLs) -> articles, whatever the format.

`read_source` never raises for bad input: every input it cannot read, and every record
inside one, comes back as an `Unreadable` with a one-line reason, so one broken file never
stops a run over a thousand.
"""

from __future__ import annotations

import glob
import io
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from newsgraph.errors import InputError
from newsgraph.ingest.addresses import policy_for
from newsgraph.ingest.detect import SNIFF_BYTES, Kind, charset_of, detect, media_type
from newsgraph.ingest.feeds import read_feed
from newsgraph.ingest.fetch import fetch
from newsgraph.ingest.html import read_html
from newsgraph.ingest.tables import (
    JSONL_COLUMNS,
    ColumnMap,
    read_csv,
    read_csv_stream,
    read_jsonl,
    read_jsonl_stream,
    read_parquet,
)
from newsgraph.ingest.text import DEFAULT_MAX_BYTES, decode_text, read_file_bytes, regular_size
from newsgraph.ingest.warc import read_warc
from newsgraph.model import Article, Unreadable

Read = Iterator[Article | Unreadable]
# Collections of articles, read record by record: the size cap applies to each record, since
# an archive or a dataset is meant to be big. Everything else is one article, read whole.
_STREAMED: set[Kind] = {"warc", "csv", "jsonl"}
CSV_NEEDS_COLUMNS = "CSV needs --csv-text COLUMN (the column that holds the article text)"


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read inputs: the same for every source of a run."""

    encoding: str = "utf-8"  # of text, CSV and JSONL inputs; HTML and feeds declare their own
    max_bytes: int = DEFAULT_MAX_BYTES  # per input, or per record of an archive or dataset
    timeout: float = 20.0  # seconds per URL
    columns: ColumnMap | None = None  # CSV/JSONL columns; JSONL has a default, CSV has none
    allow_private: bool = False  # fetch URLs (and redirects) to loopback, private, ... hosts


def is_url(source: str) -> bool:
    """Whether the source is an http(s) URL rather than a path."""
    return urlsplit(source).scheme.lower() in {"http", "https"}


def expand_sources(sources: Sequence[str]) -> list[str]:
    """URLs as they are, directories as the non-hidden files below them, globs as their matches.

    A name that is neither a file, a directory nor a glob that matches is kept, so that
    reading it later reports "no such file or directory". Each file is listed once, however
    many names and links lead to it; links to directories below a directory or under `**`
    are not followed, since one that points back up would be walked forever.
    """
    out: list[str] = []
    seen: set[tuple[int, int] | str] = set()
    for source in sources:
        for name in [source] if is_url(source) else _expand_path(source):
            identity = name if is_url(name) else _identity(name)
            if identity not in seen:
                seen.add(identity)
                out.append(name)
    return out


def read_source(source: str, options: ReadOptions) -> Read:
    """Every article in one source, or an Unreadable for the source or record that failed."""
    try:
        if is_url(source):
            yield from _read_url(source, options)
        else:
            yield from _read_file(Path(source), source, options)
    except (InputError, OSError) as exc:
        yield Unreadable(source, _reason(exc))


def _expand_path(source: str) -> list[str]:
    path = Path(source)
    try:
        if path.is_dir():
            return _files_under(path)
        if path.exists():
            return [source]
        matches = _glob(source)
    except OSError:  # a name too long, a folder not ours to search: reading it says which
        return [source]
    if not matches:
        return [source]
    out: list[str] = []
    for match in matches:
        out += _files_under(Path(match)) if Path(match).is_dir() else [match]
    return out


def _glob(pattern: str) -> list[str]:
    """What `glob.glob(pattern, recursive=True)` matches, but with `**` not following links to
    directories (pathlib's walk does not; glob's does, forever round a loop)."""
    parts = Path(pattern).parts
    fixed = next((i for i, part in enumerate(parts) if glob.has_magic(part)), len(parts))
    if fixed == len(parts):
        return []
    anchor = Path(*parts[:fixed]) if fixed else Path()
    # glob reads "a**b" as "a*b"; pathlib refuses it
    rest = [p if p == "**" else re.sub(r"\*\*+", "*", p) for p in parts[fixed:]]
    # like glob, wildcards match no hidden name unless the pattern spells one out
    hidden_ok = any(p.startswith(".") for p in rest)
    return sorted(
        str(match)
        for match in anchor.glob("/".join(rest))
        if hidden_ok or not any(p.startswith(".") for p in match.relative_to(anchor).parts)
    )


def _files_under(root: Path) -> list[str]:
    out: list[str] = []

    def unlisted(exc: OSError) -> None:  # a folder not ours to read: reading it says so
        out.append(str(exc.filename))

    # links to directories: seen, not followed
    for folder, dirs, files in os.walk(root, onerror=unlisted):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        paths = (Path(folder, name) for name in files if not name.startswith("."))
        out += [str(path) for path in paths if _file_or_unknown(path)]
    return sorted(out)


def _file_or_unknown(path: Path) -> bool:
    """Not a FIFO, a device or a dead link; a file that cannot even be looked at is listed,
    so that reading it says why."""
    try:
        return path.is_file()
    except OSError:
        return True


def _identity(name: str) -> tuple[int, int] | str:
    """The file a name leads to (device and inode), or the name when it leads nowhere."""
    try:
        found = os.stat(name)
    except (OSError, ValueError):
        return name
    return (found.st_dev, found.st_ino)


def _read_file(path: Path, source: str, options: ReadOptions) -> Read:
    if not path.exists():
        raise InputError("no such file or directory")
    if path.is_dir():
        with os.scandir(path):  # one that expansion could not list: this says why
            raise InputError("is a directory")
    regular_size(path)  # a named pipe or a device is refused before it is opened
    if path.suffix.lower() == ".parquet":  # columnar datasets: read by record batches
        yield from read_parquet(path, options.columns, options.max_bytes)
        return
    with path.open("rb") as stream:
        kind = detect(source, stream.read(SNIFF_BYTES))
        if kind == "warc":
            stream.seek(0)
            yield from read_warc(stream, source, options.max_bytes)
            return
    if kind in _STREAMED:
        yield from _read_table_file(path, kind, source, options)
        return
    # checked before reading: a 200 MB file is never loaded
    data = read_file_bytes(path, options.max_bytes)
    yield from _read_bytes(kind, data, source, None, None, options)


def _read_url(url: str, options: ReadOptions) -> Read:
    fetched = fetch(url, options.timeout, options.max_bytes, policy_for(options.allow_private))
    kind = detect(fetched.final_url, fetched.data[:SNIFF_BYTES], fetched.content_type)
    yield from _read_bytes(
        kind, fetched.data, url, fetched.final_url, fetched.content_type, options
    )


def _read_bytes(
    kind: Kind,
    data: bytes,
    source: str,
    url: str | None,
    content_type: str | None,
    options: ReadOptions,
) -> Read:
    """One input held in memory (a small file or a download), read as its kind."""
    if kind == "text":
        yield Article(source=source, raw=decode_text(data, options.encoding), url=url)
    elif kind == "html":
        yield read_html(data, source, url, options.max_bytes, charset=charset_of(content_type))
    elif kind == "feed":
        yield from read_feed(data, source)
    elif kind == "warc":
        yield from read_warc(io.BytesIO(data), source, options.max_bytes)
    else:
        yield from _read_table_text(kind, data, source, content_type, options)


def _read_table_file(path: Path, kind: Kind, source: str, options: ReadOptions) -> Read:
    columns = _columns(kind, options)
    if columns is None:
        yield Unreadable(source, CSV_NEEDS_COLUMNS)
    elif kind == "csv":
        yield from read_csv(path, columns, options.encoding, options.max_bytes)
    else:
        yield from read_jsonl(path, columns, options.encoding, options.max_bytes)


def _read_table_text(
    kind: Kind, data: bytes, source: str, content_type: str | None, options: ReadOptions
) -> Read:
    """A downloaded CSV or JSONL dataset, already in memory under the size cap."""
    columns = _columns(kind, options)
    if columns is None:
        yield Unreadable(source, CSV_NEEDS_COLUMNS)
        return
    text = decode_text(data, options.encoding).removeprefix("\ufeff")
    if kind == "jsonl":
        # split on "\n" only: JSON strings may hold U+2028, which str.splitlines() breaks on
        yield from read_jsonl_stream(text.split("\n"), source, columns, options.max_bytes)
        return
    tabs = content_type and "tab-separated" in media_type(content_type)
    delimiter = "\t" if tabs or urlsplit(source).path.lower().endswith(".tsv") else ","
    stream = io.StringIO(text, newline="")
    yield from read_csv_stream(stream, source, columns, delimiter, options.max_bytes)


def _columns(kind: Kind, options: ReadOptions) -> ColumnMap | None:
    if options.columns is not None:
        return options.columns
    return JSONL_COLUMNS if kind == "jsonl" else None


def _reason(exc: InputError | OSError) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror[0].lower() + exc.strerror[1:]
    return " ".join(str(exc).split()) or type(exc).__name__
