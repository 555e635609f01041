"""Corroboration rows: the origins of each merged event and each quote, kept in the store.

Recomputed from every report of an occurrence whenever a write adds one (store/db.py), when
`load` brings in the Ray engine's partitions, and once for every fact when a store of
schema 3 is upgraded. The rules are in store/origins.py and store/sides.py; this module only
reads their input from the tables and writes their output back.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

import duckdb
import pyarrow as pa

from newsgraph.model import Corroboration, Origin
from newsgraph.store.origins import Report, Source, corroborate, origin_of
from newsgraph.store.sides import ActorFacts, Sides

_S = pa.string()
_RELAY = pa.struct(
    [("name", _S), ("kind", _S), ("side", _S), ("side_method", _S), ("outlet_kind", _S)]
)
_ORIGIN = pa.struct(
    [*(_RELAY[i] for i in range(_RELAY.num_fields)), ("method", _S),
     ("documents", pa.int32()), ("via", pa.list_(_RELAY))]
)  # fmt: skip
SCHEMA = pa.schema(
    [("fact_type", _S), ("fact_id", _S), ("independent_origins", pa.int32()),
     ("sides", pa.list_(_S)), ("single_side", pa.bool_()), ("single_side_method", _S),
     ("denied_by", pa.list_(_S)), ("origins", pa.list_(_ORIGIN))]
)  # fmt: skip

_REPORTS = """
SELECT e.cluster_id, e.doc_id, e.status, e.claimed_by, e.via, e.actors, e.recipients,
       e.denied_by, {named} AS named
FROM events e JOIN _facts f ON f.id = e.cluster_id JOIN documents d ON d.id = e.doc_id
ORDER BY e.cluster_id, d.seq, CAST(regexp_extract(e.id, ':e([0-9]+)$', 1) AS INTEGER), e.id
"""
# Whether an event's claimant is a person or party its own document names (not words naming
# nobody, nor a name only another document made an entity of).
_NAMED = """EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = e.doc_id
    AND m.entity_id IN ('actor:' || lower(e.claimed_by), 'person:' || lower(e.claimed_by)))"""
_QUOTES = """
SELECT q.id, q.doc_id, q.speaker, q.speaker_text, q.via
FROM quotes q JOIN _facts f ON f.id = q.id ORDER BY q.id
"""


def load_sides(con: duckdb.DuckDBPyConnection, outlets: Iterable[Any]) -> Sides:
    """Sides over everything the store knows of actors and people."""
    actors = {
        name: ActorFacts(kind or "other", country, origin or "", tuple(patrons or ()), led_by, side)
        for name, kind, country, origin, patrons, led_by, side in con.execute(
            "SELECT name, kind, country, origin, patrons, led_by, side FROM actors"
        ).fetchall()
    }
    people = dict(con.execute("SELECT name, affiliation FROM people").fetchall())
    return Sides(outlets, actors, people)


def recompute(
    con: duckdb.DuckDBPyConnection, sides: Sides, clusters: Sequence[str], quotes: Sequence[str]
) -> None:
    """Replace the corroboration rows of these occurrences and quotes (inside the caller's
    transaction)."""
    rows: list[dict[str, Any]] = []
    if clusters:
        reports = _rows(con, _REPORTS.format(named=_NAMED), clusters)
        sources = _sources(con, {str(r[1]) for r in reports}, sides)
        by_cluster: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        for row in reports:
            by_cluster[row[0]].append(row)
        for cluster, found in by_cluster.items():
            rows.append(_row("event", cluster, _event(found, sources, sides)))
    if quotes:
        found_quotes = _rows(con, _QUOTES, quotes)
        sources = _sources(con, {str(r[1]) for r in found_quotes}, sides)
        for qid, doc_id, speaker, said, via in found_quotes:
            named = speaker is not None
            quote = _report(sources[doc_id], doc_id, "asserted", speaker or said, via, named=named)
            rows.append(_row("quote", qid, corroborate([quote], _one(speaker), True, sides)))
    for fact_type, ids in (("event", clusters), ("quote", quotes)):
        if ids:
            _rows(con, f"DELETE FROM corroboration WHERE fact_type = '{fact_type}' "
                      "AND fact_id IN (SELECT id FROM _facts)", ids)  # fmt: skip
    if rows:
        _insert(con, rows)


def _event(
    reports: list[tuple[Any, ...]], sources: dict[str, Source], sides: Sides
) -> Corroboration:
    told = [r for r in reports if r[2] != "denied"]
    parties = [p for r in told or reports for p in (*(r[5] or ()), *(r[6] or ()))]
    return corroborate(
        [_report(sources[r[1]], r[1], r[2], r[3], r[4], r[7], r[8]) for r in reports],
        tuple(dict.fromkeys(parties)),
        any(r[5] for r in told or reports),
        sides,
    )


def _report(
    source: Source,
    doc_id: str,
    status: str,
    claimed_by: str | None,
    via: list[str] | None,
    denied_by: list[str] | None = None,
    named: bool | None = None,
) -> Report:
    copied = source.key != doc_id
    denied = tuple(denied_by or ())
    return Report(source, status, claimed_by, tuple(via or ()), copied, denied, named)


def _one(name: str | None) -> tuple[str, ...]:
    return (name,) if name else ()


def _sources(con: duckdb.DuckDBPyConnection, doc_ids: set[str], sides: Sides) -> dict[str, Source]:
    """Each document's source, a copy taking its original's (followed to the first one), with
    the origins that original names where a copy needs them."""
    docs: dict[str, tuple[str | None, str, str | None]] = {}
    wanted = set(doc_ids)
    while wanted:
        for doc_id, outlet, name, original in _rows(
            con,
            "SELECT d.id, d.outlet, coalesce(d.title, d.source), d.duplicate_of "
            "FROM documents d JOIN _facts f ON f.id = d.id",
            sorted(wanted),
        ):
            docs[doc_id] = (outlet, name, original)
        wanted = {o for _, _, o in docs.values() if o and o not in docs}
    found = {doc_id: _source(doc_id, docs) for doc_id in doc_ids if doc_id in docs}
    copied = {s.key: s for doc_id, s in found.items() if s.key != doc_id}
    named = _named(con, copied, sides)
    return {
        doc_id: replace(s, named=named[s.key]) if s.key in named else s
        for doc_id, s in found.items()
    }


def _named(
    con: duckdb.DuckDBPyConnection, originals: dict[str, Source], sides: Sides
) -> dict[str, frozenset[str]]:
    """The keys of the origins each original document names, in its events and quotes."""
    if not originals:
        return {}
    keys: dict[str, set[str]] = {key: set() for key in originals}
    told = _rows(
        con,
        f"SELECT e.doc_id, e.status, e.claimed_by, e.via, {_NAMED} FROM events e JOIN _facts f "
        "ON f.id = e.doc_id UNION ALL SELECT q.doc_id, 'asserted', coalesce(q.speaker, "
        "q.speaker_text), q.via, q.speaker IS NOT NULL FROM quotes q JOIN _facts f ON f.id = q.doc_id",
        sorted(originals),
    )
    for doc_id, status, claimed_by, via, named in told:
        if status != "denied":
            report = _report(originals[doc_id], doc_id, status, claimed_by, via, named=named)
            keys[doc_id].add(origin_of(report, sides)[0])
    return {key: frozenset(found) for key, found in keys.items()}


def _source(doc_id: str, docs: dict[str, tuple[str | None, str, str | None]]) -> Source:
    seen = {doc_id}
    while (original := docs[doc_id][2]) and original in docs and original not in seen:
        doc_id = original
        seen.add(doc_id)
    outlet, name, _ = docs[doc_id]
    return Source(doc_id, outlet, name)


def _rows(con: duckdb.DuckDBPyConnection, sql: str, ids: Sequence[str]) -> list[tuple[Any, ...]]:
    """The rows of `sql` run with the temporary relation `_facts(id)` holding `ids`."""
    con.register("_facts", pa.table({"id": pa.array(list(ids), _S)}))
    try:
        return con.execute(sql).fetchall()
    finally:
        with contextlib.suppress(duckdb.Error):
            con.unregister("_facts")


def _row(fact_type: str, fact_id: str, c: Corroboration) -> dict[str, Any]:
    return {"fact_type": fact_type, "fact_id": fact_id, **corroboration_dict(c)}


def corroboration_dict(c: Corroboration) -> dict[str, Any]:
    """A corroboration as the store, the API and the JSON output give it."""
    return {
        "independent_origins": c.independent_origins,
        "sides": list(c.sides),
        "single_side": c.single_side,
        "single_side_method": c.single_side_method,
        "denied_by": list(c.denied_by),
        "origins": [origin_dict(o) for o in c.origins],
    }


def origin_dict(origin: Origin) -> dict[str, Any]:
    """An origin as the store (and the API) holds it."""
    return {
        "name": origin.name,
        "kind": origin.kind,
        "side": origin.side,
        "side_method": origin.side_method,
        "outlet_kind": origin.outlet_kind,
        "method": origin.method,
        "documents": origin.documents,
        "via": [
            {f: getattr(v, f) for f in ("name", "kind", "side", "side_method", "outlet_kind")}
            for v in origin.via
        ],
    }


def _insert(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> None:
    con.register("_corroboration", pa.Table.from_pylist(rows, schema=SCHEMA))
    try:
        con.execute("INSERT INTO corroboration SELECT * FROM _corroboration")
    finally:
        with contextlib.suppress(duckdb.Error):
            con.unregister("_corroboration")
