"""FA-KES x10: content-farm rewrites of real reports add no origins to what they copy."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

import duckdb
import pytest

from conftest import ROOT, shared_path
from newsgraph.corpus import ingest
from newsgraph.ingest.sources import ReadOptions
from newsgraph.ingest.tables import ColumnMap
from newsgraph.store.db import Store

pytestmark = pytest.mark.model
ARTICLES = 15
COLUMNS = ColumnMap(text="article_content", title="article_title", date="date", source="source")


def _rewrite() -> object:
    """bench/throughput.py's rewrite: the one the x10 corpus is made with."""
    spec = importlib.util.spec_from_file_location("throughput", ROOT / "bench" / "throughput.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.rewrite


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def _origins(db: Path) -> dict[str, list[str]]:
    """Each original report's occurrence -> the names of its origins, for occurrences no
    document reports that was not found as a copy (those may add what they say)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT e.id, list_transform(k.origins, lambda o: o.name) FROM events e "
            "JOIN corroboration k ON k.fact_type = 'event' AND k.fact_id = e.cluster_id "
            "JOIN documents d ON d.id = e.doc_id WHERE d.duplicate_of IS NULL "
            "AND d.title NOT LIKE '%)' AND e.cluster_id NOT IN (SELECT x.cluster_id FROM events x "
            "JOIN documents c ON c.id = x.doc_id WHERE c.duplicate_of IS NULL "
            "AND c.title LIKE '%)')"
        ).fetchall()
        return dict(rows)
    finally:
        con.close()


def _all_origins(db: Path) -> set[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            name
            for (names,) in con.execute(
                "SELECT list_transform(origins, lambda o: o.name) FROM corroboration"
            ).fetchall()
            for name in names
        }
    finally:
        con.close()


def test_rewritten_copies_collapse_to_their_originals_origins(tmp_path: Path) -> None:
    import random

    fakes = shared_path("corpus/fakes") / "FA-KES-Dataset.csv"
    csv.field_size_limit(sys.maxsize)
    with fakes.open(encoding="latin-1", newline="") as fh:
        rows = list(csv.DictReader(fh))[:ARTICLES]
    rewrite, rng = _rewrite(), random.Random(7)
    copies = [
        {
            **r,
            "article_title": f"{r['article_title']} ({n})",
            "article_content": rewrite(r["article_content"], rng),
        }  # type: ignore[operator]
        for n in (1, 2)
        for r in rows
    ]
    farmed = [{**c, "source": "Content Farm"} for c in copies[:ARTICLES]]  # republished elsewhere
    _write(tmp_path / "a.csv", rows)
    _write(tmp_path / "b.csv", copies[ARTICLES:] + farmed)
    options = ReadOptions(columns=COLUMNS)
    alone, with_copies = tmp_path / "alone.duckdb", tmp_path / "copies.duckdb"
    with Store(alone) as store:
        ingest([str(tmp_path / "a.csv")], store, options)
    with Store(with_copies) as store:
        summary = ingest([str(tmp_path / "a.csv"), str(tmp_path / "b.csv")], store, options)
    assert summary.copies >= 0.9 * len(copies)  # the rewrites are found as copies
    # every original report stands on the same origins, however many copies repeat it
    kept = _origins(with_copies)
    assert len(kept) >= 0.8 * len(_origins(alone))
    assert kept == {k: v for k, v in _origins(alone).items() if k in kept}
    # and no copy found as one brings an origin of its own, not even the farm that republished
    # them: "Content Farm" is an origin only where one of its rewrites was not found as a copy
    con = duckdb.connect(str(with_copies), read_only=True)
    missed = con.execute(
        "SELECT count(*) FROM documents WHERE outlet = 'Content Farm' AND duplicate_of IS NULL"
    ).fetchone()
    con.close()
    extra = _all_origins(with_copies) - _all_origins(alone)
    assert extra <= {"Content Farm"} and ("Content Farm" in extra) == (missed != (0,))
    # the positive twin: the farm's rewrites, taken as originals, would each add the farm
    independent = tmp_path / "farm.duckdb"
    _write(tmp_path / "farm.csv", farmed)
    with Store(independent) as store:
        ingest([str(tmp_path / "farm.csv")], store, options)
    assert "Content Farm" in _all_origins(independent)
