"""Plain-text files -> `Article`: size, emptiness, binary and encoding checks, no NLP."""

from __future__ import annotations

from pathlib import Path

from newsgraph.errors import BinaryInput, EmptyInput, EncodingError, InputError, TooLarge
from newsgraph.model import Article

DEFAULT_MAX_BYTES = 5_000_000  # a long-form article is ~100 kB; 5 MB is surely not one article
_CONTROL_OK = {"\n", "\r", "\t", "\f", "\v"}


def read_text_file(
    path: Path, encoding: str = "utf-8", max_bytes: int = DEFAULT_MAX_BYTES
) -> Article:
    """Read one plain-text article, raising an `InputError` subclass that says why it can't be."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise TooLarge(f"{size:,} bytes is over the {max_bytes:,}-byte cap (--max-bytes)")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from exc
    return Article(source=str(path), raw=decode_text(data, encoding))


def decode_text(data: bytes, encoding: str = "utf-8") -> str:
    """Bytes -> text, refusing binary data and text in another encoding than `encoding`."""
    if not data.strip():
        raise EmptyInput("empty file")
    if b"\x00" in data[:65536]:
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


def _control_ratio(text: str) -> float:
    """Share of control characters other than ordinary whitespace in the first 64k characters."""
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ch < " " and ch not in _CONTROL_OK)
    return bad / len(sample)
