"""What `newsgraph watch` keeps in the store: each feed's validators, schedule and failures,
the items each feed listed, and which incidents a poll's documents made or grew.

Kept in the store itself, not a side file, so that it is committed with the documents and
a restart resumes from it. Times are epoch seconds in Python, UTC timestamps in the tables.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import duckdb

from newsgraph.errors import StoreError
from newsgraph.store.db import Store
from newsgraph.store.query import event_rows
from newsgraph.store.rows import MERGEABLE_STATUSES


@dataclass(frozen=True, slots=True)
class FeedState:
    """One watched URL: what to send next time, when to poll it, how it has been failing."""

    url: str
    kind: str | None = None  # feed or page, once a poll has said which
    etag: str | None = None
    last_modified: str | None = None
    last_poll: float | None = None
    last_success: float | None = None
    next_poll: float = 0.0  # due now
    failures: int = 0  # failed polls in a row
    last_error: str | None = None


@dataclass(frozen=True, slots=True)
class SeenItem:
    """An item a feed listed, and what became of it."""

    key: str
    digest: str
    doc_id: str | None
    how: str  # page, feed-text, stored, near-duplicate, failed


def load_feeds(store: Store) -> dict[str, FeedState]:
    """Every watched URL's state, by URL."""
    rows = store.con.execute(
        "SELECT url, kind, etag, last_modified, last_poll, last_success, next_poll, failures, "
        "last_error FROM watch_feeds"
    ).fetchall()
    out: dict[str, FeedState] = {}
    for url, kind, etag, modified, polled, succeeded, due, failures, error in rows:
        out[url] = FeedState(
            url, kind, etag, modified, _epoch(polled), _epoch(succeeded), _epoch(due) or 0.0,
            int(failures), error,
        )  # fmt: skip
    return out


def seen_items(store: Store, feed: str) -> dict[str, str]:
    """The items `feed` listed before: key -> digest."""
    rows = store.con.execute("SELECT key, digest FROM watch_items WHERE feed = ?", [feed])
    return dict(rows.fetchall())


def record_poll(store: Store, state: FeedState, items: Sequence[SeenItem], now: float) -> None:
    """Save a feed's state and the items of its poll, in one transaction."""
    con = store.con
    try:
        con.execute("BEGIN TRANSACTION")
        con.execute(
            "INSERT OR REPLACE INTO watch_feeds VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                state.url, state.kind, state.etag, state.last_modified, _stamp(state.last_poll),
                _stamp(state.last_success), _stamp(state.next_poll), state.failures,
                state.last_error,
            ],
        )  # fmt: skip
        if items:
            con.executemany(
                "INSERT OR REPLACE INTO watch_items VALUES (?, ?, ?, ?, ?, ?)",
                [[state.url, i.key, i.digest, i.doc_id, i.how, _stamp(now)] for i in items],
            )
        con.execute("COMMIT")
    except duckdb.Error as exc:
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")
        raise StoreError(f"{store.path}: cannot save the watch state: {_first(exc)}") from exc


@dataclass(frozen=True, slots=True)
class Incident:
    """A merged event a poll's documents reported: its row as `query events` gives it, and
    whether it is new or an existing incident they grew."""

    row: dict[str, Any]
    grown: bool  # reported before this poll too
    single_side: bool | None  # None: the store computes no corroboration (yet)


def touched_incidents(store: Store, doc_ids: Sequence[str]) -> list[Incident]:
    """The incidents (events that happened, merged over reports) these documents report."""
    if not doc_ids:
        return []
    where = (
        " AND c.id IN (SELECT cluster_id FROM events "
        "WHERE list_contains(?, doc_id) AND list_contains(?, status))"
    )
    rows = event_rows(store.con, where, [list(doc_ids), list(MERGEABLE_STATUSES)])
    sides = _single_side(store.con, [r["event"] for r in rows])
    fresh = set(doc_ids)
    return [
        Incident(row, bool(set(row["doc_ids"]) - fresh), sides.get(row["event"]) if sides else None)
        for row in rows
    ]


def computes_single_side(store: Store) -> bool:
    """Whether the store says which incidents all origins of are one party's (a
    `corroboration` table with `single_side`, which a newer newsgraph computes)."""
    return _has_single_side(store.con)


def _has_single_side(con: duckdb.DuckDBPyConnection) -> bool:
    found = con.execute(
        "SELECT 1 FROM duckdb_columns() "
        "WHERE table_name = 'corroboration' AND column_name = 'single_side'"
    ).fetchone()
    return found is not None


def _single_side(con: duckdb.DuckDBPyConnection, clusters: list[str]) -> dict[str, bool] | None:
    """Whether every origin of each incident is one party's, where the store computes it;
    None where it does not."""
    if not _has_single_side(con):
        return None
    if not clusters:
        return {}
    marks = ",".join("?" * len(clusters))
    rows = con.execute(
        "SELECT fact_id, single_side FROM corroboration "
        f"WHERE fact_type = 'event' AND fact_id IN ({marks})",
        clusters,
    ).fetchall()
    return {str(fact): bool(flag) for fact, flag in rows}


def _stamp(epoch: float | None) -> datetime | None:
    return None if epoch is None else datetime.fromtimestamp(epoch, UTC).replace(tzinfo=None)


def _epoch(stamp: datetime | None) -> float | None:
    return None if stamp is None else stamp.replace(tzinfo=UTC).timestamp()


def _first(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
