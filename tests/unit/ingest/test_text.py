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
