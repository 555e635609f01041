"""The page's freshness question (/api/changed), and a Reader that follows its file when a
watch publishes a new copy of the store."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from newsgraph.model import Doc
from newsgraph.normalize.fingerprint import fingerprint
from newsgraph.serve.app import create_app
from newsgraph.store.db import Store
from newsgraph.store.read import Reader
from newsgraph.store.watch_state import FeedState, record_poll


def doc(doc_id: str, text: str) -> Doc:
    return Doc(id=doc_id, source=f"{doc_id}.txt", text=text, fingerprint=fingerprint(text))


def test_the_store_says_when_it_changed_and_when_a_watch_last_polled(tmp_path: Path):
    db, view = tmp_path / "w.duckdb", tmp_path / "view.duckdb"
    with Store(db) as store:
        store.write([doc("a", "Talks resumed in Geneva on Monday.")])
        record_poll(store, FeedState("https://wire.example.com/rss"), [], 1_491_300_000.0)
        record_poll(store, FeedState("https://wire.example.com/rss", last_poll=1_491_300_000.0), [], 0)  # fmt: skip
        store.publish(view)
    client = TestClient(create_app(view, check_every=5), base_url="http://localhost:8000")
    info = client.get("/api/changed").json()
    assert info["changed"].endswith("+00:00") and info["changed"].startswith("20")
    assert info["last_poll"] == "2017-04-04T10:00:00+00:00"
    assert info["watched"] == 1 and info["check_every"] == 5


def test_a_store_no_watch_wrote_has_no_last_poll(tmp_path: Path):
    db = tmp_path / "plain.duckdb"
    with Store(db) as store:
        store.write([doc("a", "Talks resumed in Geneva on Monday.")])
    info = TestClient(create_app(db), base_url="http://localhost:8000").get("/api/changed").json()
    assert info["changed"] is not None and info["last_poll"] is None and info["watched"] == 0


def test_the_reader_follows_a_published_copy_when_it_is_replaced(tmp_path: Path):
    db, view = tmp_path / "w.duckdb", tmp_path / "view.duckdb"
    with Store(db) as store:
        store.write([doc("a", "Talks resumed in Geneva on Monday.")])
        store.publish(view)
        reader = Reader(view)
        assert reader.summary()["documents"] == 1
        store.write([doc("b", "Protesters marched in Cairo on Friday.")])
        assert reader.summary()["documents"] == 1  # not published yet
        store.publish(view)
        assert reader.summary()["documents"] == 2
        assert reader._con.reopened == 1
        reader.close()
