"""The DuckDB store: documents and their facts written in all-or-nothing batches.

A batch of documents is one transaction: a crash or Ctrl-C loses at most the batch being
written, never leaves half a document, and the next run skips what is stored (resume).
Re-ingesting a document whose text changed replaces all its rows (upsert by id).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import duckdb

from newsgraph.errors import StoreError
from newsgraph.model import Doc
from newsgraph.store.merge import BROAD_PLACES, Cluster, DuplicateIndex, EventIndex, story_label
from newsgraph.store.rows import DocRows, EventRow, Row, content_hash, doc_rows

Status = Literal["new", "changed", "unchanged"]
_FACT_TABLES = ("mentions", "quotes", "events", "relations", "evidence")
_CHUNK = 200  # rows per INSERT statement: one multi-row VALUES is far faster than executemany


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
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        first = str(exc).splitlines()[0]
        if "conflicting lock" in first.casefold() or "could not set lock" in first.casefold():
            raise StoreError(f"{path}: in use by another process ({first})") from None
        raise StoreError(f"{path}: cannot open ({first})") from None
    except (duckdb.Error, OSError) as exc:
        raise StoreError(f"{path}: cannot open ({str(exc).splitlines()[0]})") from None


class Store:
    """A read-write store over one DuckDB file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.con = connect(path)
        self.con.execute(resources.files("newsgraph.store").joinpath("schema.sql").read_text())
        self._load()

    def _load(self) -> None:
        """The indexes merging needs, rebuilt from what is committed."""
        self.known: dict[str, str] = dict(
            self.con.execute("SELECT id, content_hash FROM documents").fetchall()
        )
        self.copies = DuplicateIndex()
        for doc_id, signature, original in self.con.execute(
            "SELECT id, fingerprint, duplicate_of FROM documents ORDER BY ingested_at, id"
        ).fetchall():
            self.copies.add(doc_id, tuple(signature or ()), original)
        self.events = EventIndex()
        self._clusters: dict[str, Cluster] = {}
        for cid, kind, place, first, last, parties in self.con.execute(_CLUSTERS).fetchall():
            cluster = Cluster(cid, kind, place, first, last, set(parties or ()))
            self._clusters[cid] = cluster
            for day in {first, last}:
                self.events.add(cluster, day)

    def status(self, doc_id: str, text_hash: str) -> Status:
        """Whether a document is new, stored with other text, or stored as it is."""
        if doc_id not in self.known:
            return "new"
        return "unchanged" if self.known[doc_id] == text_hash else "changed"

    def write(self, docs: Sequence[Doc]) -> list[Written]:
        """Store `docs` in one transaction; on any error nothing of the batch is kept."""
        now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
        try:
            self.con.execute("BEGIN TRANSACTION")
            done = [self._write_one(doc, now) for doc in docs]
            self.con.execute("COMMIT")
        except BaseException as exc:  # KeyboardInterrupt too: never leave half a batch
            self._rollback()
            if isinstance(exc, duckdb.Error):
                raise StoreError(f"{self.path}: write failed: {str(exc).splitlines()[0]}") from exc
            raise
        for doc in docs:
            self.known[doc.id] = content_hash(doc)
        return done

    def _rollback(self) -> None:
        try:
            self.con.execute("ROLLBACK")
        except duckdb.Error:
            pass  # the transaction was never opened, or the connection is gone
        self._load()  # the in-memory indexes may hold rows that were rolled back

    def _write_one(self, doc: Doc, now: str) -> Written:
        status = self.status(doc.id, content_hash(doc))
        if status == "unchanged":
            (original, story), *_ = self._query(_STORED, [doc.id])
            return Written(doc.id, status, original, story)
        if status == "changed":
            self._delete(doc.id)
        rows = doc_rows(doc, now)
        copy = self.copies.find(doc.id, doc.fingerprint)
        original, score = copy if copy else (None, None)
        self._insert("documents", [(*rows.document[:12], original, score, None, now)])
        self._entities(rows)
        clusters = self._events(rows)
        self.copies.add(doc.id, doc.fingerprint, original)
        story = self._story(doc.id, original, clusters)
        return Written(doc.id, status, original, story)

    def _delete(self, doc_id: str) -> None:
        for table in _FACT_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
        self.con.execute("DELETE FROM documents WHERE id = ?", [doc_id])
        self.copies.remove(doc_id)

    def _entities(self, rows: DocRows) -> None:
        for table in ("actors", "people", "places"):
            self._insert(table, getattr(rows, table), ignore=True)
        for table in ("mentions", "quotes", "relations", "evidence"):
            self._insert(table, getattr(rows, table))

    def _events(self, rows: DocRows) -> list[Cluster]:
        """Insert the events, each merged into the occurrence it reports again, or a new one."""
        specific: list[Cluster] = []
        values: list[Row] = []
        for event in rows.events:
            cluster = self.events.match(event)
            if cluster is None:
                cluster = self._new_cluster(event)
            else:
                self.events.extend(cluster, event)
                self.con.execute(
                    "UPDATE event_clusters SET first_day = ?, last_day = ? WHERE id = ?",
                    [cluster.first, cluster.last, cluster.id],
                )
            if event.place_kind is not None and event.place_kind not in BROAD_PLACES:
                specific.append(cluster)
            values.append((*event.values[:2], cluster.id, *event.values[2:]))
        self._insert("events", values)
        return specific

    def _new_cluster(self, event: EventRow) -> Cluster:
        cluster = Cluster(f"c:{event.id}", event.type, event.place_id or "", event.day, event.day)
        cluster.parties |= event.parties
        self._insert(
            "event_clusters",
            [(cluster.id, event.type, event.place_id, event.place, event.day, event.day)],
        )
        if event.mergeable and event.place_id is not None:
            self.events.add(cluster, event.day)
            self._clusters[cluster.id] = cluster
        return cluster

    def _story(self, doc_id: str, original: str | None, clusters: list[Cluster]) -> str:
        """Join the story of the copied original or of a shared specific event, else start one."""
        found: set[str] = set()
        if original is not None:
            found |= {s for (s,) in self._query(_STORY_OF_DOC, [original]) if s}
        if clusters:
            ids = sorted({c.id for c in clusters})
            marks = ",".join("?" * len(ids))
            found |= {
                s for (s,) in self._query(_STORIES_OF_CLUSTERS.format(marks), [*ids, doc_id]) if s
            }
        story = min(found) if found else f"s:{doc_id}"
        others = sorted(found - {story})
        if others:
            marks = ",".join("?" * len(others))
            self.con.execute(
                f"UPDATE documents SET story_id = ? WHERE story_id IN ({marks})", [story, *others]
            )
            self.con.execute(f"DELETE FROM stories WHERE id IN ({marks})", others)
        self.con.execute("UPDATE documents SET story_id = ? WHERE id = ?", [story, doc_id])
        self._label(story)
        return story

    def _label(self, story: str) -> None:
        top = self._query(_STORY_EVENT, [story])
        label = story_label(*top[0]) if top else None
        if label is None:
            title = self._query(_STORY_TITLE, [story])
            label = (title[0][0] if title else None) or story
        self.con.execute("INSERT OR REPLACE INTO stories VALUES (?, ?)", [story, label])

    def _query(self, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, params).fetchall()

    def _insert(self, table: str, rows: Sequence[Row], ignore: bool = False) -> None:
        if not rows:
            return
        width = len(rows[0])
        verb = "INSERT OR IGNORE INTO" if ignore else "INSERT INTO"
        for at in range(0, len(rows), _CHUNK):
            chunk = rows[at : at + _CHUNK]
            marks = ",".join(["(" + ",".join("?" * width) + ")"] * len(chunk))
            self.con.execute(f"{verb} {table} VALUES {marks}", [v for r in chunk for v in r])

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_CLUSTERS = """
SELECT c.id, c.type, c.place_id, c.first_day, c.last_day,
       flatten(list(list_concat(e.actors, e.recipients)))
FROM event_clusters c JOIN events e ON e.cluster_id = c.id
WHERE c.place_id IS NOT NULL AND e.status IN ('asserted', 'claimed')
GROUP BY ALL
"""
_STORED = "SELECT duplicate_of, story_id FROM documents WHERE id = ?"
_STORY_OF_DOC = "SELECT story_id FROM documents WHERE id = ?"
_STORIES_OF_CLUSTERS = """
SELECT DISTINCT d.story_id FROM events e JOIN documents d ON d.id = e.doc_id
WHERE e.cluster_id IN ({}) AND d.id <> ?
"""
_STORY_EVENT = """
SELECT e.type, e.place, any_value(e.actors), any_value(e.recipients)
FROM events e JOIN documents d ON d.id = e.doc_id
WHERE d.story_id = ? AND e.place IS NOT NULL AND e.status IN ('asserted', 'claimed')
GROUP BY e.cluster_id, e.type, e.place
ORDER BY count(DISTINCT e.doc_id) DESC, max(len(e.killed)) DESC, count(*) DESC, e.cluster_id
LIMIT 1
"""
_STORY_TITLE = """
SELECT title FROM documents WHERE story_id = ? ORDER BY published NULLS LAST, ingested_at, id
LIMIT 1
"""
