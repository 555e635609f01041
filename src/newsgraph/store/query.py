"""Read-only questions to the store: events, quotes, actors, places, with filters; exports.

Every filter is a bound parameter; table and column names come from this module only. Text
filters match as plain text: `%`, `_` and `\\` in them are escaped, never patterns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

import duckdb

from newsgraph.store.db import connect

What = Literal["events", "quotes", "actors", "places"]


@dataclass(frozen=True, slots=True)
class Filters:
    """What to keep: each is optional; text filters match case-insensitively, in part."""

    type: str | None = None
    actor: str | None = None
    speaker: str | None = None
    place: str | None = None
    since: date | None = None
    until: date | None = None
    text: str | None = None
    limit: int | None = None
    status: str | None = None
    offset: int = 0


@dataclass(frozen=True, slots=True)
class Result:
    """Column names and rows."""

    columns: list[str]
    rows: list[tuple[Any, ...]]


# One row per real occurrence: reports of the same event in many documents are merged.
_EVENTS = """
SELECT c.id AS event, c.type, any_value(e.mode) FILTER (WHERE e.mode IS NOT NULL) AS mode,
       c.first_day AS date, coalesce(c.place, any_value(e.place)) AS place,
       any_value(p.lat) AS lat, any_value(p.lon) AS lon, any_value(p.country_code) AS country,
       list_sort(list_distinct(flatten(list(e.actors)))) AS actors,
       list_sort(list_distinct(flatten(list(e.recipients)))) AS recipients,
       max(e.fatalities) AS fatalities, max(e.injuries) AS injuries,
       bool_or(coalesce(e.approximate, false)) AS approximate,
       list_sort(list_distinct(flatten(list(e.killed)))) AS killed,
       any_value(e.weapon) FILTER (WHERE e.weapon IS NOT NULL) AS weapon,
       list_sort(list_distinct(list(e.status))) AS status,
       list_sort(list_distinct(list(e.claimed_by) FILTER (WHERE e.claimed_by IS NOT NULL)))
           AS claimed_by,
       any_value(e.cameo) FILTER (WHERE e.cameo IS NOT NULL) AS cameo,
       count(DISTINCT e.id) AS reports, count(DISTINCT e.doc_id) AS documents,
       list_sort(list_distinct(list(coalesce(d.outlet, d.url, d.source)))) AS sources,
       min(v.text) FILTER (WHERE v.main) AS evidence,
       list_sort(list_distinct(list(d.id))) AS doc_ids,
       list_sort(list_distinct(list(d.url) FILTER (WHERE d.url IS NOT NULL))) AS urls
FROM event_clusters c
JOIN events e ON e.cluster_id = c.id
JOIN documents d ON d.id = e.doc_id
LEFT JOIN places p ON p.id = c.place_id
LEFT JOIN evidence v ON v.fact_type = 'event' AND v.fact_id = e.id
WHERE c.id IN (
    SELECT e.cluster_id FROM events e
    JOIN event_clusters c ON c.id = e.cluster_id
    JOIN documents d ON d.id = e.doc_id
    LEFT JOIN evidence v ON v.fact_type = 'event' AND v.fact_id = e.id
    WHERE 1 = 1 {where}
)
GROUP BY c.id, c.type, c.first_day, c.place
ORDER BY documents DESC, date NULLS LAST, c.id
"""
_QUOTES = """
SELECT q.id AS quote, q.speaker, q.speaker_text, q.cue, q.kind, q.text, q.via,
       d.published AS date, coalesce(d.outlet, d.url, d.source) AS source, d.title, q.doc_id
FROM quotes q JOIN documents d ON d.id = q.doc_id
WHERE 1 = 1 {where}
ORDER BY date NULLS LAST, q.doc_id, q."start"
"""
_ACTORS = """
SELECT a.id AS actor, a.name, a.kind, a.code, a.country,
       count(DISTINCT m.doc_id) AS documents, count(*) AS mentions
FROM actors a JOIN mentions m ON m.entity_id = a.id JOIN documents d ON d.id = m.doc_id
WHERE 1 = 1 {where}
GROUP BY ALL ORDER BY documents DESC, mentions DESC, a.name
"""
_PLACES = """
SELECT p.id AS place, p.name, p.kind, p.country_code AS country, p.lat, p.lon, p.geonames_id,
       count(DISTINCT m.doc_id) AS documents, count(*) AS mentions
FROM places p JOIN mentions m ON m.entity_id = p.id JOIN documents d ON d.id = m.doc_id
WHERE 1 = 1 {where}
GROUP BY ALL ORDER BY documents DESC, mentions DESC, p.name
"""


# A text filter's comparison: ILIKE with the escape character `contains` uses.
MATCHES = "ILIKE ? ESCAPE '\\'"


def contains(text: str) -> str:
    """The ILIKE pattern for "holds `text` anywhere", its wildcards taken as plain characters."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def conditions(what: What, f: Filters) -> tuple[str, list[Any]]:
    """SQL conditions and their parameters for the filters that apply to `what`."""
    conds: list[str] = []
    params: list[Any] = []

    def add(sql: str, *values: Any) -> None:
        conds.append(sql)
        params.extend(values)

    like = {k: contains(v) for k, v in vars_of(f).items() if isinstance(v, str)}
    day = {"events": "e.day", "quotes": "d.published"}.get(what, "d.published")
    if f.type and what == "events":
        add("upper(c.type) = upper(?)", f.type)
    if f.actor and what == "events":
        add(
            f"(list_contains(list_transform(e.actors, lambda x: x {MATCHES}), true) OR "
            f"list_contains(list_transform(e.recipients, lambda x: x {MATCHES}), true))",
            like["actor"],
            like["actor"],
        )
    if f.actor and what == "actors":
        add(f"a.name {MATCHES}", like["actor"])
    if f.speaker and what == "quotes":
        add(f"(q.speaker {MATCHES} OR q.speaker_text {MATCHES})", like["speaker"], like["speaker"])
    if f.status and what == "events":
        add("e.status = lower(?)", f.status)
    if f.place and what == "events":
        add(f"coalesce(c.place, e.place) {MATCHES}", like["place"])
    if f.place and what == "places":
        add(f"p.name {MATCHES}", like["place"])
    if f.since:
        add(f"{day} >= ?", f.since)
    if f.until:
        add(f"{day} <= ?", f.until)
    if f.text:
        column = {"events": "v.text", "quotes": "q.text"}.get(what, "d.text")
        add(f"{column} {MATCHES}", like["text"])
    return "".join(f" AND {c}" for c in conds), params


def vars_of(f: Filters) -> dict[str, Any]:
    return {name: getattr(f, name) for name in f.__dataclass_fields__}


_SQL = {"events": _EVENTS, "quotes": _QUOTES, "actors": _ACTORS, "places": _PLACES}


def sql_for(what: What, filters: Filters) -> tuple[str, list[Any]]:
    """The query for `what` with `filters` applied, and its parameters."""
    where, params = conditions(what, filters)
    sql = _SQL[what].format(where=where)
    if filters.limit:
        sql += f" LIMIT {int(filters.limit)}"
    if filters.offset:
        sql += f" OFFSET {int(filters.offset)}"
    return sql, params


def count_sql(what: What, filters: Filters) -> tuple[str, list[Any]]:
    """How many rows `sql_for` gives without its limit: for paging."""
    where, params = conditions(what, filters)
    return f"SELECT count(*) FROM ({_SQL[what].format(where=where)})", params


def event_rows(
    con: duckdb.DuckDBPyConnection, where: str, params: Sequence[Any]
) -> list[dict[str, Any]]:
    """Merged events as `query events` gives them, for SQL conditions of this module's
    callers (`where` starts with AND), as dicts."""
    cur = con.execute(_EVENTS.format(where=where), list(params))
    names = [c[0] for c in cur.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def run_query(db: Path, what: What, filters: Filters) -> Result:
    """Run one query read-only over the database file."""
    con = connect(db, read_only=True)
    try:
        sql, params = sql_for(what, filters)
        cur = con.execute(sql, params)
        columns = [c[0] for c in cur.description or ()]
        return Result(columns, cur.fetchall())
    finally:
        con.close()


def write_parquet(db: Path, what: What, filters: Filters, output: Path) -> int:
    """The query's rows as a Parquet file (DuckDB writes it; no pyarrow needed)."""
    con = connect(db, read_only=True)
    try:
        sql, params = sql_for(what, filters)
        con.execute(f"CREATE TEMP TABLE result AS {sql}", params)
        tmp = output.with_name(f".{output.name}.tmp")
        con.execute(f"COPY result TO '{_quoted(tmp)}' (FORMAT parquet)")
        tmp.replace(output)
        count = con.execute("SELECT count(*) FROM result").fetchone()
        return int(count[0]) if count else 0
    finally:
        con.close()


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")
