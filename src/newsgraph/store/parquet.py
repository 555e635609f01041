"""Documents' rows as Parquet partitions (the Ray engine's output), and back into DuckDB.

One file per table per input partition, `OUT/<table>/<partition key>.parquet`, written to a
temporary name and renamed, with `OUT/_done/<key>.json` last: a partition is either wholly
written or not at all, and a rerun skips the ones that are done.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.store.rows import DocRows, Row

_S, _I, _L = pa.string(), pa.int32(), pa.list_(pa.string())
SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [("id", _S), ("source", _S), ("url", _S), ("title", _S), ("byline", _S), ("outlet", _S),
         ("published", pa.date32()), ("text", _S), ("words", _I), ("content_hash", _S),
         ("stages", _L), ("fingerprint", pa.list_(pa.uint32())), ("ingested_at", _S), ("seq", _S)]
    ),
    "actors": pa.schema(
        [("id", _S), ("name", _S), ("kind", _S), ("code", _S), ("country", _S), ("origin", _S),
         ("patrons", _L), ("led_by", _S), ("side", _S)]
    ),
    "people": pa.schema([("id", _S), ("name", _S), ("title", _S), ("affiliation", _S)]),
    "places": pa.schema(
        [("id", _S), ("name", _S), ("geonames_id", pa.int64()), ("lat", pa.float64()),
         ("lon", pa.float64()), ("country_code", _S), ("kind", _S), ("origin", _S),
         ("precision", pa.int32()), ("within", _S)]
    ),
    "mentions": pa.schema(
        [("doc_id", _S), ("entity_type", _S), ("entity_id", _S), ("start", _I), ("end", _I),
         ("text", _S)]
    ),
    "quotes": pa.schema(
        [("id", _S), ("doc_id", _S), ("start", _I), ("end", _I), ("text", _S), ("kind", _S),
         ("cue", _S), ("speaker", _S), ("speaker_id", _S), ("speaker_text", _S), ("via", _L),
         ("method", _S), ("stage", _S)]
    ),
    "events": pa.schema(
        [("id", _S), ("doc_id", _S), ("type", _S), ("mode", _S), ("status", _S), ("actors", _L),
         ("recipients", _L), ("place", _S), ("place_id", _S), ("date_text", _S),
         ("day", pa.date32()), ("killed", _L), ("injured", _L), ("claimed_by", _S), ("via", _L),
         ("cameo", _S), ("trigger", _S), ("method", _S), ("stage", _S),
         ("fatalities", _I), ("injuries", _I), ("approximate", pa.bool_()), ("weapon", _S),
         ("day_precision", _S), ("period", _S), ("suspected", pa.bool_()), ("denied_by", _L),
         ("mergeable", pa.bool_()), ("place_kind", _S), ("seq", _S)]
    ),
    "relations": pa.schema(
        [("id", _S), ("doc_id", _S), ("subject", _S), ("relation", _S), ("object", _S),
         ("stage", _S)]
    ),
    "evidence": pa.schema(
        [("fact_type", _S), ("fact_id", _S), ("doc_id", _S), ("start", _I), ("end", _I),
         ("text", _S), ("main", pa.bool_())]
    ),
}  # fmt: skip


def table_rows(docs: Sequence[DocRows], ordinal: int) -> dict[str, list[Row]]:
    """Every table's rows for a partition's documents.

    `seq` orders documents and events as the local engine would meet them (partitions in
    listing order, documents in file order), so cross-document merging on Ray, which sorts
    by it, picks the same originals and occurrences.
    """
    out: dict[str, list[Row]] = {name: [] for name in SCHEMAS}
    for position, rows in enumerate(docs):
        seq = f"{ordinal:09d}.{position:09d}"
        out["documents"].append((*rows.document, seq))
        for name in ("actors", "people", "places", "mentions", "quotes", "relations", "evidence"):
            out[name] += getattr(rows, name)
        out["events"] += [
            (*e.values, e.mergeable, e.place_kind, f"{seq}.{n:06d}")
            for n, e in enumerate(rows.events)
        ]
    return out


def write_partition(
    out: Path, key: str, ordinal: int, docs: Sequence[DocRows], report: dict[str, Any]
) -> None:
    """Write one partition's tables, then its done-marker (the commit point)."""
    for name, rows in table_rows(docs, ordinal).items():
        schema = SCHEMAS[name]
        columns: list[Sequence[Any]] = (
            list(zip(*rows, strict=True)) if rows else [[] for _ in schema.names]
        )
        table = pa.table(
            [pa.array(c, type=f.type) for c, f in zip(columns, schema, strict=True)], schema=schema
        )
        target = out / name / f"{key}.parquet"
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        pq.write_table(table, tmp)
        os.replace(tmp, target)
    marker = out / "_done" / f"{key}.json"
    marker.parent.mkdir(parents=True, exist_ok=True)
    tmp = marker.with_name(f".{marker.name}.tmp")
    tmp.write_text(json.dumps(report, default=str), "utf-8")
    os.replace(tmp, marker)


def is_done(out: Path, key: str) -> bool:
    return (out / "_done" / f"{key}.json").exists()


def done_reports(out: Path) -> list[dict[str, Any]]:
    """The reports of every finished partition."""
    folder = out / "_done"
    if not folder.is_dir():
        return []
    return [json.loads(p.read_text("utf-8")) for p in sorted(folder.glob("*.json"))]
