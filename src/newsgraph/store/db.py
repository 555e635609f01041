"""The DuckDB store: documents and their facts written in all-or-nothing batches.

A batch of documents is one transaction: a crash or Ctrl-C loses at most the batch being
written, never leaves half a document, and the next run skips what is stored (resume).
Re-ingesting a document whose text changed replaces all its rows (upsert by id).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Literal

import duckdb
import pyarrow as pa

from newsgraph.errors import StoreError
from newsgraph.model import Doc
from newsgraph.resolve.outlets import Outlet, Outlets
from newsgraph.store.corroboration import load_sides, recompute
from newsgraph.store.merge import Cluster, DuplicateIndex, EventIndex, StoryIndex
from newsgraph.store.rows import (
    BROAD_PLACES,
    MERGEABLE_STATUSES,
    DocRows,
    Row,
    content_hash,
    doc_rows,
)
from newsgraph.store.sides import actor_facts, people_facts

# 2: events count their dead, day precision, weapon; 3: documents.seq; 5: the watch tables;
# 6: places.precision and places.within; 7: corroboration and events.denied_by; 8: actors.side
SCHEMA_VERSION = "8"
# A place with coordinates in an older store was resolved as itself; one without has none.
_PLACE_PRECISION = (
    "ALTER TABLE places ADD COLUMN IF NOT EXISTS precision INTEGER",
    "ALTER TABLE places ADD COLUMN IF NOT EXISTS within VARCHAR",
    "UPDATE places SET precision = 1 WHERE lat IS NOT NULL",
)
_DENIED_BY = ("ALTER TABLE events ADD COLUMN IF NOT EXISTS denied_by VARCHAR[]",)
# Actor.side (state, opposition, ...): side rules read it; older stores' actors have none.
_ACTOR_SIDE = ("ALTER TABLE actors ADD COLUMN IF NOT EXISTS side VARCHAR",)
# Older schemas this one upgrades in place: version -> the statements that bring it up (the
# new tables themselves come from schema.sql's CREATE TABLE IF NOT EXISTS); every upgrade then
# computes the corroboration of what is stored, in the same transaction (Store._upgrade).
MIGRATIONS: dict[str, tuple[str, ...]] = {
    "3": _PLACE_PRECISION + _DENIED_BY + _ACTOR_SIDE,
    "5": _PLACE_PRECISION + _DENIED_BY + _ACTOR_SIDE,
    "6": _DENIED_BY + _ACTOR_SIDE,
    "7": _ACTOR_SIDE,
}
MEMORY_LIMIT = "128MB"  # the writer's cache; readers (queries, the web page) may use more
READ_MEMORY_LIMIT = "1GB"
Status = Literal["new", "changed", "unchanged"]
_FACT_TABLES = ("mentions", "quotes", "events", "relations", "evidence")


@dataclass(frozen=True, slots=True)
class Written:
    """What writing one document did."""

    doc_id: str
    status: Status
    duplicate_of: str | None
    story_id: str


def connect(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the database file, with a one-line error when it is locked or not a database."""
    if read_only and not path.exists():
        raise StoreError(f"{path}: no such database (run `newsgraph ingest` first)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # DuckDB caches up to 80% of RAM by default; a bounded cache keeps an ingest's memory
        # flat as the corpus grows (it spills to disk when a query needs more).
        limit = READ_MEMORY_LIMIT if read_only else MEMORY_LIMIT
        config: dict[str, str | bool | int | float | list[str]] = {"memory_limit": limit}
        return duckdb.connect(str(path), read_only=read_only, config=config)
    except duckdb.IOException as exc:
        first = str(exc).splitlines()[0]
        if "conflicting lock" in first.casefold() or "could not set lock" in first.casefold():
            raise StoreError(f"{path}: in use by another process ({first})") from None
        raise StoreError(f"{path}: cannot open ({first})") from None
    except (duckdb.Error, OSError) as exc:
        raise StoreError(f"{path}: cannot open ({str(exc).splitlines()[0]})") from None


def schema_of(con: duckdb.DuckDBPyConnection) -> str | None:
    """The schema version a store was written with (None: a new, empty file)."""
    tables = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    if "meta" not in tables:
        return None
    found = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    return None if found is None else str(found[0])


def _check_schema(con: duckdb.DuckDBPyConnection, path: Path) -> str | None:
    """Refuse a store another newsgraph wrote, unless this one upgrades it, before touching
    it: its rows stay as they are. The version found."""
    found = schema_of(con)
    if found is not None and found != SCHEMA_VERSION and found not in MIGRATIONS:
        con.close()
        raise StoreError(
            f"{path}: written by another newsgraph version (store schema {found}, this one "
            f"reads {SCHEMA_VERSION}); ingest into a new file"
        )
    return found


def upgraded(path: Path) -> Path:
    """`path`, upgraded first when an older newsgraph wrote it with a schema this one upgrades
    (which needs it for writing, once); readers call this before they open a store."""
    if not path.exists():
        return path
    con = connect(path, read_only=True)
    try:
        found = schema_of(con)
    finally:
        con.close()
    if found in MIGRATIONS:
        Store(path).close()
    return path


class Store:
    """A read-write store over one DuckDB file."""

    def __init__(self, path: Path, outlets: Iterable[Outlet] | None = None) -> None:
        self.path = path
        self.outlets = list(outlets if outlets is not None else Outlets.load())
        self.con = connect(path)
        found = _check_schema(self.con, path)
        if found in MIGRATIONS:
            self._upgrade(found)
        self.con.execute(resources.files("newsgraph.store").joinpath("schema.sql").read_text())
        self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", [SCHEMA_VERSION])
        self._load()

    def _upgrade(self, version: str) -> None:
        """A store of an older schema brought up to this one in one transaction: the new
        tables and columns, and the corroboration of every stored event and quote (denials,
        which no older schema kept, are known only for documents ingested again)."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute(resources.files("newsgraph.store").joinpath("schema.sql").read_text())
            for statement in MIGRATIONS[version]:
                self.con.execute(statement)
            clusters = self.con.execute("SELECT DISTINCT cluster_id FROM events").fetchall()
            quotes = self.con.execute("SELECT id FROM quotes").fetchall()
            self.corroborate([str(c) for (c,) in clusters], [str(q) for (q,) in quotes])
            self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", [SCHEMA_VERSION])
            self.con.execute("COMMIT")
        except BaseException:
            self._rollback_only()
            raise

    def corroborate(self, clusters: Sequence[str], quotes: Sequence[str]) -> None:
        """Recompute the corroboration of these occurrences and quotes from the tables (after
        rows were written around the Store: `load`, an upgrade)."""
        self.sides = load_sides(self.con, self.outlets)
        recompute(self.con, self.sides, clusters, quotes)

    def _load(self) -> None:
        """The indexes merging needs, rebuilt from what is committed.

        Merging depends on order (the earliest copy is the original; a report joins the
        first occurrence it agrees with), so the indexes are rebuilt by replaying the stored
        documents and events in the order they were written: a resumed ingest then merges
        exactly as an uninterrupted one."""
        self.known: dict[str, str] = dict(
            self.con.execute("SELECT id, content_hash FROM documents").fetchall()
        )
        last = self.con.execute("SELECT max(seq) FROM documents").fetchone()
        self.next_seq = 0 if last is None or last[0] is None else int(last[0]) + 1
        self.copies = DuplicateIndex()
        for doc_id, signature, original in self.con.execute(
            "SELECT id, fingerprint, duplicate_of FROM documents ORDER BY seq, id"
        ).fetchall():
            self.copies.add(doc_id, tuple(signature or ()), original)
        self.events = EventIndex()
        params = [list(MERGEABLE_STATUSES), list(BROAD_PLACES)]
        clusters: dict[str, Cluster] = {}
        for row in self.con.execute(_CLUSTERS, params).fetchall():
            cid, kind, pid, place, first, last_day, actors, recipients = row
            clusters[cid] = Cluster(
                cid, kind, pid, place, first, last_day, set(actors), set(recipients)
            )
        for cid, day in self.con.execute(_CLUSTER_DAYS, params).fetchall():
            self.events.add(clusters[cid], day)
        self.stories = StoryIndex()
        for doc_id, story, found in self.con.execute(_STORIES, [list(BROAD_PLACES)]).fetchall():
            self.stories.load(doc_id, story, [c for c in found or () if c])
        self.sides = load_sides(self.con, self.outlets)  # kept up to date as documents come

    def status(self, doc_id: str, text_hash: str) -> Status:
        """Whether a document is new, stored with other text, or stored as it is."""
        if doc_id not in self.known:
            return "new"
        return "unchanged" if self.known[doc_id] == text_hash else "changed"

    def write(self, docs: Sequence[Doc]) -> list[Written]:
        """Store `docs` in one transaction; on any error nothing of the batch is kept."""
        now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
        pending = _Pending()
        try:
            self.con.execute("BEGIN TRANSACTION")
            done = [self._write_one(doc, now, pending) for doc in docs]
            self._flush(pending)
            quotes = [str(row[0]) for row in pending.rows["quotes"]]
            recompute(self.con, self.sides, sorted(pending.clusters.keys() | pending.stale), quotes)
            self.con.execute("INSERT OR REPLACE INTO meta VALUES ('changed_at', ?)", [now])
            self.con.execute("COMMIT")
        except BaseException as exc:  # KeyboardInterrupt too: never leave half a batch
            self._rollback()
            if isinstance(exc, duckdb.Error):
                raise StoreError(f"{self.path}: write failed: {str(exc).splitlines()[0]}") from exc
            raise
        for doc in docs:
            self.known[doc.id] = content_hash(doc)
        return [replace(w, story_id=self.stories.find(w.story_id)) for w in done]

    def _rollback(self) -> None:
        self._rollback_only()
        self._load()  # the in-memory indexes may hold rows that were rolled back

    def _rollback_only(self) -> None:
        # the transaction may never have opened, or the connection may be gone
        with contextlib.suppress(duckdb.Error):
            self.con.execute("ROLLBACK")

    def _write_one(self, doc: Doc, now: str, pending: _Pending) -> Written:
        status = self.status(doc.id, content_hash(doc))
        if status == "unchanged":
            story = self.stories.of_doc(doc.id) or ""
            return Written(doc.id, status, self.copies.original_of(doc.id), story)
        if status == "changed":
            pending.stale |= self._delete(doc.id)
        rows = doc_rows(doc, now)
        copy = self.copies.find(doc.id, doc.fingerprint)
        original, score = copy if copy else (None, None)
        specific = self._events(rows, pending)
        self.copies.add(doc.id, doc.fingerprint, original)
        story, merged = self.stories.assign(doc.id, original, specific)
        if merged:  # documents already stored move to the surviving story
            marks = ",".join("?" * len(merged))
            self.con.execute(
                f"UPDATE documents SET story_id = ? WHERE story_id IN ({marks})", [story, *merged]
            )
        pending.documents.append((*rows.document[:12], original, score, doc.id, now, self.next_seq))
        self.next_seq += 1
        for table in ("mentions", "quotes", "relations", "evidence"):
            pending.rows[table] += getattr(rows, table)
        for table in ("actors", "people", "places"):
            pending.entities[table] += getattr(rows, table)
        self._know(doc)
        return Written(doc.id, status, original, story)

    def _know(self, doc: Doc) -> None:
        """What side rules read of the document's actors and people (the first seen is kept,
        as in the tables)."""
        for name, facts in actor_facts(doc.actors).items():
            self.sides.actors.setdefault(name, facts)
        for name, affiliation in people_facts(doc.people).items():
            self.sides.people.setdefault(name, affiliation)

    def _delete(self, doc_id: str) -> set[str]:
        """Remove a document's rows; the occurrences it reported (to corroborate again)."""
        clusters = {
            str(r[0])
            for r in self.con.execute(
                "SELECT DISTINCT cluster_id FROM events WHERE doc_id = ?", [doc_id]
            ).fetchall()
        }
        self.con.execute(
            "DELETE FROM corroboration WHERE fact_type = 'quote' AND fact_id IN "
            "(SELECT id FROM quotes WHERE doc_id = ?)",
            [doc_id],
        )
        for table in _FACT_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
        self.con.execute("DELETE FROM documents WHERE id = ?", [doc_id])
        self.copies.remove(doc_id)
        return clusters

    def _events(self, rows: DocRows, pending: _Pending) -> list[str]:
        """Merge each event into the occurrence it reports again, or start one; the ids of
        the specifically placed occurrences (which link stories)."""
        specific: list[str] = []
        for event in rows.events:
            cluster = self.events.match(event)
            if cluster is None:
                cluster = Cluster(
                    f"c:{event.id}", event.type, event.place_id, event.place, event.day, event.day
                )
                cluster.actors |= event.actors
                cluster.recipients |= event.recipients
                if event.mergeable and event.place_id is not None:
                    self.events.add(cluster, event.day)
            else:
                self.events.extend(cluster, event)
            pending.clusters[cluster.id] = cluster
            if event.place_kind is not None and event.place_kind not in BROAD_PLACES:
                specific.append(cluster.id)
            pending.rows["events"].append((*event.values[:2], cluster.id, *event.values[2:]))
        return specific

    def _flush(self, pending: _Pending) -> None:
        """Insert a batch's rows, a few statements per table."""
        documents = [
            (*row[:14], self.stories.of_doc(str(row[14])), *row[15:]) for row in pending.documents
        ]
        self._insert("documents", documents)
        for table, entity_rows in pending.entities.items():
            self._insert(table, entity_rows, verb="INSERT OR IGNORE INTO")
        for table, rows in pending.rows.items():
            self._insert(table, rows)
        clusters = [
            (c.id, c.type, c.place_id, c.place, c.first, c.last) for c in pending.clusters.values()
        ]
        self._insert("event_clusters", clusters, verb="INSERT OR REPLACE INTO")

    def _insert(self, table: str, rows: Sequence[Row], verb: str = "INSERT INTO") -> None:
        """Insert rows through an Arrow table: ~8x faster than parameterised VALUES lists."""
        if not rows:
            return
        columns = {f"c{i}": pa.array(values) for i, values in enumerate(zip(*rows, strict=True))}
        self.con.register("_rows", pa.table(columns))
        try:
            self.con.execute(f"{verb} {table} SELECT * FROM _rows")
        finally:
            with contextlib.suppress(duckdb.Error):  # keep the insert's own error, if any
                self.con.unregister("_rows")

    def publish(self, target: Path) -> None:
        """Replace `target` with a consistent copy of the store, atomically: what `serve`
        reads while this process keeps writing (DuckDB lets one process write a file, or any
        number read it, not both)."""
        if target.resolve() == self.path.resolve():
            raise StoreError(f"{target}: is the store itself; publish a copy under another name")
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.unlink(missing_ok=True)
        found = self.con.execute("SELECT current_database()").fetchone()
        name = str(found[0] if found else "").replace('"', '""')
        try:
            self.con.execute(f"ATTACH '{_quoted(tmp)}' AS newsgraph_copy")
            try:
                self.con.execute(f'COPY FROM DATABASE "{name}" TO newsgraph_copy')
            finally:
                self.con.execute("DETACH newsgraph_copy")
            os.replace(tmp, target)
        except (duckdb.Error, OSError) as exc:
            tmp.unlink(missing_ok=True)
            raise StoreError(f"{target}: cannot publish ({str(exc).splitlines()[0]})") from None

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


@dataclass(slots=True)
class _Pending:
    """A batch's rows, inserted together at its end."""

    documents: list[Row] = field(default_factory=list)
    rows: dict[str, list[Row]] = field(
        default_factory=lambda: {
            t: [] for t in ("mentions", "quotes", "events", "relations", "evidence")
        }
    )
    entities: dict[str, list[Row]] = field(
        default_factory=lambda: {t: [] for t in ("actors", "people", "places")}
    )
    clusters: dict[str, Cluster] = field(default_factory=dict)
    stale: set[str] = field(default_factory=set)  # occurrences a replaced document reported


# Occurrences that can take more reports: something that happened, at a precise place.
_MERGEABLE = "e.status = ANY(?) AND p.kind <> ALL(?)"
_CLUSTERS = f"""
SELECT c.id, c.type, c.place_id, c.place, c.first_day, c.last_day,
       list_distinct(flatten(list(e.actors))), list_distinct(flatten(list(e.recipients)))
FROM event_clusters c JOIN events e ON e.cluster_id = c.id JOIN places p ON p.id = c.place_id
WHERE {_MERGEABLE}
GROUP BY ALL
"""
# Each mergeable event's cluster and day in the order they were written: the replay of
# EventIndex.add calls an uninterrupted ingest made (event ids end in their position, ":eN").
_CLUSTER_DAYS = f"""
SELECT e.cluster_id, e.day
FROM events e JOIN documents d ON d.id = e.doc_id JOIN places p ON p.id = e.place_id
WHERE {_MERGEABLE}
ORDER BY d.seq, CAST(regexp_extract(e.id, ':e([0-9]+)$', 1) AS INTEGER), e.id
"""
_STORIES = """
SELECT d.id, d.story_id, list(DISTINCT e.cluster_id) FILTER (WHERE p.kind <> ALL(?))
FROM documents d
LEFT JOIN events e ON e.doc_id = d.id
LEFT JOIN places p ON p.id = e.place_id
GROUP BY d.id, d.story_id
"""
