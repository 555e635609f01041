"""Plain-text files -> `Article`: size, emptiness, binary and encoding checks, no NLP."""

from __future__ import annotations

import codecs
import stat
from pathlib import Path

from newsgraph.errors import BinaryInput, EmptyInput, EncodingError, InputError, TooLarge
from newsgraph.model import Article

DEFAULT_MAX_BYTES = 5_000_000  # a long-form article is ~100 kB; 5 MB is surely not one article
_CONTROL_OK = {"\n", "\r", "\t", "\f", "\v"}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_text_file(
    path: Path, encoding: str = "utf-8", max_bytes: int = DEFAULT_MAX_BYTES
) -> Article:
    """Read one plain-text article, raising an `InputError` subclass that says why it can't be."""
    try:
        data = read_file_bytes(path, max_bytes)
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from exc
    return Article(source=str(path), raw=decode_text(data, encoding))


def regular_size(path: Path) -> int:
    """The size of a regular file, checked before it is opened: a named pipe would block the
    run forever, and /dev/zero (size 0) would be read until memory ran out."""
    found = path.stat()
    if not stat.S_ISREG(found.st_mode):
        raise InputError("not a regular file")
    return found.st_size


def read_file_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A regular file's bytes, refusing one over `max_bytes` before reading a byte of it."""
    size = regular_size(path)
    if size > max_bytes:
        raise TooLarge(f"{size:,} bytes is over the {max_bytes:,}-byte cap (--max-bytes)")
    with path.open("rb") as stream:
        data = stream.read(max_bytes + 1)  # a file may grow, or say less than it holds
    if len(data) > max_bytes:
        raise TooLarge(f"over the {max_bytes:,}-byte cap (--max-bytes)")
    return data


def decode_text(data: bytes, encoding: str = "utf-8") -> str:
    """Bytes -> text, refusing binary data and text in another encoding than `encoding`.

    A UTF-16 or UTF-32 byte-order mark names the encoding whatever `encoding` says; text in
    those encodings is full of NUL bytes, so the NUL test for binary data is skipped for it
    (the test for control characters, after decoding, still applies).
    """
    if not data.strip():
        raise EmptyInput("empty file")
    encoding = _encoding_by_bom(data) or encoding
    if b"\x00" in data[:65536] and not _wide(encoding):
        raise BinaryInput("binary data (NUL bytes), not text")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"not valid {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "pass --encoding, e.g. --encoding cp1252"
        ) from None
    except LookupError:
        raise EncodingError(f"unknown encoding {encoding!r}") from None
    text = text.removeprefix("\ufeff")
    if _control_ratio(text) > 0.05:
        raise BinaryInput("binary data (control characters), not text")
    if not text.strip():
        raise EmptyInput("no text (only whitespace)")
    return text


def _encoding_by_bom(data: bytes) -> str | None:
    # UTF-32 first: its little-endian mark begins with UTF-16's
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _wide(encoding: str) -> bool:
    """Whether `encoding` is UTF-16 or UTF-32 (under any of its names: "UTF16", "utf_16_le")."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False  # reported when decoding
    return name.startswith(("utf-16", "utf-32"))


def _control_ratio(text: str) -> float:
    """Share of control characters other than ordinary whitespace in the first 64k characters."""
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ch < " " and ch not in _CONTROL_OK)
    return bad / len(sample)
