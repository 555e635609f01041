"""The read side for the web page and the API: pages of rows as dicts, aggregates in DuckDB.

One read-only connection per `Reader`; each call takes its own cursor, so a threaded server
can share the Reader. The connection follows its file: a copy that `watch --publish`
replaced is read from the next question on (store/follow.py). Everything is aggregated here (counts per place, per day), never
shipped row by row to the browser.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from newsgraph.store.follow import FollowedConnection
from newsgraph.store.query import (
    MATCHES,
    Filters,
    What,
    conditions,
    contains,
    count_sql,
    sql_for,
)

Item = dict[str, Any]


class Reader:
    """Read-only questions over one database file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._con = FollowedConnection(path)

    def close(self) -> None:
        self._con.close()

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Item]:
        with self._con.cursor() as cur:
            result = cur.execute(sql, list(params))
            names = [c[0] for c in result.description or ()]
            return [dict(zip(names, row, strict=True)) for row in result.fetchall()]

    def one(self, sql: str, params: Sequence[Any] = ()) -> Item | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    # --- lists with filters and pages --------------------------------------------------

    def page(self, what: What, filters: Filters) -> tuple[int, list[Item]]:
        """(total, one page) of events, quotes, actors or places."""
        total_sql, params = count_sql(what, filters)
        total = self.one(total_sql, params)
        sql, params = sql_for(what, filters)
        return (int(next(iter(total.values()))) if total else 0), self.rows(sql, params)

    def documents(self, text: str | None, limit: int, offset: int) -> tuple[int, list[Item]]:
        where, params = (
            (f"WHERE title {MATCHES} OR text {MATCHES}", [contains(text)] * 2) if text else ("", [])
        )
        total = self.one(f"SELECT count(*) AS n FROM documents {where}", params)
        items = self.rows(
            f"SELECT id, title, outlet, url, published, words, duplicate_of, story_id, source "
            f"FROM documents {where} ORDER BY published DESC NULLS LAST, id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return (total["n"] if total else 0), items

    def table(self, name: str, text: str | None, limit: int, offset: int) -> tuple[int, list[Item]]:
        """people, relations or stories, optionally filtered by name or label."""
        sql, column = _TABLES[name]
        where, params = (f"WHERE {column} {MATCHES}", [contains(text)]) if text else ("", [])
        total = self.one(f"SELECT count(*) AS n FROM ({sql}) {where}", params)
        items = self.rows(
            f"SELECT * FROM ({sql}) {where} LIMIT ? OFFSET ?", [*params, limit, offset]
        )
        return (total["n"] if total else 0), items

    # --- one thing, with its evidence ---------------------------------------------------

    def document(self, doc_id: str) -> Item | None:
        """A document's text and every fact in it at its offsets (the evidence view)."""
        doc = self.one(
            "SELECT id, title, byline, outlet, url, published, source, text, duplicate_of, "
            "similarity, story_id FROM documents WHERE id = ?",
            [doc_id],
        )
        if doc is None:
            return None
        doc["mentions"] = self.rows(
            'SELECT entity_type, entity_id, "start", "end", text FROM mentions WHERE doc_id = ? '
            'ORDER BY "start"',
            [doc_id],
        )
        doc["quotes"] = self.rows(
            "SELECT q.id, q.speaker, q.speaker_id, q.speaker_text, q.cue, q.kind, q.via, "
            'list({"start": v."start", "end": v."end"} ORDER BY v."start") AS parts '
            "FROM quotes q JOIN evidence v ON v.fact_type = 'quote' AND v.fact_id = q.id "
            'WHERE q.doc_id = ? GROUP BY ALL ORDER BY min(v."start")',
            [doc_id],
        )
        doc["events"] = self.rows(
            "SELECT e.id, e.cluster_id, e.type, e.mode, e.status, e.actors, e.recipients, "
            'e.place, e.day, e.claimed_by, e.via, e."trigger", '
            'list({"start": v."start", "end": v."end"} ORDER BY v.main DESC, v."start") '
            "AS evidence FROM events e JOIN evidence v ON v.fact_type = 'event' "
            "AND v.fact_id = e.id "
            "WHERE e.doc_id = ? GROUP BY ALL ORDER BY e.id",
            [doc_id],
        )
        return doc

    def event(self, cluster_id: str) -> Item | None:
        """A merged event and every report of it, with sentence and source chain."""
        head = self.one(
            "SELECT c.id, c.type, c.place, c.first_day, c.last_day, p.lat, p.lon "
            "FROM event_clusters c LEFT JOIN places p ON p.id = c.place_id WHERE c.id = ?",
            [cluster_id],
        )
        if head is None:
            return None
        head["reports"] = self.rows(
            "SELECT e.id, e.doc_id, d.title, d.outlet, d.url, d.published, e.status, e.mode, "
            "e.actors, e.recipients, e.killed, e.fatalities, e.claimed_by, e.via, e.day, "
            "min(v.text) FILTER (WHERE v.main) AS sentence, "
            'min(v."start") FILTER (WHERE v.main) AS "start", '
            'min(v."end") FILTER (WHERE v.main) AS "end" '
            "FROM events e JOIN documents d ON d.id = e.doc_id "
            "LEFT JOIN evidence v ON v.fact_type = 'event' AND v.fact_id = e.id "
            "WHERE e.cluster_id = ? GROUP BY ALL ORDER BY d.published NULLS LAST, e.id",
            [cluster_id],
        )
        return head

    def entity(self, entity_id: str) -> Item | None:
        """Who's who: an actor, person or place with its events, quotes, titles and partners."""
        table = {"actor": "actors", "person": "people", "place": "places"}.get(
            entity_id.split(":", 1)[0]
        )
        if table is None:
            return None
        item = self.one(f"SELECT * FROM {table} WHERE id = ?", [entity_id])
        if item is None:
            return None
        name = item["name"]
        item["documents"] = self.rows(
            "SELECT DISTINCT d.id, d.title, d.outlet, d.published FROM mentions m "
            "JOIN documents d ON d.id = m.doc_id WHERE m.entity_id = ? "
            "ORDER BY d.published DESC NULLS LAST LIMIT 50",
            [entity_id],
        )
        item["events"] = self.rows(
            "SELECT DISTINCT e.cluster_id, e.type, e.place, e.day, e.actors, e.recipients, "
            "e.status FROM events e WHERE list_contains(e.actors, ?) "
            "OR list_contains(e.recipients, ?) OR e.place = ? ORDER BY e.day NULLS LAST LIMIT 100",
            [name, name, name],
        )
        item["quotes"] = self.rows(
            "SELECT q.id, q.doc_id, q.text, q.cue, q.via FROM quotes q "
            'WHERE q.speaker_id = ? ORDER BY q.doc_id, q."start" LIMIT 100',
            [entity_id],
        )
        item["relations"] = self.rows(
            "SELECT DISTINCT subject, relation, object FROM relations "
            "WHERE subject = ? OR object = ? ORDER BY relation, subject, object",
            [name, name],
        )
        item["titles"] = self.rows(
            "SELECT DISTINCT title, affiliation FROM people WHERE name = ? AND title IS NOT NULL",
            [name],
        )
        return item

    # --- aggregates for the page -----------------------------------------------------------

    def changed(self) -> Item:
        """When the store last changed, and when a watch last polled into it (if one did)."""
        tables = {r["name"] for r in self.rows("SELECT table_name AS name FROM duckdb_tables()")}
        changed = (
            self.one("SELECT value FROM meta WHERE key = 'changed_at'")
            if "meta" in tables
            else None
        )
        if changed is None:  # a store written before it kept the time: its newest document
            changed = self.one("SELECT CAST(max(ingested_at) AS VARCHAR) AS value FROM documents")
        polled = (
            self.one("SELECT max(last_poll) AS at, count(*) AS feeds FROM watch_feeds")
            if "watch_feeds" in tables
            else None
        )
        return {
            "changed": _utc(changed["value"] if changed else None),
            "last_poll": _utc(polled["at"] if polled else None),
            "watched": polled["feeds"] if polled else 0,
        }

    def summary(self) -> Item:
        counts = self.one(
            "SELECT (SELECT count(*) FROM documents) AS documents, "
            "(SELECT count(*) FROM event_clusters) AS events, (SELECT count(*) FROM quotes) AS "
            "quotes, (SELECT count(*) FROM actors) AS actors, (SELECT count(*) FROM people) AS "
            "people, (SELECT count(*) FROM places) AS places, "
            "(SELECT min(day) FROM events WHERE status <> 'historical') AS first_day, "
            "(SELECT max(day) FROM events WHERE status <> 'historical') AS last_day"
        )
        return counts or {}

    def map(self, filters: Filters) -> list[Item]:
        """Events per place, by type: the circles of the map."""
        where, params = conditions("events", filters)
        return self.rows(_MAP.format(where=where), params)

    def timeline(self, filters: Filters) -> list[Item]:
        """Events per day, by type."""
        where, params = conditions("events", filters)
        return self.rows(_TIMELINE.format(where=where), params)

    def disputes(self, actor: str | None, since: date | None, until: date | None) -> list[Item]:
        """Accusations and rejections between two parties, both directions side by side."""
        filters = Filters(actor=actor, since=since, until=until)
        where, params = conditions("events", filters)
        claims = self.rows(_CLAIMS.format(where=where), params)
        pairs: dict[tuple[str, str], Item] = {}
        for claim in claims:
            for accuser in claim["actors"]:
                for accused in claim["recipients"]:
                    a, b = sorted((accuser, accused))
                    pair = pairs.setdefault((a, b), {"a": a, "b": b, "a_to_b": [], "b_to_a": []})
                    side = "a_to_b" if accuser == a else "b_to_a"
                    pair[side].append({**claim, "accuser": accuser, "accused": accused})
        both = [p for p in pairs.values() if p["a_to_b"] and p["b_to_a"]]
        one = [p for p in pairs.values() if not (p["a_to_b"] and p["b_to_a"])]
        key = lambda p: -(len(p["a_to_b"]) + len(p["b_to_a"]))  # noqa: E731
        return sorted(both, key=key) + sorted(one, key=key)


_TABLES = {
    "people": (
        "SELECT p.id, p.name, p.title, p.affiliation, count(DISTINCT m.doc_id) AS documents "
        "FROM people p LEFT JOIN mentions m ON m.entity_id = p.id GROUP BY ALL "
        "ORDER BY documents DESC, p.name",
        "name",
    ),
    "relations": (
        "SELECT subject, relation, object, count(DISTINCT doc_id) AS documents FROM relations "
        "GROUP BY ALL ORDER BY documents DESC, subject",
        "subject || ' ' || object",
    ),
    "stories": ("SELECT * FROM stories ORDER BY documents DESC, id", "label"),
}
_EVENTS_IN = """
    SELECT e.* FROM events e
    JOIN event_clusters c ON c.id = e.cluster_id
    JOIN documents d ON d.id = e.doc_id
    LEFT JOIN evidence v ON v.fact_type = 'event' AND v.fact_id = e.id
    WHERE 1 = 1 {where}
"""
_MAP = (
    "WITH e AS (SELECT DISTINCT id, cluster_id, type, place_id FROM ("
    + _EVENTS_IN
    + """))
SELECT p.id AS place_id, p.name AS place, p.lat, p.lon, e.type,
       count(DISTINCT e.cluster_id) AS events
FROM e JOIN places p ON p.id = e.place_id
WHERE p.lat IS NOT NULL
GROUP BY ALL ORDER BY events DESC LIMIT 5000
"""
)
_TIMELINE = (
    "WITH e AS (SELECT DISTINCT id, cluster_id, type, day, status FROM ("
    + _EVENTS_IN
    + """))
SELECT day, type, count(DISTINCT cluster_id) AS events FROM e
WHERE day IS NOT NULL AND status <> 'historical' GROUP BY ALL ORDER BY day, type
"""
)
_CLAIMS = (
    "WITH e AS (SELECT DISTINCT id FROM ("
    + _EVENTS_IN
    + """))
SELECT x.id, x.cluster_id, x.type, x.mode, x.status, x.actors, x.recipients, x.day,
       x.claimed_by, x.via, x.doc_id, d.title, d.outlet, d.url,
       min(v.text) FILTER (WHERE v.main) AS sentence
FROM events x JOIN e ON e.id = x.id JOIN documents d ON d.id = x.doc_id
LEFT JOIN evidence v ON v.fact_type = 'event' AND v.fact_id = x.id
WHERE x.type IN ('ACCUSE', 'REJECT') OR x.status = 'denied'
GROUP BY ALL ORDER BY x.day NULLS LAST, x.id
"""
)


def _utc(value: object) -> str | None:
    """A stored UTC time (a timestamp, or its text) as ISO 8601 with its offset."""
    if value is None:
        return None
    when = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return when.replace(
        tzinfo=UTC
    ).isoformat()  # to the microsecond: two writes a second apart differ
