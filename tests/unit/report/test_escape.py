"""Untrusted text in the reports: Markdown that renders as written, CSV that stays data."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from newsgraph.extract.event_lexicon import EventLexicon
from newsgraph.model import Doc, Event, Quote, Span
from newsgraph.report.escape import csv_cell, md_link, md_text
from newsgraph.report.export import export_csv
from newsgraph.report.markdown import render_markdown
from newsgraph.report.situation import build_situation, render_md
from newsgraph.store.db import Store
from newsgraph.store.query import Filters, Result, run_query
from newsgraph.store.read import Reader

SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(1)">'


def test_markdown_text_is_literal_and_on_one_line() -> None:
    assert md_text(SCRIPT) == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert md_text("a *b* _c_ [d](e) | f\n# g") == "a \\*b\\* \\_c\\_ \\[d\\](e) \\| f # g"
    assert md_text("Deir ez-Zor, 3.5 km") == "Deir ez-Zor, 3.5 km"  # ordinary text unchanged


def test_links_only_to_http_and_never_broken_by_the_url() -> None:
    assert md_link("x", "javascript:alert(1)") == "x"
    assert md_link("SANA", "https://sana.sy/a (b)") == "[SANA](https://sana.sy/a%20%28b%29)"


def test_csv_formula_starters_become_text_and_numbers_stay_numbers() -> None:
    for cell in ('=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert csv_cell(cell) == "'" + cell
    assert csv_cell("Aleppo") == "Aleppo" and csv_cell(-3) == -3 and csv_cell(None) is None


def test_analyze_report_escapes_html_in_every_field() -> None:
    span = Span(0, 5, "xxxxx")
    event = Event("ASSAULT", span, span, (IMG,), (SCRIPT,), location=(SCRIPT,))
    quote = Quote(0, 5, SCRIPT, "direct", IMG, IMG, via=(SCRIPT,))
    doc = Doc(id="d", source=IMG, text="x" * 50, title=SCRIPT, events=(event,), quotes=(quote,))
    text = render_markdown([doc], [])
    assert "<script" not in text and "<img" not in text
    assert "&lt;script&gt;" in text and "&lt;img src=x onerror=" in text


def _hostile_doc() -> Doc:
    text = f'{IMG} said "{SCRIPT}" after the strike in Aleppo.'
    span = Span(0, len(text), text)
    event = Event(
        "ASSAULT", span, span, (IMG,), ("=cmd|' /C calc'!A0",), location=("Aleppo",), day=None
    )
    quote = Quote(0, len(text), SCRIPT, "direct", "said", IMG, via=("@SUM(1+1)",))
    return Doc(
        id="h",
        source="h.txt",
        text=text,
        title=SCRIPT,
        outlet="=1+1",
        url="https://example.com/a",
        published="2017-04-05",
        events=(event,),
        quotes=(quote,),
        stages=("clean.v1",),
    )


def test_situation_report_markdown_escapes_what_the_store_holds(tmp_path: Path) -> None:
    db = tmp_path / "h.duckdb"
    with Store(db) as store:
        store.write([_hostile_doc()])
    reader = Reader(db)
    try:
        text = render_md(build_situation(reader, Filters()))
    finally:
        reader.close()
    assert "<script" not in text and "<img" not in text
    assert "&lt;img src=x onerror=" in text  # the speaker is shown, as text


def test_csv_exports_and_queries_write_no_formula(tmp_path: Path) -> None:
    db = tmp_path / "h.duckdb"
    with Store(db) as store:
        store.write([_hostile_doc()])
    result: Result = run_query(db, "events", Filters())
    for layout in ("plover", "acled"):
        rows = list(csv.reader(io.StringIO(export_csv(result, layout, EventLexicon.load()))))
        cells = [c for row in rows[1:] for c in row]
        formulas = [c for c in cells if c.startswith(("=", "+", "-", "@")) and not _number(c)]
        assert formulas == [], layout
        assert any(c.startswith("'=cmd") for c in cells), layout  # kept, as text


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True
