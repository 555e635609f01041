import json
from pathlib import Path

import pytest

from conftest import shared_path
from newsgraph.errors import EmptyInput, EncodingError, InputError
from newsgraph.ingest.tables import ColumnMap, parse_date, read_csv, read_jsonl
from newsgraph.model import Article, Unreadable

FAKES = "corpus/fakes/FA-KES-Dataset.csv"
COLUMNS = ColumnMap(text="content", title="headline", date="date", source="outlet")
ROWS = (
    "headline,content,outlet,date\n"
    'Strike on Idlib,"Air strikes hit Idlib, a monitor said.\n\nTwelve died.",Agence Café,4/5/2017\n'
    "No body,,SANA,2017-04-06\n"
    "Undated,Talks resumed in Astana.,Reuters,sometime\n"
)


def write_csv(tmp_path: Path, text: str, encoding: str = "latin-1", name: str = "d.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_latin1_rows_become_articles(tmp_path: Path):
    path = write_csv(tmp_path, ROWS)
    first, empty, undated = read_csv(path, COLUMNS, encoding="latin-1")
    assert first == Article(
        source=f"{path}:1",
        raw="Air strikes hit Idlib, a monitor said.\n\nTwelve died.",
        title="Strike on Idlib",
        published="2017-04-05",
        outlet="Agence Café",
        headline_first=False,  # a row is body only, never title + body
    )
    assert empty == Unreadable(f"{path}:2", "empty text")
    assert isinstance(undated, Article)
    assert undated.published is None  # an unparseable date is left out, not guessed


def test_latin1_read_as_utf8_names_the_byte_and_suggests_encoding(tmp_path: Path):
    path = write_csv(tmp_path, ROWS)
    with pytest.raises(
        EncodingError, match=r"not valid utf-8 \(byte 0xe9 at offset \d+\).*--encoding"
    ):
        list(read_csv(path, COLUMNS))


def test_a_missing_text_column_lists_the_columns(tmp_path: Path):
    path = write_csv(tmp_path, ROWS)
    with pytest.raises(InputError, match=r"no column 'body'; the columns are: headline, content"):
        list(read_csv(path, ColumnMap(text="body"), encoding="latin-1"))


def test_tsv_and_a_row_id(tmp_path: Path):
    path = write_csv(tmp_path, "id\ttext\n17\tTroops withdrew from the town.\n", "utf-8", "d.tsv")
    (row,) = read_csv(path, ColumnMap(text="text", id="id"))
    assert isinstance(row, Article)
    assert row.source == f"{path}:1#17"


def test_a_utf8_bom_does_not_rename_the_first_column(tmp_path: Path):
    path = write_csv(tmp_path, "\ufefftext\nA sentence.\n", "utf-8")
    assert [a.raw for a in read_csv(path, ColumnMap(text="text")) if isinstance(a, Article)] == [
        "A sentence."
    ]


def test_an_empty_csv(tmp_path: Path):
    with pytest.raises(EmptyInput):
        list(read_csv(write_csv(tmp_path, ""), COLUMNS))


def test_jsonl_with_a_bad_line(tmp_path: Path):
    path = tmp_path / "d.jsonl"
    good = {"text": "Shelling resumed near Aleppo.", "title": "Aleppo", "date": "2017-04-05"}
    lines = [json.dumps(good), "{not json", "", json.dumps(["a", "list"]), json.dumps({"title": 1})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    columns = ColumnMap(text="text", title="title", date="date")
    article, bad, not_object, no_text = read_jsonl(path, columns)
    assert isinstance(article, Article)
    assert (article.source, article.title, article.published) == (
        f"{path}:1",
        "Aleppo",
        "2017-04-05",
    )
    assert isinstance(bad, Unreadable)
    assert bad.source == f"{path}:2"
    assert bad.reason.startswith("invalid JSON: ")
    assert not_object == Unreadable(f"{path}:4", "not a JSON object but list")
    assert no_text == Unreadable(f"{path}:5", "empty text")


def test_jsonl_without_the_text_field(tmp_path: Path):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"body": "x", "headline": "y"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"no field 'text'; the fields are: body, headline"):
        list(read_jsonl(path, ColumnMap(text="text")))


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("8/21/2013", "2013-08-21"),
        ("Wed, 05 Apr 2017", "2017-04-05"),
        ("April 2017", "2017-04-01"),
        ("2017-04-05T23:30:00-05:00", "2017-04-05"),
        ("2017", None),  # a year alone is not a date
        ("yesterday", None),  # relative to when the dataset was made, which we do not know
        ("1914947530", None),  # an id, not a timestamp
        ("n/a", None),
    ],
)
def test_parse_date(written: str, iso: str | None):
    assert parse_date(written) == iso


def test_reads_the_fakes_dataset():
    columns = ColumnMap(text="article_content", title="article_title", date="date", source="source")
    rows = list(read_csv(shared_path(FAKES), columns, encoding="latin-1"))
    assert len(rows) == 804
    assert all(isinstance(row, Article) for row in rows)
    first = rows[0]
    assert isinstance(first, Article)
    assert first.title == "Syria attack symptoms consistent with nerve agent use WHO"
    assert first.published == "2017-04-05"
    assert first.outlet == "nna"
    assert sum(1 for row in rows if isinstance(row, Article) and row.published) == 804
