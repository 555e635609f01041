from pathlib import Path

import pytest

from newsgraph.errors import BinaryInput, EmptyInput, EncodingError, TooLarge
from newsgraph.ingest.text import decode_text, read_text_file


def test_reads_utf8_and_drops_the_bom(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffTitle\n\nBody".encode())
    assert read_text_file(path).raw == "Title\n\nBody"


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyInput),
        (b"  \n\t ", EmptyInput),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", BinaryInput),
        (bytes(range(1, 32)) * 20, BinaryInput),
        ("Caf\u00e9 news".encode("latin-1"), EncodingError),
    ],
)
def test_bad_inputs_raise_a_named_error(data: bytes, error: type[Exception]):
    with pytest.raises(error):
        decode_text(data)


def test_other_encodings_on_request():
    assert decode_text("Caf\u00e9".encode("cp1252"), "cp1252") == "Caf\u00e9"


def test_size_cap(tmp_path: Path):
    path = tmp_path / "big.txt"
    path.write_text("x" * 100)
    with pytest.raises(TooLarge, match="cap"):
        read_text_file(path, max_bytes=10)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be"])
def test_a_byte_order_mark_names_the_encoding(encoding: str):
    bom = "\ufeff" if encoding.endswith(("le", "be")) else ""
    data = (bom + "Title\n\nCaf\u00e9 news").encode(encoding)
    assert b"\x00" in data
    assert decode_text(data) == "Title\n\nCaf\u00e9 news"
    assert decode_text(data, "cp1252") == "Title\n\nCaf\u00e9 news"  # the mark outranks a guess


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_wide_text_without_a_mark_on_request(encoding: str):
    data = "Title\n\nCaf\u00e9 news".encode(encoding)
    assert decode_text(data, encoding) == "Title\n\nCaf\u00e9 news"
    assert decode_text(data, encoding.upper().replace("-", "_")) == "Title\n\nCaf\u00e9 news"
    with pytest.raises(BinaryInput, match="NUL"):  # not asked for: NUL bytes are binary
        decode_text(data)


def test_binary_data_is_still_refused_beside_wide_text():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)) * 4
    with pytest.raises(BinaryInput, match="NUL"):
        decode_text(png)
    with pytest.raises(BinaryInput):
        decode_text(("\ufeff" + "\x01\x02\x03\x04" * 100).encode("utf-16-le"))  # a mark, then junk


def test_a_utf16_file_with_its_mark_is_read(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_bytes("Title\n\nBody".encode("utf-16"))  # with its mark
    assert read_text_file(path).raw == "Title\n\nBody"
