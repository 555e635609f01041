"""`newsgraph load OUT --db PATH`: the Ray engine's Parquet partitions into the DuckDB store.

All in one transaction. Documents already in the store are replaced (upsert by id); when two
partitions hold the same document, the one with the first partition key wins. Copies and
event occurrences come from OUT/copies and OUT/clusters (computed on Ray); stories are then
formed here from those links (a union-find over ids only, not over texts).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from newsgraph.errors import StoreError
from newsgraph.store.db import Store
from newsgraph.store.merge import StoryIndex
from newsgraph.store.rows import BROAD_PLACES

_FACTS = ("mentions", "quotes", "relations", "evidence")


@dataclass(frozen=True, slots=True)
class Loaded:
    """What a load added."""

    documents: int
    events: int
    copies: int


def load_parquet(db: Path, folder: Path) -> Loaded:
    """Load every finished partition under `folder` into the store at `db`."""
    if not (folder / "documents").is_dir():
        raise StoreError(f"{folder}: no documents/ folder (is it a `--engine ray` output?)")
    with Store(db) as store:
        con = store.con
        con.execute("BEGIN TRANSACTION")
        try:
            _stage(con, folder)
            counts = _insert(con)
            _stories(store)
            _corroborate(store)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return counts


def _scan(folder: Path, table: str) -> str:
    files = sorted((folder / table).glob("*.parquet"))
    if not files:
        return ""
    quoted = ", ".join("'" + str(f).replace("'", "''") + "'" for f in files)
    return f"read_parquet([{quoted}], filename = true)"


def _stage(con: duckdb.DuckDBPyConnection, folder: Path) -> None:
    """Temporary views over the Parquet files, with each row's partition key."""
    execute = con.execute
    for table in ("documents", "actors", "people", "places", "events", *_FACTS):
        scan = _scan(folder, table)
        if not scan:
            execute(f"CREATE OR REPLACE TEMP TABLE p_{table} AS SELECT * FROM {table} LIMIT 0")
            continue
        execute(
            f"CREATE OR REPLACE TEMP VIEW p_{table} AS SELECT *, "
            f"regexp_extract(filename, '([^/]+)\\.parquet$', 1) AS part FROM {scan}"
        )
    for table, columns in (("copies", "id VARCHAR, duplicate_of VARCHAR, similarity DOUBLE"),
                           ("clusters", "event_id VARCHAR, cluster_id VARCHAR")):  # fmt: skip
        scan = _scan(folder, table).replace(", filename = true", "")
        source = f"SELECT * FROM {scan}" if scan else "SELECT * FROM (VALUES (NULL)) t(x) LIMIT 0"
        if scan:
            execute(f"CREATE OR REPLACE TEMP VIEW p_{table} AS {source}")
        else:
            execute(f"CREATE OR REPLACE TEMP TABLE p_{table} ({columns})")
    # one partition per document: the first partition key that has it
    execute(
        "CREATE OR REPLACE TEMP TABLE chosen AS SELECT id, min(part) AS part "
        "FROM p_documents GROUP BY id"
    )


def _insert(con: duckdb.DuckDBPyConnection) -> Loaded:
    execute = con.execute
    for table in ("mentions", "quotes", "events", "relations", "evidence"):
        execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT id FROM chosen)")
    execute("DELETE FROM documents WHERE id IN (SELECT id FROM chosen)")
    execute(
        "INSERT INTO documents SELECT d.id, d.source, d.url, d.title, d.byline, d.outlet, "
        "d.published, d.text, d.words, d.content_hash, d.stages, d.fingerprint, c.duplicate_of, "
        "c.similarity, NULL, CAST(d.ingested_at AS TIMESTAMP), "
        "(SELECT coalesce(max(seq) + 1, 0) FROM documents) - 1 + row_number() OVER "
        "(ORDER BY d.seq NULLS FIRST, d.ingested_at, d.id) "  # the order the local engine uses
        "FROM p_documents d JOIN chosen USING (id, part) LEFT JOIN p_copies c USING (id)"
    )
    for table in ("actors", "people", "places"):
        execute(
            f"INSERT OR IGNORE INTO {table} SELECT DISTINCT ON (id) * EXCLUDE (filename, part) "
            f"FROM p_{table} ORDER BY id"
        )
    for table in _FACTS:
        execute(
            f"INSERT INTO {table} SELECT f.* EXCLUDE (filename, part) FROM p_{table} f "
            "JOIN chosen c ON c.id = f.doc_id AND c.part = f.part"
        )
    execute(
        "INSERT INTO events SELECT e.id, e.doc_id, coalesce(k.cluster_id, 'c:' || e.id), e.type, "
        "e.mode, e.status, e.actors, e.recipients, e.place, e.place_id, e.date_text, e.day, "
        'e.killed, e.injured, e.claimed_by, e.via, e.cameo, e."trigger", e.method, e.stage, '
        "e.fatalities, e.injuries, e.approximate, e.weapon, e.day_precision, e.period, "
        "e.suspected, e.denied_by "
        "FROM p_events e JOIN chosen c ON c.id = e.doc_id AND c.part = e.part "
        "LEFT JOIN p_clusters k ON k.event_id = e.id"
    )
    execute(
        "INSERT OR REPLACE INTO event_clusters SELECT cluster_id, any_value(type), "
        "any_value(place_id), any_value(place), min(day), max(day) FROM events "
        "WHERE cluster_id IN (SELECT cluster_id FROM events WHERE doc_id IN (SELECT id FROM chosen)) "
        "GROUP BY cluster_id"
    )
    counted = execute(
        "SELECT (SELECT count(*) FROM chosen), "
        "(SELECT count(duplicate_of) FROM documents WHERE id IN (SELECT id FROM chosen)), "
        "(SELECT count(*) FROM events WHERE doc_id IN (SELECT id FROM chosen))"
    ).fetchone()
    documents, copies, events = counted if counted else (0, 0, 0)
    return Loaded(int(documents), int(events), int(copies))


def _corroborate(store: Store) -> None:
    """The origins of every occurrence and quote the loaded documents report."""
    con = store.con
    clusters = con.execute(
        "SELECT DISTINCT cluster_id FROM events WHERE doc_id IN (SELECT id FROM chosen) "
        "ORDER BY cluster_id"
    ).fetchall()
    quotes = con.execute(
        "SELECT id FROM quotes WHERE doc_id IN (SELECT id FROM chosen) ORDER BY id"
    ).fetchall()
    con.execute(  # a replaced document's quotes, and occurrences no report is left in
        "DELETE FROM corroboration WHERE (fact_type = 'quote' AND fact_id NOT IN "
        "(SELECT id FROM quotes)) OR (fact_type = 'event' AND fact_id NOT IN "
        "(SELECT cluster_id FROM events))"
    )
    store.corroborate([str(c) for (c,) in clusters], [str(q) for (q,) in quotes])


def _stories(store: Store) -> None:
    """Stories over every stored document: copies and shared, precisely placed events."""
    rows = store.con.execute(
        "SELECT d.id, d.duplicate_of, list(DISTINCT e.cluster_id) FILTER "
        "(WHERE p.kind IS NOT NULL AND p.kind <> ALL(?)) "
        "FROM documents d LEFT JOIN events e ON e.doc_id = d.id "
        "LEFT JOIN places p ON p.id = e.place_id "
        "LEFT JOIN (SELECT id, min(seq) AS seq FROM p_documents GROUP BY id) s ON s.id = d.id "
        "GROUP BY d.id, d.duplicate_of, s.seq, d.ingested_at "
        "ORDER BY s.seq NULLS FIRST, d.ingested_at, d.id",  # the order the local engine uses
        [list(BROAD_PLACES)],
    ).fetchall()
    stories = StoryIndex()
    pending: list[tuple[str, str | None, list[str]]] = []
    for doc_id, original, clusters in rows:
        pending.append((doc_id, original, [c for c in clusters or () if c]))
        stories.assign(*pending[-1])
    ids = [r[0] for r in pending]
    table = pa.table({"id": ids, "story": [stories.of_doc(i) for i in ids]})
    store.con.register("_stories", table)
    store.con.execute(
        "UPDATE documents SET story_id = s.story FROM _stories s WHERE s.id = documents.id"
    )
    store.con.unregister("_stories")
